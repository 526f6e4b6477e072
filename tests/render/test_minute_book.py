"""Minute-book page numbers run on through the year, counted once and kept: the kept
counts always give the page that printing every earlier meeting would give."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from clerk_tui import minute_book
from clerk_tui.domain import Block, Meeting
from clerk_tui.domain.numbering import municipal_year
from clerk_tui.exporting import papers_for, print_paper
from clerk_tui.minute_book import first_page
from clerk_tui.render import Document, PrintOptions, build_minutes, count_pages, public_papers
from clerk_tui.render.papers import MeetingPapers
from store import Store
from tests.fixtures import hwb_2019, hwb_2019_06_12, hwb_2019_09_11
from tests.render.canaries import CANARY, GUEST, plant_exempt_canaries

DECEMBER = "hwb-2019-12-04"
OPTIONS = [
    PrintOptions(width=80, paginate=True),
    PrintOptions(width=80, paginate=True, public=True),
    PrintOptions(width=40, paginate=True, page_length=25),
    PrintOptions(width=40, paginate=True, page_length=25, public=True),
]


def december() -> Meeting:
    """A third meeting of the 2019/20 year: June's business again, in December."""
    return replace(hwb_2019_06_12.meeting(), id=DECEMBER, date=date(2019, 12, 4))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "store")
    for person in hwb_2019.people():
        opened.save_person(person)
    opened.save_committee(hwb_2019.committee())
    for meeting in (hwb_2019_06_12.meeting(), hwb_2019_09_11.meeting(), december()):
        opened.save_meeting(meeting)
    return opened


def by_printing_everything(store: Store, meeting_id: str, options: PrintOptions) -> int:
    """The first page as it was found before there was a cache: print every earlier
    meeting of the year and count its pages."""
    meeting = store.meeting(meeting_id)
    style = store.committee(meeting.committee_id).style
    page = 1
    for summary in store.meeting_summaries(meeting.committee_id):
        if (summary.date, summary.id) >= (meeting.date, meeting.id) or not summary.minute_count:
            continue
        if municipal_year(summary.date, style) != municipal_year(meeting.date, style):
            continue
        papers = papers_for(store, store.meeting(summary.id))
        document = build_minutes(public_papers(papers) if options.public else papers)
        page += count_pages(document, options.width, options.page_length)
    return page


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The meetings the minute book printed to count their pages."""
    printed: list[str] = []

    def counting(papers: MeetingPapers) -> Document:
        printed.append(papers.meeting.id)
        return build_minutes(papers)

    monkeypatch.setattr(minute_book, "build_minutes", counting)
    return printed


def pages_of(store: Store, options: PrintOptions) -> Callable[[], int]:
    return lambda: first_page(store, store.meeting(DECEMBER), options)


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: f"{o.width}x{o.page_length}-public={o.public}")
def test_the_first_page_follows_the_years_earlier_minutes(store: Store, options: PrintOptions) -> None:
    expected = by_printing_everything(store, DECEMBER, options)
    assert expected > 3  # June and September take pages of their own
    assert first_page(store, store.meeting(DECEMBER), options) == expected  # counted
    assert first_page(store, store.meeting(DECEMBER), options) == expected  # read back
    printed = print_paper(store, "minutes", DECEMBER, options).text
    banner, number = printed.split("\f\n")[0].split("\n\n")[:2]  # December has no exempt business
    assert banner.startswith("THIS SET OF MINUTES") and number == str(expected)


def test_counts_are_made_once_then_read_even_by_a_fresh_store(store: Store, builds: list[str]) -> None:
    options = OPTIONS[0]
    pages = pages_of(store, options)()
    assert sorted(builds) == ["hwb-2019-06-12", "hwb-2019-09-11"]
    builds.clear()
    assert pages_of(store, options)() == pages
    with Store.open(store.root, read_only=True) as fresh:  # what a new `clerk export` sees
        assert pages_of(fresh, options)() == pages
    assert builds == []
    assert first_page(store, store.meeting("hwb-2019-06-12"), options) == 1  # nothing before it
    assert builds == []


def test_each_thing_a_count_depends_on_makes_it_again(store: Store, builds: list[str]) -> None:
    options = OPTIONS[0]
    pages_of(store, options)()

    def check(changed: list[str]) -> None:
        builds.clear()
        assert pages_of(store, options)() == by_printing_everything(store, DECEMBER, options)
        assert sorted(builds) == changed

    september = store.meeting("hwb-2019-09-11")  # the meeting: a longer minute
    september.minutes[3].narrative += [Block(text="More was said. " * 80)] * 3
    store.save_meeting(september)
    check(["hwb-2019-09-11"])
    june = store.meeting("hwb-2019-06-12")  # its first minute number: set by the clerk
    june.first_minute_number = 95
    store.save_meeting(june)
    check(["hwb-2019-06-12", "hwb-2019-09-11"])
    person = store.person("richard-freeman")  # a person
    store.save_person(replace(person, name="Richard Anthony Fitzwilliam-Freeman"))
    check(["hwb-2019-06-12", "hwb-2019-09-11"])
    committee = store.committee("hwb")  # the committee
    committee.style.call_in_banner = False
    store.save_committee(committee)
    check(["hwb-2019-06-12", "hwb-2019-09-11"])
    check([])


def test_a_change_to_the_printing_code_counts_again(
    store: Store, builds: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pages_of(store, OPTIONS[0])()
    builds.clear()
    monkeypatch.setattr(minute_book, "_code_digest", lambda: "another layout")
    pages_of(store, OPTIONS[0])()
    assert len(builds) == 2


def test_public_and_confidential_counts_are_kept_side_by_side(store: Store, builds: list[str]) -> None:
    for options in OPTIONS:
        pages_of(store, options)()
    builds.clear()
    for options in OPTIONS:
        assert pages_of(store, options)() == by_printing_everything(store, DECEMBER, options)
    assert builds == []


def test_a_damaged_cache_only_makes_a_print_slower(store: Store, page_cache: Path, builds: list[str]) -> None:
    expected = pages_of(store, OPTIONS[0])()
    (shelf,) = page_cache.iterdir()
    for damage in (b"{not json", b'{"format": 1, "bases": {"x": 3}}', b"[]", b'{"format": 99}'):
        shelf.write_bytes(damage)
        assert pages_of(store, OPTIONS[0])() == expected
    builds.clear()
    assert pages_of(store, OPTIONS[0])() == expected
    assert builds == []  # and it was written good again


def test_the_cache_is_private_holds_no_text_and_a_read_only_store_is_not_written(
    store: Store, page_cache: Path
) -> None:
    store.save_person(GUEST)
    september = store.meeting("hwb-2019-09-11")
    plant_exempt_canaries(september, member_id="richard-freeman", officer_id="steve-warburton")
    store.save_meeting(september)
    store.close()

    def files() -> dict[str, int]:
        return {str(p): p.stat().st_mtime_ns for p in store.root.rglob("*") if p.is_file()}

    before = files()
    with Store.open(store.root, read_only=True) as reader:
        for options in OPTIONS:
            print_paper(reader, "minutes", DECEMBER, options)
    assert files() == before
    assert page_cache.stat().st_mode & 0o777 == 0o700
    for shelf in page_cache.iterdir():
        assert shelf.stat().st_mode & 0o777 == 0o600
        text = shelf.read_text(encoding="utf-8")
        assert CANARY not in text and "Better Care" not in text and "Freeman" not in text


def test_a_cache_that_cannot_be_written_is_no_failure(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setenv(minute_book.CACHE_VARIABLE, str(blocked / "cache"))
    assert pages_of(store, OPTIONS[0])() == by_printing_everything(store, DECEMBER, OPTIONS[0])
    assert os.listdir(tmp_path).count("not-a-folder") == 1


def test_the_pdf_minute_book_is_counted_once_and_runs_on_from_the_latest_signed_set(
    store: Store, builds: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerk_tui import records

    def pdf_pages(meeting_id: str) -> int:
        return minute_book.pdf_page_count(build_minutes(papers_for(store, store.meeting(meeting_id))))

    june, september = pdf_pages("hwb-2019-06-12"), pdf_pages("hwb-2019-09-11")
    builds.clear()
    assert records.minute_book_first_page(store, store.meeting(DECEMBER)) == 1 + june + september
    assert sorted(builds) == ["hwb-2019-06-12", "hwb-2019-09-11"]

    def no_layout(document: Document) -> int:
        raise AssertionError("a kept count was laid out again")

    builds.clear()
    with monkeypatch.context() as patched:
        patched.setattr(minute_book, "pdf_page_count", no_layout)
        with Store.open(store.root, read_only=True) as fresh:
            assert records.minute_book_first_page(fresh, fresh.meeting(DECEMBER)) == 1 + june + september
    assert builds == []
    # June signed: its frozen first page and pages count, and June is never built again.
    records.circulate(store, "hwb-2019-06-12", date(2019, 6, 20))
    records.confirm(store, "hwb-2019-06-12", "hwb-2019-09-11")
    signature = records.sign(store, "hwb-2019-06-12")
    assert signature.pages == june
    builds.clear()
    september_after = pdf_pages("hwb-2019-09-11")  # its confirming minute now names the revision
    builds.clear()
    assert records.minute_book_first_page(store, store.meeting(DECEMBER)) == 1 + june + september_after
    assert builds == ["hwb-2019-09-11"]
