"""A printed document frozen as text: what a signed record keeps so that it reprints
the same for ever, whatever later happens to the meeting, its people or this code.

Two forms are frozen. The *text* is the document as ``write_text`` prints it one
paragraph per line: the record itself, reprinted byte for byte and hashed. The *model*
is the document model as canonical JSON, from which Word, PDF and paginated copies of
the signed record are written (never from the live meeting, which may since have
changed: a member renamed, a venue corrected).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from clerk_tui.render.document import Block, Document, Emphasis, ItemList, LineGroup, Paragraph, Table
from clerk_tui.render.text import write_text


class FrozenModelError(ValueError):
    """The frozen model does not read back as a document (hand-edited or damaged)."""


@dataclass(frozen=True)
class PrintedMinutes:
    """What is frozen of one copy (full or public) of a set of minutes."""

    text: str
    model: str


def printed(document: Document) -> PrintedMinutes:
    return PrintedMinutes(write_text(document, width=0), freeze(document))


def freeze(document: Document) -> str:
    """The document as canonical JSON: sorted keys, no spaces, UTF-8 kept as text."""
    value = {
        "title": document.title,
        "running_header": document.running_header,
        "first_page": document.first_page,
        "front_matter": document.front_matter,
        "blocks": [_block_value(block) for block in document.blocks],
    }
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _block_value(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"kind": "paragraph", "text": block.text, "emphasis": block.emphasis.value}
    if isinstance(block, LineGroup):
        return {"kind": "lines", "lines": list(block.lines), "emphasis": block.emphasis.value}
    if isinstance(block, ItemList):
        value: dict[str, Any] = {
            "kind": "list",
            "items": list(block.items),
            "numbered": block.numbered,
            "spaced": block.spaced,
        }
        # Written only when a list nests, so a flat list freezes to the bytes it always did
        # (a signed record's model keeps its SHA-256).
        if any(block.levels):
            value["levels"] = list(block.levels)
        if block.markers != ItemList(()).markers:
            value["markers"] = list(block.markers)
        return value
    return {"kind": "table", "rows": [list(row) for row in block.rows], "header": block.header}


def thaw(model: str) -> Document:
    """The document frozen by :func:`freeze`; FrozenModelError if it does not read back."""
    try:
        value = json.loads(model)
        document = Document(
            title=_text(value["title"]),
            running_header=_text(value["running_header"]),
            first_page=_number(value["first_page"]),
            front_matter=_number(value["front_matter"]),
        )
        document.blocks = [_block(entry) for entry in value["blocks"]]
    except (KeyError, TypeError, ValueError) as error:
        raise FrozenModelError(f"the frozen document does not read back ({error})") from None
    return document


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {value!r}")
    return value


def _number(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected a whole number, found {value!r}")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, found {value!r}")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, found {value!r}")
    return tuple(_text(item) for item in value)


def _block(entry: Any) -> Block:
    if not isinstance(entry, dict):
        raise TypeError(f"expected a block, found {entry!r}")
    kind = entry["kind"]
    if kind == "paragraph":
        return Paragraph(_text(entry["text"]), Emphasis(entry["emphasis"]))
    if kind == "lines":
        return LineGroup(_texts(entry["lines"]), Emphasis(entry["emphasis"]))
    if kind == "list":
        levels = entry.get("levels", [])
        if not isinstance(levels, list) or not all(_number(level) >= 0 for level in levels):
            raise TypeError(f"expected list levels, found {levels!r}")
        return ItemList(
            _texts(entry["items"]),
            _flag(entry["numbered"]),
            _flag(entry["spaced"]),
            levels=tuple(levels),
            markers=_texts(entry["markers"]) if "markers" in entry else ItemList(()).markers,
        )
    if kind == "table":
        if not isinstance(entry["rows"], list):
            raise TypeError("a table's rows must be a list")
        return Table(tuple(_texts(row) for row in entry["rows"]), _flag(entry["header"]))
    raise ValueError(f"unknown block kind {kind!r}")
