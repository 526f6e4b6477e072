"""The minutes' approval lifecycle: draft -> circulated -> confirmed -> signed.

- **Circulated**: each time the draft is sent (to the Chair, to the committee with the
  next agenda) its text is frozen into a numbered revision.
- **Confirmed**: the next meeting resolves that the minutes "be confirmed as a correct
  record", perhaps "subject to the following amendment ..."; the confirmation links the
  two meetings and names the revision that was before the meeting.
- **Signed**: the Chair signs them. The printed text is frozen with its SHA-256, and so
  is the document model the Word and PDF copies are written from (the public copy too,
  when exempt business made it differ). From then on the meeting never changes: every
  edit is refused, saying why and what to do, and the minutes reprint from the frozen
  text, byte for byte, whatever later happens to the people they name.

The record is kept on the meeting (``Meeting.record``, see ``clerk_tui.domain.record``)
so that it travels with it: in the store, in its backups and in interchange files.

This module knows nothing of printing: callers hand it the printed text (and the frozen
model) made by ``clerk_tui.render.frozen``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from clerk_tui.domain.agenda import ItemKind
from clerk_tui.domain.committee import MINUTES_CONFIRMED
from clerk_tui.domain.dates import format_body_date, format_long_date
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.meeting import Meeting
from clerk_tui.domain.minutes import Resolution
from clerk_tui.domain.record import (
    Confirmation,
    FrozenCopy,
    MinutesRecord,
    Revision,
    Signature,
    digest,
)
from clerk_tui.domain.safe_text import one_line
from clerk_tui.domain.statutory import minutes_confirmed
from clerk_tui.domain.summary import MeetingStatus, RecordState


class RecordLockedError(DomainError):
    """An edit of signed minutes (or one that would lose their history) was refused."""


# --- guards ----------------------------------------------------------------------
def _held(meeting: Meeting) -> str:
    return format_long_date(meeting.date)


def locked_message(meeting: Meeting) -> str:
    signature = meeting.record.signature
    assert signature is not None
    return (
        f"The minutes of the meeting held on {_held(meeting)} were signed by {signature.chair_name} "
        f"as a correct record on {format_body_date(signature.signed_on)}, so they can no longer be "
        "changed. A correction is recorded in the minutes of a later meeting; the signed copy can "
        "still be printed and exported."
    )


def check_editable(meeting: Meeting) -> None:
    """Before any change to a meeting: RecordLockedError if its minutes are signed."""
    if meeting.record.signature is not None:
        raise RecordLockedError(locked_message(meeting), "record")


def check_save(stored: Meeting | None, new: Meeting) -> None:
    """What the store asks before it writes ``new`` over ``stored``: a signed meeting is
    never changed, and neither a signature nor a circulated revision is ever lost (an old
    copy of the meeting saved over a newer one, an undo reaching back past a signing)."""
    if stored is None:
        return
    if stored.record.signature is not None and new != stored:
        raise RecordLockedError(locked_message(stored), "record")
    kept = new.record.revisions[: len(stored.record.revisions)]
    if kept != stored.record.revisions:
        raise RecordLockedError(
            f"Revision {len(stored.record.revisions)} of the minutes of {_held(stored)} has been "
            "circulated, and this copy of the meeting would change or remove it: a circulated "
            "revision is never changed or removed, so nothing was saved. Open the meeting again to "
            "work on the stored copy; to send changed minutes, circulate them again as a new revision.",
            "record",
        )


RECORD_ORDER = (RecordState.DRAFT, RecordState.CIRCULATED, RecordState.CONFIRMED, RecordState.SIGNED)


def falls_back(new: RecordState, stored: RecordState) -> bool:
    """``new`` is an earlier state than ``stored``: saving it would lose part of the record."""
    return RECORD_ORDER.index(new) < RECORD_ORDER.index(stored)


def replacement_refusal(stored: Meeting, new: Meeting) -> str | None:
    """Why ``new`` (an imported copy, a backup's) may not replace the stored meeting even
    when the clerk asks for it to be replaced, or None if it may: signed minutes are never
    replaced, and no circulated revision is lost."""
    signature = stored.record.signature
    if signature is not None and new != stored:
        return (
            f"meeting {stored.id} has minutes signed by {signature.chair_name} on "
            f"{format_body_date(signature.signed_on)}, and signed minutes are never replaced"
        )
    revisions = stored.record.revisions
    if new.record.revisions[: len(revisions)] != revisions:
        latest = revisions[-1]
        return (
            f"meeting {stored.id} has revision {latest.number} of its minutes, circulated on "
            f"{format_body_date(latest.circulated_on)}, which the other copy does not have, and a "
            "circulated revision is never removed"
        )
    return None


# --- circulation -----------------------------------------------------------------
def circulate(meeting: Meeting, text: str, on: date, sent_to: str = "") -> Revision:
    """Freeze the printed draft into the next numbered revision."""
    check_editable(meeting)
    record = meeting.record
    if record.confirmation is not None:
        raise DomainError(
            f"These minutes were confirmed on {format_long_date(record.confirmation.confirmed_on)}; "
            "confirmed minutes are not circulated as a draft again. Withdraw the confirmation first "
            "if it was recorded by mistake.",
            "record",
        )
    if not meeting.numbered_minutes():
        raise DomainError("There are no minutes to circulate yet: record the minutes first.", "record")
    revision = Revision(len(record.revisions) + 1, on, text, digest(text), one_line(sent_to))
    record.revisions.append(revision)
    return revision


def changed_since(meeting: Meeting, text: str, number: int | None = None) -> list[str]:
    """What differs between a revision (the latest by default) and the minutes as they
    print now, as unified-diff lines; empty when they are the same."""
    record = meeting.record
    revision = record.revision(number) if number is not None else record.latest()
    if revision is None:
        return []
    if revision.text == text:
        return []
    import difflib  # here: only a comparison of revisions needs it

    return list(
        difflib.unified_diff(
            revision.text.splitlines(),
            text.splitlines(),
            f"revision {revision.number}",
            "now",
            lineterm="",
        )
    )


# --- confirmation ----------------------------------------------------------------
def confirmation_resolution(
    held: date,
    amendments: Sequence[str],
    comma_before_year: bool,
    like: Resolution | None = None,
    wording: str = MINUTES_CONFIRMED,
) -> Resolution:
    """``That the Minutes of the meeting held on 12 June, 2019 be confirmed as a correct
    record[, subject to the following amendment: ...]``, keeping the clerk's lead and
    opening from ``like`` (some clerks print it without "RESOLVED:")."""
    text = minutes_confirmed(held, comma_before_year, wording)
    if len(amendments) == 1:
        text += f", subject to the following amendment: {amendments[0]}"
    elif amendments:
        lettered = [f"({chr(ord('a') + index)}) {text}" for index, text in enumerate(amendments)]
        text += ", subject to the following amendments: " + "; ".join(lettered[:-1]) + f"; and {lettered[-1]}"
    if like is None:
        return Resolution([text])
    if not like.opening:  # "The Minutes ... be confirmed" printed without "That"
        text = text[:1].upper() + text[1:]
    return Resolution(
        [text],
        lead=like.lead,
        opening=like.opening,
        print_lead=like.print_lead,
        final_full_stop=like.final_full_stop,
    )


def confirm(
    minuted: Meeting,
    confirming: Meeting,
    minute_id: str,
    current_text: str,
    amendments: Sequence[str] = (),
    *,
    comma_before_year: bool = False,
    wording: str = MINUTES_CONFIRMED,
) -> Confirmation:
    """Record that ``confirming`` confirmed the minutes of ``minuted`` at its previous-minutes
    minute ``minute_id``, writing that minute's resolution. Both meetings change: save both."""
    check_editable(minuted)
    check_editable(confirming)
    record = minuted.record
    if record.confirmation is not None:
        raise DomainError(
            f"These minutes were already confirmed on {format_long_date(record.confirmation.confirmed_on)}.",
            "record",
        )
    latest = record.latest()
    if latest is None:
        raise DomainError(
            "These minutes have not been circulated: circulate them (with the next agenda) before "
            "the meeting confirms them.",
            "record",
        )
    if confirming.committee_id != minuted.committee_id or confirming.date <= minuted.date:
        raise DomainError(
            "Minutes are confirmed by a later meeting of the same committee.", "confirming_meeting"
        )
    minute = next((m for m in confirming.minutes if m.id == minute_id), None)
    if minute is None or minute.kind != ItemKind.PREVIOUS_MINUTES:
        raise DomainError(
            "Choose the confirming meeting's minute on the minutes of the previous meeting.", "minute"
        )
    if minute.resolution is not None and "be confirmed as a correct record" not in minute.resolution.parts[0]:
        raise DomainError(
            f"The minute {minute.title!r} already has a resolution that does not confirm the minutes; "
            "change it there first.",
            "minute",
        )
    cleaned = [one_line(text) for text in amendments if one_line(text)]
    if current_text != latest.text and not cleaned:
        raise DomainError(
            f"The minutes have changed since revision {latest.number} was circulated. Record the "
            "changes as amendments made at confirmation, or circulate the minutes again.",
            "amendments",
        )
    minute.resolution = confirmation_resolution(
        minuted.date, cleaned, comma_before_year, minute.resolution, wording
    )
    confirmation = Confirmation(confirming.id, minute_id, confirming.date, latest.number, cleaned)
    record.confirmation = confirmation
    minuted.status = MeetingStatus.APPROVED
    return confirmation


def withdraw_confirmation(minuted: Meeting) -> Confirmation:
    """Undo a confirmation recorded by mistake (before signing). The confirming minute's
    resolution is left as it stands for the clerk to correct."""
    check_editable(minuted)
    confirmation = minuted.record.confirmation
    if confirmation is None:
        raise DomainError("These minutes have not been confirmed.", "record")
    minuted.record.confirmation = None
    minuted.status = MeetingStatus.MINUTES_DRAFTED
    return confirmation


# --- signing ---------------------------------------------------------------------
def sign(
    meeting: Meeting,
    chair_name: str,
    on: date,
    copy: FrozenCopy,
    public_copy: FrozenCopy | None = None,
    chair_id: str | None = None,
    pages: int = 0,
) -> Signature:
    """The Chair signs the confirmed minutes: ``copy`` (and the public copy, if it differs)
    is frozen for ever."""
    check_editable(meeting)
    confirmation = meeting.record.confirmation
    if confirmation is None:
        raise DomainError(
            "The Chair signs minutes the committee has confirmed as a correct record: record the "
            "confirmation first.",
            "record",
        )
    name = one_line(chair_name)
    if not name:
        raise DomainError("Name the Chair who signs the minutes.", "chair")
    if on < confirmation.confirmed_on:
        raise DomainError(
            f"The minutes were confirmed on {format_long_date(confirmation.confirmed_on)}; they are "
            "signed on that day or later.",
            "signed_on",
        )
    confirmed = meeting.record.revision(confirmation.revision)
    if copy.text != confirmed.text and not confirmation.amendments:
        raise DomainError(
            f"The minutes have changed since revision {confirmed.number} was confirmed, and no "
            "amendment was recorded at confirmation: the Chair signs what the committee confirmed.",
            "record",
        )
    signature = Signature(name, on, copy, public_copy, chair_id, pages)
    meeting.record.signature = signature
    return signature


def frozen_copy(meeting: Meeting, public: bool = False) -> FrozenCopy | None:
    """The frozen copy of signed minutes that prints (the public one when asked), or None
    if they are not signed. A public copy of minutes with exempt business is only ever
    their frozen public copy: when there is none (a file changed by hand), DomainError,
    never the full copy in its place."""
    signature = meeting.record.signature
    if signature is None:
        return None
    if public and signature.public_copy is not None:
        return signature.public_copy
    if public and any(item.exempt for item in meeting.agenda):
        raise DomainError(
            f"The signed minutes of the meeting held on {_held(meeting)} include exempt business "
            "but hold no public copy, so none can be printed. Run `clerk verify`, and restore the "
            "meeting from a backup.",
            "record",
        )
    return signature.copy


def signed_text(meeting: Meeting, public: bool = False) -> str | None:
    """The frozen text of signed minutes (the public copy when asked), or None if unsigned."""
    copy = frozen_copy(meeting, public)
    return copy.text if copy is not None else None


# --- verification ----------------------------------------------------------------
@dataclass(frozen=True)
class Verification:
    """What checking one meeting's minutes record found."""

    meeting_id: str
    state: RecordState
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(meeting: Meeting) -> Verification:
    """Check the frozen copies and revisions against the hashes recorded with them."""
    record = meeting.record
    problems: list[str] = []
    for revision in record.revisions:
        if digest(revision.text) != revision.sha256:
            problems.append(
                f"revision {revision.number} does not match the SHA-256 recorded when it was sent"
            )
    if record.confirmation is not None:
        numbers = {revision.number for revision in record.revisions}
        if record.confirmation.revision not in numbers:
            problems.append(
                f"the confirmation names revision {record.confirmation.revision}, which is missing"
            )
    signature = record.signature
    if signature is not None:
        problems.extend(signature.copy.problems("signed"))
        if signature.public_copy is not None:
            problems.extend(signature.public_copy.problems("signed public"))
    return Verification(meeting.id, record.state, tuple(problems))


# --- cancellation ----------------------------------------------------------------
def cancel(meeting: Meeting) -> None:
    """Mark a meeting that will not take place as cancelled (it stays in the calendar,
    marked so, and out of attendance figures)."""
    check_editable(meeting)
    if meeting.numbered_minutes() or meeting.attendance:
        raise DomainError(
            "Attendance or minutes have been recorded for this meeting, so it took place: it "
            "cannot be cancelled.",
            "status",
        )
    meeting.status = MeetingStatus.CANCELLED


def reinstate(meeting: Meeting) -> None:
    if meeting.status != MeetingStatus.CANCELLED:
        raise DomainError("This meeting is not cancelled.", "status")
    meeting.status = MeetingStatus.DRAFT_AGENDA


__all__ = [
    "Confirmation",
    "FrozenCopy",
    "MinutesRecord",
    "RecordLockedError",
    "RecordState",
    "Revision",
    "Signature",
    "Verification",
    "cancel",
    "changed_since",
    "check_editable",
    "check_save",
    "circulate",
    "confirm",
    "confirmation_resolution",
    "digest",
    "falls_back",
    "frozen_copy",
    "reinstate",
    "replacement_refusal",
    "sign",
    "signed_text",
    "verify",
    "withdraw_confirmation",
]
