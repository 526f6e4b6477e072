"""Plain JSON documents to and from domain objects.

One set of rules serves the store and the interchange format, so a meeting reads back
exactly as it was written. A document that does not fit says where: the path of the
field and what was wrong with it.

Two ways through, one meaning. The fast way, used whenever a document fits exactly,
is built here from each dataclass's fields and type hints (once per class), and
imports nothing: ``clerk export`` or ``clerk list`` never pays for loading cattrs and
generating its converters, which would be most of their run. Anything that does not
fit exactly (a wrong type, a missing field, an unknown key, a value the domain refuses)
goes the cattrs way, which gives the precise message, with the path, that clerk shows.
Unstructuring is written out likewise; a test checks both against cattrs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sys
import types
import typing
from collections.abc import Callable
from datetime import date, time
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.summary import MeetingStatus, MeetingSummary, RecordState

if TYPE_CHECKING:
    import cattrs

    # The meeting and its parts are loaded by those who read one, not here: opening a
    # store and listing its meetings needs only the summaries.
    from clerk_tui.domain.committee import Committee
    from clerk_tui.domain.meeting import Meeting
    from clerk_tui.domain.minutes import Minute
    from clerk_tui.domain.people import Person

T = TypeVar("T")


class _Unfit(Exception):
    """The document does not fit the fast way exactly: take the cattrs way for the message."""


# --- the cattrs way: precise messages ---------------------------------------------------
def _make_converter(*, strict: bool = False) -> cattrs.Converter:
    import cattrs

    converter = cattrs.Converter(omit_if_default=False, forbid_extra_keys=strict)
    converter.register_unstructure_hook_func(
        lambda cls: isinstance(cls, type) and issubclass(cls, Enum), lambda value: value.value
    )
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_structure_hook(date, lambda value, _: _structure_date(value))
    converter.register_unstructure_hook(time, lambda value: value.strftime("%H:%M"))
    converter.register_structure_hook(time, lambda value, _: _structure_time(value))
    return converter


@cache
def converter(*, strict: bool = False) -> cattrs.Converter:
    """The store's converter reads its own files, older ones included, as they are;
    ``strict`` (interchange) makes an unknown key an error naming its path, never dropped."""
    return _make_converter(strict=strict)


def _structure_date(value: Any) -> date:
    if not isinstance(value, str):
        raise ValueError(f"expected a date as text (YYYY-MM-DD), got {value!r}")
    return date.fromisoformat(value)


def _structure_time(value: Any) -> time:
    if not isinstance(value, str):
        raise ValueError(f"expected a time as text (HH:MM), got {value!r}")
    return time.fromisoformat(value)


def _describe(error: BaseException, kind: type | None) -> str:
    import cattrs

    if isinstance(error, DomainError):
        return error.message
    return cattrs.v.format_exception(error, kind)


def _with_cattrs(document: dict[str, Any], kind: type[T], where: str, strict: bool) -> T:
    import cattrs
    from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

    try:
        return converter(strict=strict).structure(document, kind)
    except DomainError as error:
        field = f"{where}.{error.field}" if where and error.field else (where or error.field)
        raise DomainError(error.message, field) from None
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as error:
        problems = cattrs.transform_error(error, path=where or "$", format_exception=_describe)
        raise DomainError("; ".join(problems)) from None
    except (TypeError, ValueError, KeyError) as error:
        raise DomainError(str(error), where or "$") from None


# --- the fast way -------------------------------------------------------------------------
Structure = Callable[[Any], Any]


def _exactly(kind: type) -> Structure:
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise _Unfit
        return value

    return check


def _date(value: Any) -> date:
    if type(value) is not str:
        raise _Unfit
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _Unfit from None


def _time(value: Any) -> time:
    if type(value) is not str:
        raise _Unfit
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise _Unfit from None


def _enum(kind: type[Enum]) -> Structure:
    members = {member.value: member for member in kind}

    def structure(value: Any) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise _Unfit from None

    return structure


def _optional(inner: Structure) -> Structure:
    def structure(value: Any) -> Any:
        return None if value is None else inner(value)

    return structure


def _list(inner: Structure) -> Structure:
    def structure(value: Any) -> Any:
        if type(value) is not list:
            raise _Unfit
        return [inner(item) for item in value]

    return structure


def _for_hint(hint: Any, strict: bool) -> Structure:
    """The fast structure of one type hint; TypeError for a kind of hint it does not know."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(args) != 1 or len(typing.get_args(hint)) != 2:
            raise TypeError(hint)
        return _optional(_for_hint(args[0], strict))
    if origin is list:
        (item,) = typing.get_args(hint)
        return _list(_for_hint(item, strict))
    if hint in (str, int, bool):
        return _exactly(hint)
    if hint is date:
        return _date
    if hint is time:
        return _time
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _enum(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _nested(hint, strict)
    raise TypeError(hint)


def _nested(kind: type, strict: bool) -> Structure:
    """A field holding another dataclass: its structure is looked up at the first use (classes
    may refer to each other), then kept."""
    found: list[Structure] = []

    def structure(value: Any) -> Any:
        if not found:
            found.append(_dataclass(kind, strict))
        return found[0](value)

    return structure


_STRUCTURES: dict[tuple[type, bool], Structure] = {}
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _dataclass(kind: type, strict: bool) -> Structure:
    """The fast structure of one dataclass, made once (TypeError if any field is of a kind
    the fast way does not know)."""
    made = _STRUCTURES.get((kind, strict))
    if made is None:
        made = _STRUCTURES[kind, strict] = _make_dataclass(kind, strict)
    return made


def _make_dataclass(kind: type, strict: bool) -> Structure:
    if not dataclasses.is_dataclass(kind):
        raise TypeError(kind)
    hints = field_types(kind)
    fields = [
        (field.name, _for_hint(hints[field.name], strict), _required(field))
        for field in dataclasses.fields(kind)
        if field.init
    ]
    names = frozenset(name for name, _, _ in fields)

    def structure(value: Any) -> Any:
        if type(value) is not dict or (strict and not names.issuperset(value)):
            raise _Unfit
        arguments = {}
        for name, convert, required in fields:
            if name in value:
                arguments[name] = convert(value[name])
            elif required:
                raise _Unfit
        try:
            return kind(**arguments)
        except (DomainError, TypeError, ValueError):
            raise _Unfit from None

    return structure


class FieldChecks:
    """Whether each field of a document reads back, one field (or one element of a list
    field) at a time: for a dataclass that is built field by field with nothing that looks
    at two fields together, the document reads back the fast way exactly when every
    required field is there and each field's value reads back on its own (the fast way
    ignores keys that are not fields). What the store uses to check only what changed
    since the last save (:func:`field_checks`)."""

    def __init__(self, kind: type) -> None:
        hints = field_types(kind)
        fields = [field for field in dataclasses.fields(kind) if field.init]
        self.required = frozenset(field.name for field in fields if _required(field))
        self._whole = {field.name: _for_hint(hints[field.name], False) for field in fields}
        self._items = {
            field.name: _for_hint(typing.get_args(hints[field.name])[0], False)
            for field in fields
            if typing.get_origin(hints[field.name]) is list
        }

    def is_list(self, name: str) -> bool:
        """Whether ``name`` is a list field, whose elements :meth:`item_fits` checks one by one."""
        return name in self._items

    def fits(self, name: str, value: Any) -> bool:
        """Whether ``value`` of field ``name`` reads back the fast way (a key that is not a
        field is ignored by reading, so it fits)."""
        structure = self._whole.get(name)
        return structure is None or _fits(structure, value)

    def item_fits(self, name: str, item: Any) -> bool:
        """Whether one element of the list field ``name`` reads back the fast way."""
        return _fits(self._items[name], item)


def _fits(structure: Structure, value: Any) -> bool:
    try:
        structure(value)
    except (_Unfit, TypeError, RecursionError):
        return False
    return True


@cache
def field_checks(kind: type) -> FieldChecks | None:
    """The field-by-field checks of ``kind``, or None where its document must be read back
    whole: a class with a ``__post_init__`` (which may look at several fields together), or
    with a field of a kind the fast way does not know. (The domain's dataclasses leave
    ``__init__`` to ``dataclasses``: it only assigns the fields.)"""
    params = getattr(kind, "__dataclass_params__", None)
    if params is None or not params.init or hasattr(kind, "__post_init__"):
        return None
    try:
        return FieldChecks(kind)
    except TypeError:
        return None


_ANNOTATION_CODE: dict[str, types.CodeType] = {}


def field_types(kind: type) -> dict[str, Any]:
    """``typing.get_type_hints(kind)``, evaluated the same way (each class of the MRO in its
    module's names first, then its own), but each annotation's text compiled once for every
    class: get_type_hints compiled each one anew, a third of printing one paper."""
    hints: dict[str, Any] = {}
    for base in reversed(kind.__mro__):
        module_names = vars(sys.modules[base.__module__])
        class_names = dict(vars(base))
        for name, annotation in base.__dict__.get("__annotations__", {}).items():
            value = annotation
            if isinstance(annotation, str):
                code = _ANNOTATION_CODE.get(annotation)
                if code is None:
                    code = _ANNOTATION_CODE[annotation] = compile(annotation, "<annotation>", "eval")
                value = eval(code, class_names, module_names)
            hints[name] = type(None) if value is None else value
    return hints


def _required(field: dataclasses.Field[Any]) -> bool:
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def _unstructure(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None or kind is float:
        return value
    if isinstance(value, Enum):
        return value.value
    if kind is list or kind is tuple:
        return [_unstructure(item) for item in value]
    if kind is date:
        return value.isoformat()
    if kind is time:
        return value.strftime("%H:%M")
    if dataclasses.is_dataclass(value):
        names = _FIELD_NAMES.get(kind)
        if names is None:
            names = _FIELD_NAMES[kind] = tuple(field.name for field in dataclasses.fields(value))
        return {name: _unstructure(getattr(value, name)) for name in names}
    return converter().unstructure(value)


def to_document(value: Meeting | Minute | Committee | Person | MeetingSummary) -> dict[str, Any]:
    """A JSON-ready dict (only str, int, bool, None, lists and dicts), fields in their order."""
    document: dict[str, Any] = _unstructure(value)
    return document


def fits_exactly(document: Any, kind: type[T], *, strict: bool = False) -> T | None:
    """The object, if the document fits the fast way exactly; else None (no message)."""
    try:
        fast = _dataclass(kind, strict)
        result: T = fast(document)
    except (_Unfit, TypeError, RecursionError):
        return None
    return result


def from_document(document: Any, kind: type[T], where: str = "", *, strict: bool = False) -> T:
    """Build a domain object, or raise DomainError naming each field that is wrong.

    ``strict``: unknown keys are errors too (for interchange files)."""
    if not isinstance(document, dict):
        raise DomainError(f"expected an object, got {type(document).__name__}", where or "$")
    try:
        fast = _dataclass(kind, strict)
    except TypeError:  # a kind the fast way does not know
        return _with_cattrs(document, kind, where, strict)
    try:
        result: T = fast(document)
    except (_Unfit, RecursionError):
        return _with_cattrs(document, kind, where, strict)
    return result


_ROW_KEYS = ("id", "committee_id", "date", "status", "minute_count", "first_minute_number", "record_state")
_SUMMARY_KEYS = frozenset(_ROW_KEYS)
_STATUSES = {status.value: status for status in MeetingStatus}
_RECORD_STATES = {state.value: state for state in RecordState}


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
        record_state = _RECORD_STATES.get(document["record_state"])
        if (
            status is not None
            and record_state is not None
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
                    "record_state": record_state,
                }
                summary: MeetingSummary = object.__new__(MeetingSummary)
                summary.__dict__.update(fields)  # MeetingSummary has no __post_init__ to skip
                return summary
    return from_document(document, MeetingSummary, where)


def summary_from_row(row: Any, where: str = "") -> MeetingSummary:
    """A summary from a row of the store's compact index: [id, committee_id, date, status,
    minute_count, first_minute_number, record_state]."""
    if type(row) is list and len(row) == len(_ROW_KEYS):
        return summary_from_document(dict(zip(_ROW_KEYS, row, strict=True)), where)
    raise DomainError(f"expected a row of {len(_ROW_KEYS)} values, got {row!r}", where or "$")


def summaries_from_rows(rows: list[Any], where: str = "") -> list[MeetingSummary]:
    """Many rows at once, as the store's index holds thousands: one tight loop, each field
    checked as :func:`summary_from_document` would; anything unusual takes that path, for
    its message (``where[number]``)."""
    found: list[MeetingSummary] = []
    append, new, statuses, to_date = found.append, object.__new__, _STATUSES, date.fromisoformat
    record_states = _RECORD_STATES
    for number, row in enumerate(rows):
        if type(row) is list and len(row) == 7:
            ident, committee_id, day, status_text, count, first, record_text = row
            status = statuses.get(status_text) if type(status_text) is str else None
            record_state = record_states.get(record_text) if type(record_text) is str else None
            if (
                status is not None
                and record_state is not None
                and type(ident) is str
                and type(committee_id) is str
                and type(day) is str
                and len(day) == 10
                and type(count) is int
                and (first is None or type(first) is int)
            ):
                try:
                    when = to_date(day)
                except ValueError:
                    pass
                else:
                    summary = new(MeetingSummary)
                    summary.__dict__.update(
                        id=ident,
                        committee_id=committee_id,
                        date=when,
                        status=status,
                        minute_count=count,
                        first_minute_number=first,
                        record_state=record_state,
                    )
                    append(summary)
                    continue
        append(summary_from_row(row, f"{where}[{number}]"))
    return found


def meeting_to_document(meeting: Meeting) -> dict[str, Any]:
    return to_document(meeting)


def meeting_from_document(document: Any, where: str = "") -> Meeting:
    from clerk_tui.domain.meeting import Meeting

    return from_document(document, Meeting, where)


def __getattr__(name: str) -> Any:
    if name == "CONVERTER":  # the old name of the store's converter, built when first asked for
        return converter()
    if name == "STRICT_CONVERTER":
        return converter(strict=True)
    raise AttributeError(name)
