"""The year's calendar read back with icalendar, the attendance register read back with
csv and printed as a table, and the minutes sent to a printer (a stand-in lp)."""

from __future__ import annotations

import csv
import io
import os
import stat
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Component

from clerk_tui.cli_papers import (
    PapersError,
    calendar_file,
    parse_year,
    register_file,
    send_to_printer,
)
from clerk_tui.domain import Meeting, MeetingStatus, Venue
from clerk_tui.domain.approval import cancel
from store import Store

EXPORTED = datetime(2019, 5, 20, 9, 30, tzinfo=UTC)


def events(data: bytes) -> dict[str, Component]:
    calendar = Calendar.from_ical(data)
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_the_years_meetings_as_a_calendar(store: Store) -> None:
    december = Meeting(
        "hwb-2019-12-04", "hwb", date(2019, 12, 4), time(14, 0), Venue("Committee Room", "Bootle Town Hall")
    )
    cancel(december)
    store.save_meeting(december)
    data = calendar_file(store, "hwb", 2019, EXPORTED, domain="sefton.gov.uk")
    assert b"\r\n" in data
    calendar = Calendar.from_ical(data)
    assert str(calendar["x-wr-calname"]) == "Health and Wellbeing Board 2019/20"
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    found = events(data)
    assert sorted(found) == [
        "hwb-2019-06-12@sefton.gov.uk",
        "hwb-2019-09-11@sefton.gov.uk",
        "hwb-2019-12-04@sefton.gov.uk",
    ]
    june = found["hwb-2019-06-12@sefton.gov.uk"]
    start = june.decoded("dtstart")
    assert start == datetime(2019, 6, 12, 14, 0, tzinfo=start.tzinfo) and str(start.tzinfo) == "Europe/London"
    assert start.astimezone(UTC).hour == 13  # British Summer Time
    assert june.decoded("dtend") - start == timedelta(hours=2)
    assert str(june["location"]) == "Committee Room - Bootle Town Hall, Trinity Road, Bootle, L20 7AE"
    assert str(june["status"]) == "CONFIRMED"
    december_event = found["hwb-2019-12-04@sefton.gov.uk"]
    assert str(december_event["status"]) == "CANCELLED"
    assert str(december_event["summary"]) == "CANCELLED: Health and Wellbeing Board"
    assert december_event.decoded("dtstart").astimezone(UTC).hour == 14  # Greenwich Mean Time
    assert december_event.decoded("dtstamp") == EXPORTED


def test_re_exporting_updates_the_same_events(store: Store) -> None:
    first = events(calendar_file(store, "hwb", 2019, EXPORTED))
    september = store.meeting("hwb-2019-09-11")
    september.start = time(10, 0)
    store.save_meeting(september)
    later = events(calendar_file(store, "hwb", 2019, EXPORTED + timedelta(days=3)))
    assert first.keys() == later.keys()
    for uid in first:
        assert later[uid].decoded("sequence") > first[uid].decoded("sequence")
        assert later[uid].decoded("dtstamp") > first[uid].decoded("dtstamp")
    assert later["hwb-2019-09-11@clerk"].decoded("dtstart").hour == 10


def test_the_register_as_csv(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(register_file(store, "hwb", 2019, "csv").decode("utf-8"))))
    moncur = next(row for row in rows if row["person_id"] == "ian-moncur")
    assert moncur == {
        "committee_id": "hwb",
        "year": "2019/20",
        "person_id": "ian-moncur",
        "name": "Ian Moncur",
        "role": "chair",
        "expected": "2",
        "attended": "1",
        "apologies": "1",
        "absent": "0",
        "substituted": "0",
        "as_substitute": "0",
        "in_attendance": "0",
        "percentage": "50",
    }
    assert rows[0]["person_id"] == "ian-moncur"


def test_the_register_printed_as_a_table(store: Store) -> None:
    text = register_file(store, "hwb", 2019, "text").decode("utf-8")
    assert text.startswith("HEALTH AND WELLBEING BOARD\n\nATTENDANCE REGISTER: MUNICIPAL YEAR 2019/20\n")
    assert "Meetings counted (2): Wednesday 12 June 2019; Wednesday 11 September 2019." in " ".join(
        text.split()
    )
    line = next(line for line in text.splitlines() if line.startswith("Cllr. Ian Moncur"))
    assert line.split()[-8:] == ["2", "1", "1", "0", "0", "0", "0", "50%"]
    assert register_file(store, "hwb", 2019, "pdf").startswith(b"%PDF-")


def test_a_spreadsheet_never_reads_a_name_as_a_formula(store: Store) -> None:
    person = store.person("dwayne-johnson")
    person.name = '=HYPERLINK("http://example.invalid")'
    store.save_person(person)
    rows = list(csv.DictReader(io.StringIO(register_file(store, "hwb", 2019, "csv").decode("utf-8"))))
    assert next(row for row in rows if row["person_id"] == "dwayne-johnson")["name"].startswith("'=")


@pytest.mark.parametrize(("typed", "year"), [("2019/20", 2019), ("2023", 2023), (" 1999/00 ", 1999)])
def test_municipal_years_as_clerks_write_them(typed: str, year: int) -> None:
    assert parse_year(typed) == year


@pytest.mark.parametrize("typed", ["2019/21", "19/20", "next year"])
def test_a_year_that_is_not_one_is_refused_plainly(typed: str) -> None:
    with pytest.raises(PapersError, match="is not a municipal year"):
        parse_year(typed)


def fake_lp(folder: Path, status: int = 0) -> Path:
    script = folder / "lp"
    script.write_text(
        "#!/bin/sh\n"
        f'cat > "{folder}/printed.pdf"\n'
        f'echo "$@" > "{folder}/arguments"\n'
        + ('echo "lp: Error - no default destination available." >&2\n' if status else "")
        + ('echo "request id is Office-7 (1 file(s))"\n' if not status else "")
        + f"exit {status}\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_printing_sends_the_pdf_to_lp(store: Store, tmp_path: Path) -> None:
    answer = send_to_printer(store, "hwb-2019-06-12", lp=str(fake_lp(tmp_path)))
    assert answer == "request id is Office-7 (1 file(s))"
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "arguments").read_text(encoding="utf-8").strip() == "-t Minutes hwb-2019-06-12"


def test_a_printer_that_refuses_says_why(store: Store, tmp_path: Path) -> None:
    with pytest.raises(PapersError, match="no default destination available"):
        send_to_printer(store, "hwb-2019-06-12", lp=str(fake_lp(tmp_path, status=1)))


def test_no_printer_is_said_plainly(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert not os.listdir(tmp_path) or "lp" not in os.listdir(tmp_path)
    with pytest.raises(PapersError, match="no printer command on this computer") as missing:
        send_to_printer(store, "hwb-2019-06-12")
    assert "clerk export minutes hwb-2019-06-12 --format pdf" in str(missing.value)


def test_a_cancelled_meeting_is_not_counted(store: Store) -> None:
    planned = Meeting("hwb-2020-03-11", "hwb", date(2020, 3, 11), status=MeetingStatus.PUBLISHED)
    cancel(planned)
    store.save_meeting(planned)
    text = register_file(store, "hwb", 2019, "text").decode("utf-8")
    assert "Meetings counted (2)" in text
