"""Committees, their membership and their house style."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from datetime import date, time
from enum import StrEnum

from clerk_tui.domain.agenda import ItemKind
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.people import OfficerContact
from clerk_tui.domain.venue import Venue, check_registered, choose_venue, venue_id_for
from clerk_tui.domain.wording import check_template


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


class HeadingDate(StrEnum):
    """The date in the minutes heading and running header (its own style: both Sefton bodies
    print "12TH JUNE, 2019" there, whatever their body dates say)."""

    ORDINAL_COMMA = "ordinal-comma"
    """``WEDNESDAY 12TH JUNE, 2019``."""
    ORDINAL = "ordinal"
    """``WEDNESDAY 12TH JUNE 2019``."""
    PLAIN = "plain"
    """``WEDNESDAY 12 JUNE 2019``."""


class PresencePlacement(StrEnum):
    """Where the minutes say that someone came, left or withdrew during an item."""

    OFF = "off"
    """Not printed (the seeds print none of these)."""
    IN_MINUTE = "in-minute"
    """At the head of the minute of the item: "... during consideration of this item."."""
    AFTER_PRESENT = "after-present"
    """A note after the PRESENT block: "... during consideration of Minute No. 5."."""


class ApologiesOrder(StrEnum):
    MEMBERSHIP = "membership"
    """As the membership lists them (the Chair, the Vice-Chair, then the house order)."""
    COUNCILLORS_FIRST = "councillors-first"
    """Councillors in membership order, then everyone else."""
    ALPHABETICAL = "alphabetical"
    """By surname."""


class SkippedItems(StrEnum):
    """How the minutes show an item that was deferred or withdrawn (it takes no number)."""

    NOTHING = "nothing"
    HEADING_AND_SENTENCE = "heading-and-sentence"
    """Its title, a sentence saying so, then whatever the clerk recorded of it."""


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


NEUTRAL_DECLARATIONS_TEXT = [
    "Members are requested at a meeting where a disclosable pecuniary interest or personal "
    "interest arises, which is not already included in their Register of Members' Interests, to "
    "declare any interests that relate to an item on the agenda.",
    "Where a Member discloses a Disclosable Pecuniary Interest, they must withdraw from the "
    "meeting room, including from the public gallery, during the whole consideration of any item "
    "of business in which they have an interest, except where they are permitted to remain as a "
    "result of a grant of a dispensation.",
    "Where a Member discloses a personal interest they must seek advice from the Monitoring "
    "Officer or staff member representing the Monitoring Officer to determine whether the Member "
    "should withdraw from the meeting room, including from the public gallery, during the whole "
    "consideration of any item of business in which they have an interest or whether the Member "
    "can remain in the meeting or remain in the meeting and vote on the relevant decision.",
]
"""The Declarations of Interest item on a front sheet, worded for any member."""

FRONT_SHEET_NOTES = [
    "If you have any special needs that may require arrangements to facilitate your attendance "
    "at this meeting, please contact the Committee Officer named above, who will endeavour to assist.",
    "We endeavour to provide a reasonable number of full agendas, including reports at the "
    "meeting. If you wish to ensure that you have a copy to refer to at the meeting, please can "
    "you print off your own copy of the agenda pack prior to the meeting.",
]
"""The paragraphs after the committee officer block."""

LOCAL_GOVERNMENT_ACT = "Local Government Act 1972"
"""The Act as a neutral citation (Sefton's exclusion resolutions print "Local Government Act, 1972")."""
MINUTES_CONFIRMED = "the Minutes of the meeting held on {date} be confirmed as a correct record"
NEXT_MEETING = "the next meeting of {body} be held on {date} at {venue}, starting at {time}"

PRESENCE_GAPS = ("name", "item")
WITHDRAWAL_GAPS = ("name", "item", "interest", "nature")
CONFIRMED_GAPS = ("date",)
NEXT_MEETING_GAPS = ("body", "date", "venue", "time")

_HE_OR_SHE = {"they must": "he/she must", "they have": "he/she has", "they are": "he/she is"}


def wording_before_it_was_set(comma_before_year: bool) -> dict[str, object]:
    """What clerk printed before these sentences became house-style settings (Sefton's
    fixed strings), for a style saved then that lacks them: a file or store of that time
    keeps printing what it printed. Never a new committee's start (``starting_style``)."""
    declarations = []
    for text in NEUTRAL_DECLARATIONS_TEXT:
        for neutral, old in _HE_OR_SHE.items():
            text = text.replace(neutral, old)
        declarations.append(text)
    return {
        "council_name": "Sefton Council",
        "declarations_agenda_text": declarations,
        "local_government_act": "Local Government Act, 1972",
        "minutes_confirmed_wording": MINUTES_CONFIRMED.replace(
            "{date}", "{date}" if comma_before_year else "{date},"
        ),
        "next_meeting_wording": (
            "the next meeting of {body} be held on {date}, at {venue}, commencing at {time}"
        ),
        "dotted_times": True,
    }


@dataclass
class HouseStyle:
    """Everything that differs between one committee's papers and another's.

    A second committee's style is configuration, never a special case in code. A new
    committee starts from ``HouseStyle()``: neutral wording, no council's own.
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
    council_name: str = ""
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

    # --- added with issue 11; every default prints what the papers printed before ---------
    heading_date: HeadingDate = HeadingDate.ORDINAL_COMMA
    arrivals: PresencePlacement = PresencePlacement.OFF
    arrival_wording: str = "{name} arrived at the meeting during consideration of {item}."
    """{item} is "this item" in the minute, "Minute No. 5" after PRESENT."""
    departures: PresencePlacement = PresencePlacement.OFF
    departure_wording: str = "{name} left the meeting during consideration of {item}."
    withdrawals: PresencePlacement = PresencePlacement.OFF
    """A member who declared an interest and withdrew from the room for the item."""
    withdrawal_wording: str = (
        "{name} declared {interest} in {item} ({nature}) and left the room, taking no part in "
        "the consideration or vote on the item."
    )
    officers_in_attendance: bool = False
    """Print the officers in attendance, with their posts, after PRESENT."""
    officers_label: str = "OFFICERS PRESENT"
    """"OFFICERS PRESENT" or "IN ATTENDANCE"."""
    skipped_items: SkippedItems = SkippedItems.NOTHING
    deferred_wording: str = "Consideration of this item was deferred."
    withdrawn_wording: str = "This item was withdrawn from the agenda."
    apologies_order: ApologiesOrder = ApologiesOrder.MEMBERSHIP
    numbered_paragraph_spacing: bool = True
    """A blank line between numbered paragraphs ("(1) ...", resolution parts)."""
    front_sheet_spacing: bool = False
    """Blank lines between the MEETING, DATE, TIME and VENUE lines of a front sheet."""
    bullet_markers: list[str] = field(default_factory=lambda: ["-", "o"])
    """The marker of each level of a bulleted list, the last repeated for deeper levels."""
    sub_item_marker: str = "-"
    """Before each sub-item of a resolution part."""
    sub_item_ending: str = ";"
    """After each sub-item but the last (which takes the part's own ";", "; and" or ".")."""
    declarations_agenda_text: list[str] = field(default_factory=lambda: list(NEUTRAL_DECLARATIONS_TEXT))
    front_sheet_notes: list[str] = field(default_factory=lambda: list(FRONT_SHEET_NOTES))
    local_government_act: str = LOCAL_GOVERNMENT_ACT
    """As the exclusion resolution cites it (Sefton: "Local Government Act, 1972")."""
    minutes_confirmed_wording: str = MINUTES_CONFIRMED
    """Sefton 2023: "the Minutes of the meeting held on {date}, be confirmed as a correct record"."""
    next_meeting_wording: str = NEXT_MEETING
    """Sefton: "the next meeting of {body} be held on {date}, at {venue}, commencing at {time}"."""
    dotted_times: bool = False
    """Times in the minutes' sentences as "6.30 p.m." rather than "6.30 pm"."""

    def __post_init__(self) -> None:
        if not 1 <= self.municipal_year_start_month <= 12:
            raise DomainError("The municipal year must start in a month 1-12.", "municipal_year_start_month")
        for name, gaps in _TEMPLATES.items():
            check_template(getattr(self, name), gaps, name)
        if not any(marker.strip() for marker in self.bullet_markers):
            raise DomainError("Give at least one bullet marker, such as -.", "bullet_markers")
        if not self.officers_label.strip():
            raise DomainError(
                "The officers' block needs a label, such as OFFICERS PRESENT.", "officers_label"
            )

    def bullet_marker(self, level: int) -> str:
        """The marker of a list level (0 the outermost)."""
        markers = [marker.strip() for marker in self.bullet_markers if marker.strip()]
        return markers[min(level, len(markers) - 1)]


_TEMPLATES = {
    "arrival_wording": PRESENCE_GAPS,
    "departure_wording": PRESENCE_GAPS,
    "withdrawal_wording": WITHDRAWAL_GAPS,
    "minutes_confirmed_wording": CONFIRMED_GAPS,
    "next_meeting_wording": NEXT_MEETING_GAPS,
    "deferred_wording": (),
    "withdrawn_wording": (),
}


def starting_style(source: Committee | None = None) -> HouseStyle:
    """A new committee's house style: neutral, or a copy of an existing committee's."""
    return copy.deepcopy(source.style) if source is not None else HouseStyle()


@dataclass
class Committee:
    """A committee, board or panel whose meetings the clerk minutes, and how its papers name it."""

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
    venues: list[Venue] = field(default_factory=list)
    """The register of rooms it meets in, each with its front-sheet and minutes wording
    (and an id); a meeting takes a copy of the one chosen (``choose_venue``)."""

    def __post_init__(self) -> None:
        ids = [venue.id for venue in self.venues]
        for venue in self.venues:
            check_registered(venue)
        if len(set(ids)) != len(ids):
            raise DomainError("Each venue in the register needs its own id.", "venues")

    def register_venue(self, venue: Venue) -> Venue:
        """Add a room to the register (with an id made from its wording if it has none)."""
        taken = [v.id for v in self.venues]
        registered = replace(venue, id=venue.id.strip() or venue_id_for(venue, taken))
        check_registered(registered)
        if registered.id in taken:
            raise DomainError(f"The register already has a venue {registered.id!r}.", "id")
        self.venues.append(registered)
        return registered

    def change_venue(self, venue_id: str, venue: Venue) -> Venue:
        """Reword a room of the register (its id kept); meetings already held there keep the
        wording they were given."""
        index = self._venue_index(venue_id)
        changed = replace(venue, id=venue_id)
        check_registered(changed)
        self.venues[index] = changed
        return changed

    def remove_venue(self, venue_id: str) -> Venue:
        """Take a room off the register; meetings held there keep their own copy."""
        return self.venues.pop(self._venue_index(venue_id))

    def _venue_index(self, venue_id: str) -> int:
        for index, venue in enumerate(self.venues):
            if venue.id == venue_id:
                return index
        raise DomainError(f"There is no venue {venue_id!r} in the register.", "venue")

    def venue_for_meeting(self, venue_id: str) -> Venue:
        """A copy of a registered room for one meeting: renaming the room later does not
        reprint the papers of meetings already held there."""
        return choose_venue(self.venues, venue_id)

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
