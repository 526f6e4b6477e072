"""For generated meetings in several house styles, import(print(m)) == m.

The generator keeps to what the printer can express unambiguously, so that a reader
could get it back at all. Left out, each because printed text cannot tell it apart:

- text that looks like structure: a line opening "RESOLVED", "(1) ", "- ", "N. TITLE",
  "Page N", "Agenda Item N", or written all in capitals (a heading's continuation);
- a word ending in a hyphen before a space ("five- year"): at a line end it reads as a
  word broken over the line ("five-year");
- a paragraph that does not end a sentence, or a list item ending in "the" or a comma
  (a wrapped line's sentence would go on);
- names with words of organisations in them ("Care", "Trust"), organisations without
  one (in the comma style, "Diane Blair, Healthwatch Sefton" is a name and an
  organisation only because "Healthwatch" says so), two councillors with one surname
  where minutes name councillors by surname;
- tables other than the declarations table when printed wrapped at a width (laid out
  in columns, a row's cells cannot be told from the next row's without a date column);
- narrative on the apologies and declarations minutes (the printer writes those itself).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_tui.domain import (
    AgendaItem,
    AttendanceEvent,
    Block,
    BlockKind,
    Committee,
    CouncillorNames,
    Declaration,
    EventKind,
    HouseStyle,
    InterestAction,
    InterestKind,
    ItemKind,
    Meeting,
    MemberOrder,
    Membership,
    Minute,
    OrganisationStyle,
    Person,
    Resolution,
    Role,
    Venue,
)
from clerk_tui.reading import Register, read_paper
from clerk_tui.reading.record import minutes_record
from clerk_tui.render import Copy, MeetingPapers, PrintOptions, print_minutes
from tests.reading.conftest import print_paper, printed_again

FIRST = ["Anne", "Brian", "Carla", "David", "Elaine", "Frank", "Gillian", "Hugh", "Irene", "James", "Karen"]
FIRST += ["Liam", "Maria", "Nigel", "Olive", "Peter", "Rosa", "Simon", "Tessa", "Victor"]
SURNAMES = ["Abbott", "Barlow", "Cassidy", "Dempsey", "Ellison", "Fairclough", "Gardner", "Hartley", "Ingham"]
SURNAMES += ["Jolley", "Kershaw", "Lomax", "Mellor", "Nuttall", "Ormerod", "Pilling", "Quayle", "Rigby"]
SURNAMES += ["Sharples", "Thistlethwaite", "Unsworth", "Varley", "Whittaker", "Yates"]
PREFIXES = ["", "", "", "Dr ", "Ms ", "Mr ", "Dr. "]
ORGANISATIONS = [
    "Healthwatch Sefton",
    "Sefton Council",
    "NHS Sefton Place",
    "Sefton CVS",
    "Merseyside Police",
]
HONOURS = ["", "", "", "O.B.E.", "M.B.E."]
COMMITTEES = [
    "Health and Wellbeing Board",
    "Overview and Scrutiny Committee (Adult Social Care and Health)",
    "Audit and Governance Committee",
    "Planning Committee",
]
WORDS = [
    "report",
    "board",
    "members",
    "noted",
    "progress",
    "plan",
    "strategy",
    "services",
    "residents",
    "partners",
    "review",
    "update",
    "budget",
    "outcomes",
    "priorities",
    "consultation",
    "engagement",
    "framework",
    "performance",
    "delivery",
    "funding",
    "schools",
    "families",
    "health",
    "care",
    "housing",
    "transport",
    "provision",
    "assessment",
    "support",
    "access",
    "quality",
    "proposals",
    "arrangements",
    "programme",
    "figures",
    "targets",
    "areas",
    "teams",
    "officers",
    "workshops",
]
VERBS = ["considered", "highlighted", "explained", "detailed", "outlined", "noted", "welcomed", "discussed"]
PART_ENDS = ["be noted", "be approved", "be agreed", "be received", "be circulated", "be thanked"]


@st.composite
def sentences(draw: st.DrawFn, ending: str = ".") -> str:
    count = draw(st.integers(1, 3))
    out = []
    for _ in range(count):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=14))
        verb = draw(st.sampled_from(VERBS))
        out.append(f"The {words[0]} {verb} the {' '.join(words[1:])}{ending}")
    return " ".join(out)


@st.composite
def blocks(draw: st.DrawFn, tables: bool) -> list[Block]:
    narrative: list[Block] = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["paragraph", "paragraph", "bullets", "numbered", "table"]))
        if kind == "table" and not tables:
            kind = "paragraph"
        if kind == "paragraph" or (narrative and narrative[-1].kind != BlockKind.PARAGRAPH):
            narrative.append(Block(text=draw(sentences())))
            continue
        if narrative:
            narrative[-1] = Block(text=narrative[-1].text.rstrip(".") + ":")
        else:
            narrative.append(Block(text="The report set out the following:"))
        if kind == "bullets":
            items = draw(st.lists(sentences(draw(st.sampled_from([".", ";", ""]))), min_size=1, max_size=4))
            narrative.append(Block(BlockKind.BULLETS, items=items))
        elif kind == "numbered":
            items = draw(st.lists(sentences(), min_size=1, max_size=4))
            narrative.append(Block(BlockKind.NUMBERED, items=items))
        else:
            columns = draw(st.integers(2, 3))
            header = draw(
                st.lists(
                    st.sampled_from(["Action", "Owner", "Status", "Theme"]),
                    min_size=columns,
                    max_size=columns,
                    unique=True,
                )
            )
            rows = [header] + [
                [
                    " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4))).capitalize()
                    for _ in range(columns)
                ]
                for _ in range(draw(st.integers(1, 3)))
            ]
            narrative.append(Block(BlockKind.TABLE, rows=rows))
    return narrative


@st.composite
def resolutions(draw: st.DrawFn) -> Resolution:
    count = draw(st.integers(1, 4))
    parts = []
    for _ in range(count):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
        parts.append(f"the {' '.join(words)} {draw(st.sampled_from(PART_ENDS))}")
    if count == 1:
        opening = draw(st.sampled_from(["That", ""]))
        if not opening:
            parts = [parts[0][:1].upper() + parts[0][1:]]
        return Resolution(parts, opening=opening, final_full_stop=draw(st.booleans()))
    return Resolution(parts, and_before_last=draw(st.booleans()), final_full_stop=draw(st.booleans()))


@dataclass
class Case:
    people: list[Person]
    committee: Committee
    meeting: Meeting
    first: int
    width: int


@st.composite
def cases(draw: st.DrawFn) -> Case:
    width = draw(st.sampled_from([0, 80]))
    style = HouseStyle(
        call_in_banner=draw(st.booleans()),
        call_in_wording=draw(
            st.sampled_from(
                [
                    "THIS SET OF MINUTES IS NOT SUBJECT TO “CALL-IN”",
                    'THIS SET OF MINUTES IS NOT SUBJECT TO "CALL IN"',
                ]
            )
        ),
        organisations_in_minutes=draw(st.sampled_from(list(OrganisationStyle))),
        councillor_names=draw(st.sampled_from(list(CouncillorNames))),
        capitalise_resolution_parts=draw(st.booleans()),
        vice_chair_line=draw(st.booleans()),
        member_order=draw(st.sampled_from(list(MemberOrder))),
        running_header_separator=draw(st.sampled_from([" - ", "- "])),
    )
    surnames = draw(st.lists(st.sampled_from(SURNAMES), min_size=8, max_size=14, unique=True))
    people: list[Person] = []
    for index, surname in enumerate(surnames):
        councillor = index < 5 or draw(st.booleans())
        first_name = draw(st.sampled_from(FIRST))
        prefix = "" if councillor else draw(st.sampled_from(PREFIXES))
        people.append(
            Person(
                f"p{index}",
                f"{prefix}{first_name} {surname}",
                councillor=councillor,
                post_nominals="" if councillor else draw(st.sampled_from(HONOURS)),
                organisation="" if councillor else draw(st.sampled_from(ORGANISATIONS)),
            )
        )
    name = draw(st.sampled_from(COMMITTEES))
    committee = Committee("c", name, style=style)
    cabinet = people[-1] if people[-1].councillor else None  # ALSO PRESENT, not a member
    members = [p for p in people if p is not cabinet]
    committee.add_member(Membership(members[0].id, Role.CHAIR))
    committee.add_member(Membership(members[1].id, Role.VICE_CHAIR))
    for person in members[2:]:
        committee.add_member(Membership(person.id, Role.MEMBER))
    day = draw(st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)))
    meeting = Meeting("c-meeting", "c", day, venue=Venue(minutes_wording="THE TOWN HALL, BOOTLE"))
    elected = draw(st.booleans())
    absent = draw(st.lists(st.sampled_from(members[2:]), unique_by=lambda p: p.id, max_size=3))
    if elected:
        absent = [members[0], *[p for p in absent if p is not members[0]]]
    present = [p for p in members if p not in absent]
    meeting.attendance = [AttendanceEvent(p.id, EventKind.PRESENT) for p in present]
    meeting.attendance += [AttendanceEvent(p.id, EventKind.APOLOGIES) for p in absent]
    if cabinet is not None and draw(st.booleans()):
        meeting.attendance.append(
            AttendanceEvent(cabinet.id, EventKind.ALSO_PRESENT, capacity="Cabinet Member – Adult Social Care")
        )
    minutes: list[Minute] = []
    agenda: list[AgendaItem] = []

    def add(
        title: str,
        kind: ItemKind,
        narrative: list[Block],
        resolution: Resolution | None,
        exempt: list[int] | None = None,
        item: bool = True,
    ) -> str | None:
        item_id = f"item-{len(agenda) + 1}" if item else None
        if item_id:
            agenda.append(
                AgendaItem(
                    item_id, title.rstrip("."), kind, exempt=bool(exempt), exempt_paragraphs=exempt or []
                )
            )
        minutes.append(Minute(f"minute-{len(minutes) + 1}", title, kind, item_id, narrative, resolution))
        return item_id

    if elected:
        chair = next(p for p in present if p is not members[1])
        meeting.chair_id = chair.id
        add(
            "Election of Chair",
            ItemKind.ELECTION_OF_CHAIR,
            [],
            Resolution([f"Councillor {chair.surname()} be elected Chair for this meeting"]),
            item=False,
        )
    add("Apologies for Absence", ItemKind.APOLOGIES, [], None)
    add("Declarations of Interest", ItemKind.DECLARATIONS, [], None)
    add(
        "Minutes of the Previous Meeting",
        ItemKind.PREVIOUS_MINUTES,
        [],
        Resolution(["the Minutes of the meeting held on 5 September 2023 be confirmed as a correct record"]),
    )
    substantive: list[str] = []
    titles = draw(
        st.lists(
            st.sampled_from(
                [
                    "Better Care Fund",
                    "Melling Surgery Update",
                    "Annual Report",
                    "Sefton Place Plan",
                    "Cancer Alliance Update",
                    "Work Programme",
                    "Childrens Services Improvement Programme",
                ]
            ),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    for title in titles:
        item_id = add(title, ItemKind.SUBSTANTIVE, draw(blocks(tables=width == 0)), draw(resolutions()))
        assert item_id is not None
        substantive.append(item_id)
    if draw(st.booleans()):
        paragraphs = draw(st.lists(st.integers(1, 7), min_size=1, max_size=2, unique=True))
        add("Exclusion of Press and Public", ItemKind.EXCLUSION, [], None)
        for title in draw(
            st.lists(
                st.sampled_from(["Care Home Contract Award", "Property Disposal"]),
                min_size=1,
                max_size=2,
                unique=True,
            )
        ):
            item_id = add(
                title,
                ItemKind.SUBSTANTIVE,
                draw(blocks(tables=width == 0)),
                draw(resolutions()),
                exempt=sorted(paragraphs),
            )
            assert item_id is not None
            substantive.append(item_id)
    if draw(st.booleans()):
        add(
            "Date of Next Meeting",
            ItemKind.NEXT_MEETING,
            [],
            Resolution(["the next meeting be held on Tuesday, 23 January 2024, at the Town Hall, Southport"]),
        )
    meeting.agenda, meeting.minutes = agenda, minutes
    for index, declarer in enumerate(
        draw(st.lists(st.sampled_from(present), unique_by=lambda p: p.id, max_size=2))
    ):
        kind = draw(st.sampled_from([InterestKind.PERSONAL, InterestKind.DISCLOSABLE_PECUNIARY]))
        action = (
            InterestAction.WITHDREW if kind == InterestKind.DISCLOSABLE_PECUNIARY else InterestAction.REMAINED
        )
        nature = "is a " + " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)))
        meeting.declarations.append(
            Declaration(
                f"declaration-{index + 1}",
                declarer.id,
                draw(st.sampled_from(substantive)),
                kind,
                nature,
                action,
            )
        )
    return Case(people, committee, meeting, draw(st.integers(1, 60)), width)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_generated_minutes_printed_and_read_back_are_the_same_meeting(case: Case) -> None:
    text = print_paper(
        case.meeting, case.committee, case.people, first_minute_number=case.first, width=case.width
    )
    reading = read_paper(text, Register(case.people, [case.committee], frozenset()))
    assert reading.ok, reading.errors
    assert reading.meeting is not None and reading.committee is not None
    known = {p.id: p for p in case.people}
    assert minutes_record(reading.meeting, reading.committee, known) == minutes_record(
        case.meeting, case.committee, known, case.first
    ), text
    assert reading.unplaced == []
    assert reading.new_people == []


def _public_print(case: Case, width: int) -> str:
    papers = MeetingPapers(
        case.meeting, case.committee, {p.id: p for p in case.people}, first_minute_number=case.first
    )
    return print_minutes(papers, PrintOptions(width=width, public=True)).text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_a_generated_public_copy_read_back_prints_as_the_same_public_copy(case: Case) -> None:
    """The public copy read back holds no more than it shows: printed again as the public
    copy it is the same paper, and nothing of the exempt record is in the stored meeting."""
    reading = read_paper(
        _public_print(case, case.width), Register(case.people, [case.committee], frozenset())
    )
    assert reading.ok, reading.errors
    assert reading.unplaced == []
    assert reading.copy == Copy.PUBLIC
    assert printed_again(reading) == _public_print(case, 0)
    exempt = {item.id for item in case.meeting.agenda if item.exempt}
    assert len(reading.withheld) == len(exempt)
    assert reading.meeting is not None
    for minute in reading.meeting.minutes:
        if minute.item_id in reading.withheld:
            assert minute.narrative == [] and minute.resolution is None
