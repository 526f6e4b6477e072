"""The lazy table in a bare host: given many rows it holds only those near the cursor,
takes more as the clerk moves down, and given the rows again redraws only what changed."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from tests.screens.conftest import SIZE
from widgets.lazy_table import AHEAD, LazyRow, LazyTable

COLUMNS = (("Name", "name"), ("Date", "date"))


@pytest.fixture(autouse=True)
def _no_animation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTUAL_ANIMATION", "none")


def rows(count: int, *, changed: int | None = None) -> list[LazyRow]:
    return [
        LazyRow(f"row-{n}", (f"Meeting {n}", "moved" if n == changed else f"day {n % 28 + 1}"))
        for n in range(count)
    ]


class Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield LazyTable(COLUMNS, id="table")

    @property
    def table(self) -> LazyTable:
        return self.query_one(LazyTable)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.selected.append(str(event.row_key.value))


async def test_many_rows_are_held_only_as_the_cursor_comes_near() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        host.table.show(rows(1000))
        host.table.focus()
        await pilot.pause()
        assert (host.table.total, host.table.held, host.table.row_count) == (1000, AHEAD, AHEAD)
        host.table.move_cursor(row=AHEAD - 10)
        await pilot.pause()
        assert host.table.held > AHEAD
        assert host.table.held == host.table.row_count < 1000
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert host.table.held == host.table.row_count == 1000
        await pilot.press("enter")
        await pilot.pause()
        assert host.selected == ["row-999"]


async def test_scrolling_down_takes_the_rows_that_come_into_view() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        host.table.show(rows(1000))
        await pilot.pause()
        host.table.scroll_to(y=AHEAD - 20, animate=False)
        await pilot.pause()
        assert host.table.held > AHEAD


async def test_the_same_rows_again_redraw_only_the_cells_that_changed() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        host.table.show(rows(300))
        host.table.move_cursor(row=5)
        await pilot.pause()
        host.table.show(rows(300, changed=7))
        await pilot.pause()
        assert host.table.fills == 1
        assert host.table.cursor_row == 5  # kept
        assert host.table.get_row("row-7") == ["Meeting 7", "moved"]
        host.table.show(rows(300, changed=250))  # not held yet: shown as it is now once held
        await pilot.press("ctrl+end")
        assert host.table.get_row("row-250") == ["Meeting 250", "moved"]
        assert host.table.get_row("row-7") == ["Meeting 7", "day 8"]
        assert host.table.fills == 1


async def test_rows_that_come_or_go_refill_the_table_and_select_the_one_asked_for() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        host.table.show(rows(300))
        await pilot.pause()
        host.table.show(rows(301), select="row-290")
        await pilot.pause()
        assert host.table.fills == 2
        assert host.table.cursor_row == 290
        assert host.table.held >= 291
        assert host.table.coordinate_to_cell_key(host.table.cursor_coordinate).row_key.value == "row-290"


async def test_columns_are_as_wide_as_the_widest_row_even_one_not_held_yet() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        wide = [*rows(500), LazyRow("last", ("A committee with a very long name indeed", "day 1"))]
        host.table.show(wide)
        await pilot.pause()
        assert host.table.held < host.table.total
        assert host.table.columns[ColumnKey("name")].width == len("A committee with a very long name indeed")
