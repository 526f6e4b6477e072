"""Property: for generated meetings (arrivals, departures, withdrawals for interests,
substitutes, co-optees with and without a vote, guests and officers), no vote ever counts
someone who was not present and entitled to vote, counts never exceed those who were,
and every vote that keeps to them is accepted.

The model below is written from the rules, not from the domain's functions: it follows
each mark the domain accepts (a mark refused changes nothing, and that is checked too)
and keeps its own room, seats and withdrawals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_tui.domain import (
    AgendaItem,
    Committee,
    Declaration,
    DomainError,
    EventKind,
    InterestAction,
    InterestKind,
    Meeting,
    Membership,
    Role,
)
from clerk_tui.domain.codec import to_document
from clerk_tui.domain.lifecycle import take_live
from clerk_tui.domain.live import declare, mark, presence_for_item, take_item
from clerk_tui.domain.votes import Electorate, count_vote, motion_before, move, recorded_vote, vote_problems

MEMBERS = ["chair", "m1", "m2", "m3", "m4"]
VOTING_COOPTEE = "cv"
"""A co-opted member with a vote (a seat like any member's)."""
COOPTEE = "coopt"
"""A co-opted member without a vote."""
SUBSTITUTES = ["s1", "s2"]
GUEST = "guest"
EVERYONE = [*MEMBERS, VOTING_COOPTEE, COOPTEE, *SUBSTITUTES, GUEST]
SEATS = {*MEMBERS, VOTING_COOPTEE}
ITEMS = ["item-1", "item-2", "item-3", "item-4"]
QUORUM = 4

MARKS = [
    EventKind.PRESENT,
    EventKind.ARRIVED,
    EventKind.APOLOGIES,
    EventKind.ABSENT,
    EventKind.DEPARTED,
    EventKind.WITHDREW,
    EventKind.RETURNED,
]
ENTERING = {EventKind.PRESENT, EventKind.ARRIVED, EventKind.RETURNED}


def _committee() -> Committee:
    committee = Committee("c", "Planning Committee", quorum=QUORUM)
    committee.add_member(Membership("chair", Role.CHAIR))
    for person in MEMBERS[1:]:
        committee.add_member(Membership(person))
    committee.add_member(Membership(VOTING_COOPTEE, Role.CO_OPTED, voting=True))
    committee.add_member(Membership(COOPTEE, Role.CO_OPTED, voting=False))
    for person in SUBSTITUTES:
        committee.add_member(Membership(person, Role.SUBSTITUTE, voting=False))
    return committee


def _meeting() -> Meeting:
    meeting = Meeting("m", "c", date(2027, 3, 10))
    for item_id in ITEMS:
        meeting.add_item(AgendaItem(item_id, f"Application {item_id}"))
    take_live(meeting)
    return meeting


@dataclass
class Room:
    """The model: who is in the room, whose seat is whose, who withdrew for which item."""

    inside: set[str] = field(default_factory=set)
    substitute_for: dict[str, str] = field(default_factory=dict)
    withdrew_for: dict[str, set[str]] = field(default_factory=dict)
    returns_at: dict[str, set[str]] = field(default_factory=dict)
    """Item -> members a declaration brings back when it is taken."""

    def seat_of(self, person: str) -> str | None:
        if person in self.substitute_for:
            return self.substitute_for[person]
        if person in SEATS and person not in self.substitute_for.values():
            return person
        return None

    def entitled(self, item: str | None) -> set[str]:
        out = self.withdrew_for.get(item or "", set())
        return {p for p in self.inside if self.seat_of(p) is not None and p not in out}


Action = tuple[object, ...]
"""("mark", person, kind), ("substitute", person, replaced), ("attendee", kind),
("take", declaring), ("count", for, against, abstained), ("named", [(person, how)]),
("fair-count", for share, against share), ("fair-named", [choice per person])."""

_movement = st.tuples(
    st.just("mark"),
    st.sampled_from(EVERYONE),
    st.sampled_from([EventKind.PRESENT, EventKind.DEPARTED, EventKind.WITHDREW, EventKind.RETURNED]),
)
_any_vote = st.one_of(
    st.tuples(st.just("count"), st.integers(0, 6), st.integers(0, 6), st.integers(0, 3)),
    st.tuples(
        st.just("named"),
        st.lists(
            st.tuples(st.sampled_from(EVERYONE), st.sampled_from(["for", "against", "abstained"])),
            max_size=8,
            unique_by=lambda vote: vote[0],
        ),
    ),
    st.tuples(st.just("fair-count"), st.integers(0, 100), st.integers(0, 100)),
    st.tuples(
        st.just("fair-named"), st.lists(st.integers(0, 3), min_size=len(EVERYONE), max_size=len(EVERYONE))
    ),
)
"""A vote as typed (any numbers, anyone named), or one kept within the model's electorate
(numbers as shares of it, or for each entitled person for / against / abstained / silent)."""


@st.composite
def meetings(draw: st.DrawFn) -> list[Action]:
    """A roll call (most present), substitutes, a guest, then each item taken in turn with its
    declarations, and movements, late marks and votes in any order."""
    played: list[Action] = []
    for person in [*MEMBERS, VOTING_COOPTEE, COOPTEE]:
        start = draw(st.sampled_from([EventKind.PRESENT] * 4 + [EventKind.APOLOGIES, EventKind.ABSENT, None]))
        if start is not None:
            played.append(("mark", person, start))
    for person in SUBSTITUTES:
        if draw(st.booleans()):
            played.append(("substitute", person, draw(st.sampled_from([*MEMBERS, COOPTEE, VOTING_COOPTEE]))))
    if draw(st.booleans()):
        played.append(("attendee", draw(st.sampled_from([EventKind.ALSO_PRESENT, EventKind.OFFICER]))))
    for _ in ITEMS:
        declaring: list[str] = draw(
            st.lists(st.sampled_from([*MEMBERS, VOTING_COOPTEE]), max_size=2, unique=True)
        )
        played.append(("take", declaring))
        during: list[Action] = draw(
            st.lists(
                st.one_of(
                    _movement,
                    _any_vote,
                    st.tuples(st.just("mark"), st.sampled_from(EVERYONE), st.sampled_from(MARKS)),
                ),
                max_size=10,
            )
        )
        comes_back: bool = draw(st.booleans())
        if declaring and comes_back:
            # a member who withdrew for the item comes back into the room during it
            back: Action = (
                "mark",
                declaring[0],
                draw(st.sampled_from([EventKind.PRESENT, EventKind.RETURNED])),
            )
            during.insert(draw(st.integers(0, len(during))), back)
        if draw(st.integers(0, 9)) == 0:
            # everyone walks out, after a motion may have been moved
            during.extend(("mark", person, EventKind.DEPARTED) for person in EVERYONE)
        played.extend(during)
        played.append(draw(_any_vote))
    return played


class Run:
    """Plays the actions on a meeting through the live operations, keeping the model."""

    def __init__(self) -> None:
        self.meeting = _meeting()
        self.committee = _committee()
        self.room = Room()
        self.current: str | None = None
        self.votes_checked = 0

    def refused_unchanged(self, operation: Callable[[], object]) -> bool:
        """Run it; True if it was refused, and then the meeting must be as it was."""
        before = to_document(self.meeting)
        try:
            operation()
        except DomainError:
            assert to_document(self.meeting) == before, "a refused operation changed the meeting"
            return True
        return False

    def play(self, action: Action) -> None:
        match action:
            case ("mark", str() as person, EventKind() as kind):
                self.mark(person, kind)
            case ("substitute", str() as person, str() as replaced):
                self.substitute(person, replaced)
            case ("attendee", EventKind() as kind):
                self.attendee(kind)
            case ("take", list() as declaring):
                self.take([str(person) for person in declaring])
            case ("count", int() as votes_for, int() as against, int() as abstained):
                self.count(votes_for, against, abstained)
            case ("named", list() as votes):
                self.named([(str(person), str(how)) for person, how in votes])
            case ("fair-count", int() as for_share, int() as against_share):
                self.fair_count(for_share, against_share)
            case ("fair-named", list() as choices):
                self.fair_named([int(choice) for choice in choices])
            case _:
                raise AssertionError(f"no such action {action!r}")

    def mark(self, person: str, kind: EventKind) -> None:
        if self.refused_unchanged(lambda: mark(self.meeting, person, kind, current_item=self.current)):
            return
        if kind in ENTERING:
            self.room.inside.add(person)
        else:
            self.room.inside.discard(person)
        if kind == EventKind.DEPARTED:
            for coming_back in self.room.returns_at.values():
                coming_back.discard(person)

    def substitute(self, person: str, replaced: str) -> None:
        def operation() -> str:
            return mark(
                self.meeting, person, EventKind.SUBSTITUTE, current_item=self.current, for_person_id=replaced
            )

        if self.refused_unchanged(operation):
            return
        self.room.inside.add(person)
        seat_free = replaced in SEATS and replaced not in self.room.substitute_for.values()
        if seat_free and person not in self.room.substitute_for:
            self.room.substitute_for[person] = replaced

    def attendee(self, kind: EventKind) -> None:
        if not self.refused_unchanged(lambda: mark(self.meeting, GUEST, kind, current_item=self.current)):
            self.room.inside.add(GUEST)

    def take(self, declaring: list[str]) -> None:
        taken = ITEMS.index(self.current) + 1 if self.current else 0
        if taken >= len(ITEMS):
            return
        self.current = ITEMS[taken]
        take_item(self.meeting, self.current)
        self.room.inside |= self.room.returns_at.pop(self.current, set())
        following = ITEMS[taken + 1] if taken + 1 < len(ITEMS) else None
        for person in declaring:
            if person not in self.room.inside:
                continue
            declaration = Declaration(
                self.meeting.new_declaration_id(),
                person,
                self.current,
                InterestKind.DISCLOSABLE_PECUNIARY,
                "owns land nearby",
                InterestAction.WITHDREW,
            )
            declare(self.meeting, declaration)
            self.room.inside.discard(person)
            self.room.withdrew_for.setdefault(self.current, set()).add(person)
            if following:
                self.room.returns_at.setdefault(following, set()).add(person)

    def minute_with_a_motion(self) -> str | None:
        """The current item's minute with a motion before the meeting, moved by someone
        entitled (a mover who is not is refused)."""
        if self.current is None:
            return None
        minute = self.meeting.minute_for_item(self.current)
        assert minute is not None
        entitled = self.room.entitled(self.current)
        outsider = next((p for p in EVERYONE if p not in entitled), None)
        if outsider is not None:
            assert self.refused_unchanged(
                lambda: move(self.meeting, self.committee, minute.id, outsider, parts=["x"])
            ), f"{outsider} moved a motion without being entitled to vote"
        if motion_before(minute) is None:
            if not entitled:
                return None
            move(
                self.meeting,
                self.committee,
                minute.id,
                sorted(entitled)[0],
                parts=["the application be granted"],
            )
        return minute.id

    def check_vote(self, minute_id: str, named: set[str]) -> None:
        minute = next(m for m in self.meeting.minutes if m.id == minute_id)
        before = motion_before(minute)
        assert before is not None and before.vote is not None
        vote = before.vote
        entitled = self.room.entitled(self.current)
        assert set(vote.entitled) == entitled, "the vote's electorate is not who was present and entitled"
        assert vote.votes_for + vote.votes_against + vote.abstentions <= len(entitled)
        assert named <= entitled
        assert vote.not_quorate == (len(entitled) < QUORUM)
        electorate = Electorate(self.meeting, self.committee, self.current)
        for person in EVERYONE:
            assert electorate.presence(person) == presence_for_item(self.meeting, person, self.current)
        self.votes_checked += 1

    def count(self, votes_for: int, against: int, abstained: int) -> None:
        minute = self.minute_with_a_motion()
        if minute is None:
            return
        entitled = self.room.entitled(self.current)
        refused = self.refused_unchanged(
            lambda: count_vote(self.meeting, self.committee, minute, votes_for, against, abstained)
        )
        assert refused == (not entitled or votes_for + against + abstained > len(entitled))
        if not refused:
            self.check_vote(minute, set())

    def named(self, votes: list[tuple[str, str]]) -> None:
        minute = self.minute_with_a_motion()
        if minute is None:
            return
        lists = {
            way: [person for person, how in votes if how == way] for way in ("for", "against", "abstained")
        }
        entitled = self.room.entitled(self.current)
        refused = self.refused_unchanged(
            lambda: recorded_vote(
                self.meeting, self.committee, minute, lists["for"], lists["against"], lists["abstained"]
            )
        )
        named = {person for person, _ in votes}
        expected = not entitled or not named <= entitled
        assert refused == expected, f"named {sorted(named)}, entitled {sorted(entitled)}"
        if not refused:
            self.check_vote(minute, named)

    def fair_count(self, for_share: int, against_share: int) -> None:
        """Numbers within the electorate: they must be accepted."""
        entitled = len(self.room.entitled(self.current))
        votes_for = entitled * for_share // 100
        against = (entitled - votes_for) * against_share // 100
        self.count(votes_for, against, entitled - votes_for - against)

    def fair_named(self, choices: list[int]) -> None:
        """Everyone entitled for, against, abstaining or silent: it must be accepted."""
        ways = {0: "for", 1: "against", 2: "abstained"}
        entitled = sorted(self.room.entitled(self.current))
        self.named([(p, ways[c]) for p, c in zip(entitled, choices, strict=False) if c in ways])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_no_vote_counts_anyone_not_present_and_entitled(played: list[Action]) -> None:
    run = Run()
    for action in played:
        run.play(action)
    for minute in run.meeting.minutes:
        problems = vote_problems(run.meeting, run.committee, minute)
        assert all("not quorate" in problem for problem in problems), problems


def test_the_generator_reaches_votes() -> None:
    """The property is not vacuous: a typical run takes votes that the model checks."""
    run = Run()
    for person in MEMBERS:
        run.play(("mark", person, EventKind.PRESENT))
    run.play(("substitute", "s1", "m4"))
    run.play(("take", ["m1"]))
    run.play(("count", 2, 1, 1))
    run.play(("named", [("m2", "for"), ("s1", "against"), ("m4", "for")]))
    run.play(("named", [("m2", "for"), ("s1", "against"), ("chair", "abstained")]))
    run.play(("take", []))
    run.play(("named", [("m1", "for")]))
    assert run.votes_checked == 3
    assert run.room.entitled("item-2") == {"chair", "m1", "m2", "m3", "s1"}
