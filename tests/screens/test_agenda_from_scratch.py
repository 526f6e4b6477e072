"""From an empty store to a published front sheet, with key presses alone: a committee
with its members, a meeting, a full agenda of ten items (one exempt), and the export,
which must equal the expected file word for word."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from clerk_tui.app import ClerkApp
from clerk_tui.screens import export as export_module
from clerk_tui.screens.agenda import AgendaScreen
from clerk_tui.screens.meetings import MeetingsScreen
from store import Store
from tests.screens.conftest import SIZE, make_app, reopen, settle
from tests.screens.keys import tab_to, type_text

pytestmark = pytest.mark.slow  # a long journey: `-m 'not slow'` leaves it out of the edit loop

EXPECTED = Path(__file__).parent.parent / "golden" / "agc-2027-01-19.agenda.txt"
KINDS = [
    "substantive",
    "apologies",
    "declarations",
    "previous-minutes",
    "exclusion",
    "urgent-business",
    "next-meeting",
]


async def committee_with_members(app: ClerkApp, pilot: Pilot[None]) -> None:
    await pilot.press("c", "n")  # committees, new committee
    await type_text(pilot, "Audit and Governance Committee")
    for field, text in [
        ("committee-quorum-input", "3"),
        ("committee-start-time-input", "6.30 pm"),
        ("venue-room-input", "Birkdale Room"),
        ("venue-building-input", "Southport Town Hall"),
        ("venue-address-input", "Lord Street, Southport, PR8 1DA"),
        ("officer-name-input", "Laura Bootland"),
        ("officer-job-title-input", "Senior Democratic Services Officer"),
        ("officer-telephone-input", "0151 934 2078"),
        ("officer-email-input", "Laura.bootland@sefton.gov.uk"),
    ]:
        await tab_to(pilot, field)
        await type_text(pilot, text)
    await pilot.press("f2")  # apply
    await settle(app, pilot)
    await pilot.press("f4", "p")  # members tab, paste members as printed
    await type_text(
        pilot,
        "Cllr. Carla Thomas (Chair)\nCllr. Greg Myers (Vice-Chair)\nCllr. Phil Hart\n"
        "Cllr. Linda Cluskey\nMs Diane Blair, Healthwatch Sefton",
    )
    await pilot.press("f2")
    await settle(app, pilot)
    await pilot.press("p", "f3")  # paste again, these are substitutes
    await type_text(pilot, "Cllr. Carol Richards")
    await pilot.press("f2")
    await settle(app, pilot)
    await pilot.press("escape", "escape")  # back to the committees, back to the meetings
    await settle(app, pilot)


async def add_item(
    pilot: Pilot[None],
    title: str,
    *,
    kind: str = "substantive",
    pages: str = "",
    to_follow: bool = False,
    report_of: str = "",
    presenter: str = "",
    exempt_paragraph: int | None = None,
    after_highlighted: bool = False,
) -> None:
    # a: after the last public item of business; A: after the highlighted item (the one
    # just added), where Part 2 and the closing items go.
    await pilot.press("A" if after_highlighted else "a")
    await type_text(pilot, title)
    if kind != "substantive":
        await tab_to(pilot, "kind")
        await pilot.press("enter", *["down"] * KINDS.index(kind), "enter")
    for field, text in (
        ("pages-input", pages),
        ("report-of-input", report_of),
        ("presenter-input", presenter),
    ):
        if text:
            await tab_to(pilot, field)
            await type_text(pilot, text)
    if to_follow:
        await tab_to(pilot, "to-follow")
        await pilot.press("space")
    if exempt_paragraph is not None:
        await tab_to(pilot, "exempt")
        await pilot.press("space", "tab", *["down"] * (exempt_paragraph - 1), "space")
    await pilot.press("f2")


async def test_a_committee_a_meeting_and_ten_items_by_keys_export_the_expected_front_sheet(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_module, "export_folder", lambda: tmp_path / "exports")
    target = tmp_path / "agenda.txt"
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await committee_with_members(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)

        await pilot.press("n")  # new meeting, from the committee
        await tab_to(pilot, "new-date-input")
        await type_text(pilot, "Tuesday 19 January 2027")
        await pilot.press("f2")
        await settle(app, pilot)
        await pilot.press("enter")  # its agenda: the three opening items are there already
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        assert [i.title for i in screen.meeting.agenda] == [
            "Apologies for Absence",
            "Declarations of Interest",
            "Minutes of the Previous Meeting",
        ]

        await pilot.press("ctrl+end", "enter")  # edit item 3: the previous minutes
        await tab_to(pilot, "pages-input")
        await type_text(pilot, "5 - 10")
        await tab_to(pilot, "description-input")
        await type_text(pilot, "Minutes of the meeting held on 17 November 2026")
        await pilot.press("f2")
        await add_item(
            pilot,
            "Melling Surgery Update",
            pages="11-26",
            report_of="the Sefton Place Director, NHS Cheshire and Merseyside",
        )
        await add_item(
            pilot,
            "Cancer Alliance Update",
            presenter="Jon Hayes, Managing Director, Cheshire and Merseyside Cancer Alliance",
        )
        await add_item(
            pilot,
            "Work Programme 2026/27",
            pages="27 - 34",
            report_of="the Chief Legal and Democratic Officer",
        )
        await add_item(
            pilot,
            "Cabinet Member Reports",
            to_follow=True,
            report_of="the Chief Legal and Democratic Officer",
        )
        await add_item(pilot, "Exclusion of Press and Public", kind="exclusion")
        await add_item(
            pilot,
            "Care Home Contract Award",
            pages="35-48",
            report_of="the Assistant Director of Adult Social Care",
            exempt_paragraph=3,
            after_highlighted=True,
        )
        await add_item(pilot, "Date of Next Meeting", kind="next-meeting", after_highlighted=True)
        await settle(app, pilot)

        await pilot.press("x")  # export the front sheet
        await settle(app, pilot)
        await tab_to(pilot, "export-width")
        await pilot.press("ctrl+a", "ctrl+k", "0")  # one paragraph per line
        await tab_to(pilot, "export-path")
        await type_text(pilot, str(target))
        await pilot.press("f2")
        await settle(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()

    with reopen(store) as fresh:
        (summary,) = fresh.meeting_summaries()
        meeting = fresh.meeting(summary.id)
    assert len(meeting.agenda) == 10
    exempt = [item for item in meeting.agenda if item.exempt]
    assert [(i.title, i.exempt_paragraphs) for i in exempt] == [("Care Home Contract Award", [3])]
    assert target.read_text(encoding="utf-8") == EXPECTED.read_text(encoding="utf-8")
