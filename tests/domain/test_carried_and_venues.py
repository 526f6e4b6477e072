"""Deferred and withdrawn items are offered for the next agenda with their history; a
committee keeps a register of its rooms; a new committee starts from a neutral style."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_tui.domain import AgendaItem, Committee, DomainError, HouseStyle, ItemKind, Minute, Venue
from clerk_tui.domain.agenda import CarriedBecause, CarriedFrom, PageRange
from clerk_tui.domain.committee import LOCAL_GOVERNMENT_ACT, starting_style
from clerk_tui.domain.minutes import MinuteStatus
from clerk_tui.domain.planning import carry_forward, items_to_carry_forward, new_meeting
from tests.fixtures import os_2023, planning_presence_2027


def test_the_deferred_and_the_withdrawn_item_are_offered_with_where_they_stood() -> None:
    march = planning_presence_2027.meeting()
    march.item("item-5").pages = PageRange(13, 20)
    committee = planning_presence_2027.committee(planning_presence_2027.IN_MINUTE)
    april = new_meeting(committee, date(2027, 4, 7), "planning-2027-04-07", march.date)
    offered = items_to_carry_forward(march, april)
    assert [item.title for item in offered] == [
        planning_presence_2027.HIGH_STREET,
        planning_presence_2027.TREE_ORDER,
    ]
    deferred, withdrawn = offered
    assert deferred.carried_from == [CarriedFrom(march.id, march.date, "item-5", CarriedBecause.DEFERRED)]
    assert withdrawn.carried_from[0].because == CarriedBecause.WITHDRAWN
    # New ids on the new agenda, no pages of the old pack, the rest of the item kept.
    assert {deferred.id, withdrawn.id}.isdisjoint(april.agenda_ids())
    assert deferred.id != withdrawn.id
    assert deferred.pages is None and deferred.report_of == "the Head of Planning Services"
    # The old meeting's item is untouched.
    assert march.item("item-5").pages == PageRange(13, 20) and march.item("item-5").carried_from == []


def test_carried_items_go_before_the_date_of_next_meeting_and_are_not_offered_twice() -> None:
    march = planning_presence_2027.meeting()
    committee = planning_presence_2027.committee(planning_presence_2027.IN_MINUTE)
    april = new_meeting(committee, date(2027, 4, 7), "planning-2027-04-07", march.date)
    closing = AgendaItem(april.new_item_id(), "Date of Next Meeting", ItemKind.NEXT_MEETING)
    april.add_item(closing)
    added = carry_forward(april, items_to_carry_forward(march, april))
    assert april.agenda_ids()[-3:] == [*added, closing.id]
    assert items_to_carry_forward(march, april) == []


def test_an_item_deferred_twice_keeps_its_whole_history() -> None:
    march = planning_presence_2027.meeting()
    committee = planning_presence_2027.committee(planning_presence_2027.IN_MINUTE)
    april = new_meeting(committee, date(2027, 4, 7), "planning-2027-04-07", march.date)
    (deferred, _) = items_to_carry_forward(march, april)
    april.add_item(deferred)
    april.minutes.append(
        Minute("minute-1", deferred.title, item_id=deferred.id, status=MinuteStatus.DEFERRED)
    )
    may = new_meeting(committee, date(2027, 5, 5), "planning-2027-05-05", april.date)
    (again,) = items_to_carry_forward(april, may)
    assert [(c.meeting_id, c.item_id) for c in again.carried_from] == [
        (march.id, "item-5"),
        (april.id, deferred.id),
    ]


def test_a_registered_room_is_copied_into_the_meeting_with_its_wording() -> None:
    committee = planning_presence_2027.committee(planning_presence_2027.IN_MINUTE)
    room = committee.register_venue(Venue("Committee Room 2", "Northbay Civic Centre", "Market Street"))
    assert room.id == "northbay-civic-centre-committee-room-2"
    chosen = committee.venue_for_meeting(room.id)
    assert chosen == room and chosen is not room
    committee.venues[-1].room = "Room 2"  # renamed later: the meeting keeps its copy
    assert chosen.front_sheet() == "Committee Room 2 - Northbay Civic Centre, Market Street"
    assert committee.venue_for_meeting("council-chamber").for_minutes() == (
        "THE COUNCIL CHAMBER, NORTHBAY CIVIC CENTRE"
    )


def test_the_register_refuses_a_room_twice_or_one_with_nothing_to_print() -> None:
    committee = planning_presence_2027.committee(planning_presence_2027.IN_MINUTE)
    with pytest.raises(DomainError, match="already has a venue 'council-chamber'"):
        committee.register_venue(planning_presence_2027.CHAMBER)
    with pytest.raises(DomainError, match="Give the room"):
        committee.register_venue(Venue(id="empty"))
    with pytest.raises(DomainError, match="no venue 'nowhere'"):
        committee.venue_for_meeting("nowhere")
    with pytest.raises(DomainError, match="its own id"):
        Committee("c", "C", venues=[planning_presence_2027.CHAMBER, planning_presence_2027.CHAMBER])


def test_a_new_committee_starts_neutral_or_from_a_copy_of_another_committees_style() -> None:
    neutral = starting_style()
    assert neutral == HouseStyle()
    assert neutral.council_name == "" and neutral.local_government_act == LOCAL_GOVERNMENT_ACT
    assert not any("he/she" in text for text in neutral.declarations_agenda_text)
    assert "commencing" not in neutral.next_meeting_wording
    scrutiny = os_2023.committee()
    copied = starting_style(scrutiny)
    assert copied == scrutiny.style and copied is not scrutiny.style
    copied.declarations_agenda_text.append("ours")
    assert "ours" not in scrutiny.style.declarations_agenda_text


def test_a_wording_with_a_gap_the_printer_cannot_fill_is_refused_where_it_is_typed() -> None:
    with pytest.raises(DomainError, match=r"there is no gap \{nmae\}") as refused:
        HouseStyle(arrival_wording="{nmae} arrived.")
    assert refused.value.field == "arrival_wording"
    with pytest.raises(DomainError) as unclosed:
        HouseStyle(next_meeting_wording="held on {date")
    assert unclosed.value.field == "next_meeting_wording"
