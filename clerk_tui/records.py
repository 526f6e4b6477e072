"""The minutes' lifecycle against a store: circulate, confirm, sign, verify, and print
signed minutes from their frozen copies.

The domain (``clerk_tui.domain.approval``) holds the rules; this module prints what they
freeze and saves what they change. The store itself refuses any save that would change
signed minutes or lose a circulated revision (``Store.save_meeting``), whoever saves.
Nothing here imports Textual or python-docx; fpdf2 is loaded only to count the pages of
a PDF (the minute book), and Word and PDF files are written by ``clerk_tui.cli_papers``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from clerk_tui.domain import DomainError, ItemKind, Meeting, Role, approval
from clerk_tui.domain.approval import Verification
from clerk_tui.domain.dates import format_long_date
from clerk_tui.domain.record import Confirmation, FrozenCopy, Revision, Signature
from clerk_tui.domain.safe_text import neutralise
from clerk_tui.exporting import papers_for
from clerk_tui.minute_book import PDF_PAGES, pdf_page_count, signed_copy
from clerk_tui.minute_book import first_page as minute_book_page
from clerk_tui.render import Printed, PrintOptions, build_minutes, write
from clerk_tui.render.document import Document
from clerk_tui.render.frozen import FrozenModelError, printed, thaw
from clerk_tui.render.names import Named, minutes_name, titled
from clerk_tui.render.public import paper_copy, papers_as_asked

if TYPE_CHECKING:
    from store import Store

RECORD_FORM = PrintOptions(width=0)
"""The form the record's text is frozen in: one paragraph per line, no page furniture."""


def save_checked(store: Store, meeting: Meeting) -> None:
    """Save a meeting unless that would change signed minutes or lose a revision
    (RecordLockedError, the store unchanged). ``Store.save_meeting`` makes the check itself
    now, on every path; this name stays for the callers written before it did."""
    store.save_meeting(meeting)


# --- printing ----------------------------------------------------------------------
def live_minutes(store: Store, meeting: Meeting, *, public: bool = False, first_page: int = 1) -> Document:
    """The minutes built from the meeting as it stands (never for signed minutes)."""
    return build_minutes(papers_as_asked(papers_for(store, meeting, first_page), public))


def signed_document(meeting: Meeting, *, public: bool = False) -> Document | None:
    """The frozen document of signed minutes (the public copy if asked), or None."""
    if meeting.record.signature is None:
        return None
    return signed_copy(meeting, public)[0]


def minutes_document(
    store: Store, meeting: Meeting, *, public: bool = False, first_page: int = 1
) -> Document:
    """What every writer prints: the frozen copy once signed, else the live minutes."""
    frozen = signed_document(meeting, public=public)
    return (
        frozen if frozen is not None else live_minutes(store, meeting, public=public, first_page=first_page)
    )


def print_minutes(store: Store, meeting_id: str, options: PrintOptions, first_page: int = 1) -> Printed:
    """Text or Markdown of a meeting's minutes. Signed minutes in the record's form are the
    frozen text itself, byte for byte; in any other form they are written from the frozen
    model, so a renamed member or an edited venue never reaches them."""
    return printed_minutes(store, store.meeting(meeting_id), options, first_page)


def printed_minutes(store: Store, meeting: Meeting, options: PrintOptions, first_page: int = 1) -> Printed:
    """:func:`print_minutes` of a meeting already loaded. ``first_page`` is for live minutes:
    signed ones print the page they were signed on."""
    copy = paper_copy(meeting, options.public)
    if meeting.record.signature is not None:
        if replace(options, public=False) == RECORD_FORM:
            text = approval.signed_text(meeting, public=options.public)
            assert text is not None
            return Printed(neutralise(text), (), copy)
        return Printed(write(signed_copy(meeting, options.public)[0], options), (), copy)
    document = live_minutes(store, meeting, public=options.public, first_page=first_page)
    warnings = tuple(neutralise(warning) for warning in dict.fromkeys(document.warnings))
    return Printed(write(document, options), warnings, copy)


def frozen_copies(store: Store, meeting: Meeting, first_page: int) -> tuple[FrozenCopy, FrozenCopy | None]:
    """The full and public copies as they print now, frozen; no public copy when it is the same."""
    full = printed(live_minutes(store, meeting, first_page=first_page))
    public = printed(live_minutes(store, meeting, public=True, first_page=first_page))
    full_copy = FrozenCopy.of(full.text, full.model)
    if public.text == full.text:
        return full_copy, None
    return full_copy, FrozenCopy.of(public.text, public.model)


# --- the lifecycle -------------------------------------------------------------------
def circulate(store: Store, meeting_id: str, on: date, sent_to: str = "") -> Revision:
    meeting = store.meeting(meeting_id)
    text = write(live_minutes(store, meeting), RECORD_FORM)
    revision = approval.circulate(meeting, text, on, sent_to)
    save_checked(store, meeting)
    return revision


def previous_minutes_minute(meeting: Meeting) -> str:
    """The id of a meeting's minute on the minutes of the previous meeting."""
    for minute in meeting.numbered_minutes():
        if minute.kind == ItemKind.PREVIOUS_MINUTES:
            return minute.id
    raise DomainError(
        f"The meeting of {format_long_date(meeting.date)} has no minute on the minutes of the previous "
        "meeting yet: minute that item first.",
        "minute",
    )


def confirm(
    store: Store,
    meeting_id: str,
    confirming_id: str,
    amendments: Iterable[str] = (),
    minute_id: str | None = None,
) -> Confirmation:
    """The meeting ``confirming_id`` confirmed the minutes of ``meeting_id``. The confirming
    meeting's minute is saved first: if the second save fails it is retried, and a
    confirmation is never recorded that no minute prints."""
    minuted = store.meeting(meeting_id)
    confirming = store.meeting(confirming_id)
    committee = store.committee(minuted.committee_id)
    text = write(live_minutes(store, minuted), RECORD_FORM)
    confirmation = approval.confirm(
        minuted,
        confirming,
        minute_id or previous_minutes_minute(confirming),
        text,
        list(amendments),
        comma_before_year=committee.style.comma_before_year,
        wording=committee.style.minutes_confirmed_wording,
    )
    save_checked(store, confirming)
    save_checked(store, minuted)
    return confirmation


def withdraw_confirmation(store: Store, meeting_id: str) -> Confirmation:
    """Undo a confirmation recorded by mistake, before the minutes are signed (the
    confirming meeting's minute is left for the clerk to correct)."""
    meeting = store.meeting(meeting_id)
    confirmation = approval.withdraw_confirmation(meeting)
    save_checked(store, meeting)
    return confirmation


def chair_of(store: Store, meeting: Meeting) -> tuple[str, str | None]:
    """Who chaired a meeting, named as its minutes name them ("Councillor Cummins")."""
    committee = store.committee(meeting.committee_id)
    chair_id = meeting.chair_id
    if chair_id is None:
        seat = next((m for m in committee.memberships_on(meeting.date) if m.role == Role.CHAIR), None)
        chair_id = seat.person_id if seat is not None else None
    if chair_id is None:
        raise DomainError("Name the Chair who signs the minutes: the meeting has no Chair recorded.", "chair")
    person = store.person(chair_id).as_on(meeting.date)  # the name they had at the meeting
    name = minutes_name(person, committee.style, committee_id=committee.id)
    return titled(Named(name, person.councillor), committee.style), chair_id


def sign(
    store: Store,
    meeting_id: str,
    *,
    chair_name: str = "",
    on: date | None = None,
    first_page: int | None = None,
) -> Signature:
    """The Chair signs confirmed minutes: both copies are frozen as they print now, on the
    minute-book page they start on. By default the Chair is whoever chaired the
    confirming meeting, and the date is that meeting's."""
    meeting = store.meeting(meeting_id)
    confirmation = meeting.record.confirmation
    if confirmation is None:
        approval.check_editable(meeting)
        raise DomainError(
            "The Chair signs minutes the committee has confirmed as a correct record: record the "
            "confirmation first.",
            "record",
        )
    chair_id: str | None = None
    if not chair_name:
        chair_name, chair_id = chair_of(store, store.meeting(confirmation.meeting_id))
    page = first_page if first_page is not None else minute_book_first_page(store, meeting)
    copy, public_copy = frozen_copies(store, meeting, page)
    pages = minutes_page_count(thaw(copy.model))
    signature = approval.sign(
        meeting, chair_name, on or confirmation.confirmed_on, copy, public_copy, chair_id, pages
    )
    save_checked(store, meeting)
    return signature


def minute_book_first_page(store: Store, meeting: Meeting) -> int:
    """The minute-book page (of the printed PDF) these minutes start on: the page after
    the last page of the municipal year's earlier minutes. Signed minutes carry their first
    page and page count frozen, so only the minutes after the latest signed set are
    counted, each laid out once and its count kept (``clerk_tui.minute_book``)."""
    return minute_book_page(store, meeting, PDF_PAGES)


def minutes_page_count(document: Document) -> int:
    """Pages of the minutes' PDF as printed, signature block included (loads fpdf2)."""
    return pdf_page_count(document)


# --- verification --------------------------------------------------------------------
@dataclass(frozen=True)
class StoreVerification:
    """What checking every meeting's minutes record in a store found."""

    results: tuple[Verification, ...]

    @property
    def ok(self) -> bool:
        return all(result.ok for result in self.results)

    def signed(self) -> int:
        return sum(1 for result in self.results if result.state == approval.RecordState.SIGNED)


def verify_store(store: Store, meeting_ids: Iterable[str] | None = None) -> StoreVerification:
    """Every meeting's frozen copies and revisions against their recorded hashes."""
    ids = list(meeting_ids) if meeting_ids is not None else [s.id for s in store.meeting_summaries()]
    results = []
    for meeting_id in ids:
        meeting = store.meeting(meeting_id)
        result = approval.verify(meeting)
        problems = list(result.problems)
        signature = meeting.record.signature
        if signature is not None:
            for copy in (signature.copy, signature.public_copy):
                if copy is None:
                    continue
                try:
                    thaw(copy.model)
                except FrozenModelError as error:
                    problems.append(str(error))
        results.append(Verification(result.meeting_id, result.state, tuple(dict.fromkeys(problems))))
    return StoreVerification(tuple(results))
