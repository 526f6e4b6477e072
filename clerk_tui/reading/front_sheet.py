"""An agenda front sheet ("Public Document Pack"), as text, back into a meeting: the
printer (render/agenda.py) read backwards, with the remnants of real conversions
("- 9. Title** (Pages 33 - 34)", "(Pages 11 -" / "22)").

domain.md section 3: "Public Document Pack", the council's name (O&S) or none (HWB),
MEETING / DATE / TIME / VENUE, the membership under "Member" and "Substitute", the
committee officer with telephone and e-mail, two fixed paragraphs, the agenda heading
("AGENDA" or "A G E N D A"), then the items: "N. Title", the page range or "(To
Follow)", and the lines under each ("Report of ...", "Presentation of ...", "..., to
attend.", "Minutes of the meeting held on ...", the declarations boilerplate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, time

from clerk_tui.domain import (
    AgendaItem,
    Committee,
    DomainError,
    FrontSheetDate,
    HouseStyle,
    ItemKind,
    Meeting,
    MeetingStatus,
    MemberOrder,
    Membership,
    OfficerContact,
    PageRange,
    Person,
    Role,
    Venue,
)
from clerk_tui.domain.committee import HWB_OPENING_ORDER, OS_OPENING_ORDER
from clerk_tui.domain.dates import parse_date, parse_time
from clerk_tui.domain.membership_entry import (
    PrintedMember,
    Section,
    classify_heading,
    committee_id_for,
    noun_for,
    read_printed_member,
)
from clerk_tui.domain.phrases import join_numbers
from clerk_tui.domain.planning import meeting_id_for
from clerk_tui.reading.check import reprint_differences
from clerk_tui.reading.minutes import kind_of_title
from clerk_tui.reading.names import PrintedName
from clerk_tui.reading.paragraphs import Para, assemble, title_case
from clerk_tui.reading.people import PeopleBook
from clerk_tui.reading.result import WITHHELD_NOTE, LineReading, Note, PaperKind, Reading, Register
from clerk_tui.reading.source import (
    SourceLine,
    find_furniture,
    marking_paragraphs,
    split_lines,
    strip_glued_stamps,
)
from clerk_tui.reading.style import StyleEvidence
from clerk_tui.render.public import Copy

_FIELD = re.compile(r"^(?P<label>MEETING|DATE|TIME|VENUE)\s*:\s*(?P<value>.*)$")
_OFFICER = re.compile(r"^COMMITTEE OFFICER\s*:\s*(?P<value>.*)$", re.IGNORECASE)
_TELEPHONE = re.compile(r"^(?:Telephone|Tel\.?|Phone)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
_EMAIL = re.compile(r"^E-?mail\s*:\s*(?P<value>.+)$", re.IGNORECASE)
_AGENDA_HEADING = re.compile(r"^(?:AGENDA|A G E N D A)$")
_ITEM = re.compile(
    r"^(?:[-•*]\s+)?(?P<number>\d{1,3}[A-Za-z]?)\.\s+(?P<title>.+?)"
    r"(?:\s+(?P<pages>\((?:Pages?\s+\d+(?:\s*[-–]\s*\d+)?|To Follow)\)))?\s*$"
)
_PAGES = re.compile(r"^\((?P<range>Pages?\s+\d+(?:\s*[-–]\s*\d+)?)\)$", re.IGNORECASE)
_PAGES_OPEN = re.compile(r"^\(Pages?\s+\d+\s*[-–]?$", re.IGNORECASE)
_TO_FOLLOW = re.compile(r"^\(To Follow\)$", re.IGNORECASE)
_EXEMPT = re.compile(
    r"exempt information (?:under|as defined in) paragraphs? (?P<numbers>\d(?:(?:\s*,\s*|\s+and\s+)\d)*)"
    r" of Part 1 of Schedule 12A",
    re.IGNORECASE,
)
_STANDARD = (
    ("If you have any special needs", "the special needs paragraph"),
    ("We endeavour to provide a reasonable number of full agendas", "the full agendas paragraph"),
)
_DECLARATIONS_BOILERPLATE = (
    "Members are requested at a meeting where a disclosable pecuniary interest",
    "Where a Member discloses a Disclosable Pecuniary Interest",
    "Where a Member discloses a personal interest",
)
_JOB_WORDS = frozenset(
    [
        "Senior",
        "Principal",
        "Democratic",
        "Committee",
        "Governance",
        "Services",
        "Officer",
        "Manager",
        "Assistant",
        "Head",
        "Clerk",
        "Lead",
        "Team",
        "Support",
        "Scrutiny",
        "Chief",
        "Director",
        "Deputy",
    ]
)


def looks_like_front_sheet(text: str) -> bool:
    head = "\n".join(text.splitlines()[:60])
    return bool(re.search(r"^\s*MEETING\s*:", head, re.MULTILINE)) and bool(
        re.search(r"^\s*DATE\s*:", head, re.MULTILINE)
    )


@dataclass
class _Item:
    number: str
    title: str
    lines: list[int]
    pages: PageRange | None = None
    to_follow: bool = False
    body: list[SourceLine] = field(default_factory=list)


class FrontSheetReader:
    def __init__(self, text: str, register: Register, source_name: str = "the front sheet") -> None:
        lines, self.removed = split_lines(text)
        self.lines = strip_glued_stamps(lines)
        self.register = register
        self.reading = Reading(PaperKind.FRONT_SHEET, source_name)
        self.placed: dict[int, str] = {}
        self.unplaced: dict[int, str] = {}
        self.evidence = StyleEvidence()
        self._declarations_text: list[tuple[str, int]] = []
        """The declarations paragraphs as printed: the house's own wording of them."""
        self.notes: list[Note] = []
        self._printed_order: list[Membership] = []
        self._withheld: list[AgendaItem] = []
        """Items the paper withholds as exempt (a public copy)."""

    def read(self) -> Reading:
        reading = self.reading
        furniture = find_furniture(self.lines)
        for number, piece in furniture.items():
            self.placed[number] = f"page furniture ({piece.what})"
        content = [line for line in self.lines if line.number not in furniture]
        marked = marking_paragraphs(self.lines, furniture)
        fields = self._fields(content, marked is not None)
        if reading.errors:
            self._account()
            return reading
        name, day, start, venue, last_header = fields
        committee, is_new = self._committee_for(name)
        book = PeopleBook(self.register.people, committee)
        officer_at = next((line.number for line in content if _OFFICER.match(line.text)), None)
        agenda_at = next((line.number for line in content if _AGENDA_HEADING.match(line.text)), None)
        members = self._members(
            [line for line in content if last_header < line.number < (officer_at or agenda_at or 10**9)]
        )
        officer = self._officer(content, officer_at, agenda_at)
        items = self._items([line for line in content if agenda_at is not None and line.number > agenda_at])
        if agenda_at is None:
            reading.errors.append("no agenda heading (“AGENDA” or “A G E N D A”) was found")
        if agenda_at is not None:
            heading = self.lines[agenda_at - 1].text
            self.placed[agenda_at] = "the agenda heading"
            self.evidence.saw("agenda_heading", heading, agenda_at)
        agenda = self._agenda(items)
        meeting_id = meeting_id_for(committee, day, self.register.meeting_ids)
        meeting = Meeting(meeting_id, committee.id, day, start, venue, MeetingStatus.PUBLISHED, officer)
        style = self.evidence.applied_to(committee.style)
        committee = replace(committee, style=style, members=list(committee.members))
        if is_new:
            committee.officer = replace(officer)
            committee.venue = replace(venue)
            committee.start_time = start
        self._seats(committee, is_new, book, members, day)
        meeting.agenda.extend(agenda)
        self._which_copy(meeting, items, marked)
        style = self._infer_order(committee, is_new, self._printed_order, {p.id: p for p in book.everyone()})
        committee = replace(committee, style=style)
        reading.meeting, reading.committee, reading.committee_is_new = meeting, committee, is_new
        reading.style = style
        existing = next((c.style for c in self.register.committees if c.id == committee.id), None)
        reading.style_choices = self.evidence.choices(None if is_new else existing)
        member_ids = {m.person_id for m in committee.members}
        reading.people = [p for p in book.everyone() if p.id in member_ids]
        reading.new_people = [p for p in book.created if p.id in member_ids]
        for number, message in reprint_differences(
            self.lines,
            furniture,
            meeting,
            committee,
            reading.people,
            unplaced=self.unplaced,
            agenda=True,
            public=reading.copy == Copy.PUBLIC,
        ):
            self.notes.append(Note(number, message))
        self._account()
        return reading

    def _which_copy(self, meeting: Meeting, items: list[_Item], marked: list[int] | None) -> None:
        """A public front sheet says which items are not for publication; a confidential one
        prints them in full under its marking, after the exclusion of the press and public."""
        reading = self.reading
        first = items[0].lines[0] if items else 1
        if self._withheld:
            reading.copy = Copy.PUBLIC
            for item in self._withheld:
                item.notes = WITHHELD_NOTE.format(source=reading.source_name)
                reading.withheld.append(item.id)
            if marked is not None:
                self.notes.append(
                    Note(first, "marked confidential, yet it withholds exempt items: read as public")
                )
            return
        if marked is None:
            return
        reading.copy = Copy.CONFIDENTIAL
        exclusion = next(
            (i for i, item in enumerate(meeting.agenda) if item.kind == ItemKind.EXCLUSION), None
        )
        if exclusion is None:
            self.notes.append(
                Note(
                    first,
                    "marked confidential, but no “Exclusion of Press and Public” item says which "
                    "items are exempt; mark them before publishing",
                )
            )
            return
        exempt = [item for item in meeting.agenda[exclusion + 1 :] if item.kind != ItemKind.NEXT_MEETING]
        for item in exempt:
            item.exempt, item.exempt_paragraphs = True, list(marked)
        if len(exempt) > 1 and len(marked) > 1:
            self.notes.append(
                Note(
                    first,
                    f"items {', '.join(i.label or str(meeting.agenda.index(i) + 1) for i in exempt)} were "
                    f"read as exempt under paragraphs {join_numbers(marked)} (the marking's); check each",
                )
            )

    def _account(self) -> None:
        out = []
        for line in self.lines:
            if line.number in self.placed:
                out.append(LineReading(line.number, line.raw, self.placed[line.number]))
            elif line.number in self.unplaced:
                out.append(LineReading(line.number, line.raw, self.unplaced[line.number], placed=False))
            elif line.blank:
                out.append(LineReading(line.number, line.raw, "blank"))
            else:
                out.append(LineReading(line.number, line.raw, "not placed: not recognised", placed=False))
        self.reading.lines = out
        self.reading.notes = sorted(self.notes, key=lambda note: note.line)

    # --- the head of the sheet ------------------------------------------------------------
    def _fields(self, content: list[SourceLine], marked: bool) -> tuple[str, date, time | None, Venue, int]:
        """The head of the sheet: under "Public Document Pack" (or, on the confidential copy,
        under its marking) the council's name, then "MEETING:", "DATE:", "TIME:", "VENUE:"."""
        values: dict[str, tuple[str, SourceLine]] = {}
        pack_seen: SourceLine | None = None
        council: list[SourceLine] = []
        venue_lines: list[SourceLine] = []
        for line in content:
            if line.blank:
                if venue_lines:
                    break
                continue
            if line.text.casefold() == "public document pack" and not values:
                pack_seen = line
                self.placed[line.number] = "“Public Document Pack”"
                continue
            match = _FIELD.match(line.text)
            if match:
                values[match.group("label")] = (match.group("value").strip(), line)
                self.placed[line.number] = f"{match.group('label').title()}"
                if match.group("label") == "VENUE":
                    venue_lines = [line]
                continue
            if venue_lines:
                if re.match(r"^(Member|Members|Membership|Substitutes?)\b", line.text):
                    break
                venue_lines.append(line)
                self.placed[line.number] = "Venue"
                continue
            if (pack_seen is not None or marked) and not values:
                council.append(line)
                self.placed[line.number] = "the council's name"
                continue
            if values:
                break
        missing = [label for label in ("MEETING", "DATE") if label not in values]
        if missing:
            self.reading.errors.append(
                f"no {' or '.join(f'“{label}:”' for label in missing)} line was found: not a front sheet"
            )
            return "", date.min, None, Venue(), 0
        council_name = " ".join(line.text for line in council)
        self.evidence.saw(
            "council_name", council_name, council[0].number if council else values["MEETING"][1].number
        )
        date_text, date_line = values["DATE"]
        try:
            day = parse_date(re.sub(r"(\d)\s+(st|nd|rd|th)\b", r"\1\2", date_text))
        except DomainError as error:
            self.reading.errors.append(f"line {date_line.number}: {error.message}")
            return "", date.min, None, Venue(), 0
        ordinal = bool(re.match(r"^\d{1,2}\s?(?:st|nd|rd|th)\b", date_text))
        self.evidence.saw(
            "front_sheet_date", FrontSheetDate.ORDINAL if ordinal else FrontSheetDate.LONG, date_line.number
        )
        start = None
        if "TIME" in values:
            time_text, time_line = values["TIME"]
            try:
                start = parse_time(time_text)
            except DomainError as error:
                self.unplaced[time_line.number] = f"not placed: {error.message}"
        venue = (
            _venue(" ".join(line.text for line in venue_lines).partition(":")[2].strip())
            if venue_lines
            else Venue()
        )
        last = max([line.number for _, line in values.values()] + [line.number for line in venue_lines])
        return values["MEETING"][0], day, start, venue, last

    def _committee_for(self, name: str) -> tuple[Committee, bool]:
        wanted = " ".join(name.split()).casefold()
        for committee in self.register.committees:
            if committee.name.casefold() == wanted:
                return committee, False
        proper = title_case(" ".join(name.split())) if name.isupper() else " ".join(name.split())
        taken = [c.id for c in self.register.committees]
        committee = Committee(
            committee_id_for(proper, taken), proper, noun=noun_for(proper), style=HouseStyle()
        )
        return committee, True

    # --- membership and officer -------------------------------------------------------------
    def _members(self, lines: list[SourceLine]) -> list[tuple[PrintedMember, Section, int]]:
        found: list[tuple[PrintedMember, Section, int]] = []
        section = Section.MEMBERS
        for line in lines:
            if line.blank:
                continue
            heading, rest = classify_heading(line.text)
            if isinstance(heading, Section):
                section = heading
                self.placed[line.number] = f"heading: {heading.value}"
                if not rest:
                    continue
            try:
                member = read_printed_member(line.text if not isinstance(heading, Section) else rest)
            except DomainError as error:
                self.unplaced[line.number] = f"not placed: {error.message}"
                continue
            found.append((member, section, line.number))
            self.placed[line.number] = f"{'substitute' if section == Section.SUBSTITUTES else 'member'}"
        return found

    def _seats(
        self,
        committee: Committee,
        is_new: bool,
        book: PeopleBook,
        members: list[tuple[PrintedMember, Section, int]],
        day: date,
    ) -> None:
        seats: list[Membership] = []
        for member, section, line in members:
            printed = PrintedName(
                member.name,
                councillor=member.councillor,
                name=member.name,
                honours=member.post_nominals,
                honours_comma=member.post_nominals_comma,
            )
            found = book.find(printed, councillor=member.councillor)
            if found is None:
                found = book.create(printed, councillor=member.councillor, organisation=member.organisation)
            elif not found.certain:
                self.notes.append(Note(line, f"“{member.name}” was read {found.how}"))
            person = found.person
            role = member.role or Role.MEMBER
            if section == Section.SUBSTITUTES or member.substitute:
                role = Role.SUBSTITUTE
            elif section == Section.CO_OPTED or (
                member.organisation and not member.councillor and role == Role.MEMBER
            ):
                role = Role.CO_OPTED
            if found.new and role == Role.CO_OPTED:
                person.organisation = member.organisation
            seats.append(Membership(person.id, role, voting=role != Role.CO_OPTED))
            self._printed_order.append(seats[-1])
            self.placed[line] = f"{role.value}: {person.name}"
        if is_new:
            for seat in seats:
                try:
                    committee.add_member(seat)
                except DomainError as error:
                    self.notes.append(Note(0, f"{seat.person_id}: {error.message}"))
            return
        printed_ids = [seat.person_id for seat in seats]
        current = [m.person_id for m in committee.memberships_on(day)]
        for person_id in printed_ids:
            if person_id not in current:
                self.notes.append(
                    Note(0, f"{person_id} is on the front sheet but not a member in the register")
                )
        for person_id in current:
            if person_id not in printed_ids:
                self.notes.append(
                    Note(0, f"{person_id} is a member in the register but not on the front sheet")
                )

    def _officer(
        self, content: list[SourceLine], officer_at: int | None, agenda_at: int | None
    ) -> OfficerContact:
        officer = OfficerContact()
        if officer_at is None:
            return officer
        for line in content:
            if line.number < officer_at or line.blank:
                continue
            if agenda_at is not None and line.number >= agenda_at:
                break
            head = _OFFICER.match(line.text)
            if head:
                value = head.group("value").strip()
                name, comma, job = value.partition(",")
                if comma:
                    officer.name, officer.job_title = name.strip(), job.strip()
                else:
                    words = value.split()
                    at = next((i for i, w in enumerate(words) if w in _JOB_WORDS and i >= 1), len(words))
                    officer.name, officer.job_title = " ".join(words[:at]), " ".join(words[at:])
                self.evidence.saw("officer_comma", bool(comma), line.number)
                self.placed[line.number] = "the committee officer"
                continue
            telephone = _TELEPHONE.match(line.text)
            if telephone:
                officer.telephone = telephone.group("value").strip()
                self.placed[line.number] = "the officer's telephone"
                continue
            email = _EMAIL.match(line.text)
            if email:
                officer.email = email.group("value").strip()
                self.placed[line.number] = "the officer's e-mail"
                continue
        for para in assemble(
            [
                line
                for line in content
                if line.number > officer_at and (agenda_at is None or line.number < agenda_at)
            ]
        ):
            if any(number in self.placed for number in para.lines):
                continue
            label = next((what for start, what in _STANDARD if para.text.startswith(start)), None)
            for number in para.lines:
                if label:
                    self.placed[number] = label
                else:
                    self.unplaced[number] = "not placed: between the officer and the agenda"
        return officer

    # --- the agenda -----------------------------------------------------------------------------
    def _items(self, lines: list[SourceLine]) -> list[_Item]:
        items: list[_Item] = []
        index = 0
        while index < len(lines):
            line = lines[index]
            match = _ITEM.match(line.text) if not line.blank else None
            expected = str(len(items) + 1)
            if match and (
                match.group("number") == expected or match.group("number").rstrip("ABCabc") == expected
            ):
                item = _Item(match.group("number"), match.group("title").strip(), [line.number])
                pages = match.group("pages")
                index += 1
                # A title wrapped over lines goes on until the blank line after it.
                while not pages and index < len(lines) and not lines[index].blank:
                    more = lines[index].text
                    if _ITEM.match(more) or _starts_item_text(more):
                        break
                    tail = re.match(
                        r"^(?P<title>.*?)\s*(?P<pages>\((?:Pages?\s+\d+(?:\s*[-–]\s*\d+)?|To Follow)\))?$",
                        more,
                    )
                    assert tail is not None
                    item.title = f"{item.title} {tail.group('title')}".strip()
                    item.lines.append(lines[index].number)
                    pages = tail.group("pages")
                    index += 1
                if pages:
                    self._pages(item, pages)
                items.append(item)
                for number in item.lines:
                    self.placed[number] = f"item {item.number}"
                continue
            if items:
                items[-1].body.append(line)
            elif not line.blank:
                self.unplaced[line.number] = "not placed: after the agenda heading, before item 1"
            index += 1
        return items

    def _pages(self, item: _Item, text: str) -> None:
        if _TO_FOLLOW.match(text):
            item.to_follow = True
            return
        try:
            item.pages = _page_range(text)
        except DomainError as error:
            self.notes.append(Note(item.lines[0], error.message))

    def _agenda(self, items: list[_Item]) -> list[AgendaItem]:
        agenda: list[AgendaItem] = []
        full_stops: list[tuple[bool, int]] = []
        for position, item in enumerate(items, start=1):
            kind = kind_of_title(item.title)
            agenda_item = AgendaItem(f"item-{position}", item.title, kind)
            if item.number != str(position):
                agenda_item.label = item.number
            lines = self._joined_page_ranges(item)
            agenda_item.pages, agenda_item.to_follow = item.pages, item.to_follow
            label = f"item {item.number}"
            for para in assemble(lines):
                self._item_para(agenda_item, para, label, full_stops)
            agenda.append(agenda_item)
        if self._declarations_text:
            texts = [text for text, _ in self._declarations_text]
            self.evidence.saw("declarations_agenda_text", texts, self._declarations_text[0][1])
        if full_stops:
            self.evidence.saw("description_full_stop", full_stops[0][0], full_stops[0][1])
            stop = full_stops[0][0]
            for agenda_item in agenda:
                if stop:
                    agenda_item.report_of = agenda_item.report_of.removesuffix(".")
                    agenda_item.presentation_of = agenda_item.presentation_of.removesuffix(".")
                    agenda_item.description = agenda_item.description.removesuffix(".")
        kinds = [a.kind for a in agenda if a.kind in set(HWB_OPENING_ORDER)]
        if kinds in (HWB_OPENING_ORDER, OS_OPENING_ORDER):
            self.evidence.saw("opening_order", list(kinds), items[0].lines[0])
        for agenda_item, item in zip(agenda, items, strict=True):
            if agenda_item.kind == ItemKind.PREVIOUS_MINUTES:
                self.evidence.saw("previous_minutes_title", agenda_item.title, item.lines[0])
        return agenda

    def _joined_page_ranges(self, item: _Item) -> list[SourceLine]:
        """ "(Pages 11 -" / "22)" is one range; the title may go on over a wrapped line."""
        lines = list(item.body)
        out: list[SourceLine] = []
        index = 0
        while index < len(lines):
            line = lines[index]
            if not line.blank and _PAGES_OPEN.match(line.text) and index + 1 < len(lines):
                nxt = next((other for other in lines[index + 1 :] if not other.blank), None)
                if nxt is not None and re.match(r"^\d+\)$", nxt.text):
                    joined = f"{line.text.rstrip(' -–')} - {nxt.text}"
                    self._pages(item, joined.strip("()"))
                    self.placed[line.number] = self.placed[nxt.number] = f"item {item.number}: pages"
                    index = lines.index(nxt) + 1
                    continue
            out.append(line)
            index += 1
        return out

    def _item_para(
        self, item: AgendaItem, para: Para, label: str, full_stops: list[tuple[bool, int]]
    ) -> None:
        text = para.text.strip()
        what = ""
        exempt = _EXEMPT.search(text)
        if _PAGES.match(text):
            try:
                item.pages = _page_range(text.strip("()"))
                what = "pages"
            except DomainError as error:
                self.notes.append(Note(para.first, error.message))
        elif _TO_FOLLOW.match(text):
            item.to_follow, what = True, "to follow"
        elif exempt:
            self._withheld.append(item)
            item.exempt = True
            item.exempt_paragraphs = sorted({int(n) for n in re.findall(r"\d", exempt.group("numbers"))})
            what = "exempt (Schedule 12A)"
        elif any(text.startswith(start) for start in _DECLARATIONS_BOILERPLATE):
            item.kind = ItemKind.DECLARATIONS
            what = "the declarations paragraphs"
            self._declarations_text.append((text, para.first))
        elif text.startswith("Report of ") and not item.report_of:
            item.report_of = text.removeprefix("Report of ")
            full_stops.append((text.endswith("."), para.first))
            what = "report of"
        elif text.startswith("Presentation of ") and not item.presentation_of:
            item.presentation_of = text.removeprefix("Presentation of ")
            full_stops.append((text.endswith("."), para.first))
            what = "presentation of"
        elif re.search(r",\s*to attend\.?$", text) and not item.presenter:
            item.presenter = re.sub(r",\s*to attend\.?$", "", text)
            what = "who will attend"
        elif not item.description:
            item.description = text
            what = "description"
            if text.startswith("Minutes of the meeting held on"):
                full_stops.append((text.endswith("."), para.first))
        for number in para.lines:
            if what:
                self.placed[number] = f"{label}: {what}"
            else:
                self.unplaced[number] = f"{label}: not placed: a second description (one is printed)"

    def _infer_order(
        self, committee: Committee, is_new: bool, printed: list[Membership], people: dict[str, Person]
    ) -> HouseStyle:
        """Councillors after the Chair and Vice-Chair printed in surname order (three or more
        of them) is the alphabetical house order; any other order is the membership's own."""
        style = committee.style
        if self.reading.errors or not printed:
            return style
        if _alphabetical(printed, people):
            self.evidence.saw("member_order", MemberOrder.ALPHABETICAL, 0)
            return replace(style, member_order=MemberOrder.ALPHABETICAL)
        if is_new or style.member_order == MemberOrder.ALPHABETICAL:
            self.evidence.saw("member_order", MemberOrder.LISTED, 0)
            return replace(style, member_order=MemberOrder.LISTED)
        return style


def _alphabetical(printed: list[Membership], people: dict[str, Person]) -> bool:
    from clerk_tui.render.papers import surname_key

    rest = [m for m in printed if m.role not in (Role.CHAIR, Role.VICE_CHAIR, Role.SUBSTITUTE)]
    councillors = [m for m in rest if m.role != Role.CO_OPTED and _is_councillor(people.get(m.person_id))]
    keys = [surname_key(people.get(m.person_id)) for m in councillors]
    return len(keys) >= 3 and keys == sorted(keys)


def _starts_item_text(text: str) -> bool:
    return bool(
        _PAGES.match(text)
        or _PAGES_OPEN.match(text)
        or _TO_FOLLOW.match(text)
        or text.startswith(("Report of ", "Presentation of ", "Minutes of the meeting"))
        or any(text.startswith(start) for start in _DECLARATIONS_BOILERPLATE)
        or re.search(r",\s*to attend\.?$", text)
    )


def _is_councillor(person: Person | None) -> bool:
    return bool(person and person.councillor)


def _page_range(text: str) -> PageRange:
    from clerk_tui.domain import parse_page_range

    found = parse_page_range(text)
    if found is None:
        raise DomainError(f"“{text}” is not a page range.")
    return found


def _venue(text: str) -> Venue:
    """ "Committee Room - Bootle Town Hall, Trinity Road, Bootle, L20 7AE"."""
    head, comma, address = text.partition(", ")
    room, dash, building = head.partition(" - ")
    if not dash:
        room, building = "", head
    return Venue(room.strip(), building.strip(), address.strip() if comma else "")
