"""Interchange version 2: the house style's wording and presence settings, people's printed
forms and earlier names, venue registers, item notes, line orders and history, nested
lists and sub-items all round-trip; a version 1 file keeps printing what it printed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from clerk_tui.domain import HouseStyle, Person
from clerk_tui.domain.agenda import CarriedBecause, CarriedFrom, ItemLine
from clerk_tui.domain.codec import to_document
from clerk_tui.domain.people import Paper, PrintedForm
from clerk_tui.exporting import print_paper
from clerk_tui.interchange import FORMAT_VERSION, Bundle, bundle_to_json, read_bundle
from clerk_tui.render import PrintOptions
from store import Store
from tests.fixtures import hwb_2023_03_08, os_2023, planning_presence_2027, sefton

NEW_STYLE_KEYS = {
    "heading_date",
    "arrivals",
    "arrival_wording",
    "departures",
    "departure_wording",
    "withdrawals",
    "withdrawal_wording",
    "officers_in_attendance",
    "officers_label",
    "skipped_items",
    "deferred_wording",
    "withdrawn_wording",
    "apologies_order",
    "numbered_paragraph_spacing",
    "front_sheet_spacing",
    "bullet_markers",
    "sub_item_marker",
    "sub_item_ending",
    "declarations_agenda_text",
    "front_sheet_notes",
    "local_government_act",
    "minutes_confirmed_wording",
    "next_meeting_wording",
    "dotted_times",
}
"""The house-style fields version 2 added: a version 1 file has none of them."""


def planning_bundle() -> Bundle:
    meeting = planning_presence_2027.meeting()
    item = meeting.item("item-4")
    item.note = "Site visit held on 8 March 2027."
    item.line_order = [ItemLine.NOTE, ItemLine.REPORT_OF]
    item.carried_from = [
        CarriedFrom("planning-2027-02-10", date(2027, 2, 10), "item-6", CarriedBecause.DEFERRED)
    ]
    people = planning_presence_2027.people()
    people.append(
        Person(
            "jane-doe",
            "Ms Jane Doe",
            organisation="Healthwatch",
            printed_forms=[
                PrintedForm(Paper.MINUTES, "Jane Doe", "Healthwatch Northbay"),
                PrintedForm(Paper.FRONT_SHEET, "Mrs Jane Doe", committee_id="planning"),
            ],
        )
    )
    return Bundle([planning_presence_2027.committee(planning_presence_2027.AFTER_PRESENT)], people, [meeting])


def test_every_new_field_survives_export_and_import_exactly() -> None:
    bundle = planning_bundle()
    written = bundle_to_json(bundle)
    assert json.loads(written)["version"] == FORMAT_VERSION == 3
    back = read_bundle(written, "planning.json")
    assert back.committees == bundle.committees
    assert back.people == sorted(bundle.people, key=lambda person: person.id)
    assert back.meetings == bundle.meetings
    assert bundle_to_json(back) == written
    # The fields are really there: the nested list, the sub-items, the earlier name.
    (meeting,) = json.loads(written)["meetings"]
    assert meeting["minutes"][3]["narrative"][2]["levels"] == [0, 1, 1, 0, 1]
    assert "\n- 25/0789 – 3 Church Road" in meeting["minutes"][6]["resolution"]["parts"][1]
    mary = next(p for p in json.loads(written)["people"] if p["id"] == "mary-oneill")
    assert mary["earlier_names"][0]["name"] == "Mary O'Neill"


def version_1(committee_document: dict[str, Any], version: int = 1) -> str:
    """The committee as a file of ``version`` (1, or 2: motions, still no wording) holds it."""
    style = committee_document["style"]
    for key in NEW_STYLE_KEYS:
        del style[key]
    committee_document.pop("venues")
    return json.dumps({"format": "clerk-meetings", "version": version, "committees": [committee_document]})


@pytest.mark.parametrize("version", [1, 2])
def test_a_version_1_committee_keeps_the_wording_it_printed(version: int) -> None:
    """Versions 1 and 2 printed Sefton's sentences whatever the committee: a file of that
    time imports with them set, so its papers do not change; a new committee is neutral."""
    scrutiny = os_2023.committee()
    (imported,) = read_bundle(version_1(to_document(scrutiny), version), "v1.json").committees
    style = imported.style
    assert style.declarations_agenda_text == sefton.DECLARATIONS_TEXT
    assert style.local_government_act == sefton.ACT
    assert style.minutes_confirmed_wording == sefton.MINUTES_CONFIRMED_2023
    assert style.next_meeting_wording == sefton.NEXT_MEETING and style.dotted_times
    # Everything else version 1 did not say takes the default, which prints as it printed.
    defaults = HouseStyle()
    assert {
        key: getattr(style, key)
        for key in NEW_STYLE_KEYS - set(sefton.WORDING) - {"minutes_confirmed_wording"}
    } == {
        key: getattr(defaults, key)
        for key in NEW_STYLE_KEYS - set(sefton.WORDING) - {"minutes_confirmed_wording"}
    }
    assert imported == scrutiny  # the fixture sets Sefton's wording explicitly
    board = hwb_2023_03_08.committee()
    board.style.comma_before_year = True
    (with_comma,) = read_bundle(version_1(to_document(board), version), "v1.json").committees
    assert with_comma.style.minutes_confirmed_wording == sefton.MINUTES_CONFIRMED_2019


def test_a_version_1_front_sheet_prints_as_it_did(tmp_path: Path) -> None:
    """The 8 March 2023 front sheet, from a version 1 file: the seed, word for word."""
    document = to_document(hwb_2023_03_08.committee())
    bundle = read_bundle(version_1(document), "v1.json")
    with Store.open(tmp_path / "store") as store:
        for person in hwb_2023_03_08.people():
            store.save_person(person)
        store.save_committee(bundle.committees[0])
        store.save_meeting(hwb_2023_03_08.meeting())
        printed = print_paper(store, "agenda", "hwb-2023-03-08", PrintOptions(width=0)).text
    golden = Path(__file__).parent.parent / "golden" / "hwb-2023-03-08.agenda.txt"
    assert printed == golden.read_text(encoding="utf-8")


def test_a_version_3_committee_without_the_wording_is_neutral() -> None:
    document = to_document(os_2023.committee())
    for key in NEW_STYLE_KEYS:
        del document["style"][key]
    text = json.dumps({"format": "clerk-meetings", "version": 3, "committees": [document]})
    (imported,) = read_bundle(text, "v3.json").committees
    assert imported.style.local_government_act == HouseStyle().local_government_act
    assert not any("he/she" in paragraph for paragraph in imported.style.declarations_agenda_text)
