"""What a paper was read as, in plain text, for the clerk to check before anything is
stored: printed by ``clerk import`` and shown by the import review screen (which may not
import the command line)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_tui.domain.safe_text import neutralise
from clerk_tui.reading.result import Reading
from clerk_tui.render.public import Copy

if TYPE_CHECKING:
    from store import Store


def preview(reading: Reading, store: Store | None = None, *, adopt_style: bool = False) -> str:
    """What the paper was read as, in plain text: a summary, the meeting, the style it
    shows, what to check, and every line not placed (runs of lines as ranges)."""
    lines = [f"== {reading.source_name}", reading.summary()]
    if not reading.ok:
        lines += [f"  {error}" for error in reading.errors]
        lines += _unplaced(reading)
        return neutralise("\n".join(lines) + "\n\n")
    meeting, committee = reading.meeting, reading.committee
    assert meeting is not None and committee is not None
    state = "new" if reading.committee_is_new else "in the store"
    lines.append(f"Committee: {committee.name} ({state}, id {committee.id})")
    where = meeting.venue.for_minutes() or meeting.venue.front_sheet()
    lines.append(f"Meeting: {meeting.id}, {meeting.date:%A %d %B %Y}" + (f", {where}" if where else ""))
    if reading.withheld:
        lines.append(
            "Copy: the public copy. The exempt record of the withheld items was not in the paper "
            "and is not stored: only their headings (and the kind of any interest declared)."
        )
    elif reading.copy == Copy.CONFIDENTIAL:
        lines.append("Copy: the confidential copy (it holds exempt business in full).")
    names = {person.id: person for person in reading.people}
    if meeting.minutes:
        first = meeting.first_minute_number or 1
        numbers = meeting.minute_numbers(first)
        for minute in meeting.minutes:
            item = next((i for i in meeting.agenda if i.id == minute.item_id), None)
            parts = []
            if minute.narrative:
                parts.append(f"{len(minute.narrative)} block{'s' if len(minute.narrative) != 1 else ''}")
            if minute.resolution is not None:
                count = len(minute.resolution.parts)
                parts.append("resolution" + (f" in {count} parts" if count > 1 else ""))
            if item is not None and item.exempt:
                parts.append(f"EXEMPT (paragraph {', '.join(map(str, item.exempt_paragraphs))})")
            if item is not None and item.id in reading.withheld:
                parts.append("withheld: not in the paper")
            lines.append(
                f"  {numbers.get(minute.id, '-')}. {minute.title.upper()}"
                + (f": {'; '.join(parts)}" if parts else "")
            )
        kinds: dict[str, int] = {}
        for event in meeting.attendance:
            kinds[event.kind.value] = kinds.get(event.kind.value, 0) + 1
        lines.append("Attendance: " + ", ".join(f"{count} {kind}" for kind, count in kinds.items()))
        for declaration in meeting.declarations:
            who = (
                names[declaration.person_id].name if declaration.person_id in names else declaration.person_id
            )
            lines.append(f"Declaration: {who}: {declaration.nature_cell()}")
    else:
        for position, item in enumerate(meeting.agenda, start=1):
            pages = item.pages.printed() if item.pages else "(To Follow)" if item.to_follow else ""
            lines.append(f"  {item.label or position}. {item.title} {pages}".rstrip())
        lines.append(f"Members: {len(committee.members)}")
    if reading.new_people:
        shown = ", ".join(
            person.name + (" (councillor)" if person.councillor else "") for person in reading.new_people
        )
        lines.append(f"New people ({len(reading.new_people)}): {shown}")
    if reading.style_choices:
        keep = not reading.committee_is_new and not adopt_style
        lines.append(
            "House style the paper shows"
            + (" (the committee's own is kept; --adopt-style to take it):" if keep else ":")
        )
        for choice in reading.style_choices:
            now = f" (committee now: {choice.current})" if choice.differs else ""
            lines.append(f"  {choice.label}: {choice.printed}{now}")
    if reading.membership_changes:
        lines.append("Membership (kept only if no other meeting would print differently):")
        lines += [f"  {change}" for change in reading.membership_changes]
    if reading.notes:
        lines.append("To check:")
        lines += [
            f"  line {note.line}: {note.message}" if note.line else f"  {note.message}"
            for note in reading.notes
        ]
    lines += _unplaced(reading)
    return neutralise("\n".join(lines) + "\n\n")


def _unplaced(reading: Reading) -> list[str]:
    runs: list[list[tuple[int, str, str]]] = []
    for line in reading.unplaced:
        entry = (line.number, line.text.strip(), line.read_as)
        if runs and runs[-1][-1][2] == line.read_as and _near(runs[-1][-1][0], line.number, reading):
            runs[-1].append(entry)
        else:
            runs.append([entry])
    if not runs:
        return ["Every line was placed."]
    out = [f"Not placed ({len(reading.unplaced)} lines):"]
    for run in runs:
        first, last = run[0], run[-1]
        if len(run) == 1:
            out.append(f"  line {first[0]}: “{_cut(first[1])}”: {first[2]}")
        else:
            out.append(
                f"  lines {first[0]}-{last[0]} ({len(run)} lines, from “{_cut(first[1])}”): {first[2]}"
            )
    return out


def _near(previous: int, number: int, reading: Reading) -> bool:
    """The same run: nothing but blank or unplaced lines between the two."""
    between = reading.lines[previous : number - 1]
    return all(not line.text.strip() or not line.placed for line in between)


def _cut(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
