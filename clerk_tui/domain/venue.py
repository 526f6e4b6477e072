"""Where a meeting is held, printed differently on different papers, and the council's
register of its rooms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from clerk_tui.domain.errors import DomainError


@dataclass
class Venue:
    """Where a meeting is held, as the summons prints it."""

    room: str = ""
    """"Committee Room", "Birkdale Room"."""
    building: str = ""
    """"Bootle Town Hall"."""
    address: str = ""
    """"Trinity Road, Bootle, L20 7AE"."""
    minutes_wording: str = ""
    """How the minutes heading names it, when the clerk's style differs from the front
    sheet ("THE TOWN HALL, BOOTLE" in 2019); empty means the front-sheet wording."""
    sentence_wording: str = ""
    """How a sentence of the minutes names it ("the Town Hall, Southport", in the date of
    the next meeting); empty means the front-sheet wording."""
    id: str = ""
    """Its entry in the venue register ("bootle-committee-room"); empty for a venue typed
    for one meeting only. A meeting keeps its own copy: renaming a room later does not
    reprint the papers of meetings already held there."""

    def front_sheet(self) -> str:
        """``Committee Room - Bootle Town Hall, Trinity Road, Bootle, L20 7AE``."""
        head = " - ".join(part for part in (self.room, self.building) if part)
        return ", ".join(part for part in (head, self.address) if part)

    def for_minutes(self) -> str:
        return self.minutes_wording or self.front_sheet()

    def in_sentence(self) -> str:
        return self.sentence_wording or self.front_sheet()

    def is_empty(self) -> bool:
        return not (self.room or self.building or self.address or self.minutes_wording)

    def same_place(self, other: Venue) -> bool:
        """The same wording on every paper (the register id aside)."""
        return replace(self, id="") == replace(other, id="")


def check_registered(venue: Venue) -> None:
    """A register entry needs an id and something to print."""
    if not venue.id.strip():
        raise DomainError("A venue in the register needs an id.", "id")
    if not venue.front_sheet():
        raise DomainError("Give the room, the building or the address as the front sheet prints it.", "room")


def venue_id_for(venue: Venue, taken: Iterable[str]) -> str:
    """A short id from the wording ("bootle-town-hall-committee-room"), unique among ``taken``."""
    words = " ".join(part for part in (venue.building, venue.room) if part) or venue.front_sheet()
    base = re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")[:60].strip("-") or "venue"
    used = set(taken)
    candidate, number = base, 2
    while candidate in used:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def venue_as_typed(typed: Venue, chosen: Venue | None, before: Venue) -> Venue:
    """The venue a meeting keeps, from the room, building and address typed for it.

    Typed as the register entry ``chosen`` words it: a copy of that entry (its minutes and
    sentence wording with it). Else, typed as ``before`` (the usual venue, or the meeting's
    own) words it: ``before`` as it was. Else free text: the minutes' wording described
    another place, so a new place prints its front-sheet wording everywhere."""
    place = (typed.room, typed.building, typed.address)
    for known in (chosen, before):
        if known is not None and place == (known.room, known.building, known.address):
            return replace(known)
    return Venue(*place)


def registered_as(register: Iterable[Venue], venue: Venue) -> Venue | None:
    """The register's entry for ``venue``: by its id, else the room with the same room,
    building and address (a usual venue typed before the register had it)."""
    rooms = list(register)
    place = (venue.room, venue.building, venue.address)
    by_id = [room for room in rooms if venue.id and room.id == venue.id]
    by_place = [room for room in rooms if (room.room, room.building, room.address) == place]
    return next(iter(by_id + by_place), None)


def choose_venue(register: Iterable[Venue], venue_id: str) -> Venue:
    """A copy of the registered venue, for one meeting (its wording frozen with the meeting)."""
    for venue in register:
        if venue.id == venue_id:
            return replace(venue)
    raise DomainError(f"There is no venue {venue_id!r} in the register.", "venue")
