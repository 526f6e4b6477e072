"""The reader checks itself: the meeting it recovered is printed again and compared,
word for word, with the lines it placed. Wherever the two differ the clerk is told
which line, and what the printed copy would say instead, before anything is stored.

This is the one place the reader uses the printer (both are pure: neither touches the
store or the screen).
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from clerk_tui.domain import Committee, Meeting, Person
from clerk_tui.reading.source import Furniture, SourceLine
from clerk_tui.render import MeetingPapers, PrintOptions, build_minutes, print_agenda, print_minutes
from clerk_tui.render.document import Emphasis, Paragraph
from clerk_tui.render.public import confidential_marking
from clerk_tui.render.text import block_lines

_MARKERS = frozenset({"-", "•", "–", "●", "▪", "◦", "·", "*", "\uf0b7", "\uf0a7"})


def _papers(meeting: Meeting, committee: Committee, people: Sequence[Person]) -> MeetingPapers:
    return MeetingPapers(
        meeting, committee, {p.id: p for p in people}, first_minute_number=meeting.first_minute_number or 1
    )


def print_read_minutes(
    meeting: Meeting,
    committee: Committee,
    people: Sequence[Person],
    width: int = 0,
    *,
    public: bool = False,
) -> str:
    """The minutes as ``clerk export`` prints them: ``public`` for a paper read as the public
    copy (its exempt record is not in clerk, so only the public copy is whole)."""
    options = PrintOptions(width=width, public=public)
    return print_minutes(_papers(meeting, committee, people), options).text


def print_read_agenda(
    meeting: Meeting, committee: Committee, people: Sequence[Person], *, public: bool = False
) -> str:
    return print_agenda(_papers(meeting, committee, people), PrintOptions(width=0, public=public)).text


def standard_text(
    meeting: Meeting, committee: Committee, people: Sequence[Person], minute_id: str
) -> list[str]:
    """The paragraphs the printer writes under one minute's heading (width 0)."""
    document = build_minutes(_papers(meeting, committee, people))
    position = next(index for index, m in enumerate(meeting.numbered_minutes()) if m.id == minute_id)
    headings = [
        i
        for i, b in enumerate(document.blocks)
        if isinstance(b, Paragraph) and b.emphasis == Emphasis.HEADING
    ]
    start = headings[position] + 1
    end = headings[position + 1] if position + 1 < len(headings) else len(document.blocks)
    return ["\n".join(block_lines(block, 0)) for block in document.blocks[start:end]]


def _source_words(
    lines: Sequence[SourceLine], skip: Mapping[int, object], end: int | None
) -> list[tuple[str, int]]:
    words: list[tuple[str, int]] = []
    glue = False
    for line in lines:
        if line.blank or line.number in skip or (end is not None and line.number >= end):
            continue
        pieces = line.text.replace("\t", " ").split()
        for index, piece in enumerate(pieces):
            if glue and index == 0 and words:
                words[-1] = (words[-1][0] + piece, words[-1][1])
            elif piece not in _MARKERS:
                words.append((piece, line.number))
        glue = line.hyphen_break
    return words


def _printed_words(text: str) -> list[str]:
    return [word for word in text.replace("\t", " ").split() if word not in _MARKERS]


def reprint_differences(
    lines: Sequence[SourceLine],
    furniture: Mapping[int, Furniture],
    meeting: Meeting,
    committee: Committee,
    people: Sequence[Person],
    end: int | None = None,
    *,
    unplaced: Mapping[int, object] | None = None,
    agenda: bool = False,
    table_lines: Collection[int] = (),
    public: bool = False,
) -> list[tuple[int, str]]:
    """(line, what differs) wherever the meeting printed again (as the copy the paper is:
    ``public``) would not say what the placed lines say. Furniture and lines reported as
    not placed are left out; so is the confidential marking, which is furniture."""
    wanted = set(table_lines) | {
        line.number for line in lines if "\t" in line.raw and line.number not in furniture
    }
    skip: dict[int, object] = {**furniture, **(unplaced or {}), **dict.fromkeys(wanted)}
    source = _source_words(lines, skip, end)
    text = (
        print_read_agenda(meeting, committee, people, public=public)
        if agenda
        else print_read_minutes(meeting, committee, people, public=public)
    )
    marking = confidential_marking(meeting)
    text = "\n".join(line for line in text.split("\n") if line != marking)
    # Table rows print one a line with tabs at width 0; their cells are compared apart,
    # as words, because a converter or a column layout puts them in another order.
    printed = _printed_words("\n".join(line for line in text.split("\n") if "\t" not in line))
    table_words = Counter(_printed_words("\n".join(line for line in text.split("\n") if "\t" in line)))
    source_table = Counter(
        word for word, _ in _source_words([line for line in lines if line.number in wanted], {}, end)
    )
    differences: list[tuple[int, str]] = []
    if table_words != source_table:
        fewer = " ".join(sorted((source_table - table_words).elements())[:8])
        more = " ".join(sorted((table_words - source_table).elements())[:8])
        differences.append(
            (
                min(wanted, default=0),
                f"printed again, a table's cells would differ (not printed: “{fewer}”; added: “{more}”)",
            )
        )
    matcher = difflib.SequenceMatcher(a=[w for w, _ in source], b=printed, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        line = source[a1][1] if a1 < len(source) else (source[-1][1] if source else 0)
        here = " ".join(w for w, _ in source[a1:a2][:12])
        there = " ".join(printed[b1:b2][:12])
        if tag == "delete":
            message = f"printed again, “{here}” would be missing"
        elif tag == "insert":
            message = f"printed again, “{there}” would be added here"
        else:
            message = f"printed again, “{here}” would read “{there}”"
        differences.append((line, message))
    return differences
