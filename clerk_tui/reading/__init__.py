"""Readers of printed papers: published minutes and agenda front sheets, as text, back
into the domain. Pure: no screen, no store. Every line of the text is placed (furniture,
a heading, a minute's narrative ...) or reported with its number; nothing is dropped.

Copies (``render.public``): a paper marked "CONFIDENTIAL: NOT FOR PUBLICATION ..." (first,
and at the top of every page: page furniture), or one that prints exempt business in full
without the marking, is the confidential copy, and ``import(print(m)) == m``. A public copy
withholds exempt business; what is stored of a withheld item is only what the paper shows:
the item (its heading, pages, the Schedule 12A paragraphs), its minute's heading with no
narrative and no resolution, a declaration on it with the public copy's own words
``[not published: exempt business]`` for its nature, and the clerk's note (never printed)
that the exempt record was not in the paper. The reading says so (``Reading.withheld`` and
a note on each). Printed again as the public copy it is that paper exactly; its full copy
shows the placeholders of an unrecorded minute, never invented text.
"""

from __future__ import annotations

from clerk_tui.reading.front_sheet import FrontSheetReader, looks_like_front_sheet
from clerk_tui.reading.minutes import MinutesReader, looks_like_minutes
from clerk_tui.reading.result import LineReading, Note, PaperKind, Reading, Register, StyleChoice


def read_minutes(text: str, register: Register | None = None, source_name: str = "the minutes") -> Reading:
    return MinutesReader(text, register or Register(), source_name).read()


def read_front_sheet(
    text: str, register: Register | None = None, source_name: str = "the front sheet"
) -> Reading:
    return FrontSheetReader(text, register or Register(), source_name).read()


def read_paper(text: str, register: Register | None = None, source_name: str = "the paper") -> Reading:
    """Minutes or a front sheet, whichever the text is."""
    if looks_like_minutes(text):
        return read_minutes(text, register, source_name)
    if looks_like_front_sheet(text):
        return read_front_sheet(text, register, source_name)
    reading = Reading(PaperKind.MINUTES, source_name)
    reading.errors.append(
        "this is neither a set of minutes (no “MEETING HELD AT” and “PRESENT:” near the top) "
        "nor an agenda front sheet (no “MEETING:” and “DATE:” lines)"
    )
    return reading


__all__ = [
    "LineReading",
    "Note",
    "PaperKind",
    "Reading",
    "Register",
    "StyleChoice",
    "read_front_sheet",
    "read_minutes",
    "read_paper",
]
