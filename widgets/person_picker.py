"""Pick a person by typing their name: type-ahead completes from the people known."""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import SuggestFromList

from clerk_tui.domain import DomainError, Person
from widgets.fields import TextField


class PersonPicker(TextField[Person]):
    """A name field that completes as the clerk types (right arrow accepts) and resolves
    to one person; an unknown or ambiguous name says so."""

    def __init__(
        self,
        label: str,
        people: Iterable[Person],
        *,
        value: str = "",
        required: bool = True,
        field_id: str | None = None,
    ) -> None:
        self.people = list(people)
        names = [person.name for person in self.people]
        super().__init__(
            label,
            value=value,
            placeholder="start typing a name",
            parse=self._find,
            echo=self._describe,
            required=required,
            field_id=field_id,
            suggester=SuggestFromList(names, case_sensitive=False),
        )

    def _find(self, text: str) -> Person:
        wanted = " ".join(text.split()).lower()
        exact = [p for p in self.people if p.name.lower() == wanted]
        if len(exact) == 1:
            return exact[0]
        starts = [p for p in self.people if p.name.lower().startswith(wanted)]
        if len(starts) == 1:
            return starts[0]
        if not exact and not starts:
            raise DomainError(f"No one called “{text.strip()}”; add them to the committee first.")
        raise DomainError(f"“{text.strip()}” could be {len(exact or starts)} people; type more of the name.")

    @staticmethod
    def _describe(person: Person) -> str:
        extra = person.organisation or person.job_title
        return f"{person.name}{', ' + extra if extra else ''}"
