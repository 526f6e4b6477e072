"""A store holding the golden meetings: HWB 2019/20 (June and September) and the O&S
committee, as tests/render/test_golden.py prints them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Store
from tests.fixtures import hwb_2019, hwb_2019_06_12, hwb_2019_09_11, hwb_2023_03_08, os_2023


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "store", backups_to_keep=0)
    for person in [*hwb_2019.people(), *os_2023.people()]:
        opened.save_person(person)
    opened.save_committee(hwb_2019.committee())
    opened.save_committee(os_2023.committee())
    opened.save_meeting(hwb_2019_06_12.meeting())
    opened.save_meeting(hwb_2019_09_11.meeting())
    opened.save_meeting(os_2023.meeting())
    yield opened
    opened.close()


@pytest.fixture
def agenda_store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "agenda", backups_to_keep=0)
    for person in hwb_2023_03_08.people():
        opened.save_person(person)
    opened.save_committee(hwb_2023_03_08.committee())
    opened.save_meeting(hwb_2023_03_08.meeting())
    yield opened
    opened.close()
