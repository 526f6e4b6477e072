"""What Word and PDF papers cost, against the text export measured in the same run, and
what numbering minute-book pages costs as a municipal year fills up.

    python benchmarks/bench_papers.py              # 5 repeats of each
    python benchmarks/bench_papers.py --repeat 9

Minute-book pages run on through the year, so the PDF of a year's eighth meeting counts
the pages of the seven before it. Signed minutes carry their first page frozen, so the
count starts from the latest signed set: the cost stays flat once earlier minutes are
signed. Both cases are printed.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from clerk_tui import records
from clerk_tui.cli_papers import paper_file
from clerk_tui.domain import MeetingStatus
from clerk_tui.exporting import print_paper
from clerk_tui.render import PrintOptions
from store import Store
from tests.fixtures import hwb_2019, hwb_2019_06_12

MEETINGS = 8


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def year_of_meetings(store: Store) -> list[str]:
    """Eight sets of the June 2019 minutes, a month apart, all in 2019/20."""
    for person in hwb_2019.people():
        store.save_person(person)
    store.save_committee(hwb_2019.committee())
    ids = []
    for month in range(MEETINGS):
        held = date(2019, 6, 12) + timedelta(days=30 * month)
        meeting = replace(hwb_2019_06_12.meeting(), id=f"hwb-2019-{month:02d}", date=held)
        meeting.first_minute_number = None
        meeting.status = MeetingStatus.MINUTES_DRAFTED
        store.save_meeting(meeting)
        ids.append(meeting.id)
    return ids


def sign_all_but_last(store: Store, ids: list[str]) -> None:
    for minuted, confirming in zip(ids[:-2], ids[1:-1], strict=True):
        records.circulate(store, minuted, date(2019, 6, 20))
        records.confirm(store, minuted, confirming)
        records.sign(store, minuted)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "s", backups_to_keep=0) as store:
        ids = year_of_meetings(store)
        first = ids[0]
        text = median_seconds(lambda: print_paper(store, "minutes", first, PrintOptions()), repeat)
        pdf = median_seconds(lambda: paper_file(store, "minutes", first, "pdf"), repeat)
        docx = median_seconds(lambda: paper_file(store, "minutes", first, "docx"), repeat)
        print(
            f"one set of minutes (9 pages): text {text * 1000:.0f} ms, PDF {pdf * 1000:.0f} ms, "
            f"Word {docx * 1000:.0f} ms; PDF/text {pdf / text:.0f}x, Word/text {docx / text:.0f}x"
        )
        last = ids[-1]
        unsigned = median_seconds(lambda: paper_file(store, "minutes", last, "pdf"), max(1, repeat // 2))
        sign_all_but_last(store, ids)
        signed = median_seconds(lambda: paper_file(store, "minutes", last, "pdf"), max(1, repeat // 2))
        print(
            f"PDF of the year's meeting {MEETINGS}: {unsigned:.2f} s with the {MEETINGS - 1} before it "
            f"unsigned, {signed:.2f} s once they are signed ({unsigned / signed:.1f}x)"
        )


if __name__ == "__main__":
    main()
