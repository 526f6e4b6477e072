"""The command palette: every key of the current screen, grouped by area, plus what a
screen can jump to (a meeting, an agenda item, a member).

The palette runs the same actions as the keys and the buttons, so a command exists once
(one action, three doors). Screens say what they offer by their BINDINGS, a
``PALETTE_GROUP`` naming their area, and optionally ``palette_targets()``.

A council's store lists thousands of meetings, and Textual's fuzzy matcher weighs every
way a query can fall in every title (seconds for "open 2" over 5,000 titles). So the
entries are gathered once per opening of the palette, and a long list is searched by
``QuickSearch``: regular expressions over all titles at once find the candidates, only
the first few hundred are scored, and at most ``SHOWN`` hits are listed, best first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import FuzzySearch
from textual.style import Style

LONG_LIST = 200
"""A list longer than this is searched with QuickSearch, and shown SHOWN hits at a time."""
SHOWN = 40
"""The most hits a long list shows: the best; typing more narrows them."""
SCORED = 400
"""The most candidates of a long list that are scored (in the screen's order)."""
HIGHLIGHT = Style(reverse=True)
"""Textual's own highlight for matched letters."""


@dataclass(frozen=True)
class PaletteEntry:
    title: str
    run: Callable[[], Any]
    help: str = ""


@runtime_checkable
class HasTargets(Protocol):
    def palette_targets(self) -> Iterable[PaletteEntry]: ...


def binding_entries(screen: Any) -> list[PaletteEntry]:
    """One entry per binding live on the screen (its own, its focused widget's, the app's)."""
    entries: dict[str, PaletteEntry] = {}
    app_group = "App"
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or not active.enabled or binding.action.startswith("command_palette"):
            continue
        node = active.node
        group = getattr(node, "PALETTE_GROUP", None) or (app_group if node is screen.app else "")
        if not group:
            continue
        title = f"{group}: {binding.description}"
        entries.setdefault(
            title, PaletteEntry(title, partial(node.run_action, binding.action), binding.tooltip or "")
        )
    return list(entries.values())


def highlighted(title: str, offsets: Iterable[int], style: Style) -> Content:
    """The title as plain text (never markup) with the matched letters in ``style``."""
    content = Content(title)
    for offset in offsets:
        if offset < len(title) and not title[offset].isspace():
            content = content.stylize(style, offset, offset + 1)
    return content


class QuickSearch:
    """Fuzzy search over thousands of titles within a keystroke.

    A hit has the letters of the query in order, case ignored, as Textual's matcher has;
    titles holding the query whole come first. Scores are Textual's, for the first
    match of the query in each title (Textual tries every way the letters can fall).
    """

    def __init__(self, titles: Sequence[str]) -> None:
        self._lowered = [title.lower().replace("\n", " ") for title in titles]  # one line each
        self._text = "\n".join(self._lowered)
        self._starts: list[int] = []
        position = 0
        for title in self._lowered:
            self._starts.append(position)
            position += len(title) + 1
        self._fuzzy = FuzzySearch()

    def _line(self, position: int) -> int:
        return bisect_right(self._starts, position) - 1

    def _candidates(self, query: str) -> dict[int, tuple[list[int], float]]:
        """Title index -> (offsets of the matched letters, bonus), in the titles' order,
        whole matches first, at most SCORED of them."""
        found: dict[int, tuple[list[int], float]] = {}
        for match in re.finditer(re.escape(query), self._text):
            line = self._line(match.start())
            if line not in found:
                offset = match.start() - self._starts[line]
                whole = len(query) == len(self._lowered[line])
                found[line] = (list(range(offset, offset + len(query))), 2.0 if whole else 1.5)
                if len(found) >= SCORED:
                    return found
        # Each letter at its first place after the one before, never reconsidered (an atomic
        # group): the first way the letters fit is found, if there is one, in one pass a line.
        letters = "".join(f"(?>[^\n]*?({re.escape(letter)}))" for letter in query)
        for match in re.finditer(f"^{letters}", self._text, re.MULTILINE):
            line = self._line(match.start())
            if line not in found:
                start = self._starts[line]
                found[line] = ([match.start(group) - start for group in range(1, len(query) + 1)], 1.0)
                if len(found) >= SCORED:
                    break
        return found

    def best(self, query: str, limit: int) -> list[tuple[float, int, list[int]]]:
        """(score, title index, offsets) of the best ``limit`` hits, best first."""
        query = query.lower()
        if not query:
            return []
        scored = [
            (self._fuzzy.score(self._lowered[line], offsets) * bonus, line, offsets)
            for line, (offsets, bonus) in self._candidates(query).items()
        ]
        scored.sort(key=lambda hit: (-hit[0], hit[1]))
        return scored[:limit]


class ClerkCommands(Provider):
    _entries: list[PaletteEntry]
    _targets: list[PaletteEntry]
    _quick: QuickSearch | None

    async def startup(self) -> None:
        """Gather the screen's entries once per opening of the palette (not per key)."""
        screen = self.screen
        self._entries = binding_entries(screen)
        self._targets = list(screen.palette_targets()) if isinstance(screen, HasTargets) else []
        self._quick = None
        if len(self._targets) > LONG_LIST:
            self._quick = QuickSearch([entry.title for entry in self._targets])
        else:
            self._entries += self._targets
            self._targets = []

    @property
    def _style(self) -> Style:
        return self.match_style or HIGHLIGHT

    async def discover(self) -> Hits:
        for entry in self._entries + self._targets[:SHOWN]:
            yield DiscoveryHit(entry.title, entry.run, help=entry.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries:
            score, offsets = matcher.fuzzy_search.match(matcher.query, entry.title)
            if score > 0:
                prompt = highlighted(entry.title, offsets, self._style)
                yield Hit(score, prompt, entry.run, text=entry.title, help=entry.help)
        if self._quick is not None:
            for score, index, offsets in self._quick.best(query, SHOWN):
                entry = self._targets[index]
                prompt = highlighted(entry.title, offsets, self._style)
                yield Hit(score, prompt, entry.run, text=entry.title, help=entry.help)
