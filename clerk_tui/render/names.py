"""How minutes name people: titles, the "Councillors" rule, organisations, lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clerk_tui.domain import CouncillorNames, HouseStyle, OrganisationStyle, Person
from clerk_tui.domain.people import Paper


@dataclass(frozen=True)
class Named:
    """One person as a list in the minutes will print them."""

    name: str
    councillor: bool
    organisation: str = ""


def minutes_name(person: Person, style: HouseStyle, printed_name: str = "", committee_id: str = "") -> str:
    """The name without title: "Cummins" or "Carla Thomas" or "Brian Clark, O.B.E." (or the
    form the person's minutes take, on this committee's papers or every committee's)."""
    if printed_name:
        return printed_name
    form = person.form_for(Paper.MINUTES, committee_id)
    if form is not None:
        return form.name
    if person.councillor and style.councillor_names == CouncillorNames.SHORT:
        return person.minutes_short_name()
    return person.name_with_honours()


def with_organisation(name: str, organisation: str, style: HouseStyle) -> str:
    if not organisation or style.organisations_in_minutes == OrganisationStyle.NONE:
        return name
    if style.organisations_in_minutes == OrganisationStyle.BRACKETS:
        return f"{name} ({organisation})"
    return f"{name}, {organisation}"


def join_names(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def titled(named: Named, style: HouseStyle) -> str:
    """ "Councillor Moncur" / "Vicky Buchanan" / "Diane Blair, Healthwatch Sefton"."""
    title = "Councillor " if named.councillor else ""
    return with_organisation(title + named.name, named.organisation, style)


def each_titled(people: Sequence[Named], style: HouseStyle) -> str:
    """Every councillor with their own title: the apologies and ALSO PRESENT lists."""
    return join_names([titled(named, style) for named in people])


def councillors_first_list(people: Sequence[Named], style: HouseStyle) -> str:
    """The PRESENT list: "Councillors A, B, C and D" when it starts with two or more
    councillors, "Councillor A, B and C" when it starts with one; the title belongs to
    the leading councillors only and is never inferred for later names."""
    leading = 0
    for named in people:
        if not named.councillor:
            break
        leading += 1
    parts = []
    for index, named in enumerate(people):
        shown = with_organisation(named.name, named.organisation, style)
        if named.councillor and index >= leading:
            shown = titled(named, style)
        parts.append(shown)
    text = join_names(parts)
    if leading >= 2:
        return f"Councillors {text}"
    if leading == 1:
        return f"Councillor {text}"
    return text
