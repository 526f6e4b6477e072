"""QuietStatic and SteadyFooter in a bare host: what they show is what the stock widgets
show, and they lay the screen out again only when that changes."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from tests.screens.conftest import SIZE
from widgets.quiet_static import QuietStatic
from widgets.steady_footer import SteadyFooter


class Host(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "apply", "Apply"),
        Binding("f3", "other", "Other"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.other_allowed = True

    def compose(self) -> ComposeResult:
        yield QuietStatic("Nothing typed yet.", id="note")
        yield Input(id="first")
        yield Input(id="second")
        yield SteadyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "other":
            return self.other_allowed or None
        return True

    def action_apply(self) -> None:
        pass

    def action_other(self) -> None:
        pass


async def test_an_update_with_the_same_text_asks_for_no_layout_and_a_new_text_is_shown() -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        note = app.query_one("#note", QuietStatic)
        before = note._layout_updates
        note.update("Nothing typed yet.")
        assert note._layout_updates == before
        note.update("2 to add.")
        assert note._layout_updates == before + 1
        await pilot.pause()
        assert str(note.render()) == "2 to add."


def footer_keys(app: Host) -> list[FooterKey]:
    return list(app.screen.query_one(SteadyFooter).query(FooterKey))


async def test_the_footer_keeps_its_keys_across_a_tab_and_follows_a_binding_that_changes() -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = footer_keys(app)
        assert [key.description for key in shown][:2] == ["Apply", "Other"]
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "second"
        assert footer_keys(app) == shown  # the very same widgets: not rebuilt

        app.other_allowed = False
        app.screen.refresh_bindings()
        await pilot.pause()
        rebuilt = footer_keys(app)
        assert rebuilt != shown
        other = next(key for key in rebuilt if key.description == "Other")
        assert "-disabled" in other.classes
