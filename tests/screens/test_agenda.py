"""Drafting an agenda with the keyboard alone, checked in the store afterwards."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from clerk_tui.app import ClerkApp
from clerk_tui.domain import ItemKind, PageRange
from clerk_tui.screens.agenda import AgendaScreen
from store import Store
from tests.screens.conftest import SIZE, make_app, reopen, settle
from tests.screens.keys import type_text

DECEMBER = "hwb-2019-12-04"


async def open_december(app: ClerkApp, pilot: Pilot[None]) -> AgendaScreen:
    await settle(app, pilot)
    await pilot.press("down", "down", "enter")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, AgendaScreen)
    assert screen.meeting.id == DECEMBER
    return screen


async def test_a_adds_an_item_after_the_last_item_of_business_wherever_the_cursor_is(
    demo_store: Store,
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_december(app, pilot)
        assert screen.highlighted_id() == "item-1", "the cursor starts on Apologies"
        await pilot.press("a")
        assert "New item 6, after 5. Sub-group Updates" in str(screen.query_one("#editor-heading").render())
        await type_text(pilot, "Pharmacy Needs Assessment")
        await pilot.press("f2")
        await settle(app, pilot)
    with reopen(demo_store) as store:
        titles = [item.title for item in store.meeting(DECEMBER).agenda]
    assert titles[:3] == ["Apologies for Absence", "Minutes of Previous Meeting", "Declarations of Interest"]
    assert titles[3:] == [
        "Health and Wellbeing Board Governance",
        "Sub-group Updates",
        "Pharmacy Needs Assessment",
    ]


async def test_shift_a_adds_an_item_after_the_highlighted_one_and_saves(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_december(app, pilot)
        await pilot.press("down", "down", "down", "A")  # after item 4
        await type_text(pilot, "Pharmacy Needs Assessment")
        await pilot.press("tab", "tab")  # past the kind, to pages
        await type_text(pilot, "25-40")
        await pilot.press("tab", "tab", "tab")  # number, to-follow, report of
        await type_text(pilot, "the Director of Public Health")
        await pilot.press("f2")
        await settle(app, pilot)
    with reopen(demo_store) as store:
        agenda = store.meeting(DECEMBER).agenda
    assert [item.title for item in agenda][3:6] == [
        "Health and Wellbeing Board Governance",
        "Pharmacy Needs Assessment",
        "Sub-group Updates",
    ]
    added = agenda[4]
    assert added.pages == PageRange(25, 40)
    assert added.report_of == "the Director of Public Health"
    assert added.kind == ItemKind.SUBSTANTIVE


async def test_invalid_input_is_explained_the_text_kept_and_nothing_saved(demo_store: Store) -> None:
    before = demo_store.meeting(DECEMBER)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_december(app, pilot)
        await pilot.press("a")
        await pilot.press("tab", "tab")
        await type_text(pilot, "30-12")
        await pilot.press("f2")
        await settle(app, pilot)
        pages = screen.query_one("#pages-input", Input)
        assert pages.value == "30-12"
        message = str(screen.query_one("#editor-message").render())
        assert "title" in message.lower() or "run backwards" in message
        # give it a title: the pages are still wrong, and say so
        await pilot.press("shift+tab", "shift+tab")
        await type_text(pilot, "Late Report")
        await pilot.press("f2")
        await settle(app, pilot)
        assert "run backwards" in str(screen.query_one("#editor-message").render())
        assert screen.editor.display
    with reopen(demo_store) as store:
        assert store.meeting(DECEMBER).agenda == before.agenda


async def test_items_move_with_shift_arrows_and_delete_after_confirmation(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_december(app, pilot)
        await pilot.press("down", "down", "down", "down")  # item 5
        await pilot.press("shift+up")
        await settle(app, pilot)
        await pilot.press("delete")
        await pilot.press("n")  # changed my mind
        await settle(app, pilot)
        await pilot.press("up", "delete", "y")  # remove item 3, Declarations
        await settle(app, pilot)
    with reopen(demo_store) as store:
        titles = [item.title for item in store.meeting(DECEMBER).agenda]
    assert titles == [
        "Apologies for Absence",
        "Minutes of Previous Meeting",
        "Sub-group Updates",
        "Health and Wellbeing Board Governance",
    ]


async def test_an_exempt_item_needs_its_paragraph_and_shows_as_exempt(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_december(app, pilot)
        await pilot.press("ctrl+end", "a")
        await type_text(pilot, "Care Home Contract")
        screen.query_one("#exempt").focus()
        await pilot.press("space")
        await pilot.press("f2")
        await settle(app, pilot)
        assert "paragraph" in str(screen.query_one("#editor-message").render())
        # the message took the clerk to the paragraph picker
        await pilot.press("down", "down", "space")  # paragraph 3
        await pilot.press("f2")
        await settle(app, pilot)
        assert not screen.editor.display
    with reopen(demo_store) as store:
        item = store.meeting(DECEMBER).agenda[-1]
    assert (item.title, item.exempt, item.exempt_paragraphs) == ("Care Home Contract", True, [3])


async def test_the_front_sheet_beside_the_list_follows_the_typing(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_december(app, pilot)
        await pilot.press("ctrl+end", "a")
        await type_text(pilot, "Winter Pressures")
        await pilot.pause(0.2)
        preview = str(screen.query_one("#agenda-front-sheet").render())
        assert "6. Winter Pressures" in preview
        await pilot.press("escape")  # leave the editor: nothing added
        await settle(app, pilot)
        assert "Winter Pressures" not in str(screen.query_one("#agenda-front-sheet").render())
    with reopen(demo_store) as store:
        assert len(store.meeting(DECEMBER).agenda) == 5


async def test_editing_an_item_keeps_its_note_line_order_and_history(demo_store: Store) -> None:
    """The editor has no fields for these yet: editing the title must not lose them."""
    from datetime import date

    from clerk_tui.domain.agenda import CarriedFrom, ItemLine

    meeting = demo_store.meeting(DECEMBER)
    item = meeting.agenda[3]
    item.note = "Report to follow."
    item.line_order = [ItemLine.NOTE, ItemLine.DESCRIPTION]
    item.carried_from = [CarriedFrom("hwb-2019-09-11", date(2019, 9, 11), "item-9")]
    demo_store.save_meeting(meeting)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_december(app, pilot)
        await pilot.press("down", "down", "down", "enter")
        await settle(app, pilot)
        assert screen.editor.item_id == item.id
        title = screen.query_one("#title-input", Input)
        title.focus()
        await pilot.press("end")
        await type_text(pilot, " (revised)")
        await pilot.press("f2")
        await settle(app, pilot)
    with reopen(demo_store) as store:
        edited = store.meeting(DECEMBER).agenda[3]
    assert edited.title == f"{item.title} (revised)"
    assert (edited.note, edited.line_order, edited.carried_from) == (
        item.note,
        item.line_order,
        item.carried_from,
    )


async def test_at_80_columns_the_front_sheet_is_printed_to_the_view_and_every_button_shows(
    demo_store: Store,
) -> None:
    """A front sheet printed wider than its view is broken in the middle of words
    ("WELLBEIN / G BOARD"); a button row wider than its pane hides "Take minutes"."""
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_december(app, pilot)
        sheet = screen.query_one("#agenda-front-sheet", Static)
        lines = str(sheet.render()).splitlines()
        assert "WELLBEING BOARD" in "\n".join(lines)  # a whole word, on one line
        assert max(len(line) for line in lines) <= sheet.content_size.width
        pane = screen.query_one("#agenda-buttons")
        for button in pane.query(Button):
            assert pane.region.contains_region(button.region), f"{button.label} is cut off"
        assert {str(b.label) for b in pane.query(Button)} >= {"Take minutes", "Delete", "Export"}
