"""Printed lines back into paragraphs, list items and table rows.

The rules are the golden normalisation (tests/golden/README.md) read backwards: hard
wraps become single spaces; a word hyphenated at a line end joins the next line with
no space; a stray blank line inside a sentence goes; list items whose bullet glyph was
lost are the lines that start with a space. Every paragraph keeps the numbers of the
lines it was made from, so nothing is placed without saying where it came from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from clerk_tui.reading.source import SourceLine


class ParaKind(StrEnum):
    TEXT = "text"
    LOST_BULLET = "lost-bullet"
    """An item of a list whose glyph the converter lost: its first line starts with a space."""
    BULLET = "bullet"
    """An item with its marker: "- ", "•"."""
    NUMBERED = "numbered"
    """ "(1) ..."."""
    ROW = "row"
    """Cells separated by tabs."""
    LEAD = "lead"
    """ "RESOLVED:" or "RESOLVED: That"."""


@dataclass
class Para:
    kind: ParaKind
    text: str = ""
    lines: list[int] = field(default_factory=list)
    number: int | None = None
    """For a numbered item: its number."""
    last_line: SourceLine | None = None
    marker: str = ""
    """For an item with its marker: the marker as printed ("-", "•", "o")."""
    indent: int = 0
    """For a nested item: the spaces before its marker (the text column of the item above)."""
    subs: list[Para] = field(default_factory=list)
    """For a resolution part: its sub-items, each a nested item."""

    def add(self, line: SourceLine, piece: str) -> None:
        if not self.text:
            self.text = piece
        elif self.last_line is not None and self.last_line.hyphen_break:
            self.text += piece
        else:
            self.text += " " + piece
        self.lines.append(line.number)
        self.last_line = line

    @property
    def first(self) -> int:
        return self.lines[0] if self.lines else 0

    def cells(self) -> list[str]:
        return [cell.strip() for cell in self.text.split("\t")]


BULLET_MARK = re.compile(r"^\s*(?P<marker>[-•●▪◦·∙‣*\uf0b7\uf0a7\uf0d8\uf076])\s+")
NESTED_MARK = re.compile(r"^(?P<indent> {2,})(?P<marker>[-•●▪◦·∙‣*o–])\s+(?=\S)")
"""An item indented under the text of the item (or numbered part) just above it, after
its level's marker: "  o the width of Mill Lane;", "    - 25/0789 – 3 Church Road;"."""
NUMBER_MARK = re.compile(r"^\s*(?:-\s+)?\((?P<number>\d{1,2})\)\s*(?=\S)")
LEAD = re.compile(r"^\s*(?P<lead>RESOLVED|RECOMMENDED)\s*(?::-|:|-|–)?\s*(?P<rest>.*)$")
TERMINAL = (".", ";", ":", "?", "!", ":-", "; and", ";and", "; or")
CLOSERS = "”’\"')]"
OPEN_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "and",
        "or",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "from",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "be",
        "was",
        "is",
        "are",
        "were",
        "has",
        "had",
        "have",
        "as",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "this",
        "these",
        "those",
        "into",
        "onto",
        "upon",
        "than",
        "but",
        "nor",
        "not",
        "no",
        "any",
        "all",
        "each",
        "such",
        "both",
        "either",
        "neither",
        "per",
        "via",
        "within",
        "without",
        "between",
        "among",
        "amongst",
        "over",
        "under",
        "about",
        "after",
        "before",
        "during",
        "since",
        "until",
        "towards",
        "toward",
        "against",
        "including",
    ]
)
LONG_LINE = 45
"""A hard-wrapped line at least this long was filled by the printer: its sentence may go on."""


def is_terminal(text: str) -> bool:
    """The text ends a sentence or a list item."""
    stripped = text.rstrip().rstrip(CLOSERS).rstrip()
    return stripped.endswith(TERMINAL)


def ends_open(text: str) -> bool:
    """Ends in a word a sentence cannot end with ("the", "of") or in a comma."""
    stripped = text.rstrip()
    if stripped.endswith((",", "–", "&")):
        return True
    words = stripped.split()
    return bool(words) and words[-1].lower() in OPEN_WORDS


def starts_lower(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and (stripped[0].islower() or stripped[0] in "‘“\"'(")


def lead_of(text: str) -> re.Match[str] | None:
    """ "RESOLVED:" / "RESOLVED: That" / "RESOLVED: That the report be noted." (upper case only)."""
    match = LEAD.match(text)
    if match is None:
        return None
    rest = match.group("rest")
    if rest and not (rest.startswith(("That", "The", "(")) or rest[:1].isupper()):
        return None
    if (
        not rest
        and not re.search(r"(RESOLVED|RECOMMENDED)\s*(:|-|–)", text)
        and text.strip()
        not in (
            "RESOLVED",
            "RECOMMENDED",
        )
    ):
        return None
    return match


def assemble(lines: Sequence[SourceLine]) -> list[Para]:
    """Paragraphs, items and rows from content lines (furniture already removed)."""
    paras: list[Para] = []
    current: Para | None = None
    previous: SourceLine | None = None
    blank_since = False
    page_gap = False
    expected_number = 1
    content = list(lines)
    for index, line in enumerate(content):
        if line.blank:
            blank_since = current is not None
            page_gap = page_gap or (line.page_break and current is not None)
            continue
        kind, piece, number = _start_of(line, current, blank_since, expected_number)
        marker, indent = _marker_of(line, kind)
        if kind is None and current is not None and previous is not None:
            if _continues(current, previous, line, blank_since, content[index + 1 :], page_gap):
                current.add(line, line.text)
                previous, blank_since, page_gap = line, False, False
                continue
            kind = _new_kind(current, previous, line, blank_since)
            piece = line.text
        if kind is None:
            kind, piece = ParaKind.TEXT, line.text
        if kind == ParaKind.LEAD:
            current = _lead_paras(line, paras)
        else:
            current = Para(kind, number=number, marker=marker, indent=indent)
            current.add(line, piece)
            paras.append(current)
        if kind == ParaKind.NUMBERED and number is not None:
            expected_number = number + 1
        previous, blank_since, page_gap = line, False, False
    return paras


def _marker_of(line: SourceLine, kind: ParaKind | None) -> tuple[str, int]:
    """An item's marker and the spaces before it: ("o", 2) for "  o the width ..."."""
    if kind != ParaKind.BULLET:
        return "", 0
    nested = NESTED_MARK.match(line.raw)
    if nested:
        return nested.group("marker"), len(nested.group("indent"))
    bullet = BULLET_MARK.match(line.text)
    return (bullet.group("marker"), 0) if bullet else ("", 0)


def _lead_paras(line: SourceLine, paras: list[Para]) -> Para:
    """ "RESOLVED: That the report be noted." is a lead and a sentence: two paragraphs."""
    lead = lead_of(line.text)
    assert lead is not None
    head = Para(ParaKind.LEAD)
    head.add(line, lead.group("lead") + ":")
    paras.append(head)
    rest = lead.group("rest").strip()
    if rest == "That":
        head.text += " That"
    elif rest:
        sentence = Para(ParaKind.TEXT)
        sentence.add(line, rest)
        paras.append(sentence)
        return sentence
    return head


def _start_of(
    line: SourceLine, current: Para | None, blank_since: bool, expected_number: int
) -> tuple[ParaKind | None, str, int | None]:
    """What a line starts, if it starts something by its own look; (None, "", None) if not."""
    text = line.text
    if "\t" in line.raw:
        return ParaKind.ROW, line.raw.strip(" "), None
    if lead_of(text):
        return ParaKind.LEAD, text, None
    after_break = current is None or blank_since or current.kind in (ParaKind.LEAD, ParaKind.NUMBERED)
    nested = NESTED_MARK.match(line.raw)
    if (
        nested
        and not blank_since
        and current is not None
        and current.kind in (ParaKind.BULLET, ParaKind.NUMBERED)
    ):
        return ParaKind.BULLET, line.raw[nested.end() :].strip(), None
    number = NUMBER_MARK.match(text)
    if number:
        value = int(number.group("number"))
        if (value == 1 or value == expected_number) and (
            after_break or is_terminal(current.text if current else "")
        ):
            return ParaKind.NUMBERED, text[number.end() :].strip(), value
    bullet = BULLET_MARK.match(text)
    if bullet:
        opens_list = current is not None and current.text.rstrip().endswith((":", ":-"))
        if after_break or opens_list or (current is not None and current.kind == ParaKind.BULLET):
            return ParaKind.BULLET, text[bullet.end() :].strip(), None
    return None, "", None


def _continues(
    current: Para,
    previous: SourceLine,
    line: SourceLine,
    blank_since: bool,
    rest: Sequence[SourceLine],
    page_gap: bool = False,
) -> bool:
    """Whether ``line`` goes on with the paragraph ``current`` (whose last line is ``previous``).
    ``page_gap``: page furniture came between, with the blank lines a page adds."""
    if current.kind in (ParaKind.ROW, ParaKind.LEAD):
        return False
    if previous.hyphen_break:
        return True
    explicit = current.kind in (ParaKind.BULLET, ParaKind.NUMBERED)
    if not blank_since:
        if not line.indented or explicit:
            return True
        if is_terminal(previous.text) and current.kind != ParaKind.TEXT:
            return False
        if starts_lower(line.text) or ends_open(previous.text):
            return True
        # An indented capitalised line: a new item or paragraph, unless plain prose wraps here.
        return current.kind == ParaKind.TEXT and not is_terminal(previous.text)
    if page_gap and not is_terminal(current.text):
        # A sentence or a list item carried over to the next page: an item with its marker
        # goes on in its hanging indent, anything else at the margin.
        if explicit:
            return line.indented
        if not line.indented:
            return True
    # A blank line came between: a stray one inside a sentence, or a real break.
    if is_terminal(current.text):
        return False
    if line.indented:
        return starts_lower(line.text) and not explicit
    if starts_lower(line.text) or ends_open(previous.text):
        return True
    if len(previous.text) < LONG_LINE:
        return False
    if current.kind in (ParaKind.LOST_BULLET, ParaKind.NUMBERED, ParaKind.BULLET):
        return _fragment_of_item(line, rest)
    return True


def _fragment_of_item(line: SourceLine, rest: Sequence[SourceLine]) -> bool:
    """A run of lines after a stray blank that finishes a list item ("Plan;") rather than
    starting a paragraph: it ends like an item, or the list goes on straight after it."""
    group = [line]
    for other in rest:
        if other.blank:
            break
        if other.indented:
            return True
        group.append(other)
    last = group[-1].text.rstrip()
    if last.endswith((";", "; and", "; or")):
        return True
    following = next((other for other in rest[len(group) - 1 :] if not other.blank), None)
    return following is not None and following.indented and not lead_of(following.text)


def _new_kind(current: Para, previous: SourceLine, line: SourceLine, blank_since: bool) -> ParaKind:
    """A line that does not go on with ``current`` starts an item of a list, or a paragraph."""
    if not line.indented:
        return ParaKind.TEXT
    if current.kind == ParaKind.LOST_BULLET:
        if not blank_since and len(current.lines) > 1 and not is_terminal(previous.text):
            return ParaKind.TEXT  # a wrapped item ends and a paragraph begins on an indented line
        return ParaKind.LOST_BULLET
    if current.text.rstrip().endswith((":", ":-")):
        return ParaKind.LOST_BULLET
    return ParaKind.TEXT


# --- capitals ---------------------------------------------------------------------------
SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "via",
    ]
)
ACRONYMS = frozenset(
    [
        "NHS",
        "CCG",
        "CCGS",
        "SEND",
        "CQC",
        "JSNA",
        "HWB",
        "HWS",
        "ICB",
        "ICS",
        "LCR",
        "BCF",
        "GP",
        "GPS",
        "UK",
        "CVS",
        "LGA",
        "DfE",
        "DWP",
        "ASD",
        "EHCP",
        "SENCO",
        "WSOA",
        "LAC",
        "DCO",
        "KS4",
        "PCN",
        "PCNS",
        "CAMHS",
        "ASC",
        "LSCB",
        "LSAB",
        "MSAB",
        "SAB",
        "C&M",
        "HCP",
        "ICP",
        "LTP",
        "A&E",
        "NW",
        "ICT",
        "IT",
        "CIC",
        "OFSTED/CQC",
    ]
)


def title_case(capitals: str) -> str:
    """ "HEALTH AND WELLBEING BOARD" -> "Health and Wellbeing Board"; words with figures
    ("2019/20") and known acronyms ("NHS", "CCG") stay as printed."""
    words = capitals.split(" ")
    out: list[str] = []
    for index, word in enumerate(words):
        out.append(_title_word(word, first=index == 0 or out[-1].endswith((":", "-", "(")), words=words))
    return " ".join(out)


def _title_word(word: str, *, first: bool, words: list[str]) -> str:
    if not word:
        return word
    bare = word.strip("()[],.:;'’\"“”-")
    if bare.upper() in ACRONYMS or bare in ACRONYMS or any(ch.isdigit() for ch in bare):
        return word
    if "/" in word:
        return "/".join(_title_word(part, first=True, words=words) for part in word.split("/"))
    if "-" in word.strip("-"):
        return "-".join(_title_word(part, first=True, words=words) for part in word.split("-"))
    lowered = word.lower()
    if not first and bare.lower() in SMALL_WORDS:
        return lowered
    for position, character in enumerate(lowered):
        if character.isalpha():
            return lowered[:position] + character.upper() + lowered[position + 1 :]
    return lowered


def is_capitals(text: str) -> bool:
    """Upper case throughout (figures and punctuation allowed), with at least two letters."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(not ch.islower() for ch in letters)
