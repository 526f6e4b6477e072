"""For every golden paper, print(import(text)) reproduces it, with nothing left unplaced."""

from __future__ import annotations

import pytest

from clerk_tui.reading import read_paper
from tests.reading.conftest import GOLDEN, golden, printed_again

GOLDENS = sorted(path.name for path in GOLDEN.glob("*.txt"))


def test_there_are_goldens_to_read() -> None:
    assert len(GOLDENS) >= 7


@pytest.mark.parametrize("name", GOLDENS)
def test_a_golden_read_and_printed_again_is_itself(name: str) -> None:
    text = golden(name)
    reading = read_paper(text, source_name=name)
    assert printed_again(reading) == text
    assert reading.unplaced == []
