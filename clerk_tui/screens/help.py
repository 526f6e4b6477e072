"""Help generated from the bindings: every key of the screen underneath, and the app's."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static


class HelpScreen(ModalScreen[None]):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss_help", "Close", id="help.close"),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        title = getattr(self.under, "HELP_TITLE", type(self.under).__name__)
        with VerticalScroll(id="help-body"):
            yield Static(f"Keys: {title}", id="help-title")
            intro = getattr(self.under, "HELP_TEXT", "")
            if intro:
                yield Static(intro, id="help-intro")
            yield DataTable(id="help-keys", cursor_type="row", show_cursor=False)
            yield Static("ctrl+p opens the command palette: every command below, by name.", id="help-palette")

    def on_mount(self) -> None:
        table = self.query_one("#help-keys", DataTable)
        table.add_columns("Key", "Does", "")
        for key, description, tooltip in help_rows(self.under):
            table.add_row(key, description, tooltip)

    def action_dismiss_help(self) -> None:
        self.dismiss(None)


def help_rows(screen: Screen[object]) -> list[tuple[str, str, str]]:
    """The screen's own keys first, then the app's, then those of the focused list or field."""
    app = screen.app
    declared = {b.action for b in type(screen).BINDINGS if isinstance(b, Binding)}
    all_own = _described(screen, screen._bindings.key_to_bindings.values())
    own = [row for row in all_own if row[3] in declared]
    inherited = [row for row in all_own if row[3] not in declared]
    everywhere = _described(screen, app._bindings.key_to_bindings.values()) + inherited
    listed = {(action, description) for _, description, _, action in own + everywhere}
    focused = [
        (key, description, tooltip, action)
        for key, description, tooltip, action in _described(
            screen, [[active.binding] for active in screen.active_bindings.values()]
        )
        if (action, description) not in listed
    ]
    return [row[:3] for row in own + everywhere + focused]


def _described(screen: Screen[object], groups: Iterable[list[Binding]]) -> list[tuple[str, str, str, str]]:
    rows = []
    seen = set()
    for bindings in groups:
        for binding in bindings:
            if not binding.description or (binding.action, binding.description) in seen:
                continue
            seen.add((binding.action, binding.description))
            display = binding.key_display or screen.app.get_key_display(binding)
            rows.append((display, binding.description, binding.tooltip or "", binding.action))
    return rows
