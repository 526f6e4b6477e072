"""AtomicJSONStorage on its own: TinyDB's engine, with crash-safe writes and honest reads."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from tinydb import TinyDB

from store import ChangedOnDiskError, CorruptFileError, ReadOnlyError, WriteError
from store.storage import AtomicJSONStorage


def test_missing_file_is_a_new_database_and_nothing_is_created(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    assert db.tables() == set() and db.table("t").all() == []
    assert not path.exists()
    db.table("t").insert({"a": 1})
    assert json.loads(path.read_bytes()) == {"t": {"1": {"a": 1}}}
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_reads_come_from_memory(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    TinyDB(path, storage=AtomicJSONStorage).table("t").insert({"a": 1})
    db = TinyDB(path, storage=AtomicJSONStorage)
    path.unlink()
    assert db.table("t").all() == [{"a": 1}]


@pytest.mark.parametrize(
    ("content", "line", "column"),
    [(b"", None, None), (b"   \n", None, None), (b'{"t": {"1": {"a": 1}', 1, 21), (b"{\n  ,\n}", 2, 3)],
)
def test_unreadable_file_raises_and_is_never_treated_as_empty(
    tmp_path: Path, content: bytes, line: int | None, column: int | None
) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(content)
    with pytest.raises(CorruptFileError) as caught:
        TinyDB(path, storage=AtomicJSONStorage)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == content


def test_a_value_json_cannot_hold_fails_before_any_file_is_touched(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.table("t").insert({"a": 1})
    before = path.read_bytes()
    for bad in ({"when": {1, 2}}, {"x": float("nan")}):
        with pytest.raises(WriteError):
            db.table("t").insert(bad)
        assert path.read_bytes() == before
        assert db.table("t").all() == [{"a": 1}]  # memory put back too
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.json"]


def test_read_only_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    TinyDB(path, storage=AtomicJSONStorage).table("t").insert({"a": 1})
    db = TinyDB(path, storage=AtomicJSONStorage, read_only=True)
    with pytest.raises(ReadOnlyError):
        db.table("t").insert({"a": 2})
    assert db.table("t").all() == [{"a": 1}]


def test_a_file_replaced_from_outside_is_not_clobbered(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.table("t").insert({"a": 1})
    path.write_text('{"t": {"1": {"a": "edited by hand"}}}')
    with pytest.raises(ChangedOnDiskError):
        db.table("t").insert({"a": 2})
    assert json.loads(path.read_bytes())["t"]["1"]["a"] == "edited by hand"


def test_text_stays_readable(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    TinyDB(path, storage=AtomicJSONStorage).table("t").insert({"title": "“CALL-IN” – Mhairi"})
    text = path.read_text(encoding="utf-8")
    assert "“CALL-IN” – Mhairi" in text  # UTF-8, not \u escapes
    lone = {"title": "odd \udce9 byte"}
    TinyDB(path, storage=AtomicJSONStorage).table("t").insert(lone)
    assert TinyDB(path, storage=AtomicJSONStorage).table("t").all()[1] == lone


def test_files_are_compact_json_from_the_c_encoder(tmp_path: Path) -> None:
    """No indent: an indented dump runs the pure-Python encoder (30-40 ms for a big meeting)."""
    path = tmp_path / "db.json"
    document = {"title": "x", "items": [{"n": number, "text": "y" * 10} for number in range(50)]}
    TinyDB(path, storage=AtomicJSONStorage).table("t").insert(document)
    raw = path.read_bytes()
    assert b"\n" not in raw and b": " not in raw and b", " not in raw
    assert raw == json.dumps({"t": {"1": document}}, separators=(",", ":")).encode()


def test_files_written_indented_by_older_versions_still_read(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    path.write_text(json.dumps({"t": {"1": {"a": [1, 2], "b": "c"}}}, indent=2), encoding="utf-8")
    db = TinyDB(path, storage=AtomicJSONStorage)
    assert db.table("t").all() == [{"a": [1, 2], "b": "c"}]
    db.table("t").insert({"a": 3})
    assert b"\n" not in path.read_bytes()
    assert TinyDB(path, storage=AtomicJSONStorage).table("t").all() == [{"a": [1, 2], "b": "c"}, {"a": 3}]


def test_a_symbolic_link_or_a_folder_is_reported_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.json"
    target.write_text('{"t": {}}')
    link = tmp_path / "link.json"
    link.symlink_to(target)
    with pytest.raises(CorruptFileError, match="symbolic link"):
        TinyDB(link, storage=AtomicJSONStorage)
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(CorruptFileError, match="folder"):
        TinyDB(folder, storage=AtomicJSONStorage)
