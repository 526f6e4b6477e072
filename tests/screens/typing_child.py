"""Run by test_kill_while_typing: the app, headless, on a store, typing minutes without
end. After each burst it waits half a second (the promise: durable within 0.5 s of the
clerk pausing) and prints "ack N": the first N characters are now on disk."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from clerk_tui.app import ClerkApp
from clerk_tui.domain.lifecycle import NOT_YET_HELD
from clerk_tui.screens.confirm import ConfirmScreen
from clerk_tui.screens.live import LiveMeetingScreen
from store import Store
from tests.screens.conftest import SIZE, frozen_clock
from tests.screens.keys import type_text

TEXT = (
    "The Board considered the report of the Chief Executive which provided an update on the "
    "Better Care Fund. The report highlighted that the plan had been submitted on time. "
) * 40


async def main(root: Path, meeting_id: str) -> None:
    store = Store.open(root)
    app = ClerkApp(store, clock=frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        meeting = store.meeting(meeting_id)
        app.push_screen(LiveMeetingScreen(meeting))
        await pilot.pause()
        if meeting.status in NOT_YET_HELD:  # "... take it live now?"
            while not isinstance(app.screen, ConfirmScreen):
                await pilot.pause(0.05)
            await pilot.press("y")
            await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        typed = 0
        print("ready", flush=True)
        while typed < len(TEXT):
            burst = TEXT[typed : typed + 37]
            await type_text(pilot, burst)
            typed += len(burst)
            await asyncio.sleep(0.5)
            print(f"ack {typed}", flush=True)
    store.close()


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), sys.argv[2]))
