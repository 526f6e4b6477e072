"""People: members, co-optees, substitutes and officers, and how their names print."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.patterns import compiled_on_first_use


class Paper(StrEnum):
    """The papers that print a person's name, each in its own form."""

    FRONT_SHEET = "front-sheet"
    MINUTES = "minutes"


@dataclass
class PrintedForm:
    """How one kind of paper prints a person, where it differs from the rule: the same
    co-optee is "Ms Jane Doe, Healthwatch" on the front sheet and "Jane Doe, Healthwatch
    Sefton" in the minutes. Set once, on the person, not at every meeting."""

    paper: Paper
    name: str
    """The name as that paper prints it, honours included, without "Cllr."/"Councillor"
    (the title follows the paper's rule)."""
    organisation: str = ""
    """The organisation as that paper prints it; empty means the person's own."""
    committee_id: str = ""
    """Only on this committee's papers (two bodies that print the name differently);
    empty means every committee."""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise DomainError("A printed form needs the name as the paper prints it.", "name")


@dataclass
class EarlierName:
    """A name the person had until a date (before a marriage, before an honour): papers of
    meetings before ``until`` print it, whenever they are printed."""

    until: date
    """The first day of the next name: papers dated before it keep this one."""
    name: str
    minutes_name: str = ""
    post_nominals: str = ""
    post_nominals_comma: bool = True
    printed_forms: list[PrintedForm] = field(default_factory=list)


@dataclass
class Person:
    """Someone a clerk names in papers.

    The same person is spelled differently across papers (domain.md 1.3), so people
    are never de-duplicated by name: each has an ``id``.
    """

    id: str
    name: str
    """As printed, personal prefix included: "Dr. Rob Caudwell", "Superintendent Dawn McNally"."""
    councillor: bool = False
    """Prints "Councillor" in minutes and "Cllr." on front sheets."""
    minutes_name: str = ""
    """How minutes name a councillor in a committee that uses surnames ("Cummins");
    empty means the surname. "John Joseph Kelly" keeps his full name here."""
    post_nominals: str = ""
    """Honours after the name: "M.B.E.", "C.B.E.", "F.R.C.A."."""
    post_nominals_comma: bool = True
    """"Cllr. Mhairi Doyle, M.B.E." (True) or "Cllr. Sir Ron Watson C.B.E." (False)."""
    organisation: str = ""
    """For partner and co-opted members: "Healthwatch Sefton", "Sefton Council"."""
    job_title: str = ""
    telephone: str = ""
    email: str = ""
    printed_forms: list[PrintedForm] = field(default_factory=list)
    """Where a paper prints them otherwise than the rule (per paper, per committee)."""
    earlier_names: list[EarlierName] = field(default_factory=list)
    """Names they had before a change, oldest first; ``name`` is the name now."""

    def __post_init__(self) -> None:
        untils = [earlier.until for earlier in self.earlier_names]
        if untils != sorted(untils) or len(set(untils)) != len(untils):
            raise DomainError("Earlier names must run oldest first, each to a later date.", "earlier_names")

    def as_on(self, day: date) -> Person:
        """The person as papers dated ``day`` print them: the name they had then."""
        for earlier in self.earlier_names:
            if day < earlier.until:
                return replace(
                    self,
                    name=earlier.name,
                    minutes_name=earlier.minutes_name,
                    post_nominals=earlier.post_nominals,
                    post_nominals_comma=earlier.post_nominals_comma,
                    printed_forms=list(earlier.printed_forms),
                    earlier_names=[],
                )
        return self

    def renamed_from(
        self,
        day: date,
        name: str,
        *,
        minutes_name: str = "",
        post_nominals: str | None = None,
        post_nominals_comma: bool | None = None,
    ) -> Person:
        """The person with a new name from ``day`` on; papers before it keep the old one.

        The printed forms belong to the old name (they spell it), so the new name starts
        with none; the honours are kept unless given."""
        if not name.strip():
            raise DomainError("Type the new name as papers will print it.", "name")
        if self.earlier_names and day <= self.earlier_names[-1].until:
            raise DomainError(
                f"The name already changed on {self.earlier_names[-1].until:%d/%m/%Y}; a new "
                "change must come after it.",
                "since",
            )
        earlier = EarlierName(
            day,
            self.name,
            self.minutes_name,
            self.post_nominals,
            self.post_nominals_comma,
            list(self.printed_forms),
        )
        return replace(
            self,
            name=" ".join(name.split()),
            minutes_name=minutes_name,
            post_nominals=self.post_nominals if post_nominals is None else post_nominals,
            post_nominals_comma=self.post_nominals_comma
            if post_nominals_comma is None
            else post_nominals_comma,
            printed_forms=[],
            earlier_names=[*self.earlier_names, earlier],
        )

    def with_printed_form(self, form: PrintedForm) -> Person:
        """The person with ``form`` for its paper and committee, in place of the one there was
        (one form per paper per committee: a second would leave the paper two spellings)."""
        kept = [f for f in self.printed_forms if (f.paper, f.committee_id) != (form.paper, form.committee_id)]
        tidy = replace(
            form, name=" ".join(form.name.split()), organisation=" ".join(form.organisation.split())
        )
        return replace(self, printed_forms=[*kept, tidy])

    def without_printed_form(self, paper: Paper, committee_id: str = "") -> Person:
        """The person with the paper printing them by the rule again (for that committee)."""
        kept = [f for f in self.printed_forms if (f.paper, f.committee_id) != (paper, committee_id)]
        if len(kept) == len(self.printed_forms):
            raise DomainError("There is no printed form for that paper and committee.", "form")
        return replace(self, printed_forms=kept)

    def form_for(self, paper: Paper, committee_id: str = "") -> PrintedForm | None:
        """How ``paper`` of ``committee_id`` prints them, if not by the rule: the committee's
        own form first, then the one for every committee."""
        general = None
        for form in self.printed_forms:
            if form.paper != paper:
                continue
            if form.committee_id and form.committee_id == committee_id:
                return form
            if not form.committee_id and general is None:
                general = form
        return general

    def surname(self) -> str:
        return self.name.split()[-1] if self.name.split() else self.name

    def name_with_honours(self) -> str:
        if not self.post_nominals:
            return self.name
        separator = ", " if self.post_nominals_comma else " "
        return f"{self.name}{separator}{self.post_nominals}"

    def front_sheet_name(self, committee_id: str = "") -> str:
        """``Cllr. Mhairi Doyle, M.B.E.`` or ``Superintendent Dawn McNally`` (or the form
        the front sheets of ``committee_id`` print)."""
        prefix = "Cllr. " if self.councillor else ""
        form = self.form_for(Paper.FRONT_SHEET, committee_id)
        return prefix + (form.name if form else self.name_with_honours())

    def organisation_on(self, paper: Paper, committee_id: str = "") -> str:
        """The organisation as ``paper`` prints it beside the name."""
        form = self.form_for(paper, committee_id)
        return form.organisation if form and form.organisation else self.organisation

    def minutes_short_name(self) -> str:
        return self.minutes_name or self.surname()


@dataclass
class OfficerContact:
    """The committee officer block of a front sheet; kept per meeting as well as per
    committee, since the same officer shows different numbers on different papers."""

    name: str = ""
    job_title: str = ""
    telephone: str = ""
    email: str = ""

    def is_empty(self) -> bool:
        return not (self.name or self.job_title or self.telephone or self.email)


_titles = compiled_on_first_use(r"^(?:cllr\.?|councillor)\s+", re.IGNORECASE)


_role_suffix = compiled_on_first_use(r"\s*\((chair|vice[- ]chair)\)\s*$", re.IGNORECASE)


_honours = compiled_on_first_use(
    r"(?P<sep>,?\s+)(?P<honours>(?:[A-Z]\.){2,}[A-Z]?\.?(?:\s*,?\s*(?:[A-Z]\.){2,}[A-Z]?\.?)*)$"
)


@dataclass
class ParsedMemberLine:
    """One line typed or pasted as printed, split into its parts."""

    name: str
    councillor: bool
    post_nominals: str
    post_nominals_comma: bool
    organisation: str
    role: str
    """"chair", "vice-chair" or "" (the line said nothing)."""


def parse_member_line(line: str) -> ParsedMemberLine:
    """Read a membership line as printed on a front sheet or in minutes.

    ``Cllr. Carla Thomas (Chair)``, ``Ms Diane Blair, Healthwatch``,
    ``Cllr. Mhairi Doyle, M.B.E.``, ``Deborah Butcher (Sefton Council)``.
    """
    text = " ".join(line.strip().split())
    if not text:
        raise DomainError("The line is empty; type a name as printed, e.g. Cllr. Carla Thomas (Chair).")
    role = ""
    role_match = _role_suffix().search(text)
    if role_match:
        role = "vice-chair" if "vice" in role_match.group(1).lower() else "chair"
        text = text[: role_match.start()]
    organisation = ""
    bracket = re.search(r"\s*\(([^()]+)\)\s*$", text)
    if bracket:
        organisation = bracket.group(1).strip()
        text = text[: bracket.start()]
    councillor = bool(_titles().match(text))
    text = _titles().sub("", text)
    honours = ""
    comma = True
    honours_match = _honours().search(text)
    if honours_match:
        honours = honours_match.group("honours")
        comma = "," in honours_match.group("sep")
        text = text[: honours_match.start()]
    if not organisation and "," in text:
        text, organisation = (part.strip() for part in text.split(",", 1))
    name = text.strip(" ,")
    if not name:
        raise DomainError(f"“{line.strip()}” has no name in it.")
    return ParsedMemberLine(name, councillor, honours, comma, organisation, role)
