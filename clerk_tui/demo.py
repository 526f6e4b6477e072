"""The demo store: one board, its members and a few meetings, so a new user sees the
product at once. Built from the public papers of a Health and Wellbeing Board."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from clerk_tui.domain import (
    AgendaItem,
    AttendanceEvent,
    Block,
    BlockKind,
    Committee,
    CouncillorNames,
    EventKind,
    FrontSheetDate,
    HouseStyle,
    ItemKind,
    Meeting,
    MeetingStatus,
    Membership,
    Minute,
    OfficerContact,
    PageRange,
    Person,
    PresencePlacement,
    Resolution,
    Role,
    Venue,
)
from clerk_tui.domain.committee import HWB_OPENING_ORDER

HWB_STYLE = HouseStyle(
    opening_order=list(HWB_OPENING_ORDER),
    call_in_banner=True,
    previous_minutes_title="Minutes of Previous Meeting",
    councillor_names=CouncillorNames.SHORT,
    front_sheet_date=FrontSheetDate.ORDINAL,
    agenda_heading="A G E N D A",
    council_name="",
    description_full_stop=False,
    comma_before_year=True,
    vice_chair_line=True,
    # The demo shows what the minutes say of presence (the 2019 papers printed none of it):
    # Andrew Booth's late arrival in June is printed in its minute.
    arrivals=PresencePlacement.IN_MINUTE,
    departures=PresencePlacement.IN_MINUTE,
    withdrawals=PresencePlacement.IN_MINUTE,
    officers_in_attendance=True,
)

OFFICER = OfficerContact(
    "Ruth Harrison", "Democratic Services Officer", "0151 934 2000", "ruth.harrison@example.gov.uk"
)
VENUE = Venue(
    "Committee Room",
    "Bootle Town Hall",
    "Trinity Road, Bootle, L20 7AE",
    minutes_wording="THE TOWN HALL, BOOTLE",
)

# (id, name, councillor, organisation, job title)
_PEOPLE = [
    ("ian-moncur", "Ian Moncur", True, "Sefton Council", "Cabinet Member - Health and Wellbeing"),
    ("paul-cummins", "Paul Cummins", True, "Sefton Council", "Cabinet Member - Adult Social Care"),
    ("john-joseph-kelly", "John Joseph Kelly", True, "Sefton Council", "Cabinet Member - Children"),
    ("dwayne-johnson", "Dwayne Johnson", False, "Sefton Council", "Director of Social Care and Health"),
    ("matt-ashton", "Matt Ashton", False, "Sefton Council", "Director of Public Health"),
    ("fiona-taylor", "Fiona Taylor", False, "NHS South Sefton CCG", "Chief Officer"),
    ("maureen-kelly", "Maureen Kelly", False, "Healthwatch Sefton", "Chair"),
    ("lorraine-webb", "Lorraine Webb", False, "Sefton Council for Voluntary Service", ""),
    ("andrew-booth", "Andrew Booth", False, "Mersey Care NHS Foundation Trust", ""),
    ("angela-white", "Angela White", False, "Sefton Council for Voluntary Service", "Chief Executive"),
    ("vicky-buchanan", "Vicky Buchanan", False, "Sefton Council", "Head of Education"),
    ("richard-freeman", "Richard Freeman", False, "Sefton Council", "Better Care Fund lead"),
    ("craig-gillespie", "Dr Craig Gillespie", False, "NHS Southport and Formby CCG", "Clinical lead"),
]


@dataclass
class DemoData:
    committee: Committee
    people: list[Person]
    meetings: list[Meeting] = field(default_factory=list)


def demo_data() -> DemoData:
    """A fresh copy each call (the objects are mutable)."""
    people = [
        Person(
            pid,
            name,
            councillor=cllr,
            organisation=org,
            job_title=job,
            minutes_name="John Joseph Kelly" if pid == "john-joseph-kelly" else "",
        )
        for pid, name, cllr, org, job in _PEOPLE
    ]
    committee = Committee(
        "hwb",
        "Health and Wellbeing Board",
        noun="the Board",
        short_name="HWB",
        quorum=3,
        officer=OFFICER,
        style=HWB_STYLE,
        venue=VENUE,
        start_time=time(14, 0),
    )
    committee.add_member(Membership("ian-moncur", Role.CHAIR))
    for person in people[1:10]:
        committee.add_member(Membership(person.id))
    for person in people[10:]:
        committee.add_member(Membership(person.id))
    return DemoData(committee, people, [_june(), _september(), _december()])


def _opening_items(previous: date | None) -> list[AgendaItem]:
    items = [
        AgendaItem("item-1", "Apologies for Absence", ItemKind.APOLOGIES),
        AgendaItem(
            "item-2",
            "Minutes of Previous Meeting",
            ItemKind.PREVIOUS_MINUTES,
            pages=PageRange(5, 10),
            description=f"Minutes of the meeting held on {previous.day} {previous.strftime('%B %Y')}"
            if previous
            else "",
        ),
        AgendaItem("item-3", "Declarations of Interest", ItemKind.DECLARATIONS),
    ]
    return items


def _meeting(meeting_id: str, day: date, status: MeetingStatus, previous: date | None) -> Meeting:
    meeting = Meeting(meeting_id, "hwb", day, time(14, 0), VENUE, status, OFFICER)
    for item in _opening_items(previous):
        meeting.add_item(item)
    return meeting


def _june() -> Meeting:
    meeting = _meeting("hwb-2019-06-12", date(2019, 6, 12), MeetingStatus.APPROVED, date(2019, 3, 13))
    meeting.chair_id = "paul-cummins"  # the Chair sent apologies; a chair was elected
    meeting.add_item(
        AgendaItem(
            "item-4", "SEND Ofsted/CQC Review", pages=PageRange(11, 20), report_of="the Chief Executive"
        )
    )
    for person in (
        "paul-cummins",
        "john-joseph-kelly",
        "dwayne-johnson",
        "matt-ashton",
        "fiona-taylor",
        "maureen-kelly",
        "lorraine-webb",
        "angela-white",
    ):
        meeting.attendance.append(AttendanceEvent(person, EventKind.PRESENT))
    for person in ("ian-moncur", "vicky-buchanan", "richard-freeman", "craig-gillespie"):
        meeting.attendance.append(AttendanceEvent(person, EventKind.APOLOGIES))
    meeting.attendance.append(
        AttendanceEvent("andrew-booth", EventKind.ARRIVED, at=time(14, 20), item_id="item-4")
    )
    meeting.minutes = [
        Minute(
            "minute-1",
            "Election of Chair",
            ItemKind.ELECTION_OF_CHAIR,
            resolution=Resolution(
                ["Councillor Cummins be elected Chair for this meeting of the Health and Wellbeing Board"]
            ),
        ),
        Minute("minute-2", "Apologies for Absence", ItemKind.APOLOGIES, "item-1"),
        Minute(
            "minute-3",
            "Minutes of Previous Meeting",
            ItemKind.PREVIOUS_MINUTES,
            "item-2",
            resolution=Resolution(
                ["the Minutes of the meeting held on 13 March, 2019 be confirmed as a correct record"]
            ),
        ),
        Minute("minute-4", "Declarations of Interest", ItemKind.DECLARATIONS, "item-3"),
        Minute(
            "minute-5",
            "SEND Ofsted/CQC Review",
            item_id="item-4",
            narrative=[
                Block(
                    text="The Board considered the report of the Chief Executive which provided an "
                    "update on the Ofsted and Care Quality Commission joint local area special "
                    "educational needs and/or disabilities (SEND) revisit."
                ),
                Block(
                    BlockKind.BULLETS,
                    items=[
                        "A quality first offer in schools to ensure early identification;",
                        "That there was a focus on transitions.",
                    ],
                ),
            ],
            resolution=Resolution(
                [
                    "the contents of the report be noted",
                    "the establishment of a SEND Continuous Improvement Board be approved",
                ]
            ),
        ),
    ]
    return meeting


def _september() -> Meeting:
    meeting = _meeting("hwb-2019-09-11", date(2019, 9, 11), MeetingStatus.HELD, date(2019, 6, 12))
    meeting.add_item(
        AgendaItem(
            "item-4",
            "Early Help Strategy Progress Update",
            pages=PageRange(11, 40),
            report_of="the Head of Communities",
        )
    )
    meeting.add_item(AgendaItem("item-5", "Exclusion of Press and Public", ItemKind.EXCLUSION))
    meeting.add_item(
        AgendaItem(
            "item-6",
            "Better Care Fund 2019/20 Plans",
            pages=PageRange(41, 60),
            report_of="the Chief Executive",
            exempt=True,
            exempt_paragraphs=[3],
        )
    )
    for person in (
        "ian-moncur",
        "paul-cummins",
        "john-joseph-kelly",
        "vicky-buchanan",
        "richard-freeman",
        "maureen-kelly",
        "lorraine-webb",
        "andrew-booth",
        "angela-white",
    ):
        meeting.attendance.append(AttendanceEvent(person, EventKind.PRESENT))
    for person in ("matt-ashton", "dwayne-johnson", "fiona-taylor"):
        meeting.attendance.append(AttendanceEvent(person, EventKind.APOLOGIES))
    return meeting


def _december() -> Meeting:
    meeting = _meeting("hwb-2019-12-04", date(2019, 12, 4), MeetingStatus.DRAFT_AGENDA, date(2019, 9, 11))
    meeting.add_item(
        AgendaItem(
            "item-4",
            "Health and Wellbeing Board Governance",
            pages=PageRange(15, 24),
            report_of="the Chief Executive",
        )
    )
    meeting.add_item(
        AgendaItem("item-5", "Sub-group Updates", to_follow=True, report_of="the Director of Public Health")
    )
    return meeting
