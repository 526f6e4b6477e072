"""The minutes' record from the meetings screen, by key, palette and button: the June 2019
minutes are circulated, confirmed by the September meeting and signed, each step asked
first in a sentence; the reopened store holds the record, signed minutes are locked in the
app, and printing sends the PDF to lp (or says there is no printer)."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static, TextArea

from clerk_tui.app import ClerkApp
from clerk_tui.domain.summary import RecordState
from clerk_tui.screens.confirm import ConfirmScreen
from clerk_tui.screens.meetings import MeetingsScreen
from clerk_tui.screens.minutes_record import MinutesRecordScreen
from store import Store
from tests.fixtures import hwb_2019, hwb_2019_06_12, hwb_2019_09_11
from tests.screens.conftest import FROZEN, SIZE, make_app, reopen, settle
from tests.screens.keys import type_text

JUNE, SEPTEMBER = "hwb-2019-06-12", "hwb-2019-09-11"


@pytest.fixture
def golden(store: Store) -> Store:
    """The golden HWB 2019/20 meetings: September minutes June's confirmation."""
    for person in hwb_2019.people():
        store.save_person(person)
    store.save_committee(hwb_2019.committee())
    store.save_meeting(hwb_2019_06_12.meeting())
    store.save_meeting(hwb_2019_09_11.meeting())
    return store


async def finish(app: ClerkApp, pilot: Pilot[None]) -> None:
    await settle(app, pilot)
    await app.workers.wait_for_complete()
    await pilot.pause()


def question(app: ClerkApp) -> str:
    screen = app.screen
    assert isinstance(screen, ConfirmScreen), type(screen)
    return screen.question


def told(app: ClerkApp) -> list[str]:
    return [n.message for n in app._notifications]


def record_screen(app: ClerkApp) -> MinutesRecordScreen:
    screen = app.screen
    assert isinstance(screen, MinutesRecordScreen), type(screen)
    return screen


def history(app: ClerkApp) -> str:
    return str(record_screen(app).query_one("#record-history", Static).render())


async def test_circulate_confirm_and_sign_june_then_it_is_locked(golden: Store) -> None:
    demo_store = golden
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")  # June is highlighted first
        await finish(app, pilot)
        assert record_screen(app).meeting_id == JUNE
        assert "Not yet circulated." in history(app)

        await pilot.press("f2")  # circulate, by its key
        await pilot.pause()
        assert question(app) == (
            "Circulate the minutes of the meeting held on Wednesday 12 June 2019 to the Chair as revision 1, "
            "dated Monday 23 November 2026? Their text is frozen as it prints now; a circulated revision is "
            "never changed or removed."
        )
        await pilot.press("n")  # asked, and declined: nothing happens
        await finish(app, pilot)
        assert reopen(demo_store).meeting(JUNE).record.state == RecordState.DRAFT
        await pilot.press("f2", "y")
        await finish(app, pilot)
        assert "Revision 1 circulated to the Chair on Monday 23 November 2026" in history(app)

        await pilot.click("#record-amendments")  # confirm, by its button, with an amendment
        await type_text(pilot, "in Minute No. 5, Chief Executive to read Executive Director")
        await pilot.click("#confirm")
        await pilot.pause()
        assert question(app) == (
            "Record that the meeting of Wednesday 11 September 2019 confirmed the minutes of the meeting "
            "held on Wednesday 12 June 2019 as a correct record? Its minute on the minutes of the previous "
            "meeting will read: “The Minutes of the meeting held on 12 June, 2019 be confirmed as a correct "
            "record, subject to the following amendment: in Minute No. 5, Chief Executive to read Executive "
            "Director.”"
        )
        await pilot.press("y")
        await finish(app, pilot)
        assert "by the meeting of Wednesday 11 September 2019" in history(app)

        await pilot.press("ctrl+p")  # sign, by the palette
        await pilot.pause()
        await pilot.press(*"Minutes record: Sign")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert question(app).startswith(
            "Councillor Moncur signs the minutes of the meeting held on Wednesday 12 June 2019 as a correct "
            "record, dated Wednesday 11 September 2019. They are then locked for ever"
        )
        await pilot.press("y")
        await finish(app, pilot)
        screen = record_screen(app)
        assert "Signed by Councillor Moncur on Wednesday 11 September 2019" in history(app)
        for button in ("circulate", "confirm", "sign", "withdraw"):
            assert screen.query_one(f"#{button}", Button).disabled
        assert screen.query_one("#record-sent-to", Input).disabled
        assert screen.query_one("#record-amendments", TextArea).disabled
        assert not screen.query_one("#print", Button).disabled
        signed = reopen(demo_store).meeting(JUNE)
        await pilot.press("f2")  # dimmed: nothing is asked, nothing changes
        await pilot.pause()
        assert isinstance(app.screen, MinutesRecordScreen)

        await pilot.press("escape")  # back on the meetings screen, enter opens the record, not the agenda
        await finish(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
        assert app.screen.table.get_row(JUNE)[3] == "minutes signed"
        await pilot.press("enter")
        await finish(app, pilot)
        assert record_screen(app).meeting_id == JUNE
        assert any("signed and locked" in message for message in told(app))
    with reopen(demo_store) as store:
        june = store.meeting(JUNE)
        assert june == signed
        assert june.record.state == RecordState.SIGNED
        assert [(r.number, r.sent_to, r.circulated_on) for r in june.record.revisions] == [
            (1, "the Chair", FROZEN.date())
        ]
        confirmation = june.record.confirmation
        assert confirmation is not None and confirmation.meeting_id == SEPTEMBER
        assert confirmation.amendments == ["in Minute No. 5, Chief Executive to read Executive Director"]
        signature = june.record.signature
        assert signature is not None
        assert (signature.chair_name, signature.signed_on) == ("Councillor Moncur", date(2019, 9, 11))
        september = store.meeting(SEPTEMBER)
        assert any(
            m.resolution is not None and "subject to the following amendment" in m.resolution.parts[0]
            for m in september.minutes
        )


async def test_a_step_out_of_order_is_refused_saying_why_and_a_confirmation_can_be_withdrawn(
    golden: Store,
) -> None:
    demo_store = golden
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await finish(app, pilot)
        await pilot.press("f4")  # sign before confirmation: told, nothing asked
        await pilot.pause()
        assert isinstance(app.screen, MinutesRecordScreen)
        assert any("record the confirmation first" in message for message in told(app))
        await pilot.press("f3", "y")  # confirm before circulation: the domain says why
        await finish(app, pilot)
        assert any("have not been circulated" in message for message in told(app))
        assert reopen(demo_store).meeting(JUNE).record.state == RecordState.DRAFT
        await pilot.press("f2", "y")
        await finish(app, pilot)
        await pilot.press("f3", "y")
        await finish(app, pilot)
        assert reopen(demo_store).meeting(JUNE).record.state == RecordState.CONFIRMED
        await pilot.press("f5")
        await pilot.pause()
        assert question(app).startswith("Withdraw the confirmation of the minutes of Wednesday 12 June 2019")
        await pilot.press("y")
        await finish(app, pilot)
        assert reopen(demo_store).meeting(JUNE).record.state == RecordState.CIRCULATED
        await pilot.press("escape", "down", "r")  # September: no later meeting confirms it yet
        await finish(app, pilot)
        assert record_screen(app).meeting_id == SEPTEMBER
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, MinutesRecordScreen)  # nothing asked
        assert any("there is none yet: create it first" in message for message in told(app))


async def test_a_confirming_meeting_without_its_minute_is_refused_and_nothing_changes(
    demo_store: Store,
) -> None:
    """The demo's September meeting has not minuted June's minutes yet."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r", "f2", "y")
        await finish(app, pilot)
        before = reopen(demo_store).meeting(SEPTEMBER)
        await pilot.press("f3", "y")
        await finish(app, pilot)
        assert any("has no minute on the minutes of the previous meeting yet" in m for m in told(app))
    with reopen(demo_store) as store:
        assert store.meeting(JUNE).record.state == RecordState.CIRCULATED
        assert store.meeting(SEPTEMBER) == before


CAT = shutil.which("cat")


def fake_lp(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    lp = folder / "lp"
    cat = CAT
    lp.write_text(f'#!/bin/sh\n{cat} > "{folder}/printed.pdf"\necho "request id is Office-7 (1 file(s))"\n')
    lp.chmod(0o755)
    return lp


async def test_print_sends_the_pdf_to_lp_and_says_when_there_is_no_printer(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "no-printer"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "r")  # September, with exempt business
        await finish(app, pilot)
        await pilot.press("f8")
        await pilot.pause()
        assert question(app) == (
            "Send the full copy of the minutes of Wednesday 11 September 2019 to the printer, as their PDF?"
        )
        await pilot.press("y")
        await finish(app, pilot)
        assert any("no printer command on this computer" in message for message in told(app))
        assert not (tmp_path / "bin" / "printed.pdf").exists()
        monkeypatch.setenv("PATH", str(tmp_path / "bin") + os.pathsep + str(empty))
        fake_lp(tmp_path / "bin")
        await pilot.click("#record-public")
        await pilot.click("#print")
        await pilot.pause()
        assert question(app).startswith("Send the public copy of the minutes")
        await pilot.press("y")
        await finish(app, pilot)
        assert any("went to the printer: request id is Office-7" in message for message in told(app))
    printed = (tmp_path / "bin" / "printed.pdf").read_bytes()
    assert printed.startswith(b"%PDF-")
    from tests.render.readback import pdf_pages

    assert "PUBLIC COPY" in "\n".join(pdf_pages(printed))
