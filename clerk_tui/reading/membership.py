"""A committee's membership, brought into line with the order a paper prints it in.

The printer lists the people at a meeting in the house order of the committee's
members (render/papers.py). Minutes of a committee already in the store may name
people who are not members yet, or print members in an order the membership does not
have. The proposal here adds the newcomers where the paper puts them and reorders only
the members the paper names, among the places they already hold, so everyone else keeps
their place. Whether the proposal leaves every other meeting printing as before is for
the caller to check against the store (clerk_tui/importing.py) before it is kept.
"""

from __future__ import annotations

from dataclasses import replace

from clerk_tui.domain import Committee, Membership, Role


def merged_membership(
    committee: Committee, printed: list[tuple[str, Role]], *, chair_elected: bool = False
) -> tuple[list[Membership], list[str]]:
    """The membership with the paper's people in the paper's order, and what changed."""
    members = [replace(m) for m in committee.members]
    order: list[str] = []
    roles: dict[str, Role] = {}
    for person_id, role in printed:
        if person_id not in roles:
            order.append(person_id)
            roles[person_id] = role
    changes: list[str] = []
    held = {m.person_id for m in members}
    added = []
    for position, person_id in enumerate(order):
        if person_id in held:
            continue
        role = roles[person_id]
        if role in (Role.CHAIR, Role.VICE_CHAIR) and any(m.role == role for m in members):
            role = Role.MEMBER
        if role == Role.CHAIR and chair_elected:
            role = Role.MEMBER
        before = next((p for p in reversed(order[:position]) if p in held), None)
        at = next((i for i, m in enumerate(members) if m.person_id == before), -1) + 1 if before else 0
        members.insert(at, Membership(person_id, role))
        held.add(person_id)
        added.append(person_id)
    if added:
        changes.append(f"adds {len(added)} member{'s' if len(added) != 1 else ''}: {', '.join(added)}")
    named = [i for i, m in enumerate(members) if m.person_id in roles]
    wanted = sorted((members[i] for i in named), key=lambda m: order.index(m.person_id))
    moved = [m.person_id for i, m in zip(named, wanted, strict=True) if members[i].person_id != m.person_id]
    for i, membership in zip(named, wanted, strict=True):
        members[i] = membership
    if moved:
        changes.append(f"puts {', '.join(moved)} in the order the paper prints them")
    for role in (Role.CHAIR, Role.VICE_CHAIR):
        if role == Role.CHAIR and chair_elected:
            continue
        holder = next((p for p, r in roles.items() if r == role), None)
        if holder is None or any(m.role == role for m in members):
            continue
        for index, membership in enumerate(members):
            if membership.person_id == holder and membership.role == Role.MEMBER:
                members[index] = replace(membership, role=role)
                changes.append(f"makes {holder} the {'Chair' if role == Role.CHAIR else 'Vice-Chair'}")
    return members, changes
