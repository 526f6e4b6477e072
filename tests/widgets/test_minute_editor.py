"""The minute editor in a small host app: what it posts as the clerk types."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Button, Static, TextArea

from clerk_tui.domain import ResolutionLead
from widgets.minute_editor import MAX_BOX, MinuteEditor, PrintNote, paste_refusal, resolution_note

SIZE = (110, 36)
HEADING = "22. BETTER CARE FUND 2019/20 PLANS"
BANNER = "CONFIDENTIAL: exempt under paragraph 3 of Part 1 of Schedule 12A"


class Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[Message] = []

    def compose(self) -> ComposeResult:
        yield MinuteEditor(id="editor")

    @property
    def editor(self) -> MinuteEditor:
        return self.query_one(MinuteEditor)

    def on_minute_editor_changed(self, message: MinuteEditor.Changed) -> None:
        self.messages.append(message)

    def on_minute_editor_phrase_wanted(self, message: MinuteEditor.PhraseWanted) -> None:
        self.messages.append(message)

    def changes(self) -> list[MinuteEditor.Changed]:
        return [m for m in self.messages if isinstance(m, MinuteEditor.Changed)]

    def box(self, name: str) -> TextArea:
        return self.query_one(f"#minute-{name}", TextArea)


def load(
    host: Host, *, narrative: str = "The Board considered the plans.", resolution: str = "", **extra: str
) -> None:
    host.editor.load(
        "m-22", HEADING, narrative=narrative, resolution=resolution, lead=ResolutionLead.RESOLVED, **extra
    )


async def test_load_posts_nothing_and_shows_the_minute() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        load(host, resolution="the report be noted", hint="ctrl+r: a standard phrase")
        await pilot.pause()
        assert host.messages == []
        assert host.editor.minute_id == "m-22"
        assert str(host.query_one("#minute-heading", Static).render()) == HEADING
        assert host.box("narrative").text == "The Board considered the plans."
        assert host.box("resolution").text == "the report be noted"
        assert host.query_one(PrintNote).text == "1 part: RESOLVED: That the report be noted."


async def test_typing_in_the_narrative_posts_the_texts() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        load(host, resolution="the report be noted")
        host.editor.focus_narrative()
        await pilot.press("space", "O", "k")
        await pilot.pause()
        last = host.changes()[-1]
        assert last.minute_id == "m-22"
        assert last.narrative == "The Board considered the plans. Ok"
        assert last.resolution == "the report be noted"
        assert last.lead == ResolutionLead.RESOLVED
        assert len(host.changes()) == 3


async def test_tab_moves_to_the_resolution_and_typing_there_posts_it() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        load(host, resolution="")
        host.editor.focus_narrative()
        await pilot.press("tab")
        assert host.focused is host.box("resolution")
        await pilot.press(*"noted")
        await pilot.pause()
        last = host.changes()[-1]
        assert last.resolution == "noted"
        assert last.narrative == "The Board considered the plans."
        assert host.query_one(PrintNote).text == "1 part: RESOLVED: That noted."


async def test_ctrl_t_toggles_the_lead_and_posts_it() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        load(host, resolution="the report be noted\nthe plan be approved")
        host.editor.focus_narrative()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert host.changes()[-1].lead == ResolutionLead.RECOMMENDED
        assert str(host.query_one("#minute-lead", Button).label) == "RECOMMENDED:"
        assert host.query_one(PrintNote).text == (
            "2 parts: RECOMMENDED: That (1) the report be noted; and (2) the plan be approved."
        )
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert host.changes()[-1].lead == ResolutionLead.RESOLVED
        assert len(host.changes()) == 2


async def test_ctrl_r_asks_for_a_phrase() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        load(host)
        host.editor.focus_narrative()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert host.messages == [MinuteEditor.PhraseWanted("m-22")]


async def test_insert_part_adds_a_line_and_typing_completes_it() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        load(host, resolution="the report be noted")
        host.editor.focus_narrative()
        await pilot.pause()
        host.editor.insert_part("the Director be requested to")
        await pilot.pause()
        assert host.focused is host.box("resolution")
        assert host.changes()[-1].resolution == "the report be noted\nthe Director be requested to"
        await pilot.press("space", *"act")
        await pilot.pause()
        assert host.changes()[-1].resolution == "the report be noted\nthe Director be requested to act"


async def test_insert_part_selects_the_gap_so_typing_fills_it() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        load(host, resolution="the report be noted")
        await pilot.pause()
        host.editor.insert_part("the Chair be given delegated authority to […]")
        await pilot.pause()
        await pilot.press(*"sign")
        await pilot.pause()
        assert host.box("resolution").text == (
            "the report be noted\nthe Chair be given delegated authority to sign"
        )


async def test_insert_part_goes_after_the_cursor_line_or_into_a_blank_line() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        load(host, resolution="first\nsecond")
        box = host.box("resolution")
        box.focus()
        await pilot.pause()
        box.move_cursor((0, 2))
        host.editor.insert_part("between")
        await pilot.pause()
        assert box.text == "first\nbetween\nsecond"
        load(host, resolution="first\n")
        await pilot.pause()
        host.editor.insert_part("the report be noted")
        await pilot.pause()
        assert box.text == "first\nthe report be noted"
        load(host, resolution="")
        await pilot.pause()
        host.editor.insert_part("the report be noted")
        await pilot.pause()
        assert box.text == "the report be noted"


async def test_the_confidential_banner_shows_only_when_given() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        banner = host.query_one("#minute-confidential", Static)
        load(host, confidential=BANNER)
        await pilot.pause()
        assert banner.display and banner.region.height > 0
        assert str(banner.render()) == BANNER
        load(host)
        await pilot.pause()
        assert not banner.display


async def test_standard_text_shows_only_when_given() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        standard = host.query_one("#minute-standard")
        load(host, narrative="", standard_text="No declarations of any interests were received.")
        await pilot.pause()
        assert standard.display
        shown = str(host.query_one("#minute-standard-text", Static).render())
        assert shown.startswith("Printed unless you write your own:")
        assert "No declarations of any interests were received." in shown
        load(host)
        await pilot.pause()
        assert not standard.display


async def test_clear_disables_the_boxes_and_the_keys() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        load(host)
        await pilot.pause()
        host.editor.clear("No item taken yet.")
        await pilot.pause()
        assert host.editor.minute_id == ""
        assert str(host.query_one("#minute-heading", Static).render()) == "No item taken yet."
        assert host.box("narrative").disabled and host.box("resolution").disabled
        host.editor.focus_narrative()
        await pilot.press("ctrl+r", "ctrl+t", "x")
        await pilot.pause()
        host.editor.insert_part("the report be noted")
        await pilot.pause()
        assert host.messages == []
        assert host.box("resolution").text == ""
        load(host)
        await pilot.pause()
        assert not host.box("narrative").disabled


async def test_an_edit_not_yet_reported_is_posted_under_the_old_minute_before_load() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        load(host, narrative="Old.")
        await pilot.pause()
        host.box("narrative").insert("!", (0, 4))
        host.editor.load("m-23", "23. NEXT", narrative="New.", resolution="", lead=ResolutionLead.RESOLVED)
        await pilot.pause()
        assert [(m.minute_id, m.narrative) for m in host.changes()] == [("m-22", "Old.!")]


def test_resolution_note() -> None:
    assert resolution_note("", ResolutionLead.RESOLVED).startswith("No resolution yet")
    assert resolution_note("That the report be noted.", ResolutionLead.RESOLVED) == (
        "1 part: RESOLVED: That the report be noted."
    )
    assert resolution_note("(1) a;\n\n(2) b; and\nc", ResolutionLead.RECOMMENDED) == (
        "3 parts: RECOMMENDED: That (1) a; (2) b; and (3) c."
    )


class ClearingHost(Host):
    def on_mount(self) -> None:
        self.editor.clear("Take an item first (ctrl+n).")


async def test_before_any_load_nothing_can_be_edited_and_a_clear_on_mount_stays() -> None:
    host = ClearingHost()
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert str(host.query_one("#minute-heading", Static).render()) == "Take an item first (ctrl+n)."
        assert host.box("narrative").disabled and host.box("resolution").disabled
        assert host.focused is None


async def test_the_hint_shows_beside_the_lead() -> None:
    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        load(host, hint="ctrl+r: a standard phrase")
        await pilot.pause()
        assert str(host.query_one("#minute-lead-help").render()) == "ctrl+r: a standard phrase"


def paste(host: Host, text: str) -> None:
    from textual import events

    event = events.Paste(text)
    event.set_sender(host)
    assert host._driver is not None
    host._driver.send_message(event)


async def test_a_paste_past_the_limit_is_refused_with_the_limit_and_the_box_kept() -> None:
    host = Host()
    async with host.run_test(size=SIZE, notifications=True) as pilot:
        load(host)
        host.editor.focus_narrative()
        await pilot.pause()
        paste(host, "The report was long " * 50_000)  # 1,000,000 characters
        await pilot.pause()
        assert host.box("narrative").text == "The Board considered the plans."
        assert host.changes() == []
        [note] = [n.message for n in host._notifications]
        assert "1.0 MB" in note and f"at most {MAX_BOX // 1000} KB" in note and "Paste only the part" in note


async def test_a_paste_within_the_limit_is_taken_and_posted() -> None:
    host = Host()
    async with host.run_test(size=SIZE, notifications=True) as pilot:
        load(host, narrative="")
        host.editor.focus_narrative()
        await pilot.pause()
        pasted = "Members asked about the waiting times.\n" * 2000  # 78 KB
        paste(host, pasted)
        await pilot.pause()
        assert host.box("narrative").text == pasted
        assert host.changes()[-1].narrative == pasted
        assert not host._notifications


def test_the_paste_limit_counts_what_the_paste_replaces() -> None:
    assert paste_refusal(90_000, 0, 20_000) is not None
    assert paste_refusal(90_000, 50_000, 20_000) is None  # it replaces a selection
    assert paste_refusal(200_000, 0, 10) is not None  # a box already past the limit takes no big paste
    assert paste_refusal(200_000, 20, 10) is None  # but a paste that shrinks it is fine


LONG_PART = (
    "the Better Care Fund plan for 2019/20, as set out in the report of the Head of Commissioning "
    "Support and Business Intelligence, be approved"
)


async def test_end_then_enter_starts_a_new_part_after_the_whole_of_a_wrapped_part() -> None:
    """End follows the logical line, not the screen line a long part wraps onto (issue 10, 5)."""
    host = Host()
    async with host.run_test(size=(80, 24)) as pilot:
        load(host, resolution=f"{LONG_PART}\nthe Chair be thanked")
        await pilot.pause()
        box = host.box("resolution")
        box.focus()
        assert box.wrapped_document.height > box.document.line_count, "the first part wraps"
        for key in ("ctrl+home", "end", "enter"):
            await pilot.press(key)
        await pilot.press(*"noted")
        await pilot.pause()
        assert box.text.splitlines() == [LONG_PART, "noted", "the Chair be thanked"]
        await pilot.press("up", "right", "right", "home")
        assert box.cursor_location == (0, 0)
        await pilot.press("shift+end")
        assert box.selected_text == LONG_PART
        await pilot.press("ctrl+end")
        assert box.cursor_location == (2, len("the Chair be thanked"))
        await pilot.press("ctrl+shift+home")
        assert box.selected_text == box.text
