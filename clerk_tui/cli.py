"""The ``clerk`` command: launch the app, or work on a store from the shell.

Every failure is one clear line on stderr and a non-zero exit; a traceback goes to
the log file only, never to the clerk's screen. The commands that do not open the app
never import Textual or Rich, and import the rest only when they need it, so that
``clerk export`` runs in the time a shell command should.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_tui import __version__

if TYPE_CHECKING:
    from store import Store

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_DAMAGED = 3
"""``clerk check`` found a record that does not read."""
EXIT_INTERRUPTED = 130
"""Ctrl-C, as a shell reports a process stopped by SIGINT."""
EXIT_BROKEN_PIPE = 141
"""The reader of our output went away (``clerk list | head -1``): as a shell reports SIGPIPE."""

LOG_NAME = "clerk.log"
LOG_ENVIRONMENT_VARIABLE = "CLERK_LOG"


class CommandError(Exception):
    """A failure the clerk can act on; its message is printed as it stands."""


# --- the parser ------------------------------------------------------------------
_EXAMPLES = {
    "init": """examples:
  clerk init                         a new, empty store in the default place
  clerk --store ~/council init --demo   a store holding the demo committee""",
    "list": """examples:
  clerk list
  clerk list --store ~/council | grep approved""",
    "import": """examples:
  clerk import september.json
  clerk import --replace september.json   overwrite what the store holds (a backup is taken first)""",
    "export": """examples:
  clerk export minutes hwb-2019-09-11
  clerk export minutes hwb-2019-09-11 --public --paginate -o minutes-public.txt
  clerk export agenda hwb-2019-12-04 --format markdown
  clerk export meeting hwb-2019-09-11 -o september.json""",
    "check": """examples:
  clerk check
  clerk check --store ~/council""",
    "restore": """examples:
  clerk restore hwb-2019-09-11
  clerk restore hwb-2019-09-11 --from 20250312-091500-000000""",
    "search": """examples:
  clerk search "public health" --from 1/4/2019 --to 31/3/2020
  clerk search Cummins --declarations
  clerk search budget --committee hwb --include-exempt""",
    "circulate": """examples:
  clerk circulate hwb-2019-06-12 --to "the Chair"
  clerk circulate hwb-2019-06-12 --on 20/6/19 --to "the Board's members\"""",
    "confirm": """examples:
  clerk confirm hwb-2019-06-12 --by hwb-2019-09-11
  clerk confirm hwb-2019-06-12 --by hwb-2019-09-11 --amendment "in Minute No. 5, ... to read ...\"""",
    "sign": """examples:
  clerk sign hwb-2019-06-12                    the Chair of the confirming meeting, on its date
  clerk sign hwb-2019-06-12 --chair "Councillor Moncur" --on 11/9/19""",
    "verify": """examples:
  clerk verify
  clerk verify hwb-2019-06-12""",
    "print": """examples:
  clerk print minutes hwb-2019-06-12
  clerk print minutes hwb-2019-09-11 --public""",
    "calendar": """examples:
  clerk calendar hwb --year 2019/20 -o hwb-2019-20.ics""",
    "register": """examples:
  clerk register hwb --year 2019/20
  clerk register hwb --year 2019/20 --format csv -o register.csv""",
    "history": """examples:
  clerk history ian-moncur
  clerk history ian-moncur --format csv -o moncur.csv""",
}


def _columns() -> int:
    """The terminal's width, as ``shutil.get_terminal_size`` finds it (argparse's formatter
    would import shutil, and with it the compression modules, for every command)."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno() if sys.__stdout__ else 1).columns
    except (AttributeError, ValueError, OSError):
        return 80


class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24) -> None:
        super().__init__(prog, indent_increment, max_help_position, width=_columns() - 2)


class _RawDescriptionFormatter(argparse.RawDescriptionHelpFormatter, _Formatter):
    """Examples kept as written, at the terminal's width."""


CommandMaker = Callable[[str, str, str], argparse.ArgumentParser]

_PAPERS_COMMANDS = ("circulate", "confirm", "sign", "verify", "print", "calendar", "register", "history")
COMMANDS = ("init", "list", "import", "export", "check", "restore", *_PAPERS_COMMANDS, "search")
"""Every sub-command, in the order ``clerk --help`` lists them."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The ``clerk`` parser; with ``only``, one that knows that one sub-command alone (each
    sub-parser is a whole ArgumentParser: building all of them was a tenth of an export),
    and with ``only=""`` one that knows none (the app's own options, to open it)."""
    parser = argparse.ArgumentParser(
        prog="clerk",
        formatter_class=_Formatter,
        description="Agendas, attendance and minutes for committee clerks. With no command, "
        "opens the app on the store.",
        epilog="Run `clerk COMMAND --help` for each command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"clerk {__version__}")
    _store_option(parser, None)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a fresh throwaway store holding a sample committee",
    )
    # --store is also accepted after the command (clerk list --store DIR).
    common = argparse.ArgumentParser(add_help=False, formatter_class=_Formatter)
    _store_option(common, argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            parents=[common],
            help=summary,
            description=description,
            epilog=_EXAMPLES[name],
            formatter_class=_RawDescriptionFormatter,
        )

    for name in COMMANDS if only is None else (only,) if only else ():
        _ADD_COMMAND[name](command)
    return parser


def parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser for this command line: of the one sub-command it names, or of none when it
    names none (opening the app), else all of them (for ``clerk --help``, and for argparse
    to list the choices of a mistyped command)."""
    return build_parser(_asked_command(argv))


def _asked_command(argv: Sequence[str]) -> str | None:
    """The sub-command ``argv`` names, if it names one before any ``--help``; "" if it holds
    options alone (it opens the app); None if it asks for help or holds something else. The
    options before a command are the top-level ones, of which only ``--store`` (or a prefix
    of it, as argparse allows) takes a value, unless written ``--store=DIR``."""
    tokens = iter(argv)
    for token in tokens:
        if token in COMMANDS:
            return token
        if token == "-h" or (len(token) > 2 and "--help".startswith(token)) or not token.startswith("-"):
            return None
        if "=" not in token and len(token) > 2 and "--store".startswith(token):
            next(tokens, None)
    return ""


def _add_init(command: CommandMaker) -> None:
    init = command(
        "init",
        "create a store (with --demo: fill it with the demo data)",
        "Create an empty store folder (private to you), or check that one is there.",
    )
    init.add_argument(
        "--demo", action="store_true", dest="init_demo", help="add the demo committee, people and meetings"
    )


def _add_list(command: CommandMaker) -> None:
    command(
        "list",
        "one line per meeting: id, committee, date, status (tab-separated)",
        "Print one line per meeting, by date: id, committee, date and status, separated by tabs. "
        "Anything wrong with the store (a damaged meeting) is said on stderr.",
    )


def _add_import(command: CommandMaker) -> None:
    importer = command(
        "import",
        "import meetings from JSON interchange files",
        "Import meetings, with their committees and people, from files written by "
        "`clerk export meeting`. Every file is read and checked first; then everything is "
        "stored in one step, or, if anything fails, nothing is. A record the store already "
        "holds with other content is refused unless --replace. Prints what was added, "
        "replaced or left unchanged.",
    )
    importer.add_argument("files", nargs="+", type=Path, metavar="FILE", help="a clerk meetings file (JSON)")
    importer.add_argument(
        "--replace",
        action="store_true",
        help="overwrite records the store holds with other content (after taking a backup)",
    )
    from clerk_tui.cli_reading import add_text_import_options  # text import (issue 12)

    add_text_import_options(importer)


def _add_export(command: CommandMaker) -> None:
    exporter = command(
        "export",
        "print minutes, an agenda or a meeting's JSON",
        "Print a meeting's minutes or agenda as text, Markdown, Word or PDF (minutes numbered on "
        "through the year's minute book; signed minutes from their frozen copy), or the meeting "
        "itself as an interchange file (JSON), to stdout or to a file.",
    )
    exporter.add_argument(
        "what", choices=["minutes", "agenda", "meeting"], help="the paper to print, or the meeting's JSON"
    )
    exporter.add_argument("meeting", metavar="MEETING", help="meeting id, as `clerk list` shows it")
    exporter.add_argument(
        "--format",
        default=None,
        choices=["text", "markdown", "docx", "pdf", "json"],
        help="text (the default for papers), markdown, docx (Word), pdf, or json (for `meeting`)",
    )
    exporter.add_argument(
        "--width", type=int, default=80, metavar="N", help="wrap at N columns; 0 = one paragraph per line"
    )
    exporter.add_argument("--paginate", action="store_true", help="pages with running headers")
    exporter.add_argument("--public", action="store_true", help="withhold the content of exempt items")
    exporter.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write to FILE instead of stdout (atomically; readable by you only unless --public)",
    )


def _add_check(command: CommandMaker) -> None:
    command(
        "check",
        "read every record and report any that is damaged",
        "Read every record of the store and report each one that fails to read, with the "
        "backup that holds its last good copy. Exits 3 if anything is damaged.",
    )


def _add_restore(command: CommandMaker) -> None:
    restore = command(
        "restore",
        "put back a damaged meeting from the backups",
        "Put back a meeting file from the backups: the newest good copy, or the one in the "
        "backup given. The file it replaces is kept in the store's deleted/ folder.",
    )
    restore.add_argument("meeting", metavar="MEETING", help="meeting id, as `clerk check` shows it")
    restore.add_argument(
        "--from", dest="backup", metavar="BACKUP", help="the backup's name (a folder of the store's backups/)"
    )


def _add_search(command: CommandMaker) -> None:
    from clerk_tui.cli_reading import add_search_command  # search (issue 12)

    add_search_command(command)


# The minutes' lifecycle, and the papers beyond text: run by ``clerk_tui.cli_papers``.
def _add_circulate(command: CommandMaker) -> None:
    circulate = command(
        "circulate",
        "send the draft minutes: freeze them as the next numbered revision",
        "Freeze the minutes as they print now into the next numbered revision, as sent to the "
        "Chair or with the next agenda. A revision is never changed or removed.",
    )
    circulate.add_argument("meeting", metavar="MEETING")
    circulate.add_argument("--on", metavar="DATE", help="the day they were sent (default: today)")
    circulate.add_argument("--to", metavar="WHOM", help='who they went to ("the Chair")')


def _add_confirm(command: CommandMaker) -> None:
    confirm = command(
        "confirm",
        "record that a later meeting confirmed the minutes as a correct record",
        "Record that the later meeting BY confirmed the minutes of MEETING at its minute on the "
        "minutes of the previous meeting, which is written for you, with any amendments.",
    )
    confirm.add_argument("meeting", metavar="MEETING", help="the meeting whose minutes were confirmed")
    confirm.add_argument("--by", required=True, metavar="MEETING", help="the meeting that confirmed them")
    confirm.add_argument(
        "--amendment", action="append", metavar="TEXT", help="a correction made at confirmation (repeatable)"
    )


def _add_sign(command: CommandMaker) -> None:
    sign = command(
        "sign",
        "the Chair signs confirmed minutes: they are frozen and locked for ever",
        "Freeze the confirmed minutes as they print now, with their SHA-256, and lock them: every "
        "later change is refused, and they reprint byte for byte.",
    )
    sign.add_argument("meeting", metavar="MEETING")
    sign.add_argument("--chair", metavar="NAME", help="who signs (default: the confirming meeting's Chair)")
    sign.add_argument("--on", metavar="DATE", help="the day signed (default: the confirming meeting's)")


def _add_verify(command: CommandMaker) -> None:
    verify = command(
        "verify",
        "check every signed set of minutes against its SHA-256",
        "Check every signed and circulated set of minutes against the hashes recorded when it was "
        "frozen. Exits 1 if any has changed.",
    )
    verify.add_argument("meetings", nargs="*", metavar="MEETING", help="only these meetings")


def _add_print(command: CommandMaker) -> None:
    printer = command(
        "print",
        "send a meeting's minutes (PDF) to the printer with lp",
        "Send the minutes, as their PDF, to the default printer with lp (CUPS).",
    )
    printer.add_argument("what", choices=["minutes"])
    printer.add_argument("meeting", metavar="MEETING")
    printer.add_argument("--public", action="store_true", help="the public copy (exempt items withheld)")


def _add_calendar(command: CommandMaker) -> None:
    calendar = command(
        "calendar",
        "a committee's meetings of a municipal year as an ICS calendar",
        "Write the committee's meetings of the municipal year as an iCalendar file, with venue and "
        "time; a re-export updates the same events, and cancelled meetings are marked.",
    )
    calendar.add_argument("committee", metavar="COMMITTEE")
    calendar.add_argument("--year", required=True, help="the municipal year, e.g. 2019/20")
    calendar.add_argument("-o", "--output", type=Path, metavar="FILE")


def _add_register(command: CommandMaker) -> None:
    register = command(
        "register",
        "the attendance register of a committee's municipal year",
        "Each member's expected, attended, apologies and substituted counts and percentage for the "
        "committee's municipal year.",
    )
    register.add_argument("committee", metavar="COMMITTEE")
    register.add_argument("--year", required=True, help="the municipal year, e.g. 2019/20")
    register.add_argument("--format", default="text", choices=["text", "markdown", "csv", "docx", "pdf"])
    register.add_argument("-o", "--output", type=Path, metavar="FILE")


def _add_history(command: CommandMaker) -> None:
    history = command(
        "history",
        "one member's attendance on every committee, every year",
        "A member's attendance record across committees and municipal years.",
    )
    history.add_argument("person", metavar="PERSON", help="the person's id")
    history.add_argument("--format", default="text", choices=["text", "markdown", "csv", "docx", "pdf"])
    history.add_argument("-o", "--output", type=Path, metavar="FILE")


_ADD_COMMAND: dict[str, Callable[[CommandMaker], None]] = {
    "init": _add_init,
    "list": _add_list,
    "import": _add_import,
    "export": _add_export,
    "check": _add_check,
    "restore": _add_restore,
    "circulate": _add_circulate,
    "confirm": _add_confirm,
    "sign": _add_sign,
    "verify": _add_verify,
    "print": _add_print,
    "calendar": _add_calendar,
    "register": _add_register,
    "history": _add_history,
    "search": _add_search,
}


def _papers(args: argparse.Namespace) -> int:
    from clerk_tui.cli_papers import HANDLERS

    return HANDLERS[args.command](args)


def _store_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--store",
        metavar="DIR",
        type=Path,
        default=default,
        help="the store folder (default: $CLERK_STORE, else your user data folder)",
    )


def resolve_store_path(explicit: Path | None) -> Path:
    if explicit is not None:
        return explicit
    from store.locations import default_store_path

    return default_store_path()


# --- running a command ---------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        # inside the try: a Ctrl-C while the parser is being built is "interrupted" too
        code = _dispatch(parser_for(arguments).parse_args(arguments))
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers below
        return code
    except BrokenPipeError:
        return _reader_went_away()
    except KeyboardInterrupt:
        print("clerk: interrupted.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # noqa: BLE001 - the clerk never sees a traceback
        message = _plain_message(error)
        if message is not None:
            return _fail(message)
        log_path = log_exception(error)
        where = f" (details in {log_path})" if log_path else ""
        return _fail(f"unexpected error: {error}{where}")


def _reader_went_away() -> int:
    """Quietly: the reader of a pipe needed no more. Point stdout at nothing so that the
    interpreter's last flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_BROKEN_PIPE


def _plain_message(error: Exception) -> str | None:
    """The message for a failure that can be foreseen, or None for a real bug."""
    if isinstance(error, CommandError):
        return str(error)
    from clerk_tui.domain.errors import DomainError

    if isinstance(error, DomainError):
        return error.message  # (its field is for a screen, to put the message beside the box)
    if "store" in sys.modules:
        from store import StoreError

        if isinstance(error, StoreError):
            return str(error)
    if "clerk_tui.interchange.bundle" in sys.modules:
        from clerk_tui.interchange import InterchangeError

        if isinstance(error, InterchangeError):
            return f"nothing imported: {error}"
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return f"{error.strerror or error}{where}."
    if isinstance(error, MemoryError):
        return "not enough memory for this (is the file far too big?)."
    return None


def _dispatch(args: argparse.Namespace) -> int:
    handlers: dict[str | None, Callable[[argparse.Namespace], int]] = {
        None: _launch,
        "init": _init,
        "list": _list,
        "import": _import,
        "export": _export,
        "check": _check,
        "restore": _restore,
        **dict.fromkeys(
            ("circulate", "confirm", "sign", "verify", "print", "calendar", "register", "history"), _papers
        ),
    }
    if args.command is not None and args.demo:
        raise CommandError("--demo opens the app; for a demo store use `clerk init --demo`.")
    if args.command in ("import", "search"):
        from clerk_tui.cli_reading import reading_handlers  # text import and search (issue 12)

        handlers.update(reading_handlers(_import))
    return handlers[args.command](args)


def _fail(message: str) -> int:
    print(f"clerk: {_one_line(message)}", file=sys.stderr)
    return EXIT_FAILED


def _one_line(text: str) -> str:
    from clerk_tui.domain.safe_text import one_line

    return one_line(text)


def _say_problems(store: Store) -> None:
    """What is wrong with the store but did not stop the command: on stderr, every time."""
    for problem in store.problems:
        print(f"clerk: warning: {_one_line(str(problem))}", file=sys.stderr)


# --- the log ---------------------------------------------------------------------------
def log_file_path() -> Path:
    override = os.environ.get(LOG_ENVIRONMENT_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser()
    from platformdirs import user_log_path

    return user_log_path("clerk") / LOG_NAME


def start_log() -> Path | None:
    """The one log setup: clerk's logger writes to a file only its owner can read (0600,
    whatever the umask; its folder 0700). None if it cannot be opened."""
    import logging

    logger = logging.getLogger("clerk")
    for handler in logger.handlers:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    path = log_file_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.fchmod(descriptor, 0o600)
        os.close(descriptor)
        handler = logging.FileHandler(path, encoding="utf-8", delay=False)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path


def log_exception(error: BaseException) -> Path | None:
    import logging

    path = start_log()
    if path is not None:
        logging.getLogger("clerk").error("unexpected error", exc_info=error)
    return path


# --- commands ------------------------------------------------------------------------
def _launch(args: argparse.Namespace) -> int:
    with _built_to_last():
        from clerk_tui.app import ClerkApp
        from store import Store

        log_path = start_log()
    if args.demo:
        import shutil
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="clerk-demo-"))
        try:
            with Store.open(folder) as store:
                seed_demo(store)
                ClerkApp(store, demo=True, log_path=log_path).run()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return EXIT_OK
    # A store that cannot be written (a read-only folder, a full disk) still opens, read-only:
    # the app says so (store.read_only, store.problems) and every change is refused.
    with _built_to_last():
        # no backup yet: the app starts it once its first frame is drawn
        store = Store.open(resolve_store_path(args.store), fall_back_to_read_only=True, auto_backup=False)
    with store:
        app = ClerkApp(store, log_path=log_path)
        app.run()
    return app.return_code or EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from store import Store

    path = resolve_store_path(args.store)
    with Store.open(path, auto_backup=False) as store:
        if args.init_demo:
            if store.committees() or store.meeting_summaries():
                raise CommandError(f"{path} already holds data; the demo goes into an empty store.")
            seed_demo(store)
        _say_problems(store)
    print(f"store ready: {path}")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from clerk_tui.domain.safe_text import one_line
    from store import Store

    with Store.open(resolve_store_path(args.store), read_only=True) as store:
        _say_problems(store)
        names = {committee.id: committee.name for committee in store.committees()}
        lines = []
        for summary in store.meeting_summaries():
            committee = names.get(summary.committee_id, summary.committee_id)
            fields = (summary.id, committee, summary.date.isoformat(), summary.status.value)
            lines.append("\t".join(one_line(field) for field in fields))
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """An import of a council's archive builds millions of objects and frees almost none
    until it is done; Python's cycle collector would walk them all again and again (a fifth
    of the time of 5,000 meetings). Reference counting still frees what is dropped."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def _built_to_last() -> Iterator[None]:
    """What the app's start builds before it runs (its modules, the store's index) lives as
    long as the app: the cycle collector, walking it again each time it grows, finds
    nothing to free (and the app freezes it at its mount anyway). Paused while it is built,
    then frozen, so that no collection walks it later either."""
    import gc

    with _collector_paused():
        yield
        gc.freeze()


def _import(args: argparse.Namespace) -> int:
    from clerk_tui.exporting import read_import_files, store_bundles
    from store import Store

    with Store.open(resolve_store_path(args.store), auto_backup=False) as store, _collector_paused():
        _say_problems(store)
        bundles = read_import_files(store, args.files)
        for bundle in bundles:
            for note in bundle.cleaned:
                print(f"clerk: warning: {note}", file=sys.stderr)
        report = store_bundles(store, bundles, replace=args.replace)
    if report.backup is not None:
        print(f"clerk: a backup was taken first: {report.backup}", file=sys.stderr)
    sys.stdout.write("".join(f"{action} {kind} {ident}\n" for action, kind, ident in report.actions))
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    """One meeting's paper or JSON: a short command, whose imports and one meeting make a few
    hundred thousand objects that live until it ends. The cycle collector is paused while it
    runs, and its walks over every object at the interpreter's exit are skipped: together a
    tenth of the command, to free nothing (what is dropped is still freed by reference counting)."""
    import atexit

    atexit.unregister(_skip_the_collections_at_exit)  # once, however many exports a process runs
    atexit.register(_skip_the_collections_at_exit)
    with _collector_paused():
        return _export_one(args)


def _skip_the_collections_at_exit() -> None:
    """At exit the interpreter walks every object it tracks, three or four times over; a frozen
    object is not walked. Run by atexit, after everything was written, flushed and closed."""
    import gc

    gc.disable()
    gc.freeze()


def _export_one(args: argparse.Namespace) -> int:
    from store import Store

    if args.width < 0:
        raise CommandError("--width must be 0 (one paragraph per line) or a number of columns.")
    if args.paginate and args.width == 0:
        raise CommandError("--paginate needs a width: pages are printed at --width N columns.")
    if args.what == "meeting":
        if args.format not in (None, "json"):
            raise CommandError("a meeting is exported as JSON: use --format json.")
    elif args.format == "json":
        raise CommandError(f"{args.what} print as text, markdown, docx or pdf; export the meeting for JSON.")
    elif args.format in ("docx", "pdf"):
        if args.paginate:
            raise CommandError(f"a {args.format} file has pages of its own: leave out --paginate.")
        from clerk_tui.cli_papers import run_export

        return run_export(args)
    with Store.open(resolve_store_path(args.store), read_only=True) as store:
        if args.what == "meeting":
            from clerk_tui.exporting import export_meeting

            printed = export_meeting(store, args.meeting, public=args.public)
        else:
            from clerk_tui.exporting import print_paper
            from clerk_tui.render import Format, PrintOptions

            options = PrintOptions(Format(args.format or "text"), args.width, args.paginate, args.public)
            printed = print_paper(store, args.what, args.meeting, options)
            for warning in printed.warnings:
                print(f"clerk: warning: {_one_line(warning)}", file=sys.stderr)
    if args.output is None:
        sys.stdout.write(printed.text)
        return EXIT_OK
    from clerk_tui.exporting import ExportError, write_export

    try:  # the one atomic writer; a confidential copy is written 0600
        write_export(args.output, printed)
    except ExportError as error:
        raise CommandError(f"cannot write {args.output}: {error}") from None
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from store import Store
    from store.backups import describe

    with Store.open(resolve_store_path(args.store), read_only=True) as store:
        damaged = store.check()
        count = len(store.meeting_summaries())
        for other in store.problems:
            if not any(str(d.path) in str(other) for d in damaged):
                print(f"clerk: warning: {_one_line(str(other))}", file=sys.stderr)
    if not damaged:
        print(f"every record reads: the registry, the index and {count} meeting files")
        return EXIT_OK
    from store.repository import short_problem

    for damage in damaged:
        print(f"damaged: {damage.path}")
        print(f"  {_one_line(short_problem(damage.problem))}")
        if damage.good_copy is None:
            print("  no backup holds a good copy of it")
        elif damage.meeting_id is not None:
            print(f"  last good copy: backup {describe(damage.good_copy.backup)}")
            print(f"  put it back with: clerk restore {damage.meeting_id}")
    return EXIT_DAMAGED


def _restore(args: argparse.Namespace) -> int:
    from store import Store
    from store.backups import describe

    with Store.open(resolve_store_path(args.store), auto_backup=False) as store:
        backup = Path(args.backup) if args.backup else None
        if backup is not None and (backup.is_absolute() or len(backup.parts) != 1):
            raise CommandError("--from takes a backup's name, as `clerk check` shows it.")
        restored = store.restore_meeting(args.meeting, backup)
    print(f"restored meeting {restored.meeting_id} from backup {describe(restored.backup)}")
    if restored.kept_aside is not None:
        print(f"the file it replaced is kept as {restored.kept_aside}")
    return EXIT_OK


def seed_demo(store: Store) -> None:
    """Fill a store with the demo committee, its people and meetings."""
    from clerk_tui.demo import demo_data

    data = demo_data()
    store.import_records(data.people, [data.committee], data.meetings)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
