"""A bundle: committees, people and meetings in one JSON document."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from clerk_tui.domain import Committee, DomainError, Meeting, Motion, Person, VoteWording
from clerk_tui.domain.codec import converter, fits_exactly, from_document, to_document
from clerk_tui.domain.committee import wording_before_it_was_set
from clerk_tui.domain.safe_text import clean, is_safe
from clerk_tui.interchange.checks import bundle_problems

FORMAT_NAME = "clerk-meetings"
FORMAT_VERSION = 3
"""2: minutes carry their motions and votes, house styles their wording for them.
3: the house style's wording, presence and list settings; people's printed forms and
earlier names; venue registers; agenda item notes, line order and history; nested lists."""
MAX_DEPTH = 64
"""A clerk file nests a dozen levels; far deeper is not one (and would exhaust the parser)."""
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_MEETING_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,119}")
"""As the store names meeting files (store.layout.MEETING_ID; the interchange imports no store)."""


class InterchangeError(ValueError):
    """A file that cannot be imported; the message says which file and why."""


class _DuplicateKeyError(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


@dataclass
class Bundle:
    committees: list[Committee] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    cleaned: list[str] = field(default_factory=list)
    """What was taken out of the file's text on the way in ("meetings[0].minutes[1].title:
    Removed ... escape sequence"): control characters never reach the store."""

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
    """Parse and check a bundle; raise InterchangeError naming the file and the place.

    Refused: anything but valid JSON (a key twice in one object included), nesting
    deeper than MAX_DEPTH, an unknown key, a record that does not fit the model, an id
    twice, a reference to a missing agenda item, a meeting id that cannot name a file,
    a minute number a minute book cannot carry. Control characters and lone surrogates
    in text are removed, and ``Bundle.cleaned`` says where.
    """
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as error:
        raise InterchangeError(
            f"{source}: not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except _DuplicateKeyError as error:
        raise InterchangeError(f"{source}: the key {str(error)!r} appears twice in one object.") from None
    except RecursionError:
        raise InterchangeError(f"{source}: nested far too deeply to be a clerk meetings file.") from None
    except ValueError as error:  # e.g. an integer of thousands of digits
        raise InterchangeError(f"{source}: not a clerk meetings file ({error}).") from None
    if not isinstance(document, dict):
        raise InterchangeError(f'{source}: expected a JSON object with "format": "{FORMAT_NAME}".')
    if document.get("format") != FORMAT_NAME:
        raise InterchangeError(f'{source}: not a clerk meetings file ("format" is not "{FORMAT_NAME}").')
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InterchangeError(f'{source}: "version" must be a whole number.')
    if version > FORMAT_VERSION:
        raise InterchangeError(
            f"{source}: made by a newer clerk (format version {version}; "
            f"this clerk reads up to {FORMAT_VERSION})."
        )
    unknown = sorted(set(document) - {"format", "version", "committees", "people", "meetings"})
    if unknown:
        raise InterchangeError(f"{source}: {unknown[0]!r} is not a key of a clerk meetings file.")
    cleaned: list[str] = []
    if not _plainly_safe(text):  # else no string of it can hold a control character
        _check_depth(document, source)
        document = _cleaned(document, "", cleaned)
    document = _migrated(document, version)
    bundle = Bundle(
        committees=_each(document, "committees", Committee, source),
        people=_each(document, "people", Person, source),
        meetings=_each(document, "meetings", Meeting, source),
        cleaned=cleaned,
    )
    for number, meeting in enumerate(bundle.meetings):
        if not isinstance(meeting.id, str) or not _MEETING_ID.fullmatch(meeting.id):
            raise InterchangeError(
                f"{source}: meetings[{number}].id: {meeting.id!r} cannot be a meeting id (lower-case "
                "letters, digits and hyphens, starting with a letter or digit, at most 120)."
            )
    problems = bundle_problems(bundle.committees, bundle.people, bundle.meetings)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise InterchangeError(f"{source}: {problems[0]}{more}.")
    return bundle


def _plainly_safe(text: str) -> bool:
    """No string of the document can hold a control character: none is in the text, and no
    escape makes one (JSON writes control characters as \\u escapes; \\r becomes one)."""
    if "\\r" in text or not is_safe(text):
        return False
    return all(is_safe(chr(int(code, 16))) for code in set(_ESCAPE.findall(text)))


def _check_depth(value: Any, source: str) -> None:
    if _depth(value) > MAX_DEPTH:
        raise InterchangeError(
            f"{source}: nested more than {MAX_DEPTH} levels deep, far deeper than a clerk meetings file."
        )


def _depth(value: Any) -> int:
    """How deeply a parsed document nests (without recursion: it may be very deep)."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        current, level = stack.pop()
        children: Iterable[Any]
        if isinstance(current, dict):
            children = current.values()
        elif isinstance(current, list):
            children = current
        else:
            continue
        deepest = max(deepest, level)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, level + 1) for child in children)
    return deepest


def _cleaned(value: Any, path: str, removed: list[str]) -> Any:
    """The document with control characters taken out of every string (see safe_text)."""
    if isinstance(value, str):
        if is_safe(value):
            return value
        result = clean(value)
        removed.append(result.message(path or "the file"))
        return result.text
    if isinstance(value, dict):
        return {key: _cleaned(item, f"{path}.{key}" if path else key, removed) for key, item in value.items()}
    if isinstance(value, list):
        return [_cleaned(item, f"{path}[{index}]", removed) for index, item in enumerate(value)]
    return value


def _from_version_1(document: dict[str, Any]) -> dict[str, Any]:
    """Version 1 had no motions: every minute gets none, every house style the neutral wording.
    (cattrs, behind ``converter``, is loaded only here: reading a current file never needs it.)"""
    for meeting in _dicts(document.get("meetings")):
        for minute in _dicts(meeting.get("minutes")):
            minute.setdefault("motions", [])
    for committee in _dicts(document.get("committees")):
        style = committee.get("style")
        if isinstance(style, dict):
            style.setdefault("votes", converter().unstructure(VoteWording()))
    return document


def _with_fixed_wording(document: dict[str, Any]) -> dict[str, Any]:
    """Versions 1 and 2 printed fixed sentences where version 3 has house-style wording with
    neutral defaults: such a committee keeps the sentences it printed ("he/she", "the
    Local Government Act, 1972", "commencing at 6.30 p.m."). Every other new field's
    default prints what versions 1 and 2 printed."""
    for committee in _dicts(document.get("committees")):
        style = committee.get("style")
        if isinstance(style, dict):
            comma = style.get("comma_before_year") is True
            for key, value in wording_before_it_was_set(comma).items():
                style.setdefault(key, value)
    return document


def _dicts(values: Any) -> list[dict[str, Any]]:
    """The objects of a list (what is not is left for the reader to report)."""
    return [value for value in values if isinstance(value, dict)] if isinstance(values, list) else []


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _from_version_1,
    2: _with_fixed_wording,
}
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
    records = []
    for index, value in enumerate(values):
        record = fits_exactly(value, kind, strict=True)
        if record is None:  # for the message: first make sure the walk cannot recurse too deep
            _check_depth(value, source)
            try:
                record = from_document(value, kind, f"{key}[{index}]", strict=True)
            except DomainError as error:
                raise InterchangeError(f"{source}: {error}") from None
        records.append(record)
    return records
