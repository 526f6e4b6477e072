"""Entering a committee's membership: lines typed or pasted as printed, checks before a
seat is added or changed, and the small readings a committee form needs (quorum, ids).

Pure functions over the domain objects: the screens show what these return and save
what the clerk accepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from clerk_tui.domain.committee import Committee, Membership, Role
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.ids import initials, slugify, unique_id
from clerk_tui.domain.people import Person, parse_member_line

ROLE_LABELS: dict[Role, str] = {
    Role.CHAIR: "Chair",
    Role.VICE_CHAIR: "Vice-Chair",
    Role.MEMBER: "Member",
    Role.SUBSTITUTE: "Substitute",
    Role.CO_OPTED: "Co-opted",
}


def role_label(role: Role) -> str:
    """``Role.VICE_CHAIR`` -> ``"Vice-Chair"``, as front sheets print it."""
    return ROLE_LABELS[role]


def parse_quorum(text: str) -> int:
    """A quorum as typed: a whole number of at least 1 (``"3"``)."""
    cleaned = text.strip()
    if not cleaned.isdigit():
        raise DomainError(f"“{cleaned}” is not a whole number; type the quorum in figures, e.g. 3.", "quorum")
    value = int(cleaned)
    if value < 1:
        raise DomainError("A quorum is at least 1 (leave it empty if it is not known).", "quorum")
    return value


def committee_id_for(name: str, taken: Iterable[str]) -> str:
    """``"Health and Wellbeing Board"`` -> ``"hwb"`` (``"hwb-2"`` if taken)."""
    return unique_id(initials(name), taken)


_COURTESY = re.compile(r"^(?:mr|mrs|ms|miss|mx|dr)\.?\s+", re.IGNORECASE)


def person_id_for(name: str, taken: Iterable[str]) -> str:
    """``"Ms Diane Blair"`` -> ``"diane-blair"``: the name without a courtesy title, unique."""
    return unique_id(slugify(_COURTESY.sub("", name.strip())), taken)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def people_named(name: str, people: Iterable[Person]) -> list[Person]:
    """Everyone whose name is exactly ``name`` (ignoring case and extra spaces)."""
    wanted = _key(name)
    return [person for person in people if _key(person.name) == wanted]


def check_membership(committee: Committee, membership: Membership, replacing: int | None = None) -> None:
    """Raise DomainError if ``membership`` could not be added to the committee (or put in
    place of the seat at ``replacing``): a person twice, two Chairs, an end before a start."""
    others = [m for index, m in enumerate(committee.members) if index != replacing]
    trial = Committee(committee.id, committee.name, members=others)
    trial.add_member(membership)


def move_member(members: list[Membership], index: int, step: int) -> int:
    """Move the seat at ``index`` by ``step`` places (within the list); its new index."""
    target = min(max(index + step, 0), len(members) - 1)
    if 0 <= index < len(members) and target != index:
        members.insert(target, members.pop(index))
        return target
    return index


# --- quick entry ---------------------------------------------------------------------

_HEADERS = {"member": False, "members": False, "substitute": True, "substitutes": True}
_ROLE_SUFFIX = re.compile(r"\s*\((?:chair|vice[- ]chair)\)\s*$", re.IGNORECASE)
_BRACKETS_AT_END = re.compile(r"\([^()]+\)\s*$")
_LEADING_HONOURS = re.compile(r"^(?P<honours>(?:[A-Z]\.){2,}[A-Z]?\.?)\s*,\s*(?P<rest>.+)$")


@dataclass
class EntryLine:
    """How one typed line was read."""

    number: int
    """1-based line number in the text as typed."""
    text: str
    substitute: bool
    """Whether the line was read as a substitute (the switch, or a "Substitute" heading above it)."""
    person: Person | None = None
    membership: Membership | None = None
    existing: bool = False
    """The person is already in the store (same name); their record is left as it is."""
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error and self.person is not None and self.membership is not None


def read_member_line(
    text: str, people: Sequence[Person], taken_ids: Iterable[str], *, substitute: bool = False
) -> tuple[Person, Membership, bool]:
    """One line as printed -> (person, seat, person already known).

    - ``(Chair)`` / ``(Vice-Chair)`` give the role; with ``substitute`` every line is a
      substitute, and a substitute can not be Chair or Vice-Chair.
    - Not a councillor, with an organisation after a comma (``Ms Diane Blair,
      Healthwatch``): co-opted and non-voting, which is how front sheets print co-optees.
    - An organisation in brackets (``Deborah Butcher (Sefton Council)``, as minutes print
      partners): a voting member whose organisation is kept.
    - Anyone else: a voting member.
    - A person already known by exactly that name is reused and left unchanged.
    """
    parsed = parse_member_line(text)
    post_nominals, organisation = parsed.post_nominals, parsed.organisation
    leading = _LEADING_HONOURS.match(organisation)
    if leading and not post_nominals:
        post_nominals, organisation = leading.group("honours"), leading.group("rest").strip()
    bracketed = bool(_BRACKETS_AT_END.search(_ROLE_SUFFIX.sub("", text.strip())))
    if substitute:
        if parsed.role:
            label = "Chair" if parsed.role == "chair" else "Vice-Chair"
            raise DomainError(
                f"A substitute can not be the {label}; take “({label})” off or list them as a member."
            )
        role = Role.SUBSTITUTE
    elif parsed.role:
        role = Role(parsed.role)
    elif organisation and not parsed.councillor and not bracketed:
        role = Role.CO_OPTED
    else:
        role = Role.MEMBER
    known = people_named(parsed.name, people)
    if known:
        person = known[0]
    else:
        person = Person(
            person_id_for(parsed.name, taken_ids),
            parsed.name,
            councillor=parsed.councillor,
            post_nominals=post_nominals,
            post_nominals_comma=parsed.post_nominals_comma,
            organisation=organisation,
        )
    return person, Membership(person.id, role, voting=role != Role.CO_OPTED), bool(known)


def read_member_lines(
    text: str, committee: Committee, people: Sequence[Person], *, substitutes: bool = False
) -> list[EntryLine]:
    """Every non-blank line of ``text``, read and checked against the committee and
    against the lines above it (a second Chair, the same person twice).

    A line that is only ``Member`` or ``Substitute`` (the front sheet's headings) is not
    a person: it says how the lines under it are read.
    """
    trial = Committee(committee.id, committee.name, members=list(committee.members))
    known = list(people)
    taken = {person.id for person in known}
    substitute = substitutes
    lines: list[EntryLine] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = " ".join(raw.split())
        if not stripped:
            continue
        heading = stripped.rstrip(":").casefold()
        if heading in _HEADERS:
            substitute = _HEADERS[heading]
            continue
        line = EntryLine(number, stripped, substitute)
        lines.append(line)
        try:
            person, membership, existing = read_member_line(stripped, known, taken, substitute=substitute)
        except DomainError as error:
            line.error = error.message
            continue
        try:
            trial.add_member(membership)
        except DomainError as error:
            line.error = _explained(error, person, membership, trial, known)
            continue
        line.person, line.membership, line.existing = person, membership, existing
        if not existing:
            known.append(person)
            taken.add(person.id)
    return lines


def _explained(
    error: DomainError, person: Person, membership: Membership, trial: Committee, people: Sequence[Person]
) -> str:
    """The domain's refusal, with the names the clerk needs to put it right."""
    if error.field == "person":
        return f"{person.name} is already a member."
    if error.field == "role":
        label = role_label(membership.role)
        holder = next((m.person_id for m in trial.members if m.role == membership.role), "")
        names = {p.id: p.front_sheet_name() for p in people}
        who = f" ({names.get(holder, holder)})" if holder else ""
        return f"The committee already has a {label}{who}; take “({label})” off this line."
    return error.message


def leftover_text(lines: Sequence[EntryLine], substitutes: bool = False) -> str:
    """The lines that could not be added, with a ``Member``/``Substitute`` heading where
    the way they were read differs from the switch, so they read the same next time."""
    out: list[str] = []
    mode = substitutes
    for line in lines:
        if line.ok:
            continue
        if line.substitute != mode:
            out.append("Substitute" if line.substitute else "Member")
            mode = line.substitute
        out.append(line.text)
    return "\n".join(out)


_NOUNS = ("committee", "board", "panel", "forum", "cabinet", "council", "partnership", "group")


def noun_for(name: str) -> str:
    """How minutes refer to a body, from its name: ``"Health and Wellbeing Board"`` ->
    ``"the Board"``; ``"the Committee"`` when the name says nothing."""
    for word in name.split():
        bare = word.strip("()[],.").casefold()
        if bare in _NOUNS:
            return f"the {bare.capitalize()}"
    return "the Committee"
