"""An app that keeps every notification it gives: a toast expires after its timeout (on a
loaded machine, before a slow test looks), the list does not."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import clerk_tui.app
from clerk_tui.app import ClerkApp
from store import Store
from tests.screens.conftest import frozen_clock


@dataclass(frozen=True)
class Told:
    title: str
    message: str


class TellingApp(ClerkApp):
    CSS_PATH = str(Path(clerk_tui.app.__file__).with_name("app.tcss"))  # relative paths follow the subclass

    def __init__(self, store: Store, **options: Any) -> None:
        super().__init__(store, clock=frozen_clock, **options)
        self.told: list[Told] = []

    def notify(self, message: str, *, title: str = "", **options: Any) -> None:
        self.told.append(Told(title, message))
        super().notify(message, title=title, **options)

    def said(self, title: str) -> list[str]:
        return [told.message for told in self.told if told.title == title]


def telling_app(store: Store, recovery: list[Path] | None = None, **options: Any) -> TellingApp:
    return TellingApp(store, recovery_folders=recovery if recovery is not None else [], **options)
