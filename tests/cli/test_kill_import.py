"""kill -9 of real `clerk import` processes at random moments: all of the file, or none of it."""

from __future__ import annotations

import copy
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store import Store
from tests.cli.helpers import bundle, clerk, write

ROUNDS = int(os.environ.get("CLERK_KILL_ROUNDS", "12"))
COPIES = 150


def big_file(tmp_path: Path) -> tuple[Path, set[str]]:
    document = bundle(meetings=1)
    template = document["meetings"][0]
    document["meetings"] = []
    for number in range(COPIES):
        meeting = copy.deepcopy(template)
        meeting["id"] = f"kill-{number:04d}"
        document["meetings"].append(meeting)
    document["people"].append({**document["people"][0], "id": "only-in-the-file", "name": "Only In The File"})
    return write(tmp_path / "big.json", document), {m["id"] for m in document["meetings"]}


@pytest.mark.crash
def test_a_killed_import_leaves_all_of_it_or_none(tmp_path: Path) -> None:
    seed = int(os.environ.get("CLERK_KILL_SEED", str(random.randrange(10**6))))
    chance = random.Random(seed)
    source, new_ids = big_file(tmp_path)
    base = tmp_path / "base"
    first = write(tmp_path / "first.json", bundle())
    assert clerk("--store", str(base), "import", str(first)).returncode == 0
    # How long one whole import takes here, so the kills fall across all of it.
    timing = tmp_path / "timing"
    subprocess.run(["cp", "-a", str(base), str(timing)], check=True)
    began = time.monotonic()
    assert clerk("--store", str(timing), "import", str(source)).returncode == 0
    whole = time.monotonic() - began
    outcomes = {"none": 0, "all": 0}
    for round_number in range(ROUNDS):
        root = tmp_path / f"round-{round_number}"
        subprocess.run(["cp", "-a", str(base), str(root)], check=True)
        child = subprocess.Popen(
            [sys.executable, "-m", "clerk_tui", "--store", str(root), "import", str(source)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=dict(os.environ),
        )
        time.sleep(chance.uniform(0.2, 1.0) * whole)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        with Store.open(root, auto_backup=False) as store:  # as the next clerk would
            ids = {summary.id for summary in store.meeting_summaries()}
            people = {person.id for person in store.people()}
            assert store.problems == [], (seed, round_number, store.problems)
        imported = new_ids & ids
        assert imported in (set(), new_ids), (seed, round_number, len(imported))
        assert ("only-in-the-file" in people) == bool(imported), (seed, round_number)
        outcomes["all" if imported else "none"] += 1
        assert not (root / "staging").exists()
        assert not [p for p in root.rglob("*.tmp")]
    assert sum(outcomes.values()) == ROUNDS
