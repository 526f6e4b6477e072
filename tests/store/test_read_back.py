"""The read-back check of a save checks what changed since the last save, and still refuses
anything that would not read back, with the old file intact.

``Store.save_meeting`` checks each field of the meeting (each element of a list field) as
parsed from the bytes about to be written, and remembers the bytes that passed: the next
save checks only the parts whose bytes differ. These tests make sure nothing slips past
that memory, and that the file written is what the whole-file encoder would write.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_tui.domain import AttendanceEvent, EventKind, Meeting
from clerk_tui.domain.codec import field_checks, fits_exactly, from_document, to_document
from clerk_tui.domain.errors import DomainError
from store import Store, WriteError
from store.migrations import CURRENT_SCHEMA, VERSION_KEY
from store.storage import AtomicJSONStorage, encode_fields, parse_value, serialise
from tests.store import builders

MID = "hwb-2019-06-12"


def meeting_file(root: Path) -> Path:
    return root / "meetings" / f"{MID}.json"


def test_a_part_broken_after_a_good_save_is_refused_and_the_file_kept(filled: Path) -> None:
    with Store.open(filled) as store:
        meeting = store.meeting(MID)
        meeting.attendance.append(AttendanceEvent("ian-moncur", EventKind.ARRIVED))
        store.save_meeting(meeting)  # every part checked and remembered
        before = meeting_file(filled).read_bytes()
        meeting.agenda[0].title = ""  # an item that was saved a moment ago, now broken
        with pytest.raises(WriteError, match="would not read back"):
            store.save_meeting(meeting)
        assert meeting_file(filled).read_bytes() == before
        meeting.agenda[0].title = "Apologies for Absence"
        store.save_meeting(meeting)
        late = meeting.attendance[-1]
        late.kind, late.for_person_id = EventKind.SUBSTITUTE, None  # a list element changed in place
        with pytest.raises(WriteError, match="would not read back"):
            store.save_meeting(meeting)
        after_fix = meeting_file(filled).read_bytes()
        assert json.loads(after_fix)["meeting"]["1"]["agenda"][0]["title"] == "Apologies for Absence"
    with Store.open(filled) as store:
        reread = store.meeting(MID)
        assert reread.agenda[0].title == "Apologies for Absence"
        assert reread.attendance[-1].kind == EventKind.ARRIVED


def test_a_refused_part_is_not_remembered(filled: Path) -> None:
    """A part that failed stays unchecked: saving the same broken meeting again is refused again."""
    with Store.open(filled) as store:
        meeting = store.meeting(MID)
        meeting.agenda[0].title = ""
        for _ in range(2):
            with pytest.raises(WriteError, match="would not read back"):
                store.save_meeting(meeting)


def test_the_file_is_what_the_whole_encoder_writes(filled: Path) -> None:
    with Store.open(filled) as store:
        meeting = store.meeting(MID)
        meeting.attendance.append(AttendanceEvent("ian-moncur", EventKind.ARRIVED, printed_name="Ián – “M”"))
        store.save_meeting(meeting)
        expected = serialise(
            {"meeting": {"1": {VERSION_KEY: CURRENT_SCHEMA.version, **to_document(meeting)}}}
        )
        assert meeting_file(filled).read_bytes() == expected


def test_replace_record_keeps_the_other_tables(tmp_path: Path) -> None:
    path = tmp_path / "file.json"
    path.write_bytes(b'{"other":{"1":{"a":[1,2]}},"meeting":{"7":{"x":1}}}')
    storage = AtomicJSONStorage(path)
    record: dict[str, Any] = {"x": [1, {"y": "z"}], "w": None}
    storage.replace_record("meeting", "7", record, encode_fields(record, path))
    written = path.read_bytes()
    assert written == serialise({"other": {"1": {"a": [1, 2]}}, "meeting": {"7": record}})
    assert storage.read() == json.loads(written)


def test_a_value_json_cannot_hold_is_refused_before_any_write(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="cannot be stored"):
        encode_fields({"x": [{1, 2}]}, tmp_path / "file.json")


def reads_back_whole(document: dict[str, Any]) -> bool:
    try:
        from_document(document, Meeting, "meeting")
    except DomainError:
        return False
    return True


def reads_back_by_field(document: dict[str, Any]) -> bool:
    checks = field_checks(Meeting)
    assert checks is not None  # a Meeting has no __post_init__: it is built field by field
    if not checks.required <= document.keys():
        return False
    for name, value in document.items():
        if checks.is_list(name) and type(value) is list:
            if not all(checks.item_fits(name, item) for item in value):
                return False
        elif not checks.fits(name, value):
            return False
    return True


JSON_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.text(max_size=3))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_a_meeting_reads_back_by_field_exactly_when_it_reads_back_whole(data: st.DataObject) -> None:
    """Field by field says "reads back the fast way" only where reading the whole does the
    same; where it says no, the store reads the whole back (cattrs may still accept)."""
    document = parse_value(serialise(to_document(builders.meeting(minutes=2))))
    paths: list[tuple[Any, Any]] = []

    def collect(node: Any) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in list(items):
            paths.append((node, key))
            if isinstance(value, dict | list):
                collect(value)

    collect(document)
    for _ in range(data.draw(st.integers(1, 3))):
        node, key = data.draw(st.sampled_from(paths))
        if isinstance(node, dict) and data.draw(st.booleans()):
            node.pop(key, None)
        elif isinstance(node, dict) or key < len(node):
            node[key] = data.draw(JSON_LEAVES)
    by_field = reads_back_by_field(document)
    assert by_field == (fits_exactly(document, Meeting) is not None)
    if by_field:
        assert reads_back_whole(document)
