"""How long persisting one edit takes, with 5 and with 500 meetings stored.

Run by hand (not part of pytest)::

    . .venv/bin/activate
    python benchmarks/bench_store.py            # 40 repeats
    python benchmarks/bench_store.py --repeat 50 --keep /tmp/bench-stores

The edit is what a clerk does all meeting long: append one attendance event to the
meeting on screen and save it. Three set-ups:

* ours, 5 meetings / ours, 500 meetings: ``Store.save_meeting`` (per-meeting file,
  atomic write with fsync; includes ``to_document`` and the read-back check);
* stock, 500 meetings: TinyDB's default ``JSONStorage`` with all 500 meetings as
  documents of one table in one file; ``to_document`` + ``table.update`` of that one
  document (TinyDB rewrites the whole file).

Targets: ours-500 / ours-5 <= 1.5x; stock-500 / ours-500 >= 20x.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path

from tinydb import TinyDB

from clerk_tui.domain import (
    AgendaItem,
    AttendanceEvent,
    Block,
    BlockKind,
    Committee,
    EventKind,
    ItemKind,
    Meeting,
    MeetingStatus,
    Minute,
    PageRange,
    Resolution,
    Venue,
)
from clerk_tui.domain.codec import from_document, to_document
from store import Store
from store.files import atomic_write

TEXT = (
    "the board considered the report of the director of public health which set out progress "
    "against the priorities of the health and wellbeing strategy including the better care fund "
    "plan the children and young people's plan and the work of the integrated care partnership "
    "members asked about waiting times for assessment and the officer undertook to provide a "
    "written response to all members of the board"
)
WORDS = TEXT.split(" ")


def sentence(seed: int, words: int) -> str:
    picked = [WORDS[(seed * 7 + i * 13) % len(WORDS)] for i in range(words)]
    return " ".join(picked).capitalize() + "."


def paragraph(seed: int) -> str:
    return " ".join(sentence(seed + i, 16 + (seed + i) % 9) for i in range(2))


def build_meeting(number: int) -> Meeting:
    """~12 items, ~20 attendance events, ~12 minutes of several paragraphs each."""
    day = date(2015, 1, 7) + timedelta(days=7 * number)
    meeting = Meeting(
        f"hwb-{day.isoformat()}-{number}",
        "hwb",
        day,
        start=clock(14, 0),
        venue=Venue("Committee Room", "Bootle Town Hall", "Trinity Road, Bootle, L20 7AE"),
        status=MeetingStatus.MINUTES_DRAFTED,
    )
    kinds = [ItemKind.APOLOGIES, ItemKind.DECLARATIONS, ItemKind.PREVIOUS_MINUTES]
    for item in range(12):
        meeting.add_item(
            AgendaItem(
                f"item-{item + 1}",
                sentence(number + item, 5).rstrip("."),
                kind=kinds[item] if item < 3 else ItemKind.SUBSTANTIVE,
                pages=PageRange(10 * item + 1, 10 * item + 9) if item >= 3 else None,
                report_of="the Director of Public Health" if item >= 3 else "",
                description=sentence(number * 3 + item, 12) if item >= 3 else "",
            )
        )
    for person in range(20):
        kind = EventKind.PRESENT if person < 14 else EventKind.APOLOGIES
        meeting.attendance.append(AttendanceEvent(f"person-{person}", kind, at=clock(14, person % 60)))
    for minute in range(12):
        narrative = [Block(BlockKind.PARAGRAPH, text=paragraph(number + minute * 5 + p)) for p in range(3)]
        narrative.append(Block(BlockKind.BULLETS, items=[sentence(minute + b, 10) for b in range(3)]))
        meeting.minutes.append(
            Minute(
                f"minute-{minute + 1}",
                sentence(number + minute, 5).rstrip("."),
                item_id=f"item-{minute + 1}",
                narrative=narrative,
                resolution=Resolution(
                    [sentence(minute, 9).rstrip("."), sentence(minute + 1, 11).rstrip(".")]
                ),
            )
        )
    return meeting


def timed(repeat: int, action: Callable[[], None]) -> list[float]:
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        samples.append((time.perf_counter() - began) * 1000)
    return samples


def build_store(root: Path, count: int) -> None:
    with Store.open(root) as store:
        store.save_committee(Committee("hwb", "Health and Wellbeing Board"))
        for number in range(count):
            store.save_meeting(build_meeting(number))


def ours(folder: Path, counts: tuple[int, ...], repeat: int) -> dict[int, dict[str, float]]:
    """Edits on stores of each size, interleaved so drift (CPU clock, cache) hits all alike."""
    stores: dict[int, Store] = {}
    edits: dict[int, Callable[[], None]] = {}
    results: dict[int, dict[str, float]] = {}
    try:
        for count in counts:
            root = folder / f"ours-{count}"
            build_store(root, count)
            began = time.perf_counter()
            store = stores[count] = Store.open(root)
            opened = (time.perf_counter() - began) * 1000
            target = store.meeting_summaries()[count // 2].id
            size = (root / "meetings" / f"{target}.json").stat().st_size
            results[count] = {"open": opened, "size": size}
            edits[count] = _editor(store, store.meeting(target))
        samples: dict[int, list[float]] = {count: [] for count in counts}
        for count in counts:
            timed(5, edits[count])  # warm-up, not counted
        for _ in range(repeat):
            for count in counts:
                samples[count] += timed(1, edits[count])
        for count in counts:
            results[count]["median"] = statistics.median(samples[count])
            results[count]["p90"] = statistics.quantiles(samples[count], n=10)[-1]
    finally:
        for store in stores.values():
            store.close()
    return results


def _editor(store: Store, meeting: Meeting) -> Callable[[], None]:
    counter = iter(range(10**9))

    def edit() -> None:
        meeting.attendance.append(AttendanceEvent(f"visitor-{next(counter)}", EventKind.ARRIVED))
        store.save_meeting(meeting)

    return edit


def stock(folder: Path, count: int, repeat: int) -> tuple[list[float], int]:
    path = folder / f"stock-{count}.json"
    meetings = [build_meeting(number) for number in range(count)]
    with TinyDB(path) as db:
        table = db.table("meetings")
        # One write for the set-up (insert_multiple), then one whole-file write per edit.
        doc_ids = table.insert_multiple(json.loads(json.dumps(to_document(m))) for m in meetings)
        meeting = meetings[count // 2]
        doc_id = doc_ids[count // 2]
        counter = iter(range(10**9))

        def edit() -> None:
            meeting.attendance.append(AttendanceEvent(f"visitor-{next(counter)}", EventKind.ARRIVED))
            table.update(to_document(meeting), doc_ids=[doc_id])

        timed(3, edit)  # warm-up, not counted
        samples = timed(repeat, edit)
    return samples, path.stat().st_size


def breakdown(folder: Path, repeat: int) -> dict[str, float]:
    meeting = build_meeting(250)
    document = to_document(meeting)
    payload = json.dumps({"meeting": {"1": document}}, ensure_ascii=False, indent=2).encode()
    target = folder / "breakdown.json"
    parts = {
        "to_document": lambda: to_document(meeting),
        "read-back check (from_document)": lambda: from_document(document, Meeting),
        "json.dumps (indent 2)": lambda: json.dumps({"meeting": {"1": document}}, indent=2),
        "atomic write + fsync x2": lambda: atomic_write(target, payload),
        "json.loads (cache refresh)": lambda: json.loads(payload),
    }
    return {name: statistics.median(timed(repeat, action)) for name, action in parts.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--keep", type=Path, help="build the stores here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="clerk-bench-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        results = ours(folder, (5, 500), args.repeat)
        stock500, stock_size = stock(folder, 500, args.repeat)
        parts = breakdown(folder, args.repeat)
    m5, m500 = results[5]["median"], results[500]["median"]
    s500 = statistics.median(stock500)
    compact = len(json.dumps(to_document(build_meeting(250))))
    print(
        f"One edit = append an attendance event + save, {args.repeat} repeats each. Meeting file "
        f"{results[500]['size'] / 1024:.0f} KB on disk ({compact / 1024:.0f} KB compact JSON); "
        f"stock file {stock_size / 1024 / 1024:.1f} MB."
    )
    print()
    print(f"| {'set-up':<28} | {'median ms':>9} | {'p90 ms':>8} |")
    print(f"|{'-' * 30}|{'-' * 11}|{'-' * 10}|")
    print(f"| {'ours, 5 meetings':<28} | {m5:9.2f} | {results[5]['p90']:8.2f} |")
    print(f"| {'ours, 500 meetings':<28} | {m500:9.2f} | {results[500]['p90']:8.2f} |")
    stock_p90 = statistics.quantiles(stock500, n=10)[-1]
    print(f"| {'stock JSONStorage, 500':<28} | {s500:9.2f} | {stock_p90:8.2f} |")
    print()
    ok_scale = m500 / m5 <= 1.5
    ok_stock = s500 / m500 >= 20
    verdict_scale = "met" if ok_scale else "MISSED"
    verdict_stock = "met" if ok_stock else "MISSED"
    print(f"ours-500 / ours-5    = {m500 / m5:6.2f}x  (target <= 1.5x: {verdict_scale})")
    print(f"stock-500 / ours-500 = {s500 / m500:6.1f}x  (target >= 20x: {verdict_stock})")
    print(
        f"Store.open: {results[5]['open']:.1f} ms with 5 meetings, "
        f"{results[500]['open']:.1f} ms with 500 (lock, backup by hard links, index check)"
    )
    print()
    print("Where one save of ours goes (median ms, one meeting):")
    for name, value in parts.items():
        print(f"  {name:<34} {value:7.3f}")
    return 0 if ok_scale and ok_stock else 1


if __name__ == "__main__":
    sys.exit(main())
