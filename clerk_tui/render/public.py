"""One definition of "public": a meeting as anyone may read it.

Every public copy, of any paper in any format (text, Markdown, pages, the JSON record,
and whatever is added later), is made from the meeting as :func:`public_meeting` leaves
it. The writers are never given the exempt record, so no writer can leak it.

What the public form keeps of exempt (Part 2) business is listed field by field, so a
field added to the domain later stays out of public copies until someone decides that
it is public:

- an exempt agenda item: its id, title, kind, printed number, pages or "to follow", and
  the Schedule 12A paragraphs that make it exempt (the heading is printed, as councils do);
- its minute: id, title, kind, item and status (the heading again, never the record);
- a declaration of interest on it: the member, the item, the kind of interest and what
  the member did, never its nature nor the name as the clerk typed it; or nothing, when
  the committee's house style leaves such declarations out;
- attendance recorded while exempt business was under consideration: nothing at all
  (an "ALSO PRESENT" guest seen only in Part 2 is not named in public).

Everywhere, the clerk's own notes on items (never printed) are dropped, and so are the
live meeting's undo history and the drafts circulated to the Chair (working papers that
hold the exempt minutes in full).
"""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from clerk_tui.domain import (
    AgendaItem,
    Declaration,
    ExemptDeclarations,
    HouseStyle,
    Meeting,
    Minute,
)
from clerk_tui.domain.history import History
from clerk_tui.domain.record import MinutesRecord
from clerk_tui.domain.statutory import join_numbers
from clerk_tui.render.papers import MeetingPapers

WITHHELD_NATURE = "[not published: exempt business]"
"""The nature of an interest declared on an exempt item, in public copies."""


class Copy(StrEnum):
    """Which copy a paper is: it decides the heading, the marking, the file name and mode."""

    PUBLIC = "public"
    CONFIDENTIAL = "confidential"
    """Holds exempt business: marked on every page, written readable by the clerk alone."""


def exempt_item_ids(meeting: Meeting) -> set[str]:
    return {item.id for item in meeting.agenda if item.exempt}


def has_exempt_business(meeting: Meeting) -> bool:
    return any(item.exempt for item in meeting.agenda)


def paper_copy(meeting: Meeting, public: bool) -> Copy:
    """A printed paper is confidential when it is the full copy of a meeting with exempt
    business; without exempt business the full copy and the public copy are the same text."""
    return Copy.CONFIDENTIAL if not public and has_exempt_business(meeting) else Copy.PUBLIC


def record_copy(public: bool) -> Copy:
    """The JSON record is confidential unless made public: it holds the clerk's notes too."""
    return Copy.PUBLIC if public else Copy.CONFIDENTIAL


def confidential_marking(meeting: Meeting) -> str:
    """The line at the top of a confidential copy and of each of its pages."""
    paragraphs = sorted({p for item in meeting.agenda if item.exempt for p in item.exempt_paragraphs})
    word = "paragraph" if len(paragraphs) == 1 else "paragraphs"
    return (
        f"CONFIDENTIAL: NOT FOR PUBLICATION by virtue of {word} {join_numbers(paragraphs)} "
        "of Part 1 of Schedule 12A to the Local Government Act 1972"
    )


def public_meeting(meeting: Meeting, style: HouseStyle) -> Meeting:
    """The meeting with every part of its exempt business withheld (see the module's text).

    A new meeting; the parts it shares with the original are the public ones, unchanged.
    """
    exempt = exempt_item_ids(meeting)
    return replace(
        meeting,
        agenda=[_public_item(item) for item in meeting.agenda],
        minutes=[_public_minute(m) if m.item_id in exempt else m for m in meeting.minutes],
        declarations=_public_declarations(meeting.declarations, exempt, style),
        attendance=[event for event in meeting.attendance if event.item_id not in exempt],
        history=History(),
        record=_public_record(meeting.record, bool(exempt)),
    )


PUBLIC_AS_THEY_ARE = frozenset(
    {"id", "committee_id", "date", "start", "venue", "officer", "status", "chair_id", "first_minute_number"}
)
"""The meeting's own fields that a public copy keeps unchanged. Every other field is made
public by :func:`public_meeting`; a field added to Meeting later must be put in one of the
two (a test checks), so nothing new reaches a public copy by default."""

MADE_PUBLIC = frozenset({"agenda", "minutes", "declarations", "attendance", "history", "record"})


def _public_record(record: MinutesRecord, exempt_business: bool) -> MinutesRecord:
    """The circulated drafts are working papers between the clerk and the Chair (and hold the
    exempt minutes in full); a signature keeps only the copy that was frozen for the public."""
    signature = record.signature
    if signature is not None and exempt_business:
        if signature.public_copy is None:
            signature = None
        else:
            signature = replace(signature, copy=signature.public_copy, public_copy=None)
    return MinutesRecord(revisions=[], confirmation=record.confirmation, signature=signature)


def public_papers(papers: MeetingPapers) -> MeetingPapers:
    """The papers of the public copy: what every writer is given when public is asked."""
    if papers.public:
        return papers
    meeting = public_meeting(papers.meeting, papers.style)
    return replace(
        papers,
        meeting=meeting,
        public=True,
        declarations_left_out=len(papers.meeting.declarations) - len(meeting.declarations),
        warnings=list(papers.warnings),
    )


def papers_as_asked(papers: MeetingPapers, public: bool) -> MeetingPapers:
    return public_papers(papers) if public else papers


def _public_item(item: AgendaItem) -> AgendaItem:
    if not item.exempt:
        return replace(item, notes="")
    return AgendaItem(
        item.id,
        item.title,
        kind=item.kind,
        label=item.label,
        pages=item.pages,
        to_follow=item.to_follow,
        exempt=True,
        exempt_paragraphs=list(item.exempt_paragraphs),
    )


def _public_minute(minute: Minute) -> Minute:
    return Minute(minute.id, minute.title, kind=minute.kind, item_id=minute.item_id, status=minute.status)


def _public_declarations(
    declarations: list[Declaration], exempt: set[str], style: HouseStyle
) -> list[Declaration]:
    public: list[Declaration] = []
    for declaration in declarations:
        if declaration.item_id not in exempt:
            public.append(declaration)
        elif style.exempt_declarations == ExemptDeclarations.KIND_ONLY:
            public.append(
                Declaration(
                    declaration.id,
                    declaration.person_id,
                    declaration.item_id,
                    kind=declaration.kind,
                    nature=WITHHELD_NATURE,
                    action=declaration.action,
                )
            )
    return public
