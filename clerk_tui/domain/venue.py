"""Where a meeting is held, printed differently on different papers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Venue:
    room: str = ""
    """"Committee Room", "Birkdale Room"."""
    building: str = ""
    """"Bootle Town Hall"."""
    address: str = ""
    """"Trinity Road, Bootle, L20 7AE"."""
    minutes_wording: str = ""
    """How the minutes heading names it, when the clerk's style differs from the front
    sheet ("THE TOWN HALL, BOOTLE" in 2019); empty means the front-sheet wording."""

    def front_sheet(self) -> str:
        """``Committee Room - Bootle Town Hall, Trinity Road, Bootle, L20 7AE``."""
        head = " - ".join(part for part in (self.room, self.building) if part)
        return ", ".join(part for part in (head, self.address) if part)

    def for_minutes(self) -> str:
        return self.minutes_wording or self.front_sheet()

    def is_empty(self) -> bool:
        return not (self.room or self.building or self.address or self.minutes_wording)
