"""The phrase picker: type to narrow, enter inserts, escape cancels."""

from __future__ import annotations

from textual.app import App
from textual.widgets import OptionList, Static

from clerk_tui.domain.phrases import Phrase, PhraseContext, phrase_library
from clerk_tui.screens.phrase_picker import PhrasePicker, matching

SIZE = (110, 36)
NOT_CHOSEN = Phrase("-", "-", "-")


class Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.chosen: Phrase | None = NOT_CHOSEN
        self.phrases = phrase_library(PhraseContext(presenter="Councillor Cummins"))

    def on_mount(self) -> None:
        self.push_screen(PhrasePicker(self.phrases), self._chosen)

    def _chosen(self, phrase: Phrase | None) -> None:
        self.chosen = phrase


async def test_typing_narrows_and_enter_inserts_the_highlighted_phrase() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"thank")
        await pilot.pause()
        picker = host.screen
        assert isinstance(picker, PhrasePicker)
        assert [p.key for p in picker.shown] == ["thanked"]
        assert str(picker.query_one("#phrase-full", Static).render()) == (
            "Councillor Cummins be thanked for [his/her] presentation"
        )
        await pilot.press("enter")
        await pilot.pause()
        assert host.chosen is not None and host.chosen.key == "thanked"
        assert not isinstance(host.screen, PhrasePicker)


async def test_enter_straight_after_typing_uses_every_letter_typed() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"record", "enter")
        await pilot.pause()
        assert host.chosen is not None and host.chosen.key == "confirmed"


async def test_arrows_move_the_highlight() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "up")
        assert host.screen.query_one(OptionList).highlighted == 1
        await pilot.press("enter")
        await pilot.pause()
        assert host.chosen == host.phrases[1]


async def test_escape_returns_none() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"thank", "escape")
        await pilot.pause()
        assert host.chosen is None


async def test_nothing_matching_keeps_the_picker_open() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"zzz", "enter")
        await pilot.pause()
        assert isinstance(host.screen, PhrasePicker)
        assert host.chosen is NOT_CHOSEN
        assert "No phrase matches" in str(host.screen.query_one("#phrase-full", Static).render())


def test_matching_needs_every_word() -> None:
    phrases = phrase_library(PhraseContext())
    assert [p.key for p in matching(phrases, "correct RECORD")] == ["confirmed"]
    assert matching(phrases, "") == phrases
    assert [p.key for p in matching(phrases, "delegated chair")] == ["delegated"]
