"""The house layout shared by the Word and PDF writers: what each block of a document is
on the page (a banner, the heading block, labelled lines, a numbered heading whose body
hangs under its title ...), the copy marking and the signature block.

The text writer needs none of this; a page does. Each rule reads the document model
only, so the two writers cannot disagree about a paper's layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from clerk_tui.domain.safe_text import neutralise
from clerk_tui.render.document import Block, Document, Emphasis, ItemList, LineGroup, Paragraph, Table


class CopyMark(StrEnum):
    """How a copy is marked on every page. The writer is told; it never decides what is
    public (the public copy's model arrives with exempt business already withheld)."""

    NONE = "none"
    PUBLIC = "public"
    CONFIDENTIAL = "confidential"

    def wording(self) -> str:
        return _MARK_WORDING[self]


_MARK_WORDING = {
    CopyMark.NONE: "",
    CopyMark.PUBLIC: "PUBLIC COPY",
    CopyMark.CONFIDENTIAL: "CONFIDENTIAL – CONTAINS EXEMPT INFORMATION – NOT FOR PUBLICATION",
}


@dataclass(frozen=True)
class SignatureLine:
    """The block the Chair signs; once signed, a copy says who signed and when."""

    chair: str = ""
    signed_on: str = ""

    @property
    def signed(self) -> bool:
        return bool(self.chair)

    def statement(self) -> str:
        return f"Signed as a correct record by the Chair, {self.chair}, on {self.signed_on}."


CHAIR_DOTS = "." * 48
DATE_DOTS = "." * 24


@dataclass(frozen=True)
class PaperOptions:
    mark: CopyMark = CopyMark.NONE
    signature: SignatureLine | None = None
    """None: no signature block (an agenda, a register)."""
    created: datetime | None = None
    """The date the file says it was made; fixed, the same model gives the same file."""
    author: str = ""


PLAIN = PaperOptions()


class Role(StrEnum):
    BANNER = "banner"
    TITLE = "title"
    HEADING_LINES = "heading-lines"
    """The lines under the title: "MEETING HELD AT ..." / "ON WEDNESDAY 12TH JUNE, 2019"."""
    LABELLED = "labelled"
    """Lines that start with a label in capitals: "PRESENT:", "VENUE:"."""
    HEADING = "heading"
    LEAD = "lead"
    BODY = "body"
    PLACEHOLDER = "placeholder"
    LIST = "list"
    TABLE = "table"


@dataclass(frozen=True)
class Placed:
    block: Block
    role: Role
    indented: bool = False
    """Inside a numbered minute or item: hangs under its heading's title."""


_LABEL = re.compile(r"^([A-Z][A-Z '&-]*:)\s+(\S.*)$")
_NUMBERED_HEADING = re.compile(r"^(\d+[A-Za-z]?\.)\s+(\S.*)$")


def split_label(line: str) -> tuple[str, str] | None:
    """``("PRESENT:", "Councillor Cummins (in the Chair)")``, or None."""
    match = _LABEL.match(line)
    return (match.group(1), match.group(2)) if match else None


def split_number(heading: str) -> tuple[str, str] | None:
    """``("5.", "SEND OFSTED/CQC REVIEW")``; None when the heading has no number (or is
    printed as the clerk's slip "32.CABINET MEMBER REPORTS", kept exactly as it is)."""
    match = _NUMBERED_HEADING.match(heading)
    return (match.group(1), match.group(2)) if match else None


def _in_capitals(lines: tuple[str, ...]) -> bool:
    return all(line == line.upper() and any(c.isalpha() for c in line) for line in lines)


def place(document: Document) -> Iterator[Placed]:
    """Each block of the body (after the front matter) with its role on the page."""
    previous: Block | None = None
    indented = False
    for block in document.blocks[document.front_matter :]:
        role = _role(block, previous)
        if role == Role.HEADING:
            indented = False
        yield Placed(block, role, indented and role != Role.HEADING)
        if role == Role.HEADING and isinstance(block, Paragraph) and split_number(block.text):
            indented = True
        previous = block


def _role(block: Block, previous: Block | None) -> Role:
    if isinstance(block, Table):
        return Role.TABLE
    if isinstance(block, ItemList):
        return Role.LIST
    if isinstance(block, LineGroup):
        after_title = isinstance(previous, Paragraph) and previous.emphasis == Emphasis.TITLE
        if block.emphasis == Emphasis.TITLE or (after_title and _in_capitals(block.lines)):
            return Role.HEADING_LINES
        return Role.LABELLED if block.lines and split_label(block.lines[0]) else Role.BODY
    return {
        Emphasis.TITLE: Role.TITLE,
        Emphasis.HEADING: Role.HEADING,
        Emphasis.LEAD: Role.LEAD,
        Emphasis.BANNER: Role.BANNER,
        Emphasis.PLACEHOLDER: Role.PLACEHOLDER,
    }.get(block.emphasis, Role.LABELLED if split_label(block.text) else Role.BODY)


def front_matter(document: Document) -> list[Block]:
    """What prints above the first page number (the call-in banner)."""
    return document.blocks[: document.front_matter]


def minute_book(document: Document) -> bool:
    """Minutes number their pages in the minute book, at the top under the running
    header; other papers (an agenda, a register) print "Page N" at the foot."""
    return bool(document.running_header)


def safe(text: str) -> str:
    """Every writer's last step: nothing unsafe reaches a file."""
    return neutralise(text)
