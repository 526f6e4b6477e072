"""Enter typed fast in a form ("7, enter, 2, enter, 1, enter" in one burst, as a terminal
sends a quick typist's keys) puts one value a box: enter moves on at once, not when the
form hears of it."""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from clerk_tui.screens.new_meeting import NewMeetingScreen
from clerk_tui.screens.vote_count import VoteCountForm
from store import Store
from tests.screens.conftest import make_app, reopen, settle
from tests.screens.keys import key_event, tab_to, type_text
from tests.screens.test_live_typing import live_on_first_item
from tests.screens.test_printed_names import open_names


async def test_a_count_typed_in_one_burst_is_one_number_a_box() -> None:
    counted: list[tuple[int, int, int]] = []

    def submit(in_favour: int, against: int, abstained: int) -> str | None:
        counted.append((in_favour, against, abstained))
        return None

    app: App[None] = App()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(VoteCountForm("Votes on the motion", submit))
        await pilot.pause()
        await type_text(pilot, "7\n2\n1\n")
        await pilot.pause()
    assert counted == [(7, 2, 1)]


async def test_a_meetings_date_and_time_typed_in_one_burst_land_in_their_boxes(demo_store: Store) -> None:
    """The same for every form whose enter goes on to the next box (here: a new meeting)."""
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.screen, NewMeetingScreen)
        date_box = app.screen.query_one("#new-date-input", Input)
        date_box.focus()
        await pilot.pause()
        date_box.value = ""
        app.screen.query_one("#new-time-input", Input).value = ""
        await type_text(pilot, "15/1/2020\n14:00")
        assert date_box.value == "15/1/2020"
        assert app.screen.query_one("#new-time-input", Input).value == "14:00"


def backspace() -> events.Key:
    return events.Key("backspace", "\x7f")


async def send_burst(pilot: Pilot[None], keys: list[events.Key]) -> None:
    """Keys in one burst, as a terminal sends them: none waits for the one before."""
    driver = pilot.app._driver
    assert driver is not None
    for event in keys:
        event.set_sender(pilot.app)
        driver.send_message(event)
    await pilot.pause()


async def test_a_typo_corrected_fast_in_the_narrative_reads_as_corrected(demo_store: Store) -> None:
    """Teh, two backspaces, he: the backspaces are bindings, acted on only once they had
    reached the app, after the letters behind them were in (it came out "Teh")."""
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await live_on_first_item(app, pilot, demo_store)
        keys = [*map(key_event, "Teh"), backspace(), backspace(), *map(key_event, "he")]
        await send_burst(pilot, keys)
        assert screen.editor.query_one("#minute-narrative", TextArea).text == "The"


async def test_a_rename_typed_fast_then_f4_renames_with_every_letter(demo_store: Store) -> None:
    """f4 is a priority binding of the dialog: it used to act as it arrived, before the box
    had taken the name and the date typed just ahead of it (nothing or half was read)."""
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        dialog = await open_names(app, pilot)
        await tab_to(pilot, "names-new-name-input")
        await send_burst(pilot, [*map(key_event, "Paul Barton\t1/11/2019"), events.Key("f4", None)])
        await settle(app, pilot)
        assert dialog.person.name == "Paul Barton"
    with reopen(demo_store) as store:
        assert any(person.name == "Paul Barton" for person in store.people())
