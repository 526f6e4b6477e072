"""Every string field of the domain's records, found by walking their dataclasses.

Tests that plant something in "every field" use this, so a field added to the domain
later is planted too, and a test that cannot reach one (no instance of its record in
the fixture) says which one it missed.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Any

Field = tuple[str, str]
"""(record class name, field name)."""


ID_LISTS = frozenset({"named_for", "named_against", "named_abstained", "entitled"})
"""Lists of people's ids (a vote's): references too, though their names do not say so."""


def is_reference(name: str) -> bool:
    """Ids name other records: they are checked as ids, not printed as text."""
    return name == "id" or name.endswith("_id") or name in ID_LISTS


def string_fields(kind: type[Any], seen: set[type[Any]] | None = None) -> set[Field]:
    """Every field holding text (``str``, or lists of it) in ``kind`` and in every record
    reachable from it, ids left out."""
    seen = set() if seen is None else seen
    if kind in seen:
        return set()
    seen.add(kind)
    found: set[Field] = set()
    hints = typing.get_type_hints(kind)
    for field in dataclasses.fields(kind):
        for leaf in _leaves(hints[field.name]):
            if leaf is str and not is_reference(field.name):
                found.add((kind.__name__, field.name))
            elif dataclasses.is_dataclass(leaf) and isinstance(leaf, type):
                found |= string_fields(leaf, seen)
    return found


def _leaves(hint: Any) -> Iterator[Any]:
    """The types inside ``X | None`` and ``list[...]``; enums are not text."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union) or origin is list:
        for argument in typing.get_args(hint):
            yield from _leaves(argument)
    elif not (isinstance(hint, type) and issubclass(hint, Enum)):
        yield hint


Skip = Callable[[object, str], bool]


def plant(record: object, value_for: Callable[[Field], str], skip: Skip | None = None) -> set[Field]:
    """Put ``value_for(field)`` in every text of ``record`` and of the records inside it
    (list items and table rows too), except ids and what ``skip`` keeps; returns the
    fields it planted."""
    planted: set[Field] = set()
    for field in dataclasses.fields(record):  # type: ignore[arg-type]
        name = field.name
        if is_reference(name) or (skip is not None and skip(record, name)):
            continue
        key = (type(record).__name__, name)
        value = getattr(record, name)
        if isinstance(value, Enum):
            continue
        if isinstance(value, str):
            setattr(record, name, value_for(key))
            planted.add(key)
        elif isinstance(value, list):
            planted |= _plant_list(value, key, value_for, skip)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            planted |= plant(value, value_for, skip)
    return planted


def _plant_list(
    values: list[Any], key: Field, value_for: Callable[[Field], str], skip: Skip | None
) -> set[Field]:
    planted: set[Field] = set()
    for index, value in enumerate(values):
        if isinstance(value, Enum):
            continue
        if isinstance(value, str):
            values[index] = value_for(key)
            planted.add(key)
        elif isinstance(value, list):
            planted |= _plant_list(value, key, value_for, skip)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            planted |= plant(value, value_for, skip)
    return planted
