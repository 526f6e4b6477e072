"""The rules behind the editors of a person's printed forms and of the venue register."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clerk_tui.domain import Committee, DomainError, Meeting, Venue
from clerk_tui.domain.lifecycle import change_venue
from clerk_tui.domain.people import Paper, Person, PrintedForm
from clerk_tui.domain.venue import registered_as, venue_as_typed

BOOTLE = Venue(
    "Committee Room",
    "Bootle Town Hall",
    "Trinity Road, Bootle, L20 7AE",
    minutes_wording="THE COMMITTEE ROOM - BOOTLE TOWN HALL",
    sentence_wording="the Committee Room, Bootle Town Hall",
    id="bootle",
)


def test_a_second_form_for_the_same_paper_and_committee_replaces_the_first() -> None:
    jane = Person("jane-doe", "Jane Doe", organisation="Healthwatch")
    jane = jane.with_printed_form(PrintedForm(Paper.MINUTES, "Jane  Doe", "Healthwatch Sefton"))
    jane = jane.with_printed_form(PrintedForm(Paper.MINUTES, "Jane Doe", "Healthwatch Sefton", "osc"))
    jane = jane.with_printed_form(PrintedForm(Paper.MINUTES, "J. Doe", ""))
    assert [(f.name, f.committee_id) for f in jane.printed_forms] == [("Jane Doe", "osc"), ("J. Doe", "")]
    assert jane.form_for(Paper.MINUTES, "osc") == PrintedForm(
        Paper.MINUTES, "Jane Doe", "Healthwatch Sefton", "osc"
    )
    assert jane.organisation_on(Paper.MINUTES, "hwb") == "Healthwatch"


def test_removing_a_form_prints_the_paper_by_the_rule_again() -> None:
    carla = Person("carla", "Carla Thomas", councillor=True)
    carla = carla.with_printed_form(PrintedForm(Paper.FRONT_SHEET, "Carla Thomas (Ford)"))
    assert carla.front_sheet_name() == "Cllr. Carla Thomas (Ford)"
    carla = carla.without_printed_form(Paper.FRONT_SHEET)
    assert carla.front_sheet_name() == "Cllr. Carla Thomas"
    with pytest.raises(DomainError, match="no printed form"):
        carla.without_printed_form(Paper.MINUTES, "osc")


def test_a_meeting_typed_as_a_registered_room_keeps_all_its_wording() -> None:
    typed = Venue(BOOTLE.room, BOOTLE.building, BOOTLE.address)
    assert venue_as_typed(typed, BOOTLE, Venue("Elsewhere")) == BOOTLE


def test_a_meeting_typed_as_before_keeps_what_it_had_and_free_text_prints_as_typed() -> None:
    typed = Venue(BOOTLE.room, BOOTLE.building, BOOTLE.address)
    assert venue_as_typed(typed, None, BOOTLE) == BOOTLE
    elsewhere = Venue("Birkdale Room", BOOTLE.building, BOOTLE.address)
    # The minutes' wording named the Committee Room: a new room prints as typed.
    assert venue_as_typed(elsewhere, BOOTLE, BOOTLE) == Venue(
        "Birkdale Room", BOOTLE.building, BOOTLE.address
    )


def test_a_registered_room_is_reworded_or_removed_by_its_id() -> None:
    committee = Committee("hwb", "Health and Wellbeing Board")
    committee.register_venue(BOOTLE)
    committee.change_venue("bootle", Venue("Council Chamber", "Bootle Town Hall", id="ignored"))
    assert committee.venues == [Venue("Council Chamber", "Bootle Town Hall", id="bootle")]
    with pytest.raises(DomainError, match="something to print|room, the building"):
        committee.change_venue("bootle", Venue())
    assert committee.venues[0].room == "Council Chamber"
    assert committee.remove_venue("bootle").room == "Council Chamber"
    with pytest.raises(DomainError, match="no venue 'bootle'"):
        committee.remove_venue("bootle")


def test_a_venue_is_found_in_the_register_by_its_id_or_else_by_its_place() -> None:
    reworded = replace(BOOTLE, room="Council Chamber")
    other = Venue(BOOTLE.room, BOOTLE.building, BOOTLE.address, id="same-place")
    assert registered_as([other, reworded], BOOTLE) == reworded  # its id first
    assert registered_as([other, reworded], replace(BOOTLE, id="")) == other
    assert registered_as([reworded], Venue("Lounge")) is None


def test_changing_a_meetings_venue_keeps_every_wording_of_a_registered_room() -> None:
    meeting = Meeting("hwb-2027-03-03", "hwb", date(2027, 3, 3))
    change_venue(meeting, BOOTLE)
    assert meeting.venue == BOOTLE
    assert change_venue(meeting, BOOTLE) == "The venue is unchanged."
