"""Realistic stores for the benchmarks: a council's committees meeting through the years.

Forty committees meet ten times a municipal year (May to April, no August or December
meeting); a store of N meetings spreads them over the committees evenly, so 500 meetings
is a little over a year of every committee and 5,000 about twelve years. Each meeting has
12 agenda items, 20 attendance records and 12 minutes of three paragraphs and a list:
about 27 KB of JSON, like the minutes a clerk writes. Every seventh committee has a
clerk-set first minute number at the start of each year (numbers carried from a paper
book), so numbering takes the path the clerk can change.

Only the store's public API is used, so the same builder works on any version of clerk.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path

from clerk_tui.domain import (
    AgendaItem,
    AttendanceEvent,
    Block,
    BlockKind,
    Committee,
    EventKind,
    ItemKind,
    Meeting,
    MeetingStatus,
    Membership,
    Minute,
    PageRange,
    Person,
    Resolution,
    Role,
    Venue,
)
from store import Store

COMMITTEE_NAMES = (
    "Adult Social Care Scrutiny Committee",
    "Appeals Panel",
    "Audit and Governance Committee",
    "Cabinet",
    "Children's Services Scrutiny Committee",
    "Climate Emergency Committee",
    "Community Safety Partnership",
    "Corporate Parenting Board",
    "Council",
    "Economic Development Committee",
    "Education Committee",
    "Environment Committee",
    "Finance and Resources Committee",
    "Fire Authority",
    "Governance Committee",
    "Health and Wellbeing Board",
    "Health Scrutiny Committee",
    "Highways Committee",
    "Housing Committee",
    "Licensing and Regulatory Committee",
    "Licensing Sub-Committee",
    "Local Plan Working Group",
    "Member Development Panel",
    "Overview and Scrutiny Committee",
    "Parish Liaison Forum",
    "Pension Fund Committee",
    "Personnel Committee",
    "Planning Committee",
    "Planning Sub-Committee North",
    "Planning Sub-Committee South",
    "Police and Crime Panel",
    "Public Rights of Way Committee",
    "Regeneration Committee",
    "Schools Forum",
    "Standards Committee",
    "Strategic Planning Committee",
    "Tourism and Culture Committee",
    "Transport Committee",
    "Waste Partnership",
    "Youth Council",
)
COMMITTEES = len(COMMITTEE_NAMES)
MEETINGS_A_YEAR = 10
MONTHS = (5, 6, 7, 9, 10, 11, 1, 2, 3, 4)
"""May to April, with no meeting in August or December."""
FIRST_YEAR = 2014
PEOPLE = 60

TEXT = (
    "the board considered the report of the director of public health which set out progress "
    "against the priorities of the health and wellbeing strategy including the better care fund "
    "plan the children and young people's plan and the work of the integrated care partnership "
    "members asked about waiting times for assessment and the officer undertook to provide a "
    "written response to all members of the board"
)
WORDS = TEXT.split(" ")


def sentence(seed: int, words: int) -> str:
    picked = [WORDS[(seed * 7 + i * 13) % len(WORDS)] for i in range(words)]
    return " ".join(picked).capitalize() + "."


def paragraph(seed: int) -> str:
    return " ".join(sentence(seed + i, 16 + (seed + i) % 9) for i in range(2))


def committee_id(number: int) -> str:
    return f"committee-{number:02d}"


def person_id(number: int) -> str:
    return f"person-{number:02d}"


def committee(number: int) -> Committee:
    board = Committee(committee_id(number), COMMITTEE_NAMES[number], noun="the Committee", quorum=3)
    for seat in range(8):
        role = Role.CHAIR if seat == 0 else Role.VICE_CHAIR if seat == 1 else Role.MEMBER
        board.add_member(Membership(person_id((number + seat * 7) % PEOPLE), role))
    return board


def meeting_day(committee_number: int, index: int) -> date:
    """The index-th meeting of a committee: ten a municipal year, on a weekday."""
    year = FIRST_YEAR + index // MEETINGS_A_YEAR
    month = MONTHS[index % MEETINGS_A_YEAR]
    if month < 5:
        year += 1
    day = date(year, month, 3 + committee_number % 20)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def meeting(committee_number: int, index: int, *, minutes: int = 12) -> Meeting:
    day = meeting_day(committee_number, index)
    seed = committee_number * 1000 + index
    result = Meeting(
        f"{committee_id(committee_number)}-{day.isoformat()}",
        committee_id(committee_number),
        day,
        start=clock(14, 0),
        venue=Venue("Committee Room", "Town Hall", "Trinity Road, Bootle, L20 7AE"),
        status=MeetingStatus.MINUTES_DRAFTED,
    )
    if committee_number % 7 == 0 and index % MEETINGS_A_YEAR == 0:
        result.first_minute_number = 100 * (index // MEETINGS_A_YEAR + 1) + 1
    kinds = [ItemKind.APOLOGIES, ItemKind.DECLARATIONS, ItemKind.PREVIOUS_MINUTES]
    for item in range(12):
        result.add_item(
            AgendaItem(
                f"item-{item + 1}",
                sentence(seed + item, 5).rstrip("."),
                kind=kinds[item] if item < 3 else ItemKind.SUBSTANTIVE,
                pages=PageRange(10 * item + 1, 10 * item + 9) if item >= 3 else None,
                report_of="the Director of Public Health" if item >= 3 else "",
                description=sentence(seed * 3 + item, 12) if item >= 3 else "",
            )
        )
    for seat in range(20):
        kind = EventKind.PRESENT if seat < 14 else EventKind.APOLOGIES
        result.attendance.append(
            AttendanceEvent(person_id((committee_number + seat * 3) % PEOPLE), kind, at=clock(14, 0))
        )
    for number in range(minutes):
        narrative = [Block(BlockKind.PARAGRAPH, text=paragraph(seed + number * 5 + p)) for p in range(3)]
        narrative.append(Block(BlockKind.BULLETS, items=[sentence(number + b, 10) for b in range(3)]))
        result.minutes.append(
            Minute(
                f"minute-{number + 1}",
                sentence(seed + number, 5).rstrip("."),
                item_id=f"item-{number + 1}",
                narrative=narrative,
                resolution=Resolution(
                    [sentence(number, 9).rstrip("."), sentence(number + 1, 11).rstrip(".")]
                ),
            )
        )
    return result


def plan(count: int) -> list[tuple[int, int]]:
    """(committee, index) of each of ``count`` meetings: round-robin over the committees."""
    committees = 1 if count <= 10 else COMMITTEES
    return [(n % committees, n // committees) for n in range(count)]


def meetings(count: int) -> list[Meeting]:
    return [meeting(number, index) for number, index in plan(count)]


def people() -> list[Person]:
    return [Person(person_id(n), f"Member {n:02d} Surname{n:02d}", councillor=True) for n in range(PEOPLE)]


def committees(count: int) -> list[Committee]:
    used = sorted({number for number, _ in plan(count)})
    return [committee(number) for number in used]


def build_store(root: Path, count: int) -> None:
    """A writable store of ``count`` meetings at ``root`` (which must not hold one).

    Saving meetings one by one rewrites index.json each time on a store without an index
    journal: quadratic, the very cost the import figure measures, and an hour at 5,000.
    So, where the store has that internal, the builder writes the index once at the end;
    the result is then checked through the public API.
    """
    with Store.open(root) as store, _index_written_once(store):
        for person in people():
            store.save_person(person)
        for board in committees(count):
            store.save_committee(board)
        for number, index in plan(count):
            store.save_meeting(meeting(number, index))
    with Store.open(root, read_only=True) as store:
        found = len(store.meeting_summaries())
    if found != count:
        raise RuntimeError(f"built a store of {found} meetings, not {count}")


@contextmanager
def _index_written_once(store: Store) -> Iterator[None]:
    update, write = getattr(store, "_update_index", None), getattr(store, "_write_index", None)
    if not (callable(update) and callable(write)):
        yield
        return
    store._update_index = lambda change: None  # type: ignore[method-assign]
    try:
        yield
    finally:
        del store._update_index
        write()


def last_of_first_year(count: int) -> tuple[str, str]:
    """Ids of the first and of the last meeting of the first municipal year of committee 1
    (committee 0 sets its numbers by hand)."""
    indices = [index for number, index in plan(count) if number == (1 if count > 10 else 0)]
    number = 1 if count > 10 else 0
    first = meeting(number, 0, minutes=0)
    last_index = min(max(indices), MEETINGS_A_YEAR - 1)
    last = meeting(number, last_index, minutes=0)
    return first.id, last.id


LONG_SENTENCE = "The report highlighted that the local area had begun preparations in advance of the revisit."
LONG_MEETING = "committee-15-2026-11-23"


def long_meeting() -> Meeting:
    """30 items, each minute 100 lines of narrative as typed (50 paragraphs of two sentences,
    a blank line between): about 340 KB of JSON. The clerk types at the end of the last."""
    meeting = Meeting(LONG_MEETING, committee_id(15), date(2026, 11, 23), clock(14, 0))
    for number in range(1, 31):
        meeting.add_item(AgendaItem(f"item-{number}", f"Substantive report number {number}"))
        paragraphs = [Block(text=" ".join([LONG_SENTENCE] * 2)) for _ in range(50)]
        meeting.minutes.append(
            Minute(
                f"minute-{number}",
                f"Substantive report number {number}",
                item_id=f"item-{number}",
                narrative=paragraphs,
                resolution=Resolution(["the report be noted"]),
            )
        )
    return meeting


def build_long_store(root: Path) -> str:
    """A store holding the long meeting (and its committee); returns the last narrative as typed."""
    from clerk_tui.domain.narrative import narrative_text

    meeting = long_meeting()
    with Store.open(root) as store:
        for person in people():
            store.save_person(person)
        store.save_committee(committee(15))
        store.save_meeting(meeting)
    return narrative_text(meeting.minutes[-1].narrative)
