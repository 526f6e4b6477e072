"""Plain JSON documents to and from domain objects.

One converter serves the store and the interchange format, so a meeting reads back
exactly as it was written. A document that does not fit says where: the path of the
field and what was wrong with it.
"""

from __future__ import annotations

from datetime import date, time
from enum import Enum
from typing import Any, TypeVar

import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from clerk_tui.domain.committee import Committee
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.meeting import Meeting
from clerk_tui.domain.people import Person

T = TypeVar("T")


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(omit_if_default=False)
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


def to_document(value: Meeting | Committee | Person) -> dict[str, Any]:
    """A JSON-ready dict (only str, int, bool, None, lists and dicts)."""
    document: dict[str, Any] = CONVERTER.unstructure(value)
    return document


def from_document(document: Any, kind: type[T], where: str = "") -> T:
    """Build a domain object, or raise DomainError naming each field that is wrong."""
    if not isinstance(document, dict):
        raise DomainError(f"expected an object, got {type(document).__name__}", where or "$")
    try:
        return CONVERTER.structure(document, kind)
    except DomainError as error:
        field = f"{where}.{error.field}" if where and error.field else (where or error.field)
        raise DomainError(error.message, field) from None
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as error:
        problems = cattrs.transform_error(error, path=where or "$", format_exception=_describe)
        raise DomainError("; ".join(problems)) from None
    except (TypeError, ValueError, KeyError) as error:
        raise DomainError(str(error), where or "$") from None


def meeting_to_document(meeting: Meeting) -> dict[str, Any]:
    return to_document(meeting)


def meeting_from_document(document: Any, where: str = "") -> Meeting:
    return from_document(document, Meeting, where)
