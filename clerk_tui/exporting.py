"""Printed papers and interchange files from a store: what `clerk export` and
`clerk import` do, and what the app's export commands call."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from clerk_tui.domain import Meeting
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


def read_import_files(store: Store, paths: Iterable[Path]) -> list[Bundle]:
    """Read and check every file before anything is written: one bad file, nothing stored."""
    bundles = []
    known_committees = {c.id for c in store.committees()}
    known_people = {p.id for p in store.people()}
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InterchangeError(f"{path}: cannot be read ({error}).") from None
        bundle = read_bundle(text, str(path))
        committees = known_committees | {c.id for c in bundle.committees}
        people = known_people | {p.id for p in bundle.people}
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


def store_bundles(store: Store, bundles: Iterable[Bundle]) -> list[str]:
    """Write checked bundles; a meeting, committee or person with a known id is replaced."""
    stored = []
    for bundle in bundles:
        for person in bundle.people:
            store.save_person(person)
        for committee in bundle.committees:
            store.save_committee(committee)
        for meeting in bundle.meetings:
            store.save_meeting(replace(meeting))
            stored.append(meeting.id)
    return stored
