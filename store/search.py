"""Full-text search over every meeting: a SQLite FTS5 index derived from the store.

The index lives beside the store (``<store>/search.sqlite3``, private to the clerk) and
is never a second source of truth: it holds copies of text from the meeting files and a
stamp per meeting (its summary and its file's size and time), and is brought up to date
from the JSON files whenever it is missing, damaged or stale. Only meetings whose stamp
changed are read again. A store that cannot hold the file (read-only media) gets an
index in memory, rebuilt on each open.

What is indexed, one passage each: a minute's title, its narrative, its resolution, each
declaration of interest, and each agenda item not yet minuted (title and description).
Passages of exempt (Part 2) items are marked so: they are never returned unless the
caller asks for exempt text, and every such result says it is exempt.

Keeping it up to date is the caller's: after a save, ``update(meeting)`` (it costs about
a millisecond; benchmarks/bench_search.py measures it); at open, ``refresh(store)``.

Depends on the domain and on Store's public methods only (plus where the store keeps a
meeting's file, for its stamp; without that file a meeting's stamp is its content's hash).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_tui.domain import (
    Block,
    BlockKind,
    EventKind,
    ItemKind,
    Meeting,
    MeetingSummary,
    Person,
    Resolution,
)
from clerk_tui.domain.phrases import exclusion_resolution

if TYPE_CHECKING:
    from store.repository import Store

INDEX_NAME = "search.sqlite3"
SCHEMA = 1
HIGHLIGHT = ("«", "»")
"""Around the matching words in a snippet (plain text: the CLI prints it as it is)."""
ELLIPSIS = "…"

_DDL = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meetings(
    id TEXT PRIMARY KEY, committee_id TEXT NOT NULL, committee TEXT NOT NULL, date TEXT NOT NULL,
    stamp TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS meetings_committee ON meetings(committee_id, date);
CREATE TABLE IF NOT EXISTS passages(
    id INTEGER PRIMARY KEY, meeting_id TEXT NOT NULL, kind TEXT NOT NULL, position INTEGER,
    item_title TEXT NOT NULL, heading TEXT NOT NULL, body TEXT NOT NULL, exempt INTEGER NOT NULL,
    person_id TEXT);
CREATE INDEX IF NOT EXISTS passages_meeting ON passages(meeting_id);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
    heading, body, content='passages', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts(rowid, heading, body) VALUES (new.id, new.heading, new.body);
END;
CREATE TRIGGER IF NOT EXISTS passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, heading, body)
    VALUES ('delete', old.id, old.heading, old.body);
END;
CREATE TABLE IF NOT EXISTS attendees(meeting_id TEXT NOT NULL, person_id TEXT NOT NULL, kind TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS attendees_person ON attendees(person_id);
CREATE INDEX IF NOT EXISTS attendees_meeting ON attendees(meeting_id);
CREATE TABLE IF NOT EXISTS people(id TEXT PRIMARY KEY, names TEXT NOT NULL);
"""


class SearchError(Exception):
    """A search that cannot be run as asked (its text says why, for the clerk)."""


class PassageKind:
    TITLE = "title"
    NARRATIVE = "narrative"
    RESOLUTION = "resolution"
    DECLARATION = "declaration"
    ITEM = "agenda item"


@dataclass(frozen=True)
class SearchQuery:
    text: str
    committee: str | None = None
    """A committee id, or words of its name."""
    start: date | None = None
    end: date | None = None
    member: str | None = None
    """Words of a person's name: their declarations, and what was said at meetings they attended."""
    declarations: bool = False
    resolutions: bool = False
    include_exempt: bool = False
    limit: int = 50


@dataclass(frozen=True)
class Hit:
    meeting_id: str
    committee: str
    date: date
    kind: str
    position: int | None
    """The minute's place among the meeting's numbered minutes (0-based), if a minute."""
    item_title: str
    snippet: str
    """The matching words in context, marked with HIGHLIGHT."""
    exempt: bool
    rank: float
    minute_number: int | None = None


@dataclass
class RefreshReport:
    indexed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    rebuilt: bool = False
    """The index file was missing, damaged or of another schema, and was made afresh."""


def index_path(store: Store) -> Path:
    return store.root / INDEX_NAME


class SearchIndex:
    """The index of one store. Safe to use from one thread at a time (a lock guards it)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.in_memory = path is None
        self.rebuilt = False
        self._lock = threading.RLock()
        self._names: dict[str, str] = {}
        self._committees: dict[str, str] = {}
        self._root: Path | None = None
        self._db = self._connect()

    # --- opening ---------------------------------------------------------------------
    @classmethod
    def for_store(cls, store: Store) -> SearchIndex:
        """The store's index file, created if need be; in memory if the folder is not writable."""
        path = index_path(store)
        try:
            index = cls(path)
        except (OSError, sqlite3.Error):
            index = cls(None)
        index._root = store.root
        return index

    def _connect(self) -> sqlite3.Connection:
        if self.path is None:
            db = sqlite3.connect(":memory:", check_same_thread=False)
            self._prepare(db)
            return db
        try:
            return self._open_file(self.path)
        except sqlite3.DatabaseError:
            # Derived data: a damaged or foreign file is set aside and the index rebuilt.
            with contextlib.suppress(OSError):
                os.replace(self.path, self.path.with_suffix(".damaged"))
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(OSError):
                    os.unlink(f"{self.path}{suffix}")
            self.rebuilt = True
            return self._open_file(self.path)

    def _open_file(self, path: Path) -> sqlite3.Connection:
        if not path.exists():
            self.rebuilt = True
            fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
            os.close(fd)
        else:
            with contextlib.suppress(OSError):
                os.chmod(path, 0o600)
        db = sqlite3.connect(path, timeout=5, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            self._prepare(db)
            db.execute("SELECT count(*) FROM passages_fts").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _prepare(self, db: sqlite3.Connection) -> None:
        found = db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        if found:
            row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None or row[0] != str(SCHEMA):
                for table in ("passages_fts", "passages", "meetings", "attendees", "people", "meta"):
                    db.execute(f"DROP TABLE IF EXISTS {table}")
                self.rebuilt = True
        db.executescript(_DDL)
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', ?)", (str(SCHEMA),))
        db.commit()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- keeping it up to date ---------------------------------------------------------
    def refresh(self, store: Store) -> RefreshReport:
        """Bring the index up to date with the store: meetings whose stamp changed are read
        and indexed again, meetings no longer in the store are taken out."""
        report = RefreshReport(rebuilt=self.rebuilt)
        self.rebuilt = False
        self._root = store.root
        self._load_names(store.people(), {c.id: c.name for c in store.committees()})
        summaries = store.meeting_summaries()
        with self._lock:
            indexed = dict(self._db.execute("SELECT id, stamp FROM meetings").fetchall())
        wanted = {summary.id: summary for summary in summaries}
        for summary in summaries:
            stamp = self._stamp(summary)
            if stamp is not None and indexed.get(summary.id) == stamp:
                continue
            try:
                meeting = store.meeting(summary.id)
            except Exception as error:  # noqa: BLE001 - a damaged file is reported, not fatal
                report.unreadable.append((summary.id, str(error)))
                continue
            self.update(meeting, stamp=stamp or _content_stamp(meeting))
            report.indexed.append(summary.id)
        gone = [meeting_id for meeting_id in indexed if meeting_id not in wanted]
        for meeting_id in gone:
            self.remove(meeting_id)
        report.removed = gone
        return report

    def _load_names(self, people: Iterable[Person], committees: Mapping[str, str]) -> None:
        self._names = {}
        rows = []
        for person in people:
            self._names[person.id] = person.name_with_honours()
            names = {person.name, person.name_with_honours(), person.minutes_short_name()}
            rows.append((person.id, " | ".join(sorted(names))))
        self._committees = dict(committees)
        with self._lock, self._db:
            self._db.execute("DELETE FROM people")
            self._db.executemany("INSERT INTO people(id, names) VALUES (?, ?)", rows)

    def _stamp(self, summary: MeetingSummary) -> str | None:
        """The summary and the meeting file's size and time; None if the file is not where
        the store keeps meeting files (the caller then stamps it by content)."""
        if self._root is None:
            return None
        try:
            info = os.stat(self._root / "meetings" / f"{summary.id}.json")
        except OSError:
            return None
        return (
            f"{summary.date.isoformat()}|{summary.status.value}|{summary.minute_count}|"
            f"{summary.first_minute_number}|{summary.committee_id}|{info.st_size}|{info.st_mtime_ns}"
        )

    def update(self, meeting: Meeting, *, stamp: str | None = None) -> None:
        """Index one meeting again (after it was saved): its passages replace the old ones."""
        if stamp is None:
            stamp = self._stamp(MeetingSummary.of(meeting)) or _content_stamp(meeting)
        passages = list(_passages(meeting, self._names))
        attendees = {
            (meeting.id, event.person_id, event.kind.value)
            for event in meeting.attendance
            if event.kind
            in (EventKind.PRESENT, EventKind.SUBSTITUTE, EventKind.ALSO_PRESENT, EventKind.ARRIVED)
        }
        committee = self._committees.get(meeting.committee_id, meeting.committee_id)
        with self._lock, self._db:
            self._db.execute("DELETE FROM passages WHERE meeting_id = ?", (meeting.id,))
            self._db.execute("DELETE FROM attendees WHERE meeting_id = ?", (meeting.id,))
            self._db.execute(
                "INSERT OR REPLACE INTO meetings(id, committee_id, committee, date, stamp)"
                " VALUES (?, ?, ?, ?, ?)",
                (meeting.id, meeting.committee_id, committee, meeting.date.isoformat(), stamp),
            )
            self._db.executemany(
                "INSERT INTO passages(meeting_id, kind, position, item_title, heading, body, exempt,"
                " person_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(meeting.id, *passage) for passage in passages],
            )
            self._db.executemany(
                "INSERT INTO attendees(meeting_id, person_id, kind) VALUES (?, ?, ?)", attendees
            )

    def remove(self, meeting_id: str) -> None:
        with self._lock, self._db:
            self._db.execute("DELETE FROM passages WHERE meeting_id = ?", (meeting_id,))
            self._db.execute("DELETE FROM attendees WHERE meeting_id = ?", (meeting_id,))
            self._db.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,))

    def meeting_count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM meetings").fetchone()[0])

    # --- searching -----------------------------------------------------------------------
    def search(self, query: SearchQuery, store: Store | None = None) -> list[Hit]:
        """The passages matching ``query``, best first. With ``store``, each minute's
        number is worked out as the store numbers it now."""
        match = fts_query(query.text)
        sql = [
            "SELECT p.meeting_id, m.committee, m.date, p.kind, p.position, p.item_title,",
            f" snippet(passages_fts, 1, '{HIGHLIGHT[0]}', '{HIGHLIGHT[1]}', '{ELLIPSIS}', 14),",
            " p.exempt, bm25(passages_fts, 4.0, 1.0) AS score",
            " FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid",
            " JOIN meetings m ON m.id = p.meeting_id",
            " WHERE passages_fts MATCH ?",
        ]
        parameters: list[object] = [match]
        if not query.include_exempt:
            sql.append(" AND p.exempt = 0")
        if query.committee:
            sql.append(" AND (m.committee_id = ? OR m.committee LIKE ?)")
            parameters += [query.committee, f"%{query.committee}%"]
        if query.start:
            sql.append(" AND m.date >= ?")
            parameters.append(query.start.isoformat())
        if query.end:
            sql.append(" AND m.date <= ?")
            parameters.append(query.end.isoformat())
        kinds = [
            kind
            for kind, wanted in (
                (PassageKind.DECLARATION, query.declarations),
                (PassageKind.RESOLUTION, query.resolutions),
            )
            if wanted
        ]
        if kinds:
            sql.append(f" AND p.kind IN ({', '.join('?' for _ in kinds)})")
            parameters += kinds
        if query.member:
            people = self.people_named(query.member)
            if not people:
                raise SearchError(f"No one in the store is called “{query.member}”.")
            marks = ", ".join("?" for _ in people)
            sql.append(
                f" AND (p.person_id IN ({marks}) OR (p.kind != 'declaration' AND p.meeting_id IN"
                f" (SELECT meeting_id FROM attendees WHERE person_id IN ({marks}))))"
            )
            parameters += people + people
        sql.append(" ORDER BY score LIMIT ?")
        parameters.append(max(1, query.limit))
        try:
            with self._lock:
                rows = self._db.execute("".join(sql), parameters).fetchall()
        except sqlite3.OperationalError as error:
            raise SearchError(f"“{query.text}” cannot be searched for ({error}).") from None
        hits = [
            Hit(
                row[0],
                row[1],
                date.fromisoformat(row[2]),
                row[3],
                row[4],
                row[5],
                " ".join(row[6].split()),
                bool(row[7]),
                row[8],
            )
            for row in rows
        ]
        return [_numbered(hit, store) for hit in hits] if store is not None else hits

    def people_named(self, words: str) -> list[str]:
        """Ids of everyone whose name (as printed or as the minutes short it) has these words."""
        wanted = [
            w.casefold()
            for w in re.findall(r"\w[\w'’.-]*", words)
            if w.casefold() not in ("councillor", "cllr")
        ]
        if not wanted:
            return []
        with self._lock:
            rows = self._db.execute("SELECT id, names FROM people").fetchall()
        return [pid for pid, names in rows if all(w in names.casefold() for w in wanted)]


def fts_query(text: str) -> str:
    """The clerk's words as an FTS5 query: every word must match (the last one as a prefix);
    "quoted words" as a phrase. Nothing the clerk types is read as FTS5 syntax."""
    phrases = re.findall(r'"([^"]+)"', text)
    rest = re.sub(r'"[^"]*"', " ", text)
    terms = [f'"{" ".join(_words(phrase))}"' for phrase in phrases if _words(phrase)]
    words = _words(rest)
    terms += [f'"{word}"' for word in words[:-1]]
    if words:
        terms.append(f'"{words[-1]}"*')
    if not terms:
        raise SearchError("Type a word to search for.")
    return " ".join(terms)


def _words(text: str) -> list[str]:
    return [w.replace('"', "") for w in re.findall(r"\w+", text)]


def _numbered(hit: Hit, store: Store) -> Hit:
    if hit.position is None:
        return hit
    try:
        first = store.first_minute_number(hit.meeting_id)
    except Exception:  # noqa: BLE001 - a number is a nicety; the hit stands without it
        return hit
    from dataclasses import replace

    return replace(hit, minute_number=first + hit.position)


def _content_stamp(meeting: Meeting) -> str:
    from clerk_tui.domain.codec import CONVERTER

    payload = json.dumps(CONVERTER.unstructure(meeting), sort_keys=True, default=str)
    return "content:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()


Passage = tuple[str, int | None, str, str, str, int, str | None]
"""(kind, position, item title, heading, body, exempt, person id)."""


def _passages(meeting: Meeting, names: Mapping[str, str]) -> Iterable[Passage]:
    items = {item.id: item for item in meeting.agenda}
    minuted = {minute.item_id for minute in meeting.minutes if minute.item_id}
    positions = {minute.id: index for index, minute in enumerate(meeting.numbered_minutes())}
    for minute in meeting.minutes:
        item = items.get(minute.item_id or "")
        exempt = int(bool(item and item.exempt))
        position = positions.get(minute.id)
        title = minute.title
        yield (PassageKind.TITLE, position, title, title, title, 0, None)
        narrative = _narrative_text(minute.narrative)
        if narrative:
            yield (PassageKind.NARRATIVE, position, title, title, narrative, exempt, None)
        resolution = minute.resolution
        if resolution is None and minute.kind == ItemKind.EXCLUSION:
            resolution = _exclusion(meeting, minute.item_id)
        if resolution is not None:
            yield (PassageKind.RESOLUTION, position, title, title, resolution_text(resolution), exempt, None)
    minute_titles = {minute.item_id: (positions.get(minute.id), minute.title) for minute in meeting.minutes}
    for declaration in meeting.declarations:
        position, title = minute_titles.get(declaration.item_id, (None, ""))
        item = items.get(declaration.item_id)
        item_title = item.title if item else title
        who = declaration.printed_name or names.get(declaration.person_id, declaration.person_id)
        kind = declaration.kind.printed().lower()
        body = f"{who} declared a {kind} interest in {item_title}: {declaration.nature}"
        yield (PassageKind.DECLARATION, position, item_title, item_title, body, 0, declaration.person_id)
    for item in meeting.agenda:
        if item.id in minuted:
            continue
        text = " ".join(
            part
            for part in (
                item.description,
                item.report_of and f"Report of {item.report_of}",
                item.presentation_of and f"Presentation of {item.presentation_of}",
                item.presenter,
            )
            if part
        )
        if not text or item.exempt:
            yield (PassageKind.ITEM, None, item.title, item.title, item.title, 0, None)
        if text:
            yield (PassageKind.ITEM, None, item.title, item.title, text, int(item.exempt), None)


def _narrative_text(blocks: Sequence[Block]) -> str:
    parts: list[str] = []
    for block in blocks:
        if block.kind == BlockKind.PARAGRAPH:
            parts.append(block.text)
        elif block.kind == BlockKind.TABLE:
            parts.extend(" | ".join(row) for row in block.rows)
        else:
            parts.extend(block.items)
    return "\n".join(parts)


def resolution_text(resolution: Resolution) -> str:
    lead = f"{resolution.lead.value}: {resolution.opening}".strip()
    if len(resolution.parts) == 1:
        return f"{lead} {resolution.parts[0]}"
    return lead + " " + " ".join(f"({n}) {part};" for n, part in enumerate(resolution.parts, start=1))


def _exclusion(meeting: Meeting, item_id: str | None) -> Resolution | None:
    position = next((i for i, item in enumerate(meeting.agenda) if item.id == item_id), None)
    if position is None:
        return None
    following = []
    for item in meeting.agenda[position + 1 :]:
        if not item.exempt:
            break
        following.append(item)
    paragraphs = sorted({p for item in following for p in item.exempt_paragraphs})
    return exclusion_resolution(paragraphs, len(following)) if paragraphs else None
