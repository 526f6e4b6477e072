"""Typing on the live screen repaints the box typed into and nothing else: counted, not
timed. For keys typed into the narrative, then into the resolution, the test records which
widgets asked to be repainted, which widgets' lines were drawn again (a cache miss in
Textual's line cache: a real repaint, not the compositor looking at a line it already
has) and whether the screen was laid out again.

What may repaint besides the box: its scroll bar (the text grows), the note under the
resolution (it says how the resolution will print, so it changes with the resolution),
and the header's title line if a save falls among the keys ("saving…", "saved …").
"""

from __future__ import annotations

import gc
import weakref
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import pytest
from textual._styles_cache import StylesCache
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from clerk_tui.screens.live import LiveMeetingScreen
from store import Store
from tests.screens.conftest import SIZE, make_app, settle
from tests.screens.keys import key_event
from tests.screens.test_live_typing import live_on_first_item

KEYS = 20
SAVE_STATUS = "SteadyTitle#"
"""The header's title line: it says how saving goes, so it repaints when a save falls among the keys."""


def name(widget: Widget) -> str:
    return f"{type(widget).__name__}#{widget.id or ''}"


class Repaints:
    """What typing made Textual do, by widget."""

    def __init__(self) -> None:
        self.on = False
        self.asked: Counter[str] = Counter()
        """Widgets that called refresh (asked for a repaint or a layout)."""
        self.drawn: Counter[str] = Counter()
        """Lines drawn afresh, by widget."""
        self.visited: Counter[str] = Counter()
        """render_lines calls by widget, cache hits included: the widgets the compositor
        looked at for the update (clerk_tui.compositor: those the repaint reaches)."""
        self.layouts = 0


@contextmanager
def counting(monkeypatch: pytest.MonkeyPatch) -> Iterator[Repaints]:
    repaints = Repaints()
    drawing: ContextVar[str] = ContextVar("drawing", default="")
    refresh, render_lines = Widget.refresh, Widget.render_lines
    render_widget, render_line = StylesCache.render_widget, StylesCache.render_line
    refresh_layout = Screen._refresh_layout

    def counted_refresh(self: Widget, *args: Any, **kwargs: Any) -> Widget:
        if repaints.on:
            repaints.asked[name(self)] += 1
        return refresh(self, *args, **kwargs)

    def counted_render_lines(self: Widget, crop: Any) -> list[Strip]:
        if repaints.on:
            repaints.visited[name(self)] += 1
        return render_lines(self, crop)

    def counted_render_widget(self: StylesCache, widget: Widget, crop: Any) -> list[Strip]:
        token = drawing.set(name(widget))
        try:
            return render_widget(self, widget, crop)
        finally:
            drawing.reset(token)

    def counted_render_line(self: StylesCache, *args: Any, **kwargs: Any) -> Strip:
        if repaints.on:
            repaints.drawn[drawing.get()] += 1
        return render_line(self, *args, **kwargs)

    def counted_layout(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
        if repaints.on:
            repaints.layouts += 1
        refresh_layout(self, *args, **kwargs)

    monkeypatch.setattr(Widget, "refresh", counted_refresh)
    monkeypatch.setattr(Widget, "render_lines", counted_render_lines)
    monkeypatch.setattr(StylesCache, "render_widget", counted_render_widget)
    monkeypatch.setattr(StylesCache, "render_line", counted_render_line)
    monkeypatch.setattr(Screen, "_refresh_layout", counted_layout)
    yield repaints


async def type_counted(pilot: Any, repaints: Repaints, text: str) -> None:
    """Each key on its own, drawn before the next (as a clerk types)."""
    app = pilot.app
    repaints.on = True
    for character in text:
        event = key_event(character)
        event.set_sender(app)
        app._driver.send_message(event)
        await pilot.pause()
    repaints.on = False


def only(counts: Counter[str], allowed: set[str]) -> dict[str, int]:
    return {widget: count for widget, count in counts.items() if widget not in allowed}


async def test_keys_in_the_narrative_and_the_resolution_repaint_only_their_box(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await live_on_first_item(app, pilot, demo_store)
        await settle(app, pilot)
        with counting(monkeypatch) as repaints:
            await type_counted(pilot, repaints, "The Board considered the report of the officer. ")
            await settle(app, pilot)  # the save after the warm-up keys is out of the count
            repaints.asked.clear()
            repaints.drawn.clear()
            repaints.visited.clear()
            repaints.layouts = 0

            await type_counted(pilot, repaints, ("Members asked questions. " * 2)[:KEYS])
            narrative = {"MinuteBox#minute-narrative", "ScrollBar#", SAVE_STATUS}
            assert repaints.drawn["MinuteBox#minute-narrative"] >= KEYS, "each key is drawn"
            assert only(repaints.asked, narrative) == {}
            assert only(repaints.drawn, narrative) == {}, f"visited: {dict(repaints.visited)}"
            assert repaints.layouts == 0, "a key never lays the screen out again"
            beside = {"Footer#", "AttendancePanel#live-attendance", "Vertical#live-agenda"}
            assert repaints.visited["MinuteBox#minute-narrative"] >= KEYS
            assert beside.isdisjoint(repaints.visited), "the compositor looks only where the key repaints"

            await pilot.press("tab")  # to the resolution
            await settle(app, pilot)
            assert app.focused is not None and app.focused.id == "minute-resolution"
            repaints.asked.clear()
            repaints.drawn.clear()
            repaints.visited.clear()
            repaints.layouts = 0
            await type_counted(pilot, repaints, "the report be noted")
            resolution = {"MinuteBox#minute-resolution", "ScrollBar#", "PrintNote#minute-note", SAVE_STATUS}
            assert repaints.drawn["MinuteBox#minute-resolution"] >= len("the report be noted")
            assert repaints.drawn["PrintNote#minute-note"] > 0, "the note says how it will print"
            assert only(repaints.asked, resolution) == {}
            assert only(repaints.drawn, resolution) == {}, f"visited: {dict(repaints.visited)}"
            assert repaints.layouts == 0


async def test_the_live_screen_is_frozen_while_shown_and_freed_once_left(demo_store: Store) -> None:
    """What the live screen holds is kept out of the cycle collector's passes while the
    screen is shown (gc.freeze), and handed back when it goes: nothing it held is kept."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await live_on_first_item(app, pilot, demo_store)
        await settle(app, pilot)
        assert gc.get_freeze_count() > 0
        left = weakref.ref(screen)
        del screen
        await pilot.press("escape")  # back to the agenda: the live screen is popped
        await settle(app, pilot)
        assert not isinstance(app.screen, LiveMeetingScreen)
        gc.collect()
        assert left() is None, "the live screen left behind is freed"


async def test_the_minute_a_key_changed_goes_straight_to_the_screen(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor tells the screen of each key in one message, posted to the screen: the
    containers between (the centre column, the body) are not woken for it."""
    from textual.message_pump import MessagePump

    from widgets.minute_editor import MinuteEditor

    reached: Counter[str] = Counter()
    post_message = MessagePump.post_message

    def counted_post(self: MessagePump, message: Any) -> bool:
        if isinstance(message, MinuteEditor.Changed):
            reached[type(self).__name__] += 1
        return post_message(self, message)

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await live_on_first_item(app, pilot, demo_store)
        await settle(app, pilot)
        monkeypatch.setattr(MessagePump, "post_message", counted_post)
        for character in "noted":
            await pilot.press(character)
        await settle(app, pilot)
        assert reached == {"LiveMeetingScreen": len("noted")}
