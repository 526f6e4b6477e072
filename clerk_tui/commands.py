"""The command palette: every key of the current screen, grouped by area, plus what a
screen can jump to (a meeting, an agenda item, a member).

The palette runs the same actions as the keys and the buttons, so a command exists once
(one action, three doors). Screens say what they offer by their BINDINGS, a
``PALETTE_GROUP`` naming their area, and optionally ``palette_targets()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider


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


class ClerkCommands(Provider):
    def _entries(self) -> list[PaletteEntry]:
        screen = self.screen
        entries = binding_entries(screen)
        if isinstance(screen, HasTargets):
            entries.extend(screen.palette_targets())
        return entries

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(entry.title, entry.run, help=entry.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            score = matcher.match(entry.title)
            if score > 0:
                yield Hit(score, matcher.highlight(entry.title), entry.run, text=entry.title, help=entry.help)
