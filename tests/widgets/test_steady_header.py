"""The header's title line follows the app's sub-title (how saving goes) without repainting
the screen: on top at once, under a dialog too, and under a screen that hides it when
that screen is shown again."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.reactive import Reactive
from textual.screen import ModalScreen
from textual.widgets import Static

from clerk_tui.screens.base import ClerkScreen
from widgets.steady_header import SteadyHeader, SteadyTitle


class Page(ClerkScreen):
    def compose(self) -> ComposeResult:
        yield SteadyHeader()
        yield Static("body")


class Dialog(ModalScreen[None]):
    def compose(self) -> ComposeResult:
        yield Static("a question")


class Host(App[None]):
    sub_title: Reactive[str] = Reactive("", compute=False, repaint=False)  # as ClerkApp's

    def on_mount(self) -> None:
        self.push_screen(Page())


def shown_title(screen: object) -> str:
    assert isinstance(screen, Page)
    return str(screen.query_one(SteadyTitle).visual)


async def test_the_title_follows_on_top_under_a_dialog_and_after_being_hidden() -> None:
    app = Host()
    async with app.run_test() as pilot:
        await pilot.pause()
        first = app.screen
        app.sub_title = "saving…"
        await pilot.pause()
        assert "saving…" in shown_title(first)
        await app.push_screen(Dialog())  # the page shows through: it keeps following
        app.sub_title = "saved 10:30:00"
        await pilot.pause()
        assert "saved 10:30:00" in shown_title(first)
        app.pop_screen()
        await app.push_screen(Page())  # hides the first page: its title waits
        app.sub_title = "saved 10:30:05"
        await pilot.pause()
        assert first.query_one(SteadyTitle).waiting
        assert "saved 10:30:05" in shown_title(app.screen)
        app.pop_screen()
        await pilot.pause()
        assert "saved 10:30:05" in shown_title(first)
        assert not first.query_one(SteadyTitle).waiting


async def test_a_new_sub_title_lays_out_and_repaints_nothing_but_the_title_line() -> None:
    """Stock, each change laid the screen out and repainted all of it (with the screen
    underneath); counted here where Textual does both, on the top screen's compositor."""
    app = Host()
    async with app.run_test() as pilot:
        await app.push_screen(Page())  # a page under this one, as the meetings list is
        await pilot.pause()
        screen = app.screen
        whole: list[str] = []
        layout, full = screen._refresh_layout, screen._compositor.render_full_update

        def laid_out(*args: Any, **kwargs: Any) -> None:
            whole.append("layout")
            layout(*args, **kwargs)

        def repainted(*args: Any, **kwargs: Any) -> Any:
            whole.append("full repaint")
            return full(*args, **kwargs)

        screen._refresh_layout = laid_out  # type: ignore[method-assign]
        screen._compositor.render_full_update = repainted  # type: ignore[method-assign]
        for status in ("saving…", "saved 10:30:00", "saving…", "saved 10:30:01"):
            app.sub_title = status
            await pilot.pause()
        assert "saved 10:30:01" in shown_title(screen)
        assert whole == []
