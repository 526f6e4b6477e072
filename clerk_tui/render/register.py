"""The attendance register printed (a document for the text, Word and PDF writers) and
as CSV (for the council's website or a spreadsheet)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from clerk_tui.domain import Committee, Person
from clerk_tui.domain.dates import format_long_date
from clerk_tui.domain.register import HistoryEntry, RecordedVote, Register, Tally
from clerk_tui.render.document import Document, Emphasis, LineGroup, Paragraph, Table
from clerk_tui.render.layout import safe

COLUMNS = (
    "Member",
    "Expected",
    "Attended",
    "Apologies",
    "Absent",
    "Substituted",
    "As substitute",
    "In attendance",
    "Attendance",
)
CSV_COLUMNS = (
    "person_id",
    "name",
    "role",
    "expected",
    "attended",
    "apologies",
    "absent",
    "substituted",
    "as_substitute",
    "in_attendance",
    "percentage",
)
EXPLANATION = (
    "Expected: meetings held while the member held a seat on the committee. Attended: of those, "
    "the meetings they attended. Substituted: meetings at which a substitute sat in their place. As "
    "substitute: meetings attended in another member's place. In attendance: meetings attended in "
    "another capacity. The percentage is attended of expected; cancelled meetings are not counted."
)


def _name(people: Mapping[str, Person], person_id: str) -> str:
    person = people.get(person_id)
    return person.front_sheet_name() if person is not None else f"[UNKNOWN PERSON {person_id}]"


def _percentage(tally: Tally) -> str:
    return "–" if tally.percentage is None else f"{tally.percentage}%"


def _counts(tally: Tally) -> tuple[str, ...]:
    return tuple(
        str(value)
        for value in (
            tally.expected,
            tally.attended,
            tally.apologies,
            tally.absent,
            tally.substituted,
            tally.as_substitute,
            tally.in_attendance,
        )
    )


def register_row(tally: Tally, people: Mapping[str, Person]) -> tuple[str, ...]:
    """One member's row of the printed register (and of the app's table), cells as ``COLUMNS``."""
    return (_name(people, tally.person_id), *_counts(tally), _percentage(tally))


def build_register(register: Register, committee: Committee, people: Mapping[str, Person]) -> Document:
    document = Document(title=f"{committee.name} - attendance register {register.year}")
    document.add(Paragraph(committee.name.upper(), Emphasis.TITLE))
    document.add(LineGroup((f"ATTENDANCE REGISTER: MUNICIPAL YEAR {register.year}",)))
    if not register.meetings:
        document.add(Paragraph("[NO MEETINGS HELD IN THIS YEAR YET]", Emphasis.PLACEHOLDER))
        document.warn(f"No meetings of {committee.name} were held in {register.year}.")
        return document
    held = "; ".join(format_long_date(day) for _, day in register.meetings)
    count = len(register.meetings)
    document.add(Paragraph(f"Meetings counted ({count}): {held}."))
    rows = [COLUMNS] + [register_row(tally, people) for tally in register.tallies]
    document.add(Table(tuple(rows)))
    document.add(Paragraph(EXPLANATION))
    return document


def register_csv(register: Register, people: Mapping[str, Person]) -> str:
    """One row per person; the percentage empty when nothing was expected."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(("committee_id", "year", *CSV_COLUMNS))
    for tally in register.tallies:
        writer.writerow(_csv_row(register.committee_id, register.year, tally, people))
    return out.getvalue()


def _cell(value: str) -> str:
    """A cell a spreadsheet will not run: text starting =, +, - or @ is read as a formula."""
    value = safe(value)
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


def _csv_row(committee_id: str, year: str, tally: Tally, people: Mapping[str, Person]) -> list[str]:
    person = people.get(tally.person_id)
    name = person.name_with_honours() if person is not None else ""
    role = tally.role.value if tally.role is not None else ""
    percentage = "" if tally.percentage is None else str(tally.percentage)
    return [
        _cell(value)
        for value in (committee_id, year, tally.person_id, name, role, *_counts(tally), percentage)
    ]


def history_csv(entries: Sequence[HistoryEntry], people: Mapping[str, Person]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(("committee_id", "year", *CSV_COLUMNS))
    for entry in entries:
        writer.writerow(_csv_row(entry.committee_id, entry.year, entry.tally, people))
    return out.getvalue()


def build_history(
    person: Person,
    entries: Sequence[HistoryEntry],
    committees: Mapping[str, Committee],
    votes: Sequence[RecordedVote] = (),
) -> Document:
    document = Document(title=f"Attendance of {person.name}")
    document.add(Paragraph(person.front_sheet_name().upper(), Emphasis.TITLE))
    document.add(LineGroup(("ATTENDANCE AT COMMITTEE MEETINGS",)))
    if not entries:
        document.add(Paragraph("[NO ATTENDANCE RECORDED]", Emphasis.PLACEHOLDER))
        return document
    header = ("Committee", "Year", *COLUMNS[1:])
    rows: list[tuple[str, ...]] = [header]
    for entry in entries:
        committee = committees.get(entry.committee_id)
        name = committee.name if committee is not None else entry.committee_id
        rows.append((name, entry.year, *_counts(entry.tally), _percentage(entry.tally)))
    document.add(Table(tuple(rows)))
    document.add(Paragraph(EXPLANATION))
    if votes:
        document.add(LineGroup(("RECORDED VOTES",)))
        vote_rows: list[tuple[str, ...]] = [("Date", "Committee", "Item", "Motion", "Voted", "Result")]
        for vote in sorted(votes, key=lambda v: v.date):
            committee = committees.get(vote.committee_id)
            name = committee.name if committee is not None else vote.committee_id
            vote_rows.append(
                (format_long_date(vote.date), name, vote.item, vote.motion, vote.how, vote.result)
            )
        document.add(Table(tuple(vote_rows)))
    return document
