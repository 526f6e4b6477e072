"""The printed record says what happened: who came, left or withdrew during which item,
the officers in attendance, deferred and withdrawn items, nested lists and resolution
sub-lists, each in the committee's house style (tests/fixtures/planning_presence_2027.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from clerk_tui.domain import HouseStyle, PresencePlacement
from clerk_tui.exporting import print_paper
from clerk_tui.render import Copy, PrintOptions
from store import Store
from tests.fixtures import planning_presence_2027

GOLDEN = Path(__file__).parent.parent / "golden"
PASTE = PrintOptions(width=0)


def golden(name: str) -> str:
    return (GOLDEN / name).read_text(encoding="utf-8")


def planning_store(root: Path, style: HouseStyle) -> Store:
    store = Store.open(root)
    for person in planning_presence_2027.people():
        store.save_person(person)
    store.save_committee(planning_presence_2027.committee(style))
    store.save_meeting(planning_presence_2027.meeting())
    return store


STYLES = {
    "in-minute": planning_presence_2027.IN_MINUTE,
    "after-present": planning_presence_2027.AFTER_PRESENT,
}


@pytest.mark.parametrize("name", sorted(STYLES))
def test_presence_deferrals_and_nested_lists_print_as_each_house_style_says(
    tmp_path: Path, name: str
) -> None:
    with planning_store(tmp_path / name, STYLES[name]) as store:
        printed = print_paper(store, "minutes", planning_presence_2027.MEETING_ID, PASTE)
    assert printed.text == golden(f"planning-2027-03-10.{name}.minutes.txt")
    assert printed.warnings == ()
    assert printed.copy == Copy.PUBLIC


def test_with_every_setting_off_the_minutes_say_nothing_of_presence_or_skipped_items(tmp_path: Path) -> None:
    """The defaults print what the papers printed before issue 11 (the seeds print none of it)."""
    defaults = HouseStyle()
    plain = replace(
        planning_presence_2027.IN_MINUTE,
        arrivals=defaults.arrivals,
        departures=defaults.departures,
        withdrawals=defaults.withdrawals,
        officers_in_attendance=defaults.officers_in_attendance,
        skipped_items=defaults.skipped_items,
    )
    with planning_store(tmp_path / "off", plain) as store:
        text = print_paper(store, "minutes", planning_presence_2027.MEETING_ID, PASTE).text
    for absent in ("arrived", "left the meeting", "left the room", "OFFICERS PRESENT", "HIGH STREET", "TREE"):
        assert absent not in text
    assert "\n49. PLANNING APPEALS UPDATE\n" in text  # deferred items still take no number


def test_the_defaults_of_a_new_style_print_no_presence_notes() -> None:
    style = HouseStyle()
    assert (style.arrivals, style.departures, style.withdrawals) == (PresencePlacement.OFF,) * 3
    assert not style.officers_in_attendance


def test_a_person_renamed_from_a_date_keeps_the_old_name_in_earlier_minutes(tmp_path: Path) -> None:
    """Mary O'Neill is Mary Fitzgerald from 1 June 2027 (planning_presence_2027.people): the March
    minutes, printed after the change, still name her as she was; a meeting after the
    change names her anew."""
    with planning_store(tmp_path / "renamed", planning_presence_2027.AFTER_PRESENT) as store:
        assert store.person("mary-oneill").name == "Mary Fitzgerald"
        march = print_paper(store, "minutes", planning_presence_2027.MEETING_ID, PASTE).text
        later = replace(planning_presence_2027.meeting(), id="planning-2027-07-07", date=date(2027, 7, 7))
        store.save_meeting(later)
        july = print_paper(store, "minutes", later.id, PASTE).text
    assert "Councillors Tom Green, Mary O'Neill and Priya Shah\n" in march
    assert "Fitzgerald" not in march
    # After the change: her new name, and the PRESENT list sorted by it.
    assert "Councillors Mary Fitzgerald, Tom Green and Priya Shah\n" in july
    assert "O'Neill" not in july


def test_renaming_again_must_come_after_the_last_change() -> None:
    from clerk_tui.domain import DomainError

    person = next(p for p in planning_presence_2027.people() if p.id == "mary-oneill")
    with pytest.raises(DomainError, match="already changed on 01/06/2027"):
        person.renamed_from(date(2027, 5, 1), "Mary Smith")
    again = person.renamed_from(date(2028, 1, 1), "Dame Mary Fitzgerald")
    assert [again.as_on(day).name for day in (date(2027, 1, 1), date(2027, 9, 1), date(2028, 2, 1))] == [
        "Mary O'Neill",
        "Mary Fitzgerald",
        "Dame Mary Fitzgerald",
    ]
