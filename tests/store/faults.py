"""A disk that fails on cue: the store's injectable Files, failing the Nth call of a step."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from store.files import Files

T = TypeVar("T")

STEPS = ("create", "write", "fsync", "replace", "rename", "link", "unlink", "mkdir", "rmtree")


class FaultyFiles(Files):
    """Counts every step; from the ``nth`` call of ``step`` on (once, or every time if
    ``persistent``) raises OSError(``code``), as a full disk, a bad sector or a permission would."""

    def __init__(
        self,
        step: str = "",
        nth: int = 0,
        code: int = 0,
        *,
        persistent: bool = False,
        under: Path | None = None,
    ) -> None:
        self.calls: dict[str, int] = {}
        self.fired = 0
        self.arm(step, nth, code, persistent=persistent, under=under)

    def arm(
        self, step: str, nth: int, code: int, *, persistent: bool = False, under: Path | None = None
    ) -> None:
        """Fail from the ``nth`` call of ``step`` counted from now (counters start again);
        ``under``: count only calls on a path inside that folder."""
        self.under = None if under is None else str(under)
        self.step = step
        self.nth = nth
        self.code = code
        self.persistent = persistent
        self.calls = {}

    def call(self, step: str, action: Callable[..., T], *args: Any) -> T:
        if self.under is not None and not any(str(arg).startswith(self.under) for arg in args):
            return action(*args)
        count = self.calls[step] = self.calls.get(step, 0) + 1
        if step == self.step and (count == self.nth or (self.persistent and count > self.nth)):
            self.fired += 1
            raise OSError(self.code, os.strerror(self.code))
        return action(*args)

    def heal(self) -> None:
        self.step = ""
