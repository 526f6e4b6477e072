"""Narrative as the clerk types it, and back.

The clerk types plain text in one box: paragraphs separated by a blank line; a run of
lines starting "- " is a bullet list; a run of lines starting "(1) ", "(2) " is a
numbered list; a run of lines with TABs between cells is a table (first row the
header). The same text comes back from the blocks, so editing is lossless.

Bullet lists nest, typed as a clerk would: a point indented under another ("  - ..."),
or a point with another marker ("o ...") under a "- " point, is one level down; the
level of each point is kept (``Block.levels``). Back as text, each level is indented
two spaces under the one above and marked "- " (the outermost) or "o ".
"""

from __future__ import annotations

import re

from clerk_tui.domain.minutes import Block, BlockKind

_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-•*]|o)[ \t]+(?=\S)")
_NUMBER = re.compile(r"^\s*\(\d+\)\s+")
TEXT_MARKERS = ("-", "o")
"""The markers the text form writes: "- " for the outermost level, "o " below it."""


def parse_narrative(text: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in _chunks(text):
        blocks.extend(_blocks_of(chunk))
    return _merge_spaced_numbered(blocks)


def _chunks(text: str) -> list[list[str]]:
    """Runs of non-blank lines."""
    chunks: list[list[str]] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            current.append(line.rstrip(" \r"))
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


class _Levels:
    """The level of each point of one list, from its indentation and its marker: a point
    indented deeper, or marked otherwise at the same indentation, is a level down; a point
    like one above it goes back to that one's level."""

    def __init__(self) -> None:
        self.open: list[tuple[int, str]] = []

    def level(self, indent: int, marker: str) -> int:
        key = (indent, marker)
        if key in self.open:
            index = self.open.index(key)
            del self.open[index + 1 :]
            return index
        while self.open and self.open[-1][0] > indent:
            self.open.pop()
        self.open.append(key)
        return len(self.open) - 1


def _indent_width(indent: str) -> int:
    return sum(4 if character == "\t" else 1 for character in indent)


def _blocks_of(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []
    levels = _Levels()

    def close_paragraph() -> None:
        if paragraph:
            blocks.append(Block(text=" ".join(part.strip() for part in paragraph)))
            paragraph.clear()

    for line in lines:
        kind = _line_kind(line)
        if kind == BlockKind.PARAGRAPH:
            paragraph.append(line)
            continue
        close_paragraph()
        previous = blocks[-1] if blocks else None
        if kind == BlockKind.TABLE:
            row = [cell.strip() for cell in line.split("\t")]
            if previous and previous.kind == BlockKind.TABLE:
                previous.rows.append(row)
            else:
                blocks.append(Block(BlockKind.TABLE, rows=[row]))
            continue
        if kind == BlockKind.NUMBERED:
            item = _NUMBER.sub("", line, count=1).strip()
            if previous and previous.kind == kind:
                previous.items.append(item)
            else:
                blocks.append(Block(kind, items=[item]))
            continue
        bullet = _BULLET.match(line)
        assert bullet is not None
        item = line[bullet.end() :].strip()
        if not (previous and previous.kind == BlockKind.BULLETS):
            levels = _Levels()
            previous = Block(BlockKind.BULLETS)
            blocks.append(previous)
        marker = "-" if bullet.group("marker") in "-•*" else "o"
        level = levels.level(_indent_width(bullet.group("indent")), marker)
        previous.items.append(item)
        previous.levels.append(level)
    close_paragraph()
    for block in blocks:
        if block.kind == BlockKind.BULLETS and not any(block.levels):
            block.levels = []  # a flat list, stored as flat lists always were
    return blocks


def _line_kind(line: str) -> BlockKind:
    bullet = _BULLET.match(line)
    if bullet and "\t" not in line[bullet.end() :]:
        return BlockKind.BULLETS
    if "\t" in line.strip():
        return BlockKind.TABLE
    if _NUMBER.match(line):
        return BlockKind.NUMBERED
    return BlockKind.PARAGRAPH


def _merge_spaced_numbered(blocks: list[Block]) -> list[Block]:
    """Numbered items are printed with blank lines between them: typed so, they are one list."""
    merged: list[Block] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if block.kind == BlockKind.NUMBERED and previous is not None and previous.kind == BlockKind.NUMBERED:
            previous.items.extend(block.items)
        else:
            merged.append(block)
    return merged


def narrative_text(blocks: list[Block]) -> str:
    """The text the clerk would type for these blocks."""
    parts: list[str] = []
    for block in blocks:
        if block.kind == BlockKind.BULLETS:
            parts.append(
                "\n".join(_bullet_line(item, block.level_of(i)) for i, item in enumerate(block.items))
            )
        elif block.kind == BlockKind.NUMBERED:
            parts.append("\n\n".join(f"({n}) {item}" for n, item in enumerate(block.items, start=1)))
        elif block.kind == BlockKind.TABLE:
            parts.append("\n".join("\t".join(row) for row in block.rows))
        else:
            parts.append(block.text)
    return "\n\n".join(parts)


def narrative_placeholder(noun: str) -> str:
    """The hint in an empty narrative box, in the committee's own words: ``the Committee``
    gives "The Committee considered the report of …"."""
    body = noun.strip() or "the Committee"
    body = body[0].upper() + body[1:]
    return (
        f"What was considered, in the past tense: “{body} considered the report of …”. "
        "A blank line between paragraphs; “- ” starts a bullet, “(1) ” a numbered point."
    )


def _bullet_line(item: str, level: int) -> str:
    marker = TEXT_MARKERS[0] if level == 0 else TEXT_MARKERS[1]
    return f"{'  ' * level}{marker} {item}"
