"""House wording with gaps the printer fills: "{name} arrived at the meeting during
consideration of {item}.".

A council's sentences are configuration, not code: each is a template whose gaps are
named in braces. A template is checked when the house style is made, so a typing slip
("{nmae}") is refused beside its field rather than printed.
"""

from __future__ import annotations

import string
from collections.abc import Iterable

from clerk_tui.domain.errors import DomainError

_FORMATTER = string.Formatter()


def gaps_of(template: str) -> list[str]:
    """The names of the gaps, in order: "{name} left {item}." -> ["name", "item"]."""
    try:
        parsed = list(_FORMATTER.parse(template))
    except ValueError as error:
        raise DomainError(f"“{template}”: {error}; a gap is a name in braces, like {{name}}.") from None
    return [name for _, name, _, _ in parsed if name is not None]


def check_template(template: str, allowed: Iterable[str], field: str, *, label: str = "") -> None:
    """Refuse a template with a gap the printer cannot fill, or with a brace left open."""
    known = list(allowed)
    try:
        gaps = gaps_of(template)
    except DomainError as error:
        raise DomainError(error.message, field) from None
    for gap in gaps:
        if gap not in known:
            words = ", ".join(f"{{{name}}}" for name in known) or "none"
            where = f"{label}: " if label else ""
            raise DomainError(f"{where}there is no gap {{{gap}}}; the gaps it can use are {words}.", field)


def fill(template: str, **values: str) -> str:
    """The template with each gap filled; a gap with no value is left showing, in braces."""
    return _FORMATTER.vformat(template, (), _Showing(values))


class _Showing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return f"{{{key}}}"
