"""The attendance register: how often each member came, as councils publish it.

The counting follows the published registers (modern.gov's "expected / present /
present as substitute / in attendance / apologies"):

- A member is **expected** at every meeting held while they hold a seat on the committee
  (Chair, Vice-Chair, member or co-opted member; a named substitute's seat is not one):
  the committee's dated memberships say who held one on the day.
- Only meetings whose attendance is known count: held ones. A cancelled meeting, or one
  not yet held, expects no one.
- Of the meetings a member was expected at, each is **attended** (present, or arrived
  late), **apologies**, or **absent** (neither: absence without apologies). A member who
  withdrew for an interest still attended.
- **Substituted** counts the expected meetings at which a substitute sat in the member's
  place; **as substitute** counts the meetings a person attended in another member's
  place. **In attendance** counts meetings attended in another capacity (a Cabinet
  Member "also present", someone present who held no seat that day).
- The **percentage** is attended / expected, as councils publish it: attendance as a
  substitute or in another capacity is shown but does not raise it.
- **Recorded votes** (issue 14): how the member voted in each recorded (named) vote of a
  held meeting, as the minutes record it; votes on exempt items are left out, since the
  register is published.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from clerk_tui.domain.attendance import EventKind
from clerk_tui.domain.committee import Committee, Role
from clerk_tui.domain.meeting import Meeting
from clerk_tui.domain.motions import VoteMethod
from clerk_tui.domain.numbering import municipal_year, municipal_year_label
from clerk_tui.domain.summary import MeetingStatus

EXPECTED_ROLES = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.CO_OPTED})
HELD = frozenset({MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFTED, MeetingStatus.APPROVED})


class Presence(StrEnum):
    ATTENDED = "attended"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    AS_SUBSTITUTE = "as substitute"
    IN_ATTENDANCE = "in attendance"


@dataclass(frozen=True)
class Mark:
    """One person at one meeting."""

    meeting_id: str
    date: date
    person_id: str
    presence: Presence
    expected: bool
    substituted_by: str | None = None
    """For an expected member who was not there: who sat in their place."""
    substituting_for: str | None = None


@dataclass
class Tally:
    person_id: str
    role: Role | None = None
    """The seat held at the last meeting of the period (None: held no seat)."""
    expected: int = 0
    attended: int = 0
    apologies: int = 0
    absent: int = 0
    substituted: int = 0
    as_substitute: int = 0
    in_attendance: int = 0

    @property
    def percentage(self) -> int | None:
        """Attended of expected, rounded to a whole number; None when none was expected."""
        if self.expected == 0:
            return None
        return round(100 * self.attended / self.expected)

    def add(self, mark: Mark) -> None:
        if mark.expected:
            self.expected += 1
            if mark.substituted_by:
                self.substituted += 1
        counter = {
            Presence.ATTENDED: "attended",
            Presence.APOLOGIES: "apologies",
            Presence.ABSENT: "absent",
            Presence.AS_SUBSTITUTE: "as_substitute",
            Presence.IN_ATTENDANCE: "in_attendance",
        }[mark.presence]
        setattr(self, counter, getattr(self, counter) + 1)


@dataclass
class Register:
    committee_id: str
    year: str
    """ "2019/20"."""
    meetings: list[tuple[str, date]] = field(default_factory=list)
    """The meetings counted, by date."""
    tallies: list[Tally] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)

    def tally(self, person_id: str) -> Tally | None:
        return next((t for t in self.tallies if t.person_id == person_id), None)


def attendance_known(meeting: Meeting) -> bool:
    if meeting.status == MeetingStatus.CANCELLED:
        return False
    return meeting.status in HELD or bool(meeting.attendance)


def marks_of(meeting: Meeting, committee: Committee) -> list[Mark]:
    """Everyone the meeting expected or recorded, and how they stood."""
    seats = {m.person_id: m for m in committee.memberships_on(meeting.date) if m.role in EXPECTED_ROLES}
    came: set[str] = set()
    apologised: set[str] = set()
    stood_in: dict[str, str] = {}
    other_capacity: set[str] = set()
    for event in meeting.attendance:
        if event.kind in {EventKind.PRESENT, EventKind.ARRIVED}:
            came.add(event.person_id)
        elif event.kind == EventKind.APOLOGIES:
            apologised.add(event.person_id)
        elif event.kind == EventKind.SUBSTITUTE and event.for_person_id:
            stood_in[event.person_id] = event.for_person_id
        elif event.kind == EventKind.ALSO_PRESENT:
            other_capacity.add(event.person_id)
    replaced_by = {member: substitute for substitute, member in stood_in.items()}
    marks: list[Mark] = []
    for person_id in seats:
        if person_id in came or person_id in stood_in:
            presence = Presence.ATTENDED
        elif person_id in apologised:
            presence = Presence.APOLOGIES
        else:
            presence = Presence.ABSENT
        substitute = replaced_by.get(person_id) if presence != Presence.ATTENDED else None
        marks.append(Mark(meeting.id, meeting.date, person_id, presence, True, substituted_by=substitute))
    for person_id, member in stood_in.items():
        if person_id not in seats:
            marks.append(
                Mark(
                    meeting.id,
                    meeting.date,
                    person_id,
                    Presence.AS_SUBSTITUTE,
                    False,
                    substituting_for=member,
                )
            )
    for person_id in sorted((came | other_capacity) - set(seats) - set(stood_in)):
        marks.append(Mark(meeting.id, meeting.date, person_id, Presence.IN_ATTENDANCE, False))
    return marks


def register_for(committee: Committee, meetings: Iterable[Meeting], year: int) -> Register:
    """The register of the municipal year that began in ``year`` (2019 for 2019/20)."""
    style = committee.style
    counted = sorted(
        (
            m
            for m in meetings
            if m.committee_id == committee.id
            and municipal_year(m.date, style) == year
            and attendance_known(m)
        ),
        key=lambda m: (m.date, m.id),
    )
    label = municipal_year_label(
        date(year, style.municipal_year_start_month, style.municipal_year_start_day), style
    )
    register = Register(committee.id, label, [(m.id, m.date) for m in counted])
    tallies: dict[str, Tally] = {}
    for meeting in counted:
        for mark in marks_of(meeting, committee):
            register.marks.append(mark)
            tally = tallies.setdefault(mark.person_id, Tally(mark.person_id))
            tally.add(mark)
            seat = committee.membership_of(mark.person_id, meeting.date)
            tally.role = seat.role if seat is not None else tally.role
    register.tallies = _in_house_order(committee, tallies)
    return register


def _in_house_order(committee: Committee, tallies: dict[str, Tally]) -> list[Tally]:
    """Chair, Vice-Chair, the members as the committee lists them, co-optees, then
    substitutes and anyone else."""
    rank = {Role.CHAIR: 0, Role.VICE_CHAIR: 1, Role.MEMBER: 2, Role.CO_OPTED: 3, Role.SUBSTITUTE: 4}
    listed = {m.person_id: index for index, m in reversed(list(enumerate(committee.members)))}

    def key(tally: Tally) -> tuple[int, int, str]:
        role_rank = rank.get(tally.role, 5) if tally.role is not None else 5
        return role_rank, listed.get(tally.person_id, len(listed)), tally.person_id

    return sorted(tallies.values(), key=key)


@dataclass(frozen=True)
class HistoryEntry:
    committee_id: str
    year: str
    tally: Tally


def member_history(
    person_id: str, committees: Sequence[Committee], meetings: Iterable[Meeting]
) -> list[HistoryEntry]:
    """One person's attendance on every committee, year by year (newest year first)."""
    by_id = {committee.id: committee for committee in committees}
    grouped: dict[tuple[str, int], list[Meeting]] = {}
    for meeting in meetings:
        committee = by_id.get(meeting.committee_id)
        if committee is None:
            continue
        grouped.setdefault((committee.id, municipal_year(meeting.date, committee.style)), []).append(meeting)
    entries = []
    for (committee_id, year), group in sorted(grouped.items(), key=lambda item: (-item[0][1], item[0][0])):
        register = register_for(by_id[committee_id], group, year)
        tally = register.tally(person_id)
        if tally is not None:
            entries.append(HistoryEntry(committee_id, register.year, tally))
    return entries


@dataclass(frozen=True)
class RecordedVote:
    """How one member voted in one recorded vote."""

    meeting_id: str
    committee_id: str
    date: date
    item: str
    """The minute's title."""
    motion: str
    """``Amendment: that an additional condition be imposed ...``."""
    how: str
    """"for", "against" or "abstained"."""
    result: str
    """"carried", "lost", "withdrawn" or "pending"."""


def recorded_votes_in(meeting: Meeting, person_id: str) -> list[RecordedVote]:
    """The recorded votes of a held meeting that name ``person_id``, in the minutes' order;
    none from an exempt item."""
    if meeting.status not in HELD:
        return []
    exempt = {item.id for item in meeting.agenda if item.exempt}
    found: list[RecordedVote] = []
    for minute in meeting.minutes:
        if minute.item_id in exempt:
            continue
        for motion in minute.motions:
            vote = motion.vote
            if vote is None or vote.method != VoteMethod.RECORDED:
                continue
            lists = (
                ("for", vote.named_for),
                ("against", vote.named_against),
                ("abstained", vote.named_abstained),
            )
            how = next((word for word, people in lists if person_id in people), None)
            if how is None:
                continue
            proposal = motion.text or "; ".join(motion.parts)
            found.append(
                RecordedVote(
                    meeting.id,
                    meeting.committee_id,
                    meeting.date,
                    minute.title,
                    f"{motion.kind.noun}: that {proposal}",
                    how,
                    motion.result.value,
                )
            )
    return found


def noting_recorded_votes(
    meetings: Iterable[Meeting], person_id: str, votes: list[RecordedVote]
) -> Iterator[Meeting]:
    """The meetings as they pass, each one's recorded votes naming ``person_id`` added to
    ``votes`` on the way: the register reads every meeting once, never holds them all."""
    for meeting in meetings:
        votes.extend(recorded_votes_in(meeting, person_id))
        yield meeting
