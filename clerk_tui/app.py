"""The Textual application: screens, bindings, palette and themes. Kept thin."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from clerk_tui.screens.meetings import MeetingsScreen

if TYPE_CHECKING:
    from store import Store


class ClerkApp(App[None]):
    """clerk: agendas, attendance and minutes."""

    TITLE = "clerk"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, store: Store, *, demo: bool = False) -> None:
        super().__init__()
        self.store = store
        self.demo = demo
        self.sub_title = f"demo store {store.root}" if demo else str(store.root)

    def on_mount(self) -> None:
        self.push_screen(MeetingsScreen(self.store))
