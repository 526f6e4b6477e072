"""Plain text: wrapped at a width with hanging indents, or one paragraph per line
(width 0) for pasting into a word processor; optionally in pages."""

from __future__ import annotations

import textwrap
from itertools import zip_longest

from clerk_tui.render.document import Block, Document, ItemList, LineGroup, Paragraph, Table, neutralised

PAGE_BREAK = "\f"
DEFAULT_PAGE_LENGTH = 60


def write_text(document: Document, width: int = 80) -> str:
    """The whole document, blocks separated by one blank line."""
    document = neutralised(document)
    lines = _marking_lines(document, width) + _lines_of(document.blocks, width)
    return "\n".join(lines) + "\n"


def _marking_lines(document: Document, width: int) -> list[str]:
    return [*_wrap(document.marking, width), ""] if document.marking else []


def _lines_of(blocks: list[Block], width: int) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if lines:
            lines.append("")
        lines.extend(block_lines(block, width))
    return lines


def block_lines(block: Block, width: int) -> list[str]:
    if isinstance(block, Paragraph):
        return _wrap(block.text, width)
    if isinstance(block, LineGroup):
        return [line for text in block.lines for line in _wrap(text, width)]
    if isinstance(block, ItemList):
        return _list_lines(block, width)
    return _table_lines(block, width)


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    if width <= 0:
        return [first + text]
    if _fits_as_it_is(text, width - len(first)):
        return [first + text]  # what textwrap makes of it, at a fraction of the cost
    return textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def _fits_as_it_is(text: str, room: int) -> bool:
    """A line textwrap would leave as it is: short enough, and words (with no whitespace of any
    kind in them, not even a no-break space, which textwrap drops at a line's end) each after
    one space."""
    return len(text) <= room and text.split() == text.split(" ")


def _list_lines(block: ItemList, width: int) -> list[str]:
    """Each item after its marker, hanging under its own text; a nested item is indented to
    the text of the item it is under (at width 0 too, so that the levels still show)."""
    lines: list[str] = []
    text_column: dict[int, int] = {}
    for index, (item, number) in enumerate(zip(block.items, block.numbers(), strict=True)):
        level = block.level_of(index)
        if block.spaced and lines and level == 0:
            lines.append("")
        indent = text_column.get(level - 1, 0) if level else 0
        marker = " " * indent + block.marker_of(index, number) + " "
        text_column[level] = len(marker)
        lines.extend(_wrap(item, width, marker, " " * len(marker)))
    return lines


def _table_lines(block: Table, width: int) -> list[str]:
    if width <= 0:
        return ["\t".join(row) for row in block.rows]
    columns = max(len(row) for row in block.rows)
    gap = 2
    longest = [max((len(row[c]) if c < len(row) else 0) for row in block.rows) for c in range(columns)]
    available = max(width - gap * (columns - 1), columns * 8)
    total = sum(longest) or 1
    widths = [max(8, min(longest[c], available * longest[c] // total)) for c in range(columns)]
    lines: list[str] = []
    for row in block.rows:
        cells = [textwrap.wrap(cell, widths[c], break_long_words=False) or [""] for c, cell in enumerate(row)]
        for parts in zip_longest(*cells, fillvalue=""):
            padded = [part.ljust(widths[c]) for c, part in enumerate(parts)]
            lines.append((" " * gap).join(padded).rstrip())
    return lines


def write_pages(document: Document, width: int = 80, page_length: int = DEFAULT_PAGE_LENGTH) -> str:
    """Pages of ``page_length`` lines: the marking (if any) on every page, the banner and
    the minute-book page number on the first page, the running header and the page
    number on each page after it."""
    if width <= 0:
        raise ValueError("Pages need a width: use --width with --paginate.")
    document = neutralised(document)
    front = _lines_of(document.blocks[: document.front_matter], width)
    body = _lines_of(document.blocks[document.front_matter :], width)
    marking = _marking_lines(document, width)
    pages: list[list[str]] = []
    number = document.first_page
    while body or not pages:
        head = marking + ((front + [""] if front else []) if not pages else [document.running_header, ""])
        head += [str(number), ""]
        room = max(page_length - len(head), 1)
        chunk, body = body[:room], body[room:]
        while chunk and chunk[-1] == "":
            chunk.pop()
        while body and body[0] == "":
            body = body[1:]
        pages.append(head + chunk)
        number += 1
    return f"\n{PAGE_BREAK}\n".join("\n".join(page) for page in pages) + "\n"


def count_pages(document: Document, width: int = 80, page_length: int = DEFAULT_PAGE_LENGTH) -> int:
    return write_pages(document, width, page_length).count(PAGE_BREAK) + 1
