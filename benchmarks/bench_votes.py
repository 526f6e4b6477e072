"""What motions and votes cost: a live vote at a full Council meeting against an attendance
mark on the same meeting, and printing minutes with votes against the same minutes
without them. Run by hand: ``python benchmarks/bench_votes.py``.

The Council: 66 members, 8 substitutes, 40 items, 300 attendance events (arrivals,
departures, withdrawals for interests). Who may vote is derived from the whole timeline
at every vote, so its cost grows with the meeting's events, not with the archive.
Runs of the two sides of each ratio alternate, so machine load hits both.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date

from clerk_tui.domain import (
    AgendaItem,
    Committee,
    Declaration,
    EventKind,
    InterestAction,
    InterestKind,
    Meeting,
    Membership,
    Role,
)
from clerk_tui.domain.lifecycle import take_live
from clerk_tui.domain.live import declare, mark, take_item
from clerk_tui.domain.undo import undo
from clerk_tui.domain.votes import count_vote, move, recorded_vote, second
from clerk_tui.render import MeetingPapers, PrintOptions, print_minutes
from tests.fixtures import planning_2027

MEMBERS = [f"cllr-{n}" for n in range(66)]
SUBSTITUTES = [f"sub-{n}" for n in range(8)]
ITEMS = 40

VOTE_TARGET = 10.0
"""A live vote may cost at most this many attendance marks (it reads the whole timeline)."""
PRINT_TARGET = 4.0
"""Minutes with a motion on most items may print at most this many times slower (width 0)."""


def council() -> tuple[Meeting, Committee]:
    committee = Committee("council", "Council", quorum=17)
    committee.add_member(Membership(MEMBERS[0], Role.CHAIR))
    for person in MEMBERS[1:]:
        committee.add_member(Membership(person))
    for person in SUBSTITUTES:
        committee.add_member(Membership(person, Role.SUBSTITUTE, voting=False))
    meeting = Meeting("council-2027-02-24", "council", date(2027, 2, 24))
    for number in range(1, ITEMS + 1):
        meeting.add_item(AgendaItem(f"item-{number}", f"Motion on notice {number}"))
    take_live(meeting)
    for person in MEMBERS[:60]:
        mark(meeting, person, EventKind.PRESENT, current_item=None)
    for person in MEMBERS[60:]:
        mark(meeting, person, EventKind.APOLOGIES, current_item=None)
    for substitute, replaced in zip(SUBSTITUTES, MEMBERS[60:], strict=False):
        mark(meeting, substitute, EventKind.SUBSTITUTE, current_item=None, for_person_id=replaced)
    for number in range(1, ITEMS + 1):
        item = f"item-{number}"
        take_item(meeting, item)
        person = MEMBERS[number]
        if number % 4 == 0:
            declaration = Declaration(
                meeting.new_declaration_id(),
                person,
                item,
                InterestKind.PERSONAL,
                "a relative",
                InterestAction.WITHDREW,
            )
            declare(meeting, declaration)
        else:
            mark(meeting, person, EventKind.DEPARTED, current_item=item)
            mark(meeting, person, EventKind.PRESENT, current_item=item)
    return meeting, committee


def timed(repeat: int, action: Callable[[], object], undo_after: Meeting | None = None) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
        if undo_after is not None:
            undo(undo_after)
    return times


def live_costs(repeat: int) -> tuple[float, float, float]:
    """Medians (ms) of an attendance mark, a show of hands and a recorded vote of 50 names."""
    meeting, committee = council()
    item = f"item-{ITEMS}"
    minute = take_item(meeting, item).id
    move(meeting, committee, minute, MEMBERS[1], parts=["the motion be agreed"])
    second(meeting, committee, minute, MEMBERS[2])
    marks, counts, recorded = [], [], []
    names = [p for p in MEMBERS[:60] if p != MEMBERS[ITEMS]][:50]
    for _ in range(repeat):
        marks += timed(1, lambda: mark(meeting, MEMBERS[5], EventKind.DEPARTED, current_item=item), meeting)
        counts += timed(1, lambda: count_vote(meeting, committee, minute, 30, 20, 5), meeting)
        recorded += timed(
            1, lambda: recorded_vote(meeting, committee, minute, names[:30], names[30:], []), meeting
        )
    return (
        statistics.median(marks) * 1000,
        statistics.median(counts) * 1000,
        statistics.median(recorded) * 1000,
    )


def print_costs(repeat: int) -> tuple[float, float]:
    """Medians (ms) of printing the Planning Committee minutes without and with their motions."""
    meeting = planning_2027.meeting()
    bare = copy.deepcopy(meeting)
    for minute in bare.minutes:
        minute.motions = []
    committee = planning_2027.committee()
    people = {person.id: person for person in planning_2027.people()}
    without, with_votes = [], []
    for _ in range(repeat):
        without += timed(
            1, lambda: print_minutes(MeetingPapers(bare, committee, people), PrintOptions(width=0)) and None
        )
        with_votes += timed(
            1,
            lambda: print_minutes(MeetingPapers(meeting, committee, people), PrintOptions(width=0)) and None,
        )
    return statistics.median(without) * 1000, statistics.median(with_votes) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40)
    repeat = parser.parse_args().repeat
    mark_ms, count_ms, recorded_ms = live_costs(repeat)
    vote_ratio = max(count_ms, recorded_ms) / mark_ms
    print(f"Council of {len(MEMBERS)}, {ITEMS} items: attendance mark {mark_ms:.2f} ms (median)")
    print(f"  show of hands {count_ms:.2f} ms, recorded vote of 50 names {recorded_ms:.2f} ms")
    print(f"  vote / mark: {vote_ratio:.1f}x (target at most {VOTE_TARGET:.0f}x)")
    without_ms, with_ms = print_costs(repeat)
    print_ratio = with_ms / without_ms
    print(f"Planning minutes, width 0: without motions {without_ms:.2f} ms, with {with_ms:.2f} ms")
    print(f"  with / without: {print_ratio:.1f}x (target at most {PRINT_TARGET:.0f}x)")
    return 0 if vote_ratio <= VOTE_TARGET and print_ratio <= PRINT_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
