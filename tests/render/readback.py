"""Reading Word and PDF papers back as text, to compare with the golden papers under the
golden normalisation (tests/golden/README.md)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph
from pypdf import PdfReader

GOLDEN = Path(__file__).parent.parent / "golden"
BULLET = "•"


SEPTEMBER_MARKING = (
    "CONFIDENTIAL: NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A to the "
    "Local Government Act 1972"
)
"""The first line of the full (confidential) copy of the September 2019 minutes, whose seed
text includes exempt minute 22 (tests/golden/README.md)."""


def confidential_text(name: str, marking: str) -> str:
    """A golden paper printed from the seed as the confidential copy: the marking first."""
    return f"{marking}\n\n" + (GOLDEN / name).read_text(encoding="utf-8")


def golden_lines(name: str) -> list[str]:
    """The golden paper's lines, blank lines (block separators) left out."""
    text = (GOLDEN / name).read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line]


# --- Word ------------------------------------------------------------------------
def word_lines(data: bytes, *, skip_styles: frozenset[str] = frozenset({"Signature Block"})) -> list[str]:
    """The body of a .docx as lines the way the text writer prints them at width 0:
    Word's list numbers written out ("(1) "), bullets as "- ", a line break as a new
    line, a tab as a space, table cells joined by tabs, empty paragraphs left out."""
    word = docx.Document(io.BytesIO(data))
    counters: dict[int, int] = {}
    lines: list[str] = []
    for part in word.iter_inner_content():
        if isinstance(part, WordTable):
            lines.extend("\t".join(cell.text for cell in row.cells) for row in part.rows)
            continue
        assert isinstance(part, WordParagraph)
        if part.style is not None and part.style.name in skip_styles:
            continue
        prefix = _list_prefix(part, counters)
        for line in part.text.split("\n"):
            text = line.replace("\t", " ")
            if text:
                lines.append(prefix + text)
                prefix = ""
    return lines


def _list_prefix(paragraph: WordParagraph, counters: dict[int, int]) -> str:
    style = paragraph.style.name if paragraph.style is not None else ""
    if style == "List Bullet":
        return "- "
    numbering = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    if style == "List Number" and numbering is not None:
        num_id = int(numbering.get(qn("w:val")))
        counters[num_id] = counters.get(num_id, 0) + 1
        return f"({counters[num_id]}) "
    return ""


# --- PDF -------------------------------------------------------------------------
def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def pdf_words(
    data: bytes,
    *,
    first_page: int,
    running_header: str,
    furniture: tuple[str, ...] = (),
    marking: str = "",
) -> list[str]:
    """The words of a PDF's body in reading order, page furniture taken off: the
    confidential marking, the minute-book page number and the running header at the top of
    each page, and any line in ``furniture`` (the copy marking, the signature block)."""
    kept: list[str] = []
    for index, page in enumerate(pdf_pages(data)):
        lines = page.split("\n")
        if marking:
            assert lines[0] == marking, f"page {index + 1} starts {lines[0]!r}"
            lines = lines[1:]
        number = str(first_page + index)
        if index > 0 and running_header:
            assert lines[0] == running_header, f"page {index + 1} starts {lines[0]!r}"
            lines = lines[1:]
        if running_header:
            position = 1 if index == 0 and lines[0] != number else 0
            assert lines[position] == number, f"page {index + 1}: {lines[:3]!r}"
            del lines[position]
        kept.extend(line for line in lines if line.strip() not in furniture)
    return _words("\n".join(kept))


def golden_words(name: str) -> list[str]:
    text = (GOLDEN / name).read_text(encoding="utf-8")
    text = re.sub(r"(?m)^- ", f"{BULLET} ", text)
    return _words(text)


def _words(text: str) -> list[str]:
    """The golden normalisation's joins: a line ending in a hyphen with no space before
    it joins the next without a space (unless the next is a bullet point); every other
    break is a space."""
    joined = re.sub(rf"(?<=\S-)\n(?![{BULLET}\n])", "", text)
    return joined.split()
