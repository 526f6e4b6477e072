"""The house style a paper shows, as settings to confirm.

A reader notes what the printed paper evidences (a banner, councillors named by
surname, organisations in brackets, capitalised resolution parts ...). Only those
settings are proposed; everything the paper does not show stays as the committee has
it (or as a new committee's default).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from enum import Enum
from typing import Any

from clerk_tui.domain import HouseStyle
from clerk_tui.reading.result import StyleChoice

LABELS: dict[str, str] = {
    "call_in_banner": "Call-in banner",
    "call_in_wording": "Banner wording",
    "previous_minutes_title": "Previous minutes item",
    "organisations_in_minutes": "Organisations in minutes",
    "councillor_names": "Councillors named",
    "front_sheet_date": "Front sheet date",
    "agenda_heading": "Agenda heading",
    "council_name": "Council name on the front sheet",
    "description_full_stop": "Item descriptions end with a full stop",
    "capitalise_resolution_parts": "Resolution parts capitalised",
    "comma_before_year": "Comma before the year in dates",
    "vice_chair_line": "Vice-Chair on a line of its own",
    "member_order": "Member order",
    "officer_comma": "Comma between officer and job title",
    "running_header_separator": "Running header separator",
    "opening_order": "Opening items",
    "declarations_agenda_text": "Declarations of interest text on the front sheet",
    "local_government_act": "The Act as cited",
    "heading_date": "Date in the minutes heading",
    "numbered_paragraph_spacing": "Blank line between numbered paragraphs",
    "bullet_markers": "Markers of nested list levels",
    "sub_item_marker": "Marker of a resolution part's sub-items",
    "officers_in_attendance": "Officers in attendance printed",
    "officers_label": "Officers' block label",
    "arrivals": "Late arrivals",
    "arrival_wording": "Late arrival wording",
    "departures": "Departures",
    "departure_wording": "Departure wording",
    "withdrawals": "Withdrawals on a declaration",
    "withdrawal_wording": "Withdrawal wording",
    "skipped_items": "Deferred and withdrawn items",
    "deferred_wording": "Deferred item wording",
    "withdrawn_wording": "Withdrawn item wording",
}


@dataclass
class StyleEvidence:
    """Settings the paper shows: name -> (value, line it was seen on)."""

    seen: dict[str, tuple[Any, int]]

    def __init__(self) -> None:
        self.seen = {}

    def saw(self, setting: str, value: Any, line: int) -> None:
        if setting not in self.seen:
            self.seen[setting] = (value, line)

    def applied_to(self, style: HouseStyle) -> HouseStyle:
        known = {f.name for f in fields(HouseStyle)}
        changes = {name: value for name, (value, _) in self.seen.items() if name in known}
        return replace(style, **changes)

    def choices(self, current: HouseStyle | None) -> list[StyleChoice]:
        out = []
        for name, (value, line) in self.seen.items():
            now = _describe(getattr(current, name)) if current is not None else ""
            out.append(StyleChoice(name, LABELS.get(name, name), _describe(value), now, line))
        return out


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, list):
        return ", ".join(_describe(v) for v in value)
    return f"“{value}”" if isinstance(value, str) else str(value)
