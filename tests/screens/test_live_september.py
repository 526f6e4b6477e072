"""The meeting of 11 September 2019, minuted from scratch with key presses alone, prints
exactly as the Board's published minutes (`../shared/seeds/001_...`, minutes 11-22).

The clerk's script is the meeting as data (`tests/fixtures/hwb_2019_09_11.py`): who was
present, what was declared, what each minute says. Every bit of it reaches the app as
key presses; the expectation is the golden file normalised from the seed.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from textual.pilot import Pilot

from clerk_tui.app import ClerkApp
from clerk_tui.domain import EventKind, Meeting, MeetingStatus, Minute
from clerk_tui.domain.live import text_from_parts
from clerk_tui.domain.narrative import narrative_text
from clerk_tui.exporting import papers_for, print_paper
from clerk_tui.render import PrintOptions
from clerk_tui.screens import export as export_module
from clerk_tui.screens.live import LiveMeetingScreen
from store import Store
from tests.fixtures import hwb_2019, hwb_2019_06_12, hwb_2019_09_11
from tests.render.test_golden import MARKING
from tests.screens.conftest import SIZE, make_app, reopen, settle
from tests.screens.keys import tab_to, type_text

pytestmark = pytest.mark.slow  # a long journey: `-m 'not slow'` leaves it out of the edit loop

GOLDEN = Path(__file__).parent.parent / "golden" / "hwb-2019-09-11.minutes.txt"
SEPTEMBER = "hwb-2019-09-11"


def agenda_only(meeting: Meeting) -> Meeting:
    """The meeting as it stood when the agenda was published: nothing recorded yet."""
    bare = copy.deepcopy(meeting)
    bare.attendance, bare.declarations, bare.minutes = [], [], []
    bare.status = MeetingStatus.PUBLISHED
    return bare


def september_store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "store")
    for person in hwb_2019.people():
        store.save_person(person)
    store.save_committee(hwb_2019.committee())
    store.save_meeting(hwb_2019_06_12.meeting())
    store.save_meeting(agenda_only(hwb_2019_09_11.meeting()))
    return store


async def mark_attendance(app: ClerkApp, pilot: Pilot[None], script: Meeting, store: Store) -> None:
    marks = {e.person_id: e for e in script.attendance}
    order = [m.person_id for m in papers_for(store, script).members_in_order()]
    await pilot.press("ctrl+l")  # attendance mode: the letters mark people
    for person_id in order:
        event = marks.get(person_id)
        if event is not None:
            await pilot.press("p" if event.kind == EventKind.PRESENT else "a")
            if event.printed_name:
                await pilot.press("n")
                await type_text(pilot, event.printed_name)
                await pilot.press("enter")
        await pilot.press("down")
    await settle(app, pilot)


async def declare_interests(app: ClerkApp, pilot: Pilot[None], script: Meeting) -> None:
    """From the attendance list: highlight the member, f5, pick the item, say what it is."""
    declarable = [i.id for i in script.agenda if i.kind.value in {"substantive", "urgent-business"}]
    order = [m.person_id for m in papers_for(app.store, script).members_in_order()]
    for declaration in script.declarations:
        await pilot.press("ctrl+l")  # to the attendance list
        await pilot.press("ctrl+home", *["down"] * order.index(declaration.person_id), "f5")
        await pilot.press("enter", *["down"] * (declarable.index(declaration.item_id) + 1), "enter")
        await pilot.press("tab", "tab")  # past the kind (personal), to the nature
        await type_text(pilot, declaration.nature)
        await pilot.press("f2")
        await settle(app, pilot)


async def minute(app: ClerkApp, pilot: Pilot[None], script: Minute, item_title: str) -> None:
    """Type the narrative, then the resolution, then set how it prints where it departs from the rule."""
    if script.narrative:
        await type_text(pilot, narrative_text(script.narrative))
    resolution = script.resolution
    if resolution is not None:
        await pilot.press("tab")
        await type_text(pilot, text_from_parts(resolution))
    needs_options = script.title != item_title or (
        resolution is not None
        and (
            not resolution.print_lead
            or not resolution.opening
            or not resolution.final_full_stop
            or not resolution.and_before_last
        )
    )
    if needs_options:
        await pilot.press("ctrl+o")
        if script.title != item_title:
            await pilot.press("end")
            await type_text(pilot, script.title[len(item_title) :])
        await pilot.press("tab", "tab")  # past the heading and the lead
        if resolution is not None:
            for wanted in (
                resolution.print_lead,
                bool(resolution.opening),
                resolution.and_before_last,
                resolution.final_full_stop,
            ):
                await pilot.press("tab" if wanted else "space")
                if not wanted:
                    await pilot.press("tab")
        await pilot.press("f2")
    await settle(app, pilot)


async def test_the_september_meeting_minuted_by_keys_prints_as_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_module, "export_folder", lambda: tmp_path / "exports")
    exported = tmp_path / "september-minutes.txt"
    script = hwb_2019_09_11.meeting()
    store = september_store(tmp_path)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "enter")  # the September meeting's agenda
        await settle(app, pilot)
        await pilot.press("m")  # take minutes
        await settle(app, pilot)
        await pilot.press("y")  # "This meeting was on Wed 11 Sep 2019, ...: take it live now?"
        await settle(app, pilot)
        assert isinstance(app.screen, LiveMeetingScreen)

        await mark_attendance(app, pilot, script, store)
        titles = {item.id: item.title for item in script.agenda}
        for index, scripted in enumerate(script.minutes):
            await pilot.press("ctrl+n")  # take the next item
            await settle(app, pilot)
            screen = app.screen
            assert isinstance(screen, LiveMeetingScreen), f"minute {index + 11}: {screen}"
            assert screen.current_item == scripted.item_id
            if scripted.kind.value == "declarations":
                await declare_interests(app, pilot, script)
                screen.editor.focus_narrative()
            await minute(app, pilot, scripted, titles[scripted.item_id or ""])
        await pilot.press("f8")  # minutes drafted
        await settle(app, pilot)
        await pilot.press("f12")  # export, one paragraph per line, as pasted into a word processor
        await settle(app, pilot)
        await tab_to(pilot, "export-width")
        await pilot.press("ctrl+a", "ctrl+k", "0")
        await tab_to(pilot, "export-path")
        await type_text(pilot, str(exported))
        await pilot.press("f2")
        await settle(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()

    with reopen(store) as after:
        minuted = after.meeting(SEPTEMBER)
        printed = print_paper(after, "minutes", SEPTEMBER, PrintOptions(width=0))
    assert minuted.status == MeetingStatus.MINUTES_DRAFTED
    confidential = f"{MARKING}\n\n" + GOLDEN.read_text(encoding="utf-8")  # tests/golden/README.md
    assert printed.text == confidential
    assert exported.read_text(encoding="utf-8") == confidential
    store.close()
