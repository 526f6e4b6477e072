"""The minutes of a meeting as a document, in the committee's house style."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from clerk_tui.domain import (
    AttendanceEvent,
    BlockKind,
    EventKind,
    HeadingDate,
    HouseStyle,
    ItemKind,
    Minute,
    OrganisationStyle,
    Resolution,
    Role,
)
from clerk_tui.domain import Block as NarrativeBlock
from clerk_tui.domain.agenda import AgendaItem
from clerk_tui.domain.committee import LOCAL_GOVERNMENT_ACT, ApologiesOrder, SkippedItems
from clerk_tui.domain.dates import format_minutes_heading_date
from clerk_tui.domain.exclusion import exclusion_after
from clerk_tui.domain.minutes import MinuteStatus, split_part
from clerk_tui.domain.people import Paper
from clerk_tui.domain.statutory import exclusion_resolution, join_numbers
from clerk_tui.render.document import (
    Block,
    Document,
    Emphasis,
    ItemList,
    LineGroup,
    Paragraph,
    Table,
)
from clerk_tui.render.names import (
    Named,
    councillors_first_list,
    each_titled,
    minutes_name,
    titled,
    with_organisation,
)
from clerk_tui.render.papers import MeetingPapers, surname_key
from clerk_tui.render.presence import (
    notes_after_present,
    notes_in_minute,
    notes_without_a_minute,
    officers_block,
)
from clerk_tui.render.public import Copy, confidential_marking, paper_copy

NO_DECLARATIONS = (
    "No declarations of any disclosable pecuniary interests or personal interests were received."
)
DECLARATIONS_HEADER = ("Member", "Minute No.", "Nature of Interest")
DECLARATIONS_LEFT_OUT = "Declarations of interest in exempt business are recorded in the exempt minute."


def build_minutes(papers: MeetingPapers) -> Document:
    """The minutes as the papers hold them: pass ``public_papers(...)`` for the public copy."""
    meeting, committee = papers.meeting, papers.committee
    heading_date = heading_date_of(papers)
    document = Document(
        title=f"{committee.name} - minutes of {heading_date.title()}",
        running_header=f"{committee.name.upper()}{committee.style.running_header_separator}{heading_date}",
        first_page=papers.first_page,
    )
    if paper_copy(meeting, papers.public) == Copy.CONFIDENTIAL:
        document.marking = confidential_marking(meeting)
    if committee.style.call_in_banner:
        document.add(Paragraph(committee.style.call_in_wording, Emphasis.BANNER))
        document.front_matter = 1
    document.add(Paragraph(committee.name.upper(), Emphasis.TITLE))
    venue = meeting.venue.for_minutes().upper() or _missing(papers, "venue")
    document.add(LineGroup((f"MEETING HELD AT {venue}", f"ON {heading_date}")))
    document.add(_present_block(papers))
    also_present = _also_present(papers)
    if also_present:
        document.add(also_present)
    numbers = meeting.minute_numbers(papers.first_minute_number)
    document.add(*_after_present(papers, numbers))
    for minute in meeting.minutes:
        if minute.numbered:
            document.add(Paragraph(f"{numbers[minute.id]}. {minute.title.upper()}", Emphasis.HEADING))
            document.add(*_minute_body(papers, minute, numbers))
        elif papers.style.skipped_items == SkippedItems.HEADING_AND_SENTENCE:
            document.add(*_skipped_minute(papers, minute, numbers))
    if not meeting.numbered_minutes():
        document.add(Paragraph("[NO MINUTES RECORDED YET]", Emphasis.PLACEHOLDER))
        papers.warnings.append("No minutes have been recorded for this meeting.")
    document.warnings.extend(papers.warnings)
    return document


def _missing(papers: MeetingPapers, what: str) -> str:
    papers.warnings.append(f"The meeting has no {what}.")
    return f"[{what.upper()} NOT RECORDED]"


def heading_date_of(papers: MeetingPapers) -> str:
    """The date of the minutes heading and running header, in the house's heading style."""
    style = papers.style.heading_date
    return format_minutes_heading_date(
        papers.meeting.date,
        ordinal_day=style != HeadingDate.PLAIN,
        comma=style == HeadingDate.ORDINAL_COMMA,
    )


def _after_present(papers: MeetingPapers, numbers: dict[str, int]) -> list[Block]:
    """What the house prints after PRESENT (and ALSO PRESENT): the officers in attendance,
    then who came, left or withdrew during which minute (render.presence)."""
    officers = officers_block(papers)
    return [
        *([officers] if officers else []),
        *notes_after_present(papers, numbers),
        *notes_without_a_minute(papers, numbers),
    ]


# --- attendance -----------------------------------------------------------------
def _events_of(papers: MeetingPapers, kinds: set[EventKind]) -> list[AttendanceEvent]:
    """The first event of these kinds per person, in the house order of members."""
    rank = papers.rank()
    seen: dict[str, AttendanceEvent] = {}
    for event in papers.meeting.attendance:
        if event.kind in kinds and event.person_id not in seen:
            seen[event.person_id] = event
    arrival = {person_id: index for index, person_id in enumerate(seen)}
    return sorted(seen.values(), key=lambda e: (rank.get(e.person_id, len(rank)), arrival[e.person_id]))


def _named(papers: MeetingPapers, event: AttendanceEvent) -> Named:
    person = papers.person(event.person_id)
    committee_id = papers.committee.id
    organisation = event.organisation or person.organisation_on(Paper.MINUTES, committee_id)
    name = minutes_name(person, papers.style, event.printed_name, committee_id)
    return Named(name, person.councillor, organisation)


def _chair_id(papers: MeetingPapers, present: Iterable[str]) -> str | None:
    if papers.meeting.chair_id:
        return papers.meeting.chair_id
    for membership in papers.committee.memberships_on(papers.meeting.date):
        if membership.role == Role.CHAIR and membership.person_id in present:
            return membership.person_id
    return None


def _present_block(papers: MeetingPapers) -> LineGroup:
    style = papers.style
    present = _events_of(papers, {EventKind.PRESENT, EventKind.SUBSTITUTE, EventKind.ARRIVED})
    present_ids = [e.person_id for e in present]
    chair_id = _chair_id(papers, present_ids)
    vice_ids = {
        m.person_id for m in papers.committee.memberships_on(papers.meeting.date) if m.role == Role.VICE_CHAIR
    }
    lines: list[str] = []
    chair_event = next((e for e in present if e.person_id == chair_id), None)
    if chair_event is None:
        lines.append(f"PRESENT: {_missing(papers, 'chair')}")
    else:
        chair = _named(papers, chair_event)
        title = "Councillor " if chair.councillor else ""
        shows_organisation = style.organisations_in_minutes == OrganisationStyle.BRACKETS
        organisation = f" ({chair.organisation})" if chair.organisation and shows_organisation else ""
        lines.append(f"PRESENT: {title}{chair.name} (in the Chair){organisation}")
    others = [e for e in present if e.person_id != chair_id]
    if style.vice_chair_line:
        for event in [e for e in others if e.person_id in vice_ids]:
            lines.append(f"{titled(_named(papers, event), style)} (Vice-Chair)")
        others = [e for e in others if e.person_id not in vice_ids]
    if others:
        lines.append(councillors_first_list([_substitute_named(papers, e) for e in others], style))
    return LineGroup(tuple(lines))


def _substitute_named(papers: MeetingPapers, event: AttendanceEvent) -> Named:
    named = _named(papers, event)
    if event.kind != EventKind.SUBSTITUTE or not event.for_person_id:
        return named
    replaced = papers.person(event.for_person_id)
    replaced_name = titled(
        Named(minutes_name(replaced, papers.style, committee_id=papers.committee.id), replaced.councillor),
        papers.style,
    )
    return Named(f"{named.name} (substitute for {replaced_name})", named.councillor, named.organisation)


def _also_present(papers: MeetingPapers) -> Paragraph | None:
    events = _events_of(papers, {EventKind.ALSO_PRESENT})
    if not events:
        return None
    entries = []
    for event in events:
        named = _named(papers, event)
        shown = titled(Named(named.name, named.councillor), papers.style)
        entries.append(f"{shown} ({event.capacity})" if event.capacity else shown)
    return Paragraph(f"ALSO PRESENT: {_join(entries)}.")


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


# --- minutes --------------------------------------------------------------------
def _minute_body(papers: MeetingPapers, minute: Minute, numbers: dict[str, int]) -> list[Block]:
    item = _item_of(papers, minute)
    if papers.public and item is not None and item.exempt:
        return [_withheld(item)]
    presence: list[Block] = list(notes_in_minute(papers, minute, numbers))
    blocks = [_narrative_block(b, papers.style) for b in minute.narrative]
    if not blocks:
        blocks = _standard_text(papers, minute, numbers)
    blocks = presence + blocks
    resolution = minute.resolution
    if minute.kind == ItemKind.EXCLUSION:
        resolution = (
            _exclusion_for(papers, minute) if resolution is None else _in_house_words(papers, resolution)
        )
    if minute.motions:  # the votes machinery is loaded only for minutes that hold motions
        from clerk_tui.render.votes import motion_blocks

        blocks.extend(motion_blocks(papers, minute, numbers[minute.id]))
    if resolution is not None:
        blocks.extend(styled_resolution_blocks(resolution, papers.style))
    elif minute.kind in {
        ItemKind.SUBSTANTIVE,
        ItemKind.URGENT,
        ItemKind.ELECTION_OF_CHAIR,
        ItemKind.PREVIOUS_MINUTES,
        ItemKind.NEXT_MEETING,
    }:
        blocks.append(Paragraph("[NO RESOLUTION RECORDED]", Emphasis.PLACEHOLDER))
        papers.warnings.append(f"Minute {numbers[minute.id]} ({minute.title}) has no resolution.")
    return blocks


def _item_of(papers: MeetingPapers, minute: Minute) -> AgendaItem | None:
    if minute.item_id is None:
        return None
    for item in papers.meeting.agenda:
        if item.id == minute.item_id:
            return item
    papers.warnings.append(
        f"Minute {minute.title!r} points at agenda item {minute.item_id!r}, which is not on the agenda."
    )
    return None


def _withheld(item: AgendaItem) -> Paragraph:
    paragraphs = join_numbers(item.exempt_paragraphs)
    word = "paragraph" if len(item.exempt_paragraphs) == 1 else "paragraphs"
    return Paragraph(
        "[This item was considered in private. Its minute is not published: it contains exempt "
        f"information as defined in {word} {paragraphs} of Part 1 of Schedule 12A to the Local "
        "Government Act 1972.]",
        Emphasis.PLACEHOLDER,
    )


def _narrative_block(block: NarrativeBlock, style: HouseStyle) -> Block:
    if block.kind == BlockKind.BULLETS:
        if not any(block.levels):
            return ItemList(tuple(block.items))
        levels = tuple(block.level_of(index) for index in range(len(block.items)))
        markers = tuple(style.bullet_marker(level) for level in range(max(levels) + 1))
        return ItemList(tuple(block.items), levels=levels, markers=markers)
    if block.kind == BlockKind.NUMBERED:
        return ItemList(tuple(block.items), numbered=True, spaced=style.numbered_paragraph_spacing)
    if block.kind == BlockKind.TABLE:
        return Table(tuple(tuple(row) for row in block.rows))
    return Paragraph(block.text)


def _standard_text(papers: MeetingPapers, minute: Minute, numbers: dict[str, int]) -> list[Block]:
    if minute.kind == ItemKind.APOLOGIES:
        return [_apologies(papers)]
    if minute.kind == ItemKind.DECLARATIONS:
        return _declarations(papers, numbers)
    return []


def _apologies(papers: MeetingPapers) -> Paragraph:
    events = _in_apologies_order(papers, _events_of(papers, {EventKind.APOLOGIES}))
    if not events:
        return Paragraph("No apologies for absence were received.")
    listed = each_titled([_named(papers, e) for e in events], papers.style)
    return Paragraph(f"Apologies for absence were received from {listed}.")


def _in_apologies_order(papers: MeetingPapers, events: list[AttendanceEvent]) -> list[AttendanceEvent]:
    """The apologies in the house's order: as the membership lists them (``events`` come so),
    councillors first, or by surname."""
    order = papers.style.apologies_order
    if order == ApologiesOrder.COUNCILLORS_FIRST:
        return sorted(events, key=lambda e: not papers.person(e.person_id).councillor)
    if order == ApologiesOrder.ALPHABETICAL:
        return sorted(events, key=lambda e: surname_key(papers.person(e.person_id)))
    return events


def _declarations(papers: MeetingPapers, numbers: dict[str, int]) -> list[Block]:
    declarations = papers.meeting.declarations
    left_out: list[Block] = [Paragraph(DECLARATIONS_LEFT_OUT)] if papers.declarations_left_out else []
    if not declarations:
        return left_out or [Paragraph(NO_DECLARATIONS)]
    rows = [DECLARATIONS_HEADER]
    for declaration in declarations:
        person = papers.person(declaration.person_id)
        form = person.form_for(Paper.MINUTES, papers.committee.id)
        plain = form.name if form else person.name_with_honours()
        member = declaration.printed_name or with_organisation(plain, "", papers.style)
        if person.councillor and not declaration.printed_name:
            member = f"Councillor {minutes_name(person, papers.style, committee_id=papers.committee.id)}"
        rows.append((member, _minute_cell(papers, declaration.item_id, numbers), declaration.nature_cell()))
    return [Table(tuple(rows)), *left_out]


def _minute_cell(papers: MeetingPapers, item_id: str, numbers: dict[str, int]) -> str:
    """``22 - Better Care Fund 2019/20 Plans``: the minute number and the item's title."""
    item = next((i for i in papers.meeting.agenda if i.id == item_id), None)
    if item is None:
        papers.warnings.append(f"A declaration concerns item {item_id!r}, which is not on the agenda.")
        return f"[UNKNOWN ITEM {item_id}]"
    minute = papers.meeting.minute_for_item(item_id)
    if minute is None or minute.id not in numbers:
        papers.warnings.append(f"A declaration concerns {item.title!r}, which has no minute yet.")
        return f"[NOT YET MINUTED] - {item.title}"
    return f"{numbers[minute.id]} - {item.title}"


def _exclusion_for(papers: MeetingPapers, minute: Minute) -> Resolution:
    """The statutory wording for the exempt items that follow the exclusion item."""
    resolution = exclusion_after(papers.meeting, minute.item_id, papers.style.local_government_act)
    if resolution is None:
        papers.warnings.append(
            "The exclusion of press and public has no exempt item after it to take its paragraph from."
        )
        return Resolution(["[EXEMPT PARAGRAPH NOT RECORDED]"], opening="That,")
    return resolution


def _in_house_words(papers: MeetingPapers, resolution: Resolution) -> Resolution:
    """The statutory exclusion as the live meeting wrote it (citing the Act as
    ``exclusion_resolution`` does by default), cited as the house cites it. A resolution the
    clerk changed in any way prints exactly as the clerk wrote it."""
    act = papers.style.local_government_act
    if act == LOCAL_GOVERNMENT_ACT or len(resolution.parts) != 1:
        return resolution
    paragraphs = _paragraphs_named(resolution.parts[0])
    for items in (1, 2):  # "item of business" or "items of business"
        if paragraphs and resolution.parts[0] == exclusion_resolution(paragraphs, items).parts[0]:
            return replace(resolution, parts=[exclusion_resolution(paragraphs, items, act).parts[0]])
    return resolution


def _paragraphs_named(text: str) -> list[int]:
    """The Schedule 12A paragraphs a statutory exclusion names ("paragraphs 1 and 3")."""
    found = re.search(r"defined in paragraphs? ([\d, and]+?) of Part 1", text)
    return [int(number) for number in re.findall(r"\d+", found.group(1))] if found else []


# --- deferred and withdrawn items -------------------------------------------------------
def _skipped_minute(papers: MeetingPapers, minute: Minute, numbers: dict[str, int]) -> list[Block]:
    """A deferred or withdrawn item, as the house prints one: its title (it takes no number),
    a sentence saying what happened, then whatever the clerk recorded of it."""
    style = papers.style
    sentence = style.deferred_wording if minute.status == MinuteStatus.DEFERRED else style.withdrawn_wording
    blocks: list[Block] = [Paragraph(minute.title.upper(), Emphasis.HEADING)]
    item = _item_of(papers, minute)
    if papers.public and item is not None and item.exempt:
        return [*blocks, _withheld(item)]
    if sentence.strip():
        blocks.append(Paragraph(sentence.strip()))
    blocks.extend(_narrative_block(b, style) for b in minute.narrative)
    if minute.resolution is not None:
        blocks.extend(styled_resolution_blocks(minute.resolution, style))
    return blocks


# --- resolutions ----------------------------------------------------------------------
def styled_resolution_blocks(resolution: Resolution, style: HouseStyle) -> list[Block]:
    """A resolution in the committee's house style: capitals, spacing, sub-item markers."""
    return resolution_blocks(
        resolution,
        style.capitalise_resolution_parts,
        spaced=style.numbered_paragraph_spacing,
        sub_marker=style.sub_item_marker.strip() or "-",
        sub_ending=style.sub_item_ending,
    )


def resolution_blocks(
    resolution: Resolution,
    capitalise: bool = False,
    *,
    spaced: bool = True,
    sub_marker: str = "-",
    sub_ending: str = ";",
) -> list[Block]:
    """``RESOLVED:`` / ``That ...`` or ``RESOLVED: That`` / ``(1) ...;`` ... ``(n) ....``.

    A part with a sub-list prints its text, then each sub-item under it after
    ``sub_marker``, each ending ``sub_ending`` but the last, which takes the part's own
    ending (";", "; and" or ".")."""
    parts = list(resolution.parts)
    lead = f"{resolution.lead.value}:"
    stop = "." if resolution.final_full_stop else ""
    if len(parts) == 1:
        text, sub_items = split_part(parts[0])
        ending = "" if sub_items else stop
        sentence = f"{resolution.opening} {text}{ending}" if resolution.opening else f"{text}{ending}"
        blocks: list[Block] = [Paragraph(lead, Emphasis.LEAD)] if resolution.print_lead else []
        blocks.append(Paragraph(sentence))
        if sub_items:
            blocks.append(ItemList(_sub_items(sub_items, stop, sub_ending), markers=(sub_marker,)))
        return blocks
    items: list[str] = []
    levels: list[int] = []
    for index, part in enumerate(parts):
        text, sub_items = split_part(part)
        if capitalise:
            text = _capitalised(text)
        if index == len(parts) - 1:
            ending = stop
        elif index == len(parts) - 2 and resolution.and_before_last:
            ending = "; and"
        else:
            ending = ";"
        if not sub_items:
            items.append(text + ending)
            levels.append(0)
            continue
        items.append(text)
        levels.append(0)
        items.extend(_sub_items(sub_items, ending, sub_ending))
        levels.extend([1] * len(sub_items))
    opening = " ".join(word for word in (lead if resolution.print_lead else "", resolution.opening) if word)
    blocks = []
    if opening:
        blocks.append(Paragraph(opening, Emphasis.LEAD))
    nested = any(levels)
    blocks.append(
        ItemList(
            tuple(items),
            numbered=True,
            spaced=spaced,
            levels=tuple(levels) if nested else (),
            markers=(sub_marker,) if nested else ItemList(()).markers,
        )
    )
    return blocks


def _sub_items(sub_items: list[str], ending: str, sub_ending: str) -> tuple[str, ...]:
    """Each sub-item with its punctuation: ``sub_ending`` after each, the part's after the last."""
    last = len(sub_items) - 1
    return tuple(item + (ending if index == last else sub_ending) for index, item in enumerate(sub_items))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
