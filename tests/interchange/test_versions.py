"""Interchange versions: a file written by version 1 (before motions and votes) still
imports, reads as the current version, and prints as it did; votes go both ways."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from clerk_tui.domain import VoteWording
from clerk_tui.domain.codec import to_document
from clerk_tui.interchange import FORMAT_VERSION, Bundle, InterchangeError, bundle_to_json, read_bundle
from clerk_tui.interchange.bundle import MIGRATIONS
from clerk_tui.render import MeetingPapers, PrintOptions, print_minutes
from tests.fixtures import hwb_2019, hwb_2019_09_11, planning_2027

VERSION_1_FILE = Path(__file__).parent / "version-1.hwb-2019-09-11.json"
"""Exported by clerk at 5c20cd3 (interchange version 1), before motions existed; kept as written."""
GOLDEN = Path(__file__).parent.parent / "golden"


def test_the_version_1_file_is_what_version_1_wrote() -> None:
    document = json.loads(VERSION_1_FILE.read_text(encoding="utf-8"))
    assert document["version"] == 1
    minutes = [minute for meeting in document["meetings"] for minute in meeting["minutes"]]
    assert minutes and all("motions" not in minute for minute in minutes)
    assert all("votes" not in committee["style"] for committee in document["committees"])


def test_a_version_1_file_imports_as_the_meeting_it_was() -> None:
    bundle = read_bundle(VERSION_1_FILE.read_text(encoding="utf-8"), VERSION_1_FILE.name)
    (meeting,) = bundle.meetings
    assert meeting.minutes == hwb_2019_09_11.meeting().minutes
    assert all(minute.motions == [] for minute in meeting.minutes)
    (committee,) = bundle.committees
    assert committee.style.votes == VoteWording()


def test_a_version_1_file_prints_the_minutes_it_printed() -> None:
    bundle = read_bundle(VERSION_1_FILE.read_text(encoding="utf-8"), VERSION_1_FILE.name)
    people = {person.id: person for person in bundle.people}
    papers = MeetingPapers(bundle.meetings[0], bundle.committees[0], people, first_minute_number=11)
    printed = print_minutes(papers, PrintOptions(width=0))
    # Minute 22 is exempt: the seed's text is clerk's confidential copy, marked on top.
    marking, blank, *body = printed.text.split("\n")
    assert marking.startswith("CONFIDENTIAL: NOT FOR PUBLICATION") and blank == ""
    assert "\n".join(body) == (GOLDEN / "hwb-2019-09-11.minutes.txt").read_text(encoding="utf-8")


def _added(original: Any, written: Any, path: str = "") -> set[str]:
    """The keys ``written`` has that ``original`` has not (by name), after checking that
    every value of ``original`` is in ``written`` unchanged."""
    if isinstance(original, dict):
        assert isinstance(written, dict), path
        added = {key for key in written if key not in original}
        for key, value in original.items():
            assert key in written, f"{path}.{key} was lost"
            added |= _added(value, written[key], f"{path}.{key}")
        return added
    if isinstance(original, list):
        assert isinstance(written, list) and len(written) == len(original), path
        return set().union(
            *(_added(a, b, f"{path}[{i}]") for i, (a, b) in enumerate(zip(original, written, strict=True)))
        )
    assert written == original, path
    return set()


def test_a_version_1_file_is_written_again_at_the_current_version_with_nothing_lost() -> None:
    text = VERSION_1_FILE.read_text(encoding="utf-8")
    again = json.loads(bundle_to_json(read_bundle(text, VERSION_1_FILE.name)))
    assert again["version"] == FORMAT_VERSION == 3
    original = json.loads(text)
    for meeting, written in zip(original["meetings"], again["meetings"], strict=True):
        for minute in written["minutes"]:
            assert minute["motions"] == []  # version 2: motions
        # The minutes' approval record came after version 1: an empty one is added.
        assert written["record"] == {"confirmation": None, "revisions": [], "signature": None}
        # Version 3: a narrative's levels, an item's note, line order and history, a venue's
        # id and sentence wording; nothing of version 1 changed.
        assert _added(meeting, written) <= {
            "record",
            "motions",
            "levels",
            "carried_from",
            "note",
            "line_order",
            "id",
            "sentence_wording",
        }


def test_every_older_version_has_a_step_to_the_next() -> None:
    assert sorted(MIGRATIONS) == list(range(1, FORMAT_VERSION))


def test_the_migration_leaves_the_text_it_was_given_alone() -> None:
    document = json.loads(VERSION_1_FILE.read_text(encoding="utf-8"))
    before = json.dumps(document)
    read_bundle(json.dumps(document), "copy.json")
    assert json.dumps(document) == before


def test_votes_go_out_and_come_back_the_same() -> None:
    bundle = Bundle([planning_2027.committee()], planning_2027.people(), [planning_2027.meeting()])
    text = bundle_to_json(bundle)
    back = read_bundle(text, "planning.json")
    assert back.meetings[0].minutes == bundle.meetings[0].minutes
    assert any(minute.motions for minute in back.meetings[0].minutes)
    assert bundle_to_json(back) == text


def test_an_export_names_everyone_who_voted() -> None:
    meeting = planning_2027.meeting()
    people = Bundle([], [], [meeting]).referenced_people()
    voters = {
        person_id
        for minute in meeting.minutes
        for motion in minute.motions
        if motion.vote is not None
        for person_id in motion.vote.entitled
    }
    assert voters and voters <= people


def _with_vote(change: dict[str, object]) -> str:
    bundle = Bundle([planning_2027.committee()], planning_2027.people(), [planning_2027.meeting()])
    document = json.loads(bundle_to_json(bundle))
    minute = next(m for m in document["meetings"][0]["minutes"] if m["motions"])
    minute["motions"][0]["vote"].update(change)
    return json.dumps(document)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"votes_for": 99}, "only 10 members present could vote"),
        ({"votes_against": -1}, "fewer than no members"),
        ({"method": "count", "named_for": ["peter-quinn"]}, "Only a recorded vote names who voted"),
    ],
)
def test_a_vote_that_could_not_have_been_taken_is_refused_saying_where(
    change: dict[str, object], reason: str
) -> None:
    with pytest.raises(InterchangeError) as refused:
        read_bundle(_with_vote(change), "votes.json")
    message = str(refused.value)
    assert reason in message and "votes.json" in message and "meetings[0].minutes[" in message


def test_the_committee_document_carries_the_vote_wording() -> None:
    document = to_document(hwb_2019.committee())
    assert document["style"]["votes"]["resolved"] == "On the motion of {moved}{as_amended}, it was"
