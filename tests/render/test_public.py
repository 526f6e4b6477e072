"""Exempt stays exempt: no text of a Part 2 item reaches a public export, in any format."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_tui.domain import Block, BlockKind, Resolution
from clerk_tui.exporting import print_paper
from clerk_tui.render import Format, PrintOptions
from store import Store
from tests.fixtures import hwb_2019, hwb_2019_06_12, hwb_2019_09_11, os_2023


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


def test_canaries_in_every_field_of_an_exempt_item_stay_out_of_public_exports(store: Store) -> None:
    meeting = store.meeting("hwb-2019-09-11")
    item = next(i for i in meeting.agenda if i.exempt)
    item.description, item.notes = "CANARY-DESCRIPTION", "CANARY-NOTES"
    item.report_of, item.presenter = "CANARY-REPORT-OF", "CANARY-PRESENTER"
    item.presentation_of = "CANARY-PRESENTATION"
    minute = meeting.minute_for_item(item.id)
    assert minute is not None
    minute.narrative = [
        Block(text="CANARY-PARAGRAPH"),
        Block(BlockKind.BULLETS, items=["CANARY-BULLET"]),
        Block(BlockKind.NUMBERED, items=["CANARY-NUMBERED"]),
        Block(BlockKind.TABLE, rows=[["CANARY-HEADER"], ["CANARY-CELL"]]),
    ]
    minute.resolution = Resolution(["CANARY-PART-ONE", "CANARY-PART-TWO"])
    store.save_meeting(meeting)
    for options in ALL_OPTIONS:
        for paper in ("minutes", "agenda"):
            printed = print_paper(store, paper, meeting.id, options).text
            assert "CANARY" not in printed.replace("\\", ""), (paper, options)
        private = print_paper(store, "minutes", meeting.id, PrintOptions(width=0)).text
        assert "CANARY-PART-TWO" in private
