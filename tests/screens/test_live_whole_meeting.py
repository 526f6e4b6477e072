"""A whole meeting on the live screen, by keys: attendance with apologies and a late
arrival, a declaration with withdrawal (off the timeline and back), items with single and
multi-part resolutions, the exclusion of press and public, an exempt item, the date of
the next meeting, and the export through the dialog, compared with the expected file."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from textual.pilot import Pilot

from clerk_tui.app import ClerkApp
from clerk_tui.domain import EventKind, MeetingStatus
from clerk_tui.domain.attendance import present_for_items
from clerk_tui.exporting import papers_for
from clerk_tui.screens import export as export_module
from clerk_tui.screens.live import LiveMeetingScreen
from store import Store
from tests.fixtures import os_2023
from tests.screens.conftest import SIZE, make_app, reopen, settle
from tests.screens.keys import tab_to, type_text

pytestmark = pytest.mark.slow  # a long journey: `-m 'not slow'` leaves it out of the edit loop

EXPECTED = Path(__file__).parent.parent / "golden" / "os-asch-2023-10-17.live.minutes.txt"
MEETING = "os-asch-2023-10-17"


@pytest.fixture
def scrutiny(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "store")
    for person in os_2023.people():
        store.save_person(person)
    store.save_committee(os_2023.committee())
    agenda_only = copy.deepcopy(os_2023.meeting())
    agenda_only.attendance, agenda_only.minutes, agenda_only.declarations = [], [], []
    agenda_only.status = MeetingStatus.PUBLISHED
    store.save_meeting(agenda_only)
    return store


async def go_to(pilot: Pilot[None], store: Store, person_id: str) -> None:
    """Highlight a person in the attendance list (ctrl+l gets there; rows in house order)."""
    meeting = store.meeting(MEETING)
    order = [m.person_id for m in papers_for(store, meeting).members_in_order()]
    await pilot.press("ctrl+l")
    if not pilot.app.screen.query_one("#live-attendance").has_focus_within:
        await pilot.press("ctrl+l")
    await pilot.press("ctrl+home", *["down"] * order.index(person_id))


async def next_item(app: ClerkApp, pilot: Pilot[None]) -> LiveMeetingScreen:
    await pilot.press("ctrl+n")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, LiveMeetingScreen)
    return screen


async def test_a_whole_meeting_by_keys_exports_the_expected_minutes(
    scrutiny: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_module, "export_folder", lambda: tmp_path / "exports")
    target = tmp_path / "minutes.txt"
    app = make_app(scrutiny)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "m")  # the meeting's agenda, then take minutes
        await settle(app, pilot)
        await pilot.press("y")  # take it live
        await settle(app, pilot)
        assert isinstance(app.screen, LiveMeetingScreen)

        # Apologies first, then everyone else present but Councillor Hart, who is late.
        for person in ("tony-brough", "laura-lunn-bates", "diane-blair", "brian-clark"):
            await go_to(pilot, scrutiny, person)
            await pilot.press("a")
        await go_to(pilot, scrutiny, "phil-hart")
        await pilot.press("x")  # absent for now
        await pilot.press("A")  # all the rest present
        await settle(app, pilot)
        await pilot.press("o")  # also present: the Cabinet Members
        await type_text(pilot, "Paul Cummins")
        await tab_to(pilot, "attendee-capacity-input")
        await type_text(pilot, "Cabinet Member – Adult Social Care")
        await pilot.press("f2")
        await settle(app, pilot)

        await next_item(app, pilot)  # 24 apologies: printed from the marks
        await next_item(app, pilot)  # 25 declarations
        await go_to(pilot, scrutiny, "dave-robinson")
        await pilot.press("i")  # Councillor Robinson declares a pecuniary interest in item 8
        await pilot.press("enter", *["down"] * 4, "enter")  # the item: Care Home Contract Award (4th report)
        await pilot.press("tab", "enter", "up", "enter")  # kind: disclosable pecuniary
        await tab_to(pilot, "declaration-nature-input")
        await type_text(pilot, "his wife is a director of a bidder")
        await pilot.press("f2")  # withdrew is the default for a pecuniary interest
        await settle(app, pilot)

        screen = await next_item(app, pilot)  # 26 minutes of the previous meeting
        await pilot.press("tab")
        await type_text(
            pilot, "the Minutes of the meeting held on 5 September 2023, be confirmed as a correct record"
        )

        screen = await next_item(app, pilot)  # 27 Melling Surgery: Councillor Hart arrives
        await go_to(pilot, scrutiny, "phil-hart")
        await pilot.press("r")
        screen.editor.focus_narrative()
        await type_text(
            pilot, "The Committee considered the report of the Sefton Place Director on the surgery."
        )
        await pilot.press("tab")
        await type_text(pilot, "the report be noted\nthe Director be requested to report back in March")

        await next_item(app, pilot)  # 28 the presentation
        await pilot.press("tab", "ctrl+r")
        await type_text(pilot, "presentation")
        await pilot.press("enter")

        await next_item(app, pilot)  # Cabinet Member Reports
        await pilot.press("f3")  # deferred: it takes no number and leaves no gap

        await next_item(app, pilot)  # 29 exclusion of press and public: the statutory wording
        screen = await next_item(app, pilot)  # 30 the exempt item
        assert "CONFIDENTIAL" in str(screen.editor.query_one("#minute-confidential").render())
        await type_text(pilot, "The Committee considered the exempt report on the contract award.")
        await pilot.press("tab")
        await type_text(pilot, "the recommendation in the report be approved")

        await next_item(app, pilot)  # 31 date of next meeting
        await pilot.press("tab")
        await type_text(
            pilot,
            "the next meeting of the Committee be held on Tuesday, 23 January 2024, at the "
            "Town Hall, Southport, commencing at 6.30 p.m.",
        )
        await pilot.press("f8")  # minutes drafted
        await settle(app, pilot)

        await pilot.press("f12")  # export the minutes
        await settle(app, pilot)
        await tab_to(pilot, "export-width")
        await pilot.press("ctrl+a", "ctrl+k", "0")
        await tab_to(pilot, "export-path")
        await type_text(pilot, str(target))
        await pilot.press("f2")
        await settle(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()

    with reopen(scrutiny) as store:
        meeting = store.meeting(MEETING)
    presence = present_for_items(meeting.attendance, meeting.agenda_ids())
    assert "phil-hart" not in presence["item-3"] and "phil-hart" in presence["item-4"]  # arrived at 27
    assert "dave-robinson" not in presence["item-8"] and "dave-robinson" in presence["item-9"]  # withdrew
    withdrawals = [e for e in meeting.attendance if e.kind == EventKind.WITHDREW]
    assert [(e.person_id, e.item_id) for e in withdrawals] == [("dave-robinson", "item-8")]
    assert meeting.status == MeetingStatus.MINUTES_DRAFTED
    assert target.read_text(encoding="utf-8") == EXPECTED.read_text(encoding="utf-8")
