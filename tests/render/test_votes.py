"""Motions and votes in the printed minutes: the Planning Committee golden, and each
wording of the house style."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from clerk_tui.domain import (
    AgendaItem,
    Committee,
    EventKind,
    HouseStyle,
    Meeting,
    Membership,
    MotionKind,
    MotionResult,
    Person,
    Role,
    Venue,
    VoteWording,
)
from clerk_tui.domain.lifecycle import take_live
from clerk_tui.domain.live import correct_start_mark, mark, take_item
from clerk_tui.domain.register import RecordedVote, member_history, noting_recorded_votes
from clerk_tui.domain.votes import (
    carried_without_vote,
    casting_vote,
    count_vote,
    declare_result,
    move,
    recorded_vote,
    second,
    withdraw_motion,
)
from clerk_tui.exporting import print_paper
from clerk_tui.render import Format, MeetingPapers, PrintOptions, print_minutes
from clerk_tui.render.register import build_history
from clerk_tui.render.text import write_text
from clerk_tui.render.votes import MotionLine, vote_panel
from store import Store
from tests.fixtures import planning_2027

GOLDEN = Path(__file__).parent.parent / "golden"
PASTE = PrintOptions(width=0)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "store")
    for person in planning_2027.people():
        opened.save_person(person)
    opened.save_committee(planning_2027.committee())
    opened.save_meeting(planning_2027.meeting())
    return opened


def test_the_planning_committee_minutes_equal_the_golden(store: Store) -> None:
    printed = print_paper(store, "minutes", planning_2027.MEETING_ID, PASTE)
    assert printed.text == (GOLDEN / "planning-2027-03-10.minutes.txt").read_text(encoding="utf-8")
    assert printed.warnings == ()


def test_the_planning_minutes_wrap_and_write_markdown_from_the_same_document(store: Store) -> None:
    wrapped = print_paper(store, "minutes", planning_2027.MEETING_ID, PrintOptions(width=80)).text
    assert max(len(line) for line in wrapped.splitlines()) <= 80
    assert (
        "On the motion of Councillor Tom Ashworth, seconded by Councillor Rachel Bennett,\n"
        "and on being put to the vote (7 for, 2 against, 1 abstention), it was\n\nRESOLVED:\n"
    ) in wrapped
    markdown = print_paper(store, "minutes", planning_2027.MEETING_ID, PrintOptions(Format.MARKDOWN)).text
    assert "\n## 91. 24 CHURCH ROAD, SOUTHPORT - DC/2027/00245\n" in markdown
    assert "\nA recorded vote was taken: FOR: Councillors Tom Ashworth, Rachel Bennett," in markdown
    assert (
        "\nOn the motion of Councillor Linda Moss, seconded by Councillor Peter Quinn, it was unanimously\n"
        in (markdown)
    )


# --- a small committee to print one thing at a time -----------------------------------------
PEOPLE = {
    pid: Person(pid, name, councillor=pid != "jo")
    for pid, name in [
        ("chair", "Ann Chair"),
        ("a", "Bob Able"),
        ("b", "Cat Baker"),
        ("c", "Dan Cole"),
        ("d", "Eve Dunn"),
        ("jo", "Jo Public"),
    ]
}


def _small(style: HouseStyle | None = None) -> tuple[Meeting, Committee, str]:
    committee = Committee("c", "Licensing Committee", quorum=3, style=style or HouseStyle())
    committee.add_member(Membership("chair", Role.CHAIR))
    for pid in ("a", "b", "c", "d"):
        committee.add_member(Membership(pid))
    committee.add_member(Membership("jo", Role.CO_OPTED, voting=False))
    meeting = Meeting("m", "c", date(2027, 4, 7), start=time(10, 0), venue=Venue("Room 1", "Town Hall"))
    meeting.add_item(AgendaItem("item-1", "The Crown, High Street"))
    take_live(meeting)
    for pid in PEOPLE:
        mark(meeting, pid, EventKind.PRESENT, current_item=None)
    return meeting, committee, take_item(meeting, "item-1").id


def _printed(meeting: Meeting, committee: Committee) -> tuple[str, tuple[str, ...]]:
    printed = print_minutes(MeetingPapers(meeting, committee, PEOPLE), PASTE)
    body = printed.text.split("1. THE CROWN, HIGH STREET\n\n", 1)[1]
    return body, printed.warnings


def _moved(meeting: Meeting, committee: Committee, minute: str, parts: list[str] | None = None) -> None:
    move(meeting, committee, minute, "a", parts=parts or ["the licence be granted"])
    second(meeting, committee, minute, "b")


def test_an_amendment_carried_rewrites_the_resolution_and_the_motion_is_put_as_amended() -> None:
    meeting, committee, minute = _small()
    _moved(meeting, committee, minute)
    move(
        meeting,
        committee,
        minute,
        "c",
        kind=MotionKind.AMENDMENT,
        text="the words “for a period of one year” be added",
        parts=["the licence be granted for a period of one year"],
    )
    second(meeting, committee, minute, "d")
    count_vote(meeting, committee, minute, 3, 2)
    declare_result(meeting, committee, minute)
    carried_without_vote(meeting, committee, minute)
    body, warnings = _printed(meeting, committee)
    assert body == (
        "An amendment moved by Councillor Dan Cole, seconded by Councillor Eve Dunn, that the words "
        "“for a period of one year” be added, was put to the vote and CARRIED (3 for, 2 against).\n\n"
        "On the motion of Councillor Bob Able, seconded by Councillor Cat Baker, as amended, it was\n\n"
        "RESOLVED:\n\nThat the licence be granted for a period of one year.\n"
    )
    assert warnings == ()


def test_a_recorded_vote_on_a_lost_motion_follows_its_sentence_and_no_resolution_is_left() -> None:
    meeting, committee, minute = _small()
    _moved(meeting, committee, minute)
    recorded_vote(meeting, committee, minute, ["a", "b"], ["d", "c", "chair"])
    declare_result(meeting, committee, minute)
    body, warnings = _printed(meeting, committee)
    assert body == (
        "A motion moved by Councillor Bob Able, seconded by Councillor Cat Baker, that the licence be "
        "granted, was put to the vote and LOST (2 for, 3 against).\n\n"
        "A recorded vote was taken: FOR: Councillors Bob Able and Cat Baker; AGAINST: Councillors "
        "Ann Chair, Dan Cole and Eve Dunn; ABSTAINED: none.\n\n"
        "[NO RESOLUTION RECORDED]\n"
    )
    assert "Minute 1 (The Crown, High Street) has no resolution." in warnings


def test_a_casting_vote_against_an_amendment() -> None:
    meeting, committee, minute = _small()
    _moved(meeting, committee, minute)
    move(
        meeting, committee, minute, "c", kind=MotionKind.AMENDMENT, text="x be y", parts=["the licence be y"]
    )
    second(meeting, committee, minute, "d")
    count_vote(meeting, committee, minute, 2, 2, 1)
    casting_vote(meeting, committee, minute, False)
    body, _ = _printed(meeting, committee)
    assert (
        "\n\nAn amendment moved by Councillor Dan Cole, seconded by Councillor Eve Dunn, that x be y, "
        "was put to the vote (2 for, 2 against, 1 abstention); the Chair used the casting vote against "
        "and it was LOST.\n\n"
    ) in body
    assert meeting.minutes[0].resolution is not None
    assert meeting.minutes[0].resolution.parts == ["the licence be granted"]


def test_a_motion_without_a_seconder_withdrawn_and_a_motion_still_before_the_meeting() -> None:
    meeting, committee, minute = _small()
    move(meeting, committee, minute, "a", parts=["the licence be granted"])
    withdraw_motion(meeting, minute)
    move(meeting, committee, minute, "c", parts=["the licence be refused"])
    body, warnings = _printed(meeting, committee)
    assert body.startswith(
        "A motion moved by Councillor Bob Able, that the licence be granted, was withdrawn.\n\n"
        "[STILL BEFORE THE MEETING: A motion moved by Councillor Dan Cole, that the licence be refused]\n\n"
        "RESOLVED:\n\nThat the licence be refused.\n"
    )
    assert "Minute 1: A motion moved by Councillor Dan Cole has no result recorded." in warnings


def test_every_wording_is_the_house_styles() -> None:
    wirral = VoteWording(
        moved="{mover} and seconded by {seconder}",
        resolved_counted="On a motion by {moved} it was – Resolved ({votes}) –",
        counts="{for}:{against}",
        abstention="{n} abstaining",
        put="{motion} proposed by {moved} ({text}) was {result} by {votes}.",
        amendment="An amendment",
        lost="lost",
    )
    meeting, committee, minute = _small(HouseStyle(votes=wirral))
    _moved(meeting, committee, minute)
    move(
        meeting, committee, minute, "c", kind=MotionKind.AMENDMENT, text="x be y", parts=["the licence be y"]
    )
    count_vote(meeting, committee, minute, 1, 3, 1)
    declare_result(meeting, committee, minute)
    count_vote(meeting, committee, minute, 4, 1)
    declare_result(meeting, committee, minute)
    body, _ = _printed(meeting, committee)
    assert body.startswith(
        "An amendment proposed by Councillor Dan Cole (x be y) was lost by 1:3, 1 abstaining.\n\n"
        "On a motion by Councillor Bob Able and seconded by Councillor Cat Baker it was – "
        "Resolved (4:1) –\n\nRESOLVED:\n"
    )


def test_no_abstentions_can_be_said() -> None:
    meeting, committee, minute = _small(HouseStyle(votes=VoteWording(no_abstentions="no abstentions")))
    _moved(meeting, committee, minute)
    count_vote(meeting, committee, minute, 4, 1)
    declare_result(meeting, committee, minute)
    body, _ = _printed(meeting, committee)
    assert "(4 for, 1 against, no abstentions), it was\n" in body


def test_a_wording_that_cannot_be_read_prints_the_default_and_says_so() -> None:
    meeting, committee, minute = _small(HouseStyle(votes=VoteWording(resolved_counted="On {moved ({votes}")))
    _moved(meeting, committee, minute)
    count_vote(meeting, committee, minute, 4, 1)
    declare_result(meeting, committee, minute)
    body, warnings = _printed(meeting, committee)
    assert body.startswith(
        "On the motion of Councillor Bob Able, seconded by Councillor Cat Baker, and on being put to the "
        "vote (4 for, 1 against), it was\n"
    )
    assert (
        "The house style's wording “resolved_counted” for votes cannot be read: the default is printed."
        in (warnings)
    )


def test_an_unknown_placeholder_is_printed_as_typed() -> None:
    meeting, committee, minute = _small(HouseStyle(votes=VoteWording(resolved="{moved} {oops}:")))
    _moved(meeting, committee, minute)
    carried_without_vote(meeting, committee, minute)
    body, _ = _printed(meeting, committee)
    assert body.startswith("Councillor Bob Able, seconded by Councillor Cat Baker {oops}:\n\nRESOLVED:")


def test_a_mark_corrected_after_the_vote_is_warned_of() -> None:
    meeting, committee, minute = _small()
    _moved(meeting, committee, minute)
    recorded_vote(meeting, committee, minute, ["a", "b", "c"], ["d"])
    declare_result(meeting, committee, minute)
    correct_start_mark(meeting, "c", EventKind.APOLOGIES)
    _, warnings = _printed(meeting, committee)
    assert (
        "Minute 1: “The Crown, High Street”, the vote on the motion: Councillor Dan Cole is counted among "
        "those who could vote, but is not recorded as present for the item now."
    ) in warnings


def test_a_vote_without_a_quorum_is_warned_of_when_printed() -> None:
    meeting, committee, minute = _small()
    committee.quorum = 6
    _moved(meeting, committee, minute)
    said = count_vote(meeting, committee, minute, 4, 1)
    assert "Warning: the meeting is not quorate (5 voting members present, 6 needed)" in said
    declare_result(meeting, committee, minute)
    _, warnings = _printed(meeting, committee)
    assert (
        "Minute 1: “The Crown, High Street”: the vote on the motion was taken when the meeting was not "
        "quorate (5 voting members present, 6 needed)."
    ) in warnings


def test_the_motions_of_an_exempt_item_never_reach_a_public_copy() -> None:
    meeting, committee, minute = _small()
    meeting.agenda[0] = replace(meeting.agenda[0], exempt=True, exempt_paragraphs=[3])
    _moved(meeting, committee, minute, ["the licence be revoked for the reasons given by the police"])
    recorded_vote(meeting, committee, minute, ["a", "b", "c"], ["d"])
    declare_result(meeting, committee, minute)
    private = print_minutes(MeetingPapers(meeting, committee, PEOPLE), PASTE).text
    public = print_minutes(MeetingPapers(meeting, committee, PEOPLE), PrintOptions(width=0, public=True)).text
    assert "revoked" in private and "recorded vote" in private
    for secret in ("revoked", "recorded vote", "Councillor Bob Able", "On the motion"):
        assert secret not in public


def test_a_minute_with_motions_decided_prints_no_pending_placeholder() -> None:
    meeting, committee, minute = _small()
    _moved(meeting, committee, minute)
    carried_without_vote(meeting, committee, minute)
    assert meeting.minutes[0].motions[0].result == MotionResult.CARRIED
    body, warnings = _printed(meeting, committee)
    assert body == (
        "On the motion of Councillor Bob Able, seconded by Councillor Cat Baker, it was\n\n"
        "RESOLVED:\n\nThat the licence be granted.\n"
    )
    assert warnings == ()


def test_the_vote_panel_shows_the_motion_before_the_meeting_and_who_may_vote() -> None:
    meeting, planning, minute = planning_2027.church_road_before_the_vote()
    people = {person.id: person for person in planning_2027.people()}
    panel = vote_panel(MeetingPapers(meeting, planning, people), minute)
    assert panel.before == "motion-1"
    assert panel.motions == (
        MotionLine(
            "motion-1",
            "Motion (Councillor Priya Desai, seconded by Councillor Martin Ellis): before the meeting",
            True,
        ),
    )
    assert (panel.may_vote, panel.quorum) == (10, "10 of 4 needed: quorate")
    voting = [line.name for line in panel.voters if line.may_vote]
    assert voting[0] == "Councillor Anne Wetherby" and len(voting) == 10
    refused = {line.person_id: line.reason for line in panel.voters if not line.may_vote}
    assert refused == {
        "david-crane": "Councillor David Crane declared an interest in this item and withdrew: "
        "no vote on it.",
        "sarah-rowe": "Councillor Sarah Rowe is replaced at this meeting by Councillor Colin Pike, "
        "who votes instead.",
        "emma-stone": "Councillor Emma Stone is a substitute not recorded as substituting for a member "
        "at this meeting.",
    }


def test_the_vote_panel_summarises_what_became_of_each_motion() -> None:
    meeting = planning_2027.meeting()
    people = {person.id: person for person in planning_2027.people()}
    minute = meeting.minute_for_item(planning_2027.MOSS_LANE)
    assert minute is not None
    panel = vote_panel(MeetingPapers(meeting, planning_2027.committee(), people), minute.id)
    assert [line.summary for line in panel.motions] == [
        "Motion (Councillor Tom Ashworth, seconded by Councillor Rachel Bennett): CARRIED, 7 for, 2 against, "
        "1 abstention",
        "Amendment (Councillor Gareth Hughes, seconded by Councillor Linda Moss): LOST, 3 for, 6 against, "
        "1 abstention",
    ]
    assert panel.before is None


def test_the_members_history_document_lists_their_recorded_votes() -> None:
    meeting = planning_2027.meeting()
    planning = planning_2027.committee()
    person = next(p for p in planning_2027.people() if p.id == "linda-moss")
    votes: list[RecordedVote] = []
    entries = member_history("linda-moss", [planning], noting_recorded_votes([meeting], "linda-moss", votes))
    assert [(e.tally.expected, e.tally.attended) for e in entries] == [(1, 1)]
    text = write_text(build_history(person, entries, {planning.id: planning}, votes), width=0)
    assert "RECORDED VOTES" in text
    assert "24 Church Road, Southport - DC/2027/00245" in text and "against" in text
