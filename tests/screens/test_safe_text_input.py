"""Control characters typed or pasted into a text box never reach the store: escape
sequences (screen clear, window title, OSC 52 clipboard), BEL, NUL and bidirectional
overrides are removed, the clerk is told what went, and real text (an emoji joined with
U+200D, tabs, new lines) is kept whole. Checked in the reopened store."""

from __future__ import annotations

from textual import events
from textual._xterm_parser import XTermParser
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from clerk_tui.app import ClerkApp
from clerk_tui.domain.narrative import narrative_text
from clerk_tui.screens.confirm import ConfirmScreen
from clerk_tui.screens.live import SAVE_PAUSE, LiveMeetingScreen
from clerk_tui.screens.new_meeting import NewMeetingScreen
from store import Store
from tests.screens.conftest import SIZE, reopen, settle
from tests.screens.telling import TellingApp, telling_app

MEETING = "hwb-2019-12-04"
JUDGE = "\U0001f469\u200d\u2696\ufe0f"
"""👩‍⚖️: woman, zero-width joiner, scales, variation selector: one picture, four code points."""
HOSTILE = (
    "The Board noted\x1b[2J the report\x1b]0;pwned\x07 of the\x1b]52;c;SGVsbG8=\x07 Chair "
    f"\u202eeulav\u202c {JUDGE}.\x00\r\nA second line\twith a tab."
)
CLEAN = f"The Board noted the report of the Chair eulav {JUDGE}.\nA second line\twith a tab."


def cleaned(app: TellingApp) -> list[str]:
    return app.said("Text cleaned")


async def narrative_box(app: ClerkApp, pilot: Pilot[None], store: Store) -> TextArea:
    await settle(app, pilot)
    app.push_screen(LiveMeetingScreen(store.meeting(MEETING)))
    await settle(app, pilot)
    if isinstance(app.screen, ConfirmScreen):  # "This meeting is on ...: take it live now?"
        await pilot.press("y")
        await settle(app, pilot)
    await pilot.press("ctrl+n")
    await settle(app, pilot)
    box = app.screen.query_one("#minute-narrative", TextArea)
    assert app.focused is box
    return box


def narrative_on_disk(store: Store) -> str:
    with reopen(store) as reopened:
        return narrative_text(reopened.meeting(MEETING).minutes[-1].narrative)


async def saved(app: ClerkApp, pilot: Pilot[None]) -> None:
    await pilot.pause(SAVE_PAUSE + 0.2)
    await settle(app, pilot)


async def test_a_paste_into_the_narrative_keeps_the_text_and_drops_the_control_characters(
    demo_store: Store,
) -> None:
    app = telling_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        box = await narrative_box(app, pilot, demo_store)
        app.post_message(events.Paste(HOSTILE))  # as the driver posts a bracketed paste
        await saved(app, pilot)
        assert box.text == CLEAN
        (said,) = cleaned(app)
        assert said.startswith(
            "Removed from the narrative: 3 escape sequences, U+202E (right-to-left override)"
        )
        assert "U+202C (pop directional formatting)" in said and "U+0000" in said
    stored = narrative_on_disk(demo_store)
    assert "\x1b" not in stored and "\u202e" not in stored and "\x07" not in stored and "\x00" not in stored
    assert JUDGE in stored and "eulav" in stored


async def test_a_raw_bracketed_paste_from_the_terminal_keeps_no_escape_and_keeps_the_emoji_whole(
    demo_store: Store,
) -> None:
    """The bytes a terminal sends, through Textual's own input parser. An ESC inside a
    bracketed paste makes the parser hand on the rest of the paste as single keys, the
    joiner and the override among them: the box must keep the one and drop the other."""
    app = telling_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        box = await narrative_box(app, pilot, demo_store)
        raw = f"\x1b[200~Noted {JUDGE} then\x1b[2J more \u202eevil\u202c end.\x1b[201~"
        driver = app._driver
        assert driver is not None
        for event in XTermParser().feed(raw):
            event.set_sender(app)
            driver.send_message(event)
        await saved(app, pilot)
        text = box.text
        assert "\x1b" not in text and "\u202e" not in text and "\u202c" not in text
        assert f"Noted {JUDGE} then" in text and "evil" in text
        assert any("U+202E (right-to-left override)" in message for message in cleaned(app))
    stored = narrative_on_disk(demo_store)
    assert "\x1b" not in stored and "\u202e" not in stored and JUDGE in stored


async def test_typed_format_characters_a_joiner_is_kept_an_override_is_removed(demo_store: Store) -> None:
    app = telling_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await narrative_box(app, pilot, demo_store)
        for character, key in [
            ("\U0001f469", "woman"),
            ("\u200d", "zero_width_joiner"),
            ("\u2696", "scales"),
            ("\u202e", "right_to_left_override"),
            ("x", "x"),
        ]:
            if key == "x":
                await pilot.press(key)
            else:  # what the terminal's parser hands on for a character with no key of its own
                app.post_message(events.Key(key, character))
            await pilot.pause()
        await saved(app, pilot)
        assert cleaned(app) == [
            "Removed from the narrative: U+202E (right-to-left override) (control characters are never kept)."
        ]
    assert narrative_on_disk(demo_store) == "\U0001f469\u200d\u2696x"


async def test_every_input_strips_what_is_pasted_into_it_and_says_so(demo_store: Store) -> None:
    app = telling_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.screen, NewMeetingScreen)
        room = app.screen.query_one("#new-room-input", Input)
        room.value = ""
        room.focus()
        app.post_message(events.Paste("Room\x1b[31m 5\x07 (\u202eeast\u202c)"))
        await settle(app, pilot)
        assert room.value == "Room 5 (east)"
        (said,) = cleaned(app)
        assert said.startswith("Removed from Room: escape sequence, U+0007 (bell)")
        room.value = "set \x1b[2Jby code"  # the backstop: a value set by code is cleaned too
        assert room.value == "set by code"
        app.screen.query_one("#new-date-input", Input).focus()
        await pilot.press(*"3 March 2027", "f2")
        await settle(app, pilot)
        await app.workers.wait_for_complete()
    with reopen(demo_store) as reopened:
        assert reopened.meeting("hwb-2027-03-03").venue.room == "set by code"
