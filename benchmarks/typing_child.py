"""One typing run, in a process of its own on a pseudo-terminal (run.py starts it): the app
draws to a real terminal, so each key costs what it costs a clerk, escape codes included.

``python benchmarks/typing_child.py CONFIG.json`` where the config says which app (clerk's
live meeting screen, or a bare TextArea of the same size holding the same text), how many
keys, at which pace, with or without saving, and whether to paste a big text first. The
results go to the JSON file the config names: CPU (``time.process_time``, every thread)
and wall time of each key, from the moment it is sent until the app has drawn it and gone
idle; the messages and the widget repaints each key caused.

Each key waits with Textual's own ``wait_for_idle`` (the process has gone quiet for a 20 ms
slice), not ``Pilot.pause``, which posts a message to every widget on the screen and so
charges a screen with many widgets for the measuring itself.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual import events  # noqa: E402
from textual._wait import wait_for_idle  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.message import Message  # noqa: E402
from textual.pilot import Pilot  # noqa: E402
from textual.widget import Widget  # noqa: E402
from textual.widgets import TextArea  # noqa: E402

from tests.screens.keys import key_event  # noqa: E402

if TYPE_CHECKING:
    from clerk_tui.domain import Meeting, Minute
    from clerk_tui.saving import SaveOutcome

TYPED = "Members of the Board asked questions about the waiting times and the budget for next year. "
SIZE = (110, 36)


class Counters:
    def __init__(self) -> None:
        self.messages = 0
        self.kinds: Counter[str] = Counter()
        self.renders: Counter[str] = Counter()
        self.on = False

    def message(self, message: Message) -> None:
        if self.on:
            self.messages += 1
            name = type(message).__qualname__
            if name == "Callback":
                callback = getattr(message, "callback", None)
                name += ":" + getattr(callback, "__qualname__", repr(callback))
            self.kinds[name] += 1


COUNTERS = Counters()
_render_lines = Widget.render_lines


def _counted_render_lines(self: Widget, crop: Any) -> Any:
    if COUNTERS.on:
        COUNTERS.renders[f"{type(self).__name__}#{self.id or ''}"] += 1
    return _render_lines(self, crop)


Widget.render_lines = _counted_render_lines  # type: ignore[method-assign]


class Bare(App[None]):
    def __init__(self, text: str, box: tuple[int, int]) -> None:
        super().__init__()
        self.text, self.box = text, box

    def compose(self) -> ComposeResult:
        area = TextArea(self.text, id="bare", soft_wrap=True)
        area.styles.width, area.styles.height = self.box
        yield area


async def type_keys(app: App[Any], pilot: Pilot[Any], keys: int, rate: float | None) -> dict[str, Any]:
    """Send ``keys`` keys; each waits until the one before is drawn (and, at a human pace,
    until its slot: ``rate`` keys a second)."""
    driver = app._driver
    assert driver is not None
    text = (TYPED * (keys // len(TYPED) + 1))[:keys]
    await pilot.pause()
    cpu, wall = [], []
    COUNTERS.messages = 0
    COUNTERS.kinds.clear()
    COUNTERS.renders.clear()
    COUNTERS.on = True
    began_cpu, began = time.process_time(), time.perf_counter()
    for number, character in enumerate(text):
        event = key_event(character)
        event.set_sender(app)
        c0, w0 = time.process_time(), time.perf_counter()
        driver.send_message(event)
        await wait_for_idle(0)
        cpu.append((time.process_time() - c0) * 1000)
        wall.append((time.perf_counter() - w0) * 1000)
        if rate:
            slot = began + (number + 1) / rate
            await asyncio.sleep(max(0.0, slot - time.perf_counter()))
    await asyncio.sleep(1.2)  # the save after the last key: its CPU counts in the total
    COUNTERS.on = False
    total = (time.process_time() - began_cpu) * 1000
    return {
        "cpu": cpu,
        "wall": wall,
        "cpu_all_in": total / keys,
        "messages": COUNTERS.messages / keys,
        "renders": sum(COUNTERS.renders.values()) / keys,
        "rendered": dict(COUNTERS.renders.most_common(20)),
        "message_kinds": dict(COUNTERS.kinds.most_common(20)),
    }


async def paste(app: App[Any], pilot: Pilot[Any], size: int) -> dict[str, Any]:
    line = "The officer reported that the consultation had closed and that responses were summarised. "
    lines, length = [], 0
    while length < size:
        paragraph = "\n".join([line.strip()] * 4) + "\n\n"
        lines.append(paragraph)
        length += len(paragraph)
    text = "".join(lines)[:size]
    focused = app.focused
    before = len(focused.text) if isinstance(focused, TextArea) else 0
    event = events.Paste(text)
    event.set_sender(app)
    driver = app._driver
    assert driver is not None
    c0, w0 = time.process_time(), time.perf_counter()
    driver.send_message(event)
    await pilot.pause()
    await pilot.pause()
    taken = {"cpu": (time.process_time() - c0) * 1000, "wall": (time.perf_counter() - w0) * 1000}
    after = len(focused.text) if isinstance(focused, TextArea) else 0
    notes = [str(n.message) for n in app._notifications] if hasattr(app, "_notifications") else []
    return {**taken, "pasted": after - before, "size": len(text), "notes": notes[-3:]}


async def bare_run(config: dict[str, Any]) -> dict[str, Any]:
    text = Path(config["text"]).read_text(encoding="utf-8")
    width, height = config["box"]
    app = Bare(text, (int(width), int(height)))
    async with app.run_test(headless=False, size=SIZE, message_hook=COUNTERS.message) as pilot:
        area = app.query_one("#bare", TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        return await measure(app, pilot, config)


def saved_at_once(meeting: Meeting) -> asyncio.Future[SaveOutcome]:
    """A save that writes nothing and reports success at once: typing without the saver."""
    from clerk_tui.saving import SaveOutcome

    future: asyncio.Future[SaveOutcome] = asyncio.get_running_loop().create_future()
    future.set_result(SaveOutcome(f"meeting:{meeting.id}", "the meeting", True))
    return future


async def clerk_run(config: dict[str, Any]) -> dict[str, Any]:
    from clerk_tui.app import ClerkApp
    from clerk_tui.screens.confirm import ConfirmScreen
    from clerk_tui.screens.live import LiveMeetingScreen
    from store import Store

    class WithoutSaves(ClerkApp):
        def save_meeting(self, meeting: Meeting) -> asyncio.Future[SaveOutcome]:
            return saved_at_once(meeting)

        def save_minutes(self, meeting: Meeting, minutes: list[Minute]) -> asyncio.Future[SaveOutcome]:
            return saved_at_once(meeting)

    kind = ClerkApp if config["saves"] else WithoutSaves
    store = Store.open(config["store"])
    app = kind(store, clock=lambda: datetime(2026, 11, 23, 15, 0))
    try:
        async with app.run_test(headless=False, size=SIZE, message_hook=COUNTERS.message) as pilot:
            await pilot.pause()
            # Pushed from the app's own task, so the screen's widgets run with the message
            # counter (a context variable) that run_test set there.
            app.call_later(app.push_screen, LiveMeetingScreen(store.meeting(config["meeting"])))
            await pilot.pause()
            await pilot.pause()
            if isinstance(app.screen, ConfirmScreen):  # "This meeting is today: take it live now?"
                await pilot.press("y")
                await pilot.pause()
            screen = app.screen
            assert isinstance(screen, LiveMeetingScreen), type(screen).__name__
            area = screen.query_one("#minute-narrative", TextArea)
            area.focus()
            area.move_cursor(area.document.end)
            await pilot.pause()
            # The app hands over between threads faster until its first frame is out: keys are
            # measured with the interpreter's own hand-over, as a clerk types them.
            assert sys.getswitchinterval() >= 0.005, sys.getswitchinterval()
            result = await measure(app, pilot, config)
            result["box"] = [area.outer_size.width, area.outer_size.height]
            return result
    finally:
        store.close()


async def measure(app: App[Any], pilot: Pilot[Any], config: dict[str, Any]) -> dict[str, Any]:
    rate = config.get("rate")
    await type_keys(app, pilot, config.get("warmup", 20), None)
    result: dict[str, Any] = {"typing": await type_keys(app, pilot, config["keys"], rate)}
    if config.get("paste"):
        result["paste"] = await paste(app, pilot, config["paste"])
        result["after_paste"] = await type_keys(app, pilot, config["keys"], rate)
    return result


def main() -> None:
    config = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    runner = clerk_run if config["app"] == "clerk" else bare_run
    result = asyncio.run(runner(config))
    for part in ("typing", "after_paste"):
        if part in result:
            result[part]["median"] = statistics.median(result[part]["cpu"])
    Path(config["out"]).write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main()
