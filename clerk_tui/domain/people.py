"""People: members, co-optees, substitutes and officers, and how their names print."""

from __future__ import annotations

import re
from dataclasses import dataclass

from clerk_tui.domain.errors import DomainError


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

    def surname(self) -> str:
        return self.name.split()[-1] if self.name.split() else self.name

    def name_with_honours(self) -> str:
        if not self.post_nominals:
            return self.name
        separator = ", " if self.post_nominals_comma else " "
        return f"{self.name}{separator}{self.post_nominals}"

    def front_sheet_name(self) -> str:
        """``Cllr. Mhairi Doyle, M.B.E.`` or ``Superintendent Dawn McNally``."""
        prefix = "Cllr. " if self.councillor else ""
        return prefix + self.name_with_honours()

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


_TITLES = re.compile(r"^(?:cllr\.?|councillor)\s+", re.IGNORECASE)
_ROLE_SUFFIX = re.compile(r"\s*\((chair|vice[- ]chair)\)\s*$", re.IGNORECASE)
_HONOURS = re.compile(
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
    role_match = _ROLE_SUFFIX.search(text)
    if role_match:
        role = "vice-chair" if "vice" in role_match.group(1).lower() else "chair"
        text = text[: role_match.start()]
    organisation = ""
    bracket = re.search(r"\s*\(([^()]+)\)\s*$", text)
    if bracket:
        organisation = bracket.group(1).strip()
        text = text[: bracket.start()]
    councillor = bool(_TITLES.match(text))
    text = _TITLES.sub("", text)
    honours = ""
    comma = True
    honours_match = _HONOURS.search(text)
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
