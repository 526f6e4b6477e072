"""One document model for every printed paper; the writers turn it into text or Markdown.

Writers print what they are given: whether a copy is public was settled before the
document was built (``render.public``). Each writer starts from :func:`neutralised`, so
control characters are gone (``domain.safe_text``) before any line is measured or printed.

A document is a list of blocks. Blocks are separated by one blank line when printed;
what is inside a block (the lines of a heading group, the rows of a table, the items
of a bullet list) is printed without blank lines unless the block says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from clerk_tui.domain.safe_text import is_safe, neutralise


class Emphasis(StrEnum):
    NORMAL = "normal"
    TITLE = "title"
    """The body's name or the "Public Document Pack" line: a level-1 heading."""
    HEADING = "heading"
    """A minute or agenda item heading: a level-2 heading."""
    LEAD = "lead"
    """"RESOLVED:" and other words printed in bold in Markdown."""
    BANNER = "banner"
    PLACEHOLDER = "placeholder"
    """Text standing in for something not yet recorded; always visible."""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text."""

    text: str
    emphasis: Emphasis = Emphasis.NORMAL


@dataclass(frozen=True)
class LineGroup:
    """Lines printed one under another with no blank line between them (the
    "MEETING HELD AT" lines, the PRESENT block, a member list)."""

    lines: tuple[str, ...]
    emphasis: Emphasis = Emphasis.NORMAL


@dataclass(frozen=True)
class ItemList:
    """A list of items: bullets ("- ") or numbered ("(1) ") with a hanging indent.

    Lists nest: ``levels`` gives each item's level (0 the outermost; empty, all at 0). An
    item one level down hangs under the text of the item above it. A numbered list numbers
    its level-0 items only; the items under them (a resolution part's sub-list) and every
    level of a bulleted list take their marker from ``markers``."""

    items: tuple[str, ...]
    numbered: bool = False
    spaced: bool = False
    """A blank line between items (numbered parts are printed so); never between an item
    and the items nested under it."""
    levels: tuple[int, ...] = ()
    markers: tuple[str, ...] = ("-",)
    """The bullet of each level (of each level below the numbers, in a numbered list); the
    last serves every deeper level."""

    def level_of(self, index: int) -> int:
        return self.levels[index] if index < len(self.levels) else 0

    def marker_of(self, index: int, number: int) -> str:
        """The item's marker: "(2)" or "-" or "o"."""
        level = self.level_of(index)
        if self.numbered and level == 0:
            return f"({number})"
        bullet_level = level - 1 if self.numbered else level
        return self.markers[min(bullet_level, len(self.markers) - 1)] if self.markers else "-"

    def numbers(self) -> list[int]:
        """The number each item counts under (its own, or its level-0 item's)."""
        counted, number = [], 0
        for index in range(len(self.items)):
            if self.level_of(index) == 0:
                number += 1
            counted.append(number)
        return counted


@dataclass(frozen=True)
class Table:
    """A table of text cells, its first row a header unless ``header`` is false."""

    rows: tuple[tuple[str, ...], ...]
    header: bool = True


Block = Paragraph | LineGroup | ItemList | Table


@dataclass
class Document:
    """A printed paper as blocks, for the text, Markdown and other writers."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    running_header: str = ""
    """Printed at the top of every page after the first when paginated."""
    first_page: int = 1
    """The minute-book page number of the first page."""
    front_matter: int = 0
    """How many leading blocks (a banner) print above the first page number."""
    marking: str = ""
    """Printed first, and at the top of every page when paginated ("CONFIDENTIAL: ...")."""
    warnings: list[str] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def warn(self, message: str) -> None:
        self.warnings.append(message)


def neutralised(document: Document) -> Document:
    """The document with every escape sequence and control character taken out of its
    text: what a writer measures and prints, whatever the records held."""
    return replace(
        document,
        title=neutralise(document.title),
        running_header=neutralise(document.running_header),
        marking=neutralise(document.marking),
        blocks=[block if _is_safe(block) else _neutralised(block) for block in document.blocks],
    )


def _texts(block: Block) -> tuple[str, ...]:
    if isinstance(block, Paragraph):
        return (block.text,)
    if isinstance(block, LineGroup):
        return block.lines
    if isinstance(block, ItemList):
        return block.items + block.markers
    return tuple(cell for row in block.rows for cell in row)


def _is_safe(block: Block) -> bool:
    return all(is_safe(text) for text in _texts(block))


def _neutralised(block: Block) -> Block:
    if isinstance(block, Paragraph):
        return replace(block, text=neutralise(block.text))
    if isinstance(block, LineGroup):
        return replace(block, lines=tuple(neutralise(line) for line in block.lines))
    if isinstance(block, ItemList):
        return replace(
            block,
            items=tuple(neutralise(item) for item in block.items),
            markers=tuple(neutralise(marker) for marker in block.markers),
        )
    return replace(block, rows=tuple(tuple(neutralise(cell) for cell in row) for row in block.rows))
