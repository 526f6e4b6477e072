"""Where a new committee's house style starts: neutral wording (no council's own), or a
copy of a committee already in the store. Never another council's words by default.

Dismisses with the house style chosen, or None.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from clerk_tui.domain import Committee, HouseStyle
from clerk_tui.domain.committee import starting_style
from clerk_tui.screens.base import ClerkModal
from widgets.steady_footer import SteadyFooter

NEUTRAL = "neutral"


class NewCommitteeScreen(ClerkModal):
    """Choose the house style a new committee starts from."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#new-committee-styles"
    PALETTE_GROUP = "New committee"
    HELP_TITLE = "New committee"
    HELP_TEXT = (
        "A new committee's papers are printed in its own house style. Start from a neutral one "
        "(plain wording, no council's name) or from a copy of a committee already set up, then "
        "change what differs on its House style tab. The copy is the new committee's own: "
        "changing one never changes the other. Up and down choose, enter (or f2) starts, escape "
        "closes."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2",
            "choose",
            "Start",
            tooltip="Set up the committee with the house style highlighted.",
            priority=True,
            id="new_committee.choose",
        ),
        Binding("escape", "cancel", "Cancel", tooltip="No new committee.", id="new_committee.cancel"),
    ]

    def __init__(self, committees: Sequence[Committee]) -> None:
        super().__init__()
        self.committees = {committee.id: committee for committee in committees}

    def compose(self) -> ComposeResult:
        with Vertical(id="new-committee-body"):
            yield Static("New committee: its house style starts from", id="new-committee-title")
            yield OptionList(
                Option("A neutral style: plain wording, no council's own", id=NEUTRAL),
                *(
                    Option(f"A copy of the style of {committee.name}", id=committee.id)
                    for committee in self.committees.values()
                ),
                id="new-committee-styles",
            )
            yield Static(
                "Everything can be changed afterwards on the committee's House style tab.",
                id="new-committee-note",
            )
            with Horizontal(id="new-committee-buttons"):
                yield Button("Start", id="start", action="screen.choose", variant="primary")
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield SteadyFooter()

    def chosen_style(self) -> HouseStyle:
        options = self.query_one("#new-committee-styles", OptionList)
        index = options.highlighted
        option_id = options.get_option_at_index(index).id if index is not None else NEUTRAL
        return starting_style(self.committees.get(option_id or NEUTRAL))

    @on(OptionList.OptionSelected, "#new-committee-styles")
    async def _selected(self) -> None:
        await self.run_action("choose")

    def action_choose(self) -> None:
        self.dismiss(self.chosen_style())

    def action_cancel(self) -> None:
        self.dismiss(None)
