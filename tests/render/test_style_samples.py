"""The house-style settings are data a form is built from: each has a description and a
sample printed by the papers' own code, and the sample shows what the setting does."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from clerk_tui.domain import DomainError, HouseStyle, PresencePlacement
from clerk_tui.domain.committee import SkippedItems
from clerk_tui.render.style_samples import NOT_PRINTED, SETTINGS, Control, Setting, setting, undeclared

EVERYTHING_ON = replace(
    HouseStyle(),
    arrivals=PresencePlacement.IN_MINUTE,
    departures=PresencePlacement.AFTER_PRESENT,
    withdrawals=PresencePlacement.IN_MINUTE,
    officers_in_attendance=True,
    skipped_items=SkippedItems.HEADING_AND_SENTENCE,
)


def test_every_setting_added_for_the_printed_record_is_described() -> None:
    assert undeclared() == []
    assert len({s.name for s in SETTINGS}) == len(SETTINGS)


def other_value(entry: Setting, style: HouseStyle) -> Any:
    value = entry.value_of(style)
    if entry.control == Control.CHOICE:
        return next(choice for _, choice in entry.choices if choice != value)
    if entry.control == Control.SWITCH:
        return not value
    if entry.control == Control.LINES:
        return ["changed", *value]
    return f"Changed {value}"


@pytest.mark.parametrize("entry", SETTINGS, ids=lambda entry: entry.name)
def test_each_sample_shows_its_setting_change(entry: Setting) -> None:
    before = entry.sample(EVERYTHING_ON)
    assert before and "{" not in before
    after = entry.sample(entry.with_value(EVERYTHING_ON, other_value(entry, EVERYTHING_ON)))
    assert after != before


def test_a_presence_setting_that_is_off_says_so() -> None:
    assert setting("arrivals").sample(HouseStyle()) == NOT_PRINTED
    assert setting("arrival_wording").sample(EVERYTHING_ON) == (
        "At the head of the minute: Councillor Green arrived at the meeting during consideration "
        "of this item."
    )


def test_a_wording_the_printer_cannot_fill_is_refused_naming_its_field() -> None:
    with pytest.raises(DomainError) as refused:
        setting("withdrawal_wording").with_value(EVERYTHING_ON, "{name} left ({reason})")
    assert refused.value.field == "withdrawal_wording"
