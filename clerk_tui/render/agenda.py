"""The agenda front sheet ("Public Document Pack") in the committee's house style."""

from __future__ import annotations

from clerk_tui.domain import FrontSheetDate, ItemKind, Role
from clerk_tui.domain.agenda import AgendaItem, ItemLine
from clerk_tui.domain.dates import format_long_date, format_ordinal_date, format_time
from clerk_tui.domain.people import Paper
from clerk_tui.domain.statutory import join_numbers
from clerk_tui.render.document import Block, Document, Emphasis, LineGroup, Paragraph
from clerk_tui.render.papers import MeetingPapers
from clerk_tui.render.public import Copy, confidential_marking, paper_copy


def build_agenda(papers: MeetingPapers) -> Document:
    """The front sheet as the papers hold it: pass ``public_papers(...)`` for the public copy.
    Only a public copy is headed "Public Document Pack"; a confidential one is marked."""
    meeting, committee, style = papers.meeting, papers.committee, papers.style
    document = Document(title=f"{committee.name} - agenda for {format_long_date(meeting.date)}")
    if paper_copy(meeting, papers.public) == Copy.CONFIDENTIAL:
        document.marking = confidential_marking(meeting)
    else:
        document.add(Paragraph("Public Document Pack", Emphasis.TITLE))
    if style.council_name:
        document.add(Paragraph(style.council_name))
    printed_date = (
        format_ordinal_date(meeting.date)
        if style.front_sheet_date == FrontSheetDate.ORDINAL
        else format_long_date(meeting.date)
    )
    start = format_time(meeting.start) if meeting.start else _missing(papers, "start time")
    venue = meeting.venue.front_sheet() or _missing(papers, "venue")
    heading = (
        f"MEETING: {committee.name.upper()}",
        f"DATE: {printed_date}",
        f"TIME: {start}",
        f"VENUE: {venue}",
    )
    if style.front_sheet_spacing:
        document.add(*(Paragraph(line) for line in heading))
    else:
        document.add(LineGroup(heading))
    _membership(papers, document)
    _officer(papers, document)
    document.add(*(Paragraph(text) for text in style.front_sheet_notes if text.strip()))
    document.add(Paragraph(style.agenda_heading, Emphasis.HEADING))
    if not meeting.agenda:
        document.add(Paragraph("[NO ITEMS ON THE AGENDA YET]", Emphasis.PLACEHOLDER))
        papers.warnings.append("The agenda has no items.")
    for position, item in enumerate(meeting.agenda, start=1):
        _item(papers, document, item, item.label or str(position))
    document.warnings.extend(papers.warnings)
    return document


def _missing(papers: MeetingPapers, what: str) -> str:
    papers.warnings.append(f"The meeting has no {what}.")
    return f"[{what.upper()} NOT RECORDED]"


def _membership(papers: MeetingPapers, document: Document) -> None:
    members: list[str] = []
    substitutes: list[str] = []
    committee_id = papers.committee.id
    for seat in papers.members_in_order():
        person = papers.person(seat.person_id)
        line = person.front_sheet_name(committee_id)
        organisation = person.organisation_on(Paper.FRONT_SHEET, committee_id)
        if seat.role == Role.CHAIR:
            line += " (Chair)"
        elif seat.role == Role.VICE_CHAIR:
            line += " (Vice-Chair)"
        elif seat.role == Role.CO_OPTED and organisation:
            line += f", {organisation}"
        (substitutes if seat.role == Role.SUBSTITUTE else members).append(line)
    document.add(Paragraph("Member"))
    if members:
        document.add(LineGroup(tuple(members)))
    else:
        document.add(Paragraph("[NO MEMBERS RECORDED]", Emphasis.PLACEHOLDER))
        papers.warnings.append("The committee has no members recorded.")
    if substitutes:
        document.add(Paragraph("Substitute"), LineGroup(tuple(substitutes)))


def _officer(papers: MeetingPapers, document: Document) -> None:
    officer = papers.meeting.officer if not papers.meeting.officer.is_empty() else papers.committee.officer
    if officer.is_empty():
        document.add(Paragraph(f"COMMITTEE OFFICER: {_missing(papers, 'committee officer')}"))
        return
    separator = ", " if papers.style.officer_comma else " "
    heading = separator.join(part for part in (officer.name, officer.job_title) if part)
    lines = [f"COMMITTEE OFFICER: {heading}"]
    if officer.telephone:
        lines.append(f"Telephone: {officer.telephone}")
    if officer.email:
        lines.append(f"E-mail: {officer.email}")
    document.add(LineGroup(tuple(lines)))


def _item(papers: MeetingPapers, document: Document, item: AgendaItem, number: str) -> None:
    stop = "." if papers.style.description_full_stop else ""
    document.add(Paragraph(f"{number}. {item.title}", Emphasis.HEADING))
    if item.pages:
        document.add(Paragraph(item.pages.printed()))
    elif item.to_follow:
        document.add(Paragraph("(To Follow)"))
    if papers.public and item.exempt:
        word = "paragraph" if len(item.exempt_paragraphs) == 1 else "paragraphs"
        document.add(
            Paragraph(
                f"[Not for publication: exempt information under {word} "
                f"{join_numbers(item.exempt_paragraphs)} of Part 1 of Schedule 12A to the Local "
                "Government Act 1972.]",
                Emphasis.PLACEHOLDER,
            )
        )
        return
    for line in item.printed_line_order():
        document.add(*_item_line(papers, item, line, stop))


def _item_line(papers: MeetingPapers, item: AgendaItem, line: ItemLine, stop: str) -> list[Block]:
    """One line under an item's title, if the item has it; the lines come in the order the
    clerk put them (``AgendaItem.line_order``)."""
    if line == ItemLine.DESCRIPTION:
        if item.description:
            return [Paragraph(_ended(item.description, stop))]
        if item.kind == ItemKind.DECLARATIONS:
            return [Paragraph(text) for text in papers.style.declarations_agenda_text if text.strip()]
    elif line == ItemLine.REPORT_OF and item.report_of:
        return [Paragraph(_ended(f"Report of {item.report_of}", stop))]
    elif line == ItemLine.PRESENTATION_OF and item.presentation_of:
        return [Paragraph(_ended(f"Presentation of {item.presentation_of}", stop))]
    elif line == ItemLine.PRESENTER and item.presenter:
        return [Paragraph(f"{item.presenter.rstrip('. ')}, to attend.")]
    elif line == ItemLine.NOTE and item.note.strip():
        return [Paragraph(item.note.strip())]
    return []


def _ended(text: str, stop: str) -> str:
    text = text.rstrip()
    return text if not stop or text.endswith((".", "?", "!")) else text + stop
