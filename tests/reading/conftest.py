"""Shared helpers for the readers' tests: the real papers kept beside the tests, and
printing a meeting as `clerk export` would."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from clerk_tui.domain import Committee, Meeting, Person
from clerk_tui.reading import PaperKind, Reading
from clerk_tui.reading.check import print_read_agenda, print_read_minutes
from clerk_tui.render import Copy, MeetingPapers, PrintOptions, print_agenda, print_minutes

PAPERS = Path(__file__).parent / "papers"
GOLDEN = Path(__file__).parent.parent / "golden"


def paper(name: str) -> str:
    """A real paper's text, byte for byte as the seed file holds it (page furniture and all)."""
    return (PAPERS / name).read_text(encoding="utf-8")


def golden(name: str) -> str:
    return (GOLDEN / name).read_text(encoding="utf-8")


CONFIDENTIAL_BODIES = {
    "hwb-2019-09-11.minutes.txt": (
        "CONFIDENTIAL: NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A to "
        "the Local Government Act 1972"
    ),
}
"""Goldens that are the body of a confidential copy, kept as the council printed them, with
the marking the copy puts first (tests/golden/README.md, "Which file is which")."""


def as_printed(name: str) -> str:
    """The paper a golden stands for: a confidential copy's body with its marking and a blank
    line first, as clerk prints it; any other golden as it is."""
    marking = CONFIDENTIAL_BODIES.get(name)
    return f"{marking}\n\n{golden(name)}" if marking else golden(name)


def printed_again(reading: Reading) -> str:
    """The reading printed as `clerk export --width 0` prints the copy the paper is
    (`--public` for a public copy: the exempt record it withholds is not in clerk)."""
    assert reading.ok, reading.errors
    assert reading.meeting is not None and reading.committee is not None
    public = reading.copy == Copy.PUBLIC
    if reading.kind == PaperKind.MINUTES:
        return print_read_minutes(reading.meeting, reading.committee, reading.people, public=public)
    return print_read_agenda(reading.meeting, reading.committee, reading.people, public=public)


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
