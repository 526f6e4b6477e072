"""Minutes: numbered records of what each item decided."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from clerk_tui.domain.agenda import ItemKind
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.motions import Motion
from clerk_tui.domain.patterns import compiled_on_first_use


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    BULLETS = "bullets"
    NUMBERED = "numbered"
    """"(1) ...", "(2) ..." inside a narrative (not a resolution)."""
    TABLE = "table"
    """Rows of cells, the first row the header (a project's milestones)."""


@dataclass
class Block:
    """One piece of narrative: a paragraph, a list of points, or a table."""

    kind: BlockKind = BlockKind.PARAGRAPH
    text: str = ""
    items: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    levels: list[int] = field(default_factory=list)
    """The level of each item of a bulleted list (0 the outermost; "- Topic:" then its
    "o" points at 1). Empty: every item at level 0, as lists were before they nested."""

    def __post_init__(self) -> None:
        if self.levels and len(self.levels) != len(self.items):
            raise DomainError("A list gives a level for each of its items.", "levels")
        if any(level < 0 for level in self.levels):
            raise DomainError("List levels start at 0.", "levels")

    def level_of(self, index: int) -> int:
        return self.levels[index] if index < len(self.levels) else 0


class ResolutionLead(StrEnum):
    RESOLVED = "RESOLVED"
    RECOMMENDED = "RECOMMENDED"


_trailing_punctuation = compiled_on_first_use(r"\s*(?:;\s*and|;|\.|,)\s*$", re.IGNORECASE)


_leading_that = compiled_on_first_use(r"^\s*that\s+", re.IGNORECASE)


# A sub-item line of a resolution part as typed: "- item A", "o item A", "• item A".
_sub_item = compiled_on_first_use(r"^\s*(?:[-•*]|o)\s+(?=\S)")


_indented = compiled_on_first_use(r"^(?: {2,}|\t)\s*(?=\S)")


_part_number = compiled_on_first_use(r"^\s*\(?\d+\)\s*")


_that = compiled_on_first_use(r"^that\s+", re.IGNORECASE)


SUB_ITEM_PREFIX = "- "
"""How a part keeps its sub-items: one a line after its text, each after this prefix
(the printer uses the house's own marker)."""


def _one_clean(text: str) -> str:
    cleaned = " ".join(text.split())
    while True:
        stripped = _trailing_punctuation().sub("", cleaned)
        if stripped == cleaned:
            return cleaned
        cleaned = stripped


def clean_part(text: str) -> str:
    """A resolution part as the clerk typed it, less the punctuation the printer adds.

    A part may carry a sub-list: its lines after the first that start with a marker
    ("- ", "o ", "• "), each a sub-item. The part keeps them as "text\n- A\n- B"; any
    other line continues the text, as a wrapped line does."""
    head: list[str] = []
    sub_items: list[str] = []
    for number, line in enumerate(text.split("\n")):
        marker = _sub_item().match(line)
        if number and marker:
            sub_items.append(_one_clean(line[marker.end() :]))
        elif sub_items:
            sub_items[-1] = f"{sub_items[-1]} {line}"
        else:
            head.append(line)
    return join_part(_one_clean(" ".join(head)), [_one_clean(item) for item in sub_items])


def split_part(part: str) -> tuple[str, list[str]]:
    """A part's own text and its sub-items: ("the following items be included:", ["A", "B"])."""
    text, *sub_items = part.split("\n")
    return text, [item.removeprefix(SUB_ITEM_PREFIX) for item in sub_items]


def join_part(text: str, sub_items: list[str]) -> str:
    return "\n".join([text, *(f"{SUB_ITEM_PREFIX}{item}" for item in sub_items if item)])


def parse_resolution_parts(text: str) -> list[str]:
    """The resolution as the editor holds it: one part a line; numbers, "That" and the end
    punctuation are the printer's. A line under a part that starts with a marker ("- ",
    "o ") or is indented is a sub-item of that part."""
    parts: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        marker = _sub_item().match(line) or _indented().match(line)
        if parts and marker and not _part_number().match(line):
            parts[-1] += f"\n{SUB_ITEM_PREFIX}{line[marker.end() :]}"
            continue
        parts.append(_that().sub("", _part_number().sub("", line, count=1).strip(), count=1))
    return [cleaned for cleaned in (clean_part(part) for part in parts) if cleaned]


@dataclass
class Resolution:
    """``RESOLVED: That (1) ...; (2) ...; and (3) ...``.

    Each part completes the sentence begun by the lead and "That"; the printer adds
    "; ", "; and" and "." so that the clerk never types them.
    """

    parts: list[str] = field(default_factory=list)
    lead: ResolutionLead = ResolutionLead.RESOLVED
    opening: str = "That"
    """The word the sentence starts with; empty for "RESOLVED: The report be noted."."""
    print_lead: bool = True
    """False for a resolution printed without its lead ("The Minutes ... be confirmed")."""
    and_before_last: bool = True
    """"; and" before the last part; some clerks leave it out."""
    final_full_stop: bool = True

    def __post_init__(self) -> None:
        self.parts = [clean_part(p) for p in self.parts]
        if not any(self.parts):
            raise DomainError("A resolution needs at least one part.", "resolution")
        if any(not part for part in self.parts):
            raise DomainError("A resolution part is empty.", "resolution")

    @classmethod
    def single(cls, text: str, lead: ResolutionLead = ResolutionLead.RESOLVED) -> Resolution:
        """From a whole sentence as typed: "That the report be noted."."""
        opening = "That" if _leading_that().match(text) else ""
        return cls([_leading_that().sub("", text, count=1)], lead=lead, opening=opening)

    def requests(self) -> list[tuple[int, str]]:
        """Parts that ask someone to do something ("be requested to ..."): actions arising."""
        return [
            (number, part)
            for number, part in enumerate(self.parts, start=1)
            if re.search(r"\bbe (requested|asked|authorised|given delegated authority)\b", part)
            or "authority be delegated" in part.lower()
        ]


@dataclass(frozen=True)
class MinuteOptions:
    """How one minute prints where it departs from the house rule: its heading, the
    resolution's lead and opening word, its "RESOLVED:" line, "; and" and the full stop."""

    title: str
    lead: ResolutionLead = ResolutionLead.RESOLVED
    opening: str = "That"
    print_lead: bool = True
    and_before_last: bool = True
    final_full_stop: bool = True

    @classmethod
    def of(cls, minute: Minute) -> MinuteOptions:
        resolution = minute.resolution or Resolution(["-"])
        return cls(
            minute.title,
            resolution.lead,
            resolution.opening,
            resolution.print_lead,
            resolution.and_before_last,
            resolution.final_full_stop,
        )


class MinuteStatus(StrEnum):
    MINUTED = "minuted"
    DEFERRED = "deferred"
    WITHDRAWN = "withdrawn"


@dataclass
class Minute:
    """The record of one item. Its number is not stored here: it follows from the
    meeting's first minute number and the minute's place among those minuted."""

    id: str
    title: str
    kind: ItemKind = ItemKind.SUBSTANTIVE
    item_id: str | None = None
    """The agenda item it minutes; None for business not on the agenda (election of chair)."""
    narrative: list[Block] = field(default_factory=list)
    """What was considered. For apologies and declarations the printer writes the
    standard sentence or table itself; a narrative typed here replaces it."""
    resolution: Resolution | None = None
    status: MinuteStatus = MinuteStatus.MINUTED
    """A deferred or withdrawn item keeps its record but takes no number."""
    motions: list[Motion] = field(default_factory=list)
    """Motions, amendments and votes on the item, in the order moved
    (``clerk_tui.domain.votes``); missing from files written before they were recorded."""

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise DomainError("A minute needs a title.", "title")

    @property
    def numbered(self) -> bool:
        return self.status == MinuteStatus.MINUTED
