"""Lists nest as a clerk types them: sub-bullets by indentation or an "o " marker, and
sub-items under a resolution part; the text form gives back what was typed."""

from __future__ import annotations

from clerk_tui.domain import BlockKind, Resolution
from clerk_tui.domain.live import parts_from_text, text_from_parts
from clerk_tui.domain.minutes import clean_part, split_part
from clerk_tui.domain.narrative import narrative_text, parse_narrative

TYPED = """Members raised the following matters:

- Highways:
o the width of Mill Lane;
o parking on the estate road;
- Drainage:
    - the capacity of the surface water system.
- Landscaping."""


def test_o_markers_and_indentation_each_go_one_level_down() -> None:
    intro, bullets = parse_narrative(TYPED)
    assert intro.kind == BlockKind.PARAGRAPH
    assert bullets.kind == BlockKind.BULLETS
    assert bullets.items == [
        "Highways:",
        "the width of Mill Lane;",
        "parking on the estate road;",
        "Drainage:",
        "the capacity of the surface water system.",
        "Landscaping.",
    ]
    assert bullets.levels == [0, 1, 1, 0, 1, 0]


def test_the_text_form_indents_each_level_and_reads_back_the_same() -> None:
    blocks = parse_narrative(TYPED)
    text = narrative_text(blocks)
    assert text.split("\n\n")[1] == (
        "- Highways:\n  o the width of Mill Lane;\n  o parking on the estate road;\n- Drainage:\n"
        "  o the capacity of the surface water system.\n- Landscaping."
    )
    assert parse_narrative(text) == blocks


def test_a_flat_list_is_stored_as_flat_lists_always_were() -> None:
    (bullets,) = parse_narrative("- one\n- two")
    assert bullets.items == ["one", "two"] and bullets.levels == []


def test_a_third_level_nests_under_the_second() -> None:
    (bullets,) = parse_narrative("- a\n  o b\n    - c\n  o d\n- e")
    assert bullets.levels == [0, 1, 2, 1, 0]


def test_a_resolution_part_keeps_its_sub_items_and_the_printer_its_punctuation() -> None:
    typed = (
        "(1) That the report be noted;\n"
        "(2) the following items be included in the Work Programme:\n"
        "- item A;\n"
        "o item B\n"
        "(3) a further report be submitted."
    )
    parts = parts_from_text(typed)
    assert len(parts) == 3
    assert split_part(parts[1]) == (
        "the following items be included in the Work Programme:",
        ["item A", "item B"],
    )
    assert parts[0] == "the report be noted" and parts[2] == "a further report be submitted"
    assert parts_from_text(text_from_parts(Resolution(parts))) == parts


def test_an_indented_line_under_a_part_is_a_sub_item_and_an_unindented_one_a_new_part() -> None:
    parts = parts_from_text(
        "the following be noted:\n    the budget\n  - the timetable;\nthe report be noted"
    )
    assert split_part(parts[0]) == ("the following be noted:", ["the budget", "the timetable"])
    assert parts[1] == "the report be noted"


def test_clean_part_takes_the_end_punctuation_off_each_sub_item() -> None:
    assert clean_part("the following:\n- A;\n- B; and") == "the following:\n- A\n- B"
