"""The text writer's short cut for a line that needs no wrapping gives what textwrap gives."""

from __future__ import annotations

import textwrap

from hypothesis import given
from hypothesis import strategies as st

from clerk_tui.render.text import _wrap

TEXT = st.text(alphabet=st.sampled_from(list("ab -.\t\n\r\x0b\x0c\u00a0\u2003é")), max_size=30)
INDENT = st.sampled_from(["", "1. ", "  (a) ", "- "])


def _by_textwrap(text: str, width: int, first: str, rest: str) -> list[str]:
    return textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


@given(text=TEXT, width=st.integers(min_value=8, max_value=40), first=INDENT, rest=INDENT)
def test_a_line_is_wrapped_as_textwrap_wraps_it(text: str, width: int, first: str, rest: str) -> None:
    assert _wrap(text, width, first, rest) == _by_textwrap(text, width, first, rest)


def test_lines_at_the_edges_of_the_short_cut_wrap_as_textwrap_wraps_them() -> None:
    for text, width in [
        ("Present: Councillor Moncur", 80),
        ("a  b", 80),  # two spaces: textwrap keeps them, inside a line
        (" leading", 80),
        ("trailing ", 80),
        ("tab\there", 80),
        ("no-break\u00a0", 80),  # textwrap drops whitespace of any kind at the end of a line
        ("\u00a0", 80),
        ("too long for the width", 10),
        ("", 80),
    ]:
        assert _wrap(text, width) == _by_textwrap(text, width, "", ""), text
