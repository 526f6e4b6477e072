"""Shared helpers for the readers' tests: the real papers kept beside the tests, and
printing a meeting as `clerk export` would."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from clerk_tui.domain import Committee, Meeting, Person
from clerk_tui.reading import PaperKind, Reading
from clerk_tui.reading.check import print_read_agenda, print_read_minutes
from clerk_tui.render import MeetingPapers, PrintOptions, print_agenda, print_minutes

PAPERS = Path(__file__).parent / "papers"
GOLDEN = Path(__file__).parent.parent / "golden"


def paper(name: str) -> str:
    """A real paper's text, byte for byte as the seed file holds it (page furniture and all)."""
    return (PAPERS / name).read_text(encoding="utf-8")


def golden(name: str) -> str:
    return (GOLDEN / name).read_text(encoding="utf-8")


def printed_again(reading: Reading) -> str:
    """The reading printed as `clerk export --width 0` prints it."""
    assert reading.ok, reading.errors
    assert reading.meeting is not None and reading.committee is not None
    if reading.kind == PaperKind.MINUTES:
        return print_read_minutes(reading.meeting, reading.committee, reading.people)
    return print_read_agenda(reading.meeting, reading.committee, reading.people)


def print_paper(
    meeting: Meeting,
    committee: Committee,
    people: Sequence[Person],
    *,
    paper: str = "minutes",
    first_minute_number: int = 1,
    width: int = 0,
    paginate: bool = False,
) -> str:
    papers = MeetingPapers(
        meeting, committee, {p.id: p for p in people}, first_minute_number=first_minute_number
    )
    options = PrintOptions(width=width, paginate=paginate, page_length=40)
    printer = print_minutes if paper == "minutes" else print_agenda
    return printer(papers, options).text
