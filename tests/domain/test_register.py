"""The attendance register counts as councils publish: expected from dated seats,
attended, apologies, absent, substituted, as substitute, in attendance, percentage."""

from __future__ import annotations

from datetime import date

from clerk_tui.domain import AttendanceEvent, Committee, EventKind, Meeting, MeetingStatus, Membership, Role
from clerk_tui.domain.register import (
    Presence,
    member_history,
    recorded_votes_in,
    register_for,
)
from tests.fixtures import hwb_2019, hwb_2019_06_12, hwb_2019_09_11, planning_2027


def test_the_health_and_wellbeing_board_in_2019_20() -> None:
    register = register_for(hwb_2019.committee(), [hwb_2019_06_12.meeting(), hwb_2019_09_11.meeting()], 2019)
    assert register.year == "2019/20"
    assert register.meetings == [("hwb-2019-06-12", date(2019, 6, 12)), ("hwb-2019-09-11", date(2019, 9, 11))]
    moncur = register.tally("ian-moncur")
    assert moncur is not None
    assert (moncur.role, moncur.expected, moncur.attended, moncur.apologies, moncur.percentage) == (
        Role.CHAIR,
        2,
        1,
        1,
        50,
    )
    kelly = register.tally("john-joseph-kelly")
    assert kelly is not None and (kelly.expected, kelly.attended, kelly.percentage) == (2, 2, 100)
    assert register.tallies[0].person_id == "ian-moncur"  # the Chair first
    assert all(t.attended + t.apologies + t.absent == t.expected for t in register.tallies)


def committee() -> Committee:
    board = Committee("os", "Overview and Scrutiny Committee")
    board.add_member(Membership("chair", Role.CHAIR))
    board.add_member(Membership("alice"))
    board.add_member(Membership("bob", end=date(2019, 9, 30)))
    board.add_member(Membership("carol", start=date(2019, 10, 1)))
    board.add_member(Membership("healthwatch", Role.CO_OPTED))
    board.add_member(Membership("sam", Role.SUBSTITUTE))
    return board


def held(meeting_id: str, day: date, *events: AttendanceEvent) -> Meeting:
    return Meeting(meeting_id, "os", day, status=MeetingStatus.MINUTES_DRAFTED, attendance=list(events))


def test_substitutes_dated_seats_cancelled_and_unheld_meetings() -> None:
    meetings = [
        held(
            "os-1",
            date(2019, 7, 2),
            AttendanceEvent("chair", EventKind.PRESENT),
            AttendanceEvent("alice", EventKind.APOLOGIES),
            AttendanceEvent("sam", EventKind.SUBSTITUTE, for_person_id="alice"),
            AttendanceEvent("healthwatch", EventKind.ARRIVED),
            AttendanceEvent("cabinet-member", EventKind.ALSO_PRESENT, capacity="Cabinet Member"),
        ),
        Meeting("os-2", "os", date(2019, 9, 3), status=MeetingStatus.CANCELLED),
        held(
            "os-3",
            date(2019, 11, 5),
            AttendanceEvent("chair", EventKind.PRESENT),
            AttendanceEvent("alice", EventKind.PRESENT),
            AttendanceEvent("carol", EventKind.APOLOGIES),
        ),
        Meeting("os-4", "os", date(2020, 1, 14), status=MeetingStatus.PUBLISHED),
        held("os-5", date(2020, 6, 2), AttendanceEvent("chair", EventKind.PRESENT)),  # 2020/21
    ]
    register = register_for(committee(), meetings, 2019)
    assert [meeting_id for meeting_id, _ in register.meetings] == ["os-1", "os-3"]
    counts = {
        t.person_id: (
            t.expected,
            t.attended,
            t.apologies,
            t.absent,
            t.substituted,
            t.as_substitute,
            t.in_attendance,
        )
        for t in register.tallies
    }
    assert counts == {
        "chair": (2, 2, 0, 0, 0, 0, 0),
        "alice": (2, 1, 1, 0, 1, 0, 0),
        "bob": (1, 0, 0, 1, 0, 0, 0),  # left in September: expected in July only, absent without apologies
        "carol": (1, 0, 1, 0, 0, 0, 0),  # joined in October
        "healthwatch": (2, 1, 0, 1, 0, 0, 0),  # co-opted: expected like a member
        "sam": (0, 0, 0, 0, 0, 1, 0),  # a named substitute is never expected
        "cabinet-member": (0, 0, 0, 0, 0, 0, 1),
    }
    by_id = {t.person_id: t for t in register.tallies}
    assert by_id["alice"].percentage == 50 and by_id["sam"].percentage is None
    alice_july = next(m for m in register.marks if m.person_id == "alice" and m.meeting_id == "os-1")
    assert (alice_july.presence, alice_july.substituted_by) == (Presence.APOLOGIES, "sam")
    assert [t.person_id for t in register.tallies][:2] == ["chair", "alice"]


def test_a_members_history_across_committees_and_years() -> None:
    board = hwb_2019.committee()
    scrutiny = committee()
    scrutiny.add_member(Membership("ian-moncur"))
    meetings = [
        hwb_2019_06_12.meeting(),
        hwb_2019_09_11.meeting(),
        held("os-1", date(2019, 7, 2), AttendanceEvent("ian-moncur", EventKind.PRESENT)),
        held("os-5", date(2020, 6, 2), AttendanceEvent("ian-moncur", EventKind.APOLOGIES)),
    ]
    history = member_history("ian-moncur", [board, scrutiny], meetings)
    summary = [
        (e.committee_id, e.year, e.tally.expected, e.tally.attended, e.tally.percentage) for e in history
    ]
    assert summary == [("os", "2020/21", 1, 0, 0), ("hwb", "2019/20", 2, 1, 50), ("os", "2019/20", 1, 1, 100)]


def test_how_a_member_voted_in_recorded_votes_is_in_their_history() -> None:
    """Issue 14 (6): the recorded vote on 24 Church Road, as each member named in it voted;
    Councillor Crane, out of the room for it, is named in none; an exempt item's vote is
    never listed (the register is published)."""
    meeting = planning_2027.meeting()
    [moss] = recorded_votes_in(meeting, "linda-moss")
    assert (moss.date, moss.item, moss.how, moss.result) == (
        date(2027, 3, 10),
        "24 Church Road, Southport - DC/2027/00245",
        "against",
        "carried",
    )
    assert moss.motion.startswith("Motion: that the application be refused for the following reasons: 1.")
    assert [v.how for v in recorded_votes_in(meeting, "anne-wetherby")] == ["abstained"]
    assert recorded_votes_in(meeting, "david-crane") == []
    church_road = meeting.item(planning_2027.CHURCH_ROAD)
    church_road.exempt, church_road.exempt_paragraphs = True, [3]
    assert recorded_votes_in(meeting, "linda-moss") == []
