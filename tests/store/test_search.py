"""The search index: derived from the store's JSON files, rebuilt when missing, stale or
damaged, and never showing exempt text unless asked."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from clerk_tui.domain import AttendanceEvent, Block, EventKind
from store import Store
from store.search import INDEX_NAME, Hit, SearchError, SearchIndex, SearchQuery, fts_query
from tests.fixtures import hwb_2019, hwb_2019_06_12, hwb_2019_09_11, os_2023, planning_2027


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "store")
    for person in hwb_2019.people() + os_2023.people():
        opened.save_person(person)
    opened.save_committee(hwb_2019.committee())
    opened.save_committee(os_2023.committee())
    for meeting in (hwb_2019_06_12.meeting(), hwb_2019_09_11.meeting(), os_2023.meeting()):
        opened.save_meeting(meeting)
    yield opened
    opened.close()


@pytest.fixture
def index(store: Store) -> Iterator[SearchIndex]:
    opened = SearchIndex.for_store(store)
    opened.refresh(store)
    yield opened
    opened.close()


def ids(hits: list[Hit]) -> list[tuple[str, str]]:
    return [(hit.meeting_id, hit.kind) for hit in hits]


def test_built_from_the_store_when_missing_private_to_the_clerk(store: Store) -> None:
    with SearchIndex.for_store(store) as index:
        report = index.refresh(store)
        assert report.rebuilt
        assert sorted(report.indexed) == ["hwb-2019-06-12", "hwb-2019-09-11", "os-asch-2023-10-17"]
    assert stat.S_IMODE(os.stat(store.root / INDEX_NAME).st_mode) == 0o600


def test_only_meetings_whose_file_changed_are_read_again(store: Store, index: SearchIndex) -> None:
    assert index.refresh(store).indexed == []
    june = store.meeting("hwb-2019-06-12")
    june.minutes[4].narrative.append(Block(text="Members praised the Zanzibar partnership."))
    store.save_meeting(june)
    store.delete_meeting("os-asch-2023-10-17")
    report = index.refresh(store)
    assert report.indexed == ["hwb-2019-06-12"]
    assert report.removed == ["os-asch-2023-10-17"]
    (hit,) = index.search(SearchQuery("zanzibar"), store)
    assert (hit.meeting_id, hit.kind, hit.minute_number) == ("hwb-2019-06-12", "narrative", 5)
    assert "«Zanzibar»" in hit.snippet
    assert index.search(SearchQuery("Brookside", include_exempt=True)) == []


def test_update_after_a_save_is_what_the_caller_calls(store: Store, index: SearchIndex) -> None:
    september = store.meeting("hwb-2019-09-11")
    september.minutes[3].narrative.append(Block(text="A quokka census was proposed."))
    store.save_meeting(september)
    index.update(september)
    (hit,) = index.search(SearchQuery("quokka"))
    assert hit.meeting_id == "hwb-2019-09-11"
    assert index.refresh(store).indexed == []  # the stamp recorded by update is current


def test_a_damaged_index_is_set_aside_and_rebuilt(store: Store, index: SearchIndex) -> None:
    index.close()
    for suffix in ("-wal", "-shm"):
        (store.root / f"{INDEX_NAME}{suffix}").unlink(missing_ok=True)
    (store.root / INDEX_NAME).write_bytes(b"this is not a database" * 100)
    with SearchIndex.for_store(store) as again:
        report = again.refresh(store)
        assert report.rebuilt and len(report.indexed) == 3
        assert again.search(SearchQuery("Melling"))


def test_an_index_that_cannot_be_written_beside_the_store_is_kept_in_memory(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def refused(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith(INDEX_NAME):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("store.search.os.open", refused)
    with SearchIndex.for_store(store) as index:
        index.refresh(store)
        assert index.in_memory and index.meeting_count() == 3
        assert index.search(SearchQuery("Melling"))
    assert not (store.root / INDEX_NAME).exists()


def test_ranked_with_the_matching_words_in_context(index: SearchIndex, store: Store) -> None:
    hits = index.search(SearchQuery("better care fund"), store)
    assert hits[0].kind == "title"  # a title match outranks a passing mention
    assert [hit.rank for hit in hits] == sorted(hit.rank for hit in hits)
    assert all("«" in hit.snippet for hit in hits)
    declaration = next(hit for hit in hits if hit.kind == "declaration")
    assert declaration.minute_number == 22
    assert "personal interest in «Better» «Care» «Fund» 2019/20 Plans" in declaration.snippet


def test_exempt_text_is_never_shown_unless_asked_for(index: SearchIndex) -> None:
    for words in ("Brookside", "2.4 million", "Limited"):
        assert index.search(SearchQuery(words)) == []
    exempt = index.search(SearchQuery("Brookside", include_exempt=True))
    assert exempt and all(hit.exempt for hit in exempt)
    # The title of an exempt item is printed in public minutes; its text is not.
    (title,) = index.search(SearchQuery("care home contract award"))
    assert (title.kind, title.exempt) == ("title", False)


def test_filters(index: SearchIndex, store: Store) -> None:
    assert {hit.meeting_id for hit in index.search(SearchQuery("report", committee="os-asch"))} == {
        "os-asch-2023-10-17"
    }
    assert {hit.committee for hit in index.search(SearchQuery("report", committee="wellbeing"))} == {
        "Health and Wellbeing Board"
    }
    june = index.search(SearchQuery("report", start=date(2019, 6, 1), end=date(2019, 6, 30)))
    assert june and {hit.date for hit in june} == {date(2019, 6, 12)}
    resolutions = index.search(SearchQuery("noted", resolutions=True))
    assert resolutions and {hit.kind for hit in resolutions} == {"resolution"}
    declared = index.search(SearchQuery("interest", declarations=True, member="Richard Freeman"))
    assert ids(declared) == [("hwb-2019-09-11", "declaration")]
    # Present at the O&S meeting only: nothing from the Board's minutes.
    thomas = index.search(SearchQuery("noted", member="Carla Thomas"))
    assert thomas and {hit.meeting_id for hit in thomas} == {"os-asch-2023-10-17"}
    with pytest.raises(SearchError, match="No one in the store is called"):
        index.search(SearchQuery("noted", member="Nobody Atall"))


@pytest.mark.parametrize("typed", ["AND OR NOT", '"unclosed', "NEAR(a b)", "col:value", "-minus *star", "^"])
def test_what_the_clerk_types_is_never_read_as_query_syntax(index: SearchIndex, typed: str) -> None:
    try:
        index.search(SearchQuery(typed))
    except SearchError as error:
        assert "Type a word" in str(error)


def test_words_and_phrases() -> None:
    assert fts_query('better "care fund" plan') == '"care fund" "better" "plan"*'
    with pytest.raises(SearchError):
        fts_query("  ?! ")


def test_the_index_is_derived_never_a_second_source_of_truth(store: Store, index: SearchIndex) -> None:
    before = [(h.meeting_id, h.kind, h.snippet) for h in index.search(SearchQuery("report"))]
    index.close()
    (store.root / INDEX_NAME).unlink()
    with SearchIndex.for_store(store) as again:
        again.refresh(store)
        after = [(h.meeting_id, h.kind, h.snippet) for h in again.search(SearchQuery("report"))]
    assert sorted(before) == sorted(after)
    assert store.has_meeting("hwb-2019-06-12")  # nothing of the store was touched
    assert replace(store.meeting("hwb-2019-06-12")) == hwb_2019_06_12.meeting()


def test_a_declaration_on_exempt_business_keeps_its_nature_out_of_public_searches(
    index: SearchIndex,
) -> None:
    """render.public decides: a declaration on an exempt item is public for its member, item
    and kind, never for its nature (nor the name as the clerk typed it)."""
    assert index.search(SearchQuery('"regional level"')) == []
    (exempt,) = index.search(SearchQuery('"regional level"', include_exempt=True))
    assert (exempt.meeting_id, exempt.kind, exempt.exempt) == ("hwb-2019-09-11", "declaration", True)
    (public,) = index.search(SearchQuery("Freeman", declarations=True))
    assert not public.exempt and "regional" not in public.snippet
    assert "not published: exempt business" in public.snippet


def test_every_public_passage_is_in_the_public_copy(index: SearchIndex, store: Store) -> None:
    """Nothing a public search can show is missing from what render.public leaves public."""
    words = [*os_2023.EXEMPT_TEXT, "regional level", "delegated authority"]
    for text in words:
        phrase = f'"{text}"'
        assert index.search(SearchQuery(phrase, limit=500)) == [], text
        asked = index.search(SearchQuery(phrase, include_exempt=True, limit=500))
        assert all(hit.exempt for hit in asked), text  # the clerk's notes are not indexed at all


def test_someone_seen_only_during_exempt_business_is_not_a_public_attendee(store: Store) -> None:
    meeting = os_2023.meeting()
    exempt_item = next(item for item in meeting.agenda if item.exempt)
    seen = {event.person_id for event in meeting.attendance}
    guest = next(person for person in os_2023.people() if person.id not in seen)
    meeting.attendance.append(
        AttendanceEvent(guest.id, EventKind.ALSO_PRESENT, item_id=exempt_item.id, capacity="Adviser")
    )
    store.save_meeting(meeting)
    with SearchIndex.for_store(store) as index:
        index.refresh(store)
        assert index.search(SearchQuery("noted", member=guest.name)) == []
        asked = index.search(SearchQuery("noted", member=guest.name, include_exempt=True))
        assert {hit.meeting_id for hit in asked} == {meeting.id}


def test_how_a_member_voted_in_a_recorded_vote_is_searchable(tmp_path: Path) -> None:
    """Issue 14 (6): each motion is a passage under its mover, and each name of a recorded
    vote one under that member, saying how they voted; the member filter finds them."""
    opened = Store.open(tmp_path / "planning")
    for person in planning_2027.people():
        opened.save_person(person)
    opened.save_committee(planning_2027.committee())
    opened.save_meeting(planning_2027.meeting())
    with SearchIndex.for_store(opened) as index:
        index.refresh(opened)
        # The member filter keeps what was said at meetings she attended, too (the others
        # who voted against); her own vote is among them, said as the minutes name her.
        against = index.search(SearchQuery('"Linda Moss voted against"', member="Linda Moss"))
        assert [(hit.kind, hit.item_title) for hit in against] == [
            ("vote", "24 Church Road, Southport - DC/2027/00245")
        ]
        assert against[0].snippet.startswith("«Linda» «Moss» «voted» «against» the motion moved by")
        amendment = index.search(SearchQuery('"construction management plan"'))
        assert {hit.kind for hit in amendment} == {"vote"}
        assert amendment[0].snippet.endswith(": LOST (3 for, 6 against, 1 abstention")  # cut at 200
        # Councillor Crane withdrew for 24 Church Road: no recorded vote names him.
        assert index.search(SearchQuery('"David Crane voted"')) == []
    opened.close()
