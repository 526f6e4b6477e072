"""Choose a standard resolution phrase: type to narrow the list, enter inserts it.

A modal that returns the chosen ``Phrase`` (or None on escape); the screen inserts it
into the minute being written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from clerk_tui.domain.phrases import Phrase
from widgets import SafeInput
from widgets.steady_footer import SteadyFooter


def matching(phrases: Sequence[Phrase], query: str) -> list[Phrase]:
    """The phrases whose label, text or key hold every word typed (any case)."""
    words = query.lower().split()
    return [
        phrase
        for phrase in phrases
        if all(word in f"{phrase.key} {phrase.label} {phrase.text}".lower() for word in words)
    ]


class PhrasePicker(ModalScreen[Phrase | None]):
    """The phrase library, filtered as the clerk types; the highlighted phrase in full below."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Phrases"
    HELP_TITLE = "Standard phrases"
    HELP_TEXT = (
        "The house's standard resolution wording. Type any words to narrow the list (“thank”, "
        "“record”, “delegated”); up and down move through it; enter inserts the highlighted phrase "
        "as a new part of the resolution; escape closes without inserting. Words in [brackets] are "
        "gaps to fill in: the first is selected after inserting, so typing replaces it."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "choose",
            "Insert",
            tooltip="Insert the highlighted phrase into the resolution.",
            id="phrases.insert",
            priority=True,
        ),
        Binding("escape", "cancel", "Cancel", tooltip="Close; nothing is inserted.", id="phrases.cancel"),
        Binding("down", "move(1)", "Next", show=False, id="phrases.down"),
        Binding("up", "move(-1)", "Previous", show=False, id="phrases.up"),
        Binding("pagedown", "move(5)", "Page down", show=False, id="phrases.page-down"),
        Binding("pageup", "move(-5)", "Page up", show=False, id="phrases.page-up"),
    ]
    """Typing always filters (the focus stays in the search box); arrows move the highlight."""

    def __init__(self, phrases: Sequence[Phrase], *, query: str = "") -> None:
        super().__init__()
        self.phrases = list(phrases)
        self.query_text = query
        self.shown: list[Phrase] = []
        self._filtered: str | None = None
        """The query the list was last narrowed by."""

    def compose(self) -> ComposeResult:
        with Vertical(id="phrase-box"):
            yield Static("Insert a standard phrase", id="phrase-title")
            yield SafeInput(
                self.query_text, placeholder="type to narrow: noted, thank, record …", id="phrase-query"
            )
            options = OptionList(id="phrase-options")
            options.can_focus = False
            yield options
            yield Static("", id="phrase-full")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self._filter(self.query_text)
        self.query_one("#phrase-query", Input).focus()

    @on(Input.Changed, "#phrase-query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._filter(event.value)

    def _filter(self, query: str) -> None:
        if query == self._filtered:
            return
        self._filtered = query
        self.shown = matching(self.phrases, query)
        options = self.query_one("#phrase-options", OptionList)
        options.set_options(Option(phrase.label, id=phrase.key) for phrase in self.shown)
        if self.shown:
            options.highlighted = 0
        self._show_full()

    def highlighted(self) -> Phrase | None:
        index = self.query_one("#phrase-options", OptionList).highlighted
        if index is None or not 0 <= index < len(self.shown):
            return None
        return self.shown[index]

    def _show_full(self) -> None:
        full = self.query_one("#phrase-full", Static)
        phrase = self.highlighted()
        if phrase is None:
            wanted = self.query_one("#phrase-query", Input).value.strip()
            full.update(Text(f"No phrase matches “{wanted}”.", style="italic"))
            return
        full.update(Text(phrase.text))

    @on(OptionList.OptionHighlighted, "#phrase-options")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_full()

    @on(OptionList.OptionSelected, "#phrase-options")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[event.option_index])

    # --- actions ------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        options = self.query_one("#phrase-options", OptionList)
        if not self.shown:
            return
        current = options.highlighted if options.highlighted is not None else 0
        options.highlighted = max(0, min(len(self.shown) - 1, current + step))

    def action_choose(self) -> None:
        # Enter is a priority key: the letters typed just before it may still be on their way
        # to the search box, so choose once the box has read them.
        self.query_one("#phrase-query", Input).call_later(self._choose)

    def _choose(self) -> None:
        self._filter(self.query_one("#phrase-query", Input).value)
        phrase = self.highlighted()
        if phrase is None:
            self.app.bell()
            return
        self.dismiss(phrase)

    def action_cancel(self) -> None:
        self.dismiss(None)
