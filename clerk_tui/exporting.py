"""Printed papers and interchange files from a store: what `clerk export` and
`clerk import` do, and what the app's export commands call."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from clerk_tui.domain import Committee, Meeting, Person
from clerk_tui.domain.numbering import municipal_year
from clerk_tui.interchange import Bundle, InterchangeError, bundle_to_json, read_bundle
from clerk_tui.render import (
    MeetingPapers,
    Printed,
    PrintOptions,
    build_minutes,
    count_pages,
    print_agenda,
    print_minutes,
)

if TYPE_CHECKING:
    from store import Store
    from store.repository import ImportReport

Paper = Literal["minutes", "agenda"]


def papers_for(store: Store, meeting: Meeting, first_page: int = 1) -> MeetingPapers:
    committee = store.committee(meeting.committee_id)
    people = {person.id: person for person in store.people()}
    return MeetingPapers(
        meeting,
        committee,
        people,
        first_minute_number=store.first_minute_number(meeting.id),
        first_page=first_page,
    )


def minutes_first_page(store: Store, meeting: Meeting, options: PrintOptions) -> int:
    """Minute-book pages run on through the municipal year: the first page of these
    minutes follows the last page of the year's earlier minutes, printed the same way."""
    committee = store.committee(meeting.committee_id)
    year = municipal_year(meeting.date, committee.style)
    page = 1
    for summary in store.meeting_summaries(meeting.committee_id):
        if (summary.date, summary.id) >= (meeting.date, meeting.id):
            break
        if municipal_year(summary.date, committee.style) != year or summary.minute_count == 0:
            continue
        earlier = store.meeting(summary.id)
        document = build_minutes(papers_for(store, earlier), public=options.public)
        page += count_pages(document, options.width, options.page_length)
    return page


def print_paper(store: Store, paper: Paper, meeting_id: str, options: PrintOptions) -> Printed:
    meeting = store.meeting(meeting_id)
    if paper == "agenda":
        return print_agenda(papers_for(store, meeting), options)
    first_page = minutes_first_page(store, meeting, options) if options.paginate else 1
    return print_minutes(papers_for(store, meeting, first_page), options)


def export_bundle(store: Store, meeting_ids: Iterable[str]) -> str:
    """The meetings with their committees and everyone they name, as interchange JSON."""
    meetings = [store.meeting(meeting_id) for meeting_id in meeting_ids]
    committees = {m.committee_id: store.committee(m.committee_id) for m in meetings}
    bundle = Bundle(list(committees.values()), [], meetings)
    people = {person.id: person for person in store.people()}
    bundle.people = [people[pid] for pid in sorted(bundle.referenced_people()) if pid in people]
    return bundle_to_json(bundle)


MAX_IMPORT_BYTES = 1 << 30
"""1 GB: 5,000 meetings of a council's archive make about 150 MB."""


def read_import_files(store: Store, paths: Iterable[Path]) -> list[Bundle]:
    """Read and check every file before anything is written: one bad file, nothing stored.

    Beyond each file's own checks (``read_bundle``): a record given twice must be the same
    in each file, and every meeting's committee and every person named must be in the
    files or already in the store.
    """
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
