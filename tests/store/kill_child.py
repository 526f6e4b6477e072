"""The kill test's child: edits a store in a loop until it is killed.

Usage: ``python kill_child.py ROOT TARGET START``. Opens the store, prints
``ready``, then forever: load TARGET, make one edit carrying the counter N, save it,
and print ``ack N KIND ID`` (flushed) once save_meeting has returned. The parent
SIGKILLs it at a random moment and checks that every acknowledged edit survived.

Kinds: ``att`` an attendance event (meeting file only), ``min`` a minute (meeting
file and index: the summary's minute count changes), ``new`` a new meeting.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from clerk_tui.domain import AttendanceEvent, Block, EventKind, Meeting, Minute
from store import Store


def run(root: Path, target: str, start: int) -> None:
    store = Store.open(root)
    if not store.has_meeting(target):
        store.save_meeting(Meeting(target, "kill", date(2024, 5, 20)))
    print("ready", flush=True)
    counter = start
    while True:
        if counter % 10 == 9:
            new_id = f"m-{counter}"
            store.save_meeting(Meeting(new_id, "kill", date(2024, 6, 1 + counter % 28)))
            print(f"ack {counter} new {new_id}", flush=True)
        else:
            meeting = store.meeting(target)
            if counter % 10 in (3, 6):
                text = f"Counter {counter}. " * 20
                meeting.minutes.append(
                    Minute(f"minute-{counter}", f"counter {counter}", narrative=[Block(text=text)])
                )
                kind = "min"
            else:
                meeting.attendance.append(AttendanceEvent(f"c{counter}", EventKind.ARRIVED))
                kind = "att"
            store.save_meeting(meeting)
            print(f"ack {counter} {kind} {target}", flush=True)
        counter += 1


if __name__ == "__main__":
    run(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]))
