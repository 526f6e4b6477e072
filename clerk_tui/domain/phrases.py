"""The phrase library: the house's standard wording (domain.md 2.5 and 2.6)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time

from clerk_tui.domain.committee import Committee
from clerk_tui.domain.dates import format_body_date, format_next_meeting_date, format_time
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.meeting import Meeting, MeetingSummary
from clerk_tui.domain.minutes import Resolution
from clerk_tui.domain.planning import previous_meeting_date


def join_numbers(numbers: Sequence[int]) -> str:
    """[3] -> "3"; [1, 3] -> "1 and 3"; [1, 2, 3] -> "1, 2 and 3"."""
    words = [str(n) for n in sorted(set(numbers))]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def exclusion_resolution(paragraphs: Sequence[int], items: int = 1) -> Resolution:
    """The statutory wording that excludes press and public before exempt business."""
    if not paragraphs:
        raise DomainError("Say which Schedule 12A paragraph(s) make the business exempt.", "paragraphs")
    business = "item of business" if items == 1 else "items of business"
    paragraph_word = "paragraph" if len(set(paragraphs)) == 1 else "paragraphs"
    text = (
        "under Section 100A(4) of the Local Government Act, 1972, the press and public be "
        f"excluded from the meeting for the following {business} on the grounds that it would "
        "involve the likely disclosure of exempt information as defined in "
        f"{paragraph_word} {join_numbers(paragraphs)} of Part 1 of Schedule 12A to the Act. "
        "The Public Interest Test has been applied and favours exclusion of the information "
        "from the press and public"
    )
    return Resolution([text], opening="That,")


# --- the phrase library -------------------------------------------------------------
GAP = "[…]"
"""A visible gap in a phrase: the words the clerk must supply."""

_GAP_PATTERN = re.compile(r"\[[^\[\]\n]*\]")


def first_gap(text: str) -> tuple[int, int] | None:
    """Where the first gap ("[…]", "[date]", "[his/her]") is in ``text``: (start, end) offsets."""
    match = _GAP_PATTERN.search(text)
    return (match.start(), match.end()) if match else None


@dataclass(frozen=True)
class Phrase:
    """One standard resolution part, in the house wording."""

    key: str
    """A short id: "noted", "confirmed", "delegated" ..."""
    label: str
    """What the picker shows: "The report be noted"."""
    text: str
    """The part as inserted: no "That", no end punctuation ("the report be noted")."""


@dataclass(frozen=True)
class PhraseContext:
    """What the meeting knows that fills a phrase in; anything unknown is left as a gap."""

    body: str = "the Committee"
    """How the minutes name the body: "the Board", "the Committee"."""
    body_name: str = ""
    """"Health and Wellbeing Board"."""
    previous_meeting: date | None = None
    """The meeting whose minutes are confirmed."""
    comma_before_year: bool = False
    """2019 house style: "13 March, 2019"."""
    presenter: str = ""
    """"Maureen Kelly, Chair of Health Watch Sefton"."""
    report_of: str = ""
    """"the Director of Public Health"."""
    exempt_paragraphs: tuple[int, ...] = ()
    exempt_items: int = 1
    next_meeting: date | None = None
    next_time: time | None = None
    next_venue: str = ""
    """As the resolution names it: "the Town Hall, Southport"."""


def phrase_library(context: PhraseContext) -> list[Phrase]:
    """The house's standard resolution parts (domain.md 2.5 and 2.6), most used first."""
    body = context.body.strip() or "the Committee"
    report_of = context.report_of.strip()
    return [
        Phrase("noted", "The report be noted", "the report be noted"),
        Phrase("presentation-noted", "The presentation be noted", "the presentation be noted"),
        Phrase(
            "update-noted",
            "The update report submitted by … be noted",
            f"the update report submitted by {report_of or GAP} be noted",
        ),
        Phrase("approved", "The … be approved", f"the {GAP} be approved"),
        Phrase("agreed", "The … be agreed", f"the {GAP} be agreed"),
        Phrase("ratified", "The … be ratified", f"the {GAP} be ratified"),
        Phrase("thanked", "The presenter be thanked for his/her presentation", _thanked(context.presenter)),
        Phrase("requested", "The … be requested to …", f"{report_of or 'the ' + GAP} be requested to {GAP}"),
        Phrase(
            "delegated",
            "The Chair be given delegated authority to …",
            f"the Chair be given delegated authority to {GAP}",
        ),
        Phrase(
            "confirmed",
            "The Minutes of the previous meeting be confirmed as a correct record",
            minutes_confirmed(context.previous_meeting, context.comma_before_year),
        ),
        Phrase("next-meeting", "The next meeting be held on …", _next_meeting(context, body)),
        Phrase(
            "elected-chair",
            "A Chair be elected for this meeting",
            f"Councillor {GAP} be elected Chair for this meeting of {_body_name(context, body)}",
        ),
        Phrase(
            "exclusion",
            "The press and public be excluded (Schedule 12A)",
            _exclusion(context.exempt_paragraphs, context.exempt_items),
        ),
        *planning_phrases(context),
        *licensing_phrases(context),
    ]


def planning_phrases(context: PhraseContext) -> list[Phrase]:
    """Decisions on planning applications: grant or refuse, with conditions or reasons
    numbered in the part, defer for a site visit, minded to approve subject to a legal
    agreement. Each is one part; the gaps are the clerk's to fill, and the text stays
    editable like any other once inserted."""
    body = context.body.strip() or "the Committee"
    officer = context.report_of.strip() or f"the {GAP}"
    return [
        Phrase(
            "grant-report",
            "Planning: grant, conditions and reasons as in the report",
            "the application be granted subject to the conditions and for the reasons stated in the report",
        ),
        Phrase(
            "grant-conditions",
            "Planning: grant subject to conditions (numbered, with reasons)",
            "the application be granted subject to the following conditions: "
            "1. [condition] (Reason: [reason]); 2. [condition] (Reason: [reason])",
        ),
        Phrase(
            "refuse-report",
            "Planning: refuse for the reasons in the report",
            "the application be refused for the reasons stated in the report",
        ),
        Phrase(
            "refuse-reasons",
            "Planning: refuse for reasons (numbered)",
            "the application be refused for the following reasons: 1. [reason]; 2. [reason]",
        ),
        Phrase(
            "site-visit",
            "Planning: defer for a site visit",
            f"consideration of the application be deferred for a site visit by Members of {body}, "
            "and the application be reported back to the next meeting",
        ),
        Phrase(
            "minded-to-approve",
            "Planning: minded to approve subject to a legal agreement (s106)",
            f"{body} be minded to approve the application subject to the completion of a legal "
            "agreement under Section 106 of the Town and Country Planning Act 1990 to secure "
            f"[obligations], and {officer} be given delegated authority to grant planning permission "
            "on its completion, subject to the conditions and for the reasons stated in the report",
        ),
    ]


def licensing_phrases(context: PhraseContext) -> list[Phrase]:
    """Decisions on licence applications: granted with conditions, refused for reasons."""
    body = context.body.strip() or "the Committee"
    return [
        Phrase(
            "licence-granted",
            "Licensing: licence granted with conditions",
            "the application for a [premises licence] be granted subject to the conditions consistent "
            "with the operating schedule and the following additional conditions: "
            "1. [condition]; 2. [condition]",
        ),
        Phrase(
            "licence-refused",
            "Licensing: licence refused for reasons",
            f"the application for a [premises licence] be refused, {body} being satisfied that granting "
            "it would undermine the licensing objective of [objective], for the following reasons: "
            "1. [reason]; 2. [reason]",
        ),
    ]


def _thanked(presenter: str) -> str:
    """``Maureen Kelly, Chair of Health Watch Sefton, be thanked for her presentation``."""
    who = presenter.strip().rstrip(",")
    if not who:
        return f"{GAP} be thanked for [his/her] presentation"
    separator = "," if "," in who else ""
    return f"{who}{separator} be thanked for [his/her] presentation"


def minutes_confirmed(previous: date | None, comma_before_year: bool) -> str:
    """2019: "held on 13 March, 2019 be confirmed"; 2023: "held on 5 September 2023, be confirmed"."""
    if previous is None:
        return "the Minutes of the meeting held on [date] be confirmed as a correct record"
    held = format_body_date(previous, comma_before_year)
    after = "" if comma_before_year else ","
    return f"the Minutes of the meeting held on {held}{after} be confirmed as a correct record"


def _next_meeting(context: PhraseContext, body: str) -> str:
    """``the next meeting of the Committee be held on Tuesday, 23 January 2024, at the Town Hall,
    Southport, commencing at 6.30 p.m.``."""
    when = format_next_meeting_date(context.next_meeting) if context.next_meeting else "[date]"
    where = context.next_venue.strip().rstrip(",") or "[venue]"
    start = format_time(context.next_time, dotted_meridiem=True) if context.next_time else "[time]"
    return f"the next meeting of {body} be held on {when}, at {where}, commencing at {start}"


def _body_name(context: PhraseContext, body: str) -> str:
    name = context.body_name.strip()
    if not name:
        return body
    return name if name.lower().startswith("the ") else f"the {name}"


def _exclusion(paragraphs: Sequence[int], items: int) -> str:
    """The statutory part (``exclusion_resolution``), with a gap for the paragraph if unknown."""
    if paragraphs:
        return exclusion_resolution(paragraphs, max(items, 1)).parts[0]
    text = exclusion_resolution([1], max(items, 1)).parts[0]
    return text.replace("in paragraph 1 of", f"in paragraph {GAP} of", 1)


def phrase_context(
    meeting: Meeting, committee: Committee, summaries: Iterable[MeetingSummary], item_id: str | None
) -> PhraseContext:
    """What the live meeting knows that fills the phrases in, for the item under way:
    the previous meeting (whose minutes are confirmed), the next one, the presenter and the
    exempt paragraphs of the agenda's Part 2 items."""
    own = [s for s in summaries if s.committee_id == meeting.committee_id]
    item = meeting.item(item_id) if item_id else None
    later = [s.date for s in own if s.date > meeting.date]
    exempt = [i for i in meeting.agenda if i.exempt]
    return PhraseContext(
        body=committee.noun,
        body_name=committee.name,
        previous_meeting=previous_meeting_date((s.date for s in own), meeting.date),
        comma_before_year=committee.style.comma_before_year,
        presenter=item.presenter if item else "",
        report_of=item.report_of if item else "",
        exempt_paragraphs=tuple(sorted({p for i in exempt for p in i.exempt_paragraphs})),
        exempt_items=max(1, len(exempt)),
        next_meeting=min(later) if later else None,
        next_time=committee.start_time,
        next_venue=committee.venue.front_sheet(),
    )
