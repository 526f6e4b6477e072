"""Readable identifiers: a clerk types them on the command line."""

from __future__ import annotations

import re
from collections.abc import Iterable

from clerk_tui.domain.patterns import compiled_on_first_use

_non_word = compiled_on_first_use(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """``"Health and Wellbeing Board"`` -> ``"health-and-wellbeing-board"``."""
    return _non_word().sub("-", text.lower()).strip("-") or "x"


def initials(name: str) -> str:
    """``"Health and Wellbeing Board"`` -> ``"hwb"``: the short code clerks already use."""
    small = {"and", "of", "the", "for", "a", "an", "in", "on"}
    words = [w for w in re.split(r"[^A-Za-z0-9]+", name) if w and w.lower() not in small]
    return "".join(w[0] for w in words).lower() or "x"


def unique_id(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not yet taken."""
    used = set(taken)
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


def next_sequential_id(prefix: str, taken: Iterable[str]) -> str:
    """The next ``prefix-N`` after the highest N in use (never reuses a deleted one)."""
    highest = 0
    pattern = re.compile(rf"^{re.escape(prefix)}-(\d+)$")
    for existing in taken:
        match = pattern.match(existing)
        if match:
            highest = max(highest, int(match.group(1)))
    return f"{prefix}-{highest + 1}"
