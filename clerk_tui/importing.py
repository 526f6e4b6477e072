"""Storing what a reader recovered from a printed paper (``clerk import FILE.txt`` and
the app's import review): the new people, the committee, then the meeting.

A committee already in the store keeps its house style unless the clerk adopts the
paper's, and takes the membership the paper implies (newcomers added, members in the
printed order) only if every other meeting of the committee still prints exactly as
before with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from clerk_tui.domain import Committee, EventKind, ItemKind, Meeting, MeetingStatus, Person, Role
from clerk_tui.reading import Reading
from clerk_tui.render import MeetingPapers, PrintOptions, print_agenda, print_minutes

if TYPE_CHECKING:
    from store import Store


@dataclass
class Stored:
    meeting_id: str
    notes: list[str] = field(default_factory=list)


def already_stored(store: Store, reading: Reading) -> str:
    """Why the paper must not be stored (a meeting of the committee that day is there), or ""."""
    meeting, committee = reading.meeting, reading.committee
    if meeting is None or committee is None or reading.committee_is_new:
        return ""
    for summary in store.meeting_summaries(committee.id):
        if summary.date == meeting.date:
            return (
                f"{reading.source_name}: the store already holds {committee.name} on "
                f"{meeting.date:%d %B %Y} ({summary.id}); importing it again would make a second one"
            )
    return ""


def store_reading(store: Store, reading: Reading, *, adopt_style: bool = False) -> Stored:
    """Write the reading: new people, the committee as it may safely change, the meeting."""
    meeting, committee = reading.meeting, reading.committee
    assert reading.ok and meeting is not None and committee is not None
    stored = Stored(meeting.id)
    people = {person.id: person for person in store.people()}
    people.update({person.id: person for person in reading.people})
    for person in reading.new_people:
        store.save_person(person)
    if reading.committee_is_new:
        store.save_committee(committee)
        store.save_meeting(meeting)
        return stored
    current = store.committee(committee.id)
    wanted = _with_style(store, current, reading, people, adopt_style, stored)
    if reading.membership_changes:
        wanted = _with_membership(store, wanted, committee, meeting, people, stored)
    if wanted.style != current.style or wanted.members != current.members:
        store.save_committee(wanted)
    if meeting.chair_id is None:
        chair = _chair_of(committee, meeting)
        if chair is not None and _chair_of(wanted, meeting) != chair:
            meeting = replace(meeting, chair_id=chair)
    if _printed(meeting, wanted, people, meeting.first_minute_number or 1) != _printed(
        meeting, committee, people, meeting.first_minute_number or 1
    ):
        stored.notes.append(
            "printed with the committee as kept, this paper will not read exactly as the original "
            "(see the notes above)"
        )
    store.save_meeting(meeting)
    return stored


def _with_style(
    store: Store, current: Committee, reading: Reading, people: dict[str, Person], adopt: bool, stored: Stored
) -> Committee:
    """The paper's house style is taken when asked, or when no stored meeting would print
    differently with it (a front sheet's settings after minutes-only history)."""
    if reading.style is None or reading.style == current.style:
        return current
    candidate = replace(current, style=reading.style)
    if adopt:
        stored.notes.append("house style: the paper's, as asked")
        return candidate
    changed = reprinted_differently(store, current, candidate, people)
    if changed:
        stored.notes.append(
            f"house style kept: the paper's would change how {len(changed)} other "
            f"meeting{'s' if len(changed) != 1 else ''} print ({', '.join(changed[:3])}); "
            "--adopt-style takes it anyway"
        )
        return current
    stored.notes.append("house style: the paper's settings taken (no other meeting prints differently)")
    return candidate


def _with_membership(
    store: Store,
    current: Committee,
    proposed: Committee,
    meeting: Meeting,
    people: dict[str, Person],
    stored: Stored,
) -> Committee:
    """Newcomers added and members ordered so that this paper and every stored one print
    as they do (an order consistent with all of them), or the membership as it was."""
    sequences = [_printed_groups(store.meeting(s.id), current) for s in store.meeting_summaries(current.id)]
    sequences.append(_printed_groups(meeting, proposed))
    order = _consistent_order([m.person_id for m in proposed.members], [g for gs in sequences for g in gs])
    if order is None:
        stored.notes.append("membership kept: no one order of members prints every meeting as it was printed")
        return current
    by_id = {m.person_id: m for m in proposed.members}
    candidate = replace(current, members=[by_id[person_id] for person_id in order])
    changed = reprinted_differently(store, current, candidate, people)
    if changed:
        stored.notes.append(
            f"membership kept: the paper's would change how {len(changed)} other "
            f"meeting{'s' if len(changed) != 1 else ''} print ({', '.join(changed[:3])})"
        )
        return current
    stored.notes.append("membership: " + "; ".join(_described(current, candidate)))
    return candidate


def _described(before: Committee, after: Committee) -> list[str]:
    old = [m.person_id for m in before.members]
    new = [m.person_id for m in after.members]
    out = []
    added = [p for p in new if p not in old]
    if added:
        out.append(f"added {', '.join(added)}")
    if [p for p in new if p in old] != old:
        out.append("members put in the order the papers print them")
    roles = [m.person_id for m in after.members if m not in before.members and m.person_id in old]
    if roles:
        out.append(f"role changed for {', '.join(roles)}")
    return out or ["unchanged"]


def _printed_groups(meeting: Meeting, committee: Committee) -> list[list[str]]:
    """The lists a paper prints in the committee's member order: the others present (after
    the chair and any Vice-Chair line), and the apologies when the printer writes them."""
    rank = {m.person_id: i for i, m in enumerate(committee.members)}
    chair = meeting.chair_id or _chair_of(committee, meeting)
    vice = (
        {m.person_id for m in committee.members if m.role == Role.VICE_CHAIR}
        if committee.style.vice_chair_line
        else set()
    )
    present_kinds = {EventKind.PRESENT, EventKind.SUBSTITUTE, EventKind.ARRIVED}
    groups = []
    present = _first_of(meeting, present_kinds)
    groups.append([p for p in present if p != chair and p not in vice and p in rank])
    apologies = next((m for m in meeting.minutes if m.kind == ItemKind.APOLOGIES), None)
    if apologies is not None and not apologies.narrative:
        groups.append([p for p in _first_of(meeting, {EventKind.APOLOGIES}) if p in rank])
    return [sorted(group, key=lambda p: rank[p]) if committee is not None else group for group in groups]


def _first_of(meeting: Meeting, kinds: set[EventKind]) -> list[str]:
    seen: list[str] = []
    for event in meeting.attendance:
        if event.kind in kinds and event.person_id not in seen:
            seen.append(event.person_id)
    return seen


def _chair_of(committee: Committee, meeting: Meeting) -> str | None:
    present = {e.person_id for e in meeting.attendance if e.kind in (EventKind.PRESENT, EventKind.ARRIVED)}
    for membership in committee.memberships_on(meeting.date):
        if membership.role == Role.CHAIR and membership.person_id in present:
            return membership.person_id
    return None


def _consistent_order(preferred: list[str], sequences: list[list[str]]) -> list[str] | None:
    """``preferred`` reordered as little as possible so that every sequence keeps its
    order (a topological sort, ties broken by ``preferred``); None if none can."""
    place = {person_id: index for index, person_id in enumerate(preferred)}
    after: dict[str, set[str]] = {p: set() for p in preferred}
    waiting = dict.fromkeys(preferred, 0)
    for sequence in sequences:
        known = [p for p in sequence if p in place]
        for earlier, later in zip(known, known[1:], strict=False):
            if later not in after[earlier]:
                after[earlier].add(later)
                waiting[later] += 1
    ready = sorted((p for p, n in waiting.items() if n == 0), key=place.__getitem__)
    order: list[str] = []
    while ready:
        person_id = ready.pop(0)
        order.append(person_id)
        for later in after[person_id]:
            waiting[later] -= 1
            if waiting[later] == 0:
                ready.append(later)
        ready.sort(key=place.__getitem__)
    return order if len(order) == len(preferred) else None


def reprinted_differently(
    store: Store, current: Committee, proposed: Committee, people: dict[str, Person]
) -> list[str]:
    """The stored meetings of the committee whose minutes or agenda would print otherwise."""
    changed = []
    for summary in store.meeting_summaries(current.id):
        meeting = store.meeting(summary.id)
        first = store.first_minute_number(summary.id)  # as the store numbers it now
        if _printed(meeting, current, people, first) != _printed(meeting, proposed, people, first):
            changed.append(summary.id)
    return changed


def _printed(
    meeting: Meeting, committee: Committee, people: dict[str, Person], first: int
) -> tuple[str, str]:
    """The papers a meeting has had: minutes once minuted, its agenda while at that stage."""
    papers = MeetingPapers(meeting, committee, people, first_minute_number=first)
    options = PrintOptions(width=0)
    minutes = print_minutes(papers, options).text if meeting.minutes else ""
    agenda_stage = meeting.status in (MeetingStatus.DRAFT_AGENDA, MeetingStatus.PUBLISHED)
    agenda = print_agenda(replace(papers, warnings=[]), options).text if agenda_stage else ""
    return minutes, agenda
