"""What an imported file must make sense as, beyond its shape: every id once, every
reference to something that is there, numbers a minute book can carry.

The store's own files are trusted to have been written by the store; a file from
outside (another machine, a hand edit, an older or newer clerk) is not.
"""

from __future__ import annotations

from collections.abc import Iterable

from clerk_tui.domain import Committee, Meeting, Person

MAX_MINUTE_NUMBER = 99_999
"""A first minute number above this is a mistake (a minute book never gets there)."""


def _twice(ids: Iterable[str]) -> str | None:
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            return ident
        seen.add(ident)
    return None


def meeting_problems(meeting: Meeting, where: str) -> list[str]:
    """Each thing wrong with one meeting, with its path (``meetings[3].agenda``)."""
    problems: list[str] = []
    for name, ids in (
        ("agenda", [item.id for item in meeting.agenda]),
        ("minutes", [minute.id for minute in meeting.minutes]),
        ("declarations", [declaration.id for declaration in meeting.declarations]),
    ):
        twice = _twice(ids)
        if twice is not None:
            problems.append(f"{where}.{name}: the id {twice!r} is there more than once")
    items = {item.id for item in meeting.agenda}
    references: list[tuple[str, list[str | None]]] = [
        ("minutes", [minute.item_id for minute in meeting.minutes]),
        ("declarations", [declaration.item_id for declaration in meeting.declarations]),
        ("attendance", [event.item_id for event in meeting.attendance]),
    ]
    for name, item_ids in references:
        for number, item_id in enumerate(item_ids):
            if item_id is not None and item_id not in items:
                problems.append(f"{where}.{name}[{number}].item_id: {item_id!r} is not on the agenda")
    first = meeting.first_minute_number
    if first is not None and not 1 <= first <= MAX_MINUTE_NUMBER:
        problems.append(
            f"{where}.first_minute_number: {first} is not a minute number (1 to {MAX_MINUTE_NUMBER})"
        )
    return problems


def bundle_problems(committees: list[Committee], people: list[Person], meetings: list[Meeting]) -> list[str]:
    problems: list[str] = []
    for key, ids in (
        ("committees", [c.id for c in committees]),
        ("people", [p.id for p in people]),
        ("meetings", [m.id for m in meetings]),
    ):
        twice = _twice(ids)
        if twice is not None:
            problems.append(f"{key} has the id {twice!r} more than once")
    for number, committee in enumerate(committees):
        twice = _twice(member.person_id for member in committee.members)
        if twice is not None:
            problems.append(f"committees[{number}].members: {twice!r} is a member twice")
    for number, meeting in enumerate(meetings):
        problems += meeting_problems(meeting, f"meetings[{number}]")
    return problems
