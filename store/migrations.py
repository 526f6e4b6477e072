"""Schema versions and the steps between them.

The store's version lives in ``registry.json`` (table ``meta``); every meeting file
also carries its own ``schema_version``. A step (``from_version`` -> ``to_version``)
transforms raw JSON documents: the registry's tables, and one meeting document.
The store applies steps file by file (each written atomically, with its new
version) and stamps the registry last, so a migration cut short by a crash resumes
where it stopped: files already at the new version are skipped.

Add a step here (and bump ``SCHEMA_VERSION``) when a stored field changes meaning or
shape, or when a clerk that does not know a new field would lose it by saving: a clerk
refuses a store of a newer schema than its own (SchemaTooNewError) rather than drop what
it cannot read.

- 1: the first.
- 2: meetings carry the minutes' approval record (``record``: circulated revisions, the
  confirmation, the signature with its frozen copies) and the live meeting's undo
  history (``history``). Both read as empty from a version 1 file, so the step changes
  nothing; it is there so that a version 1 clerk, which would ignore both keys and drop
  them the next time it saved the meeting, refuses the store instead.
- 3: sentences that were fixed strings (the council's name, the declarations paragraphs,
  the Act's citation, "minutes confirmed" and "next meeting" wording, dotted times) are
  house-style settings with neutral defaults; a committee stored before keeps the
  sentences it printed (``wording_before_it_was_set``), as an interchange file of that
  time does.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clerk_tui.domain.committee import wording_before_it_was_set
from store.errors import SchemaTooNewError, StoreError

SCHEMA_VERSION = 3
VERSION_KEY = "schema_version"

Document = dict[str, Any]
RegistryTables = dict[str, list[Document]]
"""Table name ("committees", "people") -> its documents, in stored order."""


def _same_registry(tables: RegistryTables) -> RegistryTables:
    return tables


def _same_meeting(document: Document) -> Document:
    return document


@dataclass(frozen=True)
class Migration:
    """One step of the store's schema, from one version to the next."""

    from_version: int
    to_version: int
    description: str
    registry: Callable[[RegistryTables], RegistryTables] = _same_registry
    """Transforms the registry's tables (committees, people); may edit in place and return them."""
    meeting: Callable[[Document], Document] = _same_meeting
    """Transforms one meeting document (without its ``schema_version``)."""


def _committees_keep_their_wording(tables: RegistryTables) -> RegistryTables:
    for committee in tables.get("committees", []):
        style = committee.get("style")
        if isinstance(style, dict):
            comma = style.get("comma_before_year") is True
            for key, value in wording_before_it_was_set(comma).items():
                style.setdefault(key, copy.deepcopy(value))
    return tables


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        2,
        "meetings keep the minutes' approval record and the undo history (older clerks would drop them)",
    ),
    Migration(
        2,
        3,
        "committees stored before the house-style wording keep the sentences they printed",
        registry=_committees_keep_their_wording,
    ),
)


@dataclass(frozen=True)
class Schema:
    """A target version and the ordered steps that reach it."""

    version: int
    migrations: tuple[Migration, ...] = ()

    def __post_init__(self) -> None:
        if self.version < 1:
            raise ValueError("schema versions start at 1")
        previous: Migration | None = None
        for step in self.migrations:
            if step.to_version <= step.from_version:
                raise ValueError(f"migration {step.description!r} does not move forward")
            if previous is not None and step.from_version != previous.to_version:
                raise ValueError(
                    f"migrations are not in order: {previous.to_version} then {step.from_version}"
                )
            previous = step
        if previous is not None and previous.to_version != self.version:
            raise ValueError(f"the last migration reaches {previous.to_version}, not schema {self.version}")

    def steps_from(self, stored: int, where: Path) -> tuple[Migration, ...]:
        """Every step above ``stored``, in order; refuses a version newer than this clerk's."""
        if stored > self.version:
            raise SchemaTooNewError(where, stored, self.version)
        if stored == self.version:
            return ()
        steps = tuple(step for step in self.migrations if step.from_version >= stored)
        if not steps or steps[0].from_version != stored:
            raise StoreError(
                f"{where} is at schema {stored}, which this clerk cannot upgrade "
                f"(it upgrades to {self.version} from "
                f"{self.migrations[0].from_version if self.migrations else self.version})."
            )
        return steps


CURRENT_SCHEMA = Schema(SCHEMA_VERSION, MIGRATIONS)


def stored_version(document: Mapping[str, Any], default: int) -> int:
    """The ``schema_version`` a document carries, or ``default`` if it has none."""
    value = document.get(VERSION_KEY, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"schema_version should be a whole number from 1, found {value!r}")
    return value


def migrate_registry(tables: RegistryTables, steps: Sequence[Migration]) -> RegistryTables:
    """The registry's tables brought through ``steps`` (a copy: steps may edit in place)."""
    if steps:
        tables = copy.deepcopy(tables)
    for step in steps:
        tables = step.registry(tables)
    return tables


def migrate_meeting(document: Document, steps: Sequence[Migration]) -> Document:
    """A meeting document brought through ``steps``, without its ``schema_version`` key.

    Works on a copy: steps may edit in place, and the document may be the storage's cache.
    """
    body = {key: value for key, value in document.items() if key != VERSION_KEY}
    if steps:
        body = copy.deepcopy(body)
    for step in steps:
        body = step.meeting(body)
    return body


def migrate(
    registry: RegistryTables,
    meetings: Mapping[str, Document],
    version: int,
    *,
    schema: Schema = CURRENT_SCHEMA,
    where: Path = Path("store"),
) -> tuple[RegistryTables, dict[str, Document], int]:
    """Apply, in order, every step above ``version`` to copies of the raw documents.

    Returns the new registry tables, the new meeting documents (each stamped with
    its ``schema_version``) and the version reached. A meeting that carries its own
    older or newer version is moved from there. Raises SchemaTooNewError, before
    changing anything, when ``version`` (or a meeting's) is newer than ``schema``.
    """
    steps = schema.steps_from(version, where)
    per_meeting: dict[str, tuple[Migration, ...]] = {}
    for meeting_id, document in meetings.items():
        own = stored_version(document, version)
        per_meeting[meeting_id] = schema.steps_from(own, where / f"{meeting_id}.json")
    new_registry = migrate_registry(copy.deepcopy(registry), steps)
    new_meetings: dict[str, Document] = {}
    for meeting_id, document in meetings.items():
        body = migrate_meeting(copy.deepcopy(document), per_meeting[meeting_id])
        new_meetings[meeting_id] = {VERSION_KEY: schema.version, **body}
    return new_registry, new_meetings, schema.version
