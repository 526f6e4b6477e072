"""Text boxes that never take a control character.

Whatever reaches an Input or a TextArea (typed, pasted, put there by a terminal that
mangled a bracketed paste) goes through ``clean`` from the domain's safe-text rules:
escape sequences, control characters other than newline and tab, and bidirectional
overrides are removed, and the box posts :class:`TextCleaned` saying what went, which
the app turns into a notification. Joiners are kept (an emoji ZWJ sequence stays whole,
even when the terminal delivers the joiner as a key of its own).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from textual import events
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit, EditResult

from clerk_tui.domain.safe_text import CleanText, clean


@dataclass
class TextCleaned(Message):
    """Characters were removed from what was typed or pasted into a box."""

    widget: Widget
    where: str
    """The box, as the clerk knows it ("the narrative", "Name")."""
    cleaned: CleanText

    @property
    def message(self) -> str:
        return self.cleaned.message(self.where)


def _is_format_key(event: events.Key) -> bool:
    """A key carrying a format character (U+200D joiner, U+202E override): the text boxes
    ignore such keys as unprintable, which would break an emoji or hide an override."""
    character = event.character
    return (
        character is not None
        and len(character) == 1
        and not character.isprintable()
        and unicodedata.category(character) == "Cf"
    )


async def keep_keys_in_order(box: Input | TextArea, event: events.Key, *, inserts: tuple[str, ...]) -> bool:
    """Keys typed fast are acted on in the order typed (True: the key was dealt with here).

    Textual hands each key to the widget that has the focus when the key arrives. The box
    inserts a letter at once, but a key that is a binding (backspace, an arrow, Tab, ctrl+n)
    is acted on only once it has travelled up to the app, by which time the keys behind it
    have been taken by this box: "narrative, Tab, resolution" typed quickly put the
    resolution in the narrative, and "backspace, 0" gave "0" then the backspace. Here Tab
    and the box's own editing keys act at once, and a key still queued for a box the focus has left is
    passed on to the text box that has it now (never to a button or a list, where a letter
    could be a command). ``inserts``: the non-printable keys the box inserts itself."""
    app = box.app
    focused = app.focused
    if focused is not box:
        if isinstance(focused, (Input, TextArea)):
            event.stop()
            event.prevent_default()
            focused.post_message(events.Key(event.key, event.character))
            return True
        return False
    if event.is_printable or event.key in inserts or box.screen is not app.screen:
        return False
    if event.key in ("tab", "shift+tab") and "tab" not in inserts:
        event.stop()
        event.prevent_default()
        box.screen.focus_next() if event.key == "tab" else box.screen.focus_previous()
        return True
    # The box's own editing keys only: a command (f4, ctrl+n) still waits until it reaches
    # the screen, after the messages of the keys before it (a field's parsed value).
    for binding in box._bindings.key_to_bindings.get(event.key, ()):
        if await app.run_action(binding.action, box):
            event.stop()
            event.prevent_default()
            return True
    return False


class SafeInput(Input):
    """An Input whose value never holds a control character.

    ``enter_moves_focus``: enter goes on to the next box at once, as Tab does (a form's
    Submitted handler moving the focus acts too late for digits typed fast behind it)."""

    def __init__(self, *args: Any, where: str = "", enter_moves_focus: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.where = where
        self.enter_moves_focus = enter_moves_focus

    def _label(self) -> str:
        return self.where or str(self.border_title or self.placeholder or "this box")

    def replace(self, text: str, start: int, end: int) -> None:
        """Every insertion (typed, pasted, completed) passes here: clean it first, so the
        cursor lands after what was kept."""
        result = clean(text)
        if result.changed:
            self.post_message(TextCleaned(self, self._label(), result))
        super().replace(result.text, start, end)

    def validate_value(self, value: str) -> str:
        """The backstop for a value set by code: it is cleaned too (without a message: the
        text did not come from the clerk's keys)."""
        return clean(value).text if value else value

    async def _on_key(self, event: events.Key) -> None:
        # Runs before Input's own handler (Textual calls each class's in turn, unless the
        # default is prevented), which would drop the key as unprintable.
        if self.enter_moves_focus and event.key == "enter" and self.app.focused is self:
            event.stop()
            event.prevent_default()
            self.screen.focus_next()
            return
        if await keep_keys_in_order(self, event, inserts=()):
            return
        if _is_format_key(event):
            event.stop()
            event.prevent_default()
            assert event.character is not None
            self.replace(event.character, *sorted(self.selection))


class SafeTextArea(TextArea):
    """A TextArea whose text never holds a control character other than newline and tab."""

    def __init__(self, *args: Any, where: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.where = where

    def _label(self) -> str:
        return self.where or str(self.border_title or "this box")

    def edit(self, edit: Edit) -> EditResult:
        """Every change of the text (typed, pasted, inserted by code, undone) is an Edit."""
        if edit.text:
            result = clean(edit.text)
            if result.changed:
                edit.text = result.text
                self.post_message(TextCleaned(self, self._label(), result))
        return super().edit(edit)

    async def _on_key(self, event: events.Key) -> None:
        # Runs before TextArea's own handler (see SafeInput._on_key).
        inserts = ("enter", "tab", "escape") if self.tab_behavior == "indent" else ("enter",)
        if not self.read_only and await keep_keys_in_order(self, event, inserts=inserts):
            return
        if _is_format_key(event) and not self.read_only:
            event.stop()
            event.prevent_default()
            assert event.character is not None
            start, end = self.selection
            self.replace(event.character, start, end, maintain_selection_offset=False)
