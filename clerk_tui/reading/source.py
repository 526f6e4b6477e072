"""The text of a printed paper as numbered lines, and the page furniture in it.

A PDF converter leaves on every page what the printer put there for the reader of
paper: "Page 12", "Agenda Item 2" (sometimes split over lines: "P" / "age 41"), the
minute-book page number, the running header ("HEALTH AND WELLBEING BOARD- WEDNESDAY
12TH JUNE, 2019", sometimes cut short or split over two lines), "This page is
intentionally left blank", and form feeds. It also leaves remnants of the mark-up it
read ("**", "<p>", "[CMCA](#)"). None of it is the record: each such line is named as
furniture with its number, and everything else is kept for the readers.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from clerk_tui.domain.safe_text import clean

WEEKDAYS = [name.upper() for name in calendar.day_name]
MONTHS = [name.upper() for name in calendar.month_name if name]

_PAGE = re.compile(r"^page\s+\d{1,4}$", re.IGNORECASE)
_AGENDA_ITEM = re.compile(r"^agenda\s+item\s*\d{1,3}[a-z]?$", re.IGNORECASE)
_BLANK_PAGE = re.compile(r"^this page is intentionally left blank\.?$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^\d{1,4}$")
_RUNNING_HEADER = re.compile(
    r"^(?P<body>[A-Z][A-Z0-9 ()&,.'’/–-]*?[A-Z)])\s?[-–]\s+(?P<date>(?:" + "|".join(WEEKDAYS) + r")\b.*)$"
)
_HEADING_DATE = re.compile(
    r"^(?P<weekday>" + "|".join(WEEKDAYS) + r"),?\s+(?P<day>\d{1,2})\s?(?:ST|ND|RD|TH)?\s+"
    r"(?P<month>" + "|".join(MONTHS) + r"),?\s+(?P<year>\d{4})$"
)
_MARKUP = re.compile(r"\*\*|</?p>|<br\s*/?>|</?strong>|</?b>", re.IGNORECASE)
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_SPACES = re.compile(r" {2,}")
_MARKING = re.compile(
    r"^CONFIDENTIAL: NOT FOR PUBLICATION by virtue of paragraphs? (?P<numbers>\d(?:(?:\s*,\s*|\s+and\s+)\d)*)"
    r" of Part 1 of Schedule 12A to the Local Government Act 1972\.?$",
    re.IGNORECASE,
)
"""The confidential copy's marking (render.public.confidential_marking): first on the paper
and at the top of every printed page, wrapped over lines at a narrow width."""
_MARKING_START = re.compile(r"^CONFIDENTIAL\s*:?\s*NOT FOR PUBLICATION\b", re.IGNORECASE)
MARKING_FURNITURE = "confidential marking"


@dataclass(frozen=True)
class SourceLine:
    """One line of the paper as the converter left it."""

    number: int
    """1-based, as an editor shows it."""
    raw: str
    """Control characters and mark-up remnants removed; spaces as they were."""

    @property
    def text(self) -> str:
        """Trimmed, runs of spaces made one (tabs, which separate cells, are kept)."""
        return _SPACES.sub(" ", self.raw.strip(" "))

    @property
    def blank(self) -> bool:
        return not self.raw.strip()

    @property
    def page_break(self) -> bool:
        """Stands for page furniture and the blank lines around it (see without_furniture)."""
        return self.raw == "\f"

    @property
    def indented(self) -> bool:
        """Starts with a space: where a lost bullet glyph stood, or converter noise."""
        return self.raw[:1] in (" ", "\u00a0") and not self.blank

    @property
    def hyphen_break(self) -> bool:
        """Ends in a hyphen straight after a word ("well-co-"): the word goes on below."""
        stripped = self.raw.rstrip("\n")
        return len(stripped) >= 2 and stripped.endswith("-") and stripped[-2] not in " -:"


@dataclass(frozen=True)
class Furniture:
    number: int
    text: str
    what: str
    """ "page number", "agenda item stamp", "running header", ..."""


@dataclass
class Source:
    """The lines of one paper, what was removed from them, and which are furniture."""

    lines: list[SourceLine]
    furniture: dict[int, Furniture]
    removed: list[str]
    """What the safe-text rules took out (control characters), for the preview."""

    def content(self, start: int = 1, end: int | None = None) -> list[SourceLine]:
        """Lines ``start``..``end`` (numbers, inclusive) that are not furniture."""
        last = end if end is not None else len(self.lines)
        return [line for line in self.lines[start - 1 : last] if line.number not in self.furniture]


def split_lines(text: str) -> tuple[list[SourceLine], list[str]]:
    """Numbered lines, each cleaned of control characters and mark-up remnants."""
    removed: list[str] = []
    lines: list[SourceLine] = []
    # Form feeds (page breaks) are furniture; keep them visible as a marker line.
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        marker = "\f" if "\f" in raw and not raw.replace("\f", "").strip() else ""
        cleaned = clean(raw.replace("\f", " "))
        removed.extend(cleaned.removed)
        body = _LINK.sub(r"\1", _MARKUP.sub("", cleaned.text)).replace("\u00a0", " ")
        lines.append(SourceLine(number, marker or body))
    if lines and lines[-1].blank and text.endswith("\n"):
        lines.pop()
    return lines, removed


def heading_date_prefix(text: str) -> bool:
    """Whether ``text`` is the start of a date as minutes headings print it
    ("WEDNESDAY 11TH SEPTEMBER, " is, cut short; "WEDNESDAY 11TH SEPTEMBER, 2019" is whole)."""
    words = text.replace(",", " , ").split()
    pattern: list[re.Pattern[str]] = [
        re.compile("|".join(WEEKDAYS)),
        re.compile(r"\d{1,2}(?:ST|ND|RD|TH)?"),
        re.compile("|".join(MONTHS)),
        re.compile(","),
        re.compile(r"\d{1,4}"),
    ]
    position = 0
    for word in words:
        while position < len(pattern) and not pattern[position].fullmatch(word):
            if position == 3:  # the comma before the year is optional
                position += 1
                continue
            return False
        if position >= len(pattern):
            return False
        position += 1
    return bool(words)


def is_running_header(text: str, body: str = "") -> bool:
    match = _RUNNING_HEADER.match(text.strip())
    if not match:
        return False
    if body and match.group("body").strip() != body.strip():
        return False
    return heading_date_prefix(match.group("date"))


def _header_is_whole(text: str) -> bool:
    match = _RUNNING_HEADER.match(text.strip())
    return bool(match and _HEADING_DATE.match(match.group("date").strip()))


def find_furniture(lines: list[SourceLine], body: str = "") -> dict[int, Furniture]:
    """Every line that is page furniture, by number.

    A bare number is furniture only where page numbers stand: at the top of the paper
    (before its title) or next to other furniture. A number alone elsewhere ("2019" in
    a flattened table) is text.
    """
    found: dict[int, Furniture] = {}
    non_blank = [line for line in lines if not line.blank or line.raw == "\f"]

    def mark(line: SourceLine, what: str) -> None:
        found[line.number] = Furniture(line.number, line.text, what)

    index = 0
    while index < len(non_blank):
        line = non_blank[index]
        text = line.text
        following = [other.text for other in non_blank[index + 1 : index + 3]]
        marking = _marking_length(text, following_texts(non_blank, index))
        if line.raw == "\f":
            mark(line, "page break")
        elif marking:
            for offset in range(marking):
                mark(non_blank[index + offset], MARKING_FURNITURE)
            index += marking
            continue
        elif _PAGE.match(text):
            mark(line, "page stamp")
        elif _AGENDA_ITEM.match(text):
            mark(line, "agenda item stamp")
        elif _BLANK_PAGE.match(text):
            mark(line, "blank page note")
        elif is_running_header(text, body):
            mark(line, "running header")
            if not _header_is_whole(text) and following:
                joined = f"{text} {following[0]}"
                if (
                    is_running_header(joined, body)
                    and not _PAGE_NUMBER.match(following[0])
                    or _PAGE_NUMBER.match(following[0])
                    and _header_is_whole(joined)
                ):
                    mark(non_blank[index + 1], "running header (continued)")
                    index += 1
        else:
            split = _split_stamp(text, following)
            if split:
                for offset in range(split):
                    mark(non_blank[index + offset], "page stamp (split)")
                index += split
                continue
        index += 1
    _mark_page_numbers(non_blank, found)
    return found


def following_texts(non_blank: list[SourceLine], index: int, count: int = 3) -> list[str]:
    return [other.text for other in non_blank[index + 1 : index + 1 + count]]


def _marking_length(text: str, following: list[str]) -> int:
    """How many lines the confidential marking takes from here (0: it does not start here)."""
    if not _MARKING_START.match(text):
        return 0
    joined = text
    for count in range(1, len(following) + 2):
        if _MARKING.match(joined):
            return count
        if count > len(following):
            break
        joined = f"{joined} {following[count - 1]}"
    return 0


def marking_paragraphs(lines: list[SourceLine], furniture: dict[int, Furniture]) -> list[int] | None:
    """The Schedule 12A paragraphs the first confidential marking cites, or None when the
    paper is not marked confidential."""
    marked = [
        line.text
        for line in lines
        if line.number in furniture and furniture[line.number].what == MARKING_FURNITURE
    ]
    joined = ""
    for text in marked:
        joined = f"{joined} {text}".strip()
        found = _MARKING.match(joined)
        if found:
            return sorted({int(n) for n in re.findall(r"\d", found.group("numbers"))})
    return None


def _split_stamp(text: str, following: list[str]) -> int:
    """ "P" / "age 41" or "A" / "genda Item" / "5": how many lines make one stamp (0: none)."""
    for count in (2, 3):
        if len(following) < count - 1:
            break
        parts = [text, *following[: count - 1]]
        for joined in ("".join(parts), f"{parts[0]}{' '.join(parts[1:])}"):
            if (_PAGE.match(joined) or _AGENDA_ITEM.match(joined)) and len(text) <= 2:
                return count
    return 0


def _mark_page_numbers(non_blank: list[SourceLine], found: dict[int, Furniture]) -> None:
    for position, line in enumerate(non_blank):
        if not _PAGE_NUMBER.match(line.text) or line.number in found:
            continue
        before = non_blank[position - 1] if position > 0 else None
        after = non_blank[position + 1] if position + 1 < len(non_blank) else None
        # At the top: only the call-in banner or furniture (the confidential marking) above it.
        at_top = all(_is_banner(other.text) or other.number in found for other in non_blank[:position])
        beside = (before is not None and before.number in found) or (
            after is not None and after.number in found
        )
        if at_top or beside:
            found[line.number] = Furniture(line.number, line.text, "page number")


def _is_banner(text: str) -> bool:
    return text.upper().startswith("THIS SET OF MINUTES")


def strip_glued_stamps(lines: list[SourceLine]) -> list[SourceLine]:
    """ "be found on page 23.P" / "age 44": the "P" of a split stamp glued to a line of
    text goes, so the line reads as printed and "age 44" is recognised as furniture."""
    fixed = list(lines)
    non_blank = [index for index, line in enumerate(fixed) if not line.blank]
    for position, index in enumerate(non_blank[:-1]):
        line, nxt = fixed[index], fixed[non_blank[position + 1]]
        if len(line.text) > 2 and line.raw.rstrip().endswith("P") and re.match(r"^age\s+\d{1,4}$", nxt.text):
            body = line.raw.rstrip()
            if not body[-2:-1].isupper():
                fixed[index] = SourceLine(line.number, body[:-1])
                fixed[non_blank[position + 1]] = SourceLine(nxt.number, "P" + nxt.text)
    return fixed


def read_source(text: str, body: str = "") -> Source:
    lines, removed = split_lines(text)
    lines = strip_glued_stamps(lines)
    return Source(lines, find_furniture(lines, body), removed)


def without_furniture(lines: list[SourceLine], furniture: dict[int, Furniture]) -> list[SourceLine]:
    """The lines less their furniture. A run of furniture and the blank lines around it
    becomes one page-break line: a sentence may go on across it, a paragraph may end."""
    out: list[SourceLine] = []
    pending: list[SourceLine] = []
    gap: int | None = None
    for line in lines:
        if line.number in furniture:
            gap = gap or line.number
            pending = []
            continue
        if line.blank:
            pending.append(line)
            continue
        if gap is not None:
            out.append(SourceLine(gap, "\f"))
            gap, pending = None, []
        out.extend(pending)
        pending = []
        out.append(line)
    if gap is None:
        out.extend(pending)
    return out
