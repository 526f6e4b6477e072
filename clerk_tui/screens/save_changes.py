"""Leaving a form with changes not yet applied: save them, drop them, or stay."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Footer, Static

from clerk_tui.screens.base import ClerkModal


class SaveChangesModal(ClerkModal):
    """Asked when the clerk leaves a committee with changes not yet applied:
    returns "save", "discard" or None (stay)."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Unsaved changes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "choose('save')", "Save", tooltip="Apply the changes, then leave.", id="unsaved.save"),
        Binding(
            "d", "choose('discard')", "Discard", tooltip="Leave without the changes.", id="unsaved.discard"
        ),
        Binding("escape", "choose('')", "Cancel", tooltip="Stay and keep editing.", id="unsaved.cancel"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.committee_name = name

    def compose(self) -> ComposeResult:
        with Vertical(id="unsaved-body"):
            yield Static(
                f"{self.committee_name or 'This committee'} has changes that are not saved yet.",
                id="unsaved-question",
            )
            with Horizontal(id="unsaved-buttons"):
                yield Button("Save (s)", id="save", action="screen.choose('save')", variant="primary")
                yield Button("Discard (d)", id="discard", action="screen.choose('discard')", variant="error")
                yield Button("Cancel (esc)", id="cancel", action="screen.choose('')")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)
