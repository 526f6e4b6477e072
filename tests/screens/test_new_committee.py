"""A new committee's house style starts neutral or as a copy of another committee's,
chosen by key presses; checked in the store as a fresh process reads it."""

from __future__ import annotations

from textual.pilot import Pilot

from clerk_tui.app import ClerkApp
from clerk_tui.demo import HWB_STYLE
from clerk_tui.domain import HouseStyle
from clerk_tui.screens.committee import CommitteeScreen
from clerk_tui.screens.committees import CommitteesScreen
from clerk_tui.screens.new_committee import NewCommitteeScreen
from store import Store
from tests.screens.conftest import SIZE, make_app, reopen, settle
from tests.screens.keys import type_text


async def new_committee(app: ClerkApp, pilot: Pilot[None], *moves: str) -> None:
    """Committees, n, the style (after ``moves``), then a name, applied with f2."""
    await settle(app, pilot)
    await pilot.press("c", "n")
    await settle(app, pilot)
    assert isinstance(app.screen, NewCommitteeScreen)
    await pilot.press(*moves, "enter")
    await settle(app, pilot)
    assert isinstance(app.screen, CommitteeScreen) and app.screen.is_new
    await type_text(pilot, "Audit Committee")
    await pilot.press("f2")
    await settle(app, pilot)


async def test_a_new_committee_starts_from_the_neutral_style_by_default(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await new_committee(app, pilot)
    with reopen(demo_store) as fresh:
        style = fresh.committee("ac").style
    assert style == HouseStyle()
    assert style.council_name == "" and style.agenda_heading == "AGENDA"


async def test_a_new_committee_starts_from_a_copy_of_the_boards_style(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await new_committee(app, pilot, "down")
        # The copy is the new committee's own: the board's style is unchanged.
    with reopen(demo_store) as fresh:
        assert fresh.committee("ac").style == fresh.committee("hwb").style == HWB_STYLE


async def test_escape_sets_up_no_committee(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "n")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, CommitteesScreen)
    with reopen(demo_store) as fresh:
        assert [c.id for c in fresh.committees()] == ["hwb"]
