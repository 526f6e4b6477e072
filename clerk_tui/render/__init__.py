"""Printed papers: one document model, two writers (text and Markdown).

Pure Python: the renderer imports neither Textual nor Rich, so the command line and
the app print exactly the same text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from clerk_tui.render.agenda import build_agenda
from clerk_tui.render.document import Document
from clerk_tui.render.markdown import write_markdown
from clerk_tui.render.minutes import build_minutes
from clerk_tui.render.papers import MeetingPapers
from clerk_tui.render.text import DEFAULT_PAGE_LENGTH, count_pages, write_pages, write_text


class Format(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"


@dataclass(frozen=True)
class PrintOptions:
    format: Format = Format.TEXT
    width: int = 80
    """Wrap at this many columns; 0 prints one paragraph per line with no page furniture."""
    paginate: bool = False
    public: bool = False
    """Withhold the content of exempt (Part 2) items."""
    page_length: int = DEFAULT_PAGE_LENGTH


@dataclass(frozen=True)
class Printed:
    text: str
    warnings: tuple[str, ...]


def write(document: Document, options: PrintOptions) -> Printed:
    if options.format == Format.MARKDOWN:
        text = write_markdown(document)
    elif options.paginate:
        text = write_pages(document, options.width, options.page_length)
    else:
        text = write_text(document, options.width)
    return Printed(text, tuple(dict.fromkeys(document.warnings)))


def print_minutes(papers: MeetingPapers, options: PrintOptions = PrintOptions()) -> Printed:
    return write(build_minutes(papers, public=options.public), options)


def print_agenda(papers: MeetingPapers, options: PrintOptions = PrintOptions()) -> Printed:
    return write(build_agenda(papers, public=options.public), options)


__all__ = [
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
]
