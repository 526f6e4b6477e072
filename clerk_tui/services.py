"""What the screens may ask of the app, as a typed protocol.

Screens reach the app through this and nothing else of it: ``screens/base.py`` types
``self.clerk`` as ``ClerkServices``, so no screen imports ``clerk_tui.app`` (not even
for typing, which tied every screen into one import circle with the app). ``ClerkApp``
provides it; a test has mypy check that it does.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from clerk_tui.domain import Committee, Meeting, Minute, Person
    from clerk_tui.saving import SaveOutcome, Saver
    from store import Store


class ClerkServices(Protocol):
    """The app's services for screens: the store, the saver, the clock and the header."""

    store: Store
    saver: Saver
    recovery_folders: list[Path]
    """Where unsaved records are kept when quitting, first that takes them."""
    last_export_folder: Path | None
    """The folder of the last export this session: the export dialog offers it again."""

    def now(self) -> datetime: ...

    def today(self) -> date: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def save_meeting(self, meeting: Meeting) -> asyncio.Future[SaveOutcome]: ...

    def save_minutes(self, meeting: Meeting, minutes: list[Minute]) -> asyncio.Future[SaveOutcome]:
        """Save what typing changed: these minutes of the meeting."""

    def save_committee(self, committee: Committee) -> asyncio.Future[SaveOutcome]: ...

    def save_person(self, person: Person) -> asyncio.Future[SaveOutcome]: ...

    def set_open_meeting(self, label: str) -> None:
        """What the header says is open ("Overview and Scrutiny, Tue 17 Oct 2023 · live")."""

    def action_save(self) -> None:
        """ctrl+s: retry failed saves now, or say that everything is saved."""
