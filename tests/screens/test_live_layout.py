"""The live screen at 80x24, 120x40 and 200x60 (issue 10, 6): the minute editor keeps at
least 50 columns, the side panels fold away or use the room, and every dialog of the live
screen fits an 80x24 terminal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.screen import ModalScreen
from textual.widgets import DataTable

from clerk_tui.screens.live import LiveMeetingScreen
from store import Store
from tests.screens.conftest import make_app, settle
from tests.screens.test_live_trust import SEPTEMBER, live_september, make_store, open_live


@pytest.fixture
def taken(tmp_path: Path) -> Iterator[Store]:
    store = make_store(tmp_path / "store", live_september(taken=True))
    yield store
    store.close()


@pytest.mark.parametrize(
    ("size", "agenda_shown", "attendance_columns"),
    [((80, 24), False, 2), ((120, 40), True, 2), ((200, 60), True, 5)],
)
async def test_the_minute_keeps_its_room_and_the_panels_fit_the_terminal(
    taken: Store, size: tuple[int, int], agenda_shown: bool, attendance_columns: int
) -> None:
    app = make_app(taken)
    async with app.run_test(size=size) as pilot:
        screen = await open_live(app, pilot, taken)
        narrative = screen.editor.query_one("#minute-narrative")
        assert narrative.content_size.width >= 50, narrative.content_size  # columns of text
        assert screen.query_one("#live-agenda").display == agenda_shown
        columns = screen.attendance.query_one("#attendance-list")
        assert len(columns.columns) == attendance_columns  # type: ignore[attr-defined]
        await pilot.press("ctrl+l")  # attendance mode opens the list out, with the presence
        await pilot.pause()
        assert len(columns.columns) >= 3  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
        assert len(columns.columns) == attendance_columns  # type: ignore[attr-defined]
        if not agenda_shown:
            await pilot.press("ctrl+g")  # the folded agenda comes out to choose an item
            await pilot.pause()
            assert screen.query_one("#live-agenda").display
            await pilot.press("escape")
            await pilot.pause()
            assert not screen.query_one("#live-agenda").display
            assert isinstance(app.screen, LiveMeetingScreen)


DIALOGS = [
    ("declaration", ("ctrl+l", "i")),
    ("substitute", ("ctrl+l", "s")),
    ("also present", ("ctrl+l", "o")),
    ("officer", ("ctrl+l", "f")),
    ("printed name", ("ctrl+l", "n")),
    ("times", ("ctrl+l", "t")),
    ("elect chair", ("ctrl+l", "c")),
    ("minute options", ("ctrl+o",)),
    ("phrase", ("ctrl+r",)),
    ("move a motion", ("f2", "m")),
    ("move an amendment", ("f2", "a")),
    ("move a procedural motion", ("f2", "p")),
]


@pytest.mark.parametrize(("name", "keys"), DIALOGS, ids=[name for name, _ in DIALOGS])
async def test_every_dialog_of_the_live_screen_fits_80x24(
    taken: Store, name: str, keys: tuple[str, ...]
) -> None:
    app = make_app(taken)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_live(app, pilot, taken)
        await pilot.press(*keys)
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ModalScreen), f"{name}: {dialog}"
        whole = Region(0, 0, 80, 24)
        body = dialog.children[0]
        assert whole.contains_region(body.region), f"{name}: {body.region}"
        assert body.region.width <= 80
        buttons = [b for b in dialog.query("Button") if b.display]
        for button in buttons:
            assert whole.contains_region(button.region) or body.max_scroll_y > 0, f"{name}: {button}"
    assert SEPTEMBER


@pytest.mark.parametrize("size", [(120, 40), (200, 60)])
async def test_a_deferred_item_shows_deferred_whole_in_the_agenda_column(
    taken: Store, size: tuple[int, int]
) -> None:
    app = make_app(taken)
    async with app.run_test(size=size) as pilot:
        screen = await open_live(app, pilot, taken)
        await pilot.press("f3")  # the item in hand is deferred
        await settle(app, pilot)
        table = screen.query_one("#live-items", DataTable)
        minutes = [str(table.get_row_at(row)[2]) for row in range(table.row_count)]
        assert "deferred" in minutes
        # The three columns fit the column: nothing is cut or hidden to the right.
        assert table.virtual_size.width <= table.scrollable_content_region.width, (
            table.virtual_size,
            table.scrollable_content_region,
        )
