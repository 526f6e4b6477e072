"""kill -9 while the clerk types: the next start has every word typed more than half a
second before the kill, in the right minute, and tells the clerk what was recovered."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clerk_tui.domain.narrative import narrative_text
from clerk_tui.screens.live import LiveMeetingScreen
from store import Store
from tests.screens.conftest import SIZE, make_app, settle
from tests.screens.typing_child import TEXT

pytestmark = pytest.mark.slow  # a long journey: `-m 'not slow'` leaves it out of the edit loop

ROOT = Path(__file__).parent.parent.parent
MEETING = "hwb-2019-12-04"


def start_child(store: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.screens.typing_child", str(store), MEETING],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TEXTUAL_ANIMATIONS": "none"},
    )


def acknowledged_after(child: subprocess.Popen[str], seconds: float) -> int:
    """Let the child type for a while, kill it with SIGKILL, return the last ack it printed."""
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready", child.stderr.read() if child.stderr else ""
    deadline = time.monotonic() + seconds
    acked = 0
    os.set_blocking(child.stdout.fileno(), False)
    while time.monotonic() < deadline:
        line = child.stdout.readline()
        if line.startswith("ack "):
            acked = int(line.split()[1])
        else:
            time.sleep(0.01)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    for line in child.stdout.read().splitlines():
        if line.startswith("ack "):
            acked = int(line.split()[1])
    return acked


def store_minutes(root: Path) -> list[str]:
    with Store.open(root, read_only=True) as store:
        return [m.id for m in store.meeting(MEETING).minutes]


async def test_kill_minus_nine_mid_typing_loses_nothing_acknowledged(demo_store: Store) -> None:
    root = demo_store.root
    demo_store.close()
    rng = random.Random(20261123)
    for run in range(3):
        acked = acknowledged_after(start_child(root), rng.uniform(2.5, 5.0))
        with Store.open(root, read_only=True) as store:
            minute = store.meeting(MEETING).minutes[-1]  # each run takes the next item
        on_disk = narrative_text(minute.narrative)
        assert acked > 0
        assert len(store_minutes(root)) == run + 1
        # the whole acknowledged text is there, and nothing that was never typed
        assert " ".join(on_disk.split()).startswith(" ".join(TEXT[:acked].split())), (acked, on_disk[-80:])
        assert " ".join(TEXT.split()).startswith(" ".join(on_disk.split()))

    # The next start says what happened and opens the minute exactly as it was saved.
    store = Store.open(root)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert any(n.title == "Recovered" for n in app._notifications)
        app.push_screen(LiveMeetingScreen(store.meeting(MEETING)))
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LiveMeetingScreen)
        assert screen.current_minute == store.meeting(MEETING).minutes[-1].id  # resumes where it was
        shown = screen.editor.query_one("#minute-narrative").text  # type: ignore[attr-defined]
        assert shown == on_disk
    store.close()
