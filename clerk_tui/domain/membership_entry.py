"""Entering a committee's membership: lines typed or pasted as printed, checks before a
seat is added or changed, and the small readings a committee form needs (quorum, ids).

Pure functions over the domain objects: the screens show what these return and save
what the clerk accepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from clerk_tui.domain.committee import Committee, Membership, Role
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.ids import initials, slugify, unique_id
from clerk_tui.domain.people import Person

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
#
# Lines as council websites (modern.gov) and front sheets print a membership:
#
#     Membership                                   a heading: members follow
#     • Councillor Jane Smith (Conservative, Chair) a bullet, a party, a role
#     Cllr. Mhairi Doyle, M.B.E.                   honours (dotted or "MBE")
#     Ms Diane Blair, Healthwatch                  a co-optee (organisation after a comma)
#     Mr X (Co-opted Member)                       a co-optee
#     Substitutes: Councillors Liam Kelly, Nora Lewis   several substitutes on one line
#     Co-opted Members                             a heading: co-optees follow
#
# Every line says how it was read; a heading is read, not made a person.


class Section(StrEnum):
    MEMBERS = "members"
    SUBSTITUTES = "substitutes"
    CO_OPTED = "co-opted"


_SECTION_HEADINGS: dict[str, Section] = {
    "member": Section.MEMBERS,
    "members": Section.MEMBERS,
    "membership": Section.MEMBERS,
    "committee membership": Section.MEMBERS,
    "committee members": Section.MEMBERS,
    "board membership": Section.MEMBERS,
    "board members": Section.MEMBERS,
    "membership of the committee": Section.MEMBERS,
    "membership of the board": Section.MEMBERS,
    "members of the committee": Section.MEMBERS,
    "councillors": Section.MEMBERS,
    "substitute": Section.SUBSTITUTES,
    "substitutes": Section.SUBSTITUTES,
    "substitute members": Section.SUBSTITUTES,
    "named substitutes": Section.SUBSTITUTES,
    "co-opted member": Section.CO_OPTED,
    "co-opted members": Section.CO_OPTED,
    "co-optees": Section.CO_OPTED,
    "co-optee": Section.CO_OPTED,
    "coopted members": Section.CO_OPTED,
    "non-voting co-opted members": Section.CO_OPTED,
    "voting co-opted members": Section.CO_OPTED,
}
_ROLE_HEADINGS: dict[str, Role] = {
    "chair": Role.CHAIR,
    "chairman": Role.CHAIR,
    "chairperson": Role.CHAIR,
    "vice-chair": Role.VICE_CHAIR,
    "vice chair": Role.VICE_CHAIR,
    "vice-chairman": Role.VICE_CHAIR,
    "vice chairman": Role.VICE_CHAIR,
}
_PARTIES = frozenset(
    [
        "conservative",
        "conservatives",
        "labour",
        "labour and co-operative",
        "labour co-operative",
        "labour and co-operative party",
        "liberal democrat",
        "liberal democrats",
        "lib dem",
        "lib dems",
        "green",
        "green party",
        "greens",
        "independent",
        "independents",
        "reform uk",
        "reform",
        "plaid cymru",
        "snp",
        "ukip",
        "residents",
        "residents association",
        "residents' association",
        "con",
        "lab",
        "ld",
        "ind",
        "grn",
    ]
)
_BULLET = re.compile(r"^\s*(?:[-•●▪◦·∙‣*>]|\uf0b7|\uf0a7|\uf0d8)\s*")
_TITLE = re.compile(r"^(?:cllrs?\.?|councillors?)\s+", re.IGNORECASE)
_HONOURS_WORDS = (
    r"(?:(?:[A-Z]\.){2,}[A-Z]?\.?|MBE|OBE|CBE|KBE|DBE|BEM|JP|DL|QPM|KC|QC|MP|FRCA|FRCP|FRCS|FRCGP)"
)
_HONOURS_TAIL = re.compile(rf"(?P<sep>,?\s+)(?P<honours>{_HONOURS_WORDS}(?:\s*,?\s*{_HONOURS_WORDS})*)$")
_LEADING_HONOURS = re.compile(rf"^(?P<honours>{_HONOURS_WORDS})\s*,\s*(?P<rest>.+)$")
_BRACKETS_AT_END = re.compile(r"\s*\(([^()]*)\)\s*$")


@dataclass
class PrintedMember:
    """One member's line, split into its parts, and how each part was read."""

    name: str
    councillor: bool = False
    post_nominals: str = ""
    post_nominals_comma: bool = True
    organisation: str = ""
    organisation_in_brackets: bool = False
    role: Role | None = None
    """Chair or Vice-Chair when the line says so; CO_OPTED from "(Co-opted Member)"; None
    when it says nothing."""
    party: str = ""
    substitute: bool = False
    """ "(Substitute)" was printed."""
    voting: bool | None = None
    """ "(non-voting)" or "(voting)" when printed."""
    how: list[str] = field(default_factory=list)


def read_printed_member(text: str) -> PrintedMember:
    """``• Cllr. Jane Smith MBE (Conservative, Vice-Chair)`` -> its parts.

    Raises DomainError for a line with no name in it.
    """
    original = " ".join(text.split())
    line = original
    how: list[str] = []
    bullet = _BULLET.match(line)
    if bullet and bullet.end() < len(line) and not line.startswith("--"):
        line = line[bullet.end() :]
        how.append("bullet dropped")
    member = PrintedMember("", how=[])
    while True:
        bracket = _BRACKETS_AT_END.search(line)
        if not bracket:
            break
        _read_brackets(member, bracket.group(1))
        line = line[: bracket.start()]
    in_brackets, member.how = member.how, how
    title = _TITLE.match(line)
    if title:
        member.councillor = True
        how.append("councillor")
        line = line[title.end() :]
    honours = _HONOURS_TAIL.search(line)
    if honours and honours.start() > 0:
        member.post_nominals = honours.group("honours")
        member.post_nominals_comma = "," in honours.group("sep")
        how.append(f"honours {member.post_nominals}")
        line = line[: honours.start()]
    if "," in line:
        head, tail = (part.strip() for part in line.split(",", 1))
        leading = _LEADING_HONOURS.match(tail)
        if leading and not member.post_nominals:
            member.post_nominals = leading.group("honours")
            how.append(f"honours {member.post_nominals}")
            tail = leading.group("rest").strip()
        if tail and tail.casefold() in _PARTIES:
            member.party = tail
            how.append(f"party {tail} (not kept)")
        elif tail and not member.organisation:
            member.organisation = tail
            how.append(f"org. {tail}")
        line = head
    member.name = line.strip(" ,")
    if not member.name:
        raise DomainError(f"“{original}” has no name in it.")
    how.extend(in_brackets)
    return member


def _read_brackets(member: PrintedMember, inside: str) -> None:
    """ "(Conservative, Vice-Chair)", "(Co-opted Member)", "(Sefton Council)"."""
    for part in (piece.strip() for piece in inside.split(",")):
        lowered = part.casefold().rstrip(".")
        if not lowered:
            continue
        if lowered in _ROLE_HEADINGS:
            member.role = _ROLE_HEADINGS[lowered]
            member.how.append(role_label(member.role))
        elif lowered in ("substitute", "substitute member", "sub"):
            member.substitute = True
            member.how.append("substitute")
        elif lowered in ("co-opted member", "co-opted", "co-optee", "coopted member", "co-opted non-voting"):
            member.role = Role.CO_OPTED
            member.how.append("co-optee")
        elif lowered in ("non-voting", "non voting"):
            member.voting = False
            member.how.append("non-voting")
        elif lowered == "voting":
            member.voting = True
            member.how.append("voting")
        elif lowered in _PARTIES:
            member.party = part
            member.how.append(f"party {part} (not kept)")
        elif not member.organisation:
            member.organisation = part
            member.organisation_in_brackets = True
            member.how.append(f"org. {part} (brackets)")
        else:
            member.how.append(f"“{part}” in brackets not read")


def classify_heading(text: str) -> tuple[Section | Role | None, str]:
    """A heading line (``Membership``, ``Substitutes:``), or a heading with names after its
    colon (``Substitutes: Councillors Liam Kelly, Nora Lewis``): (what it heads, the rest)."""
    original = " ".join(text.split())
    stripped = " ".join(_BULLET.sub("", original, count=1).split()) if _BULLET.match(original) else original
    head, colon, rest = stripped.partition(":")
    key = head.strip().casefold()
    if key in _SECTION_HEADINGS and (colon or not rest):
        return _SECTION_HEADINGS[key], rest.strip()
    if colon and key in _ROLE_HEADINGS and rest.strip():
        return _ROLE_HEADINGS[key], rest.strip()
    return None, original


def split_names(text: str) -> list[str]:
    """ "Councillors Liam Kelly, Nora Lewis and Sam Jones" -> each with the title;
    commas and "and" inside brackets do not split."""
    titled = re.match(r"^(?:cllrs\.?|councillors)\s+", text, re.IGNORECASE)
    body = text[titled.end() :] if titled else text
    names: list[str] = []
    depth, start = 0, 0
    separators = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
    position = 0
    while position < len(body):
        character = body[position]
        if character == "(":
            depth += 1
        elif character == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            match = separators.match(body, position)
            if match and match.end() > position:
                names.append(body[start:position])
                start = position = match.end()
                continue
        position += 1
    names.append(body[start:])
    cleaned = [_trimmed(name) for name in names if _trimmed(name)]
    merged: list[str] = []
    for name in cleaned:
        if merged and re.fullmatch(_HONOURS_WORDS, name):
            merged[-1] = f"{merged[-1]}, {name}"
        else:
            merged.append(name)
    return [f"Councillor {name}" if titled and not _TITLE.match(name) else name for name in merged]


def _trimmed(name: str) -> str:
    """A name from a list, less the list's punctuation (a final full stop after a word, not
    the last dot of "O.B.E.")."""
    name = name.strip(" ;,")
    return name[:-1] if re.search(r"[a-z]\.$", name) else name


@dataclass
class EntryLine:
    """How one typed line (or one name of a line that lists several) was read."""

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
    how: str = ""
    """How the line was read, in words: "Cllr.: a councillor; (Vice-Chair): Vice-Chair"."""
    section: Section = Section.MEMBERS

    @property
    def ok(self) -> bool:
        return not self.error and self.person is not None and self.membership is not None


@dataclass(frozen=True)
class LinePreview:
    """Every non-blank line, and how it was read: a heading, one or more people, or a problem."""

    number: int
    text: str
    how: str
    entries: tuple[EntryLine, ...] = ()


def read_member_line(
    text: str,
    people: Sequence[Person],
    taken_ids: Iterable[str],
    *,
    substitute: bool = False,
    co_opted: bool = False,
) -> tuple[Person, Membership, bool]:
    """One line as printed -> (person, seat, person already known).

    - ``(Chair)`` / ``(Vice-Chair)`` give the role, also inside a party's brackets
      (``(Conservative, Vice-Chair)``); the party is read but not kept.
    - With ``substitute`` (the switch or a "Substitutes" heading) or ``(Substitute)`` the
      seat is a substitute's, which can not be Chair or Vice-Chair.
    - ``(Co-opted Member)``, a "Co-opted Members" heading, or not a councillor with an
      organisation after a comma (``Ms Diane Blair, Healthwatch``): co-opted and
      non-voting (unless printed "(voting)").
    - An organisation in brackets (``Deborah Butcher (Sefton Council)``, as minutes print
      partners): a voting member whose organisation is kept.
    - Anyone else: a voting member.
    - A person already known by exactly that name is reused and left unchanged.
    """
    printed = read_printed_member(text)
    role_said = printed.role
    substitute = substitute or printed.substitute
    if substitute:
        if role_said in (Role.CHAIR, Role.VICE_CHAIR):
            label = role_label(role_said)
            raise DomainError(
                f"A substitute can not be the {label}; take “({label})” off or list them as a member."
            )
        role = Role.SUBSTITUTE
    elif role_said in (Role.CHAIR, Role.VICE_CHAIR, Role.CO_OPTED):
        role = role_said
    elif co_opted or (
        printed.organisation and not printed.councillor and not printed.organisation_in_brackets
    ):
        role = Role.CO_OPTED
    else:
        role = Role.MEMBER
    voting = printed.voting if printed.voting is not None else role != Role.CO_OPTED
    known = people_named(printed.name, people)
    if known:
        person = known[0]
    else:
        person = Person(
            person_id_for(printed.name, taken_ids),
            printed.name,
            councillor=printed.councillor,
            post_nominals=printed.post_nominals,
            post_nominals_comma=printed.post_nominals_comma,
            organisation=printed.organisation,
        )
    return person, Membership(person.id, role, voting=voting), bool(known)


def _described(text: str, substitute: bool, co_opted: bool) -> str:
    try:
        printed = read_printed_member(text)
    except DomainError:
        return ""
    parts = list(printed.how)
    if substitute and not printed.substitute:
        parts.append("substitute (heading)")
    elif co_opted and printed.role is None:
        parts.append("co-optee (heading)")
    return "; ".join(parts)


def preview_member_lines(
    text: str, committee: Committee, people: Sequence[Person], *, substitutes: bool = False
) -> list[LinePreview]:
    """Every non-blank line of ``text``, read and checked against the committee and the
    lines above it (a second Chair, the same person twice), saying how each was read."""
    trial = Committee(committee.id, committee.name, members=list(committee.members))
    known = list(people)
    taken = {person.id for person in known}
    section = Section.SUBSTITUTES if substitutes else Section.MEMBERS
    previews: list[LinePreview] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = " ".join(raw.split())
        if not stripped:
            continue
        heading, rest = classify_heading(stripped)
        names = [rest] if rest else []
        role_prefix: Role | None = None
        how = ""
        if isinstance(heading, Section):
            section = heading
            how = f"heading: {_SECTION_WORDS[heading]} follow"
            names = split_names(rest) if rest else []
            if not names:
                previews.append(LinePreview(number, stripped, how))
                continue
            how += f"; {len(names)} name{'s' if len(names) != 1 else ''} on the line"
        elif isinstance(heading, Role):
            role_prefix = heading
            how = f"“{stripped.split(':', 1)[0]}:”: {role_label(heading)}"
        elif re.match(r"^(?:cllrs\.?|councillors)\s", stripped, re.IGNORECASE) and (
            "," in stripped or " and " in stripped
        ):
            names = split_names(stripped)
            how = f"{len(names)} names on one line"
        entries: list[EntryLine] = []
        for name in names:
            if role_prefix is not None:
                name = f"{name} ({role_label(role_prefix)})"
            substitute = section == Section.SUBSTITUTES
            co_opted = section == Section.CO_OPTED
            line = EntryLine(number, name, substitute, section=section)
            line.how = _described(name, substitute, co_opted)
            entries.append(line)
            try:
                person, membership, existing = read_member_line(
                    name, known, taken, substitute=substitute, co_opted=co_opted
                )
            except DomainError as error:
                line.error = error.message
                continue
            line.substitute = membership.role == Role.SUBSTITUTE
            try:
                trial.add_member(membership)
            except DomainError as error:
                line.error = _explained(error, person, membership, trial, known)
                continue
            line.person, line.membership, line.existing = person, membership, existing
            if not existing:
                known.append(person)
                taken.add(person.id)
        summary = how or (entries[0].how if len(entries) == 1 else "")
        previews.append(LinePreview(number, stripped, summary, tuple(entries)))
    return previews


_SECTION_WORDS = {
    Section.MEMBERS: "members",
    Section.SUBSTITUTES: "substitutes",
    Section.CO_OPTED: "co-optees",
}


def read_member_lines(
    text: str, committee: Committee, people: Sequence[Person], *, substitutes: bool = False
) -> list[EntryLine]:
    """Every person named in ``text`` (a line that lists several gives several), read and
    checked against the committee and against the lines above it.

    A heading (``Member``, ``Membership``, ``Substitutes:``, ``Co-opted Members``) is not a
    person: it says how the lines under it are read.
    """
    return [
        entry
        for preview in preview_member_lines(text, committee, people, substitutes=substitutes)
        for entry in preview.entries
    ]


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
