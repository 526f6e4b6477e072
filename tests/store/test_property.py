"""Random-ish meetings survive save and load unchanged."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_tui.domain import (
    AgendaItem,
    AttendanceEvent,
    Block,
    BlockKind,
    Declaration,
    EventKind,
    InterestAction,
    InterestKind,
    ItemKind,
    Meeting,
    MeetingStatus,
    Minute,
    MinuteStatus,
    PageRange,
    Resolution,
    Venue,
)
from store import Store

text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
title = text.filter(lambda value: value.strip() != "")
clock = st.builds(time, st.integers(0, 23), st.integers(0, 59))  # stored to the minute
ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)


@st.composite
def agenda_items(draw: Any, number: int) -> AgendaItem:
    first = draw(st.integers(1, 200))
    pages = draw(st.none() | st.builds(PageRange, st.just(first), st.integers(first, first + 50)))
    exempt = draw(st.booleans())
    return AgendaItem(
        f"item-{number}",
        draw(title),
        kind=draw(st.sampled_from(ItemKind)),
        label=draw(text),
        pages=pages,
        to_follow=pages is None and draw(st.booleans()),
        report_of=draw(text),
        notes=draw(text),
        exempt=exempt,
        exempt_paragraphs=draw(st.lists(st.integers(1, 7), min_size=1, max_size=3)) if exempt else [],
    )


@st.composite
def meetings(draw: Any) -> Meeting:
    items = [draw(agenda_items(n)) for n in range(1, draw(st.integers(0, 5)) + 1)]
    item_ids = st.none() | st.sampled_from([i.id for i in items]) if items else st.none()
    meeting = Meeting(
        draw(ids),
        draw(ids),
        draw(st.dates(date(2000, 1, 1), date(2040, 12, 31))),
        start=draw(st.none() | clock),
        venue=Venue(draw(text), draw(text)),
        status=draw(st.sampled_from(MeetingStatus)),
        agenda=items,
        first_minute_number=draw(st.none() | st.integers(1, 500)),
    )
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from([k for k in EventKind if k != EventKind.SUBSTITUTE]))
        meeting.attendance.append(
            AttendanceEvent(
                draw(ids),
                kind,
                at=draw(st.none() | clock),
                item_id=draw(item_ids),
                capacity=draw(text),
            )
        )
    if items:
        for number in range(draw(st.integers(0, 2))):
            meeting.declarations.append(
                Declaration(
                    f"declaration-{number}",
                    draw(ids),
                    items[0].id,
                    kind=InterestKind.PERSONAL,
                    nature=draw(title),
                    action=draw(st.sampled_from(InterestAction)),
                )
            )
    for number in range(draw(st.integers(0, 4))):
        blocks = [
            Block(draw(st.sampled_from(BlockKind)), draw(text), draw(st.lists(text, max_size=3)))
            for _ in range(draw(st.integers(0, 3)))
        ]
        parts = draw(
            st.lists(st.from_regex(r"[A-Za-z][A-Za-z ]{0,30}[a-z]", fullmatch=True), min_size=1, max_size=3)
        )
        meeting.minutes.append(
            Minute(
                f"minute-{number}",
                draw(title),
                item_id=draw(item_ids),
                narrative=blocks,
                resolution=draw(st.none() | st.just(Resolution(parts))),
                status=draw(st.sampled_from(MinuteStatus)),
            )
        )
    return meeting


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(meeting=meetings())
def test_meetings_round_trip(tmp_path: Path, meeting: Meeting) -> None:
    root = tmp_path / "property"
    with Store.open(root, backups_to_keep=0) as store:
        store.save_meeting(meeting)
        assert store.meeting(meeting.id) == meeting
    with Store.open(root, read_only=True) as store:
        assert store.meeting(meeting.id) == meeting
        (summary,) = [s for s in store.meeting_summaries() if s.id == meeting.id]
        assert summary.minute_count == meeting.minute_count()
