"""The store at a council's scale: importing, opening, one edit, one export, at 5, 500
and 5,000 meetings.

Run by hand (not part of pytest)::

    . .venv/bin/activate
    python benchmarks/bench_store.py                     # 5, 500 and 5,000 meetings
    python benchmarks/bench_store.py --sizes 5,500 --repeat 20 --keep /tmp/bench-stores

It runs unchanged against older versions of the store (it looks for what the API
offers), so a before/after comparison is: this script in a checkout of the old commit,
then in the new one, on the same machine.

Figures (medians; each a ratio against a baseline measured in the same run):

* import N meetings: ``read_import_files`` + ``store_bundles`` (what ``clerk import``
  does) of one interchange file holding them, into an empty store. Target: 5,000 <= 60 s.
* ``Store.open`` writable and read-only, after a session that changed one meeting (as a
  clerk's day goes). Target: writable at 5,000 <= 50 ms.
* one durable edit: append an attendance event to one meeting and save it (atomic write
  with fsync), interleaved across sizes. Target: <= 5 ms, and 5,000 / 5 <= 1.5x.
* stock TinyDB ``JSONStorage`` with 500 meetings in one file, the same edit: ours must be
  at least 20x cheaper.
* the whole ``clerk export minutes`` process on the 500-meeting store, against
  ``python -c pass``. Target: <= 4x (and <= 100 ms on a quiet machine).
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import shutil
import statistics
import subprocess
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
    Person,
    Resolution,
    Venue,
)
from clerk_tui.domain.codec import from_document, to_document
from clerk_tui.exporting import read_import_files, store_bundles
from store import Store
from store.files import atomic_write

NEW_API = "auto_backup" in inspect.signature(Store.open).parameters
"""This store backs up in the background (the open takes no backup); older ones back up in open."""

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


def timed(repeat: int, action: Callable[[], object]) -> list[float]:
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        samples.append((time.perf_counter() - began) * 1000)
    return samples


def write_bundle(path: Path, count: int) -> None:
    document = {
        "format": "clerk-meetings",
        "version": 1,
        "committees": [to_document(Committee("hwb", "Health and Wellbeing Board"))],
        "people": [to_document(Person(f"person-{number}", f"Person {number}")) for number in range(20)],
        "meetings": [to_document(build_meeting(number)) for number in range(count)],
    }
    path.write_text(json.dumps(document), encoding="utf-8")


def open_store(root: Path, *, read_only: bool = False) -> Store:
    if NEW_API:
        return Store.open(root, read_only=read_only, auto_backup=False)
    return Store.open(root, read_only=read_only)


def import_into(root: Path, source: Path) -> float:
    """Seconds for what `clerk import FILE` does, into an empty store."""
    began = time.perf_counter()
    with open_store(root) as store:
        store_bundles(store, read_import_files(store, [source]))
    return time.perf_counter() - began


def opens(root: Path, repeat: int) -> dict[str, float]:
    """Open after a session that changed one meeting: the open a clerk meets each morning."""
    target = None
    samples: dict[str, list[float]] = {"writable": [], "read-only": []}
    for number in range(repeat):
        with open_store(root) as store:
            target = target or store.meeting_summaries()[0].id
            meeting = store.meeting(target)
            meeting.attendance.append(AttendanceEvent(f"visitor-{number}", EventKind.ARRIVED))
            store.save_meeting(meeting)
        began = time.perf_counter()
        store = Store.open(root)  # as the app opens it (in this version: backup in the background)
        samples["writable"].append((time.perf_counter() - began) * 1000)
        store.close()
        began = time.perf_counter()
        open_store(root, read_only=True).close()
        samples["read-only"].append((time.perf_counter() - began) * 1000)
    return {kind: statistics.median(values) for kind, values in samples.items()}


def backup_costs(root: Path) -> dict[str, float]:
    """This version's backups, off the open path: the first (copies) and the next (links)."""
    if not NEW_API:
        return {}
    with Store.open(root, auto_backup=False) as store:
        began = time.perf_counter()
        store.take_backup()
        first = (time.perf_counter() - began) * 1000
        meeting = store.meeting(store.meeting_summaries()[0].id)
        meeting.attendance.append(AttendanceEvent("one-more", EventKind.ARRIVED))
        store.save_meeting(meeting)
        began = time.perf_counter()
        store.take_backup()
        second = (time.perf_counter() - began) * 1000
    return {"first backup": first, "next backup": second}


def ours(stores: dict[int, Path], repeat: int) -> dict[int, dict[str, float]]:
    """Edits on stores of each size, interleaved so drift (CPU clock, cache) hits all alike."""
    opened: dict[int, Store] = {}
    edits: dict[int, Callable[[], None]] = {}
    results: dict[int, dict[str, float]] = {}
    try:
        for count, root in stores.items():
            store = opened[count] = open_store(root)
            target = store.meeting_summaries()[count // 2].id
            size = (root / "meetings" / f"{target}.json").stat().st_size
            results[count] = {"size": size}
            edits[count] = _editor(store, store.meeting(target))
        samples: dict[int, list[float]] = {count: [] for count in stores}
        for count in stores:
            timed(5, edits[count])  # warm-up, not counted
        for _ in range(repeat):
            for count in stores:
                samples[count] += timed(1, edits[count])
        for count in stores:
            results[count]["median"] = statistics.median(samples[count])
            results[count]["p90"] = statistics.quantiles(samples[count], n=10)[-1]
    finally:
        for store in opened.values():
            store.close()
    return results


def process_ms(command: list[str], repeat: int) -> float:
    def run() -> None:
        subprocess.run(
            command, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "CLERK_LOG": os.devnull}
        )

    run()  # warm the page cache
    return statistics.median(timed(repeat, run))


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
        "json.dumps (indent 2: the old files)": lambda: json.dumps({"meeting": {"1": document}}, indent=2),
        "json.dumps (compact, C encoder)": lambda: json.dumps(
            {"meeting": {"1": document}}, separators=(",", ":")
        ),
        "atomic write + fsync x2": lambda: atomic_write(target, payload),
        "json.loads (cache refresh)": lambda: json.loads(payload),
    }
    return {name: statistics.median(timed(repeat, action)) for name, action in parts.items()}


def row(figure: str, clerk: str, baseline: str = "", ratio: str = "", goal: str = "") -> str:
    return f"| {figure:<38} | {clerk:>12} | {baseline:>12} | {ratio:>8} | {goal:<22} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--sizes", default="5,500,5000", help="store sizes, comma-separated")
    parser.add_argument("--keep", type=Path, help="build the stores here and keep them")
    parser.add_argument(
        "--reuse",
        type=Path,
        help="copy DIR/store-N (from an earlier --keep) instead of importing N meetings, for a "
        "version whose import of 5,000 takes hours",
    )
    args = parser.parse_args()
    sizes = tuple(int(size) for size in args.sizes.split(","))
    lines = [
        row("figure", "clerk", "baseline", "ratio", "goal"),
        f"|{'-' * 40}|{'-' * 14}|{'-' * 14}|{'-' * 10}|{'-' * 24}|",
    ]
    with tempfile.TemporaryDirectory(prefix="clerk-bench-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        stores: dict[int, Path] = {}
        for count in sizes:
            stores[count] = folder / f"store-{count}"
            reused = args.reuse / f"store-{count}" if args.reuse else None
            if reused is not None and reused.is_dir():
                shutil.copytree(reused, stores[count], symlinks=True)
                lines.append(row(f"import {count} meetings (s)", "(reused)"))
                continue
            source = folder / f"bundle-{count}.json"
            write_bundle(source, count)
            seconds = import_into(stores[count], source)
            goal = "<= 60 s" if count == 5000 else ""
            lines.append(row(f"import {count} meetings (s)", f"{seconds:.1f}", "", "", goal))
        opened = {count: opens(root, args.repeat) for count, root in stores.items()}
        smallest, largest = min(sizes), max(sizes)
        for kind in ("writable", "read-only"):
            for count in sizes:
                value = opened[count][kind]
                ratio = f"{value / opened[smallest][kind]:.1f}x" if count != smallest else ""
                goal = "<= 50 ms" if kind == "writable" and count == 5000 else ""
                base = f"{opened[smallest][kind]:.1f}" if count != smallest else ""
                lines.append(row(f"Store.open {kind}, {count} (ms)", f"{value:.1f}", base, ratio, goal))
        for name, value in backup_costs(stores[largest]).items():
            lines.append(row(f"{name}, {largest}, background (ms)", f"{value:.0f}"))
        edits = ours(stores, args.repeat * 3)
        for count in sizes:
            edit = edits[count]["median"]
            first = edits[smallest]["median"]
            ratio = f"{edit / first:.2f}x" if count != smallest else ""
            goal = "<= 5 ms, <= 1.5x" if count == largest else "<= 5 ms"
            lines.append(
                row(
                    f"durable edit, {count} (ms, p90 {edits[count]['p90']:.1f})",
                    f"{edit:.2f}",
                    f"{first:.2f}" if count != smallest else "",
                    ratio,
                    goal,
                )
            )
        stock500, _ = stock(folder, 500, args.repeat)
        middle = 500 if 500 in edits else largest
        s500 = statistics.median(stock500)
        lines.append(
            row(
                "stock JSONStorage edit, 500 (ms)",
                f"{edits[middle]['median']:.2f}",
                f"{s500:.2f}",
                f"{s500 / edits[middle]['median']:.0f}x",
                ">= 20x cheaper",
            )
        )
        target = Store.open(stores[middle], read_only=True)
        meeting_id = target.meeting_summaries()[-1].id
        target.close()
        python = [sys.executable]
        bare = process_ms([*python, "-c", "pass"], args.repeat)
        export = process_ms(
            [*python, "-m", "clerk_tui", "--store", str(stores[middle]), "export", "minutes", meeting_id],
            args.repeat,
        )
        lines.append(
            row(
                f"clerk export minutes, {middle} (ms)",
                f"{export:.0f}",
                f"{bare:.0f}",
                f"{export / bare:.1f}x",
                "<= 4x, <= 100 ms",
            )
        )
        parts = breakdown(folder, args.repeat)
    api = "backups in the background" if NEW_API else "backup taken by open"
    print(f"store API: {api}; {args.repeat} repeats")
    print()
    print("\n".join(lines))
    print()
    print("Where one save of ours goes (median ms, one meeting):")
    for name, value in parts.items():
        print(f"  {name:<40} {value:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
