"""Names in a paper matched to the register, or new people made for them.

domain.md 1.3: the same person is spelled differently across papers ("Matt Ashton" /
"Matthew Ashton", "Dr.Rob Caudwell" / "Dr. Rob Caudwell", "Sarah Alldis" / "Sarah
Aldis"), and people are never de-duplicated by exact string. So a name is matched by
these rules, in order, first among the committee's members and then among everyone:

1. exactly as the person's name (with or without honours);
2. for a councillor, as the minutes name them ("Councillor Cummins" is Paul Cummins when
   the register says his minutes name, or his surname, is Cummins);
3. the same name but for spacing, dots and a personal prefix ("Dr.Rob" / "Dr. Rob");
4. a surname alone, when one member has it;
5. the same surname with a shortened first name ("Matt" / "Matthew"), or one letter
   different in the surname with the same first name ("Alldis" / "Aldis"): matched, and
   said to be a guess for the clerk to check.

Anyone else is a new person, with an id that clashes with no one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from clerk_tui.domain import Committee, Person
from clerk_tui.domain.membership_entry import person_id_for
from clerk_tui.reading.names import PERSONAL_PREFIXES, PrintedName

_PREFIXES = frozenset(prefix.rstrip(".").casefold() for prefix in PERSONAL_PREFIXES)


def loose_key(name: str) -> str:
    """ "Dr.Rob  Caudwell" and "Dr. Rob Caudwell" -> "rob caudwell"."""
    words = re.sub(r"[.]", ". ", name).replace(",", " ").split()
    kept = [w.rstrip(".").casefold() for w in words if w.rstrip(".").casefold() not in _PREFIXES]
    return " ".join(kept)


def _exact_key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Found:
    person: Person
    how: str
    """ "as in the register", "by surname", "new", ..."""
    certain: bool = True
    new: bool = False


class PeopleBook:
    """Everyone known while one paper is read: the register, and the people made for it."""

    def __init__(
        self, people: Iterable[Person], committee: Committee | None = None, day: date | None = None
    ) -> None:
        self.known: list[Person] = list(people)
        self._day = day
        """The paper's date: a person is found by the name they had then (a marriage after
        it renamed them in the register, the paper keeps the old name)."""
        self.created: list[Person] = []
        self._members = {m.person_id for m in committee.members} if committee else set()
        self._taken = {person.id for person in self.known}
        self._short_names = True

    def everyone(self) -> list[Person]:
        return self.known + self.created

    def use_short_names(self, short: bool) -> None:
        """Whether the committee's minutes name councillors by surname (for new people)."""
        self._short_names = short

    def find(self, printed: PrintedName, *, councillor: bool | None = None) -> Found | None:
        """The person ``printed`` names, or None. ``councillor``: what the title says
        (True), that they are printed without one where a title would show (False), or
        nothing known (None)."""
        name = printed.name
        if not name:
            return None
        pools = [self._in_committee(), self.everyone()] if self._members else [self.everyone()]
        for pool in pools:
            found = self._find_in(name, printed, pool, councillor)
            if found is not None:
                return found
        return None

    def _in_committee(self) -> list[Person]:
        return [p for p in self.everyone() if p.id in self._members or p in self.created]

    def _find_in(
        self, name: str, printed: PrintedName, pool: Sequence[Person], councillor: bool | None
    ) -> Found | None:
        dated = {id(p): p.as_on(self._day) if self._day else p for p in pool}
        found = self._find_named(
            name,
            printed,
            [dated[id(p)] for p in pool if councillor is None or p.councillor == councillor],
            councillor,
        )
        if found is None:
            return None
        original = next(p for p in pool if dated[id(p)] is found.person)
        return replace(found, person=original)

    def _find_named(
        self, name: str, printed: PrintedName, allowed: Sequence[Person], councillor: bool | None
    ) -> Found | None:
        exact = _exact_key(name)
        with_honours = _exact_key(printed.bare)
        hits = [p for p in allowed if _exact_key(p.name) in (exact, with_honours)]
        hits = hits or [p for p in allowed if _exact_key(p.name_with_honours()) == with_honours]
        if len(hits) == 1:
            known = any(p.id == hits[0].id for p in self.known)
            return Found(hits[0], "as in the register" if known else "as above")
        if councillor is not False:
            short = [p for p in allowed if p.councillor and _exact_key(p.minutes_short_name()) == exact]
            if len(short) == 1:
                return Found(short[0], "by the name the minutes use for them")
        loose = loose_key(name)
        similar = [p for p in allowed if loose_key(p.name) == loose]
        if len(similar) == 1:
            return Found(similar[0], f"as {similar[0].name} (spelled “{name}” here)")
        words = loose.split()
        if len(words) == 1:
            by_surname = [p for p in allowed if loose_key(p.surname()) == words[0]]
            if len(by_surname) == 1:
                return Found(by_surname[0], "by surname")
        if len(words) >= 2:
            guess = [p for p in allowed if _resembles(words, loose_key(p.name).split())]
            if len(guess) == 1:
                return Found(guess[0], f"as {guess[0].name}, whom “{name}” resembles: check", certain=False)
        return None

    def create(self, printed: PrintedName, *, councillor: bool, organisation: str = "") -> Found:
        """A new person for a name not in the register."""
        name = printed.name
        person = Person(
            person_id_for(name, self._taken),
            name,
            councillor=councillor,
            post_nominals=printed.honours,
            post_nominals_comma=printed.honours_comma,
            organisation=organisation,
        )
        if councillor and self._short_names and len(name.split()) > 1:
            person.minutes_name = name
        self._taken.add(person.id)
        self.created.append(person)
        return Found(person, "new", new=True)

    def find_or_create(
        self, printed: PrintedName, *, councillor: bool | None, organisation: str = ""
    ) -> Found:
        found = self.find(printed, councillor=councillor)
        if found is not None:
            return found
        return self.create(printed, councillor=bool(councillor), organisation=organisation)


def _resembles(words: list[str], other: list[str]) -> bool:
    """ "matthew ashton" ~ "matt ashton"; "sarah aldis" ~ "sarah alldis"."""
    if len(other) < 2:
        return False
    first, last = words[0], words[-1]
    other_first, other_last = other[0], other[-1]
    if last == other_last and first != other_first:
        shorter, longer = sorted((first, other_first), key=len)
        return len(shorter) >= 3 and longer.startswith(shorter)
    if first == other_first and last != other_last:
        return _one_edit(last, other_last) and min(len(last), len(other_last)) >= 4
    return False


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))
