import pytest

from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.people import Person, parse_member_line


@pytest.mark.parametrize(
    ("line", "name", "councillor", "honours", "comma", "organisation", "role"),
    [
        ("Cllr. Carla Thomas (Chair)", "Carla Thomas", True, "", True, "", "chair"),
        ("Cllr. Greg Myers (Vice-Chair)", "Greg Myers", True, "", True, "", "vice-chair"),
        ("Ms Diane Blair, Healthwatch", "Ms Diane Blair", False, "", True, "Healthwatch", ""),
        ("Cllr. Mhairi Doyle, M.B.E.", "Mhairi Doyle", True, "M.B.E.", True, "", ""),
        ("Cllr. Sir Ron Watson C.B.E.", "Sir Ron Watson", True, "C.B.E.", False, "", ""),
        (
            "Brian Clark, O.B.E., Healthwatch Sefton",
            "Brian Clark",
            False,
            "",
            True,
            "O.B.E., Healthwatch Sefton",
            "",
        ),
        ("Deborah Butcher (Sefton Council)", "Deborah Butcher", False, "", True, "Sefton Council", ""),
        ("Superintendent Dawn McNally", "Superintendent Dawn McNally", False, "", True, "", ""),
        ("Councillor John Joseph Kelly", "John Joseph Kelly", True, "", True, "", ""),
    ],
)
def test_reads_member_lines_as_printed(
    line: str, name: str, councillor: bool, honours: str, comma: bool, organisation: str, role: str
) -> None:
    parsed = parse_member_line(line)
    assert (
        parsed.name,
        parsed.councillor,
        parsed.post_nominals,
        parsed.post_nominals_comma,
        parsed.organisation,
        parsed.role,
    ) == (name, councillor, honours, comma, organisation, role)


def test_an_empty_line_is_refused() -> None:
    with pytest.raises(DomainError, match="empty"):
        parse_member_line("   ")


def test_names_print_as_each_paper_prints_them() -> None:
    doyle = Person("p1", "Mhairi Doyle", councillor=True, post_nominals="M.B.E.")
    assert doyle.front_sheet_name() == "Cllr. Mhairi Doyle, M.B.E."
    watson = Person(
        "p2", "Sir Ron Watson", councillor=True, post_nominals="C.B.E.", post_nominals_comma=False
    )
    assert watson.front_sheet_name() == "Cllr. Sir Ron Watson C.B.E."
    kelly = Person("p3", "John Joseph Kelly", councillor=True, minutes_name="John Joseph Kelly")
    assert kelly.minutes_short_name() == "John Joseph Kelly"
    assert Person("p4", "Paul Cummins", councillor=True).minutes_short_name() == "Cummins"
    assert Person("p5", "Angela White").front_sheet_name() == "Angela White"
