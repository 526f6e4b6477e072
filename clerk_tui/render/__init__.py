"""Printed papers: one document model, two writers (text and Markdown).

Pure Python: the renderer imports neither Textual nor Rich, so the command line and
the app print exactly the same text.

A public copy is made in one place: :func:`print_minutes` and :func:`print_agenda`
hand the builders ``public_papers(...)`` (``render.public``) when ``options.public``
is set, so no builder or writer ever holds the exempt record of a public copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from clerk_tui.domain.safe_text import neutralise
from clerk_tui.render.agenda import build_agenda
from clerk_tui.render.document import Document
from clerk_tui.render.markdown import write_markdown
from clerk_tui.render.minutes import build_minutes
from clerk_tui.render.papers import MeetingPapers
from clerk_tui.render.public import Copy, paper_copy, papers_as_asked, public_meeting, public_papers
from clerk_tui.render.text import DEFAULT_PAGE_LENGTH, count_pages, write_pages, write_text


class Format(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"


@dataclass(frozen=True)
class PrintOptions:
    """How to print a paper: format, width, pages, public or full copy."""

    format: Format = Format.TEXT
    width: int = 80
    """Wrap at this many columns; 0 prints one paragraph per line with no page furniture."""
    paginate: bool = False
    public: bool = False
    """The public copy: exempt (Part 2) business withheld as ``render.public`` defines it."""
    page_length: int = DEFAULT_PAGE_LENGTH


@dataclass(frozen=True)
class Printed:
    """A printed paper's text, the warnings printing it gave, and which copy it is."""

    text: str
    warnings: tuple[str, ...]
    copy: Copy = Copy.PUBLIC


def write(document: Document, options: PrintOptions) -> str:
    """The document in the format asked for; every writer neutralises what it writes."""
    if options.format == Format.MARKDOWN:
        return write_markdown(document)
    if options.paginate:
        return write_pages(document, options.width, options.page_length)
    return write_text(document, options.width)


def print_minutes(papers: MeetingPapers, options: PrintOptions = PrintOptions()) -> Printed:
    papers = papers_as_asked(papers, options.public)
    return _printed(build_minutes(papers), papers, options)


def print_agenda(papers: MeetingPapers, options: PrintOptions = PrintOptions()) -> Printed:
    papers = papers_as_asked(papers, options.public)
    return _printed(build_agenda(papers), papers, options)


def _printed(document: Document, papers: MeetingPapers, options: PrintOptions) -> Printed:
    warnings = tuple(neutralise(warning) for warning in dict.fromkeys(document.warnings))
    return Printed(write(document, options), warnings, paper_copy(papers.meeting, papers.public))


__all__ = [
    "Copy",
    "Document",
    "Format",
    "MeetingPapers",
    "PrintOptions",
    "Printed",
    "build_agenda",
    "build_minutes",
    "count_pages",
    "print_agenda",
    "print_minutes",
    "public_meeting",
    "public_papers",
]
