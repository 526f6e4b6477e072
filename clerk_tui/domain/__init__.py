"""The clerk's domain in plain Python: no Textual, no Rich, no storage.

Committees and their members, meetings, agenda items, attendance as events,
declarations of interest, minutes and resolutions, motions and votes, minute numbering
through the municipal year, and dates as clerks type and print them.

Each name is loaded from its module when it is first asked for (PEP 562): ``from
clerk_tui.domain import Meeting`` loads the meeting's modules, not the live meeting's
rules, its undo history or votes, so a short command (``clerk export``) imports only
what it uses.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from clerk_tui.domain.meeting import Meeting
    from clerk_tui.domain.minutes import Block, BlockKind, Minute, MinuteStatus, Resolution, ResolutionLead
    from clerk_tui.domain.motions import CastingVote, Motion, MotionKind, MotionResult, Vote, VoteMethod
    from clerk_tui.domain.people import (
        EarlierName,
        OfficerContact,
        Paper,
        Person,
        PrintedForm,
        parse_member_line,
    )
    from clerk_tui.domain.summary import MeetingStatus, MeetingSummary
    from clerk_tui.domain.venue import Venue

_MODULE_OF: dict[str, str] = {
    "SCHEDULE_12A": "agenda",
    "STANDARD_TITLES": "agenda",
    "AgendaItem": "agenda",
    "CarriedBecause": "agenda",
    "CarriedFrom": "agenda",
    "ItemKind": "agenda",
    "ItemLine": "agenda",
    "PageRange": "agenda",
    "parse_page_range": "agenda",
    "AttendanceEvent": "attendance",
    "EventKind": "attendance",
    "QuorumState": "attendance",
    "ApologiesOrder": "committee",
    "Committee": "committee",
    "CouncillorNames": "committee",
    "ExemptDeclarations": "committee",
    "FrontSheetDate": "committee",
    "HeadingDate": "committee",
    "HouseStyle": "committee",
    "MemberOrder": "committee",
    "Membership": "committee",
    "OrganisationStyle": "committee",
    "PresencePlacement": "committee",
    "Role": "committee",
    "SkippedItems": "committee",
    "VoteWording": "committee",
    "Declaration": "declarations",
    "InterestAction": "declarations",
    "InterestKind": "declarations",
    "DomainError": "errors",
    "Meeting": "meeting",
    "MeetingStatus": "summary",
    "MeetingSummary": "summary",
    "Block": "minutes",
    "BlockKind": "minutes",
    "Minute": "minutes",
    "MinuteStatus": "minutes",
    "Resolution": "minutes",
    "ResolutionLead": "minutes",
    "CastingVote": "motions",
    "Motion": "motions",
    "MotionKind": "motions",
    "MotionResult": "motions",
    "Vote": "motions",
    "VoteMethod": "motions",
    "EarlierName": "people",
    "OfficerContact": "people",
    "Paper": "people",
    "Person": "people",
    "PrintedForm": "people",
    "parse_member_line": "people",
    "Venue": "venue",
}
"""Each public name and the module of this package that defines it."""


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # asked once: later look-ups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


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
