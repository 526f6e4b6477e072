"""A scrolling view of a printed paper that says when its width changes, so the screen can
print the paper again at the width the clerk sees (a paper printed wider than its view is
broken in the middle of words)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.containers import VerticalScroll
from textual.message import Message


class PaperView(VerticalScroll):
    @dataclass
    class Resized(Message):
        view: PaperView
        width: int
        """Columns the paper's text has, with room for the scrollbar."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._width = 0

    def on_resize(self, event: events.Resize) -> None:
        width = self.content_size.width
        if width and width != self._width:
            self._width = width
            self.post_message(self.Resized(self, self.text_width))

    @property
    def text_width(self) -> int:
        """0 until the view is laid out."""
        return max(0, self.content_size.width - 3)  # room for the scrollbar
