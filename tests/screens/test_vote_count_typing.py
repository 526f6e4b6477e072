"""A count typed fast ("7, enter, 2, enter, 1, enter" in one burst, as a terminal sends a
quick typist's keys) lands one number a box: enter moves on at once, not when the form
hears of it."""

from __future__ import annotations

from textual.app import App

from clerk_tui.screens.vote_count import VoteCountForm
from tests.screens.keys import type_text


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
