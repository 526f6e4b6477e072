"""Motions and votes as recorded on a minute: the records only.

The rules (who may move, second and vote, what a count may say, what carrying an
amendment does) and the live operations are in ``clerk_tui.domain.votes``; this module
holds the data, so that ``Minute`` can carry its motions without importing the rules.

A vote's own consistency is checked here, so that a file read from disk or imported
cannot hold a vote that could never have been taken: counts that are negative or add up
to more members than could vote, a name in two lists, a casting vote without a tie.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from clerk_tui.domain.errors import DomainError


class MotionKind(StrEnum):
    ORIGINAL = "original"
    """A substantive motion: carried, it is the minute's resolution."""
    AMENDMENT = "amendment"
    """Changes the substantive motion before the meeting; carried, the motion reads as amended."""
    PROCEDURAL = "procedural"
    """About the conduct of the business ("that the question be now put"): no resolution."""

    @property
    def noun(self) -> str:
        """What a motion of this kind is called, at the start of a line: "Amendment"."""
        return {"original": "Motion", "amendment": "Amendment", "procedural": "Procedural motion"}[self.value]


class MotionResult(StrEnum):
    PENDING = "pending"
    """Before the meeting: moved, not yet decided."""
    CARRIED = "carried"
    LOST = "lost"
    WITHDRAWN = "withdrawn"
    """Withdrawn by its mover, with the consent of the meeting, before a decision."""


class VoteMethod(StrEnum):
    COUNT = "count"
    """A show of hands: numbers for, against and abstaining."""
    RECORDED = "recorded"
    """A recorded (named) vote: who voted for, against, and who abstained."""
    UNANIMOUS = "unanimous"
    """Carried unanimously."""
    WITHOUT_VOTE = "without-vote"
    """Carried without a vote (by assent)."""


COUNTED = frozenset({VoteMethod.COUNT, VoteMethod.RECORDED})
"""Methods with numbers, which may tie."""


@dataclass
class CastingVote:
    """The Chair's second, casting, vote on equal votes (LGA 1972 Sch 12 para 39(2))."""

    person_id: str
    in_favour: bool


@dataclass
class Vote:
    """How a motion was put to the meeting, and who could vote when it was."""

    method: VoteMethod
    votes_for: int = 0
    votes_against: int = 0
    abstentions: int = 0
    named_for: list[str] = field(default_factory=list)
    """For a recorded vote: the people (ids) who voted for, and so on."""
    named_against: list[str] = field(default_factory=list)
    named_abstained: list[str] = field(default_factory=list)
    entitled: list[str] = field(default_factory=list)
    """Who was present and entitled to vote when it was taken (the seat holders, a
    substitute in place of the member replaced): no count may exceed them."""
    quorum: int | None = None
    """The committee's quorum when it was taken (None: none set)."""
    casting: CastingVote | None = None

    def __post_init__(self) -> None:
        counts = (self.votes_for, self.votes_against, self.abstentions)
        if any(count < 0 for count in counts):
            raise DomainError("A vote cannot count fewer than no members.", "vote")
        if len(set(self.entitled)) != len(self.entitled):
            raise DomainError("A member is listed twice among those who could vote.", "vote.entitled")
        if sum(counts) > len(self.entitled):
            raise DomainError(
                f"{sum(counts)} votes counted, but only {len(self.entitled)} members present could vote.",
                "vote",
            )
        if self.method == VoteMethod.RECORDED:
            self._check_named()
        elif self.named_for or self.named_against or self.named_abstained:
            raise DomainError("Only a recorded vote names who voted.", "vote")
        if self.casting is not None:
            if self.method not in COUNTED or self.votes_for != self.votes_against:
                raise DomainError("A casting vote is only used when the votes are equal.", "vote.casting")
            if self.casting.person_id not in self.entitled:
                raise DomainError("The casting vote is the Chair's, who must be present.", "vote.casting")

    def _check_named(self) -> None:
        named = [*self.named_for, *self.named_against, *self.named_abstained]
        if len(set(named)) != len(named):
            raise DomainError("A member is named twice in the recorded vote.", "vote")
        strangers = [person for person in named if person not in self.entitled]
        if strangers:
            raise DomainError(
                f"{strangers[0]} is named in the recorded vote but could not vote on it.", "vote"
            )
        lists = (self.named_for, self.named_against, self.named_abstained)
        if (self.votes_for, self.votes_against, self.abstentions) != tuple(len(names) for names in lists):
            raise DomainError("A recorded vote's numbers are those of the names in it.", "vote")

    @property
    def counted(self) -> bool:
        return self.method in COUNTED

    @property
    def tied(self) -> bool:
        return self.counted and self.votes_for == self.votes_against

    @property
    def not_quorate(self) -> bool:
        return self.quorum is not None and len(self.entitled) < self.quorum

    def voters(self) -> list[str]:
        """Everyone a recorded vote names."""
        return [*self.named_for, *self.named_against, *self.named_abstained]


@dataclass
class Motion:
    """One motion, amendment or procedural motion moved on a minute, and what became of it."""

    id: str
    mover_id: str
    kind: MotionKind = MotionKind.ORIGINAL
    text: str = ""
    """What it proposes, as printed after "that" ("a further condition be added ...");
    empty for a substantive motion printed from its parts."""
    parts: list[str] = field(default_factory=list)
    """A substantive motion: the resolution it makes, one part each. An amendment: the
    substantive motion as it would read if the amendment is carried."""
    seconder_id: str | None = None
    amends: str | None = None
    """An amendment: the id of the motion it amends."""
    vote: Vote | None = None
    result: MotionResult = MotionResult.PENDING

    def __post_init__(self) -> None:
        if not self.mover_id:
            raise DomainError("A motion is moved by someone: say who.", "mover")
        if self.seconder_id is not None and self.seconder_id == self.mover_id:
            raise DomainError("The mover cannot second their own motion.", "seconder")
        if (self.kind == MotionKind.AMENDMENT) != (self.amends is not None):
            raise DomainError("An amendment, and only an amendment, amends another motion.", "amends")
        if self.result in {MotionResult.CARRIED, MotionResult.LOST} and self.vote is None:
            raise DomainError("A motion is carried or lost on a vote: record the vote.", "result")
        if self.result == MotionResult.PENDING and self.vote is not None and self.vote.casting is not None:
            raise DomainError("A casting vote decides the motion: it cannot be pending.", "result")

    @property
    def pending(self) -> bool:
        return self.result == MotionResult.PENDING
