"""The live meeting can be trusted (issue 10): typing never changes the record, and every
live action is undone and redone by keys, checked in the reopened store, across a restart."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import time
from pathlib import Path

import pytest
from textual.pilot import Pilot

from clerk_tui.app import ClerkApp
from clerk_tui.domain import EventKind, ItemKind, Meeting, MeetingStatus, MinuteStatus
from clerk_tui.domain.live import mark, take_item
from clerk_tui.screens.confirm import ConfirmScreen
from clerk_tui.screens.live import LiveMeetingScreen
from store import Store
from tests.fixtures import hwb_2019, hwb_2019_09_11
from tests.screens.conftest import SIZE, make_app, reopen, settle
from tests.screens.keys import tab_to, type_text

SEPTEMBER = "hwb-2019-09-11"
FIRST = 11
"""The September minutes are numbered from 11 (the June meeting is not in this store)."""


def live_september(*, taken: bool) -> Meeting:
    """The September meeting live: the roll call made, the first item taken (or not)."""
    meeting = copy.deepcopy(hwb_2019_09_11.meeting())
    meeting.attendance, meeting.declarations, meeting.minutes = [], [], []
    meeting.status = MeetingStatus.HELD
    meeting.first_minute_number = FIRST
    for person in ("ian-moncur", "paul-cummins", "john-joseph-kelly"):
        mark(meeting, person, EventKind.PRESENT, current_item=None, at=time(14, 0))
    mark(meeting, "matt-ashton", EventKind.APOLOGIES, current_item=None)
    if taken:
        take_item(meeting, "item-4")
    meeting.history.clear()
    return meeting


def make_store(root: Path, meeting: Meeting) -> Store:
    store = Store.open(root)
    for person in hwb_2019.people():
        store.save_person(person)
    store.save_committee(hwb_2019.committee())
    store.save_meeting(meeting)
    return store


@pytest.fixture
def taken(tmp_path: Path) -> Iterator[Store]:
    store = make_store(tmp_path / "store", live_september(taken=True))
    yield store
    store.close()


async def open_live(app: ClerkApp, pilot: Pilot[None], store: Store) -> LiveMeetingScreen:
    await settle(app, pilot)
    app.push_screen(LiveMeetingScreen(store.meeting(SEPTEMBER)))
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, LiveMeetingScreen)
    return screen


def record_of(store: Store) -> tuple[object, ...]:
    """What typing must never change: attendance, declarations, chair, minutes and their numbers."""
    with reopen(store) as fresh:
        meeting = fresh.meeting(SEPTEMBER)
    return (
        [(e.person_id, e.kind, e.item_id, e.at) for e in meeting.attendance],
        meeting.declarations,
        meeting.chair_id,
        meeting.status,
        [(m.id, m.item_id, m.status, m.kind) for m in meeting.minutes],
        meeting.minute_numbers(FIRST),
    )


def stored(store: Store) -> Meeting:
    with reopen(store) as fresh:
        return fresh.meeting(SEPTEMBER)


PROSE = (
    "A paper was presented by the Chair and discussed at length; members asked about "
    "apologies, absences, substitutes, officers and the date of the next meeting. "
    "Councillor Moncur replied that the report would come back in March"
)
ORDERS = [
    ["tab"],
    ["enter"],
    ["tab", "enter"],
    ["enter", "tab"],
    ["tab", "tab"],
    ["enter", "enter"],
    ["shift+tab", "enter"],
    ["tab", "enter", "tab"],
    ["enter", "tab", "enter"],
    ["shift+tab", "tab", "shift+tab"],
]
"""Tab and Enter in every order a typist's fingers slip into (and back with shift+tab)."""


async def test_typing_prose_with_tabs_and_enters_never_changes_the_record(taken: Store) -> None:
    before = record_of(taken)
    app = make_app(taken)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_live(app, pilot, taken)
        assert app.focused is not None and app.focused.id == "minute-narrative", "opens on the minute"
        words = PROSE.split(" ")
        for order in ORDERS:
            for key in order:
                await type_text(pilot, " ".join(words[:6]) + " A c p x")  # letters that mark, in attendance
                await pilot.press(key)
                assert not screen.attendance.in_mode
                focused = app.focused
                assert focused is not None and focused.id in {"minute-narrative", "minute-resolution"}
            words = words[6:] + words[:6]
        await type_text(pilot, PROSE)
        await settle(app, pilot)
        await pilot.pause(0.5)  # the pause after which typing is saved
        await settle(app, pilot)
    assert record_of(taken) == before
    minute = next(m for m in stored(taken).minutes if m.item_id == "item-4")
    typed = " ".join(p.text for p in minute.narrative) + " ".join(
        minute.resolution.parts if minute.resolution else []
    )
    assert "Councillor Moncur replied" in typed and "A c p x" in typed, "the typing reached the minute"


async def test_before_any_item_typing_goes_nowhere(tmp_path: Path) -> None:
    store = make_store(tmp_path / "store", live_september(taken=False))
    before = record_of(store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_live(app, pilot, store)
        assert app.focused is None, "nothing to write yet: no list has the focus"
        for order in ORDERS:
            await type_text(pilot, "Apologies A p a x c")
            for key in order:
                await pilot.press(key)
        await settle(app, pilot)
        assert not screen.attendance.in_mode
    assert record_of(store) == before
    store.close()


async def test_attendance_keys_work_only_in_the_mode_entered_by_ctrl_l(taken: Store) -> None:
    app = make_app(taken)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_live(app, pilot, taken)
        mode_line = screen.attendance.query_one("#attendance-mode")
        assert "ctrl+l" in str(mode_line.render())
        await pilot.press("ctrl+l")
        assert screen.attendance.in_mode
        assert "ATTENDANCE MODE" in str(mode_line.render())
        screen.attendance.move_to("fiona-taylor")
        await pilot.press("a")
        await settle(app, pilot)
        await pilot.press("escape")  # back to the minute, not off the screen
        assert isinstance(app.screen, LiveMeetingScreen) and not screen.attendance.in_mode
        assert app.focused is not None and app.focused.id == "minute-narrative"
    kinds = {e.person_id: e.kind for e in stored(taken).attendance}
    assert kinds["fiona-taylor"] == EventKind.APOLOGIES


# --- undo and redo of every live action ---------------------------------------------
async def into_mode(pilot: Pilot[None], screen: LiveMeetingScreen, person_id: str | None = None) -> None:
    if not screen.attendance.in_mode:
        await pilot.press("ctrl+l")
    if person_id is not None:
        assert screen.attendance.move_to(person_id)


async def undo_then_redo(
    app: ClerkApp,
    pilot: Pilot[None],
    store: Store,
    screen: LiveMeetingScreen,
    done: Meeting,
    door: str = "key",
) -> tuple[Meeting, Meeting]:
    """Undo by ``door`` (ctrl+z in attendance mode, the button, the palette entry), then
    redo by ctrl+y; the store as it stood after each."""
    await settle(app, pilot)
    if door == "button":
        await pilot.click("#live-undo")
    elif door == "palette":
        entry = next(e for e in screen.palette_targets() if e.title.startswith("Undo: "))
        entry.run()
    else:
        await into_mode(pilot, screen)
        await pilot.press("ctrl+z")
    await settle(app, pilot)
    line = str(screen.query_one("#live-history-line").render())
    assert line.startswith("Undone: "), line
    undone = stored(store)
    assert undone.history.redo, "the undone step can be redone"
    await into_mode(pilot, screen)
    await pilot.press("ctrl+y")
    await settle(app, pilot)
    assert str(screen.query_one("#live-history-line").render()).startswith("Redone: ")
    redone = stored(store)
    assert record_view(redone) == record_view(done), "redo puts back exactly what was done"
    return undone, redone


def record_view(meeting: Meeting) -> tuple[object, ...]:
    return (
        [(e.person_id, e.kind, e.item_id, e.at, e.printed_name) for e in meeting.attendance],
        [(d.person_id, d.item_id) for d in meeting.declarations],
        meeting.chair_id,
        meeting.status,
        [(m.item_id, m.status, m.kind, m.title) for m in meeting.minutes],
    )


async def answer_yes(app: ClerkApp, pilot: Pilot[None]) -> None:
    await settle(app, pilot)
    assert isinstance(app.screen, ConfirmScreen), app.screen
    await pilot.press("y")
    await settle(app, pilot)


@pytest.mark.slow
async def test_every_live_action_is_undone_and_redone_by_keys(taken: Store) -> None:
    app = make_app(taken)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_live(app, pilot, taken)

        # A mark.
        await into_mode(pilot, screen, "fiona-taylor")
        await pilot.press("a")
        await settle(app, pilot)
        done = stored(taken)
        undone, _ = await undo_then_redo(app, pilot, taken, screen, done)
        assert "fiona-taylor" not in {e.person_id for e in undone.attendance}

        # All present.
        await pilot.press("A")
        await settle(app, pilot)
        done = stored(taken)
        assert EventKind.PRESENT in {e.kind for e in done.attendance if e.person_id == "dwayne-johnson"}
        undone, _ = await undo_then_redo(app, pilot, taken, screen, done, door="button")
        assert "dwayne-johnson" not in {e.person_id for e in undone.attendance}

        # Taking an item: its minute and number go, and come back.
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        done = stored(taken)
        assert [m.item_id for m in done.minutes] == ["item-4", "item-5"]
        undone, _ = await undo_then_redo(app, pilot, taken, screen, done, door="palette")
        assert [m.item_id for m in undone.minutes] == ["item-4"]

        # Deferring.
        await pilot.press("f3")
        await settle(app, pilot)
        done = stored(taken)
        assert next(m for m in done.minutes if m.item_id == "item-5").status == MinuteStatus.DEFERRED
        undone, _ = await undo_then_redo(app, pilot, taken, screen, done)
        assert next(m for m in undone.minutes if m.item_id == "item-5").status == MinuteStatus.MINUTED

        # Electing a chair: asked once, in a sentence; undone, the minute and the chair go.
        await into_mode(pilot, screen, "paul-cummins")
        await pilot.press("c")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "moves up one number" in app.screen.question
        await answer_yes(app, pilot)
        done = stored(taken)
        assert done.chair_id == "paul-cummins" and done.minutes[0].kind == ItemKind.ELECTION_OF_CHAIR
        undone, _ = await undo_then_redo(app, pilot, taken, screen, done)
        assert undone.chair_id is None
        assert ItemKind.ELECTION_OF_CHAIR not in {m.kind for m in undone.minutes}

        # A declaration (f5: the item, its kind, what it is).
        await into_mode(pilot, screen, "john-joseph-kelly")
        await pilot.press("i")  # the item under way is the one declared on
        await settle(app, pilot)
        await tab_to(pilot, "declaration-nature-input")
        await type_text(pilot, "his wife works for the provider")
        await pilot.press("f2")
        await settle(app, pilot)
        done = stored(taken)
        assert [d.person_id for d in done.declarations] == ["john-joseph-kelly"]
        undone, _ = await undo_then_redo(app, pilot, taken, screen, done)
        assert undone.declarations == []

        # The printed name.
        await into_mode(pilot, screen, "ian-moncur")
        await pilot.press("n")
        await type_text(pilot, "Moncur")
        await pilot.press("enter")
        await settle(app, pilot)
        done = stored(taken)
        assert {e.printed_name for e in done.attendance if e.person_id == "ian-moncur"} == {"Moncur"}
        undone, _ = await undo_then_redo(app, pilot, taken, screen, done)
        assert {e.printed_name for e in undone.attendance if e.person_id == "ian-moncur"} == {""}

        # The time of a mark, corrected.
        await into_mode(pilot, screen, "paul-cummins")
        await pilot.press("t", "ctrl+a", "ctrl+k")
        await type_text(pilot, "14:05")
        await pilot.press("f2")
        await settle(app, pilot)
        done = stored(taken)
        assert [e.at for e in done.attendance if e.person_id == "paul-cummins"] == [time(14, 5)]
        undone, _ = await undo_then_redo(app, pilot, taken, screen, done)
        assert [e.at for e in undone.attendance if e.person_id == "paul-cummins"] == [time(14, 0)]

        # Minute options: the heading.
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        await pilot.press("end")
        await type_text(pilot, " (Update)")
        await pilot.press("f2")
        await settle(app, pilot)
        done = stored(taken)
        assert next(m for m in done.minutes if m.item_id == "item-5").title.endswith("(Update)")
        undone, _ = await undo_then_redo(app, pilot, taken, screen, done)
        assert not next(m for m in undone.minutes if m.item_id == "item-5").title.endswith("(Update)")

        # Minutes drafted, undone: the meeting is live again.
        await pilot.press("f8")
        await settle(app, pilot)
        done = stored(taken)
        assert done.status == MeetingStatus.MINUTES_DRAFTED
        undone, _ = await undo_then_redo(app, pilot, taken, screen, done)
        assert undone.status == MeetingStatus.HELD


async def test_undo_survives_a_restart(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = make_store(root, live_september(taken=True))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_live(app, pilot, store)
        await into_mode(pilot, screen, "fiona-taylor")
        await pilot.press("x")
        await settle(app, pilot)
    store.close()
    assert "fiona-taylor" in {
        e.person_id for e in Store.open(root, read_only=True).meeting(SEPTEMBER).attendance
    }

    again = Store.open(root)  # a new process: the history came with the meeting
    app = make_app(again)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_live(app, pilot, again)
        assert str(screen.query_one("#live-undo").tooltip).startswith("Undo: Fiona Taylor marked absent")
        await into_mode(pilot, screen)
        await pilot.press("ctrl+z")
        await settle(app, pilot)
    assert "fiona-taylor" not in {e.person_id for e in stored(again).attendance}
    again.close()


async def test_a_mark_before_the_business_replaces_the_one_before(tmp_path: Path) -> None:
    """Present, then apologies, just works (issue 10, 4): one record, not a refusal."""
    store = make_store(tmp_path / "store", live_september(taken=False))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_live(app, pilot, store)
        await into_mode(pilot, screen, "paul-cummins")
        await pilot.press("a")
        await settle(app, pilot)
        row = next(r for r in screen.attendance._rows if r.person_id == "paul-cummins")
        assert row.presence == "apologies"
    assert [e.kind for e in stored(store).attendance if e.person_id == "paul-cummins"] == [
        EventKind.APOLOGIES
    ]
    store.close()


async def test_taking_the_meeting_live_asks_once_and_no_leaves_it_as_it_was(tmp_path: Path) -> None:
    published = live_september(taken=False)
    published.status = MeetingStatus.PUBLISHED
    published.attendance = []
    store = make_store(tmp_path / "store", published)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.push_screen(LiveMeetingScreen(store.meeting(SEPTEMBER)))
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "This meeting was on Wed 11 Sep 2019, 2630 days ago: take it live now?"
        await pilot.press("n")
        await settle(app, pilot)
        assert not isinstance(app.screen, LiveMeetingScreen | ConfirmScreen)
    assert stored(store).status == MeetingStatus.PUBLISHED
    store.close()


async def test_corrections_later_than_an_undo_reaches_are_in_the_palette(taken: Store) -> None:
    """A first mark wrong from the start, and a chair elected by mistake, corrected after
    other steps were done."""
    app = make_app(taken)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_live(app, pilot, taken)
        await into_mode(pilot, screen, "paul-cummins")
        await pilot.press("a")  # the business has begun: refused, saying how to correct it
        await settle(app, pilot)
        entry = next(e for e in screen.palette_targets() if e.title.endswith("Paul Cummins: apologies"))
        entry.run()
        await settle(app, pilot)
        await pilot.press("c")
        await answer_yes(app, pilot)
        await pilot.press("ctrl+n")  # another step after the election
        await settle(app, pilot)
        entry = next(e for e in screen.palette_targets() if e.title == "Remove the election of Chair")
        entry.run()
        await settle(app, pilot)
    meeting = stored(taken)
    assert [e.kind for e in meeting.attendance if e.person_id == "paul-cummins"] == [EventKind.APOLOGIES]
    assert meeting.chair_id is None
    assert ItemKind.ELECTION_OF_CHAIR not in {m.kind for m in meeting.minutes}
