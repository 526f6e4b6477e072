"""CPU per keystroke at the end of a long meeting, against a bare TextArea; and what a
save of that meeting costs. Run by hand: ``python benchmarks/bench_typing.py``.

The meeting: 30 items, each minute 100 lines of narrative (about 30 paragraphs of
reported speech). The clerk types into the last minute. The baseline is a bare Textual
TextArea holding the same 100 lines, in the same process, typed the same way.

CPU is ``time.process_time()`` over the whole burst divided by the keys typed: all
threads, so the saver's work (snapshot on the UI thread, JSON and fsync in the worker)
counts against clerk. Runs alternate between the two so that machine load hits both.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import TextArea

from clerk_tui.app import ClerkApp
from clerk_tui.domain import AgendaItem, Block, Committee, Meeting, Minute, Person, Resolution
from clerk_tui.domain.narrative import narrative_text
from clerk_tui.screens.live import LiveMeetingScreen
from store import Store
from tests.screens.keys import key_event

SENTENCE = "The report highlighted that the local area had begun preparations in advance of the revisit."
TYPED = "Members of the Board asked questions about the waiting times and the budget for next year. "


def long_meeting() -> Meeting:
    meeting = Meeting("hwb-2026-11-23", "hwb", date(2026, 11, 23), clock_time(14, 0))
    for number in range(1, 31):
        meeting.add_item(AgendaItem(f"item-{number}", f"Substantive report number {number}"))
        paragraphs = [Block(text=" ".join([SENTENCE] * 2)) for _ in range(50)]  # 99 lines as typed
        meeting.minutes.append(
            Minute(
                f"minute-{number}",
                f"Substantive report number {number}",
                item_id=f"item-{number}",
                narrative=paragraphs,
                resolution=Resolution(["the report be noted"]),
            )
        )
    return meeting


def narrative_of(meeting: Meeting) -> str:
    return narrative_text(meeting.minutes[-1].narrative)


async def type_keys(app: App[Any], pilot: object, keys: int) -> float:
    """CPU seconds per key for ``keys`` keys typed one after another, each processed before the next."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    driver = app._driver
    assert driver is not None
    text = (TYPED * (keys // len(TYPED) + 1))[:keys]
    await pilot.pause()
    start = time.process_time()
    for character in text:
        event = key_event(character)
        event.set_sender(app)
        driver.send_message(event)
        await pilot.pause()
    await asyncio.sleep(0.6)  # let the last save happen: its CPU counts too
    return (time.process_time() - start) / keys


NARRATIVE_BOX = (46, 24)
"""Width and height of the live screen's narrative box at 110x36 (measured by clerk_run):
the bare TextArea gets the same, since soft wrapping costs more in a narrow box."""


class Bare(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        area = TextArea(self.text, id="bare", soft_wrap=True)
        area.styles.width, area.styles.height = NARRATIVE_BOX
        yield area


async def bare_run(text: str, keys: int) -> float:
    app = Bare(text)
    async with app.run_test(size=(110, 36)) as pilot:
        area = app.query_one("#bare", TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        return await type_keys(app, pilot, keys)


async def clerk_run(root: Path, keys: int) -> float:
    store = Store.open(root)
    app = ClerkApp(store, clock=lambda: datetime(2026, 11, 23, 15, 0))
    try:
        async with app.run_test(size=(110, 36)) as pilot:
            await pilot.pause()
            app.push_screen(LiveMeetingScreen(store.meeting("hwb-2026-11-23")))
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, LiveMeetingScreen)
            area = screen.editor.query_one("#minute-narrative", TextArea)
            global NARRATIVE_BOX
            NARRATIVE_BOX = (area.outer_size.width, area.outer_size.height)
            area.focus()
            area.move_cursor(area.document.end)
            return await type_keys(app, pilot, keys)
    finally:
        store.close()


def save_figures(root: Path, meeting: Meeting, repeat: int) -> tuple[float, float, int]:
    """Median ms to snapshot the meeting (UI thread) and to save it (worker thread); its size."""
    import json

    from clerk_tui.domain.codec import meeting_from_document, to_document

    snapshots, saves = [], []
    with Store.open(root) as store:
        for _ in range(repeat):
            start = time.perf_counter()
            document = to_document(meeting)  # what the saver takes on the UI thread
            snapshots.append(time.perf_counter() - start)
            start = time.perf_counter()
            store.save_meeting(meeting_from_document(document))  # what its worker does
            saves.append(time.perf_counter() - start)
    size = len(json.dumps(to_document(meeting)))
    return statistics.median(snapshots) * 1000, statistics.median(saves) * 1000, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=150, help="keys typed per run")
    parser.add_argument("--runs", type=int, default=5, help="runs of each, alternating")
    args = parser.parse_args()

    meeting = long_meeting()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "store"
        with Store.open(root) as store:
            store.save_committee(Committee("hwb", "Health and Wellbeing Board", noun="the Board"))
            store.save_person(Person("someone", "Someone"))
            store.save_meeting(meeting)
        text = narrative_of(meeting)
        ours, bare = [], []
        for _ in range(args.runs):
            ours.append(asyncio.run(clerk_run(root, args.keys)))  # first: it measures the box
            bare.append(asyncio.run(bare_run(text, args.keys)))
        snapshot_ms, save_ms, size = save_figures(root, meeting, 30)

    lines = text.count("\n") + 1
    print(
        f"Long meeting: 30 minutes, last narrative {lines} lines of text as typed, "
        f"{size / 1024:.0f} KB as JSON; {args.keys} keys x {args.runs} runs each.\n"
    )
    print(f"{'':34}{'median ms/key':>14}{'min':>8}{'max':>8}")
    box = f"bare TextArea, same text, {NARRATIVE_BOX[0]}x{NARRATIVE_BOX[1]}"
    for label, values in ((box, bare), ("clerk live meeting screen", ours)):
        ms = [v * 1000 for v in values]
        print(f"{label:34}{statistics.median(ms):>14.2f}{min(ms):>8.2f}{max(ms):>8.2f}")
    ratio = statistics.median(ours) / statistics.median(bare)
    print(f"\nclerk / bare = {ratio:.2f}x  (CPU per keystroke, saving included)")
    print(
        f"\nOne save of the whole meeting: snapshot on the UI thread {snapshot_ms:.1f} ms, "
        f"write in the worker {save_ms:.1f} ms (median of 30)."
    )
    print("Durable after the clerk pauses: 0.3 s pause + one save; at least every 1.0 s while typing on.")


if __name__ == "__main__":
    main()
