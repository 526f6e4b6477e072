"""The store guards the minutes' approval record on every path that writes a meeting:
a save (the app's saver, records.py, a script), an import, a restore and a delete. Signed
minutes never change and a circulated revision is never lost, whoever asks; the stored
meeting is read for the check only when its summary says it has a record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clerk_tui.domain import Meeting
from clerk_tui.domain.approval import RecordLockedError
from clerk_tui.domain.summary import RecordState
from store import ImportConflictError, ImportRefusedError, Store
from tests.store import builders
from tests.store.conftest import index_entries, snapshot

JUNE = "hwb-2019-06-12"


@pytest.fixture
def signed_store(root: Path) -> Store:
    store = Store.open(root, auto_backup=False)
    store.save_committee(builders.committee())
    store.save_meeting(builders.signed(builders.meeting()))
    store.save_meeting(builders.circulated(builders.meeting("hwb-2019-09-11"), revisions=2))
    store.save_meeting(builders.meeting("hwb-2019-12-04"))
    return store


def meeting_files(root: Path) -> dict[str, bytes]:
    return {name: data for name, data in snapshot(root).items() if name.startswith("meetings/")}


def test_the_summary_says_how_far_the_minutes_have_gone(signed_store: Store) -> None:
    states = [(s.id, s.record_state) for s in signed_store.meeting_summaries()]
    assert states == [
        (JUNE, RecordState.SIGNED),
        ("hwb-2019-09-11", RecordState.CIRCULATED),
        ("hwb-2019-12-04", RecordState.DRAFT),
    ]
    assert index_entries(signed_store.root)[JUNE]["record_state"] == "signed"


def test_an_edit_of_signed_minutes_is_refused_saying_why_and_what_to_do(signed_store: Store) -> None:
    before = meeting_files(signed_store.root)
    edited = signed_store.meeting(JUNE)
    edited.minutes[0].title = "Another title"
    with pytest.raises(RecordLockedError) as refused:
        signed_store.save_meeting(edited)
    message = refused.value.message
    assert "were signed by Councillor Thomas as a correct record on 11 September 2019" in message
    assert "can no longer be changed" in message
    assert "A correction is recorded in the minutes of a later meeting" in message
    assert meeting_files(signed_store.root) == before
    signed_store.save_meeting(signed_store.meeting(JUNE))  # the same meeting again is no change
    assert meeting_files(signed_store.root) == before


def test_a_copy_without_the_signature_is_refused_after_a_reopen(signed_store: Store) -> None:
    """The app's undo reaching back past the signing, or an old snapshot in the saver."""
    root = signed_store.root
    signed_store.close()
    before = meeting_files(root)
    with Store.open(root, auto_backup=False) as store:
        unsigned = store.meeting(JUNE)
        unsigned.record.signature = None
        with pytest.raises(RecordLockedError, match="were signed by Councillor Thomas"):
            store.save_meeting(unsigned)
        with pytest.raises(RecordLockedError):
            store.save_meeting(builders.meeting())  # a fresh draft under the signed meeting's id
    assert meeting_files(root) == before


def test_a_stale_copy_never_loses_a_circulated_revision(signed_store: Store) -> None:
    september = signed_store.meeting("hwb-2019-09-11")
    stale = signed_store.meeting("hwb-2019-09-11")
    stale.record.revisions.pop()
    with pytest.raises(RecordLockedError) as refused:
        signed_store.save_meeting(stale)
    assert "Revision 2 of the minutes of" in str(refused.value)
    assert "Open the meeting again" in str(refused.value)
    changed = signed_store.meeting("hwb-2019-09-11")
    changed.record.revisions[0].text = "Something else was sent."
    with pytest.raises(RecordLockedError, match="never changed or removed"):
        signed_store.save_meeting(changed)
    assert signed_store.meeting("hwb-2019-09-11") == september
    september.minutes[0].title = "Corrected before confirmation"  # circulated minutes may still change
    signed_store.save_meeting(september)
    builders.circulated(september, revisions=3)  # and be circulated again
    signed_store.save_meeting(september)
    assert len(signed_store.meeting("hwb-2019-09-11").record.revisions) == 3


def test_saving_a_draft_never_reads_the_stored_meeting(
    signed_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[str] = []
    real = Store._load_meeting

    def counting(self: Store, meeting_id: str, *, keep: bool = True) -> Meeting:
        loads.append(meeting_id)
        return real(self, meeting_id, keep=keep)

    monkeypatch.setattr(Store, "_load_meeting", counting)
    draft = builders.meeting("hwb-2019-12-04", minutes=3)
    signed_store.save_meeting(draft)
    signed_store.save_meeting(builders.meeting("hwb-2020-01-08"))  # a new meeting
    assert loads == []
    september = builders.circulated(builders.meeting("hwb-2019-09-11"), revisions=2)
    september.minutes[0].title = "Changed"
    signed_store.save_meeting(september)
    assert loads == ["hwb-2019-09-11"]


def test_an_unreadable_file_is_not_replaced_by_a_copy_with_less_of_the_record(signed_store: Store) -> None:
    root = signed_store.root
    signed_store.close()
    path = root / "meetings" / f"{JUNE}.json"
    document = json.loads(path.read_bytes())
    document["meeting"]["1"]["date"] = "not a date"
    path.write_text(json.dumps(document))
    with Store.open(root, auto_backup=False) as store:
        with pytest.raises(RecordLockedError, match=r"cannot be read.*clerk restore hwb-2019-06-12"):
            store.save_meeting(builders.meeting())
        assert json.loads(path.read_bytes()) == document
        store.save_meeting(builders.signed(builders.meeting()))  # a copy that keeps it repairs it
        assert store.meeting(JUNE).record.state == RecordState.SIGNED


def test_an_import_never_replaces_signed_minutes_even_with_replace(signed_store: Store) -> None:
    before = meeting_files(signed_store.root)
    other = builders.signed(builders.meeting(), text="Another signed text.")
    for replace in (False, True):
        with pytest.raises(ImportRefusedError) as refused:
            signed_store.import_records(meetings=[other, builders.meeting("hwb-2020-01-08")], replace=replace)
        message = str(refused.value)
        assert message.startswith("Nothing was imported: meeting hwb-2019-06-12 has minutes signed by")
        assert "signed minutes are never replaced, not even with --replace" in message
    assert meeting_files(signed_store.root) == before
    assert not signed_store.has_meeting("hwb-2020-01-08")
    same = signed_store.meeting(JUNE)
    report = signed_store.import_records(meetings=[same])  # the same signed meeting: unchanged
    assert report.ids("unchanged") == [JUNE]


def test_an_import_keeps_a_circulated_revision(signed_store: Store) -> None:
    older = builders.circulated(builders.meeting("hwb-2019-09-11"), revisions=1)
    with pytest.raises(ImportRefusedError, match="has revision 2 of its minutes, circulated on"):
        signed_store.import_records(meetings=[older], replace=True)
    assert len(signed_store.meeting("hwb-2019-09-11").record.revisions) == 2
    newer = builders.circulated(builders.meeting("hwb-2019-09-11"), revisions=3)
    with pytest.raises(ImportConflictError):  # a copy that keeps them is an ordinary conflict
        signed_store.import_records(meetings=[newer])
    assert signed_store.import_records(meetings=[newer], replace=True).ids("replaced") == ["hwb-2019-09-11"]
    summary = {s.id: s for s in signed_store.meeting_summaries()}["hwb-2019-09-11"]
    assert summary.record_state == RecordState.CIRCULATED
    assert len(signed_store.meeting("hwb-2019-09-11").record.revisions) == 3


def test_an_imported_signature_is_guarded_at_once(signed_store: Store) -> None:
    signed_store.import_records(meetings=[builders.signed(builders.meeting("hwb-2019-12-04"))], replace=True)
    with pytest.raises(RecordLockedError):
        signed_store.save_meeting(builders.meeting("hwb-2019-12-04"))


def test_a_restore_never_puts_an_older_copy_over_signed_minutes_that_check(signed_store: Store) -> None:
    root = signed_store.root
    june = signed_store.meeting(JUNE)
    signed_store.close()
    path = root / "meetings" / f"{JUNE}.json"
    signed_file = path.read_bytes()
    document = json.loads(signed_file)
    del document["meeting"]["1"]["record"]
    path.write_text(json.dumps(document))
    with Store.open(root, auto_backup=False) as store:  # a backup from before the signing
        backup = store.take_backup("unsigned")
        assert backup is not None
    path.write_bytes(signed_file)
    with Store.open(root, auto_backup=False) as store:
        with pytest.raises(RecordLockedError) as refused:
            store.restore_meeting(JUNE, Path(backup.name))
        assert refused.value.message.startswith("Not restored: meeting hwb-2019-06-12 has minutes signed by")
        assert "left as it is" in refused.value.message
        assert store.meeting(JUNE) == june
        # A signed text changed by hand no longer matches its hash: restoring is what it needs.
        tampered = json.loads(signed_file)
        tampered["meeting"]["1"]["record"]["signature"]["copy"]["text"] = "Changed by hand."
        path.write_text(json.dumps(tampered))
        store.restore_meeting(JUNE, Path(backup.name))
        assert store.meeting(JUNE).record.state == RecordState.DRAFT


def test_signed_minutes_are_not_deleted(signed_store: Store) -> None:
    with pytest.raises(RecordLockedError, match="kept for ever"):
        signed_store.delete_meeting(JUNE)
    assert signed_store.has_meeting(JUNE)
    signed_store.delete_meeting("hwb-2019-09-11")  # circulated, not signed: moved to deleted/
    assert not signed_store.has_meeting("hwb-2019-09-11")
