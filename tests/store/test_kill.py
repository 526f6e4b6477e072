"""kill -9 at random moments: the store always opens and every acknowledged save is there.

Several children (each on its own store) run in parallel; each is SIGKILLed at a
random moment, mostly mid-loop and sometimes while still opening the store. After
each kill the parent reopens the store (as the app would on restart), checks every
edit the child acknowledged so far, and that the index agrees with the meeting
files. Set CLERK_KILL_SEED to replay a failing run; CLERK_KILL_ROUNDS to run longer.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from clerk_tui.domain import MeetingSummary
from store import Store

CHILD = Path(__file__).with_name("kill_child.py")
WORKERS = 3
ROUNDS = int(os.environ.get("CLERK_KILL_ROUNDS", "36"))  # per worker: 108 kills in all


@dataclass
class Acks:
    attendance: dict[str, set[str]] = field(default_factory=dict)
    minutes: dict[str, set[str]] = field(default_factory=dict)
    meetings: set[str] = field(default_factory=set)
    count: int = 0


@dataclass
class Tally:
    kills: int = 0
    early_kills: int = 0
    acks: int = 0
    stray_temp_files: int = 0
    failures: list[str] = field(default_factory=list)


def parse(line: str, acks: Acks) -> None:
    _, number, kind, meeting_id = line.split()
    acks.count += 1
    if kind == "att":
        acks.attendance.setdefault(meeting_id, set()).add(f"c{number}")
    elif kind == "min":
        acks.minutes.setdefault(meeting_id, set()).add(f"minute-{number}")
    else:
        acks.meetings.add(meeting_id)


def verify(root: Path, acks: Acks, where: str) -> None:
    with Store.open(root, backups_to_keep=2) as store:
        assert store.problems == [], f"{where}: {store.problems}"
        leftovers = [p.name for p in root.rglob("*.tmp")]
        assert leftovers == [], f"{where}: temp files left after open: {leftovers}"
        touched = set(acks.attendance) | set(acks.minutes) | acks.meetings
        summaries = {s.id: s for s in store.meeting_summaries()}
        for meeting_id in sorted(touched):
            meeting = store.meeting(meeting_id)
            assert summaries.get(meeting_id) == MeetingSummary.of(meeting), (
                f"{where}: index disagrees with {meeting_id}"
            )
            people = {event.person_id for event in meeting.attendance}
            missing = acks.attendance.get(meeting_id, set()) - people
            assert not missing, f"{where}: acknowledged attendance lost: {sorted(missing)[:5]}"
            minute_ids = {minute.id for minute in meeting.minutes}
            missing = acks.minutes.get(meeting_id, set()) - minute_ids
            assert not missing, f"{where}: acknowledged minutes lost: {sorted(missing)[:5]}"
        missing = acks.meetings - set(summaries)
        assert not missing, f"{where}: acknowledged new meetings lost: {sorted(missing)[:5]}"


def worker(number: int, root: Path, seed: int, tally: Tally, guard: threading.Lock) -> None:
    rng = random.Random(seed * 1000 + number)
    acks = Acks()
    log = root.parent / f"child-{number}.stderr"
    for round_number in range(ROUNDS):
        where = f"seed {seed}, worker {number}, round {round_number}"
        target = f"k-{round_number % 6}"
        start = round_number * 1_000_000
        early = rng.random() < 0.12
        with open(log, "wb") as errors:
            child = subprocess.Popen(
                [sys.executable, str(CHILD), str(root), target, str(start)],
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
            )
            assert child.stdout is not None
            try:
                if early:  # somewhere in start-up: open, backup, index repair
                    time.sleep(rng.uniform(0.0, 0.35))
                else:
                    ready = child.stdout.readline()
                    assert ready.strip() == "ready", f"{where}: child said {ready!r}"
                    time.sleep(rng.uniform(0.002, 0.25))
                os.kill(child.pid, signal.SIGKILL)
                output = child.stdout.read()
                code = child.wait(timeout=30)
            finally:
                if child.poll() is None:
                    child.kill()
                    child.wait()
                child.stdout.close()
        if code != -signal.SIGKILL:
            raise AssertionError(f"{where}: child ended by itself ({code}): {log.read_text()}")
        for line in output.splitlines(keepends=True):
            if line.startswith("ack ") and line.endswith("\n"):
                parse(line, acks)
        stray = len(list(root.rglob("*.tmp")))  # a kill mid-write leaves one; the next open clears it
        verify(root, acks, where)
        with guard:
            tally.kills += 1
            tally.early_kills += early
            tally.stray_temp_files += stray
    with guard:
        tally.acks += acks.count


@pytest.mark.slow
@pytest.mark.crash
def test_kill_nine_never_loses_an_acknowledged_save(tmp_path: Path) -> None:
    seed = int(os.environ.get("CLERK_KILL_SEED", str(random.randrange(1_000_000))))
    tally = Tally()
    guard = threading.Lock()

    def run(number: int) -> None:
        try:
            worker(number, tmp_path / f"store-{number}", seed, tally, guard)
        except BaseException as error:  # reported below, with the seed
            with guard:
                tally.failures.append(f"{type(error).__name__}: {error}")

    began = time.monotonic()
    threads = [threading.Thread(target=run, args=(n,)) for n in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.monotonic() - began
    summary = (
        f"seed {seed} (replay with CLERK_KILL_SEED={seed}): {tally.kills} kills "
        f"({tally.early_kills} during start-up), {tally.acks} acknowledged saves, "
        f"{tally.stray_temp_files} temp files left by kills, {took:.1f} s"
    )
    print(summary)
    assert not tally.failures, summary + "\n" + "\n".join(tally.failures)
    assert tally.kills >= 100, summary
    assert tally.acks > tally.kills, summary  # the kills landed mid-loop, not only at start-up
