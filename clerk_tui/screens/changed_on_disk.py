"""A save refused because another program changed the file: keep mine, or reload.

clerk never overwrites a file something else wrote since clerk read it (a sync tool,
an editor, a second copy of clerk). The clerk decides: write this version over it (the
other version is copied aside first, so neither is lost), or drop the changes made here
and read the file as it is now.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from clerk_tui.screens.base import ClerkModal
from widgets.steady_footer import SteadyFooter


class ChangedOnDiskScreen(ClerkModal):
    """Dismisses with "keep" (write mine over the file), "reload" (drop mine) or None (later)."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Changed on disk"
    HELP_TITLE = "A file changed by another program"
    HELP_TEXT = (
        "Another program changed this record's file after clerk read it, so clerk did not "
        "save over it. k writes your version over it (the other version is kept in a copy); "
        "l drops your unsaved changes and reads the file as it is now."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "k",
            "choose('keep')",
            "Keep mine",
            tooltip="Write your version over the file; the other version is copied aside first.",
            id="changed.keep",
        ),
        Binding(
            "l",
            "choose('reload')",
            "Reload",
            tooltip="Drop your unsaved changes to this record and read the file as it is now.",
            id="changed.reload",
        ),
        Binding(
            "escape", "choose('')", "Later", tooltip="Decide later: ctrl+s asks again.", id="changed.later"
        ),
    ]

    def __init__(self, what: str, path: Path, keep_note: str) -> None:
        super().__init__()
        self.what = what
        self.path = path
        self.keep_note = keep_note
        """Where the other version is copied before yours is written over it."""

    def compose(self) -> ComposeResult:
        with Vertical(id="changed-body"):
            yield Static(
                f"{self.what} is NOT SAVED: its file {self.path} was changed by another program "
                "(a sync tool, an editor, another copy of clerk) after clerk read it, so clerk did "
                "not write over it. Your changes are still here.\n\n"
                f"k  Keep mine: write your version over the file ({self.keep_note}).\n"
                "l  Reload: drop your unsaved changes to it and read the file as it is now.\n"
                "escape  Decide later (ctrl+s asks again; quitting offers a recovery file).",
                id="changed-question",
                markup=False,
            )
            with Horizontal(id="changed-buttons"):
                yield Button("Keep mine (k)", id="keep", action="screen.choose('keep')", variant="primary")
                yield Button("Reload (l)", id="reload", action="screen.choose('reload')", variant="warning")
                yield Button("Later (esc)", id="later", action="screen.choose('')")
        yield SteadyFooter()

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)
