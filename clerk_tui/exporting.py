"""Printed papers and interchange files from a store: what `clerk export` and
`clerk import` do, and what the app's export commands call."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from clerk_tui.domain import Committee, Meeting, Person
from clerk_tui.domain.numbering import first_minute_numbers, municipal_year
from clerk_tui.domain.safe_text import is_safe
from clerk_tui.minute_book import first_page, summaries_of_year
from clerk_tui.render import (
    Copy,
    Format,
    MeetingPapers,
    Printed,
    PrintOptions,
    print_agenda,
    public_meeting,
)
from clerk_tui.render.public import record_copy

if TYPE_CHECKING:
    from clerk_tui.interchange import Bundle
    from store import Store
    from store.outcomes import ImportReport

Paper = Literal["minutes", "agenda"]

CONFIDENTIAL_MODE = 0o600
"""A confidential copy is readable by the clerk alone, whatever the umask."""
PUBLIC_MODE = 0o644


class ExportError(Exception):
    """The file could not be written; the message says why in the clerk's words."""


def papers_for(store: Store, meeting: Meeting, first_page: int = 1) -> MeetingPapers:
    committee = store.committee(meeting.committee_id)
    people = {person.id: person for person in store.people()}
    return MeetingPapers(
        meeting,
        committee,
        people,
        first_minute_number=first_minute_number(store, meeting, committee),
        first_page=first_page,
    )


def first_minute_number(store: Store, meeting: Meeting, committee: Committee) -> int:
    """As ``Store.first_minute_number``, from the meetings of its own year alone (numbers
    start again each year), so its cost does not grow with the archive."""
    style = committee.style
    same_year = summaries_of_year(store, meeting.committee_id, style, municipal_year(meeting.date, style))
    numbers = first_minute_numbers(same_year, style)
    return numbers[meeting.id] if meeting.id in numbers else store.first_minute_number(meeting.id)


def minutes_first_page(store: Store, meeting: Meeting, options: PrintOptions) -> int:
    """Minute-book pages run on through the municipal year: the first page of these
    minutes follows the last page of the year's earlier minutes, printed the same way
    (counted once and kept: see ``clerk_tui.minute_book``)."""
    return first_page(store, meeting, options)


def print_paper(store: Store, paper: Paper, meeting_id: str, options: PrintOptions) -> Printed:
    """A meeting's agenda or minutes as text or Markdown. Minutes go through
    ``records.printed_minutes``: signed minutes print from their frozen copy (the public one
    when asked) in every form, never from the meeting as it stands now."""
    from clerk_tui.records import printed_minutes  # (records builds on this module)

    meeting = store.meeting(meeting_id)
    if paper == "agenda":
        return print_agenda(papers_for(store, meeting), options)
    paged = options.paginate and options.format == Format.TEXT
    first = minutes_first_page(store, meeting, options) if paged and meeting.record.signature is None else 1
    return printed_minutes(store, meeting, options, first)


def export_meeting(store: Store, meeting_id: str, *, public: bool = False) -> Printed:
    """The meeting's JSON record, public (``render.public``) or whole (confidential)."""
    return Printed(export_bundle(store, [meeting_id], public=public), (), record_copy(public))


def export_bundle(store: Store, meeting_ids: Iterable[str], *, public: bool = False) -> str:
    """The meetings with their committees and everyone they name, as interchange JSON."""
    meetings = [store.meeting(meeting_id) for meeting_id in meeting_ids]
    committees = {m.committee_id: store.committee(m.committee_id) for m in meetings}
    return bundle_json(meetings, list(committees.values()), store.people(), public=public)


def bundle_json(
    meetings: list[Meeting], committees: list[Committee], people: Iterable[Person], *, public: bool = False
) -> str:
    """``public``: each meeting in its public form, and only the people that form names.

    Characters a terminal would act on stay in the record but are written as JSON
    escapes, so the file itself carries none of them.
    """
    from clerk_tui.interchange import Bundle, bundle_to_json  # here: printing needs neither

    if public:
        styles = {committee.id: committee.style for committee in committees}
        meetings = [public_meeting(m, styles[m.committee_id]) for m in meetings]
    bundle = Bundle(committees, [], meetings)
    known = {person.id: person for person in people}
    bundle.people = [known[pid] for pid in sorted(bundle.referenced_people()) if pid in known]
    return _escaped(bundle_to_json(bundle))


def _escaped(json_text: str) -> str:
    """JSON's own escapes cover the C0 controls; the rest (DEL, C1, bidi overrides, lone
    surrogates) are escaped here, by the one rule of ``domain.safe_text``."""
    if is_safe(json_text):
        return json_text
    return "".join(c if is_safe(c) else f"\\u{ord(c):04x}" for c in json_text)


def file_mode(copy: Copy, path: Path) -> int:
    """0600 for a confidential copy, always; a public one keeps the mode of the file it
    replaces (a private copy stays private), else 0644."""
    if copy == Copy.CONFIDENTIAL:
        return CONFIDENTIAL_MODE
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return PUBLIC_MODE


def write_export(path: Path, printed: Printed, *, make_folder: bool = False) -> None:
    """Write an export through the store's atomic writer: an existing file is replaced
    whole or not at all, with the mode its copy needs. Raises ExportError saying what to do."""
    write_export_bytes(path, printed.text.encode("utf-8"), printed.copy, make_folder=make_folder)


def write_export_bytes(path: Path, data: bytes, copy: Copy, *, make_folder: bool = False) -> None:
    """:func:`write_export` of a file already made (a Word or PDF paper, a calendar)."""
    from store.files import atomic_write, make_private_dir

    folder = path.parent
    try:
        if make_folder:
            make_private_dir(folder)
        if path.is_dir():
            raise ExportError(f"{path} is a folder: add a file name to the path.")
        if not folder.is_dir():
            raise ExportError(f"There is no folder {folder}: create it first, or choose another.")
        atomic_write(path, data, mode=file_mode(copy, path))
    except PermissionError:
        raise ExportError(f"You may not write in {folder}: choose another folder.") from None
    except OSError as error:
        raise ExportError(f"Cannot write {path}: {error.strerror or error}. Nothing was changed.") from None


MAX_IMPORT_BYTES = 1 << 30
"""1 GB: 5,000 meetings of a council's archive make about 150 MB."""


def read_import_files(store: Store, paths: Iterable[Path]) -> list[Bundle]:
    """Read and check every file before anything is written: one bad file, nothing stored.

    Beyond each file's own checks (``read_bundle``): a record given twice must be the same
    in each file, and every meeting's committee and every person named must be in the
    files or already in the store.
    """
    from clerk_tui.interchange import InterchangeError, read_bundle

    bundles: list[Bundle] = []
    known_committees = {c.id for c in store.committees()}
    known_people = {p.id for p in store.people()}
    seen: dict[tuple[str, str], tuple[Path, object]] = {}
    for path in paths:
        bundle = read_bundle(_read_text(path), str(path))
        for kind, records in (("committee", bundle.committees), ("person", bundle.people)):
            for record in records:
                _same_everywhere(seen, (kind, record.id), path, record)
        for meeting in bundle.meetings:
            _same_everywhere(seen, ("meeting", meeting.id), path, None)
        committees = known_committees | {ident for kind, ident in seen if kind == "committee"}
        people = known_people | {ident for kind, ident in seen if kind == "person"}
        for meeting in bundle.meetings:
            if meeting.committee_id not in committees:
                raise InterchangeError(
                    f"{path}: meeting {meeting.id!r} belongs to committee {meeting.committee_id!r}, "
                    "which is neither in the file nor in the store."
                )
        missing = sorted(bundle.referenced_people() - people)
        if missing:
            raise InterchangeError(
                f"{path}: names person {missing[0]!r}, who is neither in the file nor in the store."
            )
        bundles.append(bundle)
    return bundles


def _read_text(path: Path) -> str:
    from clerk_tui.interchange import InterchangeError

    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise InterchangeError(
                f"{path}: {size / 1e6:.0f} MB is more than a clerk meetings file may be "
                f"({MAX_IMPORT_BYTES / 1e6:.0f} MB); split it."
            )
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InterchangeError(f"{path}: not UTF-8 text (byte {error.start}).") from None
    except OSError as error:
        raise InterchangeError(f"{path}: cannot be read ({error.strerror or error}).") from None


def _same_everywhere(
    seen: dict[tuple[str, str], tuple[Path, object]], key: tuple[str, str], path: Path, record: object
) -> None:
    """A record may come in several files (each export carries its committee and people),
    but only if it is the same in each; a meeting only once."""
    from clerk_tui.interchange import InterchangeError

    before = seen.get(key)
    if before is None:
        seen[key] = (path, record)
        return
    kind, ident = key
    if kind == "meeting":
        raise InterchangeError(f"{path}: meeting {ident!r} is also in {before[0]}.")
    if before[1] != record:
        raise InterchangeError(f"{path}: {kind} {ident!r} differs from the one in {before[0]}.")


def store_bundles(store: Store, bundles: Iterable[Bundle], *, replace: bool = False) -> ImportReport:
    """Write checked bundles in one step: every record, or none (see Store.import_records).

    A record already in the store with other content is refused (ImportConflictError)
    unless ``replace``; then a backup is taken first and the report says what was replaced.
    """
    committees: dict[str, Committee] = {}
    people: dict[str, Person] = {}
    meetings: list[Meeting] = []
    for bundle in bundles:
        committees.update((c.id, c) for c in bundle.committees)
        people.update((p.id, p) for p in bundle.people)
        meetings += bundle.meetings
    return store.import_records(
        people.values(), committees.values(), meetings, replace=replace, just_read=True
    )
