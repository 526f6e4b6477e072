"""The operations of a live meeting: attendance, declarations, minutes, exempt business."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_tui.domain import (
    AgendaItem,
    Committee,
    Declaration,
    DomainError,
    EventKind,
    InterestAction,
    InterestKind,
    ItemKind,
    Meeting,
    MinuteStatus,
    Resolution,
)
from clerk_tui.domain.attendance import present_for_items, quorum_for_item
from clerk_tui.domain.live import (
    Presence,
    actions_arising,
    all_present,
    declare,
    elect_chair,
    exclusion_needed,
    parts_from_text,
    pass_exclusion,
    presence_now,
    record,
    set_status,
    take_item,
    undo_last,
)
from clerk_tui.domain.narrative import narrative_text, parse_narrative
from tests.domain.conftest import voting_members


def test_all_present_marks_only_members_with_nothing_recorded(board: Committee, meeting: Meeting) -> None:
    record(meeting, "m1", EventKind.APOLOGIES)
    marked = all_present(meeting, board, at=time(14, 0))
    assert marked == ["chair", "m2", "m3", "m4", "coopt"]
    assert presence_now(meeting, "m1") == Presence.APOLOGIES
    assert presence_now(meeting, "sub") == Presence.NOT_RECORDED


def test_a_late_arrival_and_a_departure_are_tied_to_the_item_under_way(meeting: Meeting) -> None:
    said = record(meeting, "m1", EventKind.ARRIVED, at=time(14, 20), item_id="item-4", name="Cllr Kelly")
    assert said == "Cllr Kelly: arrived at 14:20."
    record(meeting, "m1", EventKind.DEPARTED, at=time(15, 5), item_id="item-5")
    present = present_for_items(meeting.attendance, meeting.agenda_ids())
    assert "m1" in present["item-4"] and "m1" not in present["item-5"]


@pytest.mark.parametrize(
    ("first", "then", "message"),
    [
        (EventKind.PRESENT, EventKind.ARRIVED, "present: cannot record “arrived”"),
        (EventKind.APOLOGIES, EventKind.WITHDREW, "apologies: cannot record “withdrew"),
        (EventKind.PRESENT, EventKind.RETURNED, "cannot record “returned"),
    ],
)
def test_impossible_moves_are_refused_and_nothing_recorded(
    meeting: Meeting, first: EventKind, then: EventKind, message: str
) -> None:
    record(meeting, "m1", first)
    before = list(meeting.attendance)
    with pytest.raises(DomainError, match=message):
        record(meeting, "m1", then, item_id="item-4")
    assert meeting.attendance == before


def test_a_correction_before_the_business_replaces_the_first_mark(meeting: Meeting) -> None:
    record(meeting, "m1", EventKind.APOLOGIES)
    record(meeting, "m1", EventKind.PRESENT)
    assert [e.kind for e in meeting.attendance] == [EventKind.PRESENT]
    assert undo_last(meeting, "m1").kind == EventKind.PRESENT
    assert meeting.attendance == []


def test_a_withdrawal_for_an_interest_returns_with_the_next_item_and_moves_the_quorum(
    board: Committee, meeting: Meeting
) -> None:
    for person in ("chair", "m1", "m2"):
        record(meeting, person, EventKind.PRESENT)
    declaration = Declaration(
        "declaration-1",
        "m2",
        "item-4",
        InterestKind.DISCLOSABLE_PECUNIARY,
        "owns the land",
        InterestAction.WITHDREW,
    )
    said = declare(meeting, declaration, at=time(14, 30))
    assert "withdraws for “Report A”, back for “Report B”" in said
    voters = voting_members(board, meeting.date)
    quorum = {
        item: quorum_for_item(meeting.attendance, meeting.agenda_ids(), item, voters, 3).met
        for item in ("item-3", "item-4", "item-5")
    }
    assert quorum == {"item-3": True, "item-4": False, "item-5": True}


def test_the_clerk_can_say_the_member_stays_out(meeting: Meeting) -> None:
    record(meeting, "m2", EventKind.PRESENT)
    declaration = Declaration(
        "declaration-1", "m2", "item-4", nature="is employed", action=InterestAction.WITHDREW
    )
    declare(meeting, declaration, stays_out=True)
    assert presence_now(meeting, "m2") == Presence.WITHDRAWN


def test_minutes_are_numbered_in_the_order_items_are_taken_and_deferral_leaves_no_gap(
    meeting: Meeting,
) -> None:
    first = take_item(meeting, "item-1")
    fifth = take_item(meeting, "item-5")  # the Chair took item 5 before item 4
    fourth = take_item(meeting, "item-4")
    assert take_item(meeting, "item-1") is first
    assert meeting.minute_numbers(11) == {first.id: 11, fifth.id: 12, fourth.id: 13}
    set_status(meeting, fifth.id, MinuteStatus.DEFERRED)
    assert meeting.minute_numbers(11) == {first.id: 11, fourth.id: 12}


def test_electing_a_chair_is_the_first_minute_and_takes_the_chair(board: Committee, meeting: Meeting) -> None:
    take_item(meeting, "item-1")
    minute = elect_chair(meeting, board, "m1", "Councillor Cummins")
    assert meeting.minutes[0] is minute and meeting.chair_id == "m1"
    assert minute.resolution is not None
    assert minute.resolution.parts == [
        "Councillor Cummins be elected Chair for this meeting of the Health and Wellbeing Board"
    ]


def test_moving_to_an_exempt_item_proposes_the_exclusion_once(meeting: Meeting) -> None:
    meeting.add_item(AgendaItem("item-6", "Exclusion", ItemKind.EXCLUSION))
    meeting.add_item(AgendaItem("item-7", "Better Care Fund", exempt=True, exempt_paragraphs=[3]))
    meeting.add_item(AgendaItem("item-8", "Staffing", exempt=True, exempt_paragraphs=[1]))
    assert exclusion_needed(meeting, "item-5") is None
    proposal = exclusion_needed(meeting, "item-7")
    assert proposal is not None
    assert (proposal.paragraphs, proposal.items) == ([1, 3], 2)
    minute = pass_exclusion(meeting, "item-7")
    assert minute.item_id == "item-6"
    assert "following items of business" in minute.resolution.parts[0]  # type: ignore[union-attr]
    assert exclusion_needed(meeting, "item-8") is None


def test_resolution_parts_are_one_per_line_whatever_the_clerk_typed() -> None:
    typed = "(1) the report be noted;\n\n2) the plan be approved; and\nthat updates be received."
    assert parts_from_text(typed) == [
        "the report be noted",
        "the plan be approved",
        "updates be received",
    ]


def test_actions_arising_carry_their_minute_numbers(meeting: Meeting) -> None:
    minute = take_item(meeting, "item-4")
    minute.resolution = Resolution(["the report be noted", "the Director be requested to report back"])
    single = take_item(meeting, "item-5")
    single.resolution = Resolution(["the Chair be given delegated authority to sign the plan"])
    actions = actions_arising(meeting, 49)
    assert [(a.minute_number, a.part) for a in actions] == [(49, 2), (50, None)]
    assert actions[0].reference("21/02/23") == "Min. No. 49 (2) of 21/02/23"


_words = st.text(alphabet="abcdefghij ", min_size=1, max_size=30).map(lambda s: " ".join(s.split()) or "x")


@given(
    st.lists(
        st.one_of(
            _words.map(lambda t: ("p", t)),
            st.lists(_words, min_size=1, max_size=4).map(lambda items: ("b", items)),
            st.lists(_words, min_size=1, max_size=4).map(lambda items: ("n", items)),
        ),
        max_size=6,
    )
)
def test_narrative_text_reads_back_as_the_same_blocks(spec: list[tuple[str, object]]) -> None:
    from clerk_tui.domain import Block, BlockKind

    blocks = []
    for kind, value in spec:
        if kind == "p":
            blocks.append(Block(text=str(value)))
        elif kind == "b":
            blocks.append(Block(BlockKind.BULLETS, items=list(value)))  # type: ignore[call-overload]
        else:
            blocks.append(Block(BlockKind.NUMBERED, items=list(value)))  # type: ignore[call-overload]
    # two lists of one kind in a row would merge when typed: the clerk types them as one
    merged = parse_narrative(narrative_text(blocks))
    assert narrative_text(merged) == narrative_text(parse_narrative(narrative_text(merged)))
    assert parse_narrative(narrative_text(merged)) == merged


def test_electing_a_chair_is_asked_in_a_sentence_that_warns_when_the_chair_is_here(
    board: Committee, meeting: Meeting
) -> None:
    from clerk_tui.domain.live import elect_chair_question

    assert elect_chair_question(meeting, board, "Councillor Cummins") == (
        "Elect Councillor Cummins Chair for this meeting? “Election of Chair” becomes the first minute "
        "and every minute after it moves up one number."
    )
    record(meeting, "chair", EventKind.PRESENT)
    elect_chair(meeting, board, "m1", "Councillor Cummins")
    assert elect_chair_question(meeting, board, "Councillor Jones", "Cllr. Ian Moncur") == (
        "The committee's Chair, Cllr. Ian Moncur, is marked present. Elect Councillor Jones Chair for this "
        "meeting? The minute “Election of Chair” is reworded for them."
    )


def test_an_election_with_a_narrative_is_not_removed_and_none_cannot_be(
    board: Committee, meeting: Meeting
) -> None:
    from clerk_tui.domain import Block
    from clerk_tui.domain.live import unelect_chair

    with pytest.raises(DomainError, match="No chair was elected"):
        unelect_chair(meeting)
    minute = elect_chair(meeting, board, "m1", "Councillor Cummins")
    minute.narrative = [Block(text="Nominations were invited.")]
    with pytest.raises(DomainError, match="has a narrative typed"):
        unelect_chair(meeting)
    assert meeting.chair_id == "m1" and minute in meeting.minutes
