"""The ``clerk`` command: launch the app, or work on a store from the shell.

Every failure is one clear line on stderr and a non-zero exit; a traceback goes to
the log file only, never to the clerk's screen.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_tui import __version__
from clerk_tui.domain import DomainError

if TYPE_CHECKING:
    from store import Store

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

log = logging.getLogger("clerk")


class CommandError(Exception):
    """A failure the clerk can act on; its message is printed as it stands."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clerk",
        description="Agendas, attendance and minutes for committee clerks.",
    )
    parser.add_argument("--version", action="version", version=f"clerk {__version__}")
    parser.add_argument(
        "--store",
        metavar="DIR",
        type=Path,
        help="the store folder (default: $CLERK_STORE, else your user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a fresh throwaway store holding a sample committee",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = commands.add_parser("init", help="create a store (with --demo: fill it with the demo data)")
    init.add_argument(
        "--demo", action="store_true", dest="init_demo", help="add the demo committee and meetings"
    )

    commands.add_parser("list", help="one line per meeting: id, committee, date, status (tab-separated)")

    importer = commands.add_parser("import", help="import meetings from JSON interchange files")
    importer.add_argument("files", nargs="+", type=Path, metavar="FILE")

    exporter = commands.add_parser("export", help="print minutes, an agenda or a meeting's JSON")
    exporter.add_argument("what", choices=["minutes", "agenda", "meeting"])
    exporter.add_argument("meeting", metavar="MEETING", help="meeting id, as `clerk list` shows it")
    exporter.add_argument("--format", default=None, choices=["text", "markdown", "json"])
    exporter.add_argument(
        "--width", type=int, default=80, help="wrap at N columns; 0 = one paragraph per line"
    )
    exporter.add_argument("--paginate", action="store_true", help="pages with running headers")
    exporter.add_argument("--public", action="store_true", help="withhold the content of exempt items")
    exporter.add_argument("-o", "--output", type=Path, help="write to FILE instead of stdout")

    from clerk_tui.cli_reading import add_reading_commands  # text import and search (issue 12)

    add_reading_commands(commands, importer)
    return parser


def resolve_store_path(explicit: Path | None) -> Path:
    from store.locations import default_store_path

    return explicit if explicit is not None else default_store_path()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _dispatch(args)
    except CommandError as error:
        return _fail(str(error))
    except DomainError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return _fail("interrupted")
    except Exception as error:  # noqa: BLE001 - the clerk never sees a traceback
        from store import StoreError

        if isinstance(error, StoreError):
            return _fail(str(error))
        log_path = _log_crash(error)
        return _fail(f"unexpected error: {error} (details in {log_path})")


def _dispatch(args: argparse.Namespace) -> int:
    handlers: dict[str | None, Callable[[argparse.Namespace], int]] = {
        None: _launch,
        "init": _init,
        "list": _list,
        "import": _import,
        "export": _export,
    }
    from clerk_tui.cli_reading import reading_handlers  # text import and search (issue 12)

    handlers.update(reading_handlers(_import))
    return handlers[args.command](args)


def _fail(message: str) -> int:
    print(f"clerk: {message}", file=sys.stderr)
    return EXIT_FAILED


def _log_crash(error: BaseException) -> Path:
    from platformdirs import user_log_path

    folder = user_log_path("clerk")
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / "clerk.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    log.addHandler(handler)
    log.error("unexpected error", exc_info=error)
    handler.close()
    log.removeHandler(handler)
    return path


# --- commands ------------------------------------------------------------------
def _launch(args: argparse.Namespace) -> int:
    from clerk_tui.app import ClerkApp
    from store import Store

    log_path = _start_log()
    if args.demo:
        folder = Path(tempfile.mkdtemp(prefix="clerk-demo-"))
        try:
            with Store.open(folder) as store:
                seed_demo(store)
                ClerkApp(store, demo=True, log_path=log_path).run()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return EXIT_OK
    with Store.open(resolve_store_path(args.store)) as store:
        app = ClerkApp(store, log_path=log_path)
        app.run()
    return app.return_code or EXIT_OK


def _start_log() -> Path | None:
    """Unexpected errors go to a log file, never to the clerk's screen."""
    from platformdirs import user_log_path

    folder = user_log_path("clerk")
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    path = folder / "clerk.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    return path


def _init(args: argparse.Namespace) -> int:
    from store import Store

    path = resolve_store_path(args.store)
    with Store.open(path) as store:
        if args.init_demo:
            if store.committees() or store.meeting_summaries():
                raise CommandError(f"{path} already holds data; the demo goes into an empty store.")
            seed_demo(store)
    print(f"store ready: {path}")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from store import Store

    with Store.open(resolve_store_path(args.store), read_only=True) as store:
        names = {committee.id: committee.name for committee in store.committees()}
        for summary in store.meeting_summaries():
            committee = names.get(summary.committee_id, summary.committee_id)
            print(f"{summary.id}\t{committee}\t{summary.date.isoformat()}\t{summary.status.value}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from clerk_tui.exporting import read_import_files, store_bundles
    from clerk_tui.interchange import InterchangeError
    from store import Store

    with Store.open(resolve_store_path(args.store)) as store:
        try:
            bundles = read_import_files(store, args.files)
        except InterchangeError as error:
            raise CommandError(f"nothing imported: {error}") from None
        for meeting_id in store_bundles(store, bundles):
            print(meeting_id)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from clerk_tui.exporting import export_bundle, print_paper
    from clerk_tui.render import Format, PrintOptions
    from store import Store

    if args.width < 0:
        raise CommandError("--width must be 0 (one paragraph per line) or a number of columns.")
    if args.paginate and args.width == 0:
        raise CommandError("--paginate needs a width: pages are printed at --width N columns.")
    with Store.open(resolve_store_path(args.store), read_only=True) as store:
        if args.what == "meeting":
            if args.format not in (None, "json"):
                raise CommandError("a meeting is exported as JSON: use --format json.")
            text = export_bundle(store, [args.meeting])
        else:
            if args.format == "json":
                raise CommandError(f"{args.what} print as text or markdown; export the meeting for JSON.")
            options = PrintOptions(Format(args.format or "text"), args.width, args.paginate, args.public)
            printed = print_paper(store, args.what, args.meeting, options)
            text = printed.text
            for warning in printed.warnings:
                print(f"clerk: warning: {warning}", file=sys.stderr)
    _write_output(text, args.output)
    return EXIT_OK


def _write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CommandError(f"cannot write {output}: {error.strerror or error}") from None


def seed_demo(store: Store) -> None:
    """Fill a store with the demo committee, its people and meetings."""
    from clerk_tui.demo import demo_data

    data = demo_data()
    for person in data.people:
        store.save_person(person)
    store.save_committee(data.committee)
    for meeting in data.meetings:
        store.save_meeting(meeting)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
