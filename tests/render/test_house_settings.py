"""House-style settings and per-person forms that councils differ on: a person's printed
form per paper (and per committee), an agenda item's lines in the clerk's order with a
note, apologies order, heading dates and front-sheet spacing. Each is checked against
the text a council prints, on the fixtures whose goldens stay exact with the defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_tui.domain import HeadingDate, MemberOrder
from clerk_tui.domain.agenda import ItemLine
from clerk_tui.domain.committee import ApologiesOrder
from clerk_tui.domain.people import Paper, PrintedForm
from clerk_tui.exporting import print_paper
from clerk_tui.render import PrintOptions
from store import Store
from tests.fixtures import hwb_2023_03_08, os_2023

PASTE = PrintOptions(width=0)
PUBLIC = PrintOptions(width=0, public=True)
MEETING = "os-asch-2023-10-17"


@pytest.fixture
def scrutiny(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "store")
    for person in os_2023.people():
        store.save_person(person)
    store.save_committee(os_2023.committee())
    store.save_meeting(os_2023.meeting())
    return store


def test_a_co_optee_is_printed_one_way_on_the_front_sheet_and_another_in_the_minutes(scrutiny: Store) -> None:
    blair = scrutiny.person("diane-blair")
    blair.printed_forms = [
        PrintedForm(Paper.FRONT_SHEET, "Ms Diane Blair", "Healthwatch"),
        PrintedForm(Paper.MINUTES, "Diane Blair"),
    ]
    scrutiny.save_person(blair)
    agenda = print_paper(scrutiny, "agenda", MEETING, PUBLIC).text
    minutes = print_paper(scrutiny, "minutes", MEETING, PASTE).text
    assert "\nMs Diane Blair, Healthwatch\n" in agenda
    assert "Councillor Laura Lunn-Bates, Diane Blair, Healthwatch Sefton and Brian Clark" in minutes


def test_a_councillors_form_for_one_committee_leaves_the_others_alone(scrutiny: Store) -> None:
    """ "Councillor Thomas" in this committee's minutes, "Cllr. Carla Thomas" on its front
    sheet; a form set for another committee changes nothing here."""
    thomas = scrutiny.person("carla-thomas")
    thomas.printed_forms = [
        PrintedForm(Paper.MINUTES, "Thomas", committee_id="os-asch"),
        PrintedForm(Paper.MINUTES, "C. Thomas", committee_id="hwb"),
    ]
    scrutiny.save_person(thomas)
    agenda = print_paper(scrutiny, "agenda", MEETING, PUBLIC).text
    minutes = print_paper(scrutiny, "minutes", MEETING, PASTE).text
    assert "\nCllr. Carla Thomas (Chair)\n" in agenda
    assert "\nPRESENT: Councillor Thomas (in the Chair)\n" in minutes
    assert "C. Thomas" not in minutes
    thomas.printed_forms = [PrintedForm(Paper.MINUTES, "C. Thomas", committee_id="hwb")]
    scrutiny.save_person(thomas)
    assert (
        "\nPRESENT: Councillor Carla Thomas (in the Chair)\n"
        in print_paper(scrutiny, "minutes", MEETING, PASTE).text
    )


def front_sheet_store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "2023")
    for person in hwb_2023_03_08.people():
        store.save_person(person)
    store.save_committee(hwb_2023_03_08.committee())
    store.save_meeting(hwb_2023_03_08.meeting())
    return store


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ([], "(To Follow)\n\nReport of the Director of Public Health\n\n{note}\n\n11."),
        (
            [ItemLine.NOTE, ItemLine.REPORT_OF],
            "(To Follow)\n\n{note}\n\nReport of the Director of Public Health\n\n11.",
        ),
    ],
)
def test_an_item_prints_its_lines_in_the_clerks_order_with_a_note(
    tmp_path: Path, order: list[ItemLine], expected: str
) -> None:
    note = "Cabinet Member Update – Adult Social Care, report to follow."
    with front_sheet_store(tmp_path) as store:
        meeting = store.meeting("hwb-2023-03-08")
        item = meeting.item("item-10")
        item.note, item.line_order = note, order
        store.save_meeting(meeting)
        text = print_paper(store, "agenda", meeting.id, PUBLIC).text
    assert expected.format(note=note) in text


def test_the_front_sheet_can_space_its_heading_lines(tmp_path: Path) -> None:
    with front_sheet_store(tmp_path) as store:
        committee = store.committee("hwb")
        committee.style.front_sheet_spacing = True
        store.save_committee(committee)
        text = print_paper(store, "agenda", "hwb-2023-03-08", PUBLIC).text
    assert "MEETING: HEALTH AND WELLBEING BOARD\n\nDATE: 8th March 2023\n\nTIME: 2.00 pm\n\nVENUE: " in text


@pytest.mark.parametrize(
    ("order", "apologies"),
    [
        (
            ApologiesOrder.MEMBERSHIP,
            "Councillor Tony Brough, Councillor Laura Lunn-Bates, Ms Diane Blair, Healthwatch Sefton and "
            "Brian Clark, O.B.E., Healthwatch Sefton",
        ),
        (
            ApologiesOrder.ALPHABETICAL,
            "Ms Diane Blair, Healthwatch Sefton, Councillor Tony Brough, Brian Clark, O.B.E., Healthwatch "
            "Sefton and Councillor Laura Lunn-Bates",
        ),
    ],
)
def test_the_apologies_come_in_the_house_order(
    scrutiny: Store, order: ApologiesOrder, apologies: str
) -> None:
    committee = scrutiny.committee("os-asch")
    committee.style.apologies_order = order
    scrutiny.save_committee(committee)
    text = print_paper(scrutiny, "minutes", MEETING, PASTE).text
    assert f"\nApologies for absence were received from {apologies}.\n" in text


@pytest.mark.parametrize(
    ("order", "apologies"),
    [
        (
            ApologiesOrder.MEMBERSHIP,
            "Ms Diane Blair, Healthwatch Sefton, Councillor Tony Brough, Councillor Laura Lunn-Bates and "
            "Brian Clark, O.B.E., Healthwatch Sefton",
        ),
        (
            ApologiesOrder.COUNCILLORS_FIRST,
            "Councillor Tony Brough, Councillor Laura Lunn-Bates, Ms Diane Blair, Healthwatch Sefton and "
            "Brian Clark, O.B.E., Healthwatch Sefton",
        ),
    ],
)
def test_councillors_first_puts_the_councillors_before_a_co_optee_listed_above_them(
    scrutiny: Store, order: ApologiesOrder, apologies: str
) -> None:
    committee = scrutiny.committee("os-asch")
    committee.style.member_order = MemberOrder.LISTED
    blair = next(m for m in committee.members if m.person_id == "diane-blair")
    committee.members = [blair, *(m for m in committee.members if m is not blair)]
    committee.style.apologies_order = order
    scrutiny.save_committee(committee)
    text = print_paper(scrutiny, "minutes", MEETING, PASTE).text
    assert f"\nApologies for absence were received from {apologies}.\n" in text


@pytest.mark.parametrize(
    ("heading", "printed"),
    [
        (HeadingDate.ORDINAL_COMMA, "ON TUESDAY 17TH OCTOBER, 2023"),
        (HeadingDate.ORDINAL, "ON TUESDAY 17TH OCTOBER 2023"),
        (HeadingDate.PLAIN, "ON TUESDAY 17 OCTOBER 2023"),
    ],
)
def test_the_minutes_heading_date_has_its_own_style(
    scrutiny: Store, heading: HeadingDate, printed: str
) -> None:
    committee = scrutiny.committee("os-asch")
    committee.style.heading_date = heading
    scrutiny.save_committee(committee)
    text = print_paper(scrutiny, "minutes", MEETING, PASTE).text
    assert f"\n{printed}\n" in text
