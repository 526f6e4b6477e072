"""A TinyDB storage that never loses what was on disk.

Stock ``JSONStorage`` rewrites the file in place and truncates after the fsync, so
a crash mid-write leaves a mix of new and old bytes, and it reads an empty file as
an empty database (reliability anchors section 1). This storage:

* serialises first, so a value JSON cannot hold fails before any file is touched;
* writes a temp file in the same directory, fsyncs it, ``os.replace``-s it over the
  old one and fsyncs the directory: the file is always the old version or the new;
* on a failed write removes the temp file, leaves the old file as it was and puts
  its in-memory copy back to what the file holds;
* reads the file once (this process owns the store under the lock) and serves
  from memory; a missing file is a new, empty database, but an empty, truncated
  or unparseable file raises :class:`CorruptFileError` and is never overwritten;
* refuses to overwrite a file something else changed since it was read.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from store.errors import AccessError, ChangedOnDiskError, CorruptFileError, ReadOnlyError, WriteError
from store.files import OS_FILES, Files, FileStamp, stamp_of, write_and_replace

Tables = dict[str, dict[str, Any]]


class _DuplicateKeyError(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)  # at C speed: this runs for every object of every file read
    if len(result) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise _DuplicateKeyError(f"the key {twice!r} appears twice in one object")
    return result


COMPACT = (",", ":")


def serialise(data: Any) -> bytes:
    """Compact UTF-8 JSON, by the standard library's C encoder.

    No indent: with ``indent`` the standard library falls back to its pure-Python
    encoder, which for a 376 KB meeting holds the interpreter for 30-40 ms on every save
    (the UI thread waits); compact, it is a few milliseconds. Files written indented by
    older versions read the same. ``python -m json.tool`` shows a file with lines.
    """
    text = json.dumps(data, ensure_ascii=False, separators=COMPACT, allow_nan=False)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from odd terminal input: escape it instead
        return json.dumps(data, ensure_ascii=True, separators=COMPACT, allow_nan=False).encode("ascii")


def _piece(value: Any) -> bytes:
    """One value as :func:`serialise` writes it (the same encoder and fallback)."""
    return serialise(value)


Encoded = dict[int, tuple[Any, bytes]]
"""A list element's bytes, by the element's ``id``; the element is kept beside them, so
the ``id`` cannot be reused by another object while the entry lives."""


def serialise_reusing(data: Tables, known: Encoded) -> tuple[bytes, Encoded]:
    """What :func:`serialise` gives (compact JSON, C encoder), reusing the bytes of every
    element of a record's top-level lists (a meeting's minutes, items, attendance) that is
    the very object encoded last time: a save that replaced one minute encodes that minute
    alone. Returns the payload and the elements' bytes for the next save.

    Only for tables whose elements nobody changes in place (the storage's own, as
    :meth:`AtomicJSONStorage.replace` takes them over).
    """
    fresh: Encoded = {}

    def element(value: Any) -> bytes:
        ident = id(value)
        seen = known.get(ident)
        encoded = seen[1] if seen is not None and seen[0] is value else _piece(value)
        fresh[ident] = (value, encoded)
        return encoded

    parts: list[bytes] = []
    for table_index, (table_name, table) in enumerate(data.items()):
        parts += [b"," if table_index else b"{", _piece(table_name), b":{"]
        for doc_index, (doc_id, document) in enumerate(table.items()):
            parts += [b"," if doc_index else b"", _piece(doc_id), b":{"]
            for key_index, (key, value) in enumerate(document.items()):
                parts += [b"," if key_index else b"", _piece(key), b":"]
                if type(value) is list:
                    parts += [b"[", b",".join(element(item) for item in value), b"]"]
                else:
                    parts.append(_piece(value))
            parts.append(b"}")
        parts.append(b"}")
    parts.append(b"}" if data else b"{}")
    return b"".join(parts), fresh


Fields = dict[str, bytes | list[bytes]]
"""One record's values as :func:`encode_fields` gives them, by key: a list's elements one by one."""


def encode_fields(record: Mapping[str, Any], path: Path) -> Fields:
    """Each value of ``record`` encoded as :func:`serialise` encodes it (a list element by
    element), for :meth:`AtomicJSONStorage.replace_record`; WriteError (nothing written)
    for a value JSON cannot hold."""
    try:
        return {
            key: [_piece(item) for item in value] if type(value) is list else _piece(value)
            for key, value in record.items()
        }
    except (TypeError, ValueError, RecursionError) as error:
        raise WriteError(path, f"a value cannot be stored ({error})") from error


def record_bytes(fields: Fields) -> bytes:
    """The record whose values :func:`encode_fields` gave, as :func:`serialise` writes it."""
    return b"{%s}" % b",".join(
        b"%s:%s" % (_piece(key), value if isinstance(value, bytes) else b"[%s]" % b",".join(value))
        for key, value in fields.items()
    )


def parse_value(raw: bytes) -> Any:
    """One value encoded by :func:`serialise` read as :func:`parse` reads a file (a key twice
    in one object is refused: ValueError)."""
    return json.loads(raw, object_pairs_hook=_no_duplicate_keys)


def parse(raw: bytes, path: Path) -> Any:
    """Parse a file's bytes, or raise CorruptFileError naming the file, line and column."""
    if not raw:
        raise CorruptFileError(path, None, None, "the file is empty (0 bytes)")
    if not raw.strip():
        raise CorruptFileError(path, None, None, "the file holds nothing but blank space")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start
        line = raw.count(b"\n", 0, offset) + 1
        column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
        raise CorruptFileError(path, line, column, "bytes that are not UTF-8 text") from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as error:
        raise CorruptFileError(path, error.lineno, error.colno, error.msg) from None
    except _DuplicateKeyError as error:
        raise CorruptFileError(path, None, None, str(error)) from None
    except (ValueError, RecursionError) as error:
        raise CorruptFileError(path, None, None, f"unreadable JSON ({error})") from None


def check_tables(data: Any, path: Path) -> Tables:
    """A TinyDB file is an object of tables, each an object of numbered documents."""
    if not isinstance(data, dict):
        raise CorruptFileError(
            path, None, None, f"expected an object of tables at the top, found {_kind(data)}"
        )
    for name, table in data.items():
        if not isinstance(table, dict):
            raise CorruptFileError(
                path,
                None,
                None,
                f"table {name!r} should be an object of records, found {_kind(table)}",
            )
        for doc_id, document in table.items():
            if not (doc_id.isascii() and doc_id.isdigit()):
                raise CorruptFileError(
                    path,
                    None,
                    None,
                    f"table {name!r} has a record numbered {doc_id!r}, not a number",
                )
            if not isinstance(document, dict):
                raise CorruptFileError(
                    path,
                    None,
                    None,
                    f"record {doc_id} of table {name!r} is {_kind(document)}, not an object",
                )
    return data


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}
    return names.get(type(value), f"a {type(value).__name__}")


def read_file(path: Path) -> tuple[bytes, FileStamp]:
    """A store file's bytes and stamp. Raises FileNotFoundError, or CorruptFileError for a
    folder or a symbolic link where the file should be (the store never follows links:
    a link could point anywhere, and a hard-linked backup would not copy what it names),
    or AccessError."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise CorruptFileError(path, None, None, "this is a folder, not a file") from None
    except OSError as error:
        if error.errno == errno.ELOOP or os.path.islink(path):
            raise CorruptFileError(
                path, None, None, "this is a symbolic link, not a file (clerk does not follow links)"
            ) from None
        raise AccessError(path, "read", error) from error
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise CorruptFileError(path, None, None, "this is a folder, not a file")
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
    except OSError as error:
        raise AccessError(path, "read", error) from error
    finally:
        os.close(fd)
    return b"".join(chunks), FileStamp.of(status)


class AtomicJSONStorage(Storage):
    """``TinyDB(path, storage=AtomicJSONStorage)``; pass ``read_only=True`` to refuse writes
    (``read_only`` may also be a ReadOnlyError to raise, saying why), ``files`` to write
    through something other than the real disk (tests inject faults there)."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        read_only: bool | ReadOnlyError = False,
        files: Files = OS_FILES,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.read_only = read_only
        self.files = files
        self._data: Tables | None = None
        self._payload: bytes | None = None
        """The bytes the file holds (last read or written): memory returns to them on failure."""
        self._stamp: FileStamp | None = None
        self._encoded: Encoded = {}
        """The bytes of the list elements last written by :meth:`replace`."""
        self._load()

    # -- reading -----------------------------------------------------------------
    def _load(self) -> None:
        try:
            raw, stamp = read_file(self.path)
        except FileNotFoundError:
            return  # a new database: nothing is created until the first write
        self._data = check_tables(parse(raw, self.path), self.path)
        self._payload = raw
        self._stamp = stamp

    def read(self) -> Tables | None:
        return self._data

    @property
    def exists(self) -> bool:
        """Whether the file existed when read, or has been written since."""
        return self._stamp is not None

    @property
    def stamp(self) -> FileStamp | None:
        return self._stamp

    # -- writing -----------------------------------------------------------------
    def write(self, data: Tables) -> None:
        try:
            self._write(data)
        except BaseException:
            # TinyDB edits the dict it got from read() in place before calling write();
            # put memory back to what the file holds.
            self._restore()
            raise

    def _refuse_if_read_only(self) -> None:
        if isinstance(self.read_only, ReadOnlyError):
            raise self.read_only
        if self.read_only:
            raise ReadOnlyError(self.path)

    def _write(self, data: Tables) -> None:
        self._refuse_if_read_only()
        try:
            payload = serialise(data)
        except (TypeError, ValueError, RecursionError) as error:
            raise WriteError(self.path, f"a value cannot be stored ({error})") from error
        self._put(payload)
        # The new file is in place: memory follows it, parsed afresh so nothing a
        # caller holds is shared with the cache.
        self._data = json.loads(payload)
        self._encoded = {}
        self._synced_folder()

    def _put(self, payload: bytes) -> None:
        """The payload in place of the file, atomically (the folder not yet synced)."""
        try:
            if stamp_of(self.path) != self._stamp:
                raise ChangedOnDiskError(self.path)
            stamp = write_and_replace(self.path, payload, files=self.files)
        except OSError as error:
            raise WriteError(self.path, error.strerror or str(error), error.errno) from error
        self._payload = payload
        self._stamp = stamp

    def _synced_folder(self) -> None:
        try:
            self.files.fsync_directory(self.path.parent)
        except OSError as error:
            raise WriteError(
                self.path,
                f"the file was written but the folder could not be synced ({error.strerror})",
                error.errno,
            ) from error

    def _restore(self) -> None:
        self._data = None if self._payload is None else json.loads(self._payload)
        self._encoded = {}

    def replace(self, data: Tables) -> None:
        """Write ``data`` whole and keep it as what the file holds, without parsing it
        back: the caller hands it over and never changes it, nor any object in it, again.
        Only the list elements not already written are encoded (:func:`serialise_reusing`),
        so replacing one minute of a long meeting encodes that minute. The same atomic,
        durable write as :meth:`write`; on failure memory and file are as they were."""
        self._refuse_if_read_only()
        try:
            payload, encoded = serialise_reusing(data, self._encoded)
        except (TypeError, ValueError, RecursionError) as error:
            raise WriteError(self.path, f"a value cannot be stored ({error})") from error
        self._put(payload)
        self._data, self._encoded = data, encoded
        self._synced_folder()

    def replace_record(self, table: str, doc_id: str, record: dict[str, Any], fields: Fields) -> None:
        """Write the file with ``record`` as the one record of ``table`` (the other tables as
        they are) and keep it as what the file holds, without parsing it back: the caller
        hands ``record`` over and never changes it, nor any object in it, again. ``fields``
        is ``record`` as :func:`encode_fields` encoded it: nothing is encoded twice. The same
        atomic, durable write as :meth:`write`; on failure memory and file are as they were."""
        self._refuse_if_read_only()
        data = dict(self._data or {})
        data[table] = {doc_id: record}
        parts: list[bytes] = []
        try:
            for index, (name, value) in enumerate(data.items()):
                parts += [b"," if index else b"{", _piece(name), b":"]
                if name == table:
                    parts += [b"{", _piece(doc_id), b":", record_bytes(fields), b"}"]
                else:
                    parts.append(_piece(value))
        except (TypeError, ValueError, RecursionError) as error:
            raise WriteError(self.path, f"a value cannot be stored ({error})") from error
        parts.append(b"}")
        self._put(b"".join(parts))
        self._data, self._encoded = data, {}
        self._synced_folder()

    def close(self) -> None:
        pass
