"""The readers' rules one by one: page furniture, joining printed lines, names and
people (domain.md 1.3, 2.2 and 5)."""

from __future__ import annotations

import pytest

from clerk_tui.domain import Committee, Membership, Person
from clerk_tui.reading.names import parse_entry, split_list
from clerk_tui.reading.paragraphs import ParaKind, assemble, title_case
from clerk_tui.reading.people import PeopleBook
from clerk_tui.reading.source import read_source, split_lines
from clerk_tui.reading.tables import read_aligned_declarations


def furniture(text: str) -> dict[int, str]:
    return {number: piece.what for number, piece in read_source(text).furniture.items()}


def test_page_stamps_whole_split_and_glued_to_a_line() -> None:
    text = "Some text\n\nP\nage 41\n\nA\ngenda Item\n\n 5\n\nbe found on page 23.P\nage 44\n"
    assert furniture(text) == {
        3: "page stamp (split)",
        4: "page stamp (split)",
        6: "page stamp (split)",
        7: "page stamp (split)",
        9: "page stamp (split)",
        12: "page stamp",  # its "P" was taken off line 11
    }
    source = read_source(text)
    assert source.lines[10].text == "be found on page 23."


def test_running_headers_whole_cut_short_or_over_two_lines_and_page_numbers_beside_them() -> None:
    text = (
        "HEALTH AND WELLBEING BOARD- WEDNESDAY 12TH JUNE, 2019\n\n9\n\nText\n"
        " HEALTH AND WELLBEING BOARD- WEDNESDAY 11TH SEPTEMBER, \n 16. HEADING\n"
        "HEALTH AND WELLBEING BOARD- WEDNESDAY 7TH DECEMBER,\n2022\nMore\n2019\n"
    )
    found = furniture(text)
    assert found[1] == "running header" and found[3] == "page number"
    assert found[6] == "running header" and 7 not in found
    assert found[8] == "running header" and found[9] == "running header (continued)"
    assert 11 not in found  # "2019" alone, with no furniture beside it, is text


def test_hard_wraps_hyphens_and_stray_blank_lines() -> None:
    lines, _ = split_lines(
        "The purpose was to ensure timely, well-co-\nordinated services and a five- year\nplan. It was \n\n"
        "utilising the ability to share.\n"
    )
    (para,) = assemble(lines)
    assert para.text == (
        "The purpose was to ensure timely, well-co-ordinated services and a five- year plan. "
        "It was utilising the ability to share."
    )
    assert para.lines == [1, 2, 3, 5]


def test_lost_bullet_glyphs_are_the_lines_that_start_with_a_space() -> None:
    lines, _ = split_lines(
        "These included:\n\n That a DCO was appointed and was \n\nutilising the ability;\n"
        " That the ASD pathway was incorporated into the Commissioning \n\nPlan; \n"
        " Provide constructive challenge.\n\nThe report detailed that ...\n"
    )
    paras = assemble(lines)
    assert [(p.kind, p.text) for p in paras] == [
        (ParaKind.TEXT, "These included:"),
        (ParaKind.LOST_BULLET, "That a DCO was appointed and was utilising the ability;"),
        (ParaKind.LOST_BULLET, "That the ASD pathway was incorporated into the Commissioning Plan;"),
        (ParaKind.LOST_BULLET, "Provide constructive challenge."),
        (ParaKind.TEXT, "The report detailed that ..."),
    ]


def test_leads_and_numbered_parts() -> None:
    lines, _ = split_lines("RESOLVED: That\n(1) the report be noted; and\n\n(2) the plan be\napproved.\n")
    assert [(p.kind, p.number, p.text) for p in assemble(lines)] == [
        (ParaKind.LEAD, None, "RESOLVED: That"),
        (ParaKind.NUMBERED, 1, "the report be noted; and"),
        (ParaKind.NUMBERED, 2, "the plan be approved."),
    ]


@pytest.mark.parametrize(
    ("capitals", "title"),
    [
        ("HEALTH AND WELLBEING BOARD", "Health and Wellbeing Board"),
        ("BETTER CARE FUND 2019/20 PLANS.", "Better Care Fund 2019/20 Plans."),
        ("NHS SEFTON 5 YEAR PLACE PLAN", "NHS Sefton 5 Year Place Plan"),
        (
            "OVERVIEW AND SCRUTINY COMMITTEE (ADULT SOCIAL CARE AND HEALTH)",
            "Overview and Scrutiny Committee (Adult Social Care and Health)",
        ),
    ],
)
def test_titles_in_capitals_back_to_title_case(capitals: str, title: str) -> None:
    assert title_case(capitals) == title


def test_lists_of_names_with_organisations_honours_and_brackets() -> None:
    assert split_list(
        "Councillor Tony Brough, Ms Diane Blair, Healthwatch Sefton and "
        "Brian Clark, O.B.E., Healthwatch Sefton."
    ) == [
        "Councillor Tony Brough",
        "Ms Diane Blair, Healthwatch Sefton",
        "Brian Clark, O.B.E., Healthwatch Sefton",
    ]
    assert split_list(
        "Doyle (Sefton Council), Deborah Butcher (Sefton Council) and Anita Marsland (Sefton, and Co)"
    ) == ["Doyle (Sefton Council)", "Deborah Butcher (Sefton Council)", "Anita Marsland (Sefton, and Co)"]
    assert split_list("Dr. Rob Caudwell, NHS Cheshire and Merseyside") == [
        "Dr. Rob Caudwell, NHS Cheshire and Merseyside"
    ]
    entry = parse_entry("Councillor Moncur (in the Chair) (Sefton Council)")
    assert (entry.councillor, entry.name, entry.role, entry.organisation) == (
        True,
        "Moncur",
        "chair",
        "Sefton Council",
    )
    clark = parse_entry("Brian Clark, O.B.E., Healthwatch Sefton")
    assert (clark.name, clark.honours, clark.organisation) == ("Brian Clark", "O.B.E.", "Healthwatch Sefton")
    substitute = parse_entry("Carol Richards (substitute for Councillor Tony Brough)")
    assert (substitute.role, substitute.substitute_for) == ("substitute", "Councillor Tony Brough")


def test_people_matched_by_domain_rules_or_made() -> None:
    register = [
        Person("paul-cummins", "Paul Cummins", councillor=True),
        Person("rob-caudwell", "Dr. Rob Caudwell"),
        Person("matt-ashton", "Matt Ashton"),
        Person("sarah-alldis", "Sarah Alldis"),
        Person("maureen-kelly", "Maureen Kelly"),
        Person("john-joseph-kelly", "John Joseph Kelly", councillor=True, minutes_name="John Joseph Kelly"),
    ]
    committee = Committee("hwb", "Health and Wellbeing Board", members=[Membership(p.id) for p in register])
    book = PeopleBook(register, committee)

    def found(text: str, councillor: bool | None = None) -> tuple[str, bool]:
        match = book.find(parse_entry(text), councillor=councillor)
        return (match.person.id, match.certain) if match else ("", False)

    assert found("Cummins", councillor=True) == ("paul-cummins", True)  # "Councillor Cummins" is Paul Cummins
    assert found("Dr.Rob Caudwell") == ("rob-caudwell", True)
    assert found("Matthew Ashton") == ("matt-ashton", False)  # matched, and said to be a guess
    assert found("Sarah Aldis") == ("sarah-alldis", False)
    assert found("John Joseph Kelly", councillor=True) == ("john-joseph-kelly", True)
    assert found("Kelly") == ("", False)  # two Kellys: not guessed
    made = book.find_or_create(parse_entry("Dwayne Johnson"), councillor=False)
    assert made.new and made.person.id == "dwayne-johnson"
    assert book.find(parse_entry("Dwayne Johnson"), councillor=False) is not None  # and known below


def test_a_declarations_row_whose_minute_title_wraps_after_its_dash_starts_a_row() -> None:
    """A narrow Minute No. column prints "10 -" alone on a row's first line (Hypothesis found
    it): that still starts the next row, so two declarations never merge into one."""
    table = """\
Member           Minute No.  Nature of Interest
Councillor       9 - Work    Personal - is a report
Thistlethwaite   Programme
Councillor       10 -        Disclosable Pecuniary - is a members progress
Barlow           Annual      progress progress progress residents
                 Report
"""
    lines, _ = split_lines(table)
    rows, used = read_aligned_declarations(lines[0], lines[1:])
    assert [(row.member, row.minute, row.title, row.kind, row.nature) for row in rows] == [
        ("Councillor Thistlethwaite", 9, "Work Programme", "Personal", "is a report"),
        (
            "Councillor Barlow",
            10,
            "Annual Report",
            "Disclosable Pecuniary",
            "is a members progress progress progress progress residents",
        ),
    ]
    assert used == 5
