"""``clerk import FILE.txt`` (published minutes or a front sheet, as text) and
``clerk search``: the handlers, and the arguments they add to the ``clerk`` parser.

Neither imports Textual or Rich. An import reads and checks every file before anything
is written: a file that cannot be read as minutes or a front sheet stores nothing, and
every line not placed is listed with its number before the clerk is asked.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_tui.domain.safe_text import neutralise

if TYPE_CHECKING:
    from clerk_tui.reading import Reading
    from store import Store

Handler = Callable[[argparse.Namespace], int]
TEXT_SUFFIXES = (".txt", ".text", ".md")


def add_text_import_options(importer: argparse.ArgumentParser) -> None:
    """``--yes`` and ``--adopt-style`` for ``clerk import``."""
    importer.description = (
        "Import meetings: JSON interchange files, or published minutes and agenda front sheets "
        "as text (.txt), read into the store after a preview."
    )
    importer.add_argument(
        "--yes", action="store_true", help="store what a text file was read as, without asking"
    )
    importer.add_argument(
        "--adopt-style",
        action="store_true",
        help="give an existing committee the house style the paper shows (a new committee always gets it)",
    )


def add_search_command(command: Callable[[str, str, str], argparse.ArgumentParser]) -> None:
    """The ``clerk search`` command."""
    search = command(
        "search",
        "search the minutes and agendas of every meeting",
        "Search every meeting's minute titles, narratives, resolutions, declarations and agenda "
        "items, best match first, with the matching words in context. Exempt (Part 2) text only "
        "with --include-exempt.",
    )
    search.add_argument("query", nargs="+", metavar="QUERY", help='words to find; "quoted words" as a phrase')
    search.add_argument("--committee", metavar="C", help="a committee's id or words of its name")
    search.add_argument("--from", dest="start", metavar="D", help="meetings on or after this date (12/6/19)")
    search.add_argument("--to", dest="end", metavar="D", help="meetings on or before this date")
    search.add_argument("--member", metavar="NAME", help="their declarations, and meetings they attended")
    search.add_argument("--declarations", action="store_true", help="declarations of interest only")
    search.add_argument("--resolutions", action="store_true", help="resolutions only")
    search.add_argument(
        "--include-exempt",
        action="store_true",
        help="also show exempt (Part 2) text, marked NOT FOR PUBLICATION",
    )
    search.add_argument("--limit", type=int, default=20, help="at most N results (default 20)")


def reading_handlers(json_import: Handler) -> dict[str | None, Handler]:
    """The ``import`` handler (text files here, JSON ones to ``json_import``) and ``search``."""

    def import_files(args: argparse.Namespace) -> int:
        return import_command(args, json_import)

    return {"import": import_files, "search": search_command}


# --- clerk import ------------------------------------------------------------------------
@dataclass
class _Read:
    path: Path
    reading: Reading


def import_command(args: argparse.Namespace, json_import: Handler) -> int:
    from clerk_tui.cli import CommandError

    paths: list[Path] = list(args.files)
    texts = [path for path in paths if path.suffix.lower() in TEXT_SUFFIXES]
    if not texts:
        return json_import(args)
    from clerk_tui.reading.preview import preview  # here: a JSON import reads no text

    if len(texts) != len(paths):
        raise CommandError("import text files and JSON files separately: nothing imported.")
    from clerk_tui.cli import resolve_store_path
    from store import Store

    with Store.open(resolve_store_path(args.store)) as store:
        readings = [_read(store, path) for path in texts]
        for read in readings:
            sys.stdout.write(preview(read.reading, store, adopt_style=args.adopt_style))
        failed = [read for read in readings if not read.reading.ok]
        if failed:
            names = ", ".join(str(read.path) for read in failed)
            raise CommandError(f"nothing imported: {names} could not be read (see above).")
        from clerk_tui.importing import already_stored, store_reading

        duplicates = [message for read in readings if (message := already_stored(store, read.reading))]
        if duplicates:
            raise CommandError(f"nothing imported: {'; '.join(duplicates)}.")
        if not args.yes and not _confirmed(len(readings)):
            print("Nothing stored.")
            return 1
        for read in readings:
            stored = store_reading(store, read.reading, adopt_style=args.adopt_style)
            print(f"stored {stored.meeting_id}")
            for note in stored.notes:
                print(f"  {note}")
    return 0


def _read(store: Store, path: Path) -> _Read:
    from clerk_tui.cli import CommandError
    from clerk_tui.reading import Register, read_paper

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CommandError(f"nothing imported: {path} is not UTF-8 text.") from None
    except OSError as error:
        raise CommandError(f"nothing imported: {path} cannot be read ({error.strerror or error}).") from None
    register = Register(
        store.people(), store.committees(), frozenset(summary.id for summary in store.meeting_summaries())
    )
    return _Read(path, read_paper(text, register, source_name=str(path)))


def _confirmed(count: int) -> bool:
    if not sys.stdin.isatty():
        print("Not stored: there is no terminal to ask on; run again with --yes to store it.")
        return False
    try:
        answer = input(f"Store {'it' if count == 1 else f'these {count}'}? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


# --- clerk search -------------------------------------------------------------------------
def search_command(args: argparse.Namespace) -> int:
    from clerk_tui.cli import CommandError, resolve_store_path
    from clerk_tui.domain import DomainError
    from clerk_tui.domain.dates import parse_date
    from store import Store
    from store.search import SearchError, SearchIndex, SearchQuery

    try:
        start = parse_date(args.start) if args.start else None
        end = parse_date(args.end) if args.end else None
    except DomainError as error:
        raise CommandError(f"--from/--to: {error.message}") from None
    if start and end and end < start:
        raise CommandError("--to is before --from.")
    if args.limit < 1:
        raise CommandError("--limit must be at least 1.")
    query = SearchQuery(
        " ".join(args.query),
        committee=args.committee,
        start=start,
        end=end,
        member=args.member,
        declarations=args.declarations,
        resolutions=args.resolutions,
        include_exempt=args.include_exempt,
        limit=args.limit,
    )
    with (
        Store.open(resolve_store_path(args.store), read_only=True) as store,
        SearchIndex.for_store(store) as index,
    ):
        report = index.refresh(store)
        for meeting_id, problem in report.unreadable:
            print(
                f"clerk: warning: {meeting_id} could not be read and is not searched: {problem}",
                file=sys.stderr,
            )
        try:
            hits = index.search(query, store)
        except SearchError as error:
            raise CommandError(str(error)) from None
    sys.stdout.write(format_hits(hits, query.include_exempt))
    return 0


def format_hits(hits: Sequence[object], include_exempt: bool) -> str:
    from store.search import Hit

    lines: list[str] = []
    if include_exempt:
        lines.append(
            "Exempt (Part 2) text is shown, marked NOT FOR PUBLICATION: do not publish these results."
        )
    if not hits:
        lines.append("No matches.")
    for hit in hits:
        assert isinstance(hit, Hit)
        where = f"minute {hit.minute_number}" if hit.minute_number is not None else hit.kind
        exempt = "  NOT FOR PUBLICATION (exempt)" if hit.exempt else ""
        lines.append(
            f"{hit.meeting_id}  {hit.date:%d %b %Y}  {hit.committee}  {where}  {hit.item_title}"
            f"  [{hit.kind}]{exempt}"
        )
        lines.append(f"    {hit.snippet}")
    return neutralise("\n".join(lines) + "\n")
