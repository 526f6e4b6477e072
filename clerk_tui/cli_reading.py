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


def add_reading_commands(
    command: Callable[[str, str, str], argparse.ArgumentParser], importer: argparse.ArgumentParser
) -> None:
    """``--yes`` and ``--adopt-style`` for ``clerk import``; the ``clerk search`` command."""
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


def preview(reading: Reading, store: Store | None = None, *, adopt_style: bool = False) -> str:
    """What the paper was read as, in plain text: a summary, the meeting, the style it
    shows, what to check, and every line not placed (runs of lines as ranges)."""
    from clerk_tui.render import Copy

    lines = [f"== {reading.source_name}", reading.summary()]
    if not reading.ok:
        lines += [f"  {error}" for error in reading.errors]
        lines += _unplaced(reading)
        return neutralise("\n".join(lines) + "\n\n")
    meeting, committee = reading.meeting, reading.committee
    assert meeting is not None and committee is not None
    state = "new" if reading.committee_is_new else "in the store"
    lines.append(f"Committee: {committee.name} ({state}, id {committee.id})")
    where = meeting.venue.for_minutes() or meeting.venue.front_sheet()
    lines.append(f"Meeting: {meeting.id}, {meeting.date:%A %d %B %Y}" + (f", {where}" if where else ""))
    if reading.withheld:
        lines.append(
            "Copy: the public copy. The exempt record of the withheld items was not in the paper "
            "and is not stored: only their headings (and the kind of any interest declared)."
        )
    elif reading.copy == Copy.CONFIDENTIAL:
        lines.append("Copy: the confidential copy (it holds exempt business in full).")
    names = {person.id: person for person in reading.people}
    if meeting.minutes:
        first = meeting.first_minute_number or 1
        numbers = meeting.minute_numbers(first)
        for minute in meeting.minutes:
            item = next((i for i in meeting.agenda if i.id == minute.item_id), None)
            parts = []
            if minute.narrative:
                parts.append(f"{len(minute.narrative)} block{'s' if len(minute.narrative) != 1 else ''}")
            if minute.resolution is not None:
                count = len(minute.resolution.parts)
                parts.append("resolution" + (f" in {count} parts" if count > 1 else ""))
            if item is not None and item.exempt:
                parts.append(f"EXEMPT (paragraph {', '.join(map(str, item.exempt_paragraphs))})")
            if item is not None and item.id in reading.withheld:
                parts.append("withheld: not in the paper")
            lines.append(
                f"  {numbers.get(minute.id, '-')}. {minute.title.upper()}"
                + (f": {'; '.join(parts)}" if parts else "")
            )
        kinds: dict[str, int] = {}
        for event in meeting.attendance:
            kinds[event.kind.value] = kinds.get(event.kind.value, 0) + 1
        lines.append("Attendance: " + ", ".join(f"{count} {kind}" for kind, count in kinds.items()))
        for declaration in meeting.declarations:
            who = (
                names[declaration.person_id].name if declaration.person_id in names else declaration.person_id
            )
            lines.append(f"Declaration: {who}: {declaration.nature_cell()}")
    else:
        for position, item in enumerate(meeting.agenda, start=1):
            pages = item.pages.printed() if item.pages else "(To Follow)" if item.to_follow else ""
            lines.append(f"  {item.label or position}. {item.title} {pages}".rstrip())
        lines.append(f"Members: {len(committee.members)}")
    if reading.new_people:
        shown = ", ".join(
            person.name + (" (councillor)" if person.councillor else "") for person in reading.new_people
        )
        lines.append(f"New people ({len(reading.new_people)}): {shown}")
    if reading.style_choices:
        keep = not reading.committee_is_new and not adopt_style
        lines.append(
            "House style the paper shows"
            + (" (the committee's own is kept; --adopt-style to take it):" if keep else ":")
        )
        for choice in reading.style_choices:
            now = f" (committee now: {choice.current})" if choice.differs else ""
            lines.append(f"  {choice.label}: {choice.printed}{now}")
    if reading.membership_changes:
        lines.append("Membership (kept only if no other meeting would print differently):")
        lines += [f"  {change}" for change in reading.membership_changes]
    if reading.notes:
        lines.append("To check:")
        lines += [
            f"  line {note.line}: {note.message}" if note.line else f"  {note.message}"
            for note in reading.notes
        ]
    lines += _unplaced(reading)
    return neutralise("\n".join(lines) + "\n\n")


def _unplaced(reading: Reading) -> list[str]:
    runs: list[list[tuple[int, str, str]]] = []
    for line in reading.unplaced:
        entry = (line.number, line.text.strip(), line.read_as)
        if runs and runs[-1][-1][2] == line.read_as and _near(runs[-1][-1][0], line.number, reading):
            runs[-1].append(entry)
        else:
            runs.append([entry])
    if not runs:
        return ["Every line was placed."]
    out = [f"Not placed ({len(reading.unplaced)} lines):"]
    for run in runs:
        first, last = run[0], run[-1]
        if len(run) == 1:
            out.append(f"  line {first[0]}: “{_cut(first[1])}”: {first[2]}")
        else:
            out.append(
                f"  lines {first[0]}-{last[0]} ({len(run)} lines, from “{_cut(first[1])}”): {first[2]}"
            )
    return out


def _near(previous: int, number: int, reading: Reading) -> bool:
    """The same run: nothing but blank or unplaced lines between the two."""
    between = reading.lines[previous : number - 1]
    return all(not line.text.strip() or not line.placed for line in between)


def _cut(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


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
