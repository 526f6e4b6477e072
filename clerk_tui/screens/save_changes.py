"""Leaving a form with changes not yet applied: save them, drop them, or stay."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from clerk_tui.screens.base import ClerkModal
from widgets.steady_footer import SteadyFooter


class SaveChangesModal(ClerkModal):
    """Asked when the clerk leaves a committee with changes not yet applied:
    returns "save", "discard" or None (stay). On a read-only store there is no "save"."""

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
        name = self.committee_name or "This committee"
        question = f"{name} has changes that are not saved yet."
        if self.store.read_only:
            question = (
                f"{name} has changes that cannot be saved: the store is open read-only. "
                "Discard them, or stay and copy what you need."
            )
        with Vertical(id="unsaved-body"):
            yield Static(question, id="unsaved-question", markup=False)
            with Horizontal(id="unsaved-buttons"):
                yield Button(
                    "Save (s)",
                    id="save",
                    action="screen.choose('save')",
                    variant="primary",
                    disabled=self.store.read_only,
                )
                yield Button("Discard (d)", id="discard", action="screen.choose('discard')", variant="error")
                yield Button("Cancel (esc)", id="cancel", action="screen.choose('')")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#cancel" if self.store.read_only else "#save", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("save",) and self.store.read_only:
            return None
        return True

    def action_choose(self, choice: str) -> None:
        if choice == "save" and self.store.read_only:
            return
        self.dismiss(choice or None)
