"""The app saves from a worker thread while the UI thread reads: nothing is lost or torn."""

from __future__ import annotations

import threading
from datetime import date

from clerk_tui.domain import AttendanceEvent, EventKind
from store import Store
from tests.store import builders


def test_concurrent_saves_and_reads(store: Store) -> None:
    for number in range(4):
        store.save_meeting(builders.meeting(f"m-{number}", day=date(2020, 1, number + 1)))
    errors: list[BaseException] = []
    lock = threading.Lock()  # one writer per meeting, as the app does; the store guards the rest

    def writer(number: int) -> None:
        try:
            for step in range(25):
                with lock:
                    meeting = store.meeting(f"m-{number}")
                    meeting.attendance.append(AttendanceEvent(f"p{step}", EventKind.ARRIVED))
                store.save_meeting(meeting)
                if step % 5 == 0 and meeting.minutes:
                    meeting.minutes.pop()
                    store.save_meeting(meeting)
        except BaseException as error:
            errors.append(error)

    def reader() -> None:
        try:
            for _ in range(100):
                assert len(store.meeting_summaries()) == 4
                store.meeting("m-0")
                assert store.first_minute_number("m-3") >= 1
        except BaseException as error:
            errors.append(error)

    store.save_committee(builders.committee())
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    threads += [threading.Thread(target=reader) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for number in range(4):
        people = [e.person_id for e in store.meeting(f"m-{number}").attendance]
        assert people == ["carla-thomas"] + [f"p{step}" for step in range(25)]
