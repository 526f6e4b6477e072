"""How a minute's motions and votes print, in the house's wording (``HouseStyle.votes``).

Printed after the narrative, in the order moved, each motion that is not the resolution
as one sentence ("An amendment moved by ..., that ..., was put to the vote and LOST (3 for,
6 against, 1 abstention).") with its recorded vote below it; then the substantive motion
carried, as the words that lead into the RESOLVED ("On the motion of Councillor A,
seconded by Councillor B, it was"), which the minutes printer prints next as it always
does. A minute with no motions prints nothing here, so papers without votes are unchanged.

``vote_panel`` is what the live screen's vote panel shows: the minute's motions, the one
before the meeting, and who may vote now (and why not).

Pure: names and wording come from the papers; nothing is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from clerk_tui.domain import (
    DomainError,
    Minute,
    Motion,
    MotionKind,
    MotionResult,
    Vote,
    VoteMethod,
    VoteWording,
)
from clerk_tui.domain.live import printed_name_of
from clerk_tui.domain.votes import (
    Electorate,
    amended,
    counts_said,
    motion_before,
    quorum_at_vote,
    resolving_motion,
    vote_problems,
)
from clerk_tui.render.document import Block, Emphasis, Paragraph
from clerk_tui.render.names import Named, councillors_first_list, minutes_name, titled
from clerk_tui.render.papers import MeetingPapers, surname_key

_DEFAULTS = VoteWording()


class _Fill(dict[str, str]):
    """Placeholders a wording names that the printer does not know stay as typed."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(out: _Out, name: str, values: Mapping[str, str]) -> str:
    """The house's wording ``name`` with its placeholders filled in; a wording that cannot
    be read (a stray brace) prints the neutral default, with a warning."""
    template: str = getattr(out.papers.style.votes, name)
    try:
        return template.format_map(_Fill(values))
    except (ValueError, IndexError, AttributeError):
        out.papers.warnings.append(
            f"The house style's wording “{name}” for votes cannot be read: the default is printed."
        )
        default: str = getattr(_DEFAULTS, name)
        return default.format_map(_Fill(values))


@dataclass
class _Out:
    """One printing of one minute (or one panel): the papers, and each person's name as
    the minutes print it, worked out once."""

    papers: MeetingPapers
    named: dict[str, Named] = field(default_factory=dict)

    def person(self, person_id: str) -> Named:
        if person_id not in self.named:
            person = self.papers.person(person_id)
            printed = printed_name_of(self.papers.meeting, person_id)
            self.named[person_id] = Named(minutes_name(person, self.papers.style, printed), person.councillor)
        return self.named[person_id]

    def name(self, person_id: str) -> str:
        """``Councillor Carla Thomas``, as the minutes name a mover or seconder."""
        return titled(self.person(person_id), self.papers.style)


def _moved(out: _Out, motion: Motion) -> str:
    mover = out.name(motion.mover_id)
    if motion.seconder_id is None:
        return _fill(out, "moved_unseconded", {"mover": mover})
    return _fill(out, "moved", {"mover": mover, "seconder": out.name(motion.seconder_id)})


def _text(motion: Motion) -> str:
    """What the motion proposes, after "that": its text, or its parts as the resolution
    printer would join them ("(1) ...; and (2) ...")."""
    if motion.text:
        return motion.text
    if len(motion.parts) == 1:
        return motion.parts[0]
    numbered = [f"({n}) {part}" for n, part in enumerate(motion.parts, start=1)]
    return "; ".join(numbered[:-1]) + "; and " + numbered[-1]


def _votes(out: _Out, vote: Vote) -> str:
    """``3 for, 6 against, 1 abstention``."""
    counts = _fill(out, "counts", {"for": str(vote.votes_for), "against": str(vote.votes_against)})
    if vote.abstentions:
        wording = "abstention" if vote.abstentions == 1 else "abstentions"
        return f"{counts}, {_fill(out, wording, {'n': str(vote.abstentions)})}"
    nobody = _fill(out, "no_abstentions", {"n": "0"})
    return f"{counts}, {nobody}" if nobody else counts


def _listed(out: _Out, people: list[str]) -> str:
    """A recorded vote's list: alphabetical by surname (then name), "Councillors A, B and C"."""
    if not people:
        return _fill(out, "nobody", {})
    known = out.papers.people
    ordered = sorted(people, key=lambda p: (surname_key(known.get(p)), out.person(p).name, p))
    return councillors_first_list([out.person(p) for p in ordered], out.papers.style)


def _recorded(out: _Out, vote: Vote) -> Paragraph:
    return Paragraph(
        _fill(
            out,
            "recorded",
            {
                "for": _listed(out, vote.named_for),
                "against": _listed(out, vote.named_against),
                "abstained": _listed(out, vote.named_abstained),
            },
        )
    )


_LABEL = {
    MotionKind.ORIGINAL: "motion",
    MotionKind.AMENDMENT: "amendment",
    MotionKind.PROCEDURAL: "procedural",
}


def _values(out: _Out, motion: Motion) -> dict[str, str]:
    wording = out.papers.style.votes
    values = {
        "motion": getattr(wording, _LABEL[motion.kind]),
        "moved": _moved(out, motion),
        "mover": out.name(motion.mover_id),
        "text": _text(motion),
        "result": wording.carried if motion.result == MotionResult.CARRIED else wording.lost,
    }
    if motion.vote is not None and motion.vote.counted:
        values["votes"] = _votes(out, motion.vote)
    if motion.vote is not None and motion.vote.casting is not None:
        values["direction"] = wording.in_favour if motion.vote.casting.in_favour else wording.against
    return values


def _put(out: _Out, motion: Motion, number: int) -> list[Block]:
    """A motion that is not the resolution: moved, and what became of it."""
    values = _values(out, motion)
    vote = motion.vote
    if motion.result == MotionResult.WITHDRAWN:
        return [Paragraph(_fill(out, "withdrawn", values))]
    if motion.pending or vote is None:
        out.papers.warnings.append(
            f"Minute {number}: {values['motion']} moved by {values['mover']} has no result recorded."
        )
        return [
            Paragraph(
                f"[STILL BEFORE THE MEETING: {values['motion']} moved by {values['moved']}, "
                f"that {values['text']}]",
                Emphasis.PLACEHOLDER,
            )
        ]
    if vote.method == VoteMethod.UNANIMOUS:
        return [Paragraph(_fill(out, "put_unanimously", values))]
    if vote.method == VoteMethod.WITHOUT_VOTE:
        return [Paragraph(_fill(out, "without_vote", values))]
    sentence = _fill(out, "put_casting" if vote.casting else "put", values)
    blocks: list[Block] = [Paragraph(sentence)]
    if vote.method == VoteMethod.RECORDED:
        blocks.append(_recorded(out, vote))
    return blocks


def _resolving(out: _Out, minute: Minute, motion: Motion) -> list[Block]:
    """The substantive motion carried: what leads into its RESOLVED."""
    values = _values(out, motion)
    values["as_amended"] = out.papers.style.votes.as_amended if amended(minute, motion) else ""
    vote = motion.vote
    blocks: list[Block] = []
    if vote is not None and vote.method == VoteMethod.RECORDED:
        blocks.append(_recorded(out, vote))
    if vote is None or vote.method == VoteMethod.WITHOUT_VOTE:
        wording = "resolved"
    elif vote.method == VoteMethod.UNANIMOUS:
        wording = "resolved_unanimously"
    elif vote.casting is not None:
        wording = "resolved_casting"
    else:
        wording = "resolved" if vote.method == VoteMethod.RECORDED else "resolved_counted"
    blocks.append(Paragraph(_fill(out, wording, values)))
    return blocks


def motion_blocks(papers: MeetingPapers, minute: Minute, number: int) -> list[Block]:
    """The minute's motions and votes, to print between its narrative and its resolution;
    nothing for a minute without motions. Problems with the votes go to the warnings."""
    if not minute.motions:
        return []
    out = _Out(papers)
    if vote_problems(papers.meeting, papers.committee, minute):
        names = {pid: out.name(pid) for motion in minute.motions for pid in _people_of(motion)}
        papers.warnings.extend(
            f"Minute {number}: {problem}"
            for problem in vote_problems(papers.meeting, papers.committee, minute, names)
        )
    resolving = resolving_motion(minute)
    blocks: list[Block] = []
    for motion in minute.motions:
        if motion is not resolving:
            blocks.extend(_put(out, motion, number))
    if resolving is not None:
        blocks.extend(_resolving(out, minute, resolving))
    return blocks


def _people_of(motion: Motion) -> list[str]:
    people = [motion.mover_id, *([motion.seconder_id] if motion.seconder_id else [])]
    if motion.vote is not None:
        people += motion.vote.entitled
    return people


# --- what the live screen's vote panel shows ----------------------------------------------------
@dataclass(frozen=True)
class VoterLine:
    """One person the panel lists for a recorded vote: may they vote, and if not, why not."""

    person_id: str
    name: str
    may_vote: bool
    reason: str = ""


@dataclass(frozen=True)
class MotionLine:
    motion_id: str
    summary: str
    """``Amendment (Councillor Hughes, seconded by Councillor Moss): LOST, 3 for, 6 against``."""
    before_meeting: bool


@dataclass(frozen=True)
class VotePanel:
    """The motions of the current minute and who may vote on it now (pure, for the screen)."""

    motions: tuple[MotionLine, ...]
    voters: tuple[VoterLine, ...]
    """Everyone recorded at the meeting or on the committee, those who may vote first."""
    may_vote: int
    quorum: str
    """``10 of 4 needed: quorate``."""
    before: str | None
    """The id of the motion the next vote is on (None: move one)."""


def _summary(out: _Out, motion: Motion) -> str:
    moved = _moved(out, motion)
    if motion.pending:
        state = (
            f"before the meeting, {counts_said(motion.vote)} counted" if motion.vote else "before the meeting"
        )
    elif motion.vote is not None and motion.vote.counted:
        state = f"{motion.result.value.upper()}, {counts_said(motion.vote)}"
    elif motion.vote is not None:
        how = "unanimously" if motion.vote.method == VoteMethod.UNANIMOUS else "without a vote"
        state = f"{motion.result.value.upper()} {how}"
    else:
        state = motion.result.value
    return f"{motion.kind.noun} ({moved}): {state}"


def vote_panel(papers: MeetingPapers, minute_id: str) -> VotePanel:
    """What the vote panel of the live screen shows for ``minute_id``."""
    meeting, committee = papers.meeting, papers.committee
    minute = next((m for m in meeting.minutes if m.id == minute_id), None)
    if minute is None:
        raise DomainError(f"There is no minute {minute_id!r}.", "minute")
    out = _Out(papers)
    before = motion_before(minute)
    motions = tuple(
        MotionLine(m.id, _summary(out, m), before is not None and m.id == before.id) for m in minute.motions
    )
    rank = papers.rank()
    people = dict.fromkeys([*rank, *(e.person_id for e in meeting.attendance)])
    names = {person_id: out.name(person_id) for person_id in people}
    electorate = Electorate(meeting, committee, minute.item_id)
    lines = []
    for person_id in people:
        standing = electorate.standing(person_id, names)
        lines.append(VoterLine(person_id, names[person_id], standing.may_vote, standing.reason))
    lines.sort(key=lambda line: not line.may_vote)
    quorum = quorum_at_vote(meeting, committee, minute.item_id)
    return VotePanel(motions, tuple(lines), quorum.counted, quorum.describe(), before.id if before else None)
