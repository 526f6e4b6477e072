"""Plain JSON documents to and from domain objects.

One converter serves the store and the interchange format, so a meeting reads back
exactly as it was written. A document that does not fit says where: the path of the
field and what was wrong with it.
"""

from __future__ import annotations

import contextlib
from datetime import date, time
from enum import Enum
from typing import Any, TypeVar

import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from clerk_tui.domain.committee import Committee
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.meeting import Meeting, MeetingStatus, MeetingSummary
from clerk_tui.domain.people import Person

T = TypeVar("T")


def _make_converter(*, strict: bool = False) -> cattrs.Converter:
    converter = cattrs.Converter(omit_if_default=False, forbid_extra_keys=strict)
    converter.register_unstructure_hook_func(
        lambda cls: isinstance(cls, type) and issubclass(cls, Enum), lambda value: value.value
    )
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_structure_hook(date, lambda value, _: _structure_date(value))
    converter.register_unstructure_hook(time, lambda value: value.strftime("%H:%M"))
    converter.register_structure_hook(time, lambda value, _: _structure_time(value))
    return converter


def _structure_date(value: Any) -> date:
    if not isinstance(value, str):
        raise ValueError(f"expected a date as text (YYYY-MM-DD), got {value!r}")
    return date.fromisoformat(value)


def _structure_time(value: Any) -> time:
    if not isinstance(value, str):
        raise ValueError(f"expected a time as text (HH:MM), got {value!r}")
    return time.fromisoformat(value)


def _describe(error: BaseException, kind: type | None) -> str:
    if isinstance(error, DomainError):
        return error.message
    return cattrs.v.format_exception(error, kind)


CONVERTER = _make_converter()
"""The store's: it reads its own files, including those of older versions, as they are."""
STRICT_CONVERTER = _make_converter(strict=True)
"""For files from outside (interchange): a key the model does not know is an error naming
its path, never dropped in silence (a misspelt field, or a file from a newer clerk)."""


def to_document(value: Meeting | Committee | Person) -> dict[str, Any]:
    """A JSON-ready dict (only str, int, bool, None, lists and dicts)."""
    document: dict[str, Any] = CONVERTER.unstructure(value)
    return document


def from_document(document: Any, kind: type[T], where: str = "", *, strict: bool = False) -> T:
    """Build a domain object, or raise DomainError naming each field that is wrong.

    ``strict``: unknown keys are errors too (for interchange files)."""
    if not isinstance(document, dict):
        raise DomainError(f"expected an object, got {type(document).__name__}", where or "$")
    converter = STRICT_CONVERTER if strict else CONVERTER
    try:
        return converter.structure(document, kind)
    except DomainError as error:
        field = f"{where}.{error.field}" if where and error.field else (where or error.field)
        raise DomainError(error.message, field) from None
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as error:
        problems = cattrs.transform_error(error, path=where or "$", format_exception=_describe)
        raise DomainError("; ".join(problems)) from None
    except (TypeError, ValueError, KeyError) as error:
        raise DomainError(str(error), where or "$") from None


_SUMMARY_KEYS = frozenset(("id", "committee_id", "date", "status", "minute_count", "first_minute_number"))
_STATUSES = {status.value: status for status in MeetingStatus}


def summary_from_document(document: Any, where: str = "") -> MeetingSummary:
    """A meeting summary (what the store's index holds: thousands are read at each open).

    Written out by hand: the generic path costs several microseconds a summary (the
    frozen dataclass's ``__init__`` alone is half of it), which at 5,000 meetings is half
    of what opening the store may take. Every field is checked as the generic path
    would; anything unusual takes the generic path, for its precise message.
    """
    if type(document) is dict and document.keys() == _SUMMARY_KEYS:
        ident, committee_id, day = document["id"], document["committee_id"], document["date"]
        count, first = document["minute_count"], document["first_minute_number"]
        status = _STATUSES.get(document["status"])
        if (
            status is not None
            and type(ident) is str
            and type(committee_id) is str
            and type(day) is str
            and len(day) == 10
            and type(count) is int
            and (first is None or type(first) is int)
        ):
            with contextlib.suppress(ValueError):
                fields = {
                    "id": ident,
                    "committee_id": committee_id,
                    "date": date.fromisoformat(day),
                    "status": status,
                    "minute_count": count,
                    "first_minute_number": first,
                }
                summary: MeetingSummary = object.__new__(MeetingSummary)
                summary.__dict__.update(fields)  # MeetingSummary has no __post_init__ to skip
                return summary
    return from_document(document, MeetingSummary, where)


def meeting_to_document(meeting: Meeting) -> dict[str, Any]:
    return to_document(meeting)


def meeting_from_document(document: Any, where: str = "") -> Meeting:
    return from_document(document, Meeting, where)
