"""Control characters never reach the store or any output."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from clerk_tui.domain.safe_text import clean, is_safe, neutralise, one_line

HOSTILE = {
    "screen clear": "\x1b[2J",
    "window title": "\x1b]0;pwned\x07",
    "clipboard (OSC 52)": "\x1b]52;c;ZXZpbA==\x07",
    "alternate screen": "\x1b[?1049h",
    "device control string": "\x1bPq#0;2;0;0;0\x1b\\",
    "terminal reset": "\x1bc",
    "C1 CSI": "\x9b2J",
}


def test_every_escape_sequence_goes_whole_and_is_named() -> None:
    for label, sequence in HOSTILE.items():
        result = clean(f"The report{sequence} be noted")
        assert result.text == "The report be noted", label
        assert result.changed, label
    assert clean("a\x1b[2Jb").removed == ("escape sequence",)


def test_bell_backspace_nul_and_overrides_are_removed_and_named() -> None:
    result = clean("Cllr\x07 Smith\x08\x00 \u202egnirts")
    assert result.text == "Cllr Smith gnirts"
    assert "U+202E (right-to-left override)" in result.removed
    assert "U+0000 (control-@)" in result.removed
    assert "Removed from the narrative" in result.message("the narrative")


def test_ordinary_text_is_kept_exactly() -> None:
    text = "Councillor O’Brien – “thanks”\n\tcafé 👩‍⚖️ Leighton\u00adBuzzard"
    assert clean(text).text == text
    assert not clean(text).changed
    assert is_safe(text)


def test_carriage_returns_become_newlines() -> None:
    assert clean("one\r\ntwo\rthree").text == "one\ntwo\nthree"


def test_lone_surrogates_are_removed() -> None:
    assert neutralise("a\ud800b") == "ab"


def test_one_line_folds_newlines_and_tabs() -> None:
    assert one_line("Item\n\tone\x1b[2J") == "Item one"


@given(st.text())
def test_nothing_unsafe_survives_cleaning(text: str) -> None:
    cleaned = clean(text).text
    assert is_safe(cleaned)
    assert "\x1b" not in cleaned
    assert clean(cleaned).text == cleaned
