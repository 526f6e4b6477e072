"""Narrative as the clerk types it, and back.

The clerk types plain text in one box: paragraphs separated by a blank line; a run of
lines starting "- " is a bullet list; a run of lines starting "(1) ", "(2) " is a
numbered list; a run of lines with TABs between cells is a table (first row the
header). The same text comes back from the blocks, so editing is lossless.
"""

from __future__ import annotations

import re

from clerk_tui.domain.minutes import Block, BlockKind

_BULLET = re.compile(r"^\s*[-•*]\s+")
_NUMBER = re.compile(r"^\s*\(\d+\)\s+")


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


def _blocks_of(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []

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
        marker = _BULLET if kind == BlockKind.BULLETS else _NUMBER
        item = marker.sub("", line, count=1).strip()
        if previous and previous.kind == kind:
            previous.items.append(item)
        else:
            blocks.append(Block(kind, items=[item]))
    close_paragraph()
    return blocks


def _line_kind(line: str) -> BlockKind:
    if "\t" in line:
        return BlockKind.TABLE
    if _BULLET.match(line):
        return BlockKind.BULLETS
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
            parts.append("\n".join(f"- {item}" for item in block.items))
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
