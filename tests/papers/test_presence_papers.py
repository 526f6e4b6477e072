"""The meeting whose presence changed (tests/fixtures/planning_presence_2027.py) in Word and PDF: the
same words as its golden text in both house styles, nested points and a resolution part's
sub-items one level down (markers aside: Word draws its own bullets)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest

from clerk_tui.cli_papers import paper_file
from tests.fixtures import planning_presence_2027
from tests.papers.test_pdf import signature_lines
from tests.render.readback import GOLDEN, pdf_words
from tests.render.test_presence import STYLES, planning_store

_MARKER = re.compile(r"^(?:[-o•–]|\(\d+\))$")
HEADERS = {
    "in-minute": "PLANNING COMMITTEE - WEDNESDAY 10TH MARCH, 2027",
    "after-present": "PLANNING COMMITTEE - WEDNESDAY 10 MARCH 2027",
}


def words(text: str) -> list[str]:
    """The words, list markers and part numbers left out (each writer draws its own)."""
    return [word for word in text.split() if not _MARKER.match(word)]


def golden_text(name: str) -> str:
    return (GOLDEN / f"planning-2027-03-10.{name}.minutes.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(STYLES))
def test_word_prints_the_golden_words_with_sub_points_one_level_down(tmp_path: Path, name: str) -> None:
    with planning_store(tmp_path / name, STYLES[name]) as store:
        data = paper_file(store, "minutes", planning_presence_2027.MEETING_ID, "docx")
    word = docx.Document(io.BytesIO(data))
    paragraphs = [p for p in word.paragraphs if p.style is None or p.style.name != "Signature Block"]
    body = "\n".join(p.text for p in paragraphs)
    table = "\n".join("\t".join(cell.text for cell in row.cells) for t in word.tables for row in t.rows)
    # The table sits after the declarations heading; compare the words around it in order.
    before, after = golden_text(name).split("Member\tMinute No.", 1)
    table_words = words("Member\tMinute No." + after.split("\n\n", 1)[0])
    rest = after.split("\n\n", 1)[1]
    assert words(table) == table_words
    assert words(body) == words(before) + words(rest)
    nested = {p.text: p.style.name for p in paragraphs if p.style is not None}
    assert nested["Highways:"] == "List Bullet"
    assert nested["parking on the estate road;"] == "List Bullet 2"
    assert nested["25/0812 – Land off Station Road; and"] == "List Bullet 2"


@pytest.mark.parametrize("name", sorted(STYLES))
def test_the_pdf_prints_the_golden_words(tmp_path: Path, name: str) -> None:
    with planning_store(tmp_path / name, STYLES[name]) as store:
        data = paper_file(store, "minutes", planning_presence_2027.MEETING_ID, "pdf")
    printed = signature_lines(pdf_words(data, first_page=1, running_header=HEADERS[name]))
    assert words(" ".join(printed)) == words(golden_text(name))
