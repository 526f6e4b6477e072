"""Tables a PDF converter flattened into runs of text, read back into rows.

Two kinds are recognised, each by its header line:

- the declarations table, ``Member Minute No. Nature of Interest``: a row is
  "<member> <n> - <item title> <Kind> - <nature>" (domain.md 1.8), its cells broken
  over lines and blank lines in any way;
- a table with a date column (a project's milestones: ``Milestone Date Measure of
  Success``), after a sentence ending in ":": the dates anchor the rows; the text
  between two dates is the previous row's last cell up to its last full stop, and the
  next row's first cell after it.

A table printed with tabs between the cells (``clerk export --width 0``) needs none of
this: every line is a row.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from clerk_tui.reading.paragraphs import is_terminal
from clerk_tui.reading.source import SourceLine

_MONTH = "(?:" + "|".join(name for name in calendar.month_name if name) + ")"
_DAY = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)"
DATE_CELL = re.compile(rf"(?:{_DAY}?{_MONTH}\s+(?:to|–|-|until)\s+)?{_DAY}?{_MONTH},?\s+\d{{4}}")
DECLARATIONS_HEADER = re.compile(r"^member\s+minute\s+no\.?\s+nature\s+of\s+interest$", re.IGNORECASE)
DATE_WORDS = frozenset({"Date", "Dates", "Deadline", "Timescale", "Timescales", "When", "Completion"})
_SENTENCE_END = re.compile(r"[.!?][”’\"')]*\s+(?=[A-Z‘“\"(0-9])")
KINDS = r"(?:Disclosable Pecuniary|Pecuniary|Personal|Prejudicial|Other)"
_ROW = re.compile(
    rf"^(?P<member>.+?)\s+(?P<minute>\d{{1,3}})\s*[-–]\s*(?P<title>.+?)\s+(?P<kind>{KINDS})"
    r"(?:\s+Interests?)?\s*[-–]\s*(?P<nature>.+)$",
    re.DOTALL,
)


@dataclass
class FlatTable:
    rows: list[list[str]]
    lines: list[int]
    """Every source line the table was read from (its header included)."""
    notes: list[tuple[int, str]] = field(default_factory=list)
    leftover: list[list[SourceLine]] = field(default_factory=list)
    """Runs of lines inside the table's span that are not part of it."""


def _joined(lines: Sequence[SourceLine]) -> str:
    text = ""
    previous: SourceLine | None = None
    for line in lines:
        if line.blank:
            continue
        piece = line.text
        if not text:
            text = piece
        elif previous is not None and previous.hyphen_break:
            text += piece
        else:
            text += " " + piece
        previous = line
    return text


def _groups(lines: Sequence[SourceLine]) -> list[list[SourceLine]]:
    groups: list[list[SourceLine]] = []
    current: list[SourceLine] = []
    for line in lines:
        if line.blank:
            if current:
                groups.append(current)
                current = []
        else:
            current.append(line)
    if current:
        groups.append(current)
    return groups


def is_date_header(line: SourceLine, previous_text: str) -> bool:
    words = line.text.split()
    if line.indented or "\t" in line.raw or not 2 <= len(words) <= 8 or is_terminal(line.text):
        return False
    if not previous_text.rstrip().endswith((":", ":-")):
        return False
    if not any(word in DATE_WORDS for word in words):
        return False
    return all(word[:1].isupper() or word in ("of", "and", "the", "to", "for", "/", "&") for word in words)


def read_date_table(header: SourceLine, body: Sequence[SourceLine]) -> FlatTable | None:
    """The rows of a flattened table with a date column; None if no date anchors a row."""
    words = header.text.split()
    at = next(index for index, word in enumerate(words) if word in DATE_WORDS)
    columns = [" ".join(words[:at])] if at else []
    date_column = len(columns)
    columns.append(words[at])
    if words[at + 1 :]:
        columns.append(" ".join(words[at + 1 :]))
    stream = _joined(body)
    dates = list(DATE_CELL.finditer(stream))
    if not dates:
        return None
    table = FlatTable([columns], [header.number, *(line.number for line in body if not line.blank)])
    before_date = date_column == 1
    after_date = len(columns) > date_column + 1
    cursor = 0
    rows: list[list[str]] = []
    for index, match in enumerate(dates):
        segment = stream[cursor : match.start()].strip()
        if index == 0:
            if after_date and not before_date and segment:
                table.notes.append((header.number, f"“{segment}” before the first date was not placed"))
            first = segment
        elif before_date and after_date:
            rows[-1][-1], first = _split_at_sentence(segment)
            if not rows[-1][-1]:
                table.notes.append(
                    (
                        header.number,
                        f"row {len(rows)}: no full stop ended its last cell, so it was left empty",
                    )
                )
        elif after_date:
            rows[-1][-1], first = segment, ""
        else:
            first = segment
        row = ([first] if before_date else []) + [match.group().strip()] + ([""] if after_date else [])
        rows.append(row)
        cursor = match.end()
    tail = stream[cursor:].strip()
    if after_date:
        rows[-1][-1] = tail
    elif tail:
        table.notes.append((header.number, f"“{tail}” after the last date was not placed"))
    table.rows.extend(rows)
    return table


def _split_at_sentence(segment: str) -> tuple[str, str]:
    """ "Draft prepared. Consultation and Engagement takes place" -> the two cells."""
    ends = list(_SENTENCE_END.finditer(segment))
    if not ends:
        return "", segment
    cut = ends[-1]
    return segment[: cut.end()].strip(), segment[cut.end() :].strip()


@dataclass(frozen=True)
class DeclarationRow:
    member: str
    minute: int
    title: str
    kind: str
    nature: str
    lines: tuple[int, ...]


def read_declarations_table(
    body: Sequence[SourceLine],
) -> tuple[list[DeclarationRow], list[list[SourceLine]]]:
    """Rows of a flattened declarations table, and the runs of lines no row took."""
    groups = _groups(body)
    rows: list[DeclarationRow] = []
    leftover: list[list[SourceLine]] = []
    index = 0
    while index < len(groups):
        end = _row_end(groups, index)
        if end is None:
            leftover.append(groups[index])
            index += 1
            continue
        match = _ROW.match(_joined([line for group in groups[index : end + 1] for line in group]))
        assert match is not None
        stop = end + 1
        while stop < len(groups) and _row_end(groups, stop) is None:
            stop += 1
        nature = _joined([line for group in groups[end + 1 : stop] for line in group])
        numbers = tuple(line.number for group in groups[index:stop] for line in group)
        rows.append(
            DeclarationRow(
                " ".join(match.group("member").split()),
                int(match.group("minute")),
                " ".join(match.group("title").split()),
                match.group("kind"),
                " ".join(f"{match.group('nature')} {nature}".split()),
                numbers,
            )
        )
        index = stop
    return rows, leftover


def _row_end(groups: Sequence[list[SourceLine]], start: int) -> int | None:
    """The last group of the row starting at ``start`` (its nature begun), or None."""
    for end in range(start, min(start + 6, len(groups))):
        if _ROW.match(_joined([line for group in groups[start : end + 1] for line in group])):
            return end
    return None


def is_aligned_header(line: SourceLine) -> bool:
    """A header printed in columns (``clerk export --width 80``): cells two spaces apart or more."""
    return "\t" not in line.raw and re.search(r"\S {2,}\S", line.raw.strip()) is not None


def read_aligned_declarations(
    header: SourceLine, body: Sequence[SourceLine]
) -> tuple[list[DeclarationRow], int]:
    """Rows of a declarations table laid out in columns, and how many body lines it took
    (up to the blank line after it). A row starts where the minute column starts "N -"
    (the dash may end the line: a narrow column wraps the title onto the next)."""
    lowered = header.raw.casefold()
    second, third = lowered.find("minute no"), lowered.find("nature of interest")
    if second <= 0 or third <= second:
        return [], 0
    cells: list[list[list[str]]] = []
    numbers: list[list[int]] = []
    used = 0
    for line in body:
        if line.blank:
            break
        used += 1
        parts = [line.raw[:second].strip(), line.raw[second:third].strip(), line.raw[third:].strip()]
        if re.match(r"^\d{1,3}\s*[-–](?:\s|$)", parts[1]) or not cells:
            cells.append([[], [], []])
            numbers.append([])
        for column, part in enumerate(parts):
            if part:
                cells[-1][column].append(part)
        numbers[-1].append(line.number)
    rows: list[DeclarationRow] = []
    for row, lines in zip(cells, numbers, strict=True):
        member, minute, nature = (" ".join(column) for column in row)
        minute_cell = re.match(r"^(?P<n>\d{1,3})\s*[-–]\s*(?P<title>.+)$", minute)
        nature_cell = re.match(rf"^(?P<kind>{KINDS})(?:\s+Interests?)?\s*[-–]\s*(?P<nature>.+)$", nature)
        if minute_cell and nature_cell:
            rows.append(
                DeclarationRow(
                    member,
                    int(minute_cell.group("n")),
                    minute_cell.group("title"),
                    nature_cell.group("kind"),
                    nature_cell.group("nature"),
                    tuple(lines),
                )
            )
    return rows, used


def read_aligned_date_table(header: SourceLine, body: Sequence[SourceLine]) -> tuple[FlatTable | None, int]:
    """A table with a date column laid out in columns (``clerk export --width 80``): cells
    are cut at the header's column starts; a row starts where the date column starts a new
    date after the last one was whole. Returns the table and how many body lines it took."""
    starts = [match.start() for match in re.finditer(r"\S+(?: \S+)*", header.raw)]
    columns = [match.group() for match in re.finditer(r"\S+(?: \S+)*", header.raw)]
    date_column = next((i for i, name in enumerate(columns) if name in DATE_WORDS), None)
    if date_column is None or len(columns) < 2:
        return None, 0
    rows: list[list[list[str]]] = []
    used = 0
    lines = [header.number]
    for line in body:
        if line.blank:
            break
        used += 1
        lines.append(line.number)
        cuts = [*starts[1:], len(line.raw) + 1]
        parts = [line.raw[start:end].strip() for start, end in zip(starts, cuts, strict=True)]
        current_date = " ".join(rows[-1][date_column]) if rows else ""
        if not rows or (parts[date_column] and DATE_CELL.fullmatch(current_date)):
            rows.append([[] for _ in columns])
        for column, part in enumerate(parts):
            if part:
                rows[-1][column].append(part)
    if not rows:
        return None, 0
    table = FlatTable([columns], lines)
    table.rows.extend([" ".join(cell) for cell in row] for row in rows)
    return table, used
