"""Exempt canaries: a marked text in every field of an exempt item and of everything
attached to it, planted by walking the dataclasses (``tests.render.fields``)."""

from __future__ import annotations

from datetime import time
from itertools import count

from clerk_tui.domain import (
    AgendaItem,
    AttendanceEvent,
    Block,
    BlockKind,
    Declaration,
    EventKind,
    Meeting,
    Minute,
    Motion,
    MotionKind,
    MotionResult,
    Person,
    Resolution,
    Vote,
    VoteMethod,
)
from tests.render.fields import Field, plant, string_fields

CANARY = "ZQXCANARY"
GUEST = Person("canary-guest", "Ophelia Quillfeather")
"""Recorded ALSO PRESENT during the exempt item only: not to be named in public."""

PUBLIC_BY_DESIGN: frozenset[Field] = frozenset(
    {("AgendaItem", "title"), ("AgendaItem", "label"), ("Minute", "title")}
)
"""Printed in public copies on purpose: the exempt item's heading and number, as councils
print them (domain.md 2.6); everything else of the item is withheld."""

ATTACHED = (AgendaItem, Minute, Declaration, AttendanceEvent)
"""The records of exempt business: the item, its minute, the declarations on it and the
attendance recorded during it (actions arising come from its minute's resolution)."""


def fields_to_cover() -> set[Field]:
    every: set[Field] = set()
    for kind in ATTACHED:
        every |= string_fields(kind)
    return every - PUBLIC_BY_DESIGN


def _motions_moved_by(member_id: str) -> list[Motion]:
    """A motion carried on a recorded vote and a lost amendment to it: every text a
    motion and a vote hold."""
    motion = Motion("canary-motion", member_id, text="motion", parts=["part"])
    motion.vote = Vote(VoteMethod.RECORDED, 1, 0, 0, named_for=[member_id], entitled=[member_id])
    motion.result = MotionResult.CARRIED
    amendment = Motion(
        "canary-amendment", member_id, MotionKind.AMENDMENT, "amendment", ["amended"], amends=motion.id
    )
    amendment.vote = Vote(VoteMethod.RECORDED, 0, 0, 1, named_abstained=[member_id], entitled=[member_id])
    amendment.result = MotionResult.LOST
    return [amendment, motion]


def plant_exempt_canaries(meeting: Meeting, member_id: str, officer_id: str) -> set[Field]:
    """Give the meeting's first exempt item every kind of attached record, then put a
    canary in every field of them; returns the fields planted."""
    item = next(i for i in meeting.agenda if i.exempt)
    minute = meeting.minute_for_item(item.id)
    if minute is None:
        minute = Minute(meeting.new_minute_id(), item.title, item_id=item.id)
        meeting.minutes.append(minute)
    minute.narrative = [
        Block(text="paragraph"),
        Block(BlockKind.BULLETS, items=["bullet", "bullet"]),
        Block(BlockKind.NUMBERED, items=["numbered", "numbered"]),
        Block(BlockKind.TABLE, rows=[["header", "header"], ["cell", "cell"]]),
    ]
    minute.resolution = Resolution(["part one", "part two"])
    minute.motions = _motions_moved_by(member_id)
    declaration = Declaration(meeting.new_declaration_id(), member_id, item.id, nature="nature")
    meeting.declarations.append(declaration)
    during = [
        AttendanceEvent(GUEST.id, EventKind.ALSO_PRESENT, at=time(15, 0), item_id=item.id, capacity="c"),
        AttendanceEvent(officer_id, EventKind.OFFICER, item_id=item.id, organisation="o", printed_name="p"),
        AttendanceEvent(member_id, EventKind.WITHDREW, item_id=item.id, declaration_id=declaration.id),
        AttendanceEvent(member_id, EventKind.RETURNED, item_id=item.id, declaration_id=declaration.id),
    ]
    meeting.attendance += during
    numbers = count(1)

    def canary(field: Field) -> str:
        # "be requested to" makes every resolution part an action arising too.
        return f"{CANARY}{next(numbers)} be requested to act"

    def public_by_design(record: object, name: str) -> bool:
        return (type(record).__name__, name) in PUBLIC_BY_DESIGN

    planted = plant(item, canary, public_by_design) | plant(minute, canary, public_by_design)
    attached = [d for d in meeting.declarations if d.item_id == item.id]
    for record in [*attached, *(e for e in meeting.attendance if e.item_id == item.id)]:
        planted |= plant(record, canary)
    return planted
