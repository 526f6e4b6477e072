"""No line of a paper is ever dropped in silence: each is read (it is in the paper printed
again from the reading) or reported, with its number, as not placed.

The papers are the goldens (one paragraph a line, as ``clerk export --width 0`` prints
them) and the same papers with a line put in, taken out or doubled: a sentence that looks
like a presence note, a title in capitals, a nested point, a stray part, plain text.
"""

from __future__ import annotations

import difflib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_tui.reading import Reading, read_paper
from tests.reading.conftest import GOLDEN, PAPERS, as_printed, paper, printed_again

GOLDENS = sorted(path.name for path in GOLDEN.glob("*.txt"))
MINUTES = [name for name in GOLDENS if name.endswith(".minutes.txt")]
_TOKEN = re.compile(r"\w+")
_LEFT_OUT = re.compile(r"^(?:\d{1,3}|o|and)$")


def _words(text: str) -> list[str]:
    """The words a check compares: runs of letters and figures, less the small numbers of
    parts and minutes, the "o" marker and "and" (the printer numbers and punctuates lists,
    and a word broken at a hyphen joins the next line)."""
    return [word for word in _TOKEN.findall(text) if not _LEFT_OUT.match(word)]


def dropped(text: str, reading: Reading) -> list[tuple[int, str]]:
    """The lines of ``text`` not printed again from ``reading`` (a word of theirs is not
    where the printed paper says it) and not reported unplaced."""
    if not reading.ok:
        return []  # nothing is stored from a paper that fails; the errors say why
    unplaced = {line.number for line in reading.unplaced}
    source = [
        (word, number)
        for number, line in enumerate(text.split("\n"), start=1)
        if number not in unplaced
        for word in _words(line)
    ]
    printed = _words(printed_again(reading))
    matcher = difflib.SequenceMatcher(a=[word for word, _ in source], b=printed, autojunk=False)
    matched = {
        index for block in matcher.get_matching_blocks() for index in range(block.a, block.a + block.size)
    }
    lost = sorted({number for index, (_, number) in enumerate(source) if index not in matched})
    lines = text.split("\n")
    return [(number, lines[number - 1]) for number in lost]


@pytest.mark.parametrize("name", GOLDENS)
def test_every_line_of_a_golden_is_printed_again_or_reported(name: str) -> None:
    text = as_printed(name)
    reading = read_paper(text, source_name=name)
    assert reading.ok
    assert dropped(text, reading) == []


@pytest.mark.parametrize("name", sorted(path.name for path in PAPERS.glob("*.txt")))
def test_every_word_of_a_seed_is_printed_again_furniture_or_reported(name: str) -> None:
    """A seed's lines are hard-wrapped and carry page furniture: each word of a line the
    reader placed as content is in the paper printed again."""
    text = paper(name)
    reading = read_paper(text, source_name=name)
    assert reading.ok
    words = set(printed_again(reading).replace("\t", " ").split())
    joined = printed_again(reading)
    for line in reading.lines:
        if not line.placed or line.read_as.startswith(("page furniture", "blank", "call-in")):
            continue
        for word in line.text.split():
            bare = word.rstrip("-")
            assert word in words or bare in joined, (line.number, line.text, line.read_as)


_INSERTS = [
    "Councillor Nobody arrived at the meeting during consideration of this item.",
    "Councillor Green left the meeting during consideration of Minute No. 99.",
    "Councillor Shah declared a personal interest in this item (a neighbour) and left the room.",
    "Having declared an interest in this item (Minute No. 3), Councillor Roberts left the room.",
    "A TITLE IN CAPITALS",
    "Consideration of this item was deferred.",
    "This item was withdrawn.",
    "  o a nested point;",
    "    - a sub-item of a part;",
    "(4) the plan be approved.",
    "RESOLVED:",
    "- a bullet point",
    "The Committee noted the update.",
    "OFFICERS PRESENT: Jan Smith (Clerk).",
    "IN ATTENDANCE: Jan Smith",
    "VOTING: unanimous",
    "Member\tMinute No.\tNature of Interest",
]
_TEXT = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ().,;:-–•", min_size=1, max_size=60
)


@st.composite
def _changed_paper(draw: st.DrawFn) -> str:
    lines = as_printed(draw(st.sampled_from(MINUTES))).split("\n")
    body = next(index for index, line in enumerate(lines) if re.match(r"^\d{1,3}\. ", line))
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.integers(body, len(lines) - 1))
        change = draw(st.sampled_from(["insert", "insert", "delete", "double"]))
        if change == "delete":
            del lines[where]
        elif change == "double":
            lines.insert(where, lines[where])
        else:
            new = draw(st.one_of(st.sampled_from(_INSERTS), _TEXT))
            blank_before, blank_after = draw(st.booleans()), draw(st.booleans())
            lines[where:where] = [*([""] if blank_before else []), new, *([""] if blank_after else [])]
    return "\n".join(lines)


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(_changed_paper())
def test_a_changed_paper_drops_no_line_in_silence(text: str) -> None:
    reading = read_paper(text, source_name="changed")
    assert dropped(text, reading) == []
