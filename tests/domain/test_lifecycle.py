"""Every state of a meeting can be reversed, and each change says what it does first."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from clerk_tui.domain import (
    AgendaItem,
    DomainError,
    HouseStyle,
    ItemKind,
    Meeting,
    MeetingStatus,
    MeetingSummary,
    Venue,
)
from clerk_tui.domain.lifecycle import (
    back_to_draft,
    back_to_draft_plan,
    change_date,
    change_start,
    change_venue,
    deletion_plan,
    following_meeting,
    mark_drafted,
    publish_agenda,
    publish_question,
    reopen_minutes,
    reopen_question,
    reschedule_effects,
    take_live,
    take_live_question,
    unpublish_agenda,
    unpublish_question,
)
from clerk_tui.domain.live import take_item, write_minute
from clerk_tui.domain.minutes import ResolutionLead
from clerk_tui.domain.undo import undo


def test_taking_a_meeting_live_is_asked_in_a_sentence_that_says_when_it_is() -> None:
    meeting = Meeting("hwb-2026-12-15", "hwb", date(2026, 12, 15))
    today = date(2026, 12, 1)
    assert (
        take_live_question(meeting, today)
        == "This meeting is on Tue 15 Dec 2026, in 14 days: take it live now?"
    )
    assert (
        take_live_question(meeting, date(2026, 12, 15))
        == "This meeting is today, Tue 15 Dec 2026: take it live now?"
    )
    assert (
        take_live_question(meeting, date(2026, 12, 14))
        == "This meeting is on Tue 15 Dec 2026, tomorrow: take it live now?"
    )
    assert (
        take_live_question(meeting, date(2026, 12, 18))
        == "This meeting was on Tue 15 Dec 2026, 3 days ago: take it live now?"
    )
    assert take_live(meeting) == "The meeting is live: minutes are numbered as items are taken."
    assert meeting.status == MeetingStatus.HELD
    with pytest.raises(DomainError, match="The meeting is held already"):
        take_live_question(meeting, today)


def test_a_meeting_held_by_mistake_goes_back_to_its_agenda(meeting: Meeting) -> None:
    publish_agenda(meeting)
    take_live(meeting)
    take_item(meeting, "item-1")
    written = take_item(meeting, "item-4")
    write_minute(written, "The Board considered the report.", "", ResolutionLead.RESOLVED)
    plan = back_to_draft_plan(meeting)
    assert plan.status == MeetingStatus.PUBLISHED, "it was published before it went live"
    assert plan.sentence == (
        "Put the meeting back to its published agenda? 1 minute started but not written in goes. "
        "Kept, with their numbers: “Report A” (they have text)."
    )
    assert back_to_draft(meeting) == "The meeting is back to its published agenda."
    assert meeting.status == MeetingStatus.PUBLISHED
    assert [m.item_id for m in meeting.minutes] == ["item-4"]
    assert undo(meeting) == "Undone: meeting put back to its published agenda."
    assert [meeting.status] == [MeetingStatus.HELD] and len(meeting.minutes) == 2


def test_back_to_draft_with_nothing_recorded_and_no_history_goes_to_the_draft_agenda(
    meeting: Meeting,
) -> None:
    meeting.status = MeetingStatus.HELD
    plan = back_to_draft_plan(meeting)
    assert plan.sentence == "Put the meeting back to its draft agenda?"
    back_to_draft(meeting)
    assert meeting.status == MeetingStatus.DRAFT_AGENDA


def test_only_a_live_meeting_goes_back_to_its_agenda(meeting: Meeting) -> None:
    with pytest.raises(DomainError, match="Only a live meeting"):
        back_to_draft_plan(meeting)


def test_a_published_agenda_is_unpublished(meeting: Meeting) -> None:
    assert publish_agenda(meeting) == "Agenda published."
    with pytest.raises(DomainError, match="Only a draft agenda is published"):
        publish_agenda(meeting)
    assert unpublish_agenda(meeting).startswith("The agenda is a draft again")
    assert meeting.status == MeetingStatus.DRAFT_AGENDA
    assert undo(meeting) == "Undone: agenda unpublished."
    assert [meeting.status] == [MeetingStatus.PUBLISHED]


def _next_meeting() -> Meeting:
    upcoming = Meeting("hwb-2019-12-04", "hwb", date(2019, 12, 4))
    upcoming.add_item(AgendaItem("item-1", "Minutes of Previous Meeting", ItemKind.PREVIOUS_MINUTES))
    return upcoming


def test_drafted_minutes_name_the_meeting_on_the_next_agenda_and_reopen(meeting: Meeting) -> None:
    meeting.status = MeetingStatus.HELD
    upcoming = _next_meeting()
    drafted = mark_drafted(meeting, upcoming)
    assert drafted.said == (
        "Minutes marked drafted. The agenda of 04 December 2019 now lists the minutes of the meeting "
        "held on 11 September 2019."
    )
    assert drafted.upcoming_changed
    assert upcoming.agenda[0].description == "Minutes of the meeting held on 11 September 2019"
    assert reopen_minutes(meeting) == "The minutes are open again: the meeting is live."
    assert meeting.status == MeetingStatus.HELD
    again = mark_drafted(meeting, upcoming)
    assert (again.said, again.upcoming_changed) == ("Minutes marked drafted.", False), "already named"


def test_only_drafted_minutes_reopen_and_only_held_meetings_draft(meeting: Meeting) -> None:
    with pytest.raises(DomainError, match="not drafted"):
        reopen_minutes(meeting)
    with pytest.raises(DomainError, match="Only a held meeting"):
        mark_drafted(meeting, None)


def test_the_following_meeting_is_the_next_of_the_same_committee(meeting: Meeting) -> None:
    summaries = [
        MeetingSummary("hwb-2020-03-04", "hwb", date(2020, 3, 4), MeetingStatus.DRAFT_AGENDA),
        MeetingSummary("os-2019-10-01", "os", date(2019, 10, 1), MeetingStatus.DRAFT_AGENDA),
        MeetingSummary("hwb-2019-12-04", "hwb", date(2019, 12, 4), MeetingStatus.DRAFT_AGENDA),
        MeetingSummary("hwb-2019-06-12", "hwb", date(2019, 6, 12), MeetingStatus.APPROVED),
    ]
    found = following_meeting(summaries, meeting)
    assert found is not None and found.id == "hwb-2019-12-04"
    assert following_meeting(summaries[:2], replace(meeting, date=date(2021, 1, 1))) is None


# --- date, time and venue ---------------------------------------------------------------
STYLE = HouseStyle(municipal_year_start_month=5)


def _year() -> tuple[Meeting, list[MeetingSummary]]:
    """2026/27: June 1-11, this meeting in September 12-22, December 23-24, April 25-32."""
    this = Meeting("hwb-2026-09-15", "hwb", date(2026, 9, 15), status=MeetingStatus.HELD)
    for number in range(11):
        this.add_item(AgendaItem(f"item-{number + 1}", f"Report {number + 1}"))
        take_item(this, f"item-{number + 1}")
    summaries = [
        MeetingSummary("hwb-2026-06-09", "hwb", date(2026, 6, 9), MeetingStatus.APPROVED, 11),
        MeetingSummary.of(this),
        MeetingSummary("hwb-2026-12-08", "hwb", date(2026, 12, 8), MeetingStatus.HELD, 2),
        MeetingSummary("hwb-2027-04-13", "hwb", date(2027, 4, 13), MeetingStatus.PUBLISHED, 8),
        MeetingSummary("os-2026-10-01", "os", date(2026, 10, 1), MeetingStatus.HELD, 5),
    ]
    return this, summaries


def test_moving_a_meeting_says_first_what_it_does_to_minute_numbers() -> None:
    this, summaries = _year()
    effects = reschedule_effects(this, date(2027, 1, 12), summaries, STYLE)
    assert effects.sentence == (
        "Moving the meeting to Tue 12 Jan 2027: minutes 12-22 become 14-24; "
        "those of Tue 8 Dec 2026 (23-24) become 12-13."
    )
    assert [(r.meeting_id, r.before, r.after) for r in effects.renumbered] == [
        ("hwb-2026-09-15", "12-22", "14-24"),
        ("hwb-2026-12-08", "23-24", "12-13"),
    ]
    assert this.date == date(2026, 9, 15), "saying is not doing"


def test_moving_a_meeting_into_the_next_year_renumbers_both_years() -> None:
    this, summaries = _year()
    effects = reschedule_effects(this, date(2027, 6, 8), summaries, STYLE)
    assert effects.sentence == (
        "Moving the meeting to Tue 8 Jun 2027: minutes 12-22 become 1-11; "
        "those of Tue 8 Dec 2026 (23-24) become 12-13; those of Tue 13 Apr 2027 (25-32) become 14-21."
    )


def test_a_move_within_the_same_place_changes_no_number() -> None:
    this, summaries = _year()
    effects = reschedule_effects(this, date(2026, 9, 22), summaries, STYLE)
    assert effects.sentence == "Moving the meeting to Tue 22 Sep 2026: minute numbers do not change."
    assert effects.renumbered == ()


def test_a_move_that_would_renumber_approved_minutes_is_refused() -> None:
    this, summaries = _year()
    with pytest.raises(DomainError, match="The approved minutes of 9 June 2026 would be renumbered"):
        reschedule_effects(this, date(2026, 6, 2), summaries, STYLE)


def test_date_time_and_venue_change_as_steps(meeting: Meeting) -> None:
    meeting.status = MeetingStatus.HELD
    assert change_date(meeting, date(2019, 9, 18)) == "meeting moved to Wed 18 Sep 2019 (was Wed 11 Sep 2019)"
    assert change_start(meeting, time(18, 30)) == "start time 6.30 pm (was no time)"
    said = change_venue(meeting, Venue("Committee Room", "Bootle Town Hall\x07"))
    assert said == "venue Committee Room - Bootle Town Hall (was no venue)"
    assert meeting.venue.building == "Bootle Town Hall"
    assert change_venue(meeting, Venue("Committee Room", "Bootle Town Hall")) == "The venue is unchanged."
    for _ in range(3):
        undo(meeting)
    assert (meeting.date, meeting.start, meeting.venue) == (date(2019, 9, 11), None, Venue())


# --- the questions asked first, and deleting ------------------------------------------
def test_each_change_of_state_is_asked_in_a_sentence_first(meeting: Meeting) -> None:
    assert publish_question(meeting) == (
        "Publish the agenda of Wed 11 Sep 2019? It is marked as sent out; it can be made a draft "
        "again later, but copies sent out are not recalled."
    )
    publish_agenda(meeting)
    assert unpublish_question(meeting) == (
        "Make the published agenda of Wed 11 Sep 2019 a draft again? "
        "Copies already sent out are not recalled."
    )
    with pytest.raises(DomainError, match="Only a draft agenda"):
        publish_question(meeting)
    with pytest.raises(DomainError, match="not drafted"):
        reopen_question(meeting)
    take_live(meeting)
    take_item(meeting, "item-4")
    mark_drafted(meeting, None)
    assert reopen_question(meeting) == (
        "Reopen the drafted minutes of Wed 11 Sep 2019 (1 minute)? The meeting is live again, so they "
        "can be changed; mark them drafted again when done."
    )
    with pytest.raises(DomainError, match="not published"):
        unpublish_question(meeting)


def test_deleting_a_meeting_says_what_goes_and_which_later_minutes_close_up() -> None:
    this, summaries = _year()
    plan = deletion_plan(MeetingSummary.of(this), summaries, STYLE)
    assert plan.sentence == (
        "Delete the meeting of Tue 15 Sep 2026 (held)? Its 11 minutes (12-22) go with it. "
        "Later minutes close up: those of Tue 8 Dec 2026 (23-24) become 12-13; those of "
        "Tue 13 Apr 2027 (25-32) become 14-21. Its file is moved to the store's deleted area, "
        "and it can be put back."
    )
    assert [r.meeting_id for r in plan.renumbered] == ["hwb-2026-12-08", "hwb-2027-04-13"]
    draft = MeetingSummary("hwb-2027-07-06", "hwb", date(2027, 7, 6), MeetingStatus.DRAFT_AGENDA)
    assert deletion_plan(draft, [*summaries, draft], STYLE).sentence == (
        "Delete the meeting of Tue 6 Jul 2027 (draft agenda)? Its file is moved to the store's "
        "deleted area, and it can be put back."
    )


def test_approved_minutes_are_never_deleted_nor_renumbered_by_a_deletion() -> None:
    _, summaries = _year()
    with pytest.raises(DomainError, match="approved: they are the committee's record"):
        deletion_plan(summaries[0], summaries, STYLE)
    earlier = MeetingSummary("hwb-2026-05-26", "hwb", date(2026, 5, 26), MeetingStatus.HELD, 3)
    with pytest.raises(DomainError, match="would renumber the approved minutes of Tue 9 Jun 2026"):
        deletion_plan(earlier, [earlier, *summaries], STYLE)
