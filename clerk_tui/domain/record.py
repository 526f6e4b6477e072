"""What a meeting keeps of its minutes' lifecycle (``Meeting.record``): the circulated
revisions, the confirmation and the signature with its frozen copies.

Plain data; the rules that move a record from one state to the next are in
``clerk_tui.domain.approval``. The state is derived from what the record holds, never
stored beside it, so the two cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.summary import RecordState


def digest(text: str) -> str:
    """SHA-256 of the text as UTF-8, in hex."""
    import hashlib  # here: printing minutes (`clerk export`) never hashes them

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Revision:
    """One circulated draft, frozen as it was sent."""

    number: int
    circulated_on: date
    text: str
    sha256: str
    sent_to: str = ""
    """ "the Chair", "Members of the Board"."""


@dataclass
class Confirmation:
    """The meeting that confirmed the minutes as a correct record, and how."""

    meeting_id: str
    minute_id: str
    """Its previous-minutes minute, which prints the confirmation."""
    confirmed_on: date
    revision: int
    """The circulated revision that was before that meeting."""
    amendments: list[str] = field(default_factory=list)
    """Corrections made at confirmation ("subject to the following amendment ...")."""


@dataclass
class FrozenCopy:
    """One copy of the signed minutes: the printed text and the document model, each with
    its SHA-256 as recorded when the Chair signed."""

    text: str
    text_sha256: str
    model: str
    model_sha256: str

    @classmethod
    def of(cls, text: str, model: str) -> FrozenCopy:
        return cls(text, digest(text), model, digest(model))

    def problems(self, which: str) -> list[str]:
        found = []
        if digest(self.text) != self.text_sha256:
            found.append(f"the {which} text does not match the SHA-256 recorded when it was signed")
        if digest(self.model) != self.model_sha256:
            found.append(f"the {which} layout does not match the SHA-256 recorded when it was signed")
        return found


@dataclass
class Signature:
    """The Chair's signature of confirmed minutes, with the copy signed."""

    chair_name: str
    """As the Chair signed: "Councillor Cummins"."""
    signed_on: date
    copy: FrozenCopy
    """The full copy, exempt business included."""
    public_copy: FrozenCopy | None = None
    """The public copy, when exempt business made it differ from the full one."""
    chair_id: str | None = None
    pages: int = 0
    """Minute-book pages the signed copy fills (0: not counted). The next minutes of the
    year start on the page after, however later printers paginate this copy."""


@dataclass
class MinutesRecord:
    """The minutes' record: circulated revisions, their confirmation and signature."""

    revisions: list[Revision] = field(default_factory=list)
    confirmation: Confirmation | None = None
    signature: Signature | None = None

    @property
    def state(self) -> RecordState:
        if self.signature is not None:
            return RecordState.SIGNED
        if self.confirmation is not None:
            return RecordState.CONFIRMED
        if self.revisions:
            return RecordState.CIRCULATED
        return RecordState.DRAFT

    def latest(self) -> Revision | None:
        return self.revisions[-1] if self.revisions else None

    def revision(self, number: int) -> Revision:
        for revision in self.revisions:
            if revision.number == number:
                return revision
        raise DomainError(f"There is no revision {number} of these minutes.", "revision")
