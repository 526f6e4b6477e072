"""The printed names of a member, driven by key presses from the committee's Members tab;
every test checks the store as a fresh process reads it, and the papers it prints."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot

from clerk_tui.app import ClerkApp
from clerk_tui.domain.people import Paper, PrintedForm
from clerk_tui.exporting import print_paper
from clerk_tui.render import PrintOptions
from clerk_tui.screens.committee import CommitteeScreen
from clerk_tui.screens.printed_names import PrintedNamesScreen
from store import Store
from tests.screens.conftest import SIZE, make_app, reopen, settle
from tests.screens.keys import tab_to, type_text
from widgets.fields import TextField

TO_CUMMINS = ("c", "enter", "f4", "down")
"""Committees, the demo board, its Members tab, Cllr. Paul Cummins."""


async def open_names(app: ClerkApp, pilot: Pilot[None]) -> PrintedNamesScreen:
    await settle(app, pilot)
    for key in TO_CUMMINS:
        await pilot.press(key)
        await settle(app, pilot)
    assert isinstance(app.screen, CommitteeScreen)
    await pilot.press("n")
    await settle(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, PrintedNamesScreen)
    assert dialog.person.id == "paul-cummins"
    return dialog


def error_under(dialog: PrintedNamesScreen, field_id: str) -> str:
    field = dialog.query_one(f"#{field_id}", TextField)
    assert "-error" in field.message.classes, f"no error under {field_id}"
    return str(field.message.render())


def minutes_of(store: Store, meeting_id: str) -> str:
    return print_paper(store, "minutes", meeting_id, PrintOptions(width=0)).text


async def test_a_form_for_the_minutes_of_one_committee_is_set_then_removed(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_names(app, pilot)
        await pilot.press("f2")  # no name typed: refused beside the field
        await settle(app, pilot)
        assert "needs the name as the paper prints it" in error_under(dialog, "names-form-name")
        with reopen(demo_store) as fresh:
            assert fresh.person("paul-cummins").printed_forms == []

        # Minutes (the default paper), only the Health and Wellbeing Board.
        await tab_to(pilot, "names-committee")
        await pilot.press("enter", "down", "enter")
        await tab_to(pilot, "names-form-name-input")
        await type_text(pilot, "Paul Cummins, J.P.")
        await pilot.press("f2")
        await settle(app, pilot)
        with reopen(demo_store) as fresh:
            assert fresh.person("paul-cummins").printed_forms == [
                PrintedForm(Paper.MINUTES, "Paul Cummins, J.P.", "", "hwb")
            ]
            assert "Councillor Paul Cummins, J.P. (in the Chair)" in minutes_of(fresh, "hwb-2019-06-12")
        assert "minutes “Councillor Paul Cummins, J.P.”" in str(dialog.query_one("#names-preview").render())

        await pilot.press("f3")  # the highlighted (only) form goes
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, CommitteeScreen)
    with reopen(demo_store) as fresh:
        assert fresh.person("paul-cummins").printed_forms == []
        assert "Councillor Cummins (in the Chair)" in minutes_of(fresh, "hwb-2019-06-12")


async def test_a_rename_from_a_date_leaves_earlier_minutes_with_the_old_name(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_names(app, pilot)
        await tab_to(pilot, "names-new-name-input")
        await type_text(pilot, "Paul Barton")
        await tab_to(pilot, "names-since-input")
        await type_text(pilot, "31/02/2019")  # no such day: refused, the text kept
        await pilot.press("f4")
        await settle(app, pilot)
        assert error_under(dialog, "names-since")
        assert dialog.query_one("#names-since-input").value == "31/02/2019"  # type: ignore[attr-defined]
        with reopen(demo_store) as fresh:
            assert fresh.person("paul-cummins").name == "Paul Cummins"

        await pilot.press(*["backspace"] * len("31/02/2019"))
        await type_text(pilot, "1/11/2019")  # day first: 1 November 2019
        await pilot.press("f4")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
    with reopen(demo_store) as fresh:
        person = fresh.person("paul-cummins")
        assert person.name == "Paul Barton"
        assert [(e.name, e.until) for e in person.earlier_names] == [("Paul Cummins", date(2019, 11, 1))]
        june = minutes_of(fresh, "hwb-2019-06-12")  # before the date: the old name
        assert "Councillor Cummins (in the Chair)" in june and "Barton" not in june
        december = print_paper(fresh, "agenda", "hwb-2019-12-04", PrintOptions(width=0)).text
        assert "Cllr. Paul Barton" in december and "Cummins" not in december
