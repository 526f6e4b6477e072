"""Committees, their membership and their house style."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum

from clerk_tui.domain.agenda import ItemKind
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.people import OfficerContact
from clerk_tui.domain.venue import Venue


class Role(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice-chair"
    MEMBER = "member"
    SUBSTITUTE = "substitute"
    CO_OPTED = "co-opted"
    """Co-opted or partner member (Healthwatch on O&S)."""


class OrganisationStyle(StrEnum):
    """Whether and how minutes print organisations beside names."""

    NONE = "none"
    BRACKETS = "brackets"
    """``Deborah Butcher (Sefton Council)`` (HWB 2022)."""
    COMMA = "comma"
    """``Diane Blair, Healthwatch Sefton`` (O&S 2023)."""


class CouncillorNames(StrEnum):
    """How minutes name councillors."""

    SHORT = "short"
    """``Councillor Cummins`` (HWB 2019)."""
    FULL = "full"
    """``Councillor Carla Thomas`` (O&S 2023)."""


class MemberOrder(StrEnum):
    """How front sheets and PRESENT blocks order members after the Chair and Vice-Chair."""

    LISTED = "listed"
    """As the membership is listed (HWB: councillors, then partners, not alphabetical)."""
    ALPHABETICAL = "alphabetical"
    """Councillors alphabetically by surname, co-optees last (O&S)."""


class ExemptDeclarations(StrEnum):
    """How public minutes show a declaration of interest made on an exempt item."""

    KIND_ONLY = "kind-only"
    """The member, the minute and the kind of interest; its nature is not published."""
    LEFT_OUT = "left-out"
    """Not listed; the minutes say that such declarations are in the exempt minute."""


class FrontSheetDate(StrEnum):
    LONG = "long"
    """``Tuesday 23 January 2024``."""
    ORDINAL = "ordinal"
    """``8th March 2023``."""


@dataclass
class Membership:
    """One person's seat on one committee, for a span of dates."""

    person_id: str
    role: Role = Role.MEMBER
    voting: bool = True
    start: date | None = None
    end: date | None = None

    def active_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def counts_for_quorum(self) -> bool:
        return self.voting and self.role in {Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.CO_OPTED}


@dataclass
class VoteWording:
    """How the minutes word motions and votes (issue 14): each a setting of the house style,
    the defaults neutral. ``{mover}``, ``{moved}``, ``{motion}``, ``{text}``, ``{result}``,
    ``{votes}``, ``{direction}``, ``{for}``, ``{against}``, ``{abstained}`` and ``{n}`` are
    filled in by the printer; a wording that leaves one out simply does not print it."""

    moved: str = "{mover}, seconded by {seconder}"
    """The mover and seconder, as ``{moved}`` in the wordings below."""
    moved_unseconded: str = "{mover}"
    resolved: str = "On the motion of {moved}{as_amended}, it was"
    """Before the RESOLVED of the motion carried without a count (or after a recorded vote)."""
    resolved_counted: str = (
        "On the motion of {moved}{as_amended}, and on being put to the vote ({votes}), it was"
    )
    resolved_unanimously: str = "On the motion of {moved}{as_amended}, it was unanimously"
    resolved_casting: str = (
        "On the motion of {moved}{as_amended}, and on being put to the vote ({votes}), "
        "the Chair having used the casting vote in favour, it was"
    )
    as_amended: str = ", as amended"
    """``{as_amended}``: printed when an amendment to the motion was carried."""
    put: str = "{motion} moved by {moved}, that {text}, was put to the vote and {result} ({votes})."
    put_unanimously: str = (
        "{motion} moved by {moved}, that {text}, was put to the vote and {result} unanimously."
    )
    put_casting: str = (
        "{motion} moved by {moved}, that {text}, was put to the vote ({votes}); "
        "the Chair used the casting vote {direction} and it was {result}."
    )
    without_vote: str = "{motion} moved by {moved}, that {text}, was {result} without a vote."
    withdrawn: str = "{motion} moved by {moved}, that {text}, was withdrawn."
    recorded: str = "A recorded vote was taken: FOR: {for}; AGAINST: {against}; ABSTAINED: {abstained}."
    nobody: str = "none"
    """An empty list in a recorded vote."""
    counts: str = "{for} for, {against} against"
    abstention: str = "{n} abstention"
    abstentions: str = "{n} abstentions"
    no_abstentions: str = ""
    """Printed after the counts when nobody abstained ("0 abstentions"); empty leaves it out."""
    carried: str = "CARRIED"
    lost: str = "LOST"
    motion: str = "A motion"
    amendment: str = "An amendment"
    procedural: str = "A procedural motion"
    in_favour: str = "in favour"
    against: str = "against"


HWB_OPENING_ORDER = [ItemKind.APOLOGIES, ItemKind.PREVIOUS_MINUTES, ItemKind.DECLARATIONS]
OS_OPENING_ORDER = [ItemKind.APOLOGIES, ItemKind.DECLARATIONS, ItemKind.PREVIOUS_MINUTES]


@dataclass
class HouseStyle:
    """Everything that differs between one committee's papers and another's.

    A second committee's style is configuration, never a special case in code.
    """

    opening_order: list[ItemKind] = field(default_factory=lambda: list(OS_OPENING_ORDER))
    call_in_banner: bool = False
    call_in_wording: str = "THIS SET OF MINUTES IS NOT SUBJECT TO “CALL-IN”"
    previous_minutes_title: str = "Minutes of the Previous Meeting"
    organisations_in_minutes: OrganisationStyle = OrganisationStyle.NONE
    councillor_names: CouncillorNames = CouncillorNames.FULL
    municipal_year_start_month: int = 5
    municipal_year_start_day: int = 1
    front_sheet_date: FrontSheetDate = FrontSheetDate.LONG
    agenda_heading: str = "AGENDA"
    council_name: str = "Sefton Council"
    """Printed under "Public Document Pack"; empty to leave the line out (HWB)."""
    description_full_stop: bool = True
    """O&S ends "Report of ..." and "Minutes of the meeting held on ..." with "."; HWB does not."""
    capitalise_resolution_parts: bool = False
    """"(1) The report be noted;" (2022) rather than "(1) the report be noted;" (2019)."""
    comma_before_year: bool = False
    """Body dates "13 March, 2019" (2019) rather than "28 September 2022"."""
    vice_chair_line: bool = True
    """Print the Vice-Chair on a line of its own in the PRESENT block."""
    member_order: MemberOrder = MemberOrder.ALPHABETICAL
    officer_comma: bool = True
    """"Laura Bootland, Senior Democratic Services Officer" or "Amy Dyson Democratic Services Officer"."""
    running_header_separator: str = " - "
    """Between the body's name and the date in the running header ("BOARD- WEDNESDAY" in HWB)."""
    exempt_declarations: ExemptDeclarations = ExemptDeclarations.KIND_ONLY
    """Public minutes: how a declaration on an exempt item is shown (never its nature)."""
    votes: VoteWording = field(default_factory=VoteWording)
    """How motions and votes are worded; missing from files written before they were recorded."""

    def __post_init__(self) -> None:
        if not 1 <= self.municipal_year_start_month <= 12:
            raise DomainError("The municipal year must start in a month 1-12.", "municipal_year_start_month")


@dataclass
class Committee:
    id: str
    name: str
    """"Health and Wellbeing Board"."""
    noun: str = "the Committee"
    """How minutes refer to the body: "the Board", "the Committee"."""
    short_name: str = ""
    members: list[Membership] = field(default_factory=list)
    quorum: int | None = None
    officer: OfficerContact = field(default_factory=OfficerContact)
    style: HouseStyle = field(default_factory=HouseStyle)
    venue: Venue = field(default_factory=Venue)
    """Where it usually meets; a new meeting starts from this."""
    start_time: time | None = None

    def memberships_on(self, day: date) -> list[Membership]:
        return [m for m in self.members if m.active_on(day)]

    def membership_of(self, person_id: str, day: date | None = None) -> Membership | None:
        for membership in self.members:
            if membership.person_id == person_id and (day is None or membership.active_on(day)):
                return membership
        return None

    def add_member(self, membership: Membership) -> None:
        """Add a seat; the same person may not hold two overlapping seats."""
        for existing in self.members:
            if existing.person_id == membership.person_id and _overlap(existing, membership):
                raise DomainError("This person is already a member for those dates.", "person")
        if membership.start and membership.end and membership.end < membership.start:
            raise DomainError("The membership ends before it starts.", "end")
        if membership.role in {Role.CHAIR, Role.VICE_CHAIR}:
            for existing in self.members:
                if existing.role == membership.role and _overlap(existing, membership):
                    raise DomainError(f"The committee already has a {membership.role.value}.", "role")
        self.members.append(membership)


def _overlap(a: Membership, b: Membership) -> bool:
    a_start, b_start = a.start or date.min, b.start or date.min
    a_end, b_end = a.end or date.max, b.end or date.max
    return a_start <= b_end and b_start <= a_end
