"""Exempt stays exempt: no text of a Part 2 item reaches a public export, in any format."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from dataclasses import fields, replace
from pathlib import Path

import pytest

from clerk_tui.domain import (
    AttendanceEvent,
    Declaration,
    EventKind,
    ExemptDeclarations,
    InterestAction,
    InterestKind,
    Meeting,
    PresencePlacement,
)
from clerk_tui.domain.committee import SkippedItems
from clerk_tui.domain.history import Change, Step, Target
from clerk_tui.domain.live import actions_arising
from clerk_tui.domain.record import FrozenCopy, Revision, Signature, digest
from clerk_tui.exporting import export_bundle, papers_for, print_paper
from clerk_tui.render import (
    Copy,
    Format,
    MeetingPapers,
    PrintOptions,
    build_agenda,
    build_minutes,
    public_papers,
)
from clerk_tui.render.public import MADE_PUBLIC, PUBLIC_AS_THEY_ARE
from store import Store
from tests.fixtures import hwb_2019, hwb_2019_06_12, hwb_2019_09_11, os_2023
from tests.render.canaries import CANARY, GUEST, fields_to_cover, plant_exempt_canaries


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "store")
    for person in hwb_2019.people() + os_2023.people():
        opened.save_person(person)
    opened.save_committee(hwb_2019.committee())
    opened.save_committee(os_2023.committee())
    for meeting in (hwb_2019_06_12.meeting(), hwb_2019_09_11.meeting(), os_2023.meeting()):
        opened.save_meeting(meeting)
    return opened


def exempt_texts(meeting_id: str, store: Store) -> list[str]:
    """Every piece of text the clerk wrote for the meeting's exempt items."""
    meeting = store.meeting(meeting_id)
    texts: list[str] = []
    for item in meeting.agenda:
        if not item.exempt:
            continue
        texts += [t for t in (item.description, item.notes, item.report_of, item.presenter) if t]
        minute = meeting.minute_for_item(item.id)
        assert minute is not None
        for block in minute.narrative:
            texts += [block.text, *block.items, *(cell for row in block.rows for cell in row)]
        if minute.resolution:
            texts += minute.resolution.parts
    return [t for t in texts if t]


ALL_OPTIONS = [
    PrintOptions(width=0, public=True),
    PrintOptions(width=80, public=True),
    PrintOptions(width=40, paginate=True, public=True),
    PrintOptions(Format.MARKDOWN, public=True),
]


@pytest.mark.parametrize("options", ALL_OPTIONS)
@pytest.mark.parametrize("meeting_id", ["hwb-2019-09-11", "os-asch-2023-10-17"])
@pytest.mark.parametrize("paper", ["minutes", "agenda"])
def test_no_exempt_text_reaches_a_public_export(
    store: Store, options: PrintOptions, meeting_id: str, paper: str
) -> None:
    printed = print_paper(store, paper, meeting_id, options).text  # type: ignore[arg-type]
    flattened = " ".join(printed.replace("\\", "").split())
    secrets = exempt_texts(meeting_id, store) + (
        list(os_2023.EXEMPT_TEXT) if meeting_id.startswith("os") else []
    )
    assert secrets, "the fixture has exempt text to protect"
    for secret in secrets:
        for fragment in _fragments(secret):
            assert fragment not in flattened, f"exempt text leaked: {fragment!r}"


def _fragments(text: str) -> list[str]:
    """Eight-word runs of the longer texts: unique to the item, and caught even when a
    writer wraps or escapes them. (Short stock phrases such as "the report be noted"
    appear in public items too; the canary test below covers every field instead.)"""
    words = text.split()
    if len(words) < 8:
        return []
    return [" ".join(words[i : i + 8]) for i in range(0, len(words) - 7, 4)]


PUBLIC_OUTPUTS = [
    PrintOptions(width=0, public=True),
    PrintOptions(width=20, public=True),
    PrintOptions(width=40, public=True),
    PrintOptions(width=80, public=True),
    PrintOptions(width=132, public=True),
    PrintOptions(width=80, paginate=True, public=True),
    PrintOptions(width=40, paginate=True, page_length=25, public=True),
    *(PrintOptions(text_format, public=True) for text_format in Format if text_format != Format.TEXT),
]
"""Every public printed output: text at several widths and at 0, pages, and every other
format there is (a format added to Format is covered without a change here)."""


@pytest.fixture
def canaried(store: Store) -> Store:
    """September 2019 with a canary in every field of its exempt item and of everything
    attached to it (tests.render.canaries)."""
    store.save_person(GUEST)
    meeting = store.meeting("hwb-2019-09-11")
    planted = plant_exempt_canaries(meeting, member_id="richard-freeman", officer_id="steve-warburton")
    assert fields_to_cover() - planted == set(), "these fields of exempt business have no canary"
    store.save_meeting(meeting)
    return store


def _visible(text: str) -> str:
    """The text as read: Markdown's escapes taken out, wrapped lines joined."""
    return " ".join(text.replace("\\", "").split())


@pytest.mark.parametrize("paper", ["minutes", "agenda"])
def test_canaries_in_every_field_of_exempt_business_stay_out_of_every_public_output(
    canaried: Store, paper: str
) -> None:
    for options in PUBLIC_OUTPUTS:
        printed = print_paper(canaried, paper, "hwb-2019-09-11", options)  # type: ignore[arg-type]
        assert CANARY not in _visible(printed.text), (paper, options)
        assert not any(CANARY in warning for warning in printed.warnings), (paper, options)
        assert GUEST.name not in _visible(printed.text), (paper, options)
        assert printed.copy == Copy.PUBLIC
    # The same records do reach the confidential copy: the test can fail.
    private = print_paper(canaried, paper, "hwb-2019-09-11", PrintOptions(width=0))  # type: ignore[arg-type]
    assert CANARY in private.text and private.copy == Copy.CONFIDENTIAL


def test_the_public_json_record_withholds_exempt_business_and_its_guest(canaried: Store) -> None:
    public = export_bundle(canaried, ["hwb-2019-09-11"], public=True)
    assert CANARY not in public
    assert GUEST.name not in public and GUEST.id not in public
    record = json.loads(public)
    (meeting,) = record["meetings"]
    (item,) = [i for i in meeting["agenda"] if i["exempt"]]
    assert item["title"] == "Better Care Fund 2019/20 Plans" and item["exempt_paragraphs"] == [3]
    assert all(not item["notes"] for item in meeting["agenda"])  # never printed, never public
    whole = export_bundle(canaried, ["hwb-2019-09-11"])
    assert CANARY in whole and GUEST.name in whole


def test_the_public_form_leaves_no_action_arising_from_exempt_business(canaried: Store) -> None:
    papers = papers_for(canaried, canaried.meeting("hwb-2019-09-11"))
    assert any(CANARY in a.text for a in actions_arising(papers.meeting, papers.first_minute_number))
    public = public_papers(papers)
    assert not any(CANARY in a.text for a in actions_arising(public.meeting, public.first_minute_number))


def test_a_declaration_on_an_exempt_item_prints_without_its_nature(store: Store) -> None:
    printed = print_paper(store, "minutes", "hwb-2019-09-11", PrintOptions(width=0, public=True)).text
    assert (
        "Richard Freeman\t22 - Better Care Fund 2019/20 Plans\tPersonal - [not published: exempt business]"
        in printed
    )
    assert "regional level" not in printed


def test_or_is_left_out_by_house_style_and_the_minutes_say_where_it_is(store: Store) -> None:
    committee = store.committee("hwb")
    committee.style.exempt_declarations = ExemptDeclarations.LEFT_OUT
    store.save_committee(committee)
    printed = print_paper(store, "minutes", "hwb-2019-09-11", PrintOptions(width=0, public=True)).text
    assert "Richard Freeman" not in printed and "regional level" not in printed
    assert "No declarations" not in printed  # a declaration was made: never say none was
    assert "\n\nDeclarations of interest in exempt business are recorded in the exempt minute.\n" in printed
    private = print_paper(store, "minutes", "hwb-2019-09-11", PrintOptions(width=0)).text
    assert "Personal - is involved with the Better Care Fund at a regional level" in private


def test_attendance_recorded_only_during_exempt_business_is_withheld(store: Store) -> None:
    store.save_person(GUEST)
    meeting = store.meeting("hwb-2019-09-11")
    item = next(i for i in meeting.agenda if i.exempt)
    meeting.attendance.append(
        AttendanceEvent(GUEST.id, EventKind.ALSO_PRESENT, item_id=item.id, capacity="Auditor")
    )
    store.save_meeting(meeting)
    public = print_paper(store, "minutes", meeting.id, PrintOptions(width=0, public=True)).text
    private = print_paper(store, "minutes", meeting.id, PrintOptions(width=0)).text
    assert "ALSO PRESENT" not in public and GUEST.name not in public
    assert f"ALSO PRESENT: {GUEST.name} (Auditor)." in private


def test_a_public_copy_cannot_be_had_from_the_exempt_record() -> None:
    """Builders take no "public" flag: the only public copy is made by public_papers, and
    making it twice changes nothing."""
    assert "public" not in inspect.signature(build_minutes).parameters
    assert "public" not in inspect.signature(build_agenda).parameters
    meeting = hwb_2019_09_11.meeting()
    papers = MeetingPapers(meeting, hwb_2019.committee(), {p.id: p for p in hwb_2019.people()})
    once = public_papers(papers)
    assert public_papers(once) is once
    assert once.meeting is not meeting and any(m.narrative for m in meeting.minutes if m.item_id == "item-12")
    assert not any(m.narrative or m.resolution for m in once.meeting.minutes if m.item_id == "item-12")


def clerk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clerk_tui", *args], capture_output=True, text=True, check=False
    )


def test_clerk_export_meeting_json_public_withholds_exempt_business(canaried: Store, tmp_path: Path) -> None:
    """F4: `--public` used to be ignored for the JSON record, printing every exempt field."""
    store = str(canaried.root)
    public = clerk("--store", store, "export", "meeting", "hwb-2019-09-11", "--format", "json", "--public")
    assert public.returncode == 0, public.stderr
    assert CANARY not in public.stdout and GUEST.name not in public.stdout
    assert json.loads(public.stdout)["meetings"][0]["id"] == "hwb-2019-09-11"
    target = tmp_path / "confidential.txt"
    written = clerk("--store", store, "export", "minutes", "hwb-2019-09-11", "-o", str(target))
    assert written.returncode == 0, written.stderr
    assert CANARY in target.read_text(encoding="utf-8")
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("text_format", list(Format))
@pytest.mark.parametrize("paper", ["minutes", "agenda"])
def test_every_format_marks_the_confidential_copy_at_the_top_and_only_that_copy(
    store: Store, text_format: Format, paper: str
) -> None:
    """A format added later is held to this too: its writer must print Document.marking."""
    confidential = print_paper(store, paper, "hwb-2019-09-11", PrintOptions(text_format)).text  # type: ignore[arg-type]
    public = print_paper(store, paper, "hwb-2019-09-11", PrintOptions(text_format, public=True)).text  # type: ignore[arg-type]
    assert "CONFIDENTIAL: NOT FOR PUBLICATION by virtue of paragraph 3" in confidential.split("\n\n")[0]
    assert "CONFIDENTIAL" not in public
    assert ("Public Document Pack" in public) == (paper == "agenda")
    assert "Public Document Pack" not in confidential


def test_the_undo_history_and_the_circulated_drafts_stay_out_of_the_public_record(canaried: Store) -> None:
    """The live meeting's undo steps and the drafts sent to the Chair hold exempt minutes
    whole; a signed meeting's public record keeps only the copy frozen for the public."""
    meeting = canaried.meeting("hwb-2019-09-11")
    meeting.history.record(Step(f"took {CANARY}", [Change(Target.MINUTES, before=f'"{CANARY}"')]))
    meeting.record.revisions.append(Revision(1, meeting.date, f"draft {CANARY}", digest(CANARY)))
    meeting.record.signature = Signature(
        "Councillor Cummins",
        meeting.date,
        FrozenCopy.of(f"full {CANARY}", "{}"),
        public_copy=FrozenCopy.of("public text", "{}"),
    )
    canaried.save_meeting(meeting)
    public = export_bundle(canaried, ["hwb-2019-09-11"], public=True)
    assert CANARY not in public
    assert "public text" in public
    whole = export_bundle(canaried, ["hwb-2019-09-11"])
    assert whole.count(CANARY) > 3


def test_every_field_of_a_meeting_is_decided_public_or_made_public() -> None:
    """A field added to Meeting must be placed in one list or the other before it can
    reach a public copy."""
    assert {f.name for f in fields(Meeting)} == PUBLIC_AS_THEY_ARE | MADE_PUBLIC


@pytest.mark.parametrize("placement", [PresencePlacement.IN_MINUTE, PresencePlacement.AFTER_PRESENT])
def test_the_presence_lines_of_exempt_business_stay_out_of_every_public_output(
    canaried: Store, placement: PresencePlacement
) -> None:
    """With every presence setting on, a member who arrives, withdraws on a declaration or
    leaves during the Part 2 item, and the officers seen only then, are named in the
    confidential copy and never in a public one, in any format; the same events during a
    public item are printed in both."""
    committee = canaried.committee("hwb")
    committee.style = replace(
        committee.style,
        arrivals=placement,
        departures=placement,
        withdrawals=placement,
        officers_in_attendance=True,
        skipped_items=SkippedItems.HEADING_AND_SENTENCE,
    )
    canaried.save_committee(committee)
    meeting = canaried.meeting("hwb-2019-09-11")
    exempt = next(i for i in meeting.agenda if i.exempt)
    public_item = next(m.item_id for m in meeting.numbered_minutes() if m.item_id and m.item_id != exempt.id)
    assert public_item is not None
    withdrawal = Declaration(
        meeting.new_declaration_id(),
        "fiona-taylor",
        exempt.id,
        InterestKind.DISCLOSABLE_PECUNIARY,
        "Fiona Taylor's secret interest",
        InterestAction.WITHDREW,
    )
    meeting.declarations.append(withdrawal)
    meeting.attendance += [
        AttendanceEvent("maureen-kelly", EventKind.ARRIVED, item_id=exempt.id),
        AttendanceEvent("fiona-taylor", EventKind.WITHDREW, item_id=exempt.id, declaration_id=withdrawal.id),
        AttendanceEvent("lorraine-webb", EventKind.DEPARTED, item_id=exempt.id),
        AttendanceEvent("andrew-booth", EventKind.DEPARTED, item_id=public_item),
    ]
    canaried.save_meeting(meeting)
    names = ("Maureen Kelly", "Fiona Taylor", "Lorraine Webb")
    private = print_paper(canaried, "minutes", meeting.id, PrintOptions(width=0)).text
    assert all(
        f"{name} arrived" in private or f"{name} declared" in private or f"{name} left" in private
        for name in names
    ), private
    assert "Andrew Booth left the meeting" in private
    for options in PUBLIC_OUTPUTS:
        public = _visible(print_paper(canaried, "minutes", meeting.id, options).text)
        assert "Andrew Booth left the meeting" in public, options
        for name in names:
            for verb in ("arrived", "declared", "left"):
                assert f"{name} {verb}" not in public, (name, verb, options)
        assert "secret interest" not in public and CANARY not in public, options
