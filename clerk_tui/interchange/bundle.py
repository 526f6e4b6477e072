"""A bundle: committees, people and meetings in one JSON document."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from clerk_tui.domain import Committee, DomainError, Meeting, Motion, Person, VoteWording
from clerk_tui.domain.codec import CONVERTER, from_document, to_document

FORMAT_NAME = "clerk-meetings"
FORMAT_VERSION = 2
"""2: minutes carry their motions and votes, house styles their wording for them."""


class InterchangeError(ValueError):
    """A file that cannot be imported; the message says which file and why."""


@dataclass
class Bundle:
    committees: list[Committee] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)

    def referenced_people(self) -> set[str]:
        ids: set[str] = set()
        for committee in self.committees:
            ids.update(m.person_id for m in committee.members)
        for meeting in self.meetings:
            ids.update(e.person_id for e in meeting.attendance)
            ids.update(e.for_person_id for e in meeting.attendance if e.for_person_id)
            ids.update(d.person_id for d in meeting.declarations)
            if meeting.chair_id:
                ids.add(meeting.chair_id)
            for minute in meeting.minutes:
                ids.update(_people_of_motions(minute.motions))
        return ids


def _people_of_motions(motions: list[Motion]) -> set[str]:
    """Movers, seconders, who could vote and who cast the casting vote."""
    ids: set[str] = set()
    for motion in motions:
        ids.add(motion.mover_id)
        if motion.seconder_id:
            ids.add(motion.seconder_id)
        if motion.vote is not None:
            ids.update(motion.vote.entitled)
            if motion.vote.casting is not None:
                ids.add(motion.vote.casting.person_id)
    return ids


def bundle_to_json(bundle: Bundle) -> str:
    """Deterministic JSON: the same bundle always gives the same bytes."""
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "committees": [to_document(c) for c in sorted(bundle.committees, key=lambda c: c.id)],
        "people": [to_document(p) for p in sorted(bundle.people, key=lambda p: p.id)],
        "meetings": [to_document(m) for m in sorted(bundle.meetings, key=lambda m: (m.date, m.id))],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def read_bundle(text: str, source: str = "<input>") -> Bundle:
    """Parse and check a bundle; raise InterchangeError naming the file and the place."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InterchangeError(
            f"{source}: not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    if not isinstance(document, dict):
        raise InterchangeError(f'{source}: expected a JSON object with "format": "{FORMAT_NAME}".')
    if document.get("format") != FORMAT_NAME:
        raise InterchangeError(f'{source}: not a clerk meetings file ("format" is not "{FORMAT_NAME}").')
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise InterchangeError(f'{source}: "version" must be a whole number.')
    if version > FORMAT_VERSION:
        raise InterchangeError(
            f"{source}: made by a newer clerk (format version {version}; "
            f"this clerk reads up to {FORMAT_VERSION})."
        )
    document = _migrated(document, version)
    bundle = Bundle(
        committees=_each(document, "committees", Committee, source),
        people=_each(document, "people", Person, source),
        meetings=_each(document, "meetings", Meeting, source),
    )
    _check_unique(bundle, source)
    return bundle


def _from_version_1(document: dict[str, Any]) -> dict[str, Any]:
    """Version 1 had no motions: every minute gets none, every house style the neutral wording."""
    for meeting in _dicts(document.get("meetings")):
        for minute in _dicts(meeting.get("minutes")):
            minute.setdefault("motions", [])
    for committee in _dicts(document.get("committees")):
        style = committee.get("style")
        if isinstance(style, dict):
            style.setdefault("votes", CONVERTER.unstructure(VoteWording()))
    return document


def _dicts(values: Any) -> list[dict[str, Any]]:
    """The objects of a list (what is not is left for the reader to report)."""
    return [value for value in values if isinstance(value, dict)] if isinstance(values, list) else []


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _from_version_1}
"""Version -> the step that brings a document of that version to the next."""


def _migrated(document: dict[str, Any], version: int) -> dict[str, Any]:
    """A copy of ``document`` brought from ``version`` to ``FORMAT_VERSION``, step by step."""
    if version < FORMAT_VERSION:
        document = copy.deepcopy(document)
    for step in range(version, FORMAT_VERSION):
        document = MIGRATIONS[step](document)
    return document


def _each(document: dict[str, Any], key: str, kind: type[Any], source: str) -> list[Any]:
    values = document.get(key, [])
    if not isinstance(values, list):
        raise InterchangeError(f'{source}: "{key}" must be a list.')
    try:
        return [from_document(value, kind, f"{key}[{index}]") for index, value in enumerate(values)]
    except DomainError as error:
        raise InterchangeError(f"{source}: {error}") from None


def _check_unique(bundle: Bundle, source: str) -> None:
    for key, ids in (
        ("committees", [c.id for c in bundle.committees]),
        ("people", [p.id for p in bundle.people]),
        ("meetings", [m.id for m in bundle.meetings]),
    ):
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise InterchangeError(f"{source}: {key} has the id {duplicates[0]!r} more than once.")
