"""The JSON Schema of the interchange format, derived from the domain's dataclasses so
that the documentation can never drift from the code (a test compares it with
``docs/interchange.schema.json``)."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date, time
from enum import Enum
from typing import Any

from clerk_tui.domain import Committee, Meeting, Person
from clerk_tui.interchange.bundle import FORMAT_NAME, FORMAT_VERSION


def _schema_of(kind: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        options = [_schema_of(arg, definitions) for arg in typing.get_args(kind)]
        return {"anyOf": options}
    if origin is list:
        (item,) = typing.get_args(kind)
        return {"type": "array", "items": _schema_of(item, definitions)}
    if kind is type(None):
        return {"type": "null"}
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer"}
    if kind is str:
        return {"type": "string"}
    if kind is date:
        return {"type": "string", "format": "date"}
    if kind is time:
        return {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$", "description": "HH:MM"}
    if isinstance(kind, type) and issubclass(kind, Enum):
        return {"enum": [member.value for member in kind]}
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        _define(kind, definitions)
        return {"$ref": f"#/$defs/{kind.__name__}"}
    raise TypeError(f"no schema for {kind!r}")


def _define(kind: type, definitions: dict[str, Any]) -> None:
    if kind.__name__ in definitions:
        return
    definitions[kind.__name__] = {}  # reserve the name: types may refer to each other
    hints = typing.get_type_hints(kind)
    properties: dict[str, Any] = {}
    required = []
    for field in dataclasses.fields(kind):
        properties[field.name] = _schema_of(hints[field.name], definitions)
        no_default = field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
        if no_default:
            required.append(field.name)
    definition: dict[str, Any] = {"type": "object", "properties": properties}
    if kind.__doc__:
        definition["description"] = " ".join(kind.__doc__.split())
    if required:
        definition["required"] = required
    definitions[kind.__name__] = definition


def interchange_schema() -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "clerk meetings interchange file",
        "description": "Meetings with their committees and the people they name. Written by "
        "`clerk export meeting MEETING --format json`, read by `clerk import FILE`.",
        "type": "object",
        "required": ["format", "version"],
        "properties": {
            "format": {"const": FORMAT_NAME},
            "version": {"type": "integer", "minimum": 1, "maximum": FORMAT_VERSION},
            "committees": {"type": "array", "items": _schema_of(Committee, definitions)},
            "people": {"type": "array", "items": _schema_of(Person, definitions)},
            "meetings": {"type": "array", "items": _schema_of(Meeting, definitions)},
        },
    }
    schema["$defs"] = dict(sorted(definitions.items()))
    return schema


def schema_json() -> str:
    return json.dumps(interchange_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # pragma: no cover - `python -m clerk_tui.interchange.schema`
    print(schema_json(), end="")
