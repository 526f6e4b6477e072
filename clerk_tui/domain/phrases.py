"""The phrase library: the house's standard wording (domain.md 2.5 and 2.6).

The wording every printed paper needs (``join_numbers``, ``exclusion_resolution``,
``minutes_confirmed``) lives in ``clerk_tui.domain.statutory`` and is also found here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, time

from clerk_tui.domain.agenda import ItemKind
from clerk_tui.domain.committee import LOCAL_GOVERNMENT_ACT, MINUTES_CONFIRMED, NEXT_MEETING, Committee
from clerk_tui.domain.dates import format_next_meeting_date, format_time, parse_date
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.meeting import Meeting
from clerk_tui.domain.patterns import compiled_on_first_use
from clerk_tui.domain.planning import previous_meeting_date
from clerk_tui.domain.statutory import exclusion_resolution as exclusion_resolution
from clerk_tui.domain.statutory import join_numbers as join_numbers
from clerk_tui.domain.statutory import minutes_confirmed as minutes_confirmed
from clerk_tui.domain.summary import MeetingStatus, MeetingSummary
from clerk_tui.domain.wording import fill

# --- the phrase library -------------------------------------------------------------
GAP = "[…]"
"""A visible gap in a phrase: the words the clerk must supply."""


_gap_pattern = compiled_on_first_use(r"\[[^\[\]\n]*\]")


def first_gap(text: str) -> tuple[int, int] | None:
    """Where the first gap ("[…]", "[date]", "[his/her]") is in ``text``: (start, end) offsets."""
    match = _gap_pattern().search(text)
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
    minutes_confirmed_wording: str = MINUTES_CONFIRMED
    next_meeting_wording: str = NEXT_MEETING
    dotted_times: bool = False
    """"6.30 p.m." rather than "6.30 pm"."""
    act: str = LOCAL_GOVERNMENT_ACT


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
            minutes_confirmed(
                context.previous_meeting, context.comma_before_year, context.minutes_confirmed_wording
            ),
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
            _exclusion(context.exempt_paragraphs, context.exempt_items, context.act),
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


def _next_meeting(context: PhraseContext, body: str) -> str:
    """``the next meeting of the Committee be held on Tuesday, 23 January 2024, at the Town
    Hall, Southport, commencing at 6.30 p.m.`` (in the house's wording)."""
    when = format_next_meeting_date(context.next_meeting) if context.next_meeting else "[date]"
    where = context.next_venue.strip().rstrip(",") or "[venue]"
    start = (
        format_time(context.next_time, dotted_meridiem=context.dotted_times)
        if context.next_time
        else "[time]"
    )
    return fill(context.next_meeting_wording, body=body, date=when, venue=where, time=start)


def _body_name(context: PhraseContext, body: str) -> str:
    name = context.body_name.strip()
    if not name:
        return body
    return name if name.lower().startswith("the ") else f"the {name}"


def _exclusion(paragraphs: Sequence[int], items: int, act: str) -> str:
    """The statutory part (``exclusion_resolution``), with a gap for the paragraph if unknown."""
    if paragraphs:
        return exclusion_resolution(paragraphs, max(items, 1), act).parts[0]
    text = exclusion_resolution([1], max(items, 1), act).parts[0]
    return text.replace("in paragraph 1 of", f"in paragraph {GAP} of", 1)


def phrase_context(
    meeting: Meeting,
    committee: Committee,
    summaries: Iterable[MeetingSummary],
    item_id: str | None,
    *,
    following: Meeting | None = None,
) -> PhraseContext:
    """What the live meeting knows that fills the phrases in, for the item under way: the
    previous meeting (whose minutes are confirmed: the date its agenda item names, or else
    the store's meeting before this one), the next one (``following``, when the caller has
    it, gives its own venue and time; else the committee's usual ones), the presenter and
    the exempt paragraphs of the agenda's Part 2 items, all in the committee's house wording."""
    own = [s for s in summaries if s.committee_id == meeting.committee_id]
    item = meeting.item(item_id) if item_id else None
    exempt = [i for i in meeting.agenda if i.exempt]
    style = committee.style
    upcoming = next_scheduled(meeting, own)
    venue, start = committee.venue, committee.start_time
    if following is not None and upcoming is not None and following.id == upcoming.id:
        venue = following.venue if not following.venue.is_empty() else venue
        start = following.start or start
    return PhraseContext(
        body=committee.noun,
        body_name=committee.name,
        previous_meeting=previous_minutes_date(meeting)
        or previous_meeting_date((s.date for s in own), meeting.date),
        comma_before_year=style.comma_before_year,
        presenter=item.presenter if item else "",
        report_of=item.report_of if item else "",
        exempt_paragraphs=tuple(sorted({p for i in exempt for p in i.exempt_paragraphs})),
        exempt_items=max(1, len(exempt)),
        next_meeting=upcoming.date if upcoming else None,
        next_time=start,
        next_venue=venue.in_sentence(),
        minutes_confirmed_wording=style.minutes_confirmed_wording,
        next_meeting_wording=style.next_meeting_wording,
        dotted_times=style.dotted_times,
        act=style.local_government_act,
    )


def next_scheduled(meeting: Meeting, summaries: Iterable[MeetingSummary]) -> MeetingSummary | None:
    """The committee's next meeting after this one that will take place (not cancelled)."""
    later = [
        s
        for s in summaries
        if s.committee_id == meeting.committee_id
        and s.date > meeting.date
        and s.status != MeetingStatus.CANCELLED
        and s.id != meeting.id
    ]
    return min(later, key=lambda s: (s.date, s.id)) if later else None


_held_on = compiled_on_first_use(r"\bheld on\s+(?P<date>.+?)[\s.,;]*$", re.IGNORECASE)


def previous_minutes_date(meeting: Meeting) -> date | None:
    """The date the agenda's previous-minutes item names ("Minutes of the meeting held on
    17 November 2026"), read as every typed date is; None if it names none that reads."""
    for item in meeting.agenda:
        if item.kind != ItemKind.PREVIOUS_MINUTES:
            continue
        found = _held_on().search(item.description.strip())
        if found is None:
            continue
        try:
            return parse_date(found.group("date"), today=meeting.date)
        except DomainError:
            return None
    return None


_typed_date = compiled_on_first_use(
    r"\b\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*,?\s+\d{4}\b",
    re.IGNORECASE,
)


def date_problems(text: str) -> list[str]:
    """Each date typed into a phrase that is not a real date ("31/02/2025"), with the reason
    every date field gives; empty when every date reads."""
    problems = []
    for found in _typed_date().finditer(text):
        try:
            parse_date(found.group(0))
        except DomainError as error:
            problems.append(error.message)
    return problems


def next_meeting_phrase(context: PhraseContext, typed_date: str, today: date | None = None) -> str:
    """The next-meeting part with a date the clerk typed, read as every date field reads it
    (DomainError, saying why, for "31/02/2025" or "next Tuesday")."""
    day = parse_date(typed_date, today)
    body = context.body.strip() or "the Committee"
    return _next_meeting(replace(context, next_meeting=day), body)
