"""The dialogs that set how papers print names and venues, and where a new committee's
house style starts, at 80x24 with the clock frozen.

Update only after looking at the report: `pytest tests/screens --snapshot-update`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from clerk_tui.domain import Venue
from clerk_tui.domain.people import Paper, PrintedForm
from store import Store
from tests.screens.conftest import settled, snapshot_app

SMALL = (80, 24)
BOOTLE = Venue(
    "Committee Room",
    "Bootle Town Hall",
    "Trinity Road, Bootle, L20 7AE",
    minutes_wording="THE TOWN HALL, BOOTLE",
    id="bootle-town-hall-committee-room",
)
BIRKDALE = Venue("Birkdale Room", "Southport Town Hall", "Lord Street, Southport, PR8 1DA", id="birkdale")


@pytest.fixture
def registered(demo_store: Store) -> Store:
    """The demo board with two rooms in its register; Cllr. Paul Cummins renamed Paul Barton
    from 1 June 2026, with a form of his own for the board's minutes."""
    committee = demo_store.committee("hwb")
    committee.venues = [BOOTLE, BIRKDALE]
    demo_store.save_committee(committee)
    renamed = demo_store.person("paul-cummins").renamed_from(date(2026, 6, 1), "Paul Barton")
    demo_store.save_person(
        renamed.with_printed_form(PrintedForm(Paper.MINUTES, "Paul Barton, J.P.", "", "hwb"))
    )
    return demo_store


def test_printed_names_of_a_member(snap_compare: Any, registered: Store) -> None:
    keys = ["c", "enter", "f4", "down", "n"]
    assert snap_compare(snapshot_app(registered), terminal_size=SMALL, run_before=settled(*keys))


def test_venue_register(snap_compare: Any, registered: Store) -> None:
    assert snap_compare(snapshot_app(registered), terminal_size=SMALL, run_before=settled("c", "enter", "f7"))


def test_new_committee_chooses_its_starting_style(snap_compare: Any, demo_store: Store) -> None:
    assert snap_compare(snapshot_app(demo_store), terminal_size=SMALL, run_before=settled("c", "n"))


def test_new_meeting_offers_the_register(snap_compare: Any, registered: Store) -> None:
    assert snap_compare(snapshot_app(registered), terminal_size=SMALL, run_before=settled("n"))
