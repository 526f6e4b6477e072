"""The clerk's domain in plain Python: no Textual, no Rich, no storage.

Committees and their members, meetings, agenda items, attendance as events,
declarations of interest, minutes and resolutions, motions and votes, minute numbering
through the municipal year, and dates as clerks type and print them.
"""

from clerk_tui.domain.agenda import (
    SCHEDULE_12A,
    STANDARD_TITLES,
    AgendaItem,
    CarriedBecause,
    CarriedFrom,
    ItemKind,
    ItemLine,
    PageRange,
    parse_page_range,
)
from clerk_tui.domain.attendance import AttendanceEvent, EventKind, QuorumState
from clerk_tui.domain.committee import (
    ApologiesOrder,
    Committee,
    CouncillorNames,
    ExemptDeclarations,
    FrontSheetDate,
    HeadingDate,
    HouseStyle,
    MemberOrder,
    Membership,
    OrganisationStyle,
    PresencePlacement,
    Role,
    SkippedItems,
    VoteWording,
)
from clerk_tui.domain.declarations import Declaration, InterestAction, InterestKind
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.meeting import Meeting, MeetingStatus, MeetingSummary
from clerk_tui.domain.minutes import Block, BlockKind, Minute, MinuteStatus, Resolution, ResolutionLead
from clerk_tui.domain.motions import CastingVote, Motion, MotionKind, MotionResult, Vote, VoteMethod
from clerk_tui.domain.people import EarlierName, OfficerContact, Paper, Person, PrintedForm, parse_member_line
from clerk_tui.domain.venue import Venue

__all__ = [
    "SCHEDULE_12A",
    "STANDARD_TITLES",
    "AgendaItem",
    "ApologiesOrder",
    "AttendanceEvent",
    "Block",
    "BlockKind",
    "CarriedBecause",
    "CarriedFrom",
    "CastingVote",
    "Committee",
    "CouncillorNames",
    "Declaration",
    "DomainError",
    "EarlierName",
    "EventKind",
    "ExemptDeclarations",
    "FrontSheetDate",
    "HeadingDate",
    "HouseStyle",
    "InterestAction",
    "InterestKind",
    "ItemKind",
    "ItemLine",
    "Meeting",
    "MeetingStatus",
    "MeetingSummary",
    "MemberOrder",
    "Membership",
    "Minute",
    "MinuteStatus",
    "Motion",
    "MotionKind",
    "MotionResult",
    "OfficerContact",
    "OrganisationStyle",
    "PageRange",
    "Paper",
    "Person",
    "PresencePlacement",
    "PrintedForm",
    "QuorumState",
    "Resolution",
    "ResolutionLead",
    "Role",
    "SkippedItems",
    "Venue",
    "Vote",
    "VoteMethod",
    "VoteWording",
    "parse_member_line",
    "parse_page_range",
]
