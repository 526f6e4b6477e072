"""Every speed figure of issue 8 in one table: figure, clerk, a baseline measured in the
same run, the ratio, the goal. Run by hand, never by pytest::

    . .venv/bin/activate
    python benchmarks/run.py                      # everything (about half an hour)
    python benchmarks/run.py --quick              # fewer repeats and keys
    python benchmarks/run.py --only typing,paste  # some sections
    python benchmarks/run.py --keep /tmp/stores   # build the stores once, reuse them next time

Sections: start, store, typing, paste, export, paginate, palette, import, suite. Stores of 5, 500
and 5,000 meetings are built by benchmarks/archive.py (forty committees through the years).
Start-up and typing run the app as a real process in a pseudo-terminal (benchmarks/terminal.py,
benchmarks/typing_child.py); the rest is timed in this process or as a subprocess.
Public tools only: time.perf_counter, time.process_time, subprocess, pty.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

import archive  # noqa: E402
from terminal import Terminal, child_environment  # noqa: E402

SECTIONS = ("start", "store", "typing", "paste", "export", "paginate", "palette", "import", "suite")
PALETTE_QUERIES = ("", "o", "op", "open", "open 2", "open meeting", "switch", "new", "export", "2019", "zzzz")


@dataclass
class Row:
    figure: str
    clerk: str
    baseline: str = ""
    ratio: str = ""
    goal: str = ""
    verdict: str = ""


@dataclass
class Settings:
    quick: bool
    folder: Path
    import_timeout: float
    start_timeout: float

    def repeats(self, full: int, quick: int) -> int:
        return quick if self.quick else full


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}x" if base > 0 else "-"


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("met" if ok else "MISSED")


def median(values: list[float]) -> float:
    return statistics.median(values)


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def children_cpu() -> float:
    """CPU seconds used so far by the children this process has waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --- stores ------------------------------------------------------------------------
def store_of(settings: Settings, count: int) -> Path:
    """The store of ``count`` meetings under the work folder, built on first use."""
    root = settings.folder / f"store-{count}"
    if not (root / ".built").exists():
        shutil.rmtree(root, ignore_errors=True)
        say(f"building a store of {count} meetings ...")
        took = timed(lambda: archive.build_store(root, count))
        say(f"  built in {took:.0f} s")
        (root / ".built").write_text("", encoding="utf-8")
    return root


def long_store(settings: Settings) -> tuple[Path, Path]:
    """The store holding the 30 x 100-line meeting, and the last narrative as a text file."""
    root = settings.folder / "store-long"
    text = settings.folder / "long-narrative.txt"
    shutil.rmtree(root, ignore_errors=True)
    text.write_text(archive.build_long_store(root), encoding="utf-8")
    return root, text


# --- start-up ------------------------------------------------------------------------
def start_once(argv: list[str], marker: str, settings: Settings, cpu: list[float]) -> float | None:
    """Seconds until ``marker`` is drawn; the CPU of the whole process (to ctrl+q) goes to ``cpu``."""
    env = child_environment({"XDG_STATE_HOME": str(settings.folder / "state")})
    used = children_cpu()
    terminal = Terminal(argv, env, cwd=str(ROOT))
    try:
        return terminal.wait_for(marker, settings.start_timeout)
    finally:
        terminal.quit()
        cpu.append(children_cpu() - used)


def start_figures(settings: Settings) -> list[Row]:
    rows: list[Row] = []
    baseline_argv = [sys.executable, str(HERE / "minimal_app.py")]
    first_committee = sorted(archive.COMMITTEE_NAMES)[0]
    for count, goal in ((500, 1.3), (5000, 1.6)):
        root = store_of(settings, count)
        clerk_argv = [sys.executable, "-m", "clerk_tui", "--store", str(root)]
        ours: list[float] = []
        base: list[float] = []
        ours_cpu: list[float] = []
        base_cpu: list[float] = []
        failed = ""
        for _ in range(settings.repeats(7, 3)):
            took = start_once(baseline_argv, "Baseline row 1", settings, base_cpu)
            if took is not None:
                base.append(took)
            took = start_once(clerk_argv, first_committee, settings, ours_cpu)
            if took is None:
                failed = f"not drawn in {settings.start_timeout:.0f} s"
                break
            ours.append(took)
            if took > 30:
                break  # one run is enough to show it
        label = f"start to first drawn frame, {count:,} meetings (pty)"
        if not ours:
            rows.append(Row(label, failed, f"{median(base):.2f} s", "", f"<= {goal}x", "MISSED"))
            continue
        mine, theirs = median(ours), median(base)
        rows.append(
            Row(
                label + (f", {len(ours)} run" if len(ours) == 1 else ""),
                f"{mine:.2f} s",
                f"minimal app {theirs:.2f} s",
                ratio(mine, theirs),
                f"<= {goal}x",
                verdict(mine / theirs <= goal),
            )
        )
        mine_cpu, theirs_cpu = median(ours_cpu), median(base_cpu)
        rows.append(
            Row(
                "  CPU of the whole process, start to ctrl+q",
                ms(mine_cpu),
                ms(theirs_cpu),
                ratio(mine_cpu, theirs_cpu),
            )
        )
    rows.append(start_split(settings))
    return rows


def start_split(settings: Settings) -> Row:
    """Where start-up goes at 5,000 meetings, in this process: Store.open, then the app
    (headless) until the meetings list is filled."""
    from clerk_tui.app import ClerkApp
    from store import Store

    root = store_of(settings, 5000)
    began = time.perf_counter()
    store = Store.open(root, auto_backup=False)  # as clerk opens it: the app starts the backup
    opened = time.perf_counter() - began

    async def until_listed() -> float:
        from textual.widgets import DataTable

        app = ClerkApp(store)
        started = time.perf_counter()
        async with app.run_test(size=(120, 40)) as pilot:
            while True:
                tables = app.screen.query("#meetings")
                if tables and isinstance(tables.first(), DataTable) and tables.first(DataTable).row_count:
                    break
                await pilot.pause(0.005)
            return time.perf_counter() - started

    try:
        listed = asyncio.run(until_listed())
    finally:
        store.close()
    return Row("start split, 5,000 meetings (in-process)", f"Store.open {ms(opened)} + app {ms(listed)}")


# --- the store -------------------------------------------------------------------------
def store_figures(settings: Settings) -> list[Row]:
    from clerk_tui.domain import AttendanceEvent, EventKind
    from store import Store

    opens: dict[int, list[float]] = {}
    for count in (5, 500, 5000):
        root = store_of(settings, count)
        samples = []
        for number in range(settings.repeats(11, 5)):
            began = time.perf_counter()
            store = Store.open(root)
            samples.append(time.perf_counter() - began)
            # A change before closing, as a clerk's day makes: the next open has one to back up.
            summary = store.meeting_summaries()[number % count]
            meeting = store.meeting(summary.id)
            meeting.attendance.append(AttendanceEvent(f"visitor-open-{number}", EventKind.ARRIVED))
            store.save_meeting(meeting)
            store.close()
        opens[count] = samples
    rows = [Row("Store.open writable, 5 meetings (after a change)", ms(median(opens[5])))]
    for count in (500, 5000):
        value = median(opens[count])
        goal_ok = value <= 0.050 if count == 5000 else None
        rows.append(
            Row(
                f"Store.open writable, {count:,} meetings (after a change)",
                ms(value),
                f"5 meetings {ms(median(opens[5]))}",
                ratio(value, median(opens[5])),
                "<= 50 ms" if count == 5000 else "",
                verdict(goal_ok),
            )
        )
    edits: dict[int, list[float]] = {5: [], 5000: []}
    stores = {count: Store.open(store_of(settings, count)) for count in edits}
    try:
        meetings = {
            count: store.meeting(store.meeting_summaries()[len(store.meeting_summaries()) // 2].id)
            for count, store in stores.items()
        }
        for number in range(settings.repeats(40, 15) + 3):
            for count, store in stores.items():
                meeting = meetings[count]
                meeting.attendance.append(AttendanceEvent(f"visitor-{number}", EventKind.ARRIVED))
                took = timed(partial(store.save_meeting, meeting))
                if number >= 3:  # the first few warm up
                    edits[count].append(took)
    finally:
        for store in stores.values():
            store.close()
    big, small = median(edits[5000]), median(edits[5])
    rows.append(
        Row(
            "durable edit (one attendance event), 5,000 vs 5 meetings",
            ms(big),
            f"5 meetings {ms(small)}",
            ratio(big, small),
            "<= 5 ms, <= 1.5x",
            verdict(big <= 0.005 and big / small <= 1.5),
        )
    )
    return rows


# --- typing --------------------------------------------------------------------------
def typing_run(settings: Settings, config: dict[str, Any]) -> dict[str, Any]:
    folder = settings.folder
    out = folder / f"typing-{config['app']}-{time.monotonic_ns()}.json"
    config = {**config, "out": str(out)}
    config_path = folder / "typing-config.json"
    config_path.write_text(json.dumps(config), encoding="utf-8")
    env = child_environment({"XDG_STATE_HOME": str(folder / "state")})
    terminal = Terminal(
        [sys.executable, str(HERE / "typing_child.py"), str(config_path)],
        env,
        size=(110, 36),
        cwd=str(ROOT),
        record=False,
    )
    code = terminal.drain_until_exit(1800)
    if code != 0 or not out.exists():
        raise RuntimeError(f"typing run failed ({code}): {config['app']}")
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    return result


def typing_sessions(
    settings: Settings, keys: int, rate: float | None, runs: int, paste: int = 0
) -> dict[str, list[dict[str, Any]]]:
    """Runs of each set-up, alternating so machine load hits all alike. Every run starts
    from the same text: a run with saves leaves its keys in the store, so each clerk run
    gets a fresh copy of it (without, each later run would type at the end of a longer
    paragraph than the bare TextArea's, and a wrapped paragraph costs more per key the
    longer it is)."""
    pristine, text = long_store(settings)
    root = pristine.with_name(pristine.name + "-run")
    common = {"store": str(root), "meeting": archive.LONG_MEETING, "keys": keys, "rate": rate}
    common |= {"text": str(text), "paste": paste}
    box = [40, 24]
    sessions: dict[str, list[dict[str, Any]]] = {"clerk": [], "clerk, no saves": [], "bare": []}
    for _ in range(runs):
        for name in sessions:
            if paste and name == "clerk, no saves":
                continue
            app = "bare" if name == "bare" else "clerk"
            shutil.rmtree(root, ignore_errors=True)
            shutil.copytree(pristine, root)
            result = typing_run(settings, {**common, "app": app, "saves": name == "clerk", "box": box})
            box = result.get("box", box)
            sessions[name].append(result)
    return sessions


def pooled(results: list[dict[str, Any]], part: str, field: str) -> list[float]:
    values: list[float] = []
    for result in results:
        values += result[part][field]
    return values


def mean_of(results: list[dict[str, Any]], part: str, field: str) -> float:
    return statistics.mean(float(result[part][field]) for result in results)


def typing_figures(settings: Settings) -> list[Row]:
    rows: list[Row] = []
    paces = (
        ("back to back", None, settings.repeats(250, 100), settings.repeats(3, 1)),
        ("human pace 7 keys/s", 7.0, settings.repeats(150, 60), settings.repeats(3, 1)),
    )
    for pace, rate, keys, runs in paces:
        say(f"typing, {pace}: {keys} keys x {runs} runs of each set-up ...")
        sessions = typing_sessions(settings, keys, rate, runs)
        bare = pooled(sessions["bare"], "typing", "cpu")
        for name in ("clerk", "clerk, no saves"):
            ours = pooled(sessions[name], "typing", "cpu")
            for stat, function in (("median", median), ("p99", p99)):
                mine, theirs = function(ours), function(bare)
                rows.append(
                    Row(
                        f"CPU per key, {pace}, {stat} ({name})",
                        f"{mine:.1f} ms",
                        f"bare TextArea {theirs:.1f} ms",
                        ratio(mine, theirs),
                        "<= 1.3x",
                        verdict(mine / theirs <= 1.3),
                    )
                )
        all_in = mean_of(sessions["clerk"], "typing", "cpu_all_in")
        bare_all_in = mean_of(sessions["bare"], "typing", "cpu_all_in")
        rows.append(
            Row(
                f"CPU per key, {pace}, all threads incl. saves between keys (mean)",
                f"{all_in:.1f} ms",
                f"bare TextArea {bare_all_in:.1f} ms",
                ratio(all_in, bare_all_in),
            )
        )
        if rate is None:
            renders = "render_lines calls per key (cache hits too)"
            labels = (("messages", "messages per key"), ("renders", renders))
            for field, label in labels:
                mine = mean_of(sessions["clerk, no saves"], "typing", field)
                theirs = mean_of(sessions["bare"], "typing", field)
                rows.append(
                    Row(
                        f"{label} (clerk, no saves)",
                        f"{mine:.1f}",
                        f"bare TextArea {theirs:.1f}",
                        ratio(mine, theirs),
                    )
                )
            sample = sessions["clerk, no saves"][0]["typing"]
            say(f"  messages per key by kind: {sample['message_kinds']}")
            say(f"  repaints by widget: {sample['rendered']}")
    return rows


def paste_figures(settings: Settings) -> list[Row]:
    keys = settings.repeats(150, 60)
    say(f"paste: 1 MB, then {keys} keys ...")
    sessions = typing_sessions(settings, keys, None, 1, paste=1_000_000)
    rows: list[Row] = []
    for name in ("clerk", "bare"):
        result = sessions[name][0]
        before, after = median(result["typing"]["cpu"]), median(result["after_paste"]["cpu"])
        pasted = result["paste"]
        taken = f"{pasted['pasted'] / 1e6:.2f} MB taken in {pasted['wall'] / 1000:.1f} s"
        if pasted["pasted"] == 0:
            taken = "refused: " + " / ".join(pasted["notes"])[:120]
        rows.append(
            Row(
                f"CPU per key after a 1 MB paste ({'clerk' if name == 'clerk' else 'bare TextArea'})",
                f"{after:.1f} ms",
                f"before the paste {before:.1f} ms",
                ratio(after, before),
                "<= 2x" if name == "clerk" else "",
                verdict(after / before <= 2) if name == "clerk" else "",
            )
        )
        rows.append(Row(f"  the paste ({name})", taken))
    return rows


# --- export and pagination --------------------------------------------------------------
def clerk_command() -> list[str]:
    script = Path(sys.executable).with_name("clerk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "clerk_tui"]


PRINTING_IMPORTS = "from store import Store; from clerk_tui.exporting import print_paper"
"""What `clerk export minutes` imports before it prints: the floor under the whole process
(the domain's classes are made by the standard library's dataclasses as they are imported)."""


def export_figures(settings: Settings) -> list[Row]:
    root = store_of(settings, 500)
    first, _ = archive.last_of_first_year(500)
    commands = {
        "clerk": [*clerk_command(), "--store", str(root), "export", "minutes", first],
        "pass": [sys.executable, "-c", "pass"],
        "import": [sys.executable, "-c", "import clerk_tui"],
        "dataclasses": [sys.executable, "-c", "import dataclasses"],
        "imports only": [sys.executable, "-c", PRINTING_IMPORTS],
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    env = child_environment({"XDG_STATE_HOME": str(settings.folder / "state")})
    for _ in range(settings.repeats(21, 7)):
        for name, argv in commands.items():
            used = children_cpu()
            began = time.perf_counter()
            done = subprocess.run(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            samples[name].append(time.perf_counter() - began)
            cpu[name].append(children_cpu() - used)
            if done.returncode != 0:
                raise RuntimeError(f"{argv} failed: {done.stderr.decode()[:300]}")
    mine, bare, imported = (median(samples[name]) for name in ("clerk", "pass", "import"))
    dataclasses_alone, imports_alone = median(samples["dataclasses"]), median(samples["imports only"])
    mine_cpu, bare_cpu = median(cpu["clerk"]), median(cpu["pass"])
    return [
        Row(
            "whole `clerk export minutes` process, 500 meetings",
            ms(mine),
            f"python -c pass {ms(bare)}",
            ratio(mine, bare),
            "<= 100 ms, <= 4x",
            verdict(mine <= 0.1 and mine / bare <= 4),
        ),
        Row(
            "  the same against `python -c 'import clerk_tui'`", ms(mine), ms(imported), ratio(mine, imported)
        ),
        Row(
            "  CPU of the whole process (user + system)",
            ms(mine_cpu),
            ms(bare_cpu),
            ratio(mine_cpu, bare_cpu),
        ),
        Row(
            "  its imports alone, no work (store, exporting)",
            ms(imports_alone),
            f"python -c pass {ms(bare)}",
            ratio(imports_alone, bare),
        ),
        Row(
            "  `python -c 'import dataclasses'` alone",
            ms(dataclasses_alone),
            f"python -c pass {ms(bare)}",
            ratio(dataclasses_alone, bare),
        ),
    ]


def paginate_figures(settings: Settings) -> list[Row]:
    from clerk_tui.exporting import print_paper
    from clerk_tui.render import PrintOptions
    from store import Store

    first, last = archive.last_of_first_year(500)
    options = PrintOptions(paginate=True)
    samples: dict[str, list[float]] = {first: [], last: []}
    with Store.open(store_of(settings, 500), read_only=True) as store:
        for _ in range(settings.repeats(7, 3)):
            for meeting_id in samples:
                samples[meeting_id].append(timed(partial(print_paper, store, "minutes", meeting_id, options)))
    mine, theirs = median(samples[last]), median(samples[first])
    return [
        Row(
            "--paginate, last meeting of a municipal year, 500 meetings",
            ms(mine),
            f"first of the year {ms(theirs)}",
            ratio(mine, theirs),
            "<= 50 ms",
            verdict(mine <= 0.05),
        )
    ]


# --- the command palette ----------------------------------------------------------------
def palette_times(root: Path, queries: tuple[str, ...], repeats: int) -> dict[str, list[tuple[float, float]]]:
    """(CPU, wall) seconds from typing a query into the palette (the whole query at once)
    until its list of hits is filled, on the meetings screen. The palette runs on the UI
    thread without waiting for anything, so on a quiet machine the wall time is the CPU
    time; on a busy one the CPU time is the figure that does not depend on the neighbours."""
    from textual.command import CommandPalette
    from textual.widgets import Input

    from clerk_tui.app import ClerkApp
    from store import Store

    finished: list[tuple[float, float]] = []
    original = CommandPalette._refresh_command_list

    def refreshed(self: CommandPalette, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        finished.append((time.process_time(), time.perf_counter()))

    async def measure() -> dict[str, list[tuple[float, float]]]:
        times: dict[str, list[tuple[float, float]]] = {query: [] for query in queries}
        store = Store.open(root)
        app = ClerkApp(store)
        try:
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.pause(0.5)
                app.action_command_palette()
                await pilot.pause(0.5)
                palette = app.screen
                assert isinstance(palette, CommandPalette)
                box = palette.query_one(Input)

                async def settle(query: str) -> tuple[float, float]:
                    """Type the query; wait until its search is over and its hits listed."""
                    finished.clear()
                    cpu, began = time.process_time(), time.perf_counter()
                    box.value = query
                    deadline = began + 60
                    while time.perf_counter() < deadline:
                        await asyncio.sleep(0.001)
                        searching = [w for w in app.workers if w.group == palette._GATHER_COMMANDS_GROUP]
                        if finished and not any(w.state.name in {"PENDING", "RUNNING"} for w in searching):
                            return finished[-1][0] - cpu, finished[-1][1] - began
                    return time.process_time() - cpu, deadline - began

                for _ in range(repeats):
                    for query in queries:
                        await settle(f"{query}-reset")  # nothing matches: the list is emptied first
                        await pilot.pause(0.2)
                        times[query].append(await settle(query))
        finally:
            store.close()
        return times

    CommandPalette._refresh_command_list = refreshed  # type: ignore[method-assign]
    try:
        return asyncio.run(measure())
    finally:
        CommandPalette._refresh_command_list = original  # type: ignore[method-assign]


def palette_figures(settings: Settings) -> list[Row]:
    repeats = settings.repeats(3, 1)
    big = palette_times(store_of(settings, 5000), PALETTE_QUERIES, repeats)
    small = palette_times(store_of(settings, 5), PALETTE_QUERIES, repeats)
    rows = []
    for query in PALETTE_QUERIES:
        mine = median([cpu for cpu, _ in big[query]])
        wall = median([wall for _, wall in big[query]])
        theirs = median([cpu for cpu, _ in small[query]])
        rows.append(
            Row(
                f"palette {query!r}{' (opened, nothing typed)' if not query else ''}, 5,000 meetings, CPU",
                f"{ms(mine)} (wall {ms(wall)})",
                f"5 meetings {ms(theirs)}",
                ratio(mine, theirs),
                "<= 50 ms",
                verdict(mine <= 0.05),
            )
        )
    return rows


# --- import -----------------------------------------------------------------------------
def bundle_file(settings: Settings, count: int) -> Path:
    from clerk_tui.interchange import Bundle, bundle_to_json

    path = settings.folder / f"bundle-{count}.json"
    if not path.exists():
        bundle = Bundle(archive.committees(count), archive.people(), archive.meetings(count))
        path.write_text(bundle_to_json(bundle), encoding="utf-8")
    return path


def import_once(settings: Settings, count: int, timeout: float) -> tuple[float, float] | None:
    """Wall and CPU seconds of one `clerk import` (None if stopped): on a shared machine
    the wall time counts the neighbours, the CPU time is the work clerk does."""
    target = settings.folder / f"imported-{count}"
    shutil.rmtree(target, ignore_errors=True)
    bundle = bundle_file(settings, count)
    env = child_environment({"XDG_STATE_HOME": str(settings.folder / "state")})
    argv = [*clerk_command(), "--store", str(target), "import", str(bundle)]
    used = children_cpu()
    began = time.perf_counter()
    try:
        done = subprocess.run(
            argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None
    finally:
        took = time.perf_counter() - began
    shutil.rmtree(target, ignore_errors=True)
    if done.returncode != 0:
        raise RuntimeError(f"import failed: {done.stderr.decode()[:300]}")
    return took, children_cpu() - used


def import_figures(settings: Settings) -> list[Row]:
    timed_small = import_once(settings, 500, settings.import_timeout)
    assert timed_small is not None, "importing 500 meetings timed out"
    small, small_cpu = timed_small
    if settings.quick:
        label = "import of 500 meetings (quick: 5,000 not run)"
        return [Row(label, f"{small:.1f} s (CPU {small_cpu:.1f} s)", "", "", "")]
    say(f"import of 5,000 meetings (stopped after {settings.import_timeout:.0f} s) ...")
    timed_big = import_once(settings, 5000, settings.import_timeout)
    label = "import of 5,000 meetings (`clerk import`, one file)"
    if timed_big is None:
        return [
            Row(
                label,
                f"> {settings.import_timeout:.0f} s (stopped)",
                f"500: {small:.1f} s",
                "",
                "<= 60 s",
                "MISSED",
            )
        ]
    big, big_cpu = timed_big
    return [
        Row(
            label,
            f"{big:.1f} s",
            f"10 x 500: {10 * small:.1f} s",
            ratio(big, 10 * small),
            "<= 60 s",
            verdict(big <= 60),
        ),
        Row(
            "  CPU of the same process (user + system)",
            f"{big_cpu:.1f} s",
            f"10 x 500: {10 * small_cpu:.1f} s",
        ),
    ]


# --- the test suite ---------------------------------------------------------------------
def suite_figures(settings: Settings) -> list[Row]:
    """The README's test command (its pytest part, in this venv), once: its wall time, and the
    least it could take on this machine, its CPU shared out over every usable core."""
    cores = len(os.sched_getaffinity(0))
    used = children_cpu()
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q"],
        cwd=ROOT,
        env=child_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    wall, cpu = time.perf_counter() - began, children_cpu() - used
    outcome = (done.stdout.strip().splitlines() or ["no output"])[-1].strip("= ")
    for line in done.stdout.splitlines():
        if line.startswith(("FAILED", "ERROR")):
            say(f"  {line}")  # a figure of a failed run is no figure: say which test
    return [
        Row(
            f"the README's test command, `pytest -q` ({outcome})",
            f"{wall / 60:.1f} min",
            f"its CPU over {cores} cores {cpu / cores / 60:.1f} min",
            ratio(wall, cpu / cores),
            "<= 5 min",
            verdict(wall <= 300 and done.returncode == 0),
        ),
        Row("  CPU of the whole run (user + system, every worker)", f"{cpu / 60:.1f} min"),
    ]


# --- the table --------------------------------------------------------------------------
FIGURES: dict[str, Callable[[Settings], list[Row]]] = {
    "start": start_figures,
    "store": store_figures,
    "typing": typing_figures,
    "paste": paste_figures,
    "export": export_figures,
    "paginate": paginate_figures,
    "palette": palette_figures,
    "import": import_figures,
    "suite": suite_figures,
}


def table(rows: list[Row]) -> str:
    header = Row("figure", "clerk", "baseline (same run)", "ratio", "goal", "")
    columns = [
        max(len(getattr(row, name)) for row in [header, *rows])
        for name in ("figure", "clerk", "baseline", "ratio", "goal", "verdict")
    ]

    def line(row: Row) -> str:
        cells = [row.figure, row.clerk, row.baseline, row.ratio, row.goal, row.verdict]
        return "| " + " | ".join(cell.ljust(width) for cell, width in zip(cells, columns, strict=True)) + " |"

    rule = "|" + "|".join("-" * (width + 2) for width in columns) + "|"
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


@contextlib.contextmanager
def work_folder(keep: Path | None) -> Iterator[Path]:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix="clerk-bench-") as scratch:
        yield Path(scratch)


def compile_sources() -> None:
    """Byte-compile the project, as installing a package does. Where PYTHONDONTWRITEBYTECODE
    is set, every child would otherwise compile each module it imports from source, which
    is most of a short process's time (PYTHONPYCACHEPREFIX, if set, is honoured)."""
    folders = [str(ROOT / name) for name in ("clerk_tui", "store", "widgets", "benchmarks", "tests")]
    command = [sys.executable, "-m", "compileall", "-q", *folders]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and keys; import of 500 only")
    parser.add_argument(
        "--only", default=",".join(SECTIONS), help=f"comma-separated, of: {', '.join(SECTIONS)}"
    )
    parser.add_argument("--keep", type=Path, help="build the stores here and reuse them on later runs")
    parser.add_argument("--import-timeout", type=float, default=900.0, help="stop an import after N s")
    parser.add_argument("--start-timeout", type=float, default=300.0, help="stop a start-up after N s")
    args = parser.parse_args()
    wanted = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in wanted if name not in FIGURES]
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}")
    rows: list[Row] = []
    compile_sources()
    with work_folder(args.keep) as folder:
        settings = Settings(args.quick, folder, args.import_timeout, args.start_timeout)
        for name in wanted:
            say(f"== {name}")
            began = time.perf_counter()
            rows += FIGURES[name](settings)
            say(f"   ({time.perf_counter() - began:.0f} s)")
    print(f"\nclerk benchmarks{' (quick)' if args.quick else ''}, {time.strftime('%Y-%m-%d %H:%M')}\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
