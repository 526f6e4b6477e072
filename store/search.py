"""Full-text search over every meeting: a SQLite FTS5 index derived from the store.

The index lives beside the store (``<store>/search.sqlite3``, private to the clerk) and
is never a second source of truth: it holds copies of text from the meeting files and a
stamp per meeting (its summary and its file's size and time), and is brought up to date
from the JSON files whenever it is missing, damaged or stale. Only meetings whose stamp
changed are read again. A store that cannot hold the file (read-only media) gets an
index in memory, rebuilt on each open.

What is indexed, one passage each, under the minute's title: a minute's narrative, its
resolution, each motion with what became of it (under its mover), each name of a recorded
vote with how they voted (under that person: "Councillor Moss voted against ..."), each
declaration of interest, each agenda item not yet minuted; and a title on its own where
no public passage carries it. What is public is what
``render.public.public_meeting`` leaves of the meeting (the one definition, used here
rather than a second copy of its rules): those passages, and the attendance it keeps, are
public. Every other passage (the text of exempt items, the nature of an interest declared
on one) is exempt, kept under row ids below zero: a search never reads them unless the
caller asks for exempt text, and every such result says it is exempt; so is attendance
recorded only during exempt business, for the member filter.

Keeping it up to date is the caller's: after a save, ``update(meeting)``, which writes
again only the passages whose text changed (benchmarks/bench_search.py measures it); at
open or before a search, ``refresh(store)``.

Depends on the domain, on render.public (pure: what is public) and on Store's public methods
only (plus where the store keeps a meeting's file, for its stamp; without that file a
meeting's stamp is its content's hash).
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
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_tui.domain import (
    Block,
    BlockKind,
    Committee,
    EventKind,
    HouseStyle,
    ItemKind,
    Meeting,
    MeetingSummary,
    Motion,
    MotionKind,
    Person,
    Resolution,
    VoteMethod,
)
from clerk_tui.domain.exclusion import exclusion_after
from clerk_tui.domain.votes import counts_said
from clerk_tui.render.public import has_exempt_business, public_meeting

if TYPE_CHECKING:
    from store.repository import Store

INDEX_NAME = "search.sqlite3"
SCHEMA = 5
"""5: motions and recorded votes are indexed (an index of 4 is rebuilt)."""
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
    id INTEGER PRIMARY KEY, meeting_id TEXT NOT NULL, key TEXT NOT NULL, hash TEXT NOT NULL,
    kind TEXT NOT NULL, position INTEGER, item_title TEXT NOT NULL, heading TEXT NOT NULL,
    body TEXT NOT NULL, tags TEXT NOT NULL, exempt INTEGER NOT NULL, person_id TEXT);
CREATE INDEX IF NOT EXISTS passages_meeting ON passages(meeting_id);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
    heading, body, tags, content='passages', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts(rowid, heading, body, tags) VALUES (new.id, new.heading, new.body, new.tags);
END;
CREATE TRIGGER IF NOT EXISTS passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, heading, body, tags)
    VALUES ('delete', old.id, old.heading, old.body, old.tags);
END;
CREATE TABLE IF NOT EXISTS attendees(
    meeting_id TEXT NOT NULL, person_id TEXT NOT NULL, kind TEXT NOT NULL, exempt INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS attendees_person ON attendees(person_id);
CREATE INDEX IF NOT EXISTS attendees_meeting ON attendees(meeting_id);
CREATE TABLE IF NOT EXISTS people(id TEXT PRIMARY KEY, names TEXT NOT NULL);
"""
RANK = "bm25(4.0, 1.0, 0.0)"
"""A title counts four times a word in the text; the tags column (filters) not at all."""
REFRESH_BATCH = 50
"""Meetings indexed per transaction when the index is brought up to date."""


class SearchError(Exception):
    """A search that cannot be run as asked (its text says why, for the clerk)."""


class PassageKind:
    TITLE = "title"
    NARRATIVE = "narrative"
    RESOLUTION = "resolution"
    DECLARATION = "declaration"
    ITEM = "agenda item"
    VOTE = "vote"


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
    """Its place in the ranking (bm25, the title weighing four times the text): 0 is best."""
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
        self._styles: dict[str, HouseStyle] = {}
        """Each committee's house style: what its public copies keep of exempt declarations."""
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
            # Derived data: a crash can only lose what the next refresh puts back (a damaged
            # file is rebuilt), so no write waits for the disk.
            db.execute("PRAGMA synchronous=OFF")
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
        db.execute("INSERT INTO passages_fts(passages_fts, rank) VALUES ('rank', ?)", (RANK,))
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
        self.set_names(store.people(), store.committees())
        summaries = store.meeting_summaries()
        with self._lock:
            indexed = dict(self._db.execute("SELECT id, stamp FROM meetings").fetchall())
        wanted = {summary.id: summary for summary in summaries}
        stale = []
        for summary in summaries:
            stamp = self._stamp(summary)
            if stamp is None or indexed.get(summary.id) != stamp:
                stale.append((summary.id, stamp))
        for start in range(0, len(stale), REFRESH_BATCH):
            batch = []
            for meeting_id, stamp in stale[start : start + REFRESH_BATCH]:
                try:
                    meeting = store.meeting(meeting_id)
                except Exception as error:  # noqa: BLE001 - a damaged file is reported, not fatal
                    report.unreadable.append((meeting_id, str(error)))
                    continue
                batch.append((meeting, stamp or _content_stamp(meeting)))
            self.update_many(batch)
            report.indexed.extend(meeting.id for meeting, _ in batch)
        gone = [meeting_id for meeting_id in indexed if meeting_id not in wanted]
        for meeting_id in gone:
            self.remove(meeting_id)
        report.removed = gone
        return report

    def set_names(self, people: Iterable[Person], committees: Iterable[Committee]) -> None:
        """The names a declaration and a committee are indexed under, and each committee's
        house style for its public form (refresh reads them)."""
        self._names = {}
        rows = []
        for person in people:
            self._names[person.id] = person.name_with_honours()
            names = {person.name, person.name_with_honours(), person.minutes_short_name()}
            rows.append((person.id, " | ".join(sorted(names))))
        committees = list(committees)
        self._committees = {committee.id: committee.name for committee in committees}
        self._styles = {committee.id: committee.style for committee in committees}
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
        """Index one meeting again (after it was saved). Only the passages whose text
        changed are written again, so an edit costs what the edit touched."""
        if stamp is None:
            stamp = self._stamp(MeetingSummary.of(meeting)) or _content_stamp(meeting)
        with self._lock, self._db:
            self._apply(meeting, stamp)

    def update_many(self, meetings: Iterable[tuple[Meeting, str]]) -> None:
        """Index several meetings (each with its stamp) in one transaction."""
        with self._lock, self._db:
            for meeting, stamp in meetings:
                self._apply(meeting, stamp)

    def _apply(self, meeting: Meeting, stamp: str) -> None:
        committee = self._committees.get(meeting.committee_id, meeting.committee_id)
        # Without exempt business the public form says what the meeting says (render.public).
        public = (
            public_meeting(meeting, self._styles.get(meeting.committee_id, HouseStyle()))
            if has_exempt_business(meeting)
            else meeting
        )
        fresh = {passage[0]: passage for passage in _keyed(meeting, public, self._names)}
        old = {
            key: (row_id, digest)
            for row_id, key, digest in self._db.execute(
                "SELECT id, key, hash FROM passages WHERE meeting_id = ?", (meeting.id,)
            )
        }
        gone = [
            row_id for key, (row_id, digest) in old.items() if key not in fresh or fresh[key][1] != digest
        ]
        if gone:
            self._db.executemany("DELETE FROM passages WHERE id = ?", [(row_id,) for row_id in gone])
        added = [passage for key, passage in fresh.items() if key not in old or old[key][1] != passage[1]]
        shown = [passage for passage in added if not passage[8]]
        if shown:
            self._db.executemany(
                "INSERT INTO passages(meeting_id, key, hash, kind, position, item_title, heading, body, tags,"
                " exempt, person_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(meeting.id, *passage) for passage in shown],
            )
        exempt = [passage for passage in added if passage[8]]
        if exempt:
            # Exempt passages take ids below zero: a public search asks the index for
            # rowid > 0 and never reads them at all.
            lowest = self._db.execute("SELECT min(id) FROM passages").fetchone()[0] or 0
            start = min(lowest, 0) - 1
            self._db.executemany(
                "INSERT INTO passages(id, meeting_id, key, hash, kind, position, item_title, heading, body,"
                " tags, exempt, person_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(start - offset, meeting.id, *passage) for offset, passage in enumerate(exempt)],
            )
        attendees = _attendees(meeting, public)
        known = sorted(
            self._db.execute(
                "SELECT meeting_id, person_id, kind, exempt FROM attendees WHERE meeting_id = ?",
                (meeting.id,),
            )
        )
        if known != attendees:
            self._db.execute("DELETE FROM attendees WHERE meeting_id = ?", (meeting.id,))
            self._db.executemany(
                "INSERT INTO attendees(meeting_id, person_id, kind, exempt) VALUES (?, ?, ?, ?)", attendees
            )
        self._db.execute(
            "INSERT OR REPLACE INTO meetings(id, committee_id, committee, date, stamp)"
            " VALUES (?, ?, ?, ?, ?)",
            (meeting.id, meeting.committee_id, committee, meeting.date.isoformat(), stamp),
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
        number is worked out as the store numbers it now.

        Two steps, so that only the passages shown are read back for their snippets: the
        best rows by rank (filters that the index itself holds as tags, in the match),
        then their text."""
        match = self._match(query)
        joins: list[str] = []
        where: list[str] = []
        parameters: list[object] = [match]
        if query.start or query.end:
            joins.append(" JOIN passages p ON p.id = f.rowid JOIN meetings m ON m.id = p.meeting_id")
            if query.start:
                where.append(" AND m.date >= ?")
                parameters.append(query.start.isoformat())
            if query.end:
                where.append(" AND m.date <= ?")
                parameters.append(query.end.isoformat())
        if query.member:
            people = self.people_named(query.member)
            if not people:
                raise SearchError(f"No one in the store is called “{query.member}”.")
            if not joins:
                joins.append(" JOIN passages p ON p.id = f.rowid")
            marks = ", ".join("?" for _ in people)
            public_only = "" if query.include_exempt else " AND exempt = 0"
            where.append(
                f" AND (p.person_id IN ({marks}) OR (p.kind != 'declaration' AND p.meeting_id IN"
                f" (SELECT meeting_id FROM attendees WHERE person_id IN ({marks}){public_only})))"
            )
            parameters += people + people
        if not query.include_exempt:
            where.append(" AND f.rowid > 0")
        first = (
            "SELECT f.rowid FROM passages_fts f"
            + "".join(joins)
            + " WHERE passages_fts MATCH ?"
            + "".join(where)
            + " ORDER BY f.rank LIMIT ?"
        )
        parameters.append(max(1, query.limit))
        try:
            with self._lock:
                order = [row[0] for row in self._db.execute(first, parameters)]
                rows = self._shown(query_words(query.text), order)
        except sqlite3.OperationalError as error:
            raise SearchError(f"“{query.text}” cannot be searched for ({error}).") from None
        hits = [
            replace(rows[row_id], rank=float(place)) for place, row_id in enumerate(order) if row_id in rows
        ]
        return [_numbered(hit, store) for hit in hits] if store is not None else hits

    def _match(self, query: SearchQuery) -> str:
        terms = fts_query(query.text)
        match = f"{{heading body}} : ({terms})"
        kinds = [
            _tag_of_kind(kind)
            for kind, wanted in (
                (PassageKind.DECLARATION, query.declarations),
                (PassageKind.RESOLUTION, query.resolutions),
            )
            if wanted
        ]
        if kinds:
            match += f" AND tags : ({' OR '.join(kinds)})"
        if query.committee:
            with self._lock:
                found = [
                    row[0]
                    for row in self._db.execute(
                        "SELECT DISTINCT committee_id FROM meetings"
                        " WHERE committee_id = ? OR committee LIKE ?",
                        (query.committee, f"%{query.committee}%"),
                    )
                ]
            if not found:
                raise SearchError(f"No committee in the index is called “{query.committee}”.")
            match += f" AND tags : ({' OR '.join(_tag_of_committee(c) for c in found)})"
        return match

    def _shown(self, words: Sequence[str], order: list[int]) -> dict[int, Hit]:
        """The rows shown, with their snippets made here: the index ranks, but reading a
        snippet back through FTS5 costs more than the whole search for common words."""
        if not order:
            return {}
        marks = ", ".join("?" for _ in order)
        sql = (
            "SELECT p.id, p.meeting_id, m.committee, m.date, p.kind, p.position, p.item_title, p.heading,"
            " p.body, p.exempt FROM passages p JOIN meetings m ON m.id = p.meeting_id"
            f" WHERE p.id IN ({marks})"
        )
        shown = {}
        for rank, row in enumerate(self._db.execute(sql, order)):
            shown[row[0]] = Hit(
                row[1],
                row[2],
                date.fromisoformat(row[3]),
                row[4],
                row[5],
                row[6],
                snippet(row[8], words, row[7]),
                bool(row[9]),
                float(rank),
            )
        return shown

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


_SUFFIXES = ("ational", "ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s", "e")
_TOKEN = re.compile(r"\w+(?:[’'-]\w+)*")
SNIPPET_WORDS = 26


def query_words(text: str) -> list[str]:
    """The stems a snippet highlights: the clerk's words less their common endings."""
    stems = []
    for word in _words(text):
        lowered = word.casefold()
        for suffix in _SUFFIXES:
            if lowered.endswith(suffix) and len(lowered) - len(suffix) >= 3:
                lowered = lowered[: -len(suffix)]
                break
        stems.append(lowered)
    return stems


def snippet(body: str, stems: Sequence[str], heading: str = "") -> str:
    """The words around the first of the passage's densest matches, each match marked
    with HIGHLIGHT; the heading and the passage's start if only the heading matched."""
    tokens = list(_TOKEN.finditer(body))
    hits = [i for i, token in enumerate(tokens) if any(token.group().casefold().startswith(s) for s in stems)]
    if not hits:
        head = " ".join(heading.split())
        marked = _mark(head, stems) if head else ""
        start = " ".join(body.split())
        start = start if len(start) <= 100 else start[:99] + ELLIPSIS
        return f"{marked}: {start}" if marked and marked != start else start
    best = max(hits, key=lambda i: sum(1 for j in hits if i <= j < i + SNIPPET_WORDS))
    first = 0 if len(tokens) <= SNIPPET_WORDS + 8 else max(0, best - 4)
    last = min(len(tokens), first + SNIPPET_WORDS + (8 if first == 0 else 0)) - 1
    piece = body[tokens[first].start() : tokens[last].end()]
    text = _mark(" ".join(piece.split()), stems)
    return (ELLIPSIS if first > 0 else "") + text + (ELLIPSIS if last < len(tokens) - 1 else "")


def _mark(text: str, stems: Sequence[str]) -> str:
    def marked(match: re.Match[str]) -> str:
        word = match.group()
        if any(word.casefold().startswith(stem) for stem in stems):
            return f"{HIGHLIGHT[0]}{word}{HIGHLIGHT[1]}"
        return word

    return _TOKEN.sub(marked, text)


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
    return replace(hit, minute_number=first + hit.position)


def _content_stamp(meeting: Meeting) -> str:
    from clerk_tui.domain.codec import CONVERTER

    payload = json.dumps(CONVERTER.unstructure(meeting), sort_keys=True, default=str)
    return "content:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()


Passage = tuple[str, int | None, str, str, str, int, str | None]
"""(kind, position, item title, heading, body, exempt, person id)."""


def _tag_of_kind(kind: str) -> str:
    return "k" + kind.replace(" ", "")


def _tag_of_committee(committee_id: str) -> str:
    return "c" + committee_id.encode("utf-8").hex()


Keyed = tuple[str, str, str, int | None, str, str, str, str, int, str | None]
"""(key, hash, then the passage's columns as stored)."""


_ATTENDING = (EventKind.PRESENT, EventKind.SUBSTITUTE, EventKind.ALSO_PRESENT, EventKind.ARRIVED)


def _attendees(meeting: Meeting, public: Meeting) -> list[tuple[str, str, str, int]]:
    """(meeting, person, kind, exempt): who attended, exempt where only attendance the
    public form leaves out (recorded during exempt business) shows it."""
    shown = {(event.person_id, event.kind.value) for event in public.attendance if event.kind in _ATTENDING}
    everyone = {
        (event.person_id, event.kind.value) for event in meeting.attendance if event.kind in _ATTENDING
    }
    return sorted((meeting.id, person, kind, int((person, kind) not in shown)) for person, kind in everyone)


def _classified(meeting: Meeting, public: Meeting, names: Mapping[str, str]) -> Iterable[tuple[str, Passage]]:
    """The public form's passages, public; then every passage of the meeting that the
    public form does not hold word for word, exempt (under a key of its own)."""
    shown: set[tuple[str, str]] = set()
    for key, passage in _passages(public, names):
        shown.add((key, passage[4]))
        yield key, (*passage[:5], 0, passage[6])
    if public is meeting:
        return
    for key, passage in _passages(meeting, names):
        if (key, passage[4]) not in shown:
            yield f"exempt:{key}", (*passage[:5], 1, passage[6])


def _keyed(meeting: Meeting, public: Meeting, names: Mapping[str, str]) -> Iterable[Keyed]:
    """Each passage with a key that stays the same while its text does, and a hash of it."""
    committee_tag = _tag_of_committee(meeting.committee_id)
    for key, passage in _classified(meeting, public, names):
        kind, position, item_title, heading, body, exempt, person_id = passage
        tags = f"{_tag_of_kind(kind)} {committee_tag}"
        digest = hashlib.blake2b(
            "\x1f".join(
                [kind, str(position), item_title, heading, body, tags, str(exempt), person_id or ""]
            ).encode(),
            digest_size=12,
        ).hexdigest()
        yield (key, digest, kind, position, item_title, heading, body, tags, exempt, person_id)


def _passages(meeting: Meeting, names: Mapping[str, str]) -> Iterable[tuple[str, Passage]]:
    items = {item.id: item for item in meeting.agenda}
    minuted = {minute.item_id for minute in meeting.minutes if minute.item_id}
    positions = {minute.id: index for index, minute in enumerate(meeting.numbered_minutes())}
    for minute in meeting.minutes:
        item = items.get(minute.item_id or "")
        exempt = int(bool(item and item.exempt))
        position = positions.get(minute.id)
        title = minute.title
        narrative = _narrative_text(minute.narrative)
        resolution = minute.resolution
        if resolution is None and minute.kind == ItemKind.EXCLUSION:
            resolution = exclusion_after(meeting, minute.item_id)
        # The title heads the minute's passages; it is a passage of its own only where no
        # public passage carries it (an exempt item's title is printed in public minutes).
        if exempt or not (narrative or resolution):
            yield f"title:{minute.id}", (PassageKind.TITLE, position, title, title, title, 0, None)
        if narrative:
            yield (
                f"narrative:{minute.id}",
                (PassageKind.NARRATIVE, position, title, title, narrative, exempt, None),
            )
        if resolution is not None:
            text = resolution_text(resolution)
            yield (
                f"resolution:{minute.id}",
                (PassageKind.RESOLUTION, position, title, title, text, exempt, None),
            )
        for motion in minute.motions:
            for key, body, person_id in _vote_passages(motion, names):
                yield (
                    f"{key}:{minute.id}:{motion.id}",
                    (
                        PassageKind.VOTE,
                        position,
                        title,
                        title,
                        body,
                        exempt,
                        person_id,
                    ),
                )
    minute_titles = {minute.item_id: (positions.get(minute.id), minute.title) for minute in meeting.minutes}
    for declaration in meeting.declarations:
        position, title = minute_titles.get(declaration.item_id, (None, ""))
        item = items.get(declaration.item_id)
        item_title = item.title if item else title
        who = declaration.printed_name or names.get(declaration.person_id, declaration.person_id)
        kind = declaration.kind.printed().lower()
        body = f"{who} declared a {kind} interest in {item_title}: {declaration.nature}"
        yield (
            f"declaration:{declaration.id}",
            (
                PassageKind.DECLARATION,
                position,
                item_title,
                item_title,
                body,
                0,
                declaration.person_id,
            ),
        )
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
            yield (
                f"item-title:{item.id}",
                (PassageKind.ITEM, None, item.title, item.title, item.title, 0, None),
            )
        if text:
            yield (
                f"item:{item.id}",
                (PassageKind.ITEM, None, item.title, item.title, text, int(item.exempt), None),
            )


_MOTION_NOUN = {
    MotionKind.ORIGINAL: "motion",
    MotionKind.AMENDMENT: "amendment",
    MotionKind.PROCEDURAL: "procedural motion",
}


def _vote_passages(motion: Motion, names: Mapping[str, str]) -> Iterable[tuple[str, str, str]]:
    """(key, body, person id): the motion and its result under its mover, then each name of
    a recorded vote under that person, saying how they voted."""
    noun = _MOTION_NOUN[motion.kind]
    what = motion.text or "; ".join(motion.parts)
    mover = names.get(motion.mover_id, motion.mover_id)
    moved = f"{noun.capitalize()} moved by {mover}"
    if motion.seconder_id:
        moved += f", seconded by {names.get(motion.seconder_id, motion.seconder_id)}"
    vote = motion.vote
    counted = f" ({counts_said(vote)})" if vote is not None and vote.counted else ""
    yield "motion", f"{moved}, that {what}: {motion.result.value.upper()}{counted}.", motion.mover_id
    if vote is None or vote.method != VoteMethod.RECORDED:
        return
    for how, people in (
        ("voted for", vote.named_for),
        ("voted against", vote.named_against),
        ("abstained on", vote.named_abstained),
    ):
        for person_id in people:
            who = names.get(person_id, person_id)
            yield f"vote-{person_id}", f"{who} {how} the {noun} moved by {mover}, that {what}.", person_id


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
