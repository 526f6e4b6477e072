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
        began = time.perf_counter()
        action()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


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
    with tempfile.TemporaryDirectory(prefix="clerk-bench-") as scratch:
        cache = Path(scratch) / "cache"
        os.environ["CLERK_CACHE"] = str(cache)
        root = Path(scratch) / "store"
        build_store(root, args.meetings)

        def empty_cache() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        with Store.open(root, read_only=True) as store:
            first, last, in_year = first_and_last_of_a_year(store)
            print_paper(store, "minutes", last, PAGES)  # fills the cache, where there is one
            plain = median_ms(args.repeat, lambda: print_paper(store, "minutes", last, PLAIN))
            first_ms = median_ms(args.repeat, lambda: print_paper(store, "minutes", first, PAGES))
            warm = median_ms(args.repeat, lambda: print_paper(store, "minutes", last, PAGES))
            cold = median_ms(
                max(3, args.repeat // 3), lambda: print_paper(store, "minutes", last, PAGES), empty_cache
            )
            print_paper(store, "minutes", last, PAGES)

        def fresh_store() -> None:
            with Store.open(root, read_only=True) as opened:
                print_paper(opened, "minutes", last, PAGES)

        opening = median_ms(args.repeat, lambda: Store.open(root, read_only=True).close())
        fresh = median_ms(args.repeat, fresh_store) - opening
        clerk = [sys.executable, "-m", "clerk_tui", "--store", str(root), "export", "minutes", last]
        whole = process_ms(max(3, args.repeat // 3), [*clerk, "--paginate"])
        whole_plain = process_ms(max(3, args.repeat // 3), clerk)
        python = process_ms(max(3, args.repeat // 3), [sys.executable, "-c", "pass"])
    print(
        f"{args.meetings} meetings, one a week; the fullest municipal year holds {in_year}. "
        f"Medians of {args.repeat} runs, in ms."
    )
    print()
    rows = [
        ("plain print, last meeting of the year (baseline)", plain, ""),
        ("--paginate, first meeting of the year", first_ms, f"{first_ms / plain:.2f}x baseline"),
        ("--paginate, last meeting, store open", warm, f"{warm / plain:.2f}x baseline"),
        ("--paginate, last meeting, fresh Store (less open)", fresh, f"{fresh / plain:.2f}x baseline"),
        ("--paginate, last meeting, cache emptied first", cold, f"{cold / plain:.2f}x baseline"),
        ("Store.open read-only", opening, ""),
        ("process: clerk export minutes --paginate", whole, f"{whole / python:.1f}x python"),
        (
            "process: clerk export minutes (no pages)",
            whole_plain,
            f"{whole_plain / python:.1f}x python -c pass",
        ),
        ("process: python -c pass", python, ""),
    ]
    print(f"| {'figure':<52} | {'ms':>8} | {'ratio':<24} |")
    print(f"|{'-' * 54}|{'-' * 10}|{'-' * 26}|")
    for name, value, ratio in rows:
        print(f"| {name:<52} | {value:8.1f} | {ratio:<24} |")
    print()
    worst = max(warm, fresh, first_ms)
    verdict = "met" if worst <= TARGET_MS else "MISSED"
    print(f"--paginate of any meeting in-process: {worst:.1f} ms (target <= {TARGET_MS:.0f} ms: {verdict})")
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
