"""At start: records a previous run could not save, kept in a recovery file, offered back.

Restore puts each record into the store (replacing the store's copy of it, which is
older: it is what the disk held when the save failed); keep aside renames the file so
it is kept but not offered again.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from clerk_tui.recovery import RecoveryFile
from clerk_tui.screens.base import ClerkModal
from widgets.steady_footer import SteadyFooter


class RecoveredScreen(ClerkModal):
    """Dismisses with "restore", "aside" or None (ask again next time)."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Recovered changes"
    HELP_TITLE = "Changes kept from last time"
    HELP_TEXT = (
        "Last time clerk could not save some changes, and kept them in a recovery file. "
        "r puts them into the store; k keeps the file aside (it is not offered again)."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "r",
            "choose('restore')",
            "Restore",
            tooltip="Put the kept records into the store, replacing the store's older copies.",
            id="recovered.restore",
        ),
        Binding(
            "k",
            "choose('aside')",
            "Keep aside",
            tooltip="Keep the recovery file as it is, renamed so that it is not offered again.",
            id="recovered.aside",
        ),
        Binding(
            "escape", "choose('')", "Later", tooltip="Ask again at the next start.", id="recovered.later"
        ),
    ]

    def __init__(self, recovery: RecoveryFile, *, read_only: bool = False) -> None:
        super().__init__()
        self.recovery = recovery
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        records = self.recovery.records
        count = f"{len(records)} record{'' if len(records) == 1 else 's'}"
        lines = "\n".join(
            f"• {record.what}" + (f" (not saved: {record.reason})" if record.reason else "")
            for record in records
        )
        restore = (
            "r  Restore: put them into the store, replacing the store's older copies."
            if not self.read_only
            else "The store is open read-only, so they cannot be restored now: open it writable to restore."
        )
        with Vertical(id="recovered-body"):
            yield Static(
                f"Last time clerk could not save {count}, and kept them "
                f"({self.recovery.written:%d %b %Y at %H:%M}) in {self.recovery.path}:\n{lines}\n\n"
                f"{restore}\n"
                "k  Keep aside: keep the file, renamed, and do not offer it again.\n"
                "escape  Decide at the next start.",
                id="recovered-question",
                markup=False,
            )
            with Horizontal(id="recovered-buttons"):
                yield Button(
                    "Restore (r)",
                    id="restore",
                    action="screen.choose('restore')",
                    variant="primary",
                    disabled=self.read_only,
                )
                yield Button("Keep aside (k)", id="aside", action="screen.choose('aside')")
                yield Button("Later (esc)", id="later", action="screen.choose('')")
        yield SteadyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("restore",) and self.read_only:
            return None
        return True

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)
