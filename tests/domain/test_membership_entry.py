"""Entering membership: lines as printed become people and seats; checks before a seat
is added; the quorum and ids a committee form reads."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_tui.domain import Committee, DomainError, Membership, Person, Role
from clerk_tui.domain.membership_entry import (
    check_membership,
    classify_heading,
    committee_id_for,
    leftover_text,
    move_member,
    noun_for,
    parse_quorum,
    people_named,
    person_id_for,
    preview_member_lines,
    read_member_line,
    read_member_lines,
    read_printed_member,
    role_label,
    split_names,
)

SCRUTINY_LINES = """\
Cllr. Carla Thomas (Chair)
Cllr. Greg Myers (Vice-Chair)
Ms Diane Blair, Healthwatch
Cllr. Mhairi Doyle, M.B.E.
Deborah Butcher
"""


def empty_committee() -> Committee:
    return Committee("osc", "Overview and Scrutiny Committee")


def test_each_line_as_printed_becomes_a_person_and_a_seat() -> None:
    lines = read_member_lines(SCRUTINY_LINES, empty_committee(), [])
    read = [
        (
            line.person.name if line.person else "",
            line.person.councillor if line.person else None,
            line.person.post_nominals if line.person else "",
            line.person.organisation if line.person else "",
            line.membership.role if line.membership else None,
            line.membership.voting if line.membership else None,
        )
        for line in lines
    ]
    assert read == [
        ("Carla Thomas", True, "", "", Role.CHAIR, True),
        ("Greg Myers", True, "", "", Role.VICE_CHAIR, True),
        ("Ms Diane Blair", False, "", "Healthwatch", Role.CO_OPTED, False),
        ("Mhairi Doyle", True, "M.B.E.", "", Role.MEMBER, True),
        ("Deborah Butcher", False, "", "", Role.MEMBER, True),
    ]
    assert [line.number for line in lines] == [1, 2, 3, 4, 5]
    assert all(line.ok and not line.existing for line in lines)
    assert [line.person.id for line in lines if line.person] == [
        "carla-thomas",
        "greg-myers",
        "diane-blair",
        "mhairi-doyle",
        "deborah-butcher",
    ]


def test_an_organisation_in_brackets_is_a_partner_member_not_a_co_optee() -> None:
    person, seat, existing = read_member_line("Deborah Butcher (Sefton Council)", [], [])
    assert (person.organisation, seat.role, seat.voting, existing) == (
        "Sefton Council",
        Role.MEMBER,
        True,
        False,
    )


def test_honours_before_the_organisation_are_honours() -> None:
    person, seat, _ = read_member_line("Brian Clark, O.B.E., Healthwatch Sefton", [], [])
    assert (person.name, person.post_nominals, person.organisation, seat.role) == (
        "Brian Clark",
        "O.B.E.",
        "Healthwatch Sefton",
        Role.CO_OPTED,
    )


def test_a_councillor_with_an_organisation_stays_a_member() -> None:
    person, seat, _ = read_member_line("Cllr. Ian Moncur, Sefton Council", [], [])
    assert (person.councillor, person.organisation, seat.role) == (True, "Sefton Council", Role.MEMBER)


def test_someone_already_known_by_that_exact_name_is_reused_unchanged() -> None:
    known = Person("paul-cummins", "Paul Cummins", councillor=True, organisation="Sefton Council")
    lines = read_member_lines("Cllr.  paul cummins (Chair)\nPaul Cummin", empty_committee(), [known])
    assert lines[0].existing and lines[0].person is known
    assert lines[0].membership == Membership("paul-cummins", Role.CHAIR)
    assert not lines[1].existing and lines[1].person and lines[1].person.id == "paul-cummin"


def test_new_ids_do_not_clash_with_people_known_or_read_above() -> None:
    known = Person("carla-thomas", "Carla Thomas (retired)")
    lines = read_member_lines("Carla Thomas\nDr Carla Thomas", empty_committee(), [known])
    assert [line.person.id for line in lines if line.person] == ["carla-thomas-2", "carla-thomas-3"]


def test_a_second_chair_and_a_person_twice_are_refused_line_by_line() -> None:
    lines = read_member_lines(
        "Cllr. Carla Thomas (Chair)\nCllr. Greg Myers (Chair)\nCllr. Carla Thomas\n\nBill Esterson",
        empty_committee(),
        [],
    )
    assert [(line.number, line.ok) for line in lines] == [(1, True), (2, False), (3, False), (5, True)]
    assert lines[1].error.startswith("The committee already has a Chair (Cllr. Carla Thomas)")
    assert lines[2].error == "Carla Thomas is already a member."


def test_a_chair_already_on_the_committee_counts() -> None:
    committee = empty_committee()
    committee.add_member(Membership("someone", Role.CHAIR))
    (line,) = read_member_lines("Cllr. Carla Thomas (Chair)", committee, [])
    assert "already has a Chair (someone)" in line.error
    assert committee.members == [Membership("someone", Role.CHAIR)]  # the committee is untouched


def test_substitutes_by_the_switch_or_by_the_front_sheet_heading() -> None:
    lines = read_member_lines(
        "Member\nCllr. Carla Thomas\nSubstitute\nCllr. Carol Richards\nCllr. Sir Ron Watson C.B.E.",
        empty_committee(),
        [],
    )
    assert [line.membership.role for line in lines if line.membership] == [
        Role.MEMBER,
        Role.SUBSTITUTE,
        Role.SUBSTITUTE,
    ]
    switched = read_member_lines("Cllr. Carol Richards", empty_committee(), [], substitutes=True)
    assert switched[0].membership and switched[0].membership.role == Role.SUBSTITUTE


def test_a_substitute_can_not_be_chair() -> None:
    (line,) = read_member_lines("Cllr. Carol Richards (Chair)", empty_committee(), [], substitutes=True)
    assert "substitute can not be the Chair" in line.error


def test_lines_with_no_name_are_errors_with_their_line_number() -> None:
    (line,) = read_member_lines("\n\n(Chair)", empty_committee(), [])
    assert (line.number, line.ok) == (3, False)
    assert line.error


def test_what_is_left_reads_the_same_way_next_time() -> None:
    lines = read_member_lines(
        "Cllr. A One (Chair)\nCllr. B Two (Chair)\nSubstitute\nCllr. C Three\nCllr. D Four (Chair)",
        empty_committee(),
        [],
    )
    assert leftover_text(lines) == "Cllr. B Two (Chair)\nSubstitute\nCllr. D Four (Chair)"
    assert (
        leftover_text(lines, substitutes=True)
        == "Member\nCllr. B Two (Chair)\nSubstitute\nCllr. D Four (Chair)"
    )
    assert leftover_text([line for line in lines if line.ok]) == ""


def test_check_membership_for_a_new_or_a_replaced_seat() -> None:
    committee = empty_committee()
    committee.add_member(Membership("a", Role.CHAIR))
    committee.add_member(Membership("b"))
    with pytest.raises(DomainError) as second_chair:
        check_membership(committee, Membership("c", Role.CHAIR))
    assert second_chair.value.field == "role"
    check_membership(committee, Membership("b", Role.VICE_CHAIR), replacing=1)  # b's own seat, changed
    check_membership(committee, Membership("a", Role.MEMBER), replacing=0)
    with pytest.raises(DomainError) as twice:
        check_membership(committee, Membership("a"))
    assert twice.value.field == "person"
    with pytest.raises(DomainError) as backwards:
        check_membership(committee, Membership("c", start=date(2024, 5, 1), end=date(2024, 4, 1)))
    assert backwards.value.field == "end"
    assert len(committee.members) == 2


def test_move_member_stays_within_the_list() -> None:
    members = [Membership("a"), Membership("b"), Membership("c")]
    assert move_member(members, 2, -1) == 1
    assert [m.person_id for m in members] == ["a", "c", "b"]
    assert move_member(members, 0, -1) == 0
    assert move_member(members, 2, 1) == 2
    assert [m.person_id for m in members] == ["a", "c", "b"]


@pytest.mark.parametrize(("text", "value"), [("3", 3), (" 14 ", 14)])
def test_a_quorum_is_a_whole_number(text: str, value: int) -> None:
    assert parse_quorum(text) == value


@pytest.mark.parametrize("text", ["three", "0", "2.5", "-1"])
def test_a_quorum_that_is_not_a_whole_number_is_refused(text: str) -> None:
    with pytest.raises(DomainError) as refused:
        parse_quorum(text)
    assert refused.value.field == "quorum"


def test_ids_and_names() -> None:
    assert committee_id_for("Health and Wellbeing Board", []) == "hwb"
    assert committee_id_for("Health and Wellbeing Board", ["hwb"]) == "hwb-2"
    assert person_id_for("Ms Diane Blair", []) == "diane-blair"
    assert person_id_for("Superintendent Dawn McNally", ["superintendent-dawn-mcnally"]).endswith("-2")
    assert people_named(" carla   THOMAS ", [Person("c", "Carla Thomas"), Person("d", "Carla")]) == [
        Person("c", "Carla Thomas")
    ]
    assert role_label(Role.VICE_CHAIR) == "Vice-Chair"


@pytest.mark.parametrize(
    ("name", "noun"),
    [
        ("Health and Wellbeing Board", "the Board"),
        ("Overview and Scrutiny Committee (Adult Social Care and Health)", "the Committee"),
        ("Adults Forum", "the Forum"),
        ("Licensing", "the Committee"),
    ],
)
def test_the_noun_comes_from_the_name(name: str, noun: str) -> None:
    assert noun_for(name) == noun


# --- modern.gov lists (walkthrough problem 12) ------------------------------------------
MODERN_GOV = """\
Membership
• Councillor Jane Smith (Conservative, Chair)
• Councillor Bob Jones (Conservative, Vice-Chair)
• Cllr Sarah Abbott MBE (Labour)
Mr Peter Fairclough (Co-opted Member)
Cllr Yvonne Brown (Substitute)
Substitutes: Councillors Liam Kelly, Nora Lewis and Sam Jones
Co-opted Members
Ms Diane Blair, Healthwatch
Brian Clark O.B.E.
"""


def _read(text: str) -> list[tuple[str, bool, str, str, Role, bool]]:
    return [
        (
            line.person.name,
            line.person.councillor,
            line.person.post_nominals,
            line.person.organisation,
            line.membership.role,
            line.membership.voting,
        )
        for line in read_member_lines(text, empty_committee(), [])
        if line.person and line.membership
    ]


def test_a_modern_gov_membership_list_is_read_as_the_council_printed_it() -> None:
    assert _read(MODERN_GOV) == [
        ("Jane Smith", True, "", "", Role.CHAIR, True),
        ("Bob Jones", True, "", "", Role.VICE_CHAIR, True),
        ("Sarah Abbott", True, "MBE", "", Role.MEMBER, True),
        ("Mr Peter Fairclough", False, "", "", Role.CO_OPTED, False),
        ("Yvonne Brown", True, "", "", Role.SUBSTITUTE, True),
        ("Liam Kelly", True, "", "", Role.SUBSTITUTE, True),
        ("Nora Lewis", True, "", "", Role.SUBSTITUTE, True),
        ("Sam Jones", True, "", "", Role.SUBSTITUTE, True),
        ("Ms Diane Blair", False, "", "Healthwatch", Role.CO_OPTED, False),
        ("Brian Clark", False, "O.B.E.", "", Role.CO_OPTED, False),
    ]


def test_every_line_says_how_it_was_read_headings_included() -> None:
    previews = preview_member_lines(MODERN_GOV, empty_committee(), [])
    by_number = {preview.number: preview for preview in previews}
    assert [preview.number for preview in previews] == list(range(1, 11))
    assert by_number[1].how == "heading: members follow" and not by_number[1].entries
    assert by_number[8].how == "heading: co-optees follow"
    assert by_number[2].how == "bullet dropped; councillor; party Conservative (not kept); Chair"
    assert by_number[3].how == "bullet dropped; councillor; party Conservative (not kept); Vice-Chair"
    assert by_number[4].how == "bullet dropped; councillor; honours MBE; party Labour (not kept)"
    assert by_number[5].how == "co-optee"
    assert by_number[9].how == "org. Healthwatch; co-optee (heading)"
    assert by_number[7].how == "heading: substitutes follow; 3 names on the line"
    assert [entry.number for entry in by_number[7].entries] == [7, 7, 7]


def test_substitutes_under_a_heading_then_co_optees_under_theirs() -> None:
    text = (
        "Substitutes\nCllr. Carol Richards\nCo-opted Members\nMs Diane Blair, Healthwatch Sefton\n"
        "Members\nCllr. A Nother"
    )
    assert [role for *_, role, _ in _read(text)] == [Role.SUBSTITUTE, Role.CO_OPTED, Role.MEMBER]


@pytest.mark.parametrize(
    ("line", "honours", "comma"),
    [
        ("Cllr. Mhairi Doyle, M.B.E.", "M.B.E.", True),
        ("Cllr. Sir Ron Watson C.B.E.", "C.B.E.", False),
        ("Cllr Ann Lee MBE", "MBE", False),
        ("Cllr Ann Lee, OBE", "OBE", True),
    ],
)
def test_honours_dotted_or_not(line: str, honours: str, comma: bool) -> None:
    person, _, _ = read_member_line(line, [], [])
    assert (person.post_nominals, person.post_nominals_comma) == (honours, comma)
    assert honours not in person.name


def test_a_party_is_not_an_organisation_and_a_chair_in_a_party_bracket_is_the_chair() -> None:
    person, seat, _ = read_member_line("Councillor Jane Smith (Labour and Co-operative, Vice-Chair)", [], [])
    assert (person.organisation, seat.role) == ("", Role.VICE_CHAIR)
    printed = read_printed_member("Jane Smith (Liberal Democrat)")
    assert (printed.party, printed.organisation) == ("Liberal Democrat", "")


def test_a_substitute_in_brackets_can_not_be_chair_and_bullets_never_reach_a_name() -> None:
    with pytest.raises(DomainError):
        read_member_line("Cllr Ann Lee (Substitute, Chair)", [], [])
    for bullet in ("•", "-", "*", "▪", "\uf0b7"):
        person, _, _ = read_member_line(f"{bullet} Cllr Ann Lee", [], [])
        assert person.name == "Ann Lee"


def test_headings_are_not_people_and_not_problems() -> None:
    lines = read_member_lines("Membership\nMembers:\nSubstitutes:\nCo-opted Members", empty_committee(), [])
    assert lines == []
    assert classify_heading("Chair: Cllr Ann Lee") == (Role.CHAIR, "Cllr Ann Lee")
    assert _read("Chair: Cllr Ann Lee\nVice-Chair: Cllr Bo Day") == [
        ("Ann Lee", True, "", "", Role.CHAIR, True),
        ("Bo Day", True, "", "", Role.VICE_CHAIR, True),
    ]


def test_names_on_one_line_split_outside_brackets() -> None:
    assert split_names("Councillors Liam Kelly, Nora Lewis and Sam Jones") == [
        "Councillor Liam Kelly",
        "Councillor Nora Lewis",
        "Councillor Sam Jones",
    ]
    assert split_names("Ann Lee (Sefton, Southport and Formby), Bo Day, O.B.E.") == [
        "Ann Lee (Sefton, Southport and Formby)",
        "Bo Day, O.B.E.",
    ]
