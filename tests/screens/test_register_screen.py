"""The attendance register from the meetings screen: the year's table as councils publish
it, a year back and forth, a member's history, and the CSV and PDF saved to the export
folder, the same files `clerk register` writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from clerk_tui.app import ClerkApp
from clerk_tui.cli_papers import register_file
from clerk_tui.screens import export as export_module
from clerk_tui.screens.meetings import MeetingsScreen
from clerk_tui.screens.register import RegisterScreen
from store import Store
from tests.screens.conftest import SIZE, make_app, settle


@pytest.fixture(autouse=True)
def exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents" / "clerk-exports"
    monkeypatch.setattr(export_module, "export_folder", lambda: folder)
    return folder


async def finish(app: ClerkApp, pilot: Pilot[None]) -> None:
    await settle(app, pilot)
    await app.workers.wait_for_complete()
    await pilot.pause()


def register(app: ClerkApp) -> RegisterScreen:
    screen = app.screen
    assert isinstance(screen, RegisterScreen), type(screen)
    return screen


def rows(app: ClerkApp) -> dict[str, list[str]]:
    table = register(app).query_one("#register-table", DataTable)
    return {str(key.value): [str(cell) for cell in table.get_row(key)] for key in table.rows}


def shown(app: ClerkApp, selector: str) -> str:
    return str(register(app).query_one(selector, Static).render())


async def test_the_years_register_a_members_history_and_the_files(demo_store: Store, exports: Path) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await finish(app, pilot)
        assert shown(app, "#register-heading") == (
            "Health and Wellbeing Board: attendance register, municipal year 2019/20"
        )
        assert shown(app, "#register-meetings").startswith("Meetings counted (")
        table = rows(app)
        assert table["ian-moncur"] == ["Cllr. Ian Moncur", "50%", "2", "1", "1", "0", "0", "0", "0"]
        assert len(table) > 5

        await pilot.press("right_square_bracket")  # a year on: nothing held yet
        await finish(app, pilot)
        assert shown(app, "#register-heading").endswith("municipal year 2020/21")
        assert rows(app) == {}
        held = shown(app, "#register-meetings")
        assert held.startswith("No meetings of the committee were held in 2020/21:")
        await pilot.click("#previous")  # and back, by the button
        await finish(app, pilot)
        assert rows(app) == table

        await pilot.press("enter")  # the highlighted member's history (the Chair comes first)
        await finish(app, pilot)
        history = shown(app, "#register-history")
        assert history.startswith("Ian Moncur: attendance on every committee")
        assert "Health and Wellbeing Board 2019/20: attended 1 of 2 expected (50%), apologies 1" in history

        await pilot.press("f2")
        await finish(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Attendance: Save PDF")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await finish(app, pilot)
        assert any("register is saved as" in n.message for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
    csv_file = exports / "hwb-2019-20-attendance.csv"
    assert csv_file.read_bytes() == register_file(demo_store, "hwb", 2019, "csv")
    assert (exports / "hwb-2019-20-attendance.pdf").read_bytes().startswith(b"%PDF-")
    assert csv_file.stat().st_mode & 0o777 == 0o644
