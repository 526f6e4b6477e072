"""How long ``--paginate`` takes for any meeting of a 500-meeting store.

Run by hand (not part of pytest)::

    . .venv/bin/activate
    python benchmarks/bench_paginate.py               # 15 repeats
    python benchmarks/bench_paginate.py --repeat 30 --meetings 500

Minute-book pages run on through the municipal year, so the first page of a meeting's
minutes depends on how many pages every earlier meeting of the year printed. The store
holds one committee meeting every week (about 52 meetings a municipal year, each like
those of ``bench_store.py``: 12 minutes of several paragraphs). Figures, each a median:

* plain print of the last meeting of a year (no pages): the baseline, the cost of
  printing that one meeting at all;
* ``--paginate`` of the first meeting of that year (nothing earlier to count);
* ``--paginate`` of the last meeting of that year, in-process with the store open;
* the same with a fresh ``Store`` each time (what a new ``clerk export`` process does);
* the whole ``clerk export minutes ID --paginate`` process, against ``python -c pass``.

Target (issue 8): ``--paginate`` of any meeting <= 50 ms in-process at 500 meetings.
The page counts are cached in ``$CLERK_CACHE`` (here a temporary folder); the first
paginate after a change renders what changed once. The cold figure (cache emptied before
each run) is printed too: it is what every run cost before the cache.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_store import build_meeting  # noqa: E402

from clerk_tui.domain import Committee, Membership, Person, Role  # noqa: E402
from clerk_tui.domain.numbering import municipal_year  # noqa: E402
from clerk_tui.exporting import print_paper  # noqa: E402
from clerk_tui.render import PrintOptions  # noqa: E402
from store import Store  # noqa: E402

PAGES = PrintOptions(width=80, paginate=True)
PLAIN = PrintOptions(width=80)
TARGET_MS = 50.0


def build_store(root: Path, count: int) -> None:
    with Store.open(root) as store:
        for number in range(20):
            store.save_person(Person(f"person-{number}", f"Member Number{number}", councillor=number < 8))
        members = [Membership(f"person-{n}", Role.CHAIR if n == 0 else Role.MEMBER) for n in range(14)]
        store.save_committee(
            Committee("hwb", "Health and Wellbeing Board", noun="the Board", members=members)
        )
        for number in range(count):
            store.save_meeting(build_meeting(number))


def first_and_last_of_a_year(store: Store) -> tuple[str, str, int]:
    """The first and last meetings of the fullest municipal year, and how many it holds."""
    style = store.committee("hwb").style
    years: dict[int, list[str]] = {}
    for summary in store.meeting_summaries("hwb"):
        years.setdefault(municipal_year(summary.date, style), []).append(summary.id)
    fullest = max(years.values(), key=len)
    return fullest[0], fullest[-1], len(fullest)


def median_ms(repeat: int, action: Callable[[], object], before: Callable[[], None] | None = None) -> float:
    samples = []
    for _ in range(repeat):
        if before is not None:
            before()
        samples.append(measured(action).wall)
    return statistics.median(samples)


@dataclass(frozen=True)
class Sample:
    wall: float
    cpu: float
    """time.process_time: the work itself, which other processes on a busy machine do not inflate."""


def measured(action: Callable[[], object]) -> Sample:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return Sample((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000)


def interleaved(repeat: int, figures: dict[str, Callable[[], Sample]]) -> dict[str, Sample]:
    """Median of each figure, taken in turns so that a busy moment hits them all alike."""
    samples: dict[str, list[Sample]] = {name: [] for name in figures}
    for _ in range(repeat):
        for name, figure in figures.items():
            samples[name].append(figure())
    return {
        name: Sample(statistics.median(s.wall for s in values), statistics.median(s.cpu for s in values))
        for name, values in samples.items()
    }


def process_ms(repeat: int, command: list[str]) -> float:
    def run() -> None:
        subprocess.run(command, check=True, capture_output=True, env=dict(os.environ))

    run()  # warm the page cache of the disk and of clerk
    return median_ms(repeat, run)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--meetings", type=int, default=500)
    args = parser.parse_args()
    few = max(3, args.repeat // 3)
    with tempfile.TemporaryDirectory(prefix="clerk-bench-") as scratch:
        cache = Path(scratch) / "cache"
        os.environ["CLERK_CACHE"] = str(cache)
        root = Path(scratch) / "store"
        build_store(root, args.meetings)
        with Store.open(root, read_only=True) as store:
            first, last, in_year = first_and_last_of_a_year(store)
            print_paper(store, "minutes", last, PAGES)  # fills the cache, where there is one

            def fresh_store() -> Sample:
                """A new Store, as a new `clerk export` process has (its opening not timed)."""
                with Store.open(root, read_only=True) as opened:
                    return measured(lambda: print_paper(opened, "minutes", last, PAGES))

            figures = interleaved(
                args.repeat,
                {
                    "plain print, last meeting of the year (baseline)": lambda: measured(
                        lambda: print_paper(store, "minutes", last, PLAIN)
                    ),
                    "--paginate, first meeting of the year": lambda: measured(
                        lambda: print_paper(store, "minutes", first, PAGES)
                    ),
                    "--paginate, last meeting, store open": lambda: measured(
                        lambda: print_paper(store, "minutes", last, PAGES)
                    ),
                    "--paginate, last meeting, a fresh Store": fresh_store,
                },
            )

            def cold() -> Sample:
                shutil.rmtree(cache, ignore_errors=True)
                return measured(lambda: print_paper(store, "minutes", last, PAGES))

            figures |= interleaved(few, {"--paginate, last meeting, cache emptied first": cold})
        opening = median_ms(args.repeat, lambda: Store.open(root, read_only=True).close())
        clerk = [sys.executable, "-m", "clerk_tui", "--store", str(root), "export", "minutes", last]
        whole = process_ms(few, [*clerk, "--paginate"])
        whole_plain = process_ms(few, clerk)
        python = process_ms(few, [sys.executable, "-c", "pass"])
    print(
        f"{args.meetings} meetings, one a week; the fullest municipal year holds {in_year}. "
        f"Medians of {args.repeat} runs taken in turns ({few} for the emptied cache and processes), in ms."
    )
    print()
    baseline = next(iter(figures.values()))
    print(f"| {'figure (in-process)':<50} | {'wall':>7} | {'CPU':>7} | {'CPU / baseline':>14} |")
    print(f"|{'-' * 52}|{'-' * 9}|{'-' * 9}|{'-' * 16}|")
    for name, sample in figures.items():
        print(f"| {name:<50} | {sample.wall:7.1f} | {sample.cpu:7.1f} | {sample.cpu / baseline.cpu:13.2f}x |")
    print()
    print(f"| {'figure (whole process, wall)':<50} | {'ms':>7} | {'/ python -c pass':>16} |")
    print(f"|{'-' * 52}|{'-' * 9}|{'-' * 18}|")
    for name, value in (
        ("Store.open read-only (in-process)", opening),
        ("clerk export minutes LAST --paginate", whole),
        ("clerk export minutes LAST", whole_plain),
        ("python -c pass", python),
    ):
        print(f"| {name:<50} | {value:7.1f} | {value / python:15.1f}x |")
    print()
    paged = [sample for name, sample in figures.items() if "--paginate" in name and "emptied" not in name]
    worst_wall, worst_cpu = max(s.wall for s in paged), max(s.cpu for s in paged)
    met = worst_cpu <= TARGET_MS
    print(
        f"--paginate of any meeting in-process: {worst_cpu:.1f} ms CPU, {worst_wall:.1f} ms wall "
        f"(target <= {TARGET_MS:.0f} ms: {'met' if met else 'MISSED'} on CPU; wall counts other processes)"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
