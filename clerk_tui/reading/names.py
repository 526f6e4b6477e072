"""Names as papers print them: lists ("A, B and C"), titles, honours, organisations and
roles in brackets. Pure string work: matching a name to a person is people.py's."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

TITLE = re.compile(r"^(?:Councillors?|Cllrs?\.?)\s+", re.IGNORECASE)
PERSONAL_PREFIXES = (
    "Dr",
    "Dr.",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Miss",
    "Mx",
    "Prof",
    "Prof.",
    "Professor",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Rev",
    "Rev.",
    "Revd",
    "Superintendent",
    "Inspector",
    "Chief",
)
_UNDOTTED_HONOURS = [
    "MBE",
    "OBE",
    "CBE",
    "KBE",
    "DBE",
    "BEM",
    "JP",
    "DL",
    "QPM",
    "KPM",
    "KC",
    "QC",
    "MP",
    "MSP",
    "FRCA",
    "FRCP",
    "FRCS",
    "FRCGP",
    "FRCPsych",
    "FFPH",
    "PhD",
    "MBA",
]
HONOURS_WORD = re.compile(r"^(?:(?:[A-Z][a-z]?\.){2,}|" + "|".join(_UNDOTTED_HONOURS) + r")$")
HONOURS_TAIL = re.compile(
    r"(?P<sep>,?\s+)(?P<honours>(?:(?:[A-Z][a-z]?\.){2,}|(?:"
    + "|".join(_UNDOTTED_HONOURS)
    + r"))(?:,?\s+(?:(?:[A-Z][a-z]?\.){2,}|(?:"
    + "|".join(_UNDOTTED_HONOURS)
    + r")))*)$"
)
_ORGANISATION_WORDS = frozenset(
    [
        "council",
        "nhs",
        "healthwatch",
        "trust",
        "ccg",
        "ccgs",
        "icb",
        "ics",
        "board",
        "partnership",
        "partnerships",
        "service",
        "services",
        "group",
        "police",
        "constabulary",
        "fire",
        "rescue",
        "university",
        "college",
        "school",
        "schools",
        "ltd",
        "limited",
        "plc",
        "alliance",
        "authority",
        "association",
        "federation",
        "forum",
        "network",
        "foundation",
        "society",
        "agency",
        "department",
        "directorate",
        "office",
        "centre",
        "center",
        "hospital",
        "hospitals",
        "cvs",
        "commission",
        "committee",
        "governance",
        "place",
        "merseyside",
        "watch",
        "care",
        "voluntary",
        "housing",
        "commissioning",
        "public",
        "health",
        "england",
        "integrated",
    ]
)
_ROLE_BRACKETS = {"chair": "chair", "vice-chair": "vice-chair", "vice chair": "vice-chair"}


@dataclass
class PrintedName:
    """One entry of a list as printed, split into its parts."""

    text: str
    """The entry as printed."""
    councillor: bool = False
    """Carried its own "Councillor" title (or "Cllr.")."""
    name: str = ""
    """Without title, honours, organisation or brackets: "Diane Blair", "Dr.Rob Caudwell"."""
    honours: str = ""
    honours_comma: bool = True
    organisation: str = ""
    organisation_in_brackets: bool = False
    capacity: str = ""
    """ALSO PRESENT: "Cabinet Member – Adult Social Care"."""
    role: str = ""
    """ "chair" ("(in the Chair)" or "(Chair)"), "vice-chair", "substitute", "co-opted"."""
    substitute_for: str = ""
    """ "(substitute for Councillor X)": who they replaced, as printed."""
    notes: list[str] = field(default_factory=list)

    @property
    def bare(self) -> str:
        """The name with its honours, as a minutes list prints it for a non-councillor."""
        if not self.honours:
            return self.name
        return f"{self.name}{', ' if self.honours_comma else ' '}{self.honours}"


def looks_like_organisation(text: str) -> bool:
    words = [w.strip("(),.").lower() for w in text.replace("-", " ").replace("–", " ").split()]
    return any(w in _ORGANISATION_WORDS for w in words)


def split_outside_brackets(text: str, separator: str) -> list[tuple[int, int]]:
    """Spans of ``text`` between ``separator``s that are not inside brackets."""
    spans: list[tuple[int, int]] = []
    depth, start, index = 0, 0, 0
    while index < len(text):
        character = text[index]
        if character == "(":
            depth += 1
        elif character == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and text.startswith(separator, index):
            spans.append((start, index))
            index += len(separator)
            start = index
            continue
        index += 1
    spans.append((start, len(text)))
    return spans


def split_list(text: str, person_like: Callable[[str], bool] | None = None) -> list[str]:
    """ "A, B and C" -> ["A", "B", "C"]; commas and "and" inside brackets are kept.

    The " and " that joins the last pair is the rightmost one after which a person's
    entry begins (``person_like`` of the words up to the next comma); an " and " inside
    an organisation ("Cheshire and Merseyside") does not split it.
    """
    text = text.strip()
    if text.endswith(".") and not HONOURS_TAIL.search(text):
        text = text[:-1].strip()
    if not text:
        return []
    ands = [start for start, _ in split_outside_brackets(text, " and ")][1:]
    joiner: int | None = None
    for position in reversed(ands):
        right = text[position:]
        right_head = text[position : position + _comma_free_length(right)]
        left_tail = text[: position - len(" and ")].rsplit(",", 1)[-1]
        if _plausible_person(right_head, person_like) and not _organisation_continues(left_tail, right_head):
            joiner = position
            break
    if joiner is None:
        pieces = [text]
    else:
        pieces = [text[: joiner - len(" and ")], text[joiner:]]
    entries: list[str] = []
    for piece in pieces:
        first = True
        for start, end in split_outside_brackets(piece, ", "):
            token = piece[start:end].strip(" ,")
            if not token:
                continue
            if entries and not first and _belongs_to_previous(token, person_like):
                entries[-1] = f"{entries[-1]}, {token}"
            else:
                entries.append(token)
            first = False
    return entries


def _belongs_to_previous(token: str, person_like: Callable[[str], bool] | None) -> bool:
    """ "O.B.E." or "Healthwatch Sefton" after a name: part of that entry, not a person."""
    bare = re.sub(r"\s*\([^()]*\)", "", token).strip()
    if HONOURS_WORD.match(bare):
        return True
    if TITLE.match(bare) or (person_like is not None and person_like(bare)) or bare != token:
        return False
    return looks_like_organisation(bare)


def _comma_free_length(text: str) -> int:
    spans = split_outside_brackets(text, ",")
    return spans[0][1]


def _plausible_person(text: str, person_like: Callable[[str], bool] | None) -> bool:
    head = re.sub(r"\s*\([^()]*\)\s*$", "", text).strip()
    if not head:
        return False
    if person_like is not None and person_like(head):
        return True
    if TITLE.match(head) or head.split()[0] in PERSONAL_PREFIXES:
        return True
    if looks_like_organisation(head) or HONOURS_WORD.match(head):
        return False
    return head[:1].isupper()


def _organisation_continues(left: str, right: str) -> bool:
    """ "NHS Cheshire" and "Merseyside": one organisation split by its own "and"."""
    return looks_like_organisation(left) and len(right.split()) == 1 and not TITLE.match(right)


def parse_entry(entry: str) -> PrintedName:
    """One entry: ``Councillor Cummins (in the Chair) (Sefton Council)``, ``Brian Clark,
    O.B.E.``, ``Councillor Paul Cummins (Cabinet Member – Adult Social Care)``."""
    printed = PrintedName(entry)
    text = " ".join(entry.split())
    while True:
        bracket = re.search(r"\s*\(([^()]*)\)\s*$", text)
        if not bracket:
            break
        _bracketed(printed, bracket.group(1).strip())
        text = text[: bracket.start()].rstrip()
    title = TITLE.match(text)
    if title:
        printed.councillor = True
        text = text[title.end() :]
    honours = HONOURS_TAIL.search(text)
    if honours and honours.start() > 0:
        printed.honours = honours.group("honours")
        printed.honours_comma = "," in honours.group("sep")
        text = text[: honours.start()]
    if "," in text:
        head, tail = (part.strip() for part in text.split(",", 1))
        lead_honours = re.match(
            r"^(?P<h>(?:(?:[A-Z][a-z]?\.){2,}|" + "|".join(_UNDOTTED_HONOURS) + r"))\s*,\s*(?P<rest>.+)$",
            tail,
        )
        if lead_honours and not printed.honours:
            printed.honours = lead_honours.group("h")
            tail = lead_honours.group("rest")
        if tail and not printed.organisation:
            printed.organisation = tail
        elif tail:
            printed.notes.append(f"“{tail}” after the name was not read")
        text = head
    printed.name = text.strip(" ,")
    return printed


def _bracketed(printed: PrintedName, inside: str) -> None:
    lowered = inside.casefold().strip()
    if lowered in ("in the chair", "chair", "chairman", "chairperson", "chair of the meeting"):
        printed.role = printed.role or "chair"
    elif lowered in ("vice-chair", "vice chair", "vice-chairman", "vice chairman"):
        printed.role = printed.role or "vice-chair"
    elif lowered.startswith("substitute for"):
        printed.role = "substitute"
        printed.substitute_for = inside[len("substitute for") :].strip()
    elif lowered in ("substitute", "sub"):
        printed.role = "substitute"
    elif lowered in ("co-opted member", "co-opted", "co-optee", "coopted member", "co-opted members"):
        printed.role = "co-opted"
    elif not printed.organisation and not printed.capacity:
        printed.organisation = inside
        printed.organisation_in_brackets = True
    else:
        printed.notes.append(f"“({inside})” was not read")


def strip_title(text: str) -> tuple[bool, bool, str]:
    """ "Councillors A, B" -> (True, True, "A, B"): titled, plural, the rest."""
    match = TITLE.match(text.strip())
    if not match:
        return False, False, text.strip()
    plural = match.group().strip().lower().rstrip(".") in ("councillors", "cllrs")
    return True, plural, text.strip()[match.end() :]
