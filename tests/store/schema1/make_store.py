"""Write a store as an older clerk wrote it, with that clerk's own code and fixtures.

Run once per kept store, from a copy of the older source tree (never from this one):

    git archive COMMIT | tar -x -C /tmp/clerk-COMMIT
    PYTHONPATH=/tmp/clerk-COMMIT python tests/store/schema1/make_store.py \
        tests/store/schema1/COMMIT

The stores are kept in the repository as written (backups and lock left out), so that a
test opens files made by the code of the time, not by today's code asked to pretend.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from store import Store
from tests.fixtures import hwb_2019, hwb_2019_06_12, hwb_2019_09_11, hwb_2023_03_08, os_2023


def main(destination: Path) -> None:
    if destination.exists():
        shutil.rmtree(destination)
    with Store.open(destination, backups_to_keep=0) as store:
        for person in [*hwb_2019.people(), *os_2023.people(), *hwb_2023_03_08.people()]:
            store.save_person(person)
        for committee in (hwb_2019.committee(), os_2023.committee()):
            store.save_committee(committee)
        for meeting in (hwb_2019_06_12.meeting(), hwb_2019_09_11.meeting(), os_2023.meeting()):
            store.save_meeting(meeting)
    for leftover in ("backups", "deleted", ".clerk.lock"):
        path = destination / leftover
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
