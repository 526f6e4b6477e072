"""Textual's Header, whose title line redraws alone, and only where it can be seen.

Stock, the title line updates with a layout of the whole screen each time the title or
sub-title changes, and the header of every screen in the stack follows the app's
sub-title. The app's sub-title says how saving goes ("saving…", "saved 15:00:02"), so it
changes twice a save while the clerk types; each time every widget on the screen was laid
out and drawn again, and the header of the screen underneath redrew too, which Textual
passes on to the screen on top as a full repaint (about 10-80 ms of a key, twice a save).

Here the title line, one row of the header's width whatever it says, repaints itself
alone; under a screen that hides it, it waits and catches up when its screen is shown
again (:meth:`SteadyHeader.catch_up`, called as the screen resumes).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.visual import VisualType
from textual.widgets import Header
from textual.widgets._header import HeaderClock, HeaderClockSpace, HeaderIcon, HeaderTitle


def shown(screen: Screen[object]) -> bool:
    """The screen is on top, or under screens that let it show through (dialogs)."""
    stack = screen.app.screen_stack
    if screen not in stack:
        return False
    return all(above.styles.background.a < 1 for above in stack[stack.index(screen) + 1 :])


class SteadyTitle(HeaderTitle):
    waiting = False
    """A change came while the screen was hidden: drawn when it is shown again."""

    def update(self, content: VisualType = "", *, layout: bool = False) -> None:
        if self.is_attached and not shown(self.screen):
            self.waiting = True
            return
        self.waiting = False
        super().update(content, layout=layout)


class SteadyHeader(Header):
    """A drop-in ``Header`` (same CSS, same parts)."""

    def compose(self) -> ComposeResult:
        yield HeaderIcon().data_bind(Header.icon)
        yield SteadyTitle()
        yield HeaderClock().data_bind(Header.time_format) if self._show_clock else HeaderClockSpace()

    def catch_up(self) -> None:
        """Draw what the title became while the screen was hidden."""
        title = self.query_one(SteadyTitle)
        if title.waiting:
            title.update(self.format_title())
