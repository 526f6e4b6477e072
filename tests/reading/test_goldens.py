"""For every golden paper, print(import(text)) reproduces it, with nothing left unplaced: the
confidential copies marked, the public copies with their exempt business withheld."""

from __future__ import annotations

import pytest

from clerk_tui.reading import read_paper
from clerk_tui.render import Copy
from tests.reading.conftest import CONFIDENTIAL_BODIES, GOLDEN, as_printed, golden, printed_again

GOLDENS = sorted(path.name for path in GOLDEN.glob("*.txt"))


def test_there_are_goldens_to_read() -> None:
    assert len(GOLDENS) >= 7


@pytest.mark.parametrize("name", GOLDENS)
def test_a_golden_read_and_printed_again_is_itself(name: str) -> None:
    text = as_printed(name)
    reading = read_paper(text, source_name=name)
    assert printed_again(reading) == text
    assert reading.unplaced == []
    assert reading.copy == (Copy.CONFIDENTIAL if text.startswith("CONFIDENTIAL:") else Copy.PUBLIC)


@pytest.mark.parametrize("name", sorted(CONFIDENTIAL_BODIES))
def test_exempt_business_printed_in_full_without_the_marking_is_the_confidential_copy(name: str) -> None:
    """The council's own print of exempt minutes may not be marked: clerk reads it as the full
    copy, says so, and prints it marked."""
    reading = read_paper(golden(name), source_name=name)
    assert reading.copy == Copy.CONFIDENTIAL
    assert printed_again(reading) == as_printed(name)
    assert any("not marked confidential" in note.message for note in reading.notes)
    assert reading.unplaced == []
