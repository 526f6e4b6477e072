"""Motions, amendments and votes in the live meeting, checked against who is in the room.

Why it is as it is:

- **Who may vote is derived from the attendance timeline, never typed.** A person may vote
  on an item when they hold a voting seat (a member with a vote, or a substitute in place
  of the member they replace), are in the room for the item as it stands when the vote is
  taken (``presence_for_item``: not withdrawn, not left, not absent), and did not declare an
  interest in the item and withdraw for it (even if recorded back in the room during it).
  A member replaced by a substitute at the meeting does not vote: the seat is the
  substitute's. Non-voting co-optees, officers and people also present never vote.
- **Each vote keeps who could vote when it was taken** (``Vote.entitled``): no count may
  exceed them and a recorded vote may name only them, so the record stays checkable after
  the timeline changes. ``vote_problems`` checks the votes again against the timeline as
  it stands (an arrival corrected after the vote): the printer warns of any it finds.
- **The quorum is checked at each vote.** The vote still counts (the clerk records what
  happened), but the sentence warns, the vote keeps the quorum, and printing warns.
- **The motion before the meeting is the one acted on.** A procedural motion is decided
  before the amendment it interrupts, an amendment before the substantive motion it
  amends; only one amendment is before the meeting at a time (amendments stack: each one
  carried changes the substantive motion, and the next is moved on the motion as amended).
- **The resolution follows the substantive motion.** Moved, the motion fills an empty
  resolution; an amendment carried changes the motion and the resolution with it; the
  motion carried is the resolution; lost or withdrawn, the resolution it filled is taken
  out. Text the clerk typed that differs from the motion is never overwritten until the
  motion is carried (the record is what was carried); each change is a step to undo.
- **Every operation is one undoable step** through ``clerk_tui.domain.undo.Edit``: the
  minute's whole list of motions is set (a few hundred bytes), with the resolution, and
  each returns the sentence the screen shows.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from clerk_tui.domain.attendance import ENTERS, EventKind, QuorumState, in_room_after
from clerk_tui.domain.committee import Committee, Membership, Role
from clerk_tui.domain.declarations import InterestAction
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.ids import next_sequential_id
from clerk_tui.domain.live import Presence, parts_from_text
from clerk_tui.domain.meeting import Meeting
from clerk_tui.domain.minutes import Minute, Resolution
from clerk_tui.domain.motions import (
    CastingVote,
    Motion,
    MotionKind,
    MotionResult,
    Vote,
    VoteMethod,
)
from clerk_tui.domain.safe_text import one_line
from clerk_tui.domain.undo import Edit

Names = Mapping[str, str]
"""Person id -> how the sentences name them ("Cllr Hart"); an id not in it is shown as is."""

_NOUN = {
    MotionKind.ORIGINAL: "motion",
    MotionKind.AMENDMENT: "amendment",
    MotionKind.PROCEDURAL: "procedural motion",
}


def _name(names: Names | None, person_id: str) -> str:
    return (names or {}).get(person_id, person_id)


# --- who may vote ---------------------------------------------------------------------
@dataclass(frozen=True)
class Standing:
    """Whether a person may vote on an item now, and if not, why not (the screen's words)."""

    person_id: str
    may_vote: bool
    reason: str = ""
    seat: str = ""
    """The seat they vote in: their own, or the member's they substitute for."""


def chair_of(meeting: Meeting, committee: Committee) -> str | None:
    """Who is in the Chair: one elected for the meeting, or the committee's Chair."""
    if meeting.chair_id:
        return meeting.chair_id
    chair = next((m for m in committee.memberships_on(meeting.date) if m.role == Role.CHAIR), None)
    return chair.person_id if chair else None


def _limit(meeting: Meeting, item_id: str | None) -> int:
    if item_id is None:
        return -1
    ids = meeting.agenda_ids()
    if item_id not in ids:
        raise DomainError(f"There is no agenda item {item_id!r}.", "item")
    return ids.index(item_id)


@dataclass(frozen=True)
class _Seating:
    """Whose seat is whose for an item: worked out once, asked for each person."""

    seats: dict[str, Membership]
    """Voting seats on the day: members with a vote (substitutes hold none of their own)."""
    substitute_for: dict[str, str]
    """Substitute -> the member replaced, in effect by the item: the first recorded for a seat."""

    @classmethod
    def of(cls, meeting: Meeting, committee: Committee, item_id: str | None) -> _Seating:
        seats = {
            m.person_id: m
            for m in committee.memberships_on(meeting.date)
            if m.voting and m.role != Role.SUBSTITUTE
        }
        limit = _limit(meeting, item_id)
        positions = {i: n for n, i in enumerate(meeting.agenda_ids())}
        taken: dict[str, str] = {}
        for event in meeting.attendance:
            if event.kind != EventKind.SUBSTITUTE or event.for_person_id is None:
                continue
            place = -1 if event.item_id is None else positions.get(event.item_id, len(positions))
            if place <= limit and event.person_id not in taken and event.for_person_id not in taken.values():
                taken[event.person_id] = event.for_person_id
        return cls(seats, taken)

    def seat_of(
        self, meeting: Meeting, committee: Committee, person_id: str, names: Names | None
    ) -> tuple[str, str]:
        """(the seat they would vote in, "") or ("", why they hold no seat for the item)."""
        who = _name(names, person_id)
        if person_id in self.substitute_for:
            replaced = self.substitute_for[person_id]
            if replaced in self.seats:
                return replaced, ""
            return "", f"{who} substitutes for {_name(names, replaced)}, who has no vote on the committee."
        if person_id in self.seats:
            substitute = next((s for s, r in self.substitute_for.items() if r == person_id), None)
            if substitute is not None:
                return (
                    "",
                    f"{who} is replaced at this meeting by {_name(names, substitute)}, who votes instead.",
                )
            return person_id, ""
        membership = committee.membership_of(person_id, meeting.date)
        if membership is None:
            return "", f"{who} is not a member of the committee."
        if membership.role == Role.SUBSTITUTE:
            return "", f"{who} is a substitute not recorded as substituting for a member at this meeting."
        return "", f"{who} is a non-voting member of the committee."


_NOT_IN_ROOM = {
    Presence.WITHDRAWN: "withdrew from the room",
    Presence.LEFT: "has left the meeting",
    Presence.APOLOGIES: "sent apologies",
    Presence.ABSENT: "is absent",
    Presence.NOT_RECORDED: "is not recorded as present",
}


class Electorate:
    """Who may vote on one item as things stand, worked out once from the whole timeline
    (one pass over the attendance), then asked for each person: what a vote, a panel of
    names or a check of the record needs without re-reading the timeline per person."""

    def __init__(self, meeting: Meeting, committee: Committee, item_id: str | None) -> None:
        self.meeting = meeting
        self.committee = committee
        self.item_id = item_id
        self.seating = _Seating.of(meeting, committee, item_id)
        self.presences = _presences(meeting, item_id)
        self.withdrew = {
            d.person_id
            for d in meeting.declarations
            if item_id is not None and d.item_id == item_id and d.action == InterestAction.WITHDREW
        }
        self._entitled: list[str] | None = None

    def presence(self, person_id: str) -> Presence:
        """As ``presence_for_item`` has it."""
        return self.presences.get(person_id, Presence.NOT_RECORDED)

    def standing(self, person_id: str, names: Names | None = None) -> Standing:
        who = _name(names, person_id)
        seat, why = self.seating.seat_of(self.meeting, self.committee, person_id, names)
        if not seat:
            return Standing(person_id, False, why)
        if person_id in self.withdrew:
            why = f"{who} declared an interest in this item and withdrew: no vote on it."
            return Standing(person_id, False, why)
        presence = self.presence(person_id)
        if presence != Presence.IN_ROOM:
            return Standing(person_id, False, f"{who} {_NOT_IN_ROOM[presence]}: no vote on this item.")
        return Standing(person_id, True, "", seat)

    def entitled(self) -> list[str]:
        """Who may vote: present, holding a voting seat, not withdrawn for the item; in the
        committee's order, then the substitutes."""
        if self._entitled is None:
            ordered = [m.person_id for m in self.committee.memberships_on(self.meeting.date)]
            ordered += [e.person_id for e in self.meeting.attendance if e.kind == EventKind.SUBSTITUTE]
            self._entitled = [p for p in dict.fromkeys(ordered) if self.standing(p).may_vote]
        return list(self._entitled)

    def may_vote(self, person_id: str) -> bool:
        return person_id in self.entitled()


def _presences(meeting: Meeting, item_id: str | None) -> dict[str, Presence]:
    """Everyone's ``presence_for_item`` at once: each person's last event by item, then by
    the order recorded, among those tied to ``item_id`` or before it."""
    limit = _limit(meeting, item_id)
    positions = {i: n for n, i in enumerate(meeting.agenda_ids())}
    standing: dict[str, EventKind] = {}
    reached: dict[str, int] = {}
    for event in meeting.attendance:
        place = -1 if event.item_id is None else positions.get(event.item_id, len(positions))
        if place <= limit and place >= reached.get(event.person_id, -2):
            standing[event.person_id] = event.kind
            reached[event.person_id] = place
    return {person_id: _presence_after(kind) for person_id, kind in standing.items()}


def _presence_after(kind: EventKind) -> Presence:
    if kind in ENTERS:
        return Presence.IN_ROOM
    if kind == EventKind.WITHDREW:
        return Presence.WITHDRAWN
    if kind == EventKind.DEPARTED:
        return Presence.LEFT
    return Presence.APOLOGIES if kind == EventKind.APOLOGIES else Presence.ABSENT


def voting_standing(
    meeting: Meeting, committee: Committee, item_id: str | None, person_id: str, names: Names | None = None
) -> Standing:
    """May ``person_id`` vote on ``item_id`` (None: before the business) as things stand?"""
    return Electorate(meeting, committee, item_id).standing(person_id, names)


def entitled_voters(meeting: Meeting, committee: Committee, item_id: str | None) -> list[str]:
    """Who may vote on ``item_id`` now: present, holding a voting seat, not withdrawn for it."""
    return Electorate(meeting, committee, item_id).entitled()


def quorum_at_vote(meeting: Meeting, committee: Committee, item_id: str | None) -> QuorumState:
    """The quorum as a vote on the item would find it: the seats present that may vote."""
    return QuorumState(len(entitled_voters(meeting, committee, item_id)), committee.quorum)


# --- the motions of a minute --------------------------------------------------------------
def motion_before(minute: Minute) -> Motion | None:
    """The motion the next vote is on: a procedural motion, else an amendment, else the
    substantive motion; None when nothing is before the meeting."""
    for kind in (MotionKind.PROCEDURAL, MotionKind.AMENDMENT, MotionKind.ORIGINAL):
        pending = [m for m in minute.motions if m.kind == kind and m.pending]
        if pending:
            return pending[-1]
    return None


def substantive_motion(minute: Minute) -> Motion | None:
    """The substantive motion before the meeting (amendments amend it)."""
    return next((m for m in reversed(minute.motions) if m.kind == MotionKind.ORIGINAL and m.pending), None)


def resolving_motion(minute: Minute) -> Motion | None:
    """The substantive motion whose carrying is the minute's resolution: the last carried."""
    if minute.resolution is None:
        return None
    return next(
        (
            m
            for m in reversed(minute.motions)
            if m.kind == MotionKind.ORIGINAL and m.result == MotionResult.CARRIED
        ),
        None,
    )


def amended(minute: Minute, motion: Motion) -> bool:
    """An amendment to it was carried: it was put "as amended"."""
    return any(
        m.amends == motion.id and m.kind == MotionKind.AMENDMENT and m.result == MotionResult.CARRIED
        for m in minute.motions
    )


def expected_result(vote: Vote) -> MotionResult | None:
    """What the vote decides; None for equal votes with no casting vote (the Chair may use
    one; if not, the motion is lost)."""
    if not vote.counted:
        return MotionResult.CARRIED
    if vote.casting is not None:
        return MotionResult.CARRIED if vote.casting.in_favour else MotionResult.LOST
    if vote.votes_for == vote.votes_against:
        return None
    return MotionResult.CARRIED if vote.votes_for > vote.votes_against else MotionResult.LOST


def counts_said(vote: Vote) -> str:
    """``3 for, 6 against, 1 abstention`` for the screen's sentences."""
    said = f"{vote.votes_for} for, {vote.votes_against} against"
    if vote.abstentions:
        said += f", {vote.abstentions} abstention{'' if vote.abstentions == 1 else 's'}"
    return said


# --- operations -----------------------------------------------------------------------------
def _minute(meeting: Meeting, minute_id: str) -> Minute:
    for minute in meeting.minutes:
        if minute.id == minute_id:
            return minute
    raise DomainError(f"There is no minute {minute_id!r}.", "minute")


def _working(minute: Minute, motion_id: str | None) -> tuple[list[Motion], Motion]:
    """A copy of the minute's motions to change (a step records before and after), and in
    it the motion acted on: the one named, or the one before the meeting."""
    motions = copy.deepcopy(minute.motions)
    if motion_id is None:
        before = motion_before(minute)
        if before is None:
            raise DomainError("No motion is before the meeting: move one first.", "motion")
        motion_id = before.id
    motion = next((m for m in motions if m.id == motion_id), None)
    if motion is None:
        raise DomainError(f"There is no motion {motion_id!r} on “{minute.title}”.", "motion")
    if not motion.pending:
        raise DomainError(f"The {_NOUN[motion.kind]} is {motion.result.value} already.", "motion")
    return motions, motion


def _must_be_before_meeting(minute: Minute, motion: Motion) -> None:
    before = motion_before(minute)
    if before is not None and before.id != motion.id:
        raise DomainError(
            f"The {_NOUN[before.kind]} before the meeting is decided first: "
            "put it to the vote or withdraw it.",
            "motion",
        )


def _may_act(electorate: Electorate, person_id: str, names: Names | None) -> None:
    if not electorate.may_vote(person_id):
        raise DomainError(electorate.standing(person_id, names).reason, "person")


def _quorum_warning(vote: Vote) -> str:
    if not vote.not_quorate:
        return ""
    return (
        f" Warning: the meeting is not quorate ({len(vote.entitled)} voting members present, "
        f"{vote.quorum} needed): the decision may not be valid."
    )


def _sync_resolution(edit: Edit, minute: Minute, old: Sequence[str] | None, new: Sequence[str]) -> str:
    """The resolution follows the motion where it held the motion's old text (or nothing);
    returns a note when it differs and is left as typed."""
    new_parts = list(new)
    if minute.resolution is None:
        if new_parts:
            edit.set_minute(minute, "resolution", Resolution(new_parts, opening=_opening(new_parts)))
        return ""
    if minute.resolution.parts == new_parts:
        return ""
    if old is not None and minute.resolution.parts == list(old):
        edit.set_minute(minute, "resolution.parts", new_parts)
        return ""
    return " The resolution box differs from the motion and is left as typed."


def _opening(parts: Sequence[str]) -> str:
    return "That," if len(parts) == 1 and parts[0].lower().startswith("under section 100a") else "That"


def _clean_parts(parts: Sequence[str]) -> list[str]:
    """As the resolution box reads them: no "That", no part numbers, no end punctuation."""
    return parts_from_text("\n".join(one_line(part) for part in parts))


def move(
    meeting: Meeting,
    committee: Committee,
    minute_id: str,
    mover_id: str,
    *,
    kind: MotionKind = MotionKind.ORIGINAL,
    text: str = "",
    parts: Sequence[str] | None = None,
    names: Names | None = None,
) -> str:
    """Move a motion on the minute. A substantive motion is its ``parts`` (the resolution
    it makes), or the resolution as typed when none are given; an amendment says what it
    does (``text``) and how the substantive motion would read (``parts``); a procedural
    motion says what it proposes (``text``)."""
    minute = _minute(meeting, minute_id)
    _may_act(Electorate(meeting, committee, minute.item_id), mover_id, names)
    said_text = " ".join(_clean_parts([text]))
    wording = _clean_parts(parts or [])
    amends: str | None = None
    if kind == MotionKind.ORIGINAL:
        if substantive_motion(minute) is not None:
            raise DomainError(
                "A motion is before the meeting already: decide it or withdraw it first.", "motion"
            )
        if not wording and minute.resolution is not None:
            wording = list(minute.resolution.parts)
        if not wording:
            raise DomainError(
                "Say what the motion is (or type the recommendation as the resolution).", "text"
            )
    elif kind == MotionKind.AMENDMENT:
        substantive = substantive_motion(minute)
        if substantive is None:
            raise DomainError("An amendment amends the motion before the meeting: none is.", "motion")
        if any(m.kind == MotionKind.AMENDMENT and m.pending for m in minute.motions):
            raise DomainError("An amendment is before the meeting: decide it or withdraw it first.", "motion")
        if not said_text:
            raise DomainError("Say what the amendment is.", "text")
        if not wording or wording == substantive.parts:
            raise DomainError("Say how the motion would read if the amendment is carried.", "parts")
        amends = substantive.id
    else:
        if any(m.kind == MotionKind.PROCEDURAL and m.pending for m in minute.motions):
            raise DomainError("A procedural motion is before the meeting: decide it first.", "motion")
        if not said_text:
            raise DomainError("Say what the procedural motion is.", "text")
    motion = Motion(
        next_sequential_id("motion", (m.id for m in minute.motions)),
        mover_id,
        kind,
        said_text,
        wording if kind != MotionKind.PROCEDURAL else [],
        amends=amends,
    )
    edit = Edit(meeting)
    edit.set_minute(minute, "motions", [*copy.deepcopy(minute.motions), motion])
    note = _sync_resolution(edit, minute, None, wording) if kind == MotionKind.ORIGINAL else ""
    who = _name(names, mover_id)
    edit.commit(f"{_NOUN[kind]} moved by {who} on “{minute.title}”")
    return f"{_NOUN[kind].capitalize()} moved by {who}.{note}"


def second(
    meeting: Meeting,
    committee: Committee,
    minute_id: str,
    seconder_id: str,
    *,
    motion_id: str | None = None,
    names: Names | None = None,
) -> str:
    """Second the motion before the meeting (or the one named)."""
    minute = _minute(meeting, minute_id)
    motions, motion = _working(minute, motion_id)
    if seconder_id == motion.mover_id:
        raise DomainError("The mover cannot second their own motion.", "seconder")
    _may_act(Electorate(meeting, committee, minute.item_id), seconder_id, names)
    was = motion.seconder_id
    motion.seconder_id = seconder_id
    edit = Edit(meeting)
    edit.set_minute(minute, "motions", motions)
    who = _name(names, seconder_id)
    edit.commit(f"{_NOUN[motion.kind]} on “{minute.title}” seconded by {who}")
    instead = f" (in place of {_name(names, was)})" if was and was != seconder_id else ""
    return f"{_NOUN[motion.kind].capitalize()} seconded by {who}{instead}."


def _put_to_vote(minute: Minute, motion: Motion, vote: Vote) -> None:
    _must_be_before_meeting(minute, motion)
    motion.vote = vote


def _new_vote(entitled: list[str], committee: Committee, method: VoteMethod, **details: object) -> Vote:
    if not entitled:
        raise DomainError("Nobody present may vote on this item.", "vote")
    return Vote(method, entitled=list(entitled), quorum=committee.quorum, **details)  # type: ignore[arg-type]


def _tie_said(vote: Vote) -> str:
    return " The votes are equal: the Chair may use the casting vote." if vote.tied else ""


def count_vote(
    meeting: Meeting,
    committee: Committee,
    minute_id: str,
    votes_for: int,
    votes_against: int,
    abstentions: int = 0,
    *,
    motion_id: str | None = None,
) -> str:
    """A show of hands on the motion before the meeting: the three numbers (a second count
    replaces the first while the motion is undecided)."""
    minute = _minute(meeting, minute_id)
    motions, motion = _working(minute, motion_id)
    entitled = entitled_voters(meeting, committee, minute.item_id)
    if min(votes_for, votes_against, abstentions) < 0:
        raise DomainError("A count is a number from 0.", "vote")
    total = votes_for + votes_against + abstentions
    if total > len(entitled):
        raise DomainError(
            f"{total} votes counted, but only {len(entitled)} members present may vote on this item.", "vote"
        )
    vote = _new_vote(
        entitled,
        committee,
        VoteMethod.COUNT,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
    )
    recount = " (a recount)" if motion.vote is not None else ""
    _put_to_vote(minute, motion, vote)
    edit = Edit(meeting)
    edit.set_minute(minute, "motions", motions)
    edit.commit(f"vote on the {_NOUN[motion.kind]} on “{minute.title}” counted ({counts_said(vote)})")
    return (
        f"Votes on the {_NOUN[motion.kind]}: {counts_said(vote)}{recount}; "
        f"{len(entitled)} may vote.{_tie_said(vote)}{_quorum_warning(vote)}"
    )


def recorded_vote(
    meeting: Meeting,
    committee: Committee,
    minute_id: str,
    voted_for: Sequence[str],
    voted_against: Sequence[str],
    abstained: Sequence[str] = (),
    *,
    motion_id: str | None = None,
    names: Names | None = None,
) -> str:
    """A recorded vote: who voted for, against, and who abstained. Anyone named who may not
    vote on the item is refused, saying why (withdrawn, not present, no vote)."""
    minute = _minute(meeting, minute_id)
    motions, motion = _working(minute, motion_id)
    named = [*voted_for, *voted_against, *abstained]
    twice = next((person for person, times in Counter(named).items() if times > 1), None)
    if twice is not None:
        raise DomainError(f"{_name(names, twice)} is named twice in the recorded vote.", "vote")
    electorate = Electorate(meeting, committee, minute.item_id)
    for person_id in named:
        _may_act(electorate, person_id, names)
    vote = _new_vote(
        electorate.entitled(),
        committee,
        VoteMethod.RECORDED,
        votes_for=len(voted_for),
        votes_against=len(voted_against),
        abstentions=len(abstained),
        named_for=list(voted_for),
        named_against=list(voted_against),
        named_abstained=list(abstained),
    )
    _put_to_vote(minute, motion, vote)
    edit = Edit(meeting)
    edit.set_minute(minute, "motions", motions)
    edit.commit(f"recorded vote on the {_NOUN[motion.kind]} on “{minute.title}” ({counts_said(vote)})")
    silent = len(vote.entitled) - len(named)
    not_voting = f"; {silent} present did not vote" if silent else ""
    return (
        f"Recorded vote on the {_NOUN[motion.kind]}: {counts_said(vote)}{not_voting}."
        f"{_tie_said(vote)}{_quorum_warning(vote)}"
    )


def _decide(edit: Edit, minute: Minute, motions: list[Motion], motion: Motion, result: MotionResult) -> str:
    """Give ``motion`` (in the working copy ``motions``) its result, with what follows: an
    amendment carried changes the substantive motion and its resolution; a substantive
    motion carried is the resolution; lost or withdrawn, the resolution it filled goes.
    The motions are set last, once, so that the step holds them as they end."""
    motion.result = result
    note = ""
    if motion.kind == MotionKind.AMENDMENT and result == MotionResult.CARRIED:
        substantive = next(m for m in motions if m.id == motion.amends)
        old = list(substantive.parts)
        substantive.parts = list(motion.parts)
        note = _sync_resolution(edit, minute, old, motion.parts) or " The motion now reads as amended."
    elif motion.kind == MotionKind.ORIGINAL and result == MotionResult.CARRIED:
        if minute.resolution is None:
            edit.set_minute(
                minute, "resolution", Resolution(list(motion.parts), opening=_opening(motion.parts))
            )
        elif minute.resolution.parts != motion.parts:
            edit.set_minute(minute, "resolution.parts", list(motion.parts))
            note = " The resolution now reads as the motion carried (what was typed there is replaced)."
    elif motion.kind == MotionKind.ORIGINAL and _holds(minute.resolution, motion.parts):
        edit.set_minute(minute, "resolution", None)
        note = " The resolution it filled is taken out."
    edit.set_minute(minute, "motions", motions)
    return note


def _holds(resolution: Resolution | None, parts: Sequence[str]) -> bool:
    return resolution is not None and resolution.parts == list(parts)


_RESULT_SAID = {
    MotionResult.CARRIED: "CARRIED",
    MotionResult.LOST: "LOST",
    MotionResult.WITHDRAWN: "withdrawn",
}


def declare_result(
    meeting: Meeting,
    committee: Committee,
    minute_id: str,
    result: MotionResult | None = None,
    *,
    motion_id: str | None = None,
) -> str:
    """The Chair declares the result of the vote on the motion before the meeting (None:
    as the vote has it). Refused when it contradicts the numbers, or when the votes are
    equal and no casting vote was used (the motion may then only be lost)."""
    minute = _minute(meeting, minute_id)
    motions, motion = _working(minute, motion_id)
    _must_be_before_meeting(minute, motion)
    vote = motion.vote
    if vote is None:
        raise DomainError(
            "Take the vote first: a count, a recorded vote, unanimous, or without a vote.", "result"
        )
    expected = expected_result(vote)
    if result is None:
        if expected is None:
            raise DomainError(
                f"The votes are equal ({counts_said(vote)}): record the Chair's casting vote, "
                "or declare the motion lost.",
                "result",
            )
        result = expected
    if result not in {MotionResult.CARRIED, MotionResult.LOST}:
        raise DomainError("A vote carries a motion or loses it; withdraw it instead.", "result")
    if expected is not None and result != expected:
        raise DomainError(
            f"The vote ({counts_said(vote)}) has the {_NOUN[motion.kind]} {_RESULT_SAID[expected]}: "
            f"it cannot be declared {_RESULT_SAID[result]}.",
            "result",
        )
    if expected is None and result == MotionResult.CARRIED:
        raise DomainError("The votes are equal: only the Chair's casting vote carries it.", "result")
    edit = Edit(meeting)
    note = _decide(edit, minute, motions, motion, result)
    edit.commit(f"{_NOUN[motion.kind]} on “{minute.title}” {_RESULT_SAID[result]}")
    return f"The {_NOUN[motion.kind]} is {_RESULT_SAID[result]}.{note}"


def _carried_by_assent(
    meeting: Meeting, committee: Committee, minute_id: str, method: VoteMethod, motion_id: str | None
) -> str:
    minute = _minute(meeting, minute_id)
    motions, motion = _working(minute, motion_id)
    vote = _new_vote(entitled_voters(meeting, committee, minute.item_id), committee, method)
    _put_to_vote(minute, motion, vote)
    edit = Edit(meeting)
    note = _decide(edit, minute, motions, motion, MotionResult.CARRIED)
    how = "unanimously" if method == VoteMethod.UNANIMOUS else "without a vote"
    edit.commit(f"{_NOUN[motion.kind]} on “{minute.title}” CARRIED {how}")
    return f"The {_NOUN[motion.kind]} is CARRIED {how}.{note}{_quorum_warning(vote)}"


def carried_unanimously(
    meeting: Meeting, committee: Committee, minute_id: str, *, motion_id: str | None = None
) -> str:
    """The motion before the meeting carried unanimously (vote and result in one step)."""
    return _carried_by_assent(meeting, committee, minute_id, VoteMethod.UNANIMOUS, motion_id)


def carried_without_vote(
    meeting: Meeting, committee: Committee, minute_id: str, *, motion_id: str | None = None
) -> str:
    """The motion before the meeting carried without a vote, by assent."""
    return _carried_by_assent(meeting, committee, minute_id, VoteMethod.WITHOUT_VOTE, motion_id)


def casting_vote(
    meeting: Meeting,
    committee: Committee,
    minute_id: str,
    in_favour: bool,
    *,
    presiding_id: str | None = None,
    motion_id: str | None = None,
    names: Names | None = None,
) -> str:
    """The Chair's casting vote on equal votes, which decides the motion. ``presiding_id``:
    who is in the Chair for the item if not the meeting's Chair (who withdrew for it)."""
    minute = _minute(meeting, minute_id)
    motions, motion = _working(minute, motion_id)
    _must_be_before_meeting(minute, motion)
    vote = motion.vote
    if vote is None or not vote.tied:
        raise DomainError("A casting vote is used only when a counted vote is equal.", "vote")
    presiding = presiding_id or chair_of(meeting, committee)
    if presiding is None:
        raise DomainError("The committee has no Chair recorded: say who is in the Chair.", "chair")
    if presiding not in vote.entitled:
        standing = voting_standing(meeting, committee, minute.item_id, presiding, names)
        why = standing.reason or f"{_name(names, presiding)} was not among those who could vote."
        raise DomainError(f"{why} The casting vote is that of the Chair of the item.", "chair")
    vote.casting = CastingVote(presiding, in_favour)
    result = MotionResult.CARRIED if in_favour else MotionResult.LOST
    edit = Edit(meeting)
    note = _decide(edit, minute, motions, motion, result)
    direction = "in favour" if in_favour else "against"
    edit.commit(f"casting vote {direction} of the {_NOUN[motion.kind]} on “{minute.title}”")
    return f"The Chair's casting vote {direction}: the {_NOUN[motion.kind]} is {_RESULT_SAID[result]}.{note}"


def withdraw_motion(meeting: Meeting, minute_id: str, *, motion_id: str | None = None) -> str:
    """The mover withdraws the motion before the meeting (with its consent), before a decision."""
    minute = _minute(meeting, minute_id)
    motions, motion = _working(minute, motion_id)
    if motion.kind == MotionKind.ORIGINAL and any(
        m.amends == motion.id and m.pending for m in minute.motions
    ):
        raise DomainError(
            "An amendment to it is before the meeting: decide or withdraw that first.", "motion"
        )
    motion.vote = None
    edit = Edit(meeting)
    note = _decide(edit, minute, motions, motion, MotionResult.WITHDRAWN)
    edit.commit(f"{_NOUN[motion.kind]} on “{minute.title}” withdrawn")
    return f"The {_NOUN[motion.kind]} is withdrawn.{note}"


# --- checking the record ---------------------------------------------------------------------
def _in_room_during(meeting: Meeting, item_id: str | None) -> set[str]:
    """Everyone in the room at some moment of the item: at its start, or entering during it."""
    ids = meeting.agenda_ids()
    limit = _limit(meeting, item_id)
    if item_id is None:
        return in_room_after(meeting.attendance, ids, None)
    start = in_room_after(meeting.attendance, ids, ids[limit - 1] if limit > 0 else None)
    entering = {e.person_id for e in meeting.attendance if e.item_id == item_id and e.kind in ENTERS}
    return start | entering


def vote_problems(
    meeting: Meeting, committee: Committee, minute: Minute, names: Names | None = None
) -> list[str]:
    """What is wrong with the minute's votes against the timeline as it stands now (a mark
    corrected after the vote), and votes taken when the meeting was not quorate."""
    problems: list[str] = []
    if not any(motion.vote for motion in minute.motions):
        return problems
    electorate = Electorate(meeting, committee, minute.item_id)
    seating, withdrew = electorate.seating, electorate.withdrew
    in_room = _in_room_during(meeting, minute.item_id)
    for motion in minute.motions:
        vote = motion.vote
        if vote is None:
            continue
        noun = _NOUN[motion.kind]
        voters = vote.voters() or vote.entitled
        for person_id in voters:
            seat, why = seating.seat_of(meeting, committee, person_id, names)
            if not seat:
                problems.append(f"“{minute.title}”, the vote on the {noun}: {why}")
            elif person_id in withdrew or person_id not in in_room:
                problems.append(
                    f"“{minute.title}”, the vote on the {noun}: {_name(names, person_id)} is counted among "
                    "those who could vote, but is not recorded as present for the item now."
                )
        if vote.not_quorate:
            problems.append(
                f"“{minute.title}”: the vote on the {noun} was taken when the meeting was not quorate "
                f"({len(vote.entitled)} voting members present, {vote.quorum} needed)."
            )
    return problems


__all__ = [
    "Electorate",
    "Names",
    "Standing",
    "amended",
    "carried_unanimously",
    "carried_without_vote",
    "casting_vote",
    "chair_of",
    "count_vote",
    "counts_said",
    "declare_result",
    "entitled_voters",
    "expected_result",
    "motion_before",
    "move",
    "quorum_at_vote",
    "recorded_vote",
    "resolving_motion",
    "second",
    "substantive_motion",
    "vote_problems",
    "voting_standing",
    "withdraw_motion",
]
