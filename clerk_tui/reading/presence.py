"""Who came, left or withdrew during an item, read back from the minutes' own sentences
(render/presence.py read backwards).

A note names a person and an item: "this item" at the head of its minute, "Minute No. 48"
after PRESENT, or "the item “Title”" for an item with no numbered minute. The words
around those gaps are the house's wording, kept as the template the printer fills.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from clerk_tui.domain import InterestKind

_NAME = r"(?P<name>[A-Z][^,.;:()]{0,80}?)"
_ITEM = r"(?P<item>this item|Minute No\. (?P<number>\d{1,3})|the item “(?P<title>[^”]+)”)"
_INTEREST = r"(?P<interest>a disclosable pecuniary interest|a personal interest|an interest)"
_WITHDRAWAL = re.compile(rf"^{_NAME} declared {_INTEREST} in {_ITEM} \((?P<nature>.*)\)(?P<rest>[^()]*)$")
_MOVEMENT = re.compile(
    rf"^{_NAME} (?P<verb>arrived|joined|entered|left|departed)\b[^()]*?\b{_ITEM}(?P<rest>[^()]*)$"
)
INTERESTS = {
    "a disclosable pecuniary interest": InterestKind.DISCLOSABLE_PECUNIARY,
    "a personal interest": InterestKind.PERSONAL,
    "an interest": InterestKind.OTHER,
}
"""The printer's words for each kind of interest (render/presence.py)."""


class NoteKind(StrEnum):
    ARRIVAL = "arrival"
    DEPARTURE = "departure"
    WITHDRAWAL = "withdrawal"


SETTINGS = {
    NoteKind.ARRIVAL: ("arrivals", "arrival_wording"),
    NoteKind.DEPARTURE: ("departures", "departure_wording"),
    NoteKind.WITHDRAWAL: ("withdrawals", "withdrawal_wording"),
}
"""The house-style placement and wording settings of each kind of note."""


@dataclass(frozen=True)
class PresenceRead:
    """One note as printed: who, which item, and the house's template it was filled from."""

    kind: NoteKind
    name: str
    wording: str
    this_item: bool
    minute_number: int | None = None
    item_title: str = ""
    interest: InterestKind | None = None
    nature: str = ""


def read_presence_note(text: str) -> PresenceRead | None:
    """The note ``text`` is, or None when it is not one."""
    sentence = " ".join(text.split())
    withdrawal = _WITHDRAWAL.match(sentence)
    if withdrawal:
        return _note(NoteKind.WITHDRAWAL, withdrawal, ("name", "interest", "item", "nature"))
    movement = _MOVEMENT.match(sentence)
    if movement:
        kind = (
            NoteKind.ARRIVAL
            if movement.group("verb") in ("arrived", "joined", "entered")
            else NoteKind.DEPARTURE
        )
        return _note(kind, movement, ("name", "item"))
    return None


def _note(kind: NoteKind, match: re.Match[str], gaps: tuple[str, ...]) -> PresenceRead:
    number = match.group("number")
    return PresenceRead(
        kind,
        match.group("name").strip(),
        _template(match, gaps),
        match.group("item") == "this item",
        int(number) if number else None,
        match.group("title") or "",
        INTERESTS[match.group("interest")] if "interest" in gaps else None,
        match.group("nature").strip() if "nature" in gaps else "",
    )


def _template(match: re.Match[str], gaps: tuple[str, ...]) -> str:
    """The sentence with each gap's words put back as ``{gap}``, the rest as printed."""
    text = match.string
    spans = sorted((match.start(gap), match.end(gap), gap) for gap in gaps)
    out: list[str] = []
    position = 0
    for start, end, gap in spans:
        out.append(_literal(text[position:start]))
        out.append(f"{{{gap}}}")
        position = end
    out.append(_literal(text[position:]))
    return "".join(out)


def _literal(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")
