"""The papers commands: Word, PDF, calendar and register exports, printing, and
``clerk verify``. Each is a function of a store and plain arguments, so the command line
and the app call the same thing; :data:`HANDLERS` runs the commands ``clerk_tui.cli`` defines
(the parser is built there, so that ``clerk list`` never imports this module).

python-docx, fpdf2 and icalendar are imported inside the functions that need them: a
plain-text export never pays for lxml or Pillow.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from clerk_tui.domain import DomainError, Meeting
from clerk_tui.domain.dates import format_body_date
from clerk_tui.exporting import Paper, papers_for
from clerk_tui.records import minute_book_first_page, minutes_document, verify_store
from clerk_tui.render import Copy, build_agenda
from clerk_tui.render.document import Document
from clerk_tui.render.layout import CopyMark, PaperOptions, SignatureLine
from clerk_tui.render.public import papers_as_asked

if TYPE_CHECKING:
    from clerk_tui.domain.register import RecordedVote
    from store import Store

PaperFormat = Literal["docx", "pdf"]
RegisterFormat = Literal["csv", "text", "markdown", "docx", "pdf"]
Runner = Callable[..., "subprocess.CompletedProcess[bytes]"]


class PapersError(DomainError):
    """A failure the clerk can act on; ``clerk``'s main prints a DomainError as it stands."""


# --- Word and PDF ----------------------------------------------------------------
def _mark(meeting: Meeting, public: bool) -> CopyMark:
    if public:
        return CopyMark.PUBLIC
    return CopyMark.CONFIDENTIAL if any(item.exempt for item in meeting.agenda) else CopyMark.NONE


def minutes_options(meeting: Meeting, *, public: bool, now: datetime | None = None) -> PaperOptions:
    """Signed minutes say who signed and when (and are dated then, so their files are the
    same at every reprint); others have the block the Chair signs."""
    signature = meeting.record.signature
    if signature is None:
        return PaperOptions(_mark(meeting, public), SignatureLine(), now)
    made = datetime.combine(signature.signed_on, time(12), tzinfo=UTC)
    line = SignatureLine(signature.chair_name, format_body_date(signature.signed_on))
    return PaperOptions(_mark(meeting, public), line, made)


def write_paper(document: Document, fmt: PaperFormat, options: PaperOptions) -> bytes:
    if fmt == "docx":
        from clerk_tui.render.docx import write_docx

        return write_docx(document, options)
    from clerk_tui.render.pdf import write_pdf

    return write_pdf(document, options)


def paper_file(
    store: Store,
    paper: Paper,
    meeting_id: str,
    fmt: PaperFormat,
    *,
    public: bool = False,
    now: datetime | None = None,
) -> bytes:
    """A meeting's minutes or agenda as Word or PDF. Minutes number their pages on through
    the municipal year's minute book; signed minutes are written from their frozen copy."""
    meeting = store.meeting(meeting_id)
    if paper == "agenda":
        document = build_agenda(papers_as_asked(papers_for(store, meeting), public))
        return write_paper(document, fmt, PaperOptions(_mark(meeting, public), None, now))
    first_page = 1 if meeting.record.signature is not None else minute_book_first_page(store, meeting)
    document = minutes_document(store, meeting, public=public, first_page=first_page)
    return write_paper(document, fmt, minutes_options(meeting, public=public, now=now))


# --- printing ---------------------------------------------------------------------
NO_PRINTER = (
    "There is no printer command on this computer (lp, from CUPS, was not found). Save the "
    "minutes as a PDF with `clerk export minutes {id} --format pdf -o minutes.pdf` and print "
    "that from your PDF viewer."
)


def send_to_printer(
    store: Store,
    meeting_id: str,
    *,
    public: bool = False,
    lp: str | None = None,
    run: Runner = subprocess.run,
) -> str:
    """Print the minutes' PDF on the default printer with ``lp``; what lp answered."""
    command = lp or shutil.which("lp")
    if command is None:
        raise PapersError(NO_PRINTER.format(id=meeting_id))
    pdf = paper_file(store, "minutes", meeting_id, "pdf", public=public)
    title = f"Minutes {meeting_id}"
    try:
        result = run([command, "-t", title], input=pdf, capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PapersError(f"The minutes could not be sent to the printer: {error}.") from None
    if result.returncode != 0:
        said = (
            result.stderr.decode("utf-8", "replace").strip() or f"lp exited with status {result.returncode}"
        )
        raise PapersError(f"The printer did not take the minutes: {said}")
    return result.stdout.decode("utf-8", "replace").strip() or "sent to the printer"


# --- calendar and register -------------------------------------------------------
_YEAR = re.compile(r"^(\d{4})(?:/(\d{2}))?$")


def parse_year(text: str) -> int:
    """``2019/20`` or ``2019``: the year the municipal year began."""
    match = _YEAR.match(text.strip())
    if match is None:
        raise PapersError(f"{text!r} is not a municipal year: write it as 2019/20.")
    first = int(match.group(1))
    if match.group(2) is not None and int(match.group(2)) != (first + 1) % 100:
        raise PapersError(
            f"{text!r} is not a municipal year: {first}/{(first + 1) % 100:02d} follows {first}."
        )
    return first


def year_meetings(store: Store, committee_id: str, year: int) -> list[Meeting]:
    from clerk_tui.domain.numbering import municipal_year

    style = store.committee(committee_id).style
    summaries = store.meeting_summaries(committee_id)
    return [store.meeting(s.id) for s in summaries if municipal_year(s.date, style) == year]


def calendar_file(store: Store, committee_id: str, year: int, now: datetime, domain: str = "clerk") -> bytes:
    from clerk_tui.render.calendar import write_calendar

    committee = store.committee(committee_id)
    meetings = year_meetings(store, committee_id, year)
    return write_calendar(committee, meetings, now, domain=domain).encode("utf-8")


def _render(document: Document, fmt: RegisterFormat) -> bytes:
    from clerk_tui.render import Format, PrintOptions, write

    if fmt in ("docx", "pdf"):
        return write_paper(document, fmt, PaperOptions())
    markdown = Format.MARKDOWN if fmt == "markdown" else Format.TEXT
    return write(document, PrintOptions(markdown)).encode("utf-8")


def register_file(store: Store, committee_id: str, year: int, fmt: RegisterFormat) -> bytes:
    from clerk_tui.domain.register import register_for
    from clerk_tui.render.register import build_register, register_csv

    committee = store.committee(committee_id)
    people = {person.id: person for person in store.people()}
    register = register_for(committee, year_meetings(store, committee_id, year), year)
    if fmt == "csv":
        return register_csv(register, people).encode("utf-8")
    return _render(build_register(register, committee, people), fmt)


def history_file(store: Store, person_id: str, fmt: RegisterFormat) -> bytes:
    """One member's attendance on every committee, every year (reads every meeting)."""
    from clerk_tui.domain.register import member_history, noting_recorded_votes
    from clerk_tui.render.register import build_history, history_csv

    person = store.person(person_id)
    committees = store.committees()
    people = {p.id: p for p in store.people()}
    meetings = (store.meeting(summary.id) for summary in store.meeting_summaries())
    votes: list[RecordedVote] = []
    entries = member_history(person_id, committees, noting_recorded_votes(meetings, person_id, votes))
    if fmt == "csv":
        return history_csv(entries, people).encode("utf-8")
    return _render(build_history(person, entries, {c.id: c for c in committees}, votes), fmt)


# --- verify ----------------------------------------------------------------------
def verify_lines(store: Store, meeting_ids: Iterable[str] | None = None) -> tuple[bool, list[str]]:
    """One line per signed or circulated meeting, and one per problem found."""
    report = verify_store(store, meeting_ids)
    lines = []
    for result in report.results:
        if result.ok and result.state.value == "draft":
            continue
        verdict = "ok" if result.ok else "CHANGED SINCE IT WAS FROZEN"
        lines.append(f"{result.meeting_id}\t{result.state.value}\t{verdict}")
        lines.extend(f"  {result.meeting_id}: {problem}" for problem in result.problems)
    signed = report.signed()
    lines.append(
        f"{signed} signed set{'s' if signed != 1 else ''} of minutes checked; "
        + ("all match the hashes recorded when they were signed." if report.ok else "some do not: see above.")
    )
    return report.ok, lines


# --- the commands (their arguments are defined in clerk_tui.cli) -------------------
def _open(args: argparse.Namespace, read_only: bool = True) -> Store:
    """The store ``--store`` names, else the default one (as ``cli.resolve_store_path``;
    not imported from there, so that the screens, which call this module, never reach the CLI)."""
    from store import Store
    from store.locations import default_store_path

    path = args.store if args.store is not None else default_store_path()
    return Store.open(path, read_only=read_only, auto_backup=False)


def write_output(data: bytes, output: Path | None, copy: Copy = Copy.PUBLIC) -> None:
    """To the file (atomically; a confidential copy readable by its owner alone), else stdout."""
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from clerk_tui.exporting import ExportError, write_export_bytes

    try:
        write_export_bytes(output, data, copy)
    except ExportError as error:
        raise PapersError(f"cannot write {output}: {error}") from None


def paper_copy_of(store: Store, meeting_id: str, public: bool) -> Copy:
    from clerk_tui.render.public import paper_copy

    return paper_copy(store.meeting(meeting_id), public)


def run_export(args: argparse.Namespace) -> int:
    """``clerk export minutes|agenda MEETING --format docx|pdf``: never to a terminal."""
    if args.output is None and sys.stdout.isatty():
        raise PapersError(
            f"A {args.format.upper() if args.format == 'pdf' else 'Word'} file is not for the terminal: "
            f"add -o FILE (for example -o {args.meeting}-{args.what}.{args.format})."
        )
    with _open(args) as store:
        data = paper_file(store, args.what, args.meeting, args.format, public=args.public)
        copy = paper_copy_of(store, args.meeting, args.public)
    write_output(data, args.output, copy)
    return 0


def _date(text: str | None) -> date | None:
    from clerk_tui.domain.dates import parse_date

    return parse_date(text) if text else None


def run_circulate(args: argparse.Namespace) -> int:
    from clerk_tui import records

    on = _date(args.on) or date.today()
    with _open(args, read_only=False) as store:
        revision = records.circulate(store, args.meeting, on, args.to or "")
    sent = f" to {args.to}" if args.to else ""
    print(f"{args.meeting}: revision {revision.number} of the minutes circulated{sent} on {on.isoformat()}")
    return 0


def run_confirm(args: argparse.Namespace) -> int:
    from clerk_tui import records

    with _open(args, read_only=False) as store:
        confirmation = records.confirm(store, args.meeting, args.by, args.amendment or ())
    amended = len(confirmation.amendments)
    subject = f", subject to {amended} amendment{'s' if amended != 1 else ''}" if amended else ""
    print(
        f"{args.meeting}: revision {confirmation.revision} of the minutes confirmed as a correct record "
        f"by {confirmation.meeting_id}{subject}"
    )
    return 0


def run_sign(args: argparse.Namespace) -> int:
    from clerk_tui import records

    with _open(args, read_only=False) as store:
        signature = records.sign(store, args.meeting, chair_name=args.chair or "", on=_date(args.on))
    print(
        f"{args.meeting}: signed by {signature.chair_name} on {signature.signed_on.isoformat()}; the minutes "
        f"are locked (SHA-256 {signature.copy.text_sha256[:12]}…, {signature.pages} minute-book pages)"
    )
    return 0


def run_verify(args: argparse.Namespace) -> int:
    with _open(args) as store:
        ok, lines = verify_lines(store, args.meetings or None)
    for line in lines:
        print(line)
    return 0 if ok else 1


def run_print(args: argparse.Namespace) -> int:
    with _open(args) as store:
        print(send_to_printer(store, args.meeting, public=args.public))
    return 0


def run_calendar(args: argparse.Namespace) -> int:
    with _open(args) as store:
        data = calendar_file(store, args.committee, parse_year(args.year), datetime.now(UTC))
    write_output(data, args.output)
    return 0


def run_register(args: argparse.Namespace) -> int:
    with _open(args) as store:
        data = register_file(store, args.committee, parse_year(args.year), args.format)
    write_output(data, args.output)
    return 0


def run_history(args: argparse.Namespace) -> int:
    with _open(args) as store:
        data = history_file(store, args.person, args.format)
    write_output(data, args.output)
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "circulate": run_circulate,
    "confirm": run_confirm,
    "sign": run_sign,
    "verify": run_verify,
    "print": run_print,
    "calendar": run_calendar,
    "register": run_register,
    "history": run_history,
}
