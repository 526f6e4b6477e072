"""What a printed paper needs to know about one meeting, gathered in one place."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from clerk_tui.domain import Committee, HouseStyle, Meeting, Membership, Person, Role
from clerk_tui.domain.committee import MemberOrder


@dataclass
class MeetingPapers:
    """What printing one meeting's papers needs: the meeting, its committee and the people named."""

    meeting: Meeting
    committee: Committee
    people: Mapping[str, Person]
    first_minute_number: int = 1
    first_page: int = 1
    """The minute-book page the minutes start on (pages run on through the year)."""
    warnings: list[str] = field(default_factory=list)
    public: bool = False
    """The meeting is its public form (made by ``render.public.public_papers`` alone)."""
    declarations_left_out: int = 0
    """Declarations on exempt items the public form leaves out (by house style)."""

    @property
    def style(self) -> HouseStyle:
        return self.committee.style

    def person(self, person_id: str) -> Person:
        """The person as this meeting's papers name them: with the name they had on the
        meeting's date (a later marriage or honour does not reprint past minutes)."""
        person = self.people.get(person_id)
        if person is None:
            self.warnings.append(f"No person {person_id!r} in the store; printed as a placeholder.")
            return Person(person_id, f"[UNKNOWN PERSON {person_id}]")
        return person.as_on(self.meeting.date)

    def _known(self, person_id: str) -> Person | None:
        person = self.people.get(person_id)
        return person.as_on(self.meeting.date) if person is not None else None

    def members_in_order(self, on: date | None = None) -> list[Membership]:
        """The Chair, the Vice-Chair, then the rest in the house order."""
        seats = self.committee.memberships_on(on or self.meeting.date)
        chair = [m for m in seats if m.role == Role.CHAIR]
        vice = [m for m in seats if m.role == Role.VICE_CHAIR]
        rest = [m for m in seats if m.role not in {Role.CHAIR, Role.VICE_CHAIR}]
        if self.committee.style.member_order == MemberOrder.ALPHABETICAL:
            councillors = [m for m in rest if m.role != Role.CO_OPTED and self._is_councillor(m)]
            others = [m for m in rest if m not in councillors]
            councillors.sort(key=lambda m: surname_key(self._known(m.person_id)))
            rest = councillors + others
        return chair + vice + rest

    def _is_councillor(self, membership: Membership) -> bool:
        person = self._known(membership.person_id)
        return bool(person and person.councillor)

    def rank(self) -> dict[str, int]:
        """Person id -> place in the house order; people who are not members come last."""
        order = self.members_in_order()
        return {m.person_id: index for index, m in enumerate(order)}


def surname_key(person: Person | None) -> str:
    """ "Iain Brodie - Browne" sorts under B for Brodie; "John Joseph Kelly" under K."""
    if person is None:
        return ""
    words = person.name.replace(" - ", "-").split()
    return words[-1].split("-")[0].lower() if words else ""
