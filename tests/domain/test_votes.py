"""Motions and votes in the live meeting: who may vote, what a vote may say, what follows
from the result, and undo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

import pytest

from clerk_tui.domain import (
    Committee,
    Declaration,
    DomainError,
    EventKind,
    InterestAction,
    InterestKind,
    Meeting,
    Motion,
    MotionKind,
    MotionResult,
    Resolution,
    Vote,
    VoteMethod,
)
from clerk_tui.domain.codec import from_document, to_document
from clerk_tui.domain.lifecycle import take_live
from clerk_tui.domain.live import declare, mark, presence_for_item, take_item, write_minute
from clerk_tui.domain.live_state import LiveCommand, live_permissions
from clerk_tui.domain.minutes import ResolutionLead
from clerk_tui.domain.undo import redo, undo
from clerk_tui.domain.votes import (
    Electorate,
    carried_unanimously,
    carried_without_vote,
    casting_vote,
    chair_of,
    count_vote,
    declare_result,
    entitled_voters,
    expected_result,
    motion_before,
    move,
    quorum_at_vote,
    recorded_vote,
    resolving_motion,
    second,
    substantive_motion,
    vote_problems,
    voting_standing,
    withdraw_motion,
)
from tests.fixtures import planning_2027

NAMES = {"chair": "Cllr Chair", "m1": "Cllr One", "m2": "Cllr Two", "m3": "Cllr Three", "m4": "Cllr Four"}


@pytest.fixture
def live(meeting: Meeting) -> Meeting:
    """The board's meeting, live: the chair, m1-m3 and the co-optee present, m4's
    apologies and the substitute in m4's place; item 4 under way."""
    take_live(meeting)
    for person in ("chair", "m1", "m2", "m3", "coopt"):
        mark(meeting, person, EventKind.PRESENT, current_item=None, at=time(14, 0))
    mark(meeting, "m4", EventKind.APOLOGIES, current_item=None)
    mark(meeting, "sub", EventKind.SUBSTITUTE, current_item=None, for_person_id="m4")
    take_item(meeting, "item-4")
    return meeting


def _minute(meeting: Meeting, item_id: str = "item-4") -> str:
    minute = meeting.minute_for_item(item_id)
    assert minute is not None
    return minute.id


def _moved(meeting: Meeting, board: Committee, parts: list[str] | None = None) -> str:
    minute = _minute(meeting)
    move(meeting, board, minute, "m1", parts=parts or ["the report be noted"], names=NAMES)
    second(meeting, board, minute, "m2", names=NAMES)
    return minute


# --- who may vote ---------------------------------------------------------------------------
def test_the_voting_seats_in_the_room_may_vote_a_substitute_in_place_of_the_member(
    live: Meeting, board: Committee
) -> None:
    assert entitled_voters(live, board, "item-4") == ["chair", "m1", "m2", "m3", "sub"]
    assert voting_standing(live, board, "item-4", "sub").seat == "m4"


@pytest.mark.parametrize(
    ("person", "reason"),
    [
        ("coopt", "Cllr coopt is a non-voting member of the committee."),
        ("m4", "Cllr Four is replaced at this meeting by sub, who votes instead."),
        ("guest", "guest is not a member of the committee."),
    ],
)
def test_who_holds_no_seat_is_told_why(live: Meeting, board: Committee, person: str, reason: str) -> None:
    names = {**NAMES, "coopt": "Cllr coopt"}
    standing = voting_standing(live, board, "item-4", person, names)
    assert not standing.may_vote
    assert standing.reason == reason


def test_a_substitute_not_recorded_as_substituting_has_no_vote(meeting: Meeting, board: Committee) -> None:
    mark(meeting, "sub", EventKind.PRESENT, current_item=None)
    standing = voting_standing(meeting, board, "item-4", "sub")
    assert standing.reason == "sub is a substitute not recorded as substituting for a member at this meeting."


def test_a_member_who_withdrew_for_an_interest_cannot_vote_even_back_in_the_room(
    live: Meeting, board: Committee
) -> None:
    declaration = Declaration(
        "declaration-1", "m3", "item-4", InterestKind.PERSONAL, "a neighbour", InterestAction.WITHDREW
    )
    declare(live, declaration)
    assert voting_standing(live, board, "item-4", "m3", NAMES).reason == (
        "Cllr Three declared an interest in this item and withdrew: no vote on it."
    )
    mark(live, "m3", EventKind.PRESENT, current_item="item-4")  # back in the room during the item
    assert not voting_standing(live, board, "item-4", "m3").may_vote
    assert voting_standing(live, board, "item-5", "m3").may_vote, "back for the next item"


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        (EventKind.WITHDREW, "Cllr One withdrew from the room: no vote on this item."),
        (EventKind.DEPARTED, "Cllr One has left the meeting: no vote on this item."),
    ],
)
def test_a_member_out_of_the_room_cannot_vote(
    live: Meeting, board: Committee, kind: EventKind, reason: str
) -> None:
    mark(live, "m1", kind, current_item="item-4", at=time(14, 30))
    assert voting_standing(live, board, "item-4", "m1", NAMES).reason == reason
    assert "m1" not in entitled_voters(live, board, "item-4")


def test_a_late_arrival_votes_from_the_item_they_arrive_in(meeting: Meeting, board: Committee) -> None:
    mark(meeting, "m1", EventKind.PRESENT, current_item="item-5", at=time(15, 0))
    assert "m1" not in entitled_voters(meeting, board, "item-4")
    assert "m1" in entitled_voters(meeting, board, "item-5")


def test_the_chair_is_the_one_elected_for_the_meeting_or_the_committees(
    live: Meeting, board: Committee
) -> None:
    assert chair_of(live, board) == "chair"
    live.chair_id = "m2"
    assert chair_of(live, board) == "m2"


def test_the_quorum_at_the_vote_counts_the_seats_that_may_vote(live: Meeting, board: Committee) -> None:
    assert quorum_at_vote(live, board, "item-4").counted == 5
    for person in ("m1", "m2", "m3"):
        mark(live, person, EventKind.DEPARTED, current_item="item-4")
    quorum = quorum_at_vote(live, board, "item-4")
    assert (quorum.counted, quorum.met) == (2, False)


# --- moving and seconding -----------------------------------------------------------------
def test_a_motion_moved_fills_the_empty_resolution(live: Meeting, board: Committee) -> None:
    minute = _minute(live)
    said = move(live, board, minute, "m1", parts=["That the report be noted."], names=NAMES)
    assert said == "Motion moved by Cllr One."
    record = live.minutes[-1]
    assert record.resolution == Resolution(["the report be noted"])
    assert record.motions[0] == Motion("motion-1", "m1", parts=["the report be noted"])
    assert second(live, board, minute, "m2", names=NAMES) == "Motion seconded by Cllr Two."


def test_a_motion_moved_without_words_is_the_resolution_typed(live: Meeting, board: Committee) -> None:
    minute = live.minutes[-1]
    write_minute(minute, "", "the report be noted\nthe Chair be thanked", ResolutionLead.RESOLVED)
    move(live, board, minute.id, "m1")
    assert minute.motions[0].parts == ["the report be noted", "the Chair be thanked"]
    with pytest.raises(DomainError, match="decide it or withdraw it first"):
        move(live, board, minute.id, "m2")


def test_a_typed_resolution_that_differs_is_left_until_the_motion_is_carried(
    live: Meeting, board: Committee
) -> None:
    minute = live.minutes[-1]
    write_minute(minute, "", "the recommendation be approved", ResolutionLead.RESOLVED)
    said = move(live, board, minute.id, "m1", parts=["the recommendation be rejected"])
    assert said.endswith("The resolution box differs from the motion and is left as typed.")
    assert minute.resolution is not None and minute.resolution.parts == ["the recommendation be approved"]
    said = carried_without_vote(live, board, minute.id)
    assert said == (
        "The motion is CARRIED without a vote. The resolution now reads as the motion carried "
        "(what was typed there is replaced)."
    )
    assert minute.resolution.parts == ["the recommendation be rejected"]


@pytest.mark.parametrize(
    ("person", "message"),
    [
        ("coopt", "coopt is a non-voting member of the committee."),
        ("m4", "Cllr Four is replaced at this meeting by sub, who votes instead."),
    ],
)
def test_only_those_who_may_vote_move_or_second(
    live: Meeting, board: Committee, person: str, message: str
) -> None:
    minute = _minute(live)
    with pytest.raises(DomainError, match=message):
        move(live, board, minute, person, parts=["x"], names=NAMES)
    move(live, board, minute, "m1", parts=["x"])
    with pytest.raises(DomainError, match=message):
        second(live, board, minute, person, names=NAMES)
    with pytest.raises(DomainError, match="cannot second their own motion"):
        second(live, board, minute, "m1")


def test_an_amendment_needs_a_motion_its_words_and_how_the_motion_would_read(
    live: Meeting, board: Committee
) -> None:
    minute = _minute(live)
    with pytest.raises(DomainError, match="none is"):
        move(live, board, minute, "m3", kind=MotionKind.AMENDMENT, text="x", parts=["y"])
    _moved(live, board)
    with pytest.raises(DomainError, match="Say what the amendment is"):
        move(live, board, minute, "m3", kind=MotionKind.AMENDMENT, parts=["y"])
    with pytest.raises(DomainError, match="how the motion would read"):
        move(live, board, minute, "m3", kind=MotionKind.AMENDMENT, text="x", parts=["the report be noted"])
    move(live, board, minute, "m3", kind=MotionKind.AMENDMENT, text="x", parts=["y"])
    with pytest.raises(DomainError, match="An amendment is before the meeting"):
        move(live, board, minute, "sub", kind=MotionKind.AMENDMENT, text="z", parts=["z"])


def test_the_motion_before_the_meeting_procedural_then_amendment_then_substantive(
    live: Meeting, board: Committee
) -> None:
    minute = _moved(live, board)
    record = live.minutes[-1]
    move(live, board, minute, "m3", kind=MotionKind.AMENDMENT, text="x", parts=["y"])
    move(live, board, minute, "sub", kind=MotionKind.PROCEDURAL, text="the question be now put")
    assert [m.kind for m in record.motions] == [
        MotionKind.ORIGINAL,
        MotionKind.AMENDMENT,
        MotionKind.PROCEDURAL,
    ]
    before = motion_before(record)
    assert before is not None and before.kind == MotionKind.PROCEDURAL
    with pytest.raises(DomainError, match="The procedural motion before the meeting is decided first"):
        count_vote(live, board, minute, 3, 1, motion_id="motion-1")
    carried_without_vote(live, board, minute)
    before = motion_before(record)
    assert before is not None and before.kind == MotionKind.AMENDMENT
    assert substantive_motion(record) == record.motions[0]


# --- votes -----------------------------------------------------------------------------------------
def test_a_count_cannot_exceed_the_members_who_may_vote(live: Meeting, board: Committee) -> None:
    minute = _moved(live, board)
    with pytest.raises(
        DomainError, match="6 votes counted, but only 5 members present may vote on this item."
    ):
        count_vote(live, board, minute, 3, 2, 1)
    with pytest.raises(DomainError, match="a number from 0"):
        count_vote(live, board, minute, -1, 2, 1)
    said = count_vote(live, board, minute, 3, 1, 1)
    assert said == "Votes on the motion: 3 for, 1 against, 1 abstention; 5 may vote."
    vote = live.minutes[-1].motions[0].vote
    assert vote == Vote(VoteMethod.COUNT, 3, 1, 1, entitled=["chair", "m1", "m2", "m3", "sub"], quorum=3)


def test_a_recount_replaces_the_count(live: Meeting, board: Committee) -> None:
    minute = _moved(live, board)
    count_vote(live, board, minute, 2, 2)
    assert count_vote(live, board, minute, 3, 2).startswith(
        "Votes on the motion: 3 for, 2 against (a recount);"
    )


def test_a_recorded_vote_names_only_those_who_may_vote(live: Meeting, board: Committee) -> None:
    minute = _moved(live, board)
    with pytest.raises(DomainError, match="coopt is a non-voting member"):
        recorded_vote(live, board, minute, ["m1", "coopt"], ["m2"])
    with pytest.raises(DomainError, match="Cllr One is named twice"):
        recorded_vote(live, board, minute, ["m1"], ["m1"], names=NAMES)
    said = recorded_vote(live, board, minute, ["m1", "m2", "sub"], ["m3"])
    assert said == "Recorded vote on the motion: 3 for, 1 against; 1 present did not vote."
    vote = live.minutes[-1].motions[0].vote
    assert vote is not None and vote.named_for == ["m1", "m2", "sub"] and vote.votes_for == 3


def test_the_withdrawn_member_of_the_planning_meeting_cannot_vote() -> None:
    meeting, planning, minute = planning_2027.church_road_before_the_vote()
    with pytest.raises(DomainError) as refused:
        recorded_vote(
            meeting,
            planning,
            minute,
            [*planning_2027.CHURCH_ROAD_FOR, "david-crane"],
            planning_2027.CHURCH_ROAD_AGAINST,
            planning_2027.CHURCH_ROAD_ABSTAINED,
            names=planning_2027.NAMES,
        )
    assert (
        refused.value.message == "Cllr Crane declared an interest in this item and withdrew: no vote on it."
    )
    with pytest.raises(DomainError, match="11 votes counted, but only 10 members present may vote"):
        count_vote(meeting, planning, minute, 6, 4, 1)
    assert "david-crane" not in entitled_voters(meeting, planning, planning_2027.CHURCH_ROAD)
    assert len(entitled_voters(meeting, planning, planning_2027.CHURCH_ROAD)) == 10


def test_the_planning_meeting_as_recorded() -> None:
    meeting = planning_2027.meeting()
    planning = planning_2027.committee()
    for minute in meeting.minutes:
        assert vote_problems(meeting, planning, minute) == []
        assert all(not motion.pending for motion in minute.motions)
    church = meeting.minute_for_item(planning_2027.CHURCH_ROAD)
    assert church is not None and church.motions[0].vote is not None
    assert "david-crane" not in church.motions[0].vote.entitled
    dairy = meeting.minute_for_item(planning_2027.OLD_DAIRY)
    assert dairy is not None
    assert [m.result for m in dairy.motions] == [MotionResult.WITHDRAWN, MotionResult.CARRIED]
    assert resolving_motion(dairy) is dairy.motions[1]


# --- results ----------------------------------------------------------------------------------------
def test_the_result_follows_the_count_and_is_refused_against_it(live: Meeting, board: Committee) -> None:
    minute = _moved(live, board)
    with pytest.raises(DomainError, match="Take the vote first"):
        declare_result(live, board, minute)
    count_vote(live, board, minute, 1, 3, 1)
    with pytest.raises(DomainError, match=r"The vote \(1 for, 3 against, 1 abstention\) has the motion LOST"):
        declare_result(live, board, minute, MotionResult.CARRIED)
    assert declare_result(live, board, minute) == "The motion is LOST. The resolution it filled is taken out."
    assert live.minutes[-1].resolution is None
    with pytest.raises(DomainError, match="No motion is before the meeting"):
        declare_result(live, board, minute)


def test_equal_votes_want_the_casting_vote_or_the_motion_falls(live: Meeting, board: Committee) -> None:
    minute = _moved(live, board)
    said = count_vote(live, board, minute, 2, 2, 1)
    assert said.endswith("The votes are equal: the Chair may use the casting vote.")
    with pytest.raises(DomainError, match="record the Chair's casting vote, or declare the motion lost"):
        declare_result(live, board, minute)
    with pytest.raises(DomainError, match="only the Chair's casting vote carries it"):
        declare_result(live, board, minute, MotionResult.CARRIED)
    assert declare_result(live, board, minute, MotionResult.LOST).startswith("The motion is LOST.")


def test_the_chairs_casting_vote_decides(live: Meeting, board: Committee) -> None:
    minute = _moved(live, board)
    count_vote(live, board, minute, 3, 1)
    with pytest.raises(DomainError, match="only when a counted vote is equal"):
        casting_vote(live, board, minute, True)
    count_vote(live, board, minute, 2, 2, 1)
    assert (
        casting_vote(live, board, minute, True)
        == "The Chair's casting vote in favour: the motion is CARRIED."
    )
    vote = live.minutes[-1].motions[0].vote
    assert vote is not None and vote.casting is not None and vote.casting.person_id == "chair"
    assert expected_result(vote) == MotionResult.CARRIED


def test_a_chair_withdrawn_for_the_item_has_no_casting_vote_the_one_presiding_has(
    live: Meeting, board: Committee
) -> None:
    declare(
        live,
        Declaration(
            "declaration-1", "chair", "item-4", InterestKind.PERSONAL, "a friend", InterestAction.WITHDREW
        ),
    )
    minute = _moved(live, board)
    count_vote(live, board, minute, 2, 2)
    with pytest.raises(DomainError, match="Cllr Chair declared an interest in this item and withdrew"):
        casting_vote(live, board, minute, True, names=NAMES)
    said = casting_vote(live, board, minute, False, presiding_id="m3")
    assert said == (
        "The Chair's casting vote against: the motion is LOST. The resolution it filled is taken out."
    )


def test_an_amendment_carried_changes_the_motion_and_the_resolution(live: Meeting, board: Committee) -> None:
    minute = _moved(live, board)
    move(
        live,
        board,
        minute,
        "m3",
        kind=MotionKind.AMENDMENT,
        text="“and welcomed” be added",
        parts=["the report be noted and welcomed"],
    )
    count_vote(live, board, minute, 3, 1, 1)
    assert declare_result(live, board, minute) == "The amendment is CARRIED. The motion now reads as amended."
    record = live.minutes[-1]
    assert record.motions[0].parts == ["the report be noted and welcomed"]
    assert record.resolution is not None and record.resolution.parts == ["the report be noted and welcomed"]
    # amendments stack: the next is moved on the motion as amended
    move(live, board, minute, "sub", kind=MotionKind.AMENDMENT, text="x", parts=["the report be welcomed"])
    count_vote(live, board, minute, 1, 4)
    declare_result(live, board, minute)
    assert record.resolution.parts == ["the report be noted and welcomed"]
    carried_unanimously(live, board, minute)
    assert resolving_motion(record) is record.motions[0]


def test_withdrawing_a_motion(live: Meeting, board: Committee) -> None:
    minute = _moved(live, board)
    move(live, board, minute, "m3", kind=MotionKind.AMENDMENT, text="x", parts=["y"])
    with pytest.raises(DomainError, match="An amendment to it is before the meeting"):
        withdraw_motion(live, minute, motion_id="motion-1")
    assert withdraw_motion(live, minute) == "The amendment is withdrawn."
    assert withdraw_motion(live, minute) == "The motion is withdrawn. The resolution it filled is taken out."
    assert [m.result for m in live.minutes[-1].motions] == [MotionResult.WITHDRAWN] * 2


def test_a_vote_taken_without_a_quorum_warns(live: Meeting, board: Committee) -> None:
    minute = _moved(live, board)
    for person in ("m3", "sub", "chair"):
        mark(live, person, EventKind.DEPARTED, current_item="item-4")
    said = carried_unanimously(live, board, minute)
    assert said == (
        "The motion is CARRIED unanimously. Warning: the meeting is not quorate (2 voting members present, "
        "3 needed): the decision may not be valid."
    )
    problems = vote_problems(live, board, live.minutes[-1])
    assert problems == [
        "“Report A”: the vote on the motion was taken when the meeting was not quorate "
        "(2 voting members present, 3 needed)."
    ]


# --- undo, storage, permissions ------------------------------------------------------------------
def test_each_operation_is_one_step_undone_and_redone_exactly(live: Meeting, board: Committee) -> None:
    minute = _minute(live)
    snapshots = [to_document(live)["minutes"]]
    steps: list[Callable[[], str]] = [
        lambda: move(live, board, minute, "m1", parts=["the report be noted"]),
        lambda: second(live, board, minute, "m2"),
        lambda: move(live, board, minute, "m3", kind=MotionKind.AMENDMENT, text="x", parts=["y"]),
        lambda: recorded_vote(live, board, minute, ["m3", "sub", "chair"], ["m1"], ["m2"]),
        lambda: declare_result(live, board, minute),
        lambda: count_vote(live, board, minute, 2, 2, 1),
        lambda: casting_vote(live, board, minute, False),
    ]
    for step in steps:
        before = len(live.history.undo)
        step()
        assert len(live.history.undo) == before + 1
        snapshots.append(to_document(live)["minutes"])
    assert live.minutes[-1].resolution is None, "the motion lost takes the resolution it filled out"
    for expected in reversed(snapshots[:-1]):
        undo(live)
        assert to_document(live)["minutes"] == expected
    for expected in snapshots[1:]:
        redo(live)
        assert to_document(live)["minutes"] == expected


def test_undo_never_overwrites_a_resolution_typed_since(live: Meeting, board: Committee) -> None:
    minute = _moved(live, board)
    move(live, board, minute, "m3", kind=MotionKind.AMENDMENT, text="x", parts=["the report be welcomed"])
    carried_without_vote(live, board, minute)
    record = live.minutes[-1]
    write_minute(record, "", "the report be welcomed warmly", ResolutionLead.RESOLVED)
    with pytest.raises(DomainError, match="Nothing was changed"):
        undo(live)
    assert record.resolution is not None and record.resolution.parts == ["the report be welcomed warmly"]


def test_undoing_the_item_keeps_a_minute_with_motions(live: Meeting, board: Committee) -> None:
    take_item(live, "item-5")
    minute = _minute(live, "item-5")
    move(live, board, minute, "m1", parts=["x"])
    live.history.undo.pop()  # as if the motion's step had been dropped (skip_undo)
    with pytest.raises(DomainError, match="has text typed since"):
        undo(live)
    assert live.minute_for_item("item-5") is not None


def test_a_minute_with_motions_is_stored_and_read_back(live: Meeting, board: Committee) -> None:
    minute = _moved(live, board)
    count_vote(live, board, minute, 2, 2, 1)
    casting_vote(live, board, minute, True)
    assert from_document(to_document(live), Meeting) == live


def test_a_minute_written_before_motions_reads_with_none(live: Meeting) -> None:
    document = to_document(live)
    for minute in document["minutes"]:
        del minute["motions"]
    assert from_document(document, Meeting).minutes[-1].motions == []


@pytest.mark.parametrize(
    ("vote", "message"),
    [
        ({"method": "count", "votes_for": 3, "entitled": ["a", "b"]}, "3 votes counted, but only 2"),
        ({"method": "count", "votes_for": -1, "entitled": ["a"]}, "fewer than no members"),
        ({"method": "recorded", "votes_for": 1, "named_for": ["x"], "entitled": ["a"]}, "x is named"),
        (
            {
                "method": "recorded",
                "votes_for": 1,
                "votes_against": 1,
                "named_for": ["a"],
                "named_against": ["a"],
                "entitled": ["a", "b"],
            },
            "named twice",
        ),
        (
            {"method": "recorded", "votes_for": 2, "named_for": ["a"], "entitled": ["a", "b"]},
            "numbers are those",
        ),
        (
            {
                "method": "count",
                "votes_for": 2,
                "votes_against": 1,
                "entitled": ["a", "b", "c"],
                "casting": {"person_id": "a", "in_favour": True},
            },
            "only used when the votes are equal",
        ),
    ],
)
def test_a_stored_vote_that_could_not_have_been_taken_is_refused(
    vote: dict[str, object], message: str
) -> None:
    with pytest.raises(DomainError, match=message):
        from_document({"id": "motion-1", "mover_id": "a", "vote": vote, "result": "pending"}, Motion)


def test_a_stored_motion_carried_has_a_vote() -> None:
    with pytest.raises(DomainError, match="carried or lost on a vote"):
        from_document({"id": "motion-1", "mover_id": "a", "result": "carried"}, Motion)


def test_the_vote_command_waits_for_an_item(meeting: Meeting) -> None:
    take_live(meeting)
    assert live_permissions(meeting, None).reason(LiveCommand.VOTE) == "Take an item first."
    take_item(meeting, "item-4")
    assert live_permissions(meeting, "item-4").allows(LiveCommand.VOTE)


def test_the_electorate_reads_the_timeline_as_presence_for_item_does(live: Meeting, board: Committee) -> None:
    """A return expected at the next item is recorded before later marks during this one:
    by item first, then as recorded, exactly as ``presence_for_item`` reads it."""
    declare(
        live,
        Declaration(
            "declaration-1", "m1", "item-4", InterestKind.PERSONAL, "a friend", InterestAction.WITHDREW
        ),
    )
    mark(live, "m1", EventKind.PRESENT, current_item="item-4")  # back during the item
    mark(live, "m1", EventKind.WITHDREW, current_item="item-4")  # and out again
    take_item(live, "item-5")
    for item in ("item-4", "item-5"):
        electorate = Electorate(live, board, item)
        for person in ("chair", "m1", "m2", "m3", "m4", "coopt", "sub", "nobody"):
            assert electorate.presence(person) == presence_for_item(live, person, item), (person, item)
    assert Electorate(live, board, "item-5").may_vote("m1")
    assert not Electorate(live, board, "item-4").may_vote("m1")
