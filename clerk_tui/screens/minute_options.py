"""How one minute prints, where the clerk's record departs from the house rule: its
heading, whether the resolution has its "RESOLVED:" line and its "That", the "; and"
before the last part, and the full stop at the end."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Label, Select, Static

from clerk_tui.domain import DomainError, Minute, ResolutionLead
from clerk_tui.screens.base import ClerkModal
from widgets.fields import TextField


@dataclass(frozen=True)
class MinuteOptions:
    title: str
    lead: ResolutionLead
    opening: str
    print_lead: bool
    and_before_last: bool
    final_full_stop: bool


class MinuteOptionsScreen(ClerkModal):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Minute options"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2,ctrl+s", "accept", "Accept", tooltip="Use these options for this minute.", id="options.accept"
        ),
        Binding("escape", "cancel", "Cancel", id="options.cancel"),
    ]

    def __init__(self, minute: Minute) -> None:
        super().__init__()
        self.minute = minute

    def compose(self) -> ComposeResult:
        resolution = self.minute.resolution
        with Vertical(id="options-box"):
            yield Static("How this minute prints", id="options-title")
            yield TextField(
                "Heading (printed in capitals)",
                value=self.minute.title,
                required=True,
                field_id="options-heading",
            )
            yield Label("Resolution")
            yield Select(
                [
                    ("RESOLVED", ResolutionLead.RESOLVED.value),
                    ("RECOMMENDED", ResolutionLead.RECOMMENDED.value),
                ],
                value=(resolution.lead if resolution else ResolutionLead.RESOLVED).value,
                allow_blank=False,
                id="options-lead",
            )
            yield Checkbox(
                "Print the “RESOLVED:” line",
                value=resolution.print_lead if resolution else True,
                id="options-print-lead",
            )
            yield Checkbox(
                "Start the sentence with “That”",
                value=bool(resolution.opening) if resolution else True,
                id="options-that",
            )
            yield Checkbox(
                "“; and” before the last part",
                value=resolution.and_before_last if resolution else True,
                id="options-and",
            )
            yield Checkbox(
                "Full stop at the end",
                value=resolution.final_full_stop if resolution else True,
                id="options-stop",
            )
            yield Static(id="options-message")
            with Horizontal(id="options-buttons"):
                yield Button("Accept (f2)", id="accept", action="screen.accept", variant="primary")
                yield Button("Cancel (esc)", id="cancel", action="screen.cancel")

    def action_accept(self) -> None:
        try:
            title = self.query_one("#options-heading", TextField).value()
        except DomainError as error:
            self.query_one("#options-message", Static).update(error.message)
            return
        opening = "That" if self.query_one("#options-that", Checkbox).value else ""
        if opening and self.minute.resolution and self.minute.resolution.opening.startswith("That"):
            opening = self.minute.resolution.opening
        self.dismiss(
            MinuteOptions(
                str(title),
                ResolutionLead(str(self.query_one("#options-lead", Select).value)),
                opening,
                self.query_one("#options-print-lead", Checkbox).value,
                self.query_one("#options-and", Checkbox).value,
                self.query_one("#options-stop", Checkbox).value,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
