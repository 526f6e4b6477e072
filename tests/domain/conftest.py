"""Small domain objects shared by the domain tests."""

from datetime import date

import pytest

from clerk_tui.domain import AgendaItem, Committee, ItemKind, Meeting, Membership, Role


@pytest.fixture
def board() -> Committee:
    """A board of five voting members (quorum 3), one non-voting co-optee and a substitute."""
    committee = Committee("hwb", "Health and Wellbeing Board", noun="the Board", quorum=3)
    committee.add_member(Membership("chair", Role.CHAIR))
    for person in ("m1", "m2", "m3", "m4"):
        committee.add_member(Membership(person))
    committee.add_member(Membership("coopt", Role.CO_OPTED, voting=False))
    committee.add_member(Membership("sub", Role.SUBSTITUTE, voting=False))
    return committee


@pytest.fixture
def meeting() -> Meeting:
    meeting = Meeting("hwb-2019-09-11", "hwb", date(2019, 9, 11))
    for number, title in enumerate(["Apologies", "Minutes", "Declarations", "Report A", "Report B"]):
        kind = [
            ItemKind.APOLOGIES,
            ItemKind.PREVIOUS_MINUTES,
            ItemKind.DECLARATIONS,
            ItemKind.SUBSTANTIVE,
            ItemKind.SUBSTANTIVE,
        ][number]
        meeting.add_item(AgendaItem(f"item-{number + 1}", title, kind=kind))
    return meeting


def voting_members(committee: Committee, day: date) -> set[str]:
    return {m.person_id for m in committee.memberships_on(day) if m.counts_for_quorum()}
