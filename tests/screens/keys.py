"""Typing a long text into the app as key presses, quickly.

``Pilot.press`` waits for the app to go idle after every key (about 60 ms a key), which
makes typing a whole meeting's minutes take many minutes. ``type_text`` sends the very
same Key events through the driver, as a terminal does when a fast typist types, and
waits for the app to catch up every few dozen keys."""

from __future__ import annotations

import unicodedata
from typing import Any

from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot

CATCH_UP_EVERY = 48


def key_event(character: str) -> events.Key:
    """The Key event a terminal sends for one typed character (as Pilot.press builds it)."""
    key = "enter" if character == "\n" else character
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    char: str | None
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    if char is None and character != "\n" and character.isprintable():
        char = character  # what a terminal sends for ’ “ ” – (Pilot.press drops them)
    return events.Key(key, char)


def named_key_event(key: str) -> events.Key:
    """The Key event ``Pilot.press`` sends for ``key``: a character, or a key's name
    ("backspace", "end", "ctrl+a")."""
    if len(key) == 1:
        return key_event(key)
    char: str | None
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        char = None
    return events.Key(key, char)


async def _send(pilot: Pilot[Any], keys: list[events.Key]) -> None:
    app = pilot.app
    driver = app._driver
    assert driver is not None
    for count, event in enumerate(keys, start=1):
        event.set_sender(app)
        driver.send_message(event)
        if count % CATCH_UP_EVERY == 0:
            await pilot.pause()
    await pilot.pause()


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await _send(pilot, [key_event(character) for character in text])


async def press_keys(pilot: Pilot[Any], *keys: str) -> None:
    """``pilot.press(*keys)`` at a fast typist's speed: the same Key events, without waiting
    for the app to go idle after each one (for keys whose effect is checked only at the end)."""
    await _send(pilot, [named_key_event(key) for key in keys])


async def tab_to(pilot: Pilot[Any], widget_id: str, limit: int = 40) -> None:
    """Press tab until the widget has focus, as a clerk would."""
    app = pilot.app
    for _ in range(limit):
        if app.focused is not None and app.focused.id == widget_id:
            return
        await pilot.press("tab")
    focused = app.focused.id if app.focused else None
    raise AssertionError(f"tab never reached #{widget_id}; focus is on #{focused}")
