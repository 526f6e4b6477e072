"""Printed papers equal the real ones: the seeds' minutes and front sheet, and our own
Overview and Scrutiny fixture, printed from a store as `clerk export` prints them."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_tui.exporting import print_paper
from clerk_tui.render import Copy, Format, PrintOptions
from store import Store
from tests.fixtures import hwb_2019, hwb_2019_06_12, hwb_2019_09_11, hwb_2023_03_08, os_2023

GOLDEN = Path(__file__).parent.parent / "golden"
PASTE = PrintOptions(width=0)
PUBLIC_PASTE = PrintOptions(width=0, public=True)
MARKING = (
    "CONFIDENTIAL: NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A to the "
    "Local Government Act 1972"
)
"""The first line of a confidential copy (tests/golden/README.md)."""


def golden(name: str) -> str:
    return (GOLDEN / name).read_text(encoding="utf-8")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """One store holding every fixture: HWB 2019/20, HWB 2023 and the O&S committee."""
    opened = Store.open(tmp_path / "store")
    for person in hwb_2019.people():
        opened.save_person(person)
    opened.save_committee(hwb_2019.committee())
    opened.save_meeting(hwb_2019_06_12.meeting())
    opened.save_meeting(hwb_2019_09_11.meeting())
    for person in os_2023.people():
        opened.save_person(person)
    opened.save_committee(os_2023.committee())
    opened.save_meeting(os_2023.meeting())
    return opened


@pytest.mark.parametrize("options", [PASTE, PUBLIC_PASTE])
def test_minutes_of_12_june_2019_equal_the_seed(store: Store, options: PrintOptions) -> None:
    """No exempt business: one copy, the public one, whichever is asked for."""
    printed = print_paper(store, "minutes", "hwb-2019-06-12", options)
    assert printed.text == golden("hwb-2019-06-12.minutes.txt")
    assert printed.warnings == ()
    assert printed.copy == Copy.PUBLIC


def test_minutes_of_11_september_2019_equal_the_seed_numbered_on_from_june(store: Store) -> None:
    """The seed prints minute 22, which is exempt: that is clerk's confidential copy,
    marked on top of the seed's text, which is kept exactly."""
    printed = print_paper(store, "minutes", "hwb-2019-09-11", PASTE)
    assert printed.text == f"{MARKING}\n\n" + golden("hwb-2019-09-11.minutes.txt")
    assert printed.copy == Copy.CONFIDENTIAL
    assert "\n11. APOLOGIES FOR ABSENCE\n" in printed.text
    assert "\n22. BETTER CARE FUND 2019/20 PLANS.\n" in printed.text


def test_the_public_minutes_of_11_september_2019_withhold_minute_22(store: Store) -> None:
    printed = print_paper(store, "minutes", "hwb-2019-09-11", PUBLIC_PASTE)
    assert printed.text == golden("hwb-2019-09-11.public.minutes.txt")
    assert printed.copy == Copy.PUBLIC


@pytest.mark.parametrize("options", [PUBLIC_PASTE, PASTE])
def test_front_sheet_of_8_march_2023_equals_the_seed(tmp_path: Path, options: PrintOptions) -> None:
    """The seed is a Public Document Pack with no exempt item: both copies are that one."""
    with Store.open(tmp_path / "2023") as store:
        for person in hwb_2023_03_08.people():
            store.save_person(person)
        store.save_committee(hwb_2023_03_08.committee())
        store.save_meeting(hwb_2023_03_08.meeting())
        printed = print_paper(store, "agenda", "hwb-2023-03-08", options)
    assert printed.text == golden("hwb-2023-03-08.agenda.txt")
    assert printed.copy == Copy.PUBLIC


@pytest.mark.parametrize("paper", ["minutes", "agenda"])
def test_the_overview_and_scrutiny_style_is_configuration(store: Store, paper: str) -> None:
    printed = print_paper(store, paper, "os-asch-2023-10-17", PASTE)  # type: ignore[arg-type]
    assert printed.text == golden(f"os-asch-2023-10-17.{paper}.txt")


def test_only_the_public_front_sheet_is_a_public_document_pack(store: Store) -> None:
    public = print_paper(store, "agenda", "os-asch-2023-10-17", PUBLIC_PASTE).text
    confidential = print_paper(store, "agenda", "os-asch-2023-10-17", PASTE).text
    assert public == golden("os-asch-2023-10-17.public.agenda.txt")
    assert public.startswith("Public Document Pack\n")
    assert confidential.startswith("CONFIDENTIAL: NOT FOR PUBLICATION by virtue of paragraphs 1 and 3 ")
    assert "Public Document Pack" not in confidential


def test_wrapped_minutes_hang_numbered_parts_under_their_text(store: Store) -> None:
    text = print_paper(store, "minutes", "hwb-2019-06-12", PrintOptions(width=60)).text
    assert max(len(line) for line in text.splitlines()) <= 60
    assert "(4) the Board continue its critical role in the continuous\n    improvement" in text
    assert "- That a DCO had been jointly appointed with Liverpool and\n  was utilising" in text


def test_paginated_minutes_carry_the_running_header_and_run_on_through_the_year(store: Store) -> None:
    options = PrintOptions(width=80, paginate=True, page_length=50)
    june = print_paper(store, "minutes", "hwb-2019-06-12", options).text.split("\f\n")
    september = print_paper(store, "minutes", "hwb-2019-09-11", options).text.split("\f\n")
    assert june[0].startswith("THIS SET OF MINUTES IS NOT SUBJECT TO “CALL-IN”\n\n1\n\nHEALTH AND")
    assert june[1].startswith("HEALTH AND WELLBEING BOARD- WEDNESDAY 12TH JUNE, 2019\n\n2\n\n")
    assert all(len(page.rstrip("\n").split("\n")) <= 50 for page in june + september)
    # September's is the confidential copy: marked at the top of every page.
    wrapped_marking = (
        "CONFIDENTIAL: NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule\n"
        "12A to the Local Government Act 1972\n\n"
    )
    assert len(september) > 1 and all(page.startswith(wrapped_marking) for page in september)
    # September's first page is the page after June's last.
    first = september[0].removeprefix(wrapped_marking)
    assert first.startswith(f"THIS SET OF MINUTES IS NOT SUBJECT TO “CALL-IN”\n\n{len(june) + 1}\n\n")
    assert (
        september[1]
        .removeprefix(wrapped_marking)
        .startswith(f"HEALTH AND WELLBEING BOARD- WEDNESDAY 11TH SEPTEMBER, 2019\n\n{len(june) + 2}\n")
    )


def test_the_public_pages_are_not_marked_and_number_on_as_the_public_copy_prints(store: Store) -> None:
    options = PrintOptions(width=80, paginate=True, page_length=50, public=True)
    june = print_paper(store, "minutes", "hwb-2019-06-12", options).text.split("\f\n")
    september = print_paper(store, "minutes", "hwb-2019-09-11", options).text.split("\f\n")
    assert not any("CONFIDENTIAL" in page for page in september)
    assert september[0].startswith(f"THIS SET OF MINUTES IS NOT SUBJECT TO “CALL-IN”\n\n{len(june) + 1}\n\n")


def test_markdown_comes_from_the_same_document(store: Store) -> None:
    markdown = print_paper(store, "minutes", "hwb-2019-09-11", PrintOptions(Format.MARKDOWN)).text
    assert markdown.startswith(f"**{MARKING}**\n\n**THIS SET OF MINUTES IS NOT SUBJECT TO “CALL-IN”**\n")
    assert "\n# HEALTH AND WELLBEING BOARD\n" in markdown
    assert "\n## 21. EXCLUSION OF PRESS AND PUBLIC\n" in markdown
    assert "| Member | Minute No. | Nature of Interest |" in markdown
    assert "| Richard Freeman | 22 - Better Care Fund 2019/20 Plans |" in markdown
    assert "\n**RESOLVED: That**\n\n(1) the report be noted; and\n\n(2) the Chair be given" in markdown
