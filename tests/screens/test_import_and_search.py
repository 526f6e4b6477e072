"""Issue 12 in the app: a text file imported through the review screen, then found by
the search screen; the minute opened from the result; exempt text only when asked; and
"/" typed into a text box stays text."""

from __future__ import annotations

import inspect
from pathlib import Path

from textual.widgets import DataTable, Input, Static, TextArea

from clerk_tui.screens.import_review import ImportReview
from clerk_tui.screens.meetings import MeetingsScreen
from clerk_tui.screens.minute_view import MinuteView
from clerk_tui.screens.search import SearchScreen
from store import Store
from store.search import SearchQuery
from tests.screens.conftest import SIZE, make_app, reopen, settle
from tests.screens.keys import type_text

PAPERS = Path(__file__).parent.parent / "reading" / "papers"
SEPTEMBER = PAPERS / "001-hwb-2019-12-04-pack-start.txt"


async def wait_for(pilot: object, condition: object, tries: int = 400) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot) and callable(condition)
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the screen did not get there")


def static_text(screen: object, selector: str) -> str:
    widget = screen.query_one(selector, Static)  # type: ignore[attr-defined]
    return str(widget.render())


async def test_a_text_file_imported_through_the_review_screen_is_found_by_search(
    store: Store, tmp_path: Path
) -> None:
    paper = tmp_path / "hwb-september-2019.txt"
    paper.write_text(SEPTEMBER.read_text(encoding="utf-8"), encoding="utf-8")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f6")
        review = app.screen
        assert isinstance(review, ImportReview)
        await type_text(pilot, str(paper))
        await pilot.press("enter")
        await wait_for(pilot, lambda: review.reading is not None)
        assert "11 September 2019, 12 minutes" in static_text(review, "#import-summary")
        printed = review.query_one("#import-printed", TextArea).text
        assert "22. BETTER CARE FUND 2019/20 PLANS." in printed
        assert review.query_one("#import-text", TextArea).text.startswith(" THIS SET OF MINUTES")
        report = static_text(review, "#import-report-text")
        assert "lines 277-319 (27 lines, from “Report to: Health and”)" in report
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await settle(app, pilot)
        assert any("Stored hwb-2019-09-11" in n.message for n in app._notifications)

        await pilot.press("ctrl+f")
        search = app.screen
        assert isinstance(search, SearchScreen)
        await wait_for(pilot, lambda: search.index is not None)
        await type_text(pilot, "draft a response")
        await pilot.press("enter")
        await wait_for(pilot, lambda: bool(search.hits))
        results = search.query_one("#search-results", DataTable)
        assert results.get_row_at(0) == [
            "11 Sep 2019",
            "Health and Wellbeing Board",
            "16",
            "Health Watch Annual Report Presentation",
            "resolution",
        ]
        assert "draft" in static_text(search, "#search-snippet")
        # The exempt minute's text is not found until the clerk asks for it.
        assert search.index is not None
        assert search.index.search(SearchQuery("submission to NHS England")) == []
        await pilot.press("enter")
        view = app.screen
        assert isinstance(view, MinuteView)
        area = view.query_one("#minute-text", TextArea)
        assert area.cursor_location[0] == area.text.splitlines().index(
            "16. HEALTH WATCH ANNUAL REPORT PRESENTATION"
        )
        assert "[This item was considered in private." in area.text  # the public copy
        await pilot.press("escape")
        assert app.screen is search
        await pilot.press("escape")
        await settle(app, pilot)
    with reopen(store) as fresh:
        meeting = fresh.meeting("hwb-2019-09-11")
        assert meeting.minute_count() == 12 and meeting.first_minute_number == 11
        assert fresh.committee("hwb").style.call_in_banner


async def test_exempt_results_only_when_ticked_and_marked(store: Store, tmp_path: Path) -> None:
    from clerk_tui.importing import store_reading
    from clerk_tui.reading import read_paper

    store_reading(store, read_paper(SEPTEMBER.read_text(encoding="utf-8")))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        search = app.screen
        assert isinstance(search, SearchScreen)
        await wait_for(pilot, lambda: search.index is not None)
        await type_text(pilot, "submission NHS England")
        await pilot.press("enter")
        await pilot.pause()
        assert search.hits == [] and "No matches" in static_text(search, "#search-status")
        await pilot.press("f4")
        await wait_for(pilot, lambda: bool(search.hits))
        assert all(hit.exempt for hit in search.hits)
        assert "NOT FOR PUBLICATION" in static_text(search, "#search-status")
        assert "NOT FOR PUBLICATION" in static_text(search, "#search-snippet")
        await pilot.press("f3")
        view = app.screen
        assert isinstance(view, MinuteView)
        assert "NOT FOR PUBLICATION" in static_text(view, "#minute-heading")
        assert "submission to NHS England" in view.query_one("#minute-text", TextArea).text


async def test_rejecting_stores_nothing_and_a_slash_typed_is_text(store: Store, tmp_path: Path) -> None:
    paper = tmp_path / "minutes.txt"
    paper.write_text(SEPTEMBER.read_text(encoding="utf-8"), encoding="utf-8")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f6")
        review = app.screen
        assert isinstance(review, ImportReview)
        await type_text(pilot, str(paper))
        assert review.query_one("#import-path", Input).value == str(paper)  # every "/" stayed text
        assert isinstance(app.screen, ImportReview)
        await pilot.press("enter")
        await wait_for(pilot, lambda: review.reading is not None)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
    with reopen(store) as fresh:
        assert fresh.meeting_summaries() == [] and fresh.committees() == []


async def test_a_file_that_is_not_a_paper_can_not_be_accepted(store: Store, tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Clerk,\nPlease find attached.\n", encoding="utf-8")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f6")
        review = app.screen
        assert isinstance(review, ImportReview)
        await type_text(pilot, str(letter))
        await pilot.press("enter")
        await wait_for(pilot, lambda: review.reading is not None)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ImportReview)
        assert "nothing to store" in static_text(review, "#import-summary")
        review.query_one("#import-path", Input).value = str(tmp_path / "missing.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert "cannot be read" in static_text(review, "#import-summary")
    with reopen(store) as fresh:
        assert fresh.meeting_summaries() == []


async def test_three_doors_the_keys_the_palette_and_f1(store: Store) -> None:
    from clerk_tui.commands import binding_entries
    from clerk_tui.screens.help import help_rows

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        titles = {entry.title for entry in binding_entries(app.screen)}
        assert {"App: Search", "App: Import paper"} <= titles
        assert {"Search", "Import paper"} <= {description for _, description, _ in help_rows(app.screen)}
        search_entry = next(entry for entry in binding_entries(app.screen) if entry.title == "App: Search")
        result = search_entry.run()
        if inspect.isawaitable(result):
            await result
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("f6")  # from any screen
        assert isinstance(app.screen, ImportReview)
