"""Markdown from the same document model as the text writer."""

from __future__ import annotations

from clerk_tui.domain.patterns import compiled_on_first_use
from clerk_tui.render.document import Document, Emphasis, ItemList, LineGroup, Paragraph, Table, neutralised

_special = compiled_on_first_use(r"([\\`*_\[\]|<>])")


_line_start = compiled_on_first_use(r"^(\s*)([#>+\-]|\d+[.)])(\s)")


def escape(text: str) -> str:
    """Characters Markdown would read as formatting, inside a line."""
    return _special().sub(r"\\\1", text)


def escape_line(text: str) -> str:
    """As escape(), and a line that would start a heading or a list is kept as text."""
    return _line_start().sub(lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}", escape(text))


def _paragraph(block: Paragraph) -> str:
    text = escape(block.text)
    if block.emphasis == Emphasis.NORMAL:
        return escape_line(block.text)
    if block.emphasis == Emphasis.TITLE:
        return f"# {text}"
    if block.emphasis == Emphasis.HEADING:
        return f"## {text}"
    if block.emphasis in {Emphasis.LEAD, Emphasis.BANNER}:
        return f"**{text}**"
    if block.emphasis == Emphasis.PLACEHOLDER:
        return f"*{text}*"
    return text


def _list(block: ItemList) -> str:
    """Numbered items stay "(1) ..." paragraphs (the house's numbers, not Markdown's); the
    items under them, and every bulleted item, are Markdown bullets, nested by indentation."""
    lines: list[str] = []
    for index, (item, number) in enumerate(zip(block.items, block.numbers(), strict=True)):
        level = block.level_of(index)
        if block.numbered and level == 0:
            if lines:
                lines.append("")
            lines.append(f"({number}) {escape(item)}")
            continue
        depth = level - 1 if block.numbered else level
        lines.append(f"{'  ' * depth}- {escape(item)}")
    return "\n".join(lines)


def _table(block: Table) -> str:
    rows = [[escape(cell) for cell in row] for row in block.rows]
    header = rows[0] if block.header else [""] * len(rows[0])
    body = rows[1:] if block.header else rows
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(lines)


def write_markdown(document: Document) -> str:
    document = neutralised(document)
    parts = [f"**{escape(document.marking)}**"] if document.marking else []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            parts.append(_paragraph(block))
        elif isinstance(block, LineGroup):
            parts.append("\\\n".join(escape_line(line) for line in block.lines))
        elif isinstance(block, ItemList):
            parts.append(_list(block))
        else:
            parts.append(_table(block))
    return "\n\n".join(parts) + "\n"
