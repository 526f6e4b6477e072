"""The house-style settings added for the printed record, declared as data: one description
per setting (what it is, which values it takes) and a sample of what the papers print with
the current value, made by the same code that prints the papers. A house-style form is
built from these, one control per description, rather than by hand control by control.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date, time
from enum import Enum, StrEnum
from typing import Any

from clerk_tui.domain import HeadingDate, HouseStyle, PresencePlacement, Resolution
from clerk_tui.domain.committee import ApologiesOrder, SkippedItems
from clerk_tui.domain.dates import format_body_date, format_minutes_heading_date, format_time
from clerk_tui.domain.minutes import join_part
from clerk_tui.domain.phrases import exclusion_resolution
from clerk_tui.domain.wording import fill
from clerk_tui.render.document import ItemList
from clerk_tui.render.minutes import styled_resolution_blocks
from clerk_tui.render.names import join_names
from clerk_tui.render.text import block_lines

SAMPLE_DATE = date(2027, 3, 10)
SAMPLE_TIME = time(18, 30)
NOT_PRINTED = "(not printed)"


class Control(StrEnum):
    SWITCH = "switch"
    CHOICE = "choice"
    TEXT = "text"
    LINES = "lines"
    """Several lines of text, one per line (markers, paragraphs)."""


@dataclass(frozen=True)
class Setting:
    """One house-style setting as a form shows it."""

    name: str
    """The ``HouseStyle`` field."""
    label: str
    help: str
    sample: Callable[[HouseStyle], str]
    choices: tuple[tuple[str, Any], ...] = ()
    """(label, value) for a choice."""

    @property
    def control(self) -> Control:
        value = getattr(HouseStyle(), self.name)
        if self.choices:
            return Control.CHOICE
        if isinstance(value, bool):
            return Control.SWITCH
        if isinstance(value, list):
            return Control.LINES
        return Control.TEXT

    def value_of(self, style: HouseStyle) -> Any:
        return getattr(style, self.name)

    def with_value(self, style: HouseStyle, value: Any) -> HouseStyle:
        """The style with this setting changed (DomainError, naming the field, if refused)."""
        return replace(style, **{self.name: value})


def _placement(wording: str, placement: PresencePlacement, **gaps: str) -> str:
    if placement == PresencePlacement.OFF:
        return NOT_PRINTED
    item = "this item" if placement == PresencePlacement.IN_MINUTE else "Minute No. 48"
    where = "At the head of the minute: " if placement == PresencePlacement.IN_MINUTE else "After PRESENT: "
    return where + fill(wording, item=item, **gaps)


def _arrival(style: HouseStyle) -> str:
    return _placement(style.arrival_wording, style.arrivals, name="Councillor Green")


def _departure(style: HouseStyle) -> str:
    return _placement(style.departure_wording, style.departures, name="Councillor Hughes")


def _withdrawal(style: HouseStyle) -> str:
    return _placement(
        style.withdrawal_wording,
        style.withdrawals,
        name="Councillor Shah",
        interest="a disclosable pecuniary interest",
        nature="owns land adjoining the application site",
    )


def _officers(style: HouseStyle) -> str:
    if not style.officers_in_attendance:
        return NOT_PRINTED
    names = join_names(["Paul Smith (Head of Planning Services)", "Rachel Green (Principal Solicitor)"])
    return f"{style.officers_label.strip().rstrip(':')}: {names}."


def _skipped(style: HouseStyle) -> str:
    if style.skipped_items == SkippedItems.NOTHING:
        return NOT_PRINTED
    return f"APPLICATION 26/0456 – 12 HIGH STREET\n{style.deferred_wording.strip()}"


def _withdrawn(style: HouseStyle) -> str:
    if style.skipped_items == SkippedItems.NOTHING:
        return NOT_PRINTED
    return f"TREE PRESERVATION ORDER NO. 5\n{style.withdrawn_wording.strip()}"


def _heading_date(style: HouseStyle) -> str:
    return "ON " + format_minutes_heading_date(
        SAMPLE_DATE,
        ordinal_day=style.heading_date != HeadingDate.PLAIN,
        comma=style.heading_date == HeadingDate.ORDINAL_COMMA,
    )


_APOLOGIES = {
    ApologiesOrder.MEMBERSHIP: ["Councillor Ward", "Ms Jane Doe", "Councillor Lee"],
    ApologiesOrder.COUNCILLORS_FIRST: ["Councillor Ward", "Councillor Lee", "Ms Jane Doe"],
    ApologiesOrder.ALPHABETICAL: ["Ms Jane Doe", "Councillor Lee", "Councillor Ward"],
}


def _apologies(style: HouseStyle) -> str:
    return f"Apologies for absence were received from {join_names(_APOLOGIES[style.apologies_order])}."


def _resolution(style: HouseStyle) -> str:
    resolution = Resolution(
        [
            "the report be noted",
            join_part("the following items be included in the Work Programme:", ["item A", "item B"]),
            "a further report be submitted",
        ]
    )
    lines: list[str] = []
    for block in styled_resolution_blocks(resolution, style):
        if lines:
            lines.append("")
        lines.extend(block_lines(block, 0))
    return "\n".join(lines)


def _bullets(style: HouseStyle) -> str:
    markers = tuple(style.bullet_marker(level) for level in range(3))
    listed = ItemList(("Highways:", "the width of the lane;", "Drainage."), levels=(0, 1, 0), markers=markers)
    return "\n".join(block_lines(listed, 0))


def _first(paragraphs: list[str]) -> str:
    shown = [text for text in paragraphs if text.strip()]
    return shown[0] if shown else NOT_PRINTED


def _exclusion(style: HouseStyle) -> str:
    return "That, " + exclusion_resolution([3], 1, style.local_government_act).parts[0][:80] + "…"


def _confirmed(style: HouseStyle) -> str:
    held = format_body_date(date(2027, 2, 10), style.comma_before_year)
    return f"That {fill(style.minutes_confirmed_wording, date=held)}."


def _next_meeting(style: HouseStyle) -> str:
    when = format_body_date(date(2027, 4, 7), style.comma_before_year)
    text = fill(
        style.next_meeting_wording,
        body="the Committee",
        date=f"Wednesday, {when}",
        venue="the Town Hall",
        time=format_time(SAMPLE_TIME, dotted_meridiem=style.dotted_times),
    )
    return f"That {text}."


def _front_sheet(style: HouseStyle) -> str:
    lines = ["MEETING: PLANNING COMMITTEE", "DATE: Wednesday 10 March 2027", "TIME: 6.30 pm"]
    return ("\n\n" if style.front_sheet_spacing else "\n").join(lines)


def _choices(kind: type[Enum], labels: dict[Any, str]) -> tuple[tuple[str, Any], ...]:
    return tuple((labels[member], member) for member in kind)


_PLACEMENTS = {
    PresencePlacement.OFF: "Not printed",
    PresencePlacement.IN_MINUTE: "In the minute",
    PresencePlacement.AFTER_PRESENT: "A note after PRESENT",
}

SETTINGS: tuple[Setting, ...] = (
    Setting(
        "arrivals",
        "Late arrivals",
        "Who arrived during an item, and where it is said.",
        _arrival,
        _choices(PresencePlacement, _PLACEMENTS),
    ),
    Setting("arrival_wording", "Arrival wording", "Gaps: {name}, {item}.", _arrival),
    Setting(
        "departures",
        "Departures",
        "Who left before the end, and where it is said.",
        _departure,
        _choices(PresencePlacement, _PLACEMENTS),
    ),
    Setting("departure_wording", "Departure wording", "Gaps: {name}, {item}.", _departure),
    Setting(
        "withdrawals",
        "Withdrawals on a declaration",
        "A member who declared an interest and left the room for the item.",
        _withdrawal,
        _choices(PresencePlacement, _PLACEMENTS),
    ),
    Setting(
        "withdrawal_wording", "Withdrawal wording", "Gaps: {name}, {item}, {interest}, {nature}.", _withdrawal
    ),
    Setting(
        "officers_in_attendance", "Officers in attendance", "Print the officers, with their posts.", _officers
    ),
    Setting("officers_label", "Officers' label", "OFFICERS PRESENT, IN ATTENDANCE…", _officers),
    Setting(
        "skipped_items",
        "Deferred and withdrawn items",
        "They take no number; print them or not.",
        _skipped,
        _choices(
            SkippedItems,
            {SkippedItems.NOTHING: "Not printed", SkippedItems.HEADING_AND_SENTENCE: "Heading and sentence"},
        ),
    ),
    Setting(
        "deferred_wording", "Deferred wording", "The sentence under a deferred item's heading.", _skipped
    ),
    Setting(
        "withdrawn_wording", "Withdrawn wording", "The sentence under a withdrawn item's heading.", _withdrawn
    ),
    Setting(
        "apologies_order",
        "Apologies order",
        "The order of names in the apologies sentence.",
        _apologies,
        _choices(
            ApologiesOrder,
            {
                ApologiesOrder.MEMBERSHIP: "As the membership lists them",
                ApologiesOrder.COUNCILLORS_FIRST: "Councillors first",
                ApologiesOrder.ALPHABETICAL: "By surname",
            },
        ),
    ),
    Setting(
        "heading_date",
        "Minutes heading date",
        "The date under the minutes heading.",
        _heading_date,
        _choices(
            HeadingDate,
            {
                HeadingDate.ORDINAL_COMMA: "10TH MARCH, 2027",
                HeadingDate.ORDINAL: "10TH MARCH 2027",
                HeadingDate.PLAIN: "10 MARCH 2027",
            },
        ),
    ),
    Setting(
        "numbered_paragraph_spacing",
        "Blank line between numbered paragraphs",
        "Between resolution parts and numbered points.",
        _resolution,
    ),
    Setting("bullet_markers", "Bullet markers", "One a line: the outermost level first.", _bullets),
    Setting("sub_item_marker", "Sub-item marker", "Before each sub-item of a resolution part.", _resolution),
    Setting("sub_item_ending", "Sub-item ending", "After each sub-item but the last.", _resolution),
    Setting(
        "front_sheet_spacing",
        "Spaced front-sheet heading",
        "Blank lines between MEETING, DATE, TIME…",
        _front_sheet,
    ),
    Setting(
        "declarations_agenda_text",
        "Declarations of interest text",
        "The paragraphs under the item on the front sheet.",
        lambda style: _first(style.declarations_agenda_text),
    ),
    Setting(
        "front_sheet_notes",
        "Front-sheet notes",
        "The paragraphs after the committee officer.",
        lambda style: _first(style.front_sheet_notes),
    ),
    Setting("local_government_act", "The Act as cited", "In the exclusion of press and public.", _exclusion),
    Setting("minutes_confirmed_wording", "Minutes confirmed", "Gap: {date}.", _confirmed),
    Setting(
        "next_meeting_wording",
        "Date of next meeting",
        "Gaps: {body}, {date}, {venue}, {time}.",
        _next_meeting,
    ),
    Setting("dotted_times", "Times as 6.30 p.m.", "In the minutes' sentences.", _next_meeting),
)
"""The settings added with the printed record (issue 11), in the order a form shows them."""


def setting(name: str) -> Setting:
    return next(s for s in SETTINGS if s.name == name)


def undeclared() -> list[str]:
    """Fields of ``HouseStyle`` from the issue-11 block that no setting describes (a test
    keeps this empty, so a field added later gets a description and a sample)."""
    names = [f.name for f in fields(HouseStyle)]
    added = names[names.index("heading_date") :]
    return [name for name in added if name not in {s.name for s in SETTINGS}]
