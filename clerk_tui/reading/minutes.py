"""Published minutes, as text, back into a meeting: the printer (render/minutes.py) read
backwards, with the noise of real papers around it.

The skeleton (domain.md 2.1): the call-in banner, the minute-book page number, the body
in capitals, "MEETING HELD AT ..." and "ON <DATE>", the PRESENT block (chair, Vice-Chair,
the others), ALSO PRESENT, the officers' block and notes of who came, left or withdrew
during which minute, then numbered minutes "N. TITLE" each with its narrative and
resolution, deferred and withdrawn items (a title that takes no number) among them. A
pack goes on after the minutes with reports ("Report to: ..."): those lines are reported
as not read. Every line is placed or reported with its number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from clerk_tui.domain import (
    AgendaItem,
    AttendanceEvent,
    Block,
    BlockKind,
    Committee,
    CouncillorNames,
    Declaration,
    DomainError,
    EventKind,
    HeadingDate,
    HouseStyle,
    InterestAction,
    InterestKind,
    ItemKind,
    Meeting,
    MeetingStatus,
    MemberOrder,
    Membership,
    Minute,
    OrganisationStyle,
    Person,
    PresencePlacement,
    Resolution,
    ResolutionLead,
    Role,
    Venue,
)
from clerk_tui.domain.committee import HWB_OPENING_ORDER, OS_OPENING_ORDER, SkippedItems
from clerk_tui.domain.exclusion import exclusion_after
from clerk_tui.domain.membership_entry import committee_id_for, noun_for
from clerk_tui.domain.minutes import MinuteStatus, join_part
from clerk_tui.domain.phrases import join_numbers
from clerk_tui.domain.planning import meeting_id_for
from clerk_tui.reading import tables
from clerk_tui.reading.check import reprint_differences, standard_text
from clerk_tui.reading.membership import merged_membership
from clerk_tui.reading.names import PrintedName, parse_entry, split_list, strip_title
from clerk_tui.reading.paragraphs import (
    Para,
    ParaKind,
    assemble,
    is_capitals,
    lead_of,
    starts_lower,
    title_case,
)
from clerk_tui.reading.people import Found, PeopleBook
from clerk_tui.reading.presence import SETTINGS, NoteKind, PresenceRead, read_presence_note
from clerk_tui.reading.result import WITHHELD_NOTE, LineReading, Note, PaperKind, Reading, Register
from clerk_tui.reading.source import (
    MARKING_FURNITURE,
    MONTHS,
    SourceLine,
    find_furniture,
    marking_paragraphs,
    split_lines,
    strip_glued_stamps,
    without_furniture,
)
from clerk_tui.reading.style import StyleEvidence
from clerk_tui.render.public import WITHHELD_NATURE, Copy

BANNER = re.compile(r"^THIS SET OF MINUTES IS NOT SUBJECT TO\b.*CALL", re.IGNORECASE)
_ACT_CITED = re.compile(r"Local Government Act,? 1972")
"""The Act as a statutory exclusion cites it: the house's citation (with a comma or not)."""
_HEADING = re.compile(r"^(?P<number>\d{1,3})\.\s*(?P<title>\S.*)$")
_HELD_AT = re.compile(r"^MEETING HELD AT\b\s*(?P<venue>.*)$")
_ON_DATE = re.compile(
    r"^ON\s+(?:[A-Z]+DAY),?\s+(?P<day>\d{1,2})\s?(?P<ordinal>ST|ND|RD|TH)?\s+(?P<month>"
    + "|".join(MONTHS)
    + r")(?P<comma>,?)\s+(?P<year>\d{4})\.?$"
)
_PRESENT = re.compile(r"^PRESENT\s*:\s*(?P<rest>.*)$")
_ALSO = re.compile(r"^ALSO PRESENT\s*:\s*(?P<rest>.*)$")
_COLUMNS = re.compile(r"\S {3,}\S.* {3,}\S")
"""Three cells or more, set apart by runs of spaces: a table laid out in columns."""
_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z ]{2,40}?)\s*:\s*")
"""A block's label in capitals: "PRESENT:", "ALSO PRESENT:", "IN ATTENDANCE:"."""
_OFFICERS_LABELS = ("IN ATTENDANCE", "OFFICERS PRESENT", "OFFICERS IN ATTENDANCE")
_END = re.compile(r"^(?:report to\s*:|public document pack$)", re.IGNORECASE)
_APOLOGIES = re.compile(r"^Apologies for absence were received from (?P<names>.+?)\.?$")
NO_APOLOGIES = "No apologies for absence were received."
NO_DECLARATIONS = (
    "No declarations of any disclosable pecuniary interests or personal interests were received."
)
_CONFIRMED = re.compile(r"\bbe (?:confirmed|approved|signed) as a (?:correct|true) record\b", re.IGNORECASE)
_EXEMPT_PARAGRAPHS = re.compile(
    r"exempt information as defined in paragraphs? (?P<numbers>\d(?:(?:\s*,\s*|\s+and\s+)\d)*) of Part 1 "
    r"of Schedule 12A",
    re.IGNORECASE,
)
_WITHHELD_MINUTE = re.compile(
    r"^\[This item was considered in private\. Its minute is not published: it contains exempt "
    r"information as defined in paragraphs? (?P<numbers>\d(?:(?:\s*,\s*|\s+and\s+)\d)*) of Part 1 of "
    r"Schedule 12A to the Local Government Act 1972\.\]$",
    re.IGNORECASE,
)
"""An exempt minute as the public copy prints it (render/minutes.py): its record withheld."""
_DECLARED = re.compile(
    r"^(?P<who>.+?) declared an? (?:(?P<kind>disclosable pecuniary|pecuniary|personal|prejudicial|other) )?"
    r"interest in (?:Minute No\.?\s*(?P<minute>\d{1,3})|(?:agenda )?item (?:No\.?\s*)?(?P<item>\d{1,3}))"
    r"(?:\s*\((?P<title>[^)]*)\))?[ ,;]*(?P<rest>.*)$",
    re.IGNORECASE,
)
_DEFERRED = re.compile(r"\bdeferred\b", re.IGNORECASE)
_WITHDRAWN = re.compile(r"\bwithdrawn\b", re.IGNORECASE)
_KIND_TITLES: list[tuple[re.Pattern[str], ItemKind]] = [
    (re.compile(r"^ELECTION OF (?:THE )?(?:CHAIR|CHAIRMAN|CHAIRPERSON)\b"), ItemKind.ELECTION_OF_CHAIR),
    (re.compile(r"^APOLOGIES\b"), ItemKind.APOLOGIES),
    (re.compile(r"^DECLARATIONS? OF (?:ANY )?INTERESTS?\b"), ItemKind.DECLARATIONS),
    (re.compile(r"^MINUTES OF (?:THE )?(?:PREVIOUS|LAST) MEETING\b"), ItemKind.PREVIOUS_MINUTES),
    (re.compile(r"^EXCLUSION OF (?:THE )?PRESS AND (?:THE )?PUBLIC\b"), ItemKind.EXCLUSION),
    (re.compile(r"^URGENT BUSINESS\b|^ANY OTHER BUSINESS\b"), ItemKind.URGENT),
    (re.compile(r"^DATE (?:AND TIME )?OF (?:THE )?NEXT MEETING\b"), ItemKind.NEXT_MEETING),
]


def looks_like_minutes(text: str) -> bool:
    head = "\n".join(text.splitlines()[:60])
    return bool(re.search(r"^\s*MEETING HELD AT\b", head, re.MULTILINE)) and bool(
        re.search(r"^\s*PRESENT\s*:", head, re.MULTILINE)
    )


def kind_of_title(capitals: str) -> ItemKind:
    for pattern, kind in _KIND_TITLES:
        if pattern.match(capitals.upper()):
            return kind
    return ItemKind.SUBSTANTIVE


@dataclass
class _Heading:
    number: int
    title: str
    lines: list[int]


@dataclass
class _MinuteDraft:
    heading: _Heading
    kind: ItemKind
    body: list[SourceLine]
    narrative: list[tuple[Block, list[int]]] = field(default_factory=list)
    resolution: Resolution | None = None
    resolution_lines: list[int] = field(default_factory=list)
    apologies: list[PrintedName] = field(default_factory=list)
    apologies_para: Para | None = None
    declaration_rows: list[tables.DeclarationRow] = field(default_factory=list)
    declaration_sentences: list[tuple[str, int, str, str, int]] = field(default_factory=list)
    """(who, minute number, kind, nature, line)."""
    exclusion: tuple[list[int], int] | None = None
    """Schedule 12A paragraphs and how many items of business the exclusion covers."""
    exempt_paragraphs: list[int] = field(default_factory=list)
    """For business after an exclusion: the paragraphs that make it exempt."""
    withheld: list[int] | None = None
    """The public copy withholds this minute's record, citing these paragraphs."""
    placed: dict[int, str] = field(default_factory=dict)
    unplaced: dict[int, str] = field(default_factory=dict)
    status: MinuteStatus = MinuteStatus.MINUTED
    """Deferred and withdrawn items print their title, unnumbered, and the house's sentence."""
    list_columns: list[int] = field(default_factory=list)
    """The text column of each level of the list being read."""
    list_markers: dict[int, tuple[str, int]] = field(default_factory=dict)
    """The marker each level of a nested list was printed with, and a line it was seen on."""

    @property
    def numbered(self) -> bool:
        return self.status == MinuteStatus.MINUTED

    @property
    def label(self) -> str:
        """How the reading names it: "minute 48", or a deferred item by its title."""
        if self.numbered:
            return f"minute {self.heading.number}"
        return f"the {self.status.value} item “{self.heading.title}”"


class MinutesReader:
    """Reads one set of minutes; ``read()`` returns the Reading."""

    def __init__(self, text: str, register: Register, source_name: str = "the minutes") -> None:
        lines, self.removed = split_lines(text)
        self.lines = strip_glued_stamps(lines)
        self.register = register
        self.reading = Reading(PaperKind.MINUTES, source_name)
        self.placed: dict[int, str] = {}
        self.unplaced: dict[int, str] = {}
        self.evidence = StyleEvidence()
        self.notes: list[Note] = []
        self.officers: list[tuple[PrintedName, int]] = []
        self.table_lines: set[int] = set()
        """Lines read as table cells: the check compares their words as a table's."""
        self.day = date.min
        self.minute_numbers: set[int] = set()
        """The numbers of the minutes the paper has: a note after PRESENT names one of them."""
        """The meeting's date, once the heading is read: people are named as they were then."""
        self.named: set[str] = set()
        """The names PRESENT and ALSO PRESENT print: a presence note names one of them."""
        self.presence: list[tuple[PresenceRead, list[int], _MinuteDraft | None]] = []
        """Presence notes: each with its lines and the minute it heads (None: after PRESENT)."""

    # --- the whole paper -----------------------------------------------------------
    def read(self) -> Reading:
        reading = self.reading
        header = self._find_header()
        if header is None:
            self._account_for_lines({})
            return reading
        body_name, day, venue_text, start = header
        self.day = day
        furniture = find_furniture(self.lines)
        for number, piece in furniture.items():
            self.placed[number] = f"page furniture ({piece.what})"
        content = without_furniture(self.lines[start - 1 :], furniture)
        headings, end = self._find_headings(content)
        if end is not None:
            for line in self.lines[end - 1 :]:
                if line.number not in self.placed and not line.blank:
                    self.unplaced[line.number] = "after the minutes (the rest of the pack): not read"
        in_minutes = [line for line in content if end is None or line.number < end]
        first_heading = headings[0].lines[0] if headings else None
        preamble = [line for line in in_minutes if first_heading is None or line.number < first_heading]
        self.minute_numbers = {heading.number for heading in headings}
        present, also = self._read_attendance_block(preamble)
        drafts = self._read_minutes(in_minutes, headings)
        if not headings:
            reading.errors.append("no numbered minutes (“1. TITLE”) were found")
        committee, is_new = self._committee_for(body_name)
        book = PeopleBook(self.register.people, committee, day)
        style = self._infer_style(committee, drafts, present, also)
        book.use_short_names(style.councillor_names == CouncillorNames.SHORT)
        meeting_id = meeting_id_for(committee, day, self.register.meeting_ids)
        meeting = Meeting(meeting_id, committee.id, day, committee.start_time, status=MeetingStatus.APPROVED)
        meeting.venue = self._venue(committee, venue_text)
        meeting.officer = replace(committee.officer)
        committee = replace(committee, style=style, members=list(committee.members))
        self._build(meeting, committee, is_new, book, drafts, present, also)
        reading.meeting = meeting
        reading.committee = committee
        reading.committee_is_new = is_new
        reading.style = style
        reading.style_choices = self.evidence.choices(None if is_new else self._existing_style(committee.id))
        reading.new_people = [p for p in book.created if _is_named(meeting, committee, p.id)]
        reading.people = [p for p in book.everyone() if _is_named(meeting, committee, p.id)]
        self._standard_texts(meeting, committee, reading.people)
        self._which_copy(meeting, drafts, marking_paragraphs(self.lines, furniture))
        for number, message in reprint_differences(
            self.lines,
            furniture,
            meeting,
            committee,
            reading.people,
            end,
            unplaced=self.unplaced,
            table_lines=self.table_lines,
            public=reading.copy == Copy.PUBLIC,
        ):
            self.notes.append(Note(number, message))
        self._account_for_lines(furniture)
        reading.notes = sorted(self.notes, key=lambda note: note.line)
        return reading

    def _which_copy(self, meeting: Meeting, drafts: list[_MinuteDraft], marked: list[int] | None) -> None:
        """The public copy withholds exempt minutes; a paper with exempt minutes in full is
        the confidential copy, marked or not (the council's own print may not be)."""
        reading = self.reading
        withheld = [
            (draft, item_id)
            for draft, minute in zip(drafts, meeting.minutes, strict=True)
            if draft.withheld is not None and (item_id := minute.item_id) is not None
        ]
        first = drafts[0].heading.lines[0] if drafts else 1
        if withheld:
            reading.copy = Copy.PUBLIC
            for draft, item_id in withheld:
                meeting.item(item_id).notes = WITHHELD_NOTE.format(source=reading.source_name)
                reading.withheld.append(item_id)
                self.notes.append(
                    Note(
                        draft.heading.lines[0],
                        f"{draft.label} is exempt and this is the public copy: its "
                        "record (narrative, resolution) was not in the paper and is not stored",
                    )
                )
            if marked is not None:
                self.notes.append(
                    Note(
                        first, "marked confidential, yet it withholds exempt minutes: read as the public copy"
                    )
                )
                self._marking_not_printed("the public copy is not marked")
            return
        exempt = sorted({p for item in meeting.agenda if item.exempt for p in item.exempt_paragraphs})
        if not exempt:
            if marked is not None:
                self.notes.append(
                    Note(
                        first,
                        "marked confidential, but no minute was read as exempt (no exclusion of the "
                        "press and public); mark the exempt items before publishing",
                    )
                )
                self._marking_not_printed("no minute was read as exempt")
            return
        reading.copy = Copy.CONFIDENTIAL
        if marked is None:
            self.notes.append(
                Note(
                    first,
                    "exempt business is printed in full but the paper is not marked confidential: "
                    "read as the confidential copy (clerk prints it marked)",
                )
            )
        elif marked != exempt:
            self.notes.append(
                Note(
                    first,
                    f"marked confidential under {join_numbers(marked)}, but the exempt minutes cite "
                    f"{join_numbers(exempt)}; check",
                )
            )

    def _marking_not_printed(self, why: str) -> None:
        """A confidential marking the paper printed again would not carry is reported."""
        marking = f"page furniture ({MARKING_FURNITURE})"
        for number in [n for n, what in self.placed.items() if what == marking]:
            del self.placed[number]
            self.unplaced[number] = f"not placed: a confidential marking, but {why}"

    def _existing_style(self, committee_id: str) -> HouseStyle | None:
        for committee in self.register.committees:
            if committee.id == committee_id:
                return committee.style
        return None

    def _account_for_lines(self, furniture: object) -> None:
        readings = []
        for line in self.lines:
            if line.number in self.placed:
                readings.append(LineReading(line.number, line.raw, self.placed[line.number]))
            elif line.number in self.unplaced:
                readings.append(LineReading(line.number, line.raw, self.unplaced[line.number], placed=False))
            elif line.blank:
                readings.append(LineReading(line.number, line.raw, "blank"))
            else:
                readings.append(
                    LineReading(line.number, line.raw, "not placed: not recognised", placed=False)
                )
        self.reading.lines = readings
        if self.removed:
            self.notes.append(Note(0, f"control characters removed: {', '.join(sorted(set(self.removed)))}"))

    # --- the top of the minutes ------------------------------------------------------
    def _find_header(self) -> tuple[str, date, str, int] | None:
        """(body name, date, venue as printed, first line number) or None (and an error)."""
        banner_seen = False
        title: SourceLine | None = None
        venue: list[SourceLine] = []
        for line in self.lines[:80]:
            text = line.text
            if line.blank:
                continue
            if not banner_seen and title is None and BANNER.match(text):
                banner_seen = True
                self.placed[line.number] = "call-in banner"
                self.evidence.saw("call_in_banner", True, line.number)
                self.evidence.saw("call_in_wording", text, line.number)
                continue
            if re.fullmatch(r"\d{1,4}", text) and title is None:
                continue
            if title is None and is_capitals(text) and not _HELD_AT.match(text):
                title = line
                self.placed[line.number] = "the committee's name"
                continue
            held = _HELD_AT.match(text)
            if held and title is not None:
                venue = [line]
                continue
            on_date = _ON_DATE.match(text)
            if venue and on_date:
                try:
                    day = date(
                        int(on_date.group("year")),
                        MONTHS.index(on_date.group("month")) + 1,
                        int(on_date.group("day")),
                    )
                except ValueError:
                    self.reading.errors.append(f"line {line.number}: “{text}” is not a real date")
                    return None
                for part in venue:
                    self.placed[part.number] = "where the meeting was held"
                self.placed[line.number] = "the date of the meeting"
                self.evidence.saw("heading_date", _heading_date(on_date), line.number)
                held_text = " ".join(part.text for part in venue)
                held_match = _HELD_AT.match(held_text)
                assert held_match is not None
                if not banner_seen:
                    self.evidence.saw("call_in_banner", False, title.number if title else 1)
                assert title is not None
                return title.text, day, held_match.group("venue").strip(), line.number + 1
            if venue:
                venue.append(line)
                continue
            if title is not None:
                break
        if title is None:
            self.reading.errors.append("no committee name in capitals was found at the top")
        elif not venue:
            self.reading.errors.append("no “MEETING HELD AT …” line was found under the committee's name")
        else:
            self.reading.errors.append("no “ON <WEEKDAY> <DATE>” line was found after “MEETING HELD AT”")
        return None

    def _find_headings(self, content: list[SourceLine]) -> tuple[list[_Heading], int | None]:
        headings: list[_Heading] = []
        end: int | None = None
        previous: SourceLine | None = None
        index = 0
        while index < len(content):
            line = content[index]
            if headings and _END.match(line.text):
                end = line.number
                break
            match = _HEADING.match(line.text)
            if (
                match
                and is_capitals(match.group("title"))
                and not lead_of(match.group("title"))
                and (not headings or int(match.group("number")) == headings[-1].number + 1)
                and (previous is None or previous.blank or line.indented or not headings)
            ):
                title_lines = [line]
                title = match.group("title").strip()
                look = index + 1
                while look < len(content):
                    nxt = content[look]
                    if (
                        nxt.blank
                        or not is_capitals(nxt.text)
                        or lead_of(nxt.text)
                        or _HEADING.match(nxt.text)
                    ):
                        break
                    title += " " + nxt.text
                    title_lines.append(nxt)
                    look += 1
                headings.append(_Heading(int(match.group("number")), title, [n.number for n in title_lines]))
                index = look
                previous = title_lines[-1]
                continue
            previous = line
            index += 1
        return headings, end

    def _read_attendance_block(
        self, preamble: list[SourceLine]
    ) -> tuple[list[tuple[PrintedName, int, str]], list[tuple[PrintedName, int]]]:
        """PRESENT and ALSO PRESENT: (entry, line, where) and (entry, line). An "IN
        ATTENDANCE:" or "OFFICERS PRESENT:" block is read into self.officers, and the notes of
        presence after them into self.presence."""
        present: list[tuple[PrintedName, int, str]] = []
        also: list[tuple[PrintedName, int]] = []
        remaining, candidates = self._take_presence_notes(preamble)
        lines = [line for line in remaining if not line.blank]
        seen: set[str] = set()
        index = 0
        while index < len(lines):
            line = lines[index]
            label = _LABEL.match(line.text)
            if label is None:
                if line.number not in self.placed:
                    self.unplaced[line.number] = "not placed: before the first minute, and not attendance"
                index += 1
                continue
            block = [line]
            index += 1
            while (
                index < len(lines)
                and not _LABEL.match(lines[index].text)
                and _block_goes_on(block[-1], lines[index], self.lines)
            ):
                block.append(lines[index])
                index += 1
            name = label.group("label")
            kind = "officers" if name in _OFFICERS_LABELS else name
            if kind in seen:
                for part in block:
                    self.unplaced[part.number] = (
                        f"not placed: a second “{name}:” block (the minutes print one)"
                    )
                continue
            seen.add(kind)
            if name == "PRESENT":
                present = self._present(block)
            elif name == "ALSO PRESENT":
                rest = _join_lines(block).split(":", 1)[1]
                also.extend((parse_entry(entry), line.number) for entry in split_list(rest))
                for part in block:
                    self.placed[part.number] = "ALSO PRESENT"
            elif name in _OFFICERS_LABELS:
                rest = _join_lines(block).split(":", 1)[1]
                self.officers.extend((parse_entry(entry), line.number) for entry in split_list(rest))
                for part in block:
                    self.placed[part.number] = f"{name}: the officers in attendance"
                self.evidence.saw("officers_in_attendance", True, line.number)
                self.evidence.saw("officers_label", name, line.number)
            else:
                for part in block:
                    self.unplaced[part.number] = f"not placed: “{name}:” is not a block printed minutes have"
        self.named = {entry.name for entry, *_ in present if entry.name}
        self.named.update(entry.name for entry, _ in also if entry.name)
        for note, group in candidates:
            if note.this_item or note.minute_number not in (None, *self.minute_numbers):
                for part in group:
                    self.unplaced[part.number] = (
                        "not placed: a presence note on a minute not in these minutes"
                    )
            elif self._names_someone_present(note):
                self._presence_note(note, [part.number for part in group], None)
            else:
                for part in group:
                    self.unplaced[part.number] = (
                        f"not placed: before the first minute; reads like a note of {note.kind.value}, "
                        "but names no one in PRESENT or ALSO PRESENT"
                    )
        return present, also

    def _names_someone_present(self, note: PresenceRead) -> bool:
        """Names someone PRESENT lists, in the wording any earlier note of its kind had (one
        house, one wording: a sentence in other words is the clerk's own)."""
        seen = self.evidence.seen.get(SETTINGS[note.kind][1])
        return parse_entry(note.name).name in self.named and (seen is None or seen[0] == note.wording)

    def _take_presence_notes(
        self, preamble: list[SourceLine]
    ) -> tuple[list[SourceLine], list[tuple[PresenceRead, list[SourceLine]]]]:
        """The paragraphs after PRESENT that read as notes of who came, left or withdrew
        during which minute, kept aside (with their lines) from the rest of the preamble."""
        rest: list[SourceLine] = []
        candidates: list[tuple[PresenceRead, list[SourceLine]]] = []
        group: list[SourceLine] = []
        for line in [*preamble, None]:
            if line is not None and not line.blank:
                group.append(line)
                continue
            note = read_presence_note(_join_lines(group)) if group else None
            if note is not None and not _LABEL.match(group[0].text):
                candidates.append((note, group))
            else:
                rest.extend(group)
            if line is not None:
                rest.append(line)
            group = []
        return rest, candidates

    def _presence_note(self, note: PresenceRead, numbers: list[int], draft: _MinuteDraft | None) -> None:
        """Keep a presence note for the record, and what it shows of the house style."""
        self.presence.append((note, numbers, draft))
        where = f"{draft.label}" if draft is not None else "after PRESENT"
        for number in numbers:
            self.placed[number] = f"{where}: {note.kind.value} of {note.name}"
        placement_setting, wording_setting = SETTINGS[note.kind]
        if note.this_item:
            self.evidence.saw(placement_setting, PresencePlacement.IN_MINUTE, numbers[0])
        elif note.minute_number is not None:
            self.evidence.saw(placement_setting, PresencePlacement.AFTER_PRESENT, numbers[0])
        self.evidence.saw(wording_setting, note.wording, numbers[0])

    def _present(self, block: list[SourceLine]) -> list[tuple[PrintedName, int, str]]:
        found: list[tuple[PrintedName, int, str]] = []
        first = _PRESENT.match(block[0].text)
        assert first is not None
        rest_lines = block[1:]
        head = first.group("rest").strip()
        chair = re.match(
            r"^(?P<entry>.+?\(in the Chair\)(?:\s*\([^()]*\))?)\s*(?P<more>.*)$", head, re.IGNORECASE
        )
        self.placed[block[0].number] = "PRESENT: the chair"
        list_text = ""
        list_line = block[0].number
        if chair:
            entry = parse_entry(chair.group("entry"))
            found.append((entry, block[0].number, "chair"))
            list_text = chair.group("more")
        else:
            list_text = head
            self.notes.append(Note(block[0].number, "no “(in the Chair)” in the PRESENT block"))
        others: list[SourceLine] = []
        for line in rest_lines:
            vice = re.match(r"^(?P<entry>.+?)\s*\((?:Vice-Chair|Vice Chair)\)$", line.text, re.IGNORECASE)
            if vice and not others and "," not in vice.group("entry") and not list_text:
                entry = parse_entry(vice.group("entry"))
                entry.role = "vice-chair"
                found.append((entry, line.number, "vice-chair"))
                self.placed[line.number] = "PRESENT: the Vice-Chair"
                self.evidence.saw("vice_chair_line", True, line.number)
                continue
            others.append(line)
            self.placed[line.number] = "PRESENT: the members and others present"
        if others:
            list_line = others[0].number
            list_text = " ".join(part for part in (list_text, _join_lines(others)) if part)
        titled, plural, names = strip_title(list_text)
        for position, entry_text in enumerate(split_list(names)):
            entry = parse_entry(entry_text)
            if titled and position == 0:
                entry.councillor = True
            where = "listed-titled" if titled and (position == 0 or (plural and position == 1)) else "listed"
            if titled and plural and position > 1:
                where = "listed-maybe"
            found.append((entry, list_line, where))
        return found

    # --- the minutes -------------------------------------------------------------------
    def _read_minutes(self, content: list[SourceLine], headings: list[_Heading]) -> list[_MinuteDraft]:
        drafts: list[_MinuteDraft] = []
        for position, heading in enumerate(headings):
            after = heading.lines[-1]
            upto = headings[position + 1].lines[0] if position + 1 < len(headings) else None
            body = [line for line in content if line.number > after and (upto is None or line.number < upto)]
            body, skipped = self._skipped_items(heading, body)
            title = heading.title.rstrip()
            draft = _MinuteDraft(heading, kind_of_title(title), body)
            for number in heading.lines:
                self.placed[number] = f"minute {heading.number}: heading"
            self._read_minute(draft)
            drafts.append(draft)
            for later in skipped:
                self._read_minute(later)
                drafts.append(later)
        self._mark_exempt(drafts)
        return drafts

    def _skipped_items(
        self, heading: _Heading, body: list[SourceLine]
    ) -> tuple[list[SourceLine], list[_MinuteDraft]]:
        """A deferred or withdrawn item printed after a minute takes no number: its title in
        capitals on a line of its own, the house's sentence, then what was recorded of it.
        The minute's own body, and a draft for each such item."""
        starts = [index for index in range(len(body)) if _skipped_sentence(body, index) is not None]
        drafts: list[_MinuteDraft] = []
        for position, start in enumerate(starts):
            upto = starts[position + 1] if position + 1 < len(starts) else len(body)
            found = _skipped_sentence(body, start)
            assert found is not None
            status, sentence = found
            title_line = body[start]
            skipped = _Heading(heading.number, title_line.text, [title_line.number])
            draft = _MinuteDraft(skipped, kind_of_title(title_line.text), [], status=status)
            sentence_lines = [line.number for line in sentence]
            draft.body = [line for line in body[start + 1 : upto] if line.number not in sentence_lines]
            self.placed[title_line.number] = f"{draft.label}: heading (it takes no number)"
            text = _join_lines(sentence)
            for number in sentence_lines:
                self.placed[number] = f"{draft.label}: the house's sentence"
            self.evidence.saw("skipped_items", SkippedItems.HEADING_AND_SENTENCE, title_line.number)
            wording = "deferred_wording" if status == MinuteStatus.DEFERRED else "withdrawn_wording"
            self.evidence.saw(wording, text, sentence_lines[0])
            drafts.append(draft)
        return (body[: starts[0]] if starts else body), drafts

    def _read_minute(self, draft: _MinuteDraft) -> None:
        label = f"{draft.label}"
        paras = self._paras_with_tables(draft)
        if len(paras) == 1 and (withheld := _WITHHELD_MINUTE.match(paras[0].text.strip())):
            draft.withheld = sorted({int(n) for n in re.findall(r"\d", withheld.group("numbers"))})
            for number in paras[0].lines:
                self.placed[number] = f"{label}: withheld (the public copy: its record is not in this paper)"
            return
        state = "narrative"
        lead: Para | None = None
        parts: list[Para] = []
        single_open = False
        """A single sentence ending in a colon: its sub-items may follow."""
        withdrawal_seen = False
        while paras and paras[0].kind == ParaKind.TEXT:
            note = read_presence_note(paras[0].text)
            if note is None or not note.this_item or not self._names_someone_present(note):
                break
            if withdrawal_seen and note.kind != NoteKind.WITHDRAWAL:
                break  # the printer says who came or left before who withdrew: the rest is narrative
            withdrawal_seen = note.kind == NoteKind.WITHDRAWAL
            self._presence_note(note, paras[0].lines, draft)
            paras = paras[1:]
        for para in paras:
            if state == "done":
                for number in para.lines:
                    draft.unplaced[number] = (
                        f"{label}: not placed: after the resolution (printed minutes end with it)"
                    )
                continue
            if para.kind == ParaKind.LEAD:
                if state == "resolution":
                    self._close_resolution(draft, lead, parts)
                lead, parts, state = para, [], "resolution"
                continue
            if state == "resolution":
                assert lead is not None
                numbered_part = bool(parts) and parts[-1].kind == ParaKind.NUMBERED
                if para.kind == ParaKind.BULLET and parts and (para.indent if numbered_part else single_open):
                    # A part's sub-items: indented under a numbered part, at the margin under
                    # a single sentence that ends in a colon.
                    parts[-1].subs.append(para)
                    self.evidence.saw("sub_item_marker", para.marker, para.first)
                    continue
                numbered = para.kind == ParaKind.NUMBERED and not single_open
                if numbered and parts:
                    self._spacing_seen(para)
                multi = lead.text.endswith("That") or (not parts and para.kind == ParaKind.NUMBERED)
                if numbered and (multi or parts):
                    parts.append(para)
                    continue
                if not parts and para.kind == ParaKind.TEXT:
                    parts.append(para)
                    single_open = para.text.rstrip().endswith(":")
                    if not single_open:
                        self._close_resolution(draft, lead, parts)
                        state = "done"
                    continue
                self._close_resolution(draft, lead, parts)
                state = "done"
                for number in para.lines:
                    draft.unplaced[number] = (
                        f"{label}: not placed: after the resolution (printed minutes end with it)"
                    )
                continue
            self._narrative_para(draft, para)
        if state == "resolution":
            self._close_resolution(draft, lead, parts)
        if draft.resolution is None and draft.kind == ItemKind.PREVIOUS_MINUTES:
            self._confirmation_without_lead(draft)
        self._kind_specific(draft)
        for number, what in draft.placed.items():
            self.placed.setdefault(number, what)
        for number, why in draft.unplaced.items():
            self.unplaced[number] = why

    def _paras_with_tables(self, draft: _MinuteDraft) -> list[Para]:
        """The minute's paragraphs, with flattened tables read as tables first."""
        out: list[Para] = []
        run: list[SourceLine] = []
        lines = draft.body
        index = 0
        previous_text = ""
        label = f"{draft.label}"
        while index < len(lines):
            line = lines[index]
            if not line.blank and "\t" not in line.raw and tables.DECLARATIONS_HEADER.match(line.text):
                out.extend(assemble(run))
                run = []
                stop = _table_end(lines, index + 1)
                leftover: list[list[SourceLine]] = []
                if tables.is_aligned_header(line):
                    rows, used = tables.read_aligned_declarations(line, lines[index + 1 : stop])
                    stop = index + 1 + used
                else:
                    rows, leftover = tables.read_declarations_table(lines[index + 1 : stop])
                draft.declaration_rows.extend(rows)
                draft.placed[line.number] = f"{label}: declarations table (header)"
                self.table_lines.update(part.number for part in lines[index:stop])
                for row in rows:
                    for number in row.lines:
                        draft.placed[number] = f"{label}: declarations table, {row.member}"
                for group in leftover:
                    for part in group:
                        draft.unplaced[part.number] = (
                            f"{label}: not placed: in the declarations table, not a row"
                        )
                index = stop
                continue
            if not line.blank and tables.is_date_header(line, previous_text):
                stop = _table_end(lines, index + 1)
                if tables.is_aligned_header(line):
                    table, used = tables.read_aligned_date_table(line, lines[index + 1 : stop])
                    stop = index + 1 + used
                else:
                    table = tables.read_date_table(line, lines[index + 1 : stop])
                if table is not None:
                    out.extend(assemble(run))
                    run = []
                    out.append(_TablePara(table))
                    for number in table.lines:
                        draft.placed[number] = f"{label}: narrative table"
                    self.table_lines.update(part.number for part in lines[index:stop])
                    for number, message in table.notes:
                        self.notes.append(Note(number, f"{label}: table: {message}"))
                    index = stop
                    continue
            if not line.blank:
                previous_text = line.text
            run.append(line)
            index += 1
        out.extend(assemble(run))
        self._columns_not_read([line for line in lines if line.number not in draft.placed], label)
        return out

    def _columns_not_read(self, lines: list[SourceLine], label: str) -> None:
        """Say where lines laid out in columns were read as text (no rule splits them)."""
        columned = [line for line in lines if not line.blank and _COLUMNS.search(line.raw.strip())]
        runs: list[list[SourceLine]] = []
        for line in columned:
            if runs and line.number - runs[-1][-1].number <= 2:
                runs[-1].append(line)
            else:
                runs.append([line])
        for found in runs:
            if len(found) >= 2:
                self.notes.append(
                    Note(
                        found[0].number,
                        f"{label}: lines {found[0].number}-{found[-1].number} look like a table in columns; "
                        "read as text (only a table with a date column, or the declarations table, is split "
                        "into rows)",
                    )
                )

    def _narrative_para(self, draft: _MinuteDraft, para: Para) -> None:
        label = f"{draft.label}: narrative"
        blocks = draft.narrative
        if isinstance(para, _TablePara):
            blocks.append((Block(BlockKind.TABLE, rows=[list(row) for row in para.table.rows]), para.lines))
            return
        previous = blocks[-1][0] if blocks else None
        if para.kind in (ParaKind.LOST_BULLET, ParaKind.BULLET):
            if previous is not None and previous.kind == BlockKind.BULLETS:
                level = self._list_level(draft, para)
                previous.levels = [*previous.levels, *[0] * (len(previous.items) - len(previous.levels))]
                previous.items.append(para.text)
                previous.levels.append(level)
                if not any(previous.levels):
                    previous.levels = []
                blocks[-1][1].extend(para.lines)
            else:
                draft.list_columns = []
                self._list_level(draft, para)
                blocks.append((Block(BlockKind.BULLETS, items=[para.text]), list(para.lines)))
            what = f"{label} (list item)"
        elif para.kind == ParaKind.NUMBERED:
            if previous is not None and previous.kind == BlockKind.NUMBERED and para.number != 1:
                self._spacing_seen(para)
                previous.items.append(para.text)
                blocks[-1][1].extend(para.lines)
            else:
                blocks.append((Block(BlockKind.NUMBERED, items=[para.text]), list(para.lines)))
            what = f"{label} (numbered point)"
        elif para.kind == ParaKind.ROW:
            row = para.cells()
            if previous is not None and previous.kind == BlockKind.TABLE:
                previous.rows.append(row)
                blocks[-1][1].extend(para.lines)
            else:
                blocks.append((Block(BlockKind.TABLE, rows=[row]), list(para.lines)))
            what = f"{label} (table row)"
        else:
            blocks.append((Block(text=para.text), list(para.lines)))
            what = label
        for number in para.lines:
            draft.placed[number] = what

    def _spacing_seen(self, para: Para) -> None:
        """A numbered paragraph after another: a blank line between them, or none."""
        spaced = para.first >= 2 and self.lines[para.first - 2].blank
        self.evidence.saw("numbered_paragraph_spacing", spaced, para.first)

    def _list_level(self, draft: _MinuteDraft, para: Para) -> int:
        """A list item's level, from where its marker stands: under the text of the item
        above it (two spaces under "- "). The house's marker of each level is noted."""
        columns = draft.list_columns
        level = sum(1 for column in columns if column <= para.indent) if para.indent else 0
        del columns[level:]
        columns.append(para.indent + len(para.marker) + 1)
        if para.marker:
            draft.list_markers.setdefault(level, (para.marker, para.first))
        return level

    def _close_resolution(self, draft: _MinuteDraft, lead: Para | None, parts: list[Para]) -> None:
        assert lead is not None
        label = f"{draft.label}: resolution"
        numbers = [*lead.lines, *(n for part in parts for p in (part, *part.subs) for n in p.lines)]
        lead_word = (
            ResolutionLead.RECOMMENDED if lead.text.startswith("RECOMMENDED") else ResolutionLead.RESOLVED
        )
        if not parts:
            for number in lead.lines:
                draft.unplaced[number] = f"{draft.label}: not placed: a lead with no resolution after it"
            return
        if draft.resolution is not None:
            for number in numbers:
                draft.unplaced[number] = f"{draft.label}: not placed: a second resolution"
            return
        try:
            if len(parts) == 1 and parts[0].kind == ParaKind.TEXT:
                draft.resolution = _single(parts[0], lead_word)
                if lead.text.endswith("That") and not draft.resolution.opening:
                    # "RESOLVED: That" over a sentence of its own: the "That" is the sentence's.
                    draft.resolution = replace(draft.resolution, opening="That")
            else:
                draft.resolution = _multi(lead, parts, lead_word)
        except DomainError as error:
            for number in numbers:
                draft.unplaced[number] = f"{draft.label}: not placed: {error.message}"
            return
        draft.resolution_lines = numbers
        for number in numbers:
            draft.placed[number] = label

    def _confirmation_without_lead(self, draft: _MinuteDraft) -> None:
        """ "The Minutes of the meeting held on ... be confirmed as a correct record." printed
        without "RESOLVED:" [001:22-23] is still the minute's resolution."""
        for index, (block, numbers) in enumerate(draft.narrative):
            if block.kind == BlockKind.PARAGRAPH and _CONFIRMED.search(block.text):
                resolution = _single(block.text, ResolutionLead.RESOLVED)
                draft.resolution = replace(resolution, print_lead=False)
                draft.resolution_lines = numbers
                for _after, later in draft.narrative[index + 1 :]:
                    for number in later:
                        draft.placed.pop(number, None)
                        draft.unplaced[number] = (
                            f"{draft.label}: not placed: after the resolution (printed minutes end with it)"
                        )
                del draft.narrative[index:]
                for number in numbers:
                    draft.placed[number] = f"{draft.label}: resolution (printed without “RESOLVED:”)"
                if draft.narrative:
                    self.notes.append(
                        Note(
                            numbers[0],
                            f"{draft.label}: text besides the confirmation kept as narrative",
                        )
                    )
                return

    def _kind_specific(self, draft: _MinuteDraft) -> None:
        paragraphs = [
            (block, numbers) for block, numbers in draft.narrative if block.kind == BlockKind.PARAGRAPH
        ]
        if draft.kind == ItemKind.APOLOGIES and len(draft.narrative) == 1 and paragraphs:
            block, numbers = paragraphs[0]
            match = _APOLOGIES.match(block.text)
            if match:
                draft.apologies = [parse_entry(entry) for entry in split_list(match.group("names"))]
                for number in numbers:
                    draft.placed[number] = f"{draft.label}: apologies"
            elif block.text.strip() == NO_APOLOGIES:
                draft.narrative.clear()
        if draft.kind == ItemKind.DECLARATIONS:
            if len(draft.narrative) == 1 and paragraphs and paragraphs[0][0].text.strip() == NO_DECLARATIONS:
                draft.narrative.clear()
            for block, numbers in list(draft.narrative):
                if block.kind == BlockKind.TABLE and block.rows and _is_declarations_header(block.rows[0]):
                    self._table_rows_as_declarations(draft, block, numbers)
                if block.kind == BlockKind.PARAGRAPH:
                    for sentence in re.split(r"(?<=\.)\s+(?=[A-Z])", block.text):
                        declared = _DECLARED.match(sentence)
                        if declared:
                            minute = declared.group("minute")
                            if minute is None:
                                self.notes.append(
                                    Note(numbers[0], f"“{sentence}”: an item number, not a minute number")
                                )
                                continue
                            draft.declaration_sentences.append(
                                (
                                    declared.group("who"),
                                    int(minute),
                                    (declared.group("kind") or "personal").lower(),
                                    declared.group("rest").strip(" .") or sentence,
                                    numbers[0],
                                )
                            )
            if draft.declaration_rows and all(
                block.kind == BlockKind.TABLE and _is_declarations_header(block.rows[0])
                for block, _ in draft.narrative
            ):
                draft.narrative.clear()
        if draft.kind == ItemKind.EXCLUSION and draft.resolution is not None:
            text = " ".join(draft.resolution.parts)
            found = _EXEMPT_PARAGRAPHS.search(text)
            if found:
                numbers_text = found.group("numbers")
                paragraphs_numbers = [int(n) for n in re.findall(r"\d", numbers_text)]
                items = 2 if re.search(r"\bitems of business\b", text) else 1
                draft.exclusion = (paragraphs_numbers, items)

    def _table_rows_as_declarations(self, draft: _MinuteDraft, block: Block, numbers: list[int]) -> None:
        one_a_line = len(numbers) == len(block.rows)
        for position, row in enumerate(block.rows[1:], start=1):
            minute_cell = re.match(r"^(?P<n>\d{1,3})\s*[-–]\s*(?P<title>.+)$", row[1] if len(row) > 1 else "")
            nature_cell = re.match(
                rf"^(?P<kind>{tables.KINDS})(?:\s+Interests?)?\s*[-–]\s*(?P<nature>.+)$",
                row[2] if len(row) > 2 else "",
            )
            if minute_cell is None or nature_cell is None:
                where = numbers[position] if one_a_line else numbers[0]
                self.notes.append(Note(where, f"declarations table row “{' | '.join(row)}” was not read"))
                if one_a_line:
                    draft.placed.pop(where, None)
                    draft.unplaced[where] = (
                        f"{draft.label}: not placed: a row of the declarations table not read"
                    )
                continue
            draft.declaration_rows.append(
                tables.DeclarationRow(
                    row[0],
                    int(minute_cell.group("n")),
                    minute_cell.group("title"),
                    nature_cell.group("kind"),
                    nature_cell.group("nature"),
                    tuple(numbers),
                )
            )

    def _mark_exempt(self, drafts: list[_MinuteDraft]) -> None:
        """The items after an exclusion resolution are exempt, for the paragraphs it cites."""
        for index, draft in enumerate(drafts):
            if draft.exclusion is None:
                continue
            paragraphs, items = draft.exclusion
            following = drafts[index + 1 :]
            if items == 1:
                following = following[:1]
            else:
                following = [d for d in following if d.kind != ItemKind.NEXT_MEETING]
                if following:
                    self.notes.append(
                        Note(
                            draft.heading.lines[0],
                            f"{draft.label}: “items of business”: every minute after it "
                            "was read as exempt; check",
                        )
                    )
            for later in following:
                later.exempt_paragraphs = list(paragraphs)
        for draft in drafts:
            if draft.withheld is None:
                continue
            if draft.exempt_paragraphs and draft.exempt_paragraphs != draft.withheld:
                self.notes.append(
                    Note(
                        draft.heading.lines[0],
                        f"{draft.label}: withheld under {join_numbers(draft.withheld)}, "
                        f"but the exclusion cites {join_numbers(draft.exempt_paragraphs)}; check",
                    )
                )
            draft.exempt_paragraphs = draft.exempt_paragraphs or list(draft.withheld)

    # --- style, committee, people -------------------------------------------------------
    def _committee_for(self, body_name: str) -> tuple[Committee, bool]:
        wanted = " ".join(body_name.split()).casefold()
        for committee in self.register.committees:
            if committee.name.casefold() == wanted:
                return committee, False
        name = title_case(" ".join(body_name.split()))
        taken = [c.id for c in self.register.committees]
        committee = Committee(
            committee_id_for(name, taken),
            name,
            noun=noun_for(name),
            style=HouseStyle(member_order=MemberOrder.LISTED),
        )
        return committee, True

    def _infer_style(
        self,
        committee: Committee,
        drafts: list[_MinuteDraft],
        present: list[tuple[PrintedName, int, str]],
        also: list[tuple[PrintedName, int]],
    ) -> HouseStyle:
        evidence = self.evidence
        # ALSO PRESENT brackets hold a capacity, not an organisation: no evidence there.
        named = [(entry, line) for entry, line, _ in present]
        for draft in drafts:
            named.extend((entry, draft.heading.lines[0]) for entry in draft.apologies)
        for entry, line in named:
            if entry.organisation and entry.organisation_in_brackets:
                evidence.saw("organisations_in_minutes", OrganisationStyle.BRACKETS, line)
            elif entry.organisation:
                evidence.saw("organisations_in_minutes", OrganisationStyle.COMMA, line)
        councillor_words = [
            (len(entry.name.split()), line) for entry, line in named if entry.councillor and entry.name
        ]
        singles = [line for words, line in councillor_words if words == 1]
        if singles:
            evidence.saw("councillor_names", CouncillorNames.SHORT, singles[0])
        elif councillor_words:
            evidence.saw("councillor_names", CouncillorNames.FULL, councillor_words[0][1])
        multi = [d.resolution for d in drafts if d.resolution is not None and len(d.resolution.parts) > 1]
        if multi:
            line = next(d.heading.lines[0] for d in drafts if d.resolution in multi)
            capitalised = all(part[:1].isupper() for r in multi for part in r.parts)
            evidence.saw("capitalise_resolution_parts", capitalised, line)
        for draft in drafts:
            if draft.kind == ItemKind.PREVIOUS_MINUTES:
                evidence.saw(
                    "previous_minutes_title", title_case(draft.heading.title), draft.heading.lines[0]
                )
        for draft in drafts:
            text = (
                " ".join(b.text for b, _ in draft.narrative)
                + " "
                + " ".join(draft.resolution.parts if draft.resolution else [])
            )
            comma = re.search(r"\b\d{1,2} (?:" + "|".join(m.title() for m in MONTHS) + r"), \d{4}\b", text)
            if comma:
                evidence.saw("comma_before_year", True, draft.heading.lines[0])
                break
        for draft in drafts:
            cited = _ACT_CITED.search(" ".join(draft.resolution.parts)) if draft.resolution else None
            if draft.exclusion is not None and cited:
                evidence.saw("local_government_act", cited.group(0), draft.heading.lines[0])
                break
        for note, numbers, _draft in self.presence:
            evidence.saw(SETTINGS[note.kind][0], PresencePlacement.AFTER_PRESENT, numbers[0])
        for draft in drafts:
            if len(draft.list_markers) > 1:
                markers = [draft.list_markers[level][0] for level in sorted(draft.list_markers)]
                evidence.saw("bullet_markers", markers, draft.list_markers[1][1])
                break
        order = [d.kind for d in drafts if d.kind in set(HWB_OPENING_ORDER)]
        if order in (HWB_OPENING_ORDER, OS_OPENING_ORDER):
            evidence.saw("opening_order", list(order), drafts[0].heading.lines[0])
        for number, what in sorted(self.placed.items()):
            if what == "page furniture (running header)":
                text = self.lines[number - 1].text
                separator = "- " if re.search(r"[A-Z)]- ", text) else " - "
                evidence.saw("running_header_separator", separator, number)
                break
        return evidence.applied_to(committee.style)

    def _venue(self, committee: Committee, printed: str) -> Venue:
        if committee.venue.front_sheet().upper() == printed.upper():
            return replace(committee.venue)
        return replace(committee.venue, minutes_wording=printed)

    def _build(
        self,
        meeting: Meeting,
        committee: Committee,
        is_new: bool,
        book: PeopleBook,
        drafts: list[_MinuteDraft],
        present: list[tuple[PrintedName, int, str]],
        also: list[tuple[PrintedName, int]],
    ) -> None:
        style = committee.style
        councillors_seen = _titled_names(self.lines)
        elected = any(d.kind == ItemKind.ELECTION_OF_CHAIR for d in drafts)
        roles: list[tuple[str, Role]] = []
        attendance: list[AttendanceEvent] = []
        leading = True
        assumed: list[tuple[str, int]] = []
        for entry, line, where in present:
            councillor: bool | None
            if where in ("chair", "vice-chair"):
                councillor = entry.councillor
            elif where == "listed-titled":
                councillor = True
            elif entry.councillor:
                councillor = True
                leading = False
            elif where == "listed-maybe" and leading:
                councillor = None
            else:
                councillor = False
            found = self._person(book, entry, councillor, councillors_seen, style, line)
            if where == "listed-maybe" and leading:
                if not found.person.councillor:
                    leading = False
                elif found.new and entry.name not in councillors_seen:
                    assumed.append((entry.name, line))
            elif where == "listed" and not found.person.councillor:
                leading = False
            person = found.person
            event = AttendanceEvent(person.id, EventKind.PRESENT)
            if entry.role == "substitute" and entry.substitute_for:
                replaced = self._person(
                    book, _replaced_name(entry.substitute_for), None, councillors_seen, style, line
                )
                event = AttendanceEvent(person.id, EventKind.SUBSTITUTE, for_person_id=replaced.person.id)
            self._set_printed(event, entry, person, style)
            attendance.append(event)
            if where == "chair":
                roles.append((person.id, Role.CHAIR))
                if (
                    elected
                    or (not is_new and committee.membership_of(person.id, meeting.date) is None)
                    or (not is_new and not _is_chair(committee, person.id, meeting.date))
                ):
                    meeting.chair_id = person.id
            elif where == "vice-chair":
                roles.append((person.id, Role.VICE_CHAIR))
                if not is_new and not _has_role(committee, person.id, Role.VICE_CHAIR, meeting.date):
                    self.notes.append(
                        Note(
                            line,
                            f"{person.name} is printed as Vice-Chair but is not the committee's Vice-Chair",
                        )
                    )
            else:
                roles.append((person.id, Role.SUBSTITUTE if entry.role == "substitute" else Role.MEMBER))
        for draft in drafts:
            for entry in draft.apologies:
                line = draft.heading.lines[0]
                found = self._person(book, entry, entry.councillor, councillors_seen, style, line)
                event = AttendanceEvent(found.person.id, EventKind.APOLOGIES)
                self._set_printed(event, entry, found.person, style)
                attendance.append(event)
                roles.append((found.person.id, Role.MEMBER))
        for entry, line in also:
            capacity = entry.organisation if entry.organisation_in_brackets else entry.capacity
            entry = replace(entry, organisation="", organisation_in_brackets=False, capacity=capacity)
            found = self._person(book, entry, entry.councillor, councillors_seen, style, line)
            event = AttendanceEvent(found.person.id, EventKind.ALSO_PRESENT, capacity=capacity)
            if entry.name != _minutes_name(found.person.as_on(meeting.date), style):
                event.printed_name = entry.name
            attendance.append(event)
        if assumed:
            listed = ", ".join(name for name, _ in assumed)
            self.notes.append(
                Note(
                    assumed[0][1],
                    f"read as councillors because “Councillors” opens the list (the title covers the "
                    f"leading councillors only; nothing else says who they are): {listed}; check",
                )
            )
        for entry, _line in self.officers:
            capacity = entry.organisation if entry.organisation_in_brackets else entry.capacity
            plain = replace(entry, organisation="", organisation_in_brackets=False)
            found = book.find(plain, councillor=False) or book.create(plain, councillor=False)
            attendance.append(AttendanceEvent(found.person.id, EventKind.OFFICER, capacity=capacity))
        meeting.attendance = attendance
        if is_new:
            self._membership(committee, roles, elected)
        elif committee.style.member_order == MemberOrder.LISTED:
            members, changes = merged_membership(committee, roles, chair_elected=elected)
            if changes:
                committee.members = members
                self.reading.membership_changes = changes
        if meeting.chair_id and not elected and _is_chair(committee, meeting.chair_id, meeting.date):
            meeting.chair_id = None
        self._agenda_and_minutes(meeting, drafts, book, councillors_seen, style)

        def person_named(entry: PrintedName, line: int) -> Person:
            councillor = True if entry.councillor else None
            return self._person(book, entry, councillor, councillors_seen, style, line).person

        self._presence_events(meeting, drafts, person_named, style)

    def _presence_events(
        self,
        meeting: Meeting,
        drafts: list[_MinuteDraft],
        person_named: Callable[[PrintedName, int], Person],
        style: HouseStyle,
    ) -> None:
        """Each presence note back into what it was printed from: an arrival or departure
        on the timeline, a declaration's withdrawal from the room."""
        item_of_draft = {
            id(draft): minute.item_id for draft, minute in zip(drafts, meeting.minutes, strict=True)
        }
        withdrew: set[str] = set()
        for note, numbers, draft in self.presence:
            item_id = self._note_item(meeting, drafts, item_of_draft, note, draft)
            if item_id is None:
                for number in numbers:
                    self.placed.pop(number, None)
                    self.unplaced[number] = "not placed: a presence note on an item not in these minutes"
                continue
            entry = parse_entry(note.name)
            person = person_named(entry, numbers[0])
            if note.kind == NoteKind.WITHDRAWAL:
                withdrew.add(self._withdrawal(meeting, person, item_id, note))
                continue
            kind = EventKind.ARRIVED if note.kind == NoteKind.ARRIVAL else EventKind.DEPARTED
            present = next(
                (e for e in meeting.attendance if e.person_id == person.id and e.kind == EventKind.PRESENT),
                None,
            )
            if kind == EventKind.ARRIVED and present is not None:
                present.kind, present.item_id = EventKind.ARRIVED, item_id
                continue
            event = AttendanceEvent(person.id, kind, item_id=item_id)
            self._set_printed(event, entry, person, style)
            event.organisation = ""
            meeting.attendance.append(event)
        if style.withdrawals != PresencePlacement.OFF:
            for declaration in meeting.declarations:
                if declaration.id not in withdrew:
                    declaration.action = InterestAction.REMAINED

    def _note_item(
        self,
        meeting: Meeting,
        drafts: list[_MinuteDraft],
        item_of_draft: dict[int, str | None],
        note: PresenceRead,
        draft: _MinuteDraft | None,
    ) -> str | None:
        """The agenda item a note is about: its own minute, the minute it names, or the item
        it names by title."""
        if draft is not None:
            return item_of_draft.get(id(draft))
        for other in drafts:
            if (
                note.minute_number is not None
                and other.heading.number == note.minute_number
                and other.numbered
            ):
                return item_of_draft.get(id(other))
        wanted = note.item_title.upper()
        return next((item.id for item in meeting.agenda if wanted and item.title.upper() == wanted), None)

    def _withdrawal(self, meeting: Meeting, person: Person, item_id: str, note: PresenceRead) -> str:
        """The declaration a withdrawal note tells of (made from the note if the paper has no
        other record of it); its id."""
        for declaration in meeting.declarations:
            if (
                declaration.person_id == person.id
                and declaration.item_id == item_id
                and declaration.kind == note.interest
                and declaration.nature.strip().rstrip(".") == note.nature.rstrip(".")
            ):
                declaration.action = InterestAction.WITHDREW
                return declaration.id
        assert note.interest is not None
        declaration = Declaration(
            meeting.new_declaration_id(),
            person.id,
            item_id,
            note.interest,
            note.nature,
            InterestAction.WITHDREW,
        )
        meeting.declarations.append(declaration)
        return declaration.id

    def _membership(self, committee: Committee, roles: list[tuple[str, Role]], elected: bool) -> None:
        seen: set[str] = set()
        for person_id, role in roles:
            if person_id in seen:
                continue
            seen.add(person_id)
            if role == Role.CHAIR and elected:
                role = Role.MEMBER
            try:
                committee.add_member(Membership(person_id, role))
            except DomainError:
                committee.add_member(Membership(person_id, Role.MEMBER))

    def _person(
        self,
        book: PeopleBook,
        entry: PrintedName,
        councillor: bool | None,
        councillors_seen: set[str],
        style: HouseStyle,
        line: int,
    ) -> Found:
        if councillor is None and entry.name in councillors_seen:
            councillor = True
        organisation = entry.organisation if style.organisations_in_minutes != OrganisationStyle.NONE else ""
        found = book.find(entry, councillor=councillor)
        if found is None and councillor is None:
            found = book.find(entry, councillor=False)
        if found is None:
            guess = councillor
            if guess is None:
                short = style.councillor_names == CouncillorNames.SHORT
                guess = len(entry.name.split()) == 1 if short else True
            found = book.create(entry, councillor=guess, organisation=organisation)
        elif not found.certain:
            self.notes.append(Note(line, f"“{entry.text}” was read {found.how}"))
        return found

    def _set_printed(
        self, event: AttendanceEvent, entry: PrintedName, person: Person, style: HouseStyle
    ) -> None:
        bare = entry.bare
        if bare != _minutes_name(person.as_on(self.day), style):
            event.printed_name = bare
        if entry.organisation and entry.organisation != person.organisation:
            event.organisation = entry.organisation

    def _agenda_and_minutes(
        self,
        meeting: Meeting,
        drafts: list[_MinuteDraft],
        book: PeopleBook,
        councillors_seen: set[str],
        style: HouseStyle,
    ) -> None:
        item_of_number: dict[int, str] = {}
        for draft in drafts:
            title = title_case(draft.heading.title)
            item_id: str | None = None
            if draft.kind != ItemKind.ELECTION_OF_CHAIR:
                item_id = meeting.new_item_id()
                meeting.agenda.append(
                    AgendaItem(
                        item_id,
                        _item_title(title, drafts),
                        draft.kind,
                        exempt=bool(draft.exempt_paragraphs),
                        exempt_paragraphs=list(draft.exempt_paragraphs),
                    )
                )
                if draft.numbered:
                    item_of_number[draft.heading.number] = item_id
            resolution = draft.resolution
            meeting.minutes.append(
                Minute(
                    meeting.new_minute_id(),
                    title,
                    draft.kind,
                    item_id,
                    narrative=[block for block, _ in draft.narrative],
                    resolution=resolution,
                    status=draft.status,
                )
            )
        for exclusion in meeting.minutes:
            # The statutory exclusion the printer writes from the exempt items after it is
            # not kept as typed; one the items do not give back (none read as exempt) is.
            act = style.local_government_act
            if (
                exclusion.kind == ItemKind.EXCLUSION
                and exclusion.resolution is not None
                and (exclusion_after(meeting, exclusion.item_id, act) == exclusion.resolution)
            ):
                exclusion.resolution = None
        if drafts:
            meeting.first_minute_number = drafts[0].heading.number
        for draft in drafts:
            for row in draft.declaration_rows:
                self._declaration(meeting, book, councillors_seen, style, item_of_number, row)
            for who, minute, kind, nature, line in draft.declaration_sentences:
                row = tables.DeclarationRow(who, minute, "", kind.title(), nature, (line,))
                self._declaration(meeting, book, councillors_seen, style, item_of_number, row, printed=False)

    def _declaration(
        self,
        meeting: Meeting,
        book: PeopleBook,
        councillors_seen: set[str],
        style: HouseStyle,
        item_of_number: dict[int, str],
        row: tables.DeclarationRow,
        printed: bool = True,
    ) -> None:
        line = row.lines[0]
        item_id = item_of_number.get(row.minute)
        if item_id is None:
            self.notes.append(Note(line, f"{row.member}: minute {row.minute} is not in these minutes"))
            for number in row.lines:
                self.placed.pop(number, None)
                self.unplaced[number] = (
                    f"not placed: a declaration on minute {row.minute}, not in these minutes"
                )
            return
        entry = parse_entry(row.member)
        found = self._person(book, entry, True if entry.councillor else None, councillors_seen, style, line)
        kind_text = row.kind.lower()
        kind = (
            InterestKind.DISCLOSABLE_PECUNIARY
            if "pecuniary" in kind_text
            else InterestKind.PERSONAL
            if kind_text == "personal"
            else InterestKind.OTHER
        )
        action = (
            InterestAction.WITHDREW if kind == InterestKind.DISCLOSABLE_PECUNIARY else InterestAction.REMAINED
        )
        if re.search(r"\b(left the (?:room|meeting)|withdrew)\b", row.nature, re.IGNORECASE):
            action = InterestAction.WITHDREW
        if row.nature.strip() == WITHHELD_NATURE:
            # The public copy's words, kept as they are: the member's own was not in the paper.
            self.notes.append(
                Note(line, f"{row.member}: the nature of the interest was not published (exempt business)")
            )
        declaration = Declaration(
            meeting.new_declaration_id(), found.person.id, item_id, kind, row.nature, action
        )
        if printed:
            default = (
                f"Councillor {_minutes_name(found.person.as_on(meeting.date), style)}"
                if found.person.councillor
                else found.person.as_on(meeting.date).name_with_honours()
            )
            if row.member != default:
                declaration.printed_name = row.member
        if kind_text == "prejudicial":
            self.notes.append(Note(line, "a prejudicial interest was read as “other”"))
        meeting.declarations.append(declaration)

    def _standard_texts(self, meeting: Meeting, committee: Committee, people: list[Person]) -> None:
        """An apologies sentence the printer would write the same from the attendance is
        not kept as narrative; one it would write differently is kept as printed."""
        for minute in meeting.minutes:
            if minute.kind == ItemKind.APOLOGIES and len(minute.narrative) == 1:
                typed = minute.narrative
                minute.narrative = []
                if standard_text(meeting, committee, people, minute.id) != [typed[0].text]:
                    minute.narrative = typed


class _TablePara(Para):
    """A table read from its flattened text, carried among the paragraphs."""

    def __init__(self, table: tables.FlatTable) -> None:
        super().__init__(ParaKind.ROW, "", list(table.lines))
        self.table = table


def _table_end(lines: list[SourceLine], start: int) -> int:
    """Where a flattened table stops: at the next resolution lead or numbered point."""
    for index in range(start, len(lines)):
        if lead_of(lines[index].text):
            return index
    return len(lines)


def _is_declarations_header(row: list[str]) -> bool:
    return [cell.casefold() for cell in row[:3]] == ["member", "minute no.", "nature of interest"]


def _single(sentence: Para | str, lead: ResolutionLead) -> Resolution:
    """A resolution of one sentence; a sentence's sub-items (after its colon) are kept
    under it, the last carrying the full stop."""
    text = sentence if isinstance(sentence, str) else sentence.text
    subs = [] if isinstance(sentence, str) else [sub.text.strip() for sub in sentence.subs]
    stop = (subs[-1] if subs else text).rstrip().endswith(".")
    opening = ""
    body = text.strip()
    if re.match(r"^That,\s", body):
        opening, body = "That,", body[len("That,") :].strip()
    elif re.match(r"^That\s", body):
        opening, body = "That", body[len("That") :].strip()
    return Resolution([join_part(body, subs)], lead=lead, opening=opening, final_full_stop=stop)


def _multi(lead: Para, parts: list[Para], lead_word: ResolutionLead) -> Resolution:
    """A numbered resolution; a part's sub-items are kept under it, the last carrying the
    part's own ending ("; and")."""
    texts = [join_part(part.text.strip(), [sub.text.strip() for sub in part.subs]) for part in parts]
    endings = [(part.subs[-1] if part.subs else part).text.strip() for part in parts]
    and_before_last = len(texts) >= 2 and bool(re.search(r";\s*and$", endings[-2]))
    final_full_stop = endings[-1].endswith(".")
    opening = "That" if lead.text.endswith("That") else ""
    return Resolution(
        texts,
        lead=lead_word,
        opening=opening,
        and_before_last=and_before_last,
        final_full_stop=final_full_stop,
    )


def _join_lines(lines: list[SourceLine]) -> str:
    text = ""
    previous: SourceLine | None = None
    for line in lines:
        if line.blank:
            continue
        if not text:
            text = line.text
        elif previous is not None and previous.hyphen_break:
            text += line.text
        else:
            text += " " + line.text
        previous = line
    return text


def _titled_names(lines: list[SourceLine]) -> set[str]:
    """Names printed with their own "Councillor" anywhere in the paper."""
    found: set[str] = set()
    text = _join_lines(lines)
    for match in re.finditer(r"\bCouncillor ((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+){0,2})", text):
        found.add(match.group(1))
        found.add(match.group(1).split()[0])
    return found


def _item_title(title: str, drafts: list[_MinuteDraft]) -> str:
    """The agenda item's title: as a declaration names it (in its own capitals) when one
    does, else the heading's words in title case, less a stray final full stop."""
    wanted = title.rstrip(".").upper()
    for draft in drafts:
        for row in draft.declaration_rows:
            if row.title and row.title.rstrip(".").upper() == wanted:
                return row.title.rstrip(".")
    return title.rstrip(".") or title


def _block_goes_on(last: SourceLine, line: SourceLine, lines: list[SourceLine]) -> bool:
    """Whether ``line`` goes on with the block (PRESENT, ALSO PRESENT ...) whose last line is
    ``last``: straight after it, or after a blank where the list is plainly not finished
    (a comma or "and" at the end, a small letter next, the others after PRESENT's chair).
    A paragraph after a blank that is none of these is not the block's: the reader places
    or reports it on its own."""
    between = lines[last.number : line.number - 1]
    if all(not other.blank or other.page_break for other in between):
        return True
    ended = last.text.rstrip()
    if ended.endswith("."):
        return False
    if ended.endswith((",", " and", "&")) or starts_lower(line.text):
        return True
    # PRESENT: the chair, a blank, then the others: a list of names, not a sentence.
    return bool(_PRESENT.match(last.text)) and not line.text.rstrip().endswith(".")


def _skipped_sentence(body: list[SourceLine], index: int) -> tuple[MinuteStatus, list[SourceLine]] | None:
    """Whether ``body[index]`` heads a deferred or withdrawn item: a title in capitals
    alone between blank lines, then a sentence that says the item was deferred or
    withdrawn. (status, the sentence's lines) if so."""
    line = body[index]
    if (
        line.blank
        or (index and not body[index - 1].blank)
        or index + 2 >= len(body)
        or not body[index + 1].blank
        or "\t" in line.raw
        or not is_capitals(line.text)
        or lead_of(line.text)
        or _HEADING.match(line.text)
    ):
        return None
    sentence: list[SourceLine] = []
    for later in body[index + 2 :]:
        if later.blank:
            break
        sentence.append(later)
    text = _join_lines(sentence)
    if not sentence or is_capitals(text) or lead_of(text):
        return None
    if _DEFERRED.search(text):
        return MinuteStatus.DEFERRED, sentence
    if _WITHDRAWN.search(text):
        return MinuteStatus.WITHDRAWN, sentence
    return None


def _heading_date(on_date: re.Match[str]) -> HeadingDate:
    """ "12TH JUNE, 2019", "12TH JUNE 2019" or "12 JUNE 2019"."""
    if not on_date.group("ordinal"):
        return HeadingDate.PLAIN
    return HeadingDate.ORDINAL_COMMA if on_date.group("comma") else HeadingDate.ORDINAL


def _replaced_name(text: str) -> PrintedName:
    return parse_entry(text)


def _minutes_name(person: Person, style: HouseStyle) -> str:
    if person.councillor and style.councillor_names == CouncillorNames.SHORT:
        return person.minutes_short_name()
    return person.name_with_honours()


def _is_chair(committee: Committee, person_id: str, day: date) -> bool:
    return _has_role(committee, person_id, Role.CHAIR, day)


def _has_role(committee: Committee, person_id: str, role: Role, day: date) -> bool:
    membership = committee.membership_of(person_id, day)
    return membership is not None and membership.role == role


def _is_named(meeting: Meeting, committee: Committee, person_id: str) -> bool:
    return (
        any(e.person_id == person_id or e.for_person_id == person_id for e in meeting.attendance)
        or any(d.person_id == person_id for d in meeting.declarations)
        or any(m.person_id == person_id for m in committee.members)
    )
