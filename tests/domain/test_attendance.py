from datetime import time

import pytest

from clerk_tui.domain import AttendanceEvent, Committee, DomainError, EventKind, Meeting
from clerk_tui.domain.attendance import (
    in_room_after,
    present_for_items,
    quorum_for_item,
    quorum_timeline,
)
from tests.domain.conftest import voting_members


def record(meeting: Meeting, person: str, kind: EventKind, item: str | None = None, **extra: object) -> None:
    meeting.attendance.append(AttendanceEvent(person, kind, item_id=item, **extra))  # type: ignore[arg-type]


def test_presence_per_item_follows_arrivals_withdrawals_and_returns(meeting: Meeting) -> None:
    for person in ("chair", "m1", "m2"):
        record(meeting, person, EventKind.PRESENT)
    record(meeting, "m3", EventKind.APOLOGIES)
    record(meeting, "m4", EventKind.ARRIVED, "item-2", at=time(14, 10))
    record(meeting, "m1", EventKind.WITHDREW, "item-4")
    record(meeting, "m1", EventKind.RETURNED, "item-5")
    record(meeting, "m2", EventKind.DEPARTED, "item-5")

    present = present_for_items(meeting.attendance, meeting.agenda_ids())

    assert present["item-1"] == {"chair", "m1", "m2"}
    assert present["item-2"] == {"chair", "m1", "m2", "m4"}
    assert present["item-4"] == {"chair", "m2", "m4"}
    assert present["item-5"] == {"chair", "m1", "m4"}
    assert "m3" not in set().union(*present.values())


def test_a_withdrawal_and_return_within_one_item_counts_as_present(meeting: Meeting) -> None:
    record(meeting, "m1", EventKind.PRESENT)
    record(meeting, "m1", EventKind.WITHDREW, "item-4")
    record(meeting, "m1", EventKind.RETURNED, "item-4")
    assert "m1" in in_room_after(meeting.attendance, meeting.agenda_ids(), "item-4")


def test_quorum_is_lost_when_a_member_with_an_interest_withdraws(board: Committee, meeting: Meeting) -> None:
    voters = voting_members(board, meeting.date)
    for person in ("chair", "m1", "m2", "coopt"):
        record(meeting, person, EventKind.PRESENT)
    record(meeting, "m2", EventKind.WITHDREW, "item-4")
    record(meeting, "m2", EventKind.RETURNED, "item-5")

    def state(item: str) -> tuple[int, bool]:
        quorum = quorum_for_item(meeting.attendance, meeting.agenda_ids(), item, voters, board.quorum)
        return quorum.counted, quorum.met

    assert state("item-3") == (3, True)  # the non-voting co-optee does not count
    assert state("item-4") == (2, False)
    assert state("item-5") == (3, True)


def test_a_substitute_counts_for_the_member_they_replace(board: Committee, meeting: Meeting) -> None:
    voters = voting_members(board, meeting.date)
    record(meeting, "chair", EventKind.PRESENT)
    record(meeting, "m1", EventKind.PRESENT)
    record(meeting, "m2", EventKind.APOLOGIES)
    record(meeting, "sub", EventKind.SUBSTITUTE, for_person_id="m2")
    record(meeting, "officer", EventKind.OFFICER)
    record(meeting, "cabinet", EventKind.ALSO_PRESENT, capacity="Cabinet Member")
    quorum = quorum_for_item(meeting.attendance, meeting.agenda_ids(), None, voters, board.quorum)
    assert quorum.counted == 3
    assert quorum.met
    assert "3 of 3" in quorum.describe()


def test_the_timeline_shows_where_quorum_was_lost_and_regained(board: Committee, meeting: Meeting) -> None:
    voters = voting_members(board, meeting.date)
    for person in ("chair", "m1", "m2"):
        record(meeting, person, EventKind.PRESENT)
    record(meeting, "m1", EventKind.DEPARTED, "item-4")
    record(meeting, "m3", EventKind.ARRIVED, "item-5")
    flags = [state.met for _, state in quorum_timeline(meeting.attendance, meeting.agenda_ids(), voters, 3)]
    assert flags == [False, False, True, False, True]


def test_a_substitute_needs_someone_to_replace() -> None:
    with pytest.raises(DomainError, match="substituting for a named member"):
        AttendanceEvent("sub", EventKind.SUBSTITUTE)
    with pytest.raises(DomainError, match="themselves"):
        AttendanceEvent("m1", EventKind.SUBSTITUTE, for_person_id="m1")


def test_presence_for_an_unknown_item_is_an_error(meeting: Meeting) -> None:
    with pytest.raises(DomainError, match="no agenda item"):
        in_room_after(meeting.attendance, meeting.agenda_ids(), "item-99")
