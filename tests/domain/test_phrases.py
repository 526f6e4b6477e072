"""The phrase library: the house's standard resolution wording, filled from the meeting."""

from datetime import date, time

import pytest

from clerk_tui.domain import (
    AgendaItem,
    Committee,
    DomainError,
    ItemKind,
    Meeting,
    MeetingStatus,
    MeetingSummary,
    Venue,
)
from clerk_tui.domain.live import parts_from_text
from clerk_tui.domain.minutes import Resolution, clean_part
from clerk_tui.domain.phrases import (
    GAP,
    Phrase,
    PhraseContext,
    date_problems,
    exclusion_resolution,
    first_gap,
    next_meeting_phrase,
    phrase_context,
    phrase_library,
)
from tests.fixtures import sefton

KEYS = {
    "noted",
    "presentation-noted",
    "approved",
    "confirmed",
    "thanked",
    "delegated",
    "requested",
    "next-meeting",
    "exclusion",
    "update-noted",
    "elected-chair",
    "ratified",
    "agreed",
    "grant-report",
    "grant-conditions",
    "refuse-report",
    "refuse-reasons",
    "site-visit",
    "minded-to-approve",
    "licence-granted",
    "licence-refused",
}

HWB_2019 = PhraseContext(
    body="the Board",
    body_name="Health and Wellbeing Board",
    previous_meeting=date(2019, 3, 13),
    comma_before_year=True,
    presenter="Maureen Kelly, Chair of Health Watch Sefton",
    report_of="the Director of Public Health",
    exempt_paragraphs=(3,),
)


def by_key(context: PhraseContext) -> dict[str, Phrase]:
    return {phrase.key: phrase for phrase in phrase_library(context)}


def test_every_phrase_is_there_once() -> None:
    keys = [phrase.key for phrase in phrase_library(PhraseContext())]
    assert set(keys) == KEYS
    assert len(keys) == len(KEYS)


@pytest.mark.parametrize("context", [PhraseContext(), HWB_2019])
def test_each_phrase_is_a_part_as_the_resolution_box_reads_it(context: PhraseContext) -> None:
    for phrase in phrase_library(context):
        assert phrase.label and phrase.text
        assert not phrase.text.lower().startswith("that"), phrase.key
        assert clean_part(phrase.text) == phrase.text, phrase.key
        assert parts_from_text(phrase.text) == [phrase.text], phrase.key


def test_noted() -> None:
    phrases = by_key(PhraseContext())
    assert phrases["noted"].text == "the report be noted"
    assert phrases["presentation-noted"].text == "the presentation be noted"


def test_confirmed_in_the_2019_style() -> None:
    assert (
        by_key(HWB_2019)["confirmed"].text
        == "the Minutes of the meeting held on 13 March, 2019 be confirmed as a correct record"
    )


def test_confirmed_in_the_2023_style() -> None:
    context = PhraseContext(
        previous_meeting=date(2023, 9, 5), minutes_confirmed_wording=sefton.MINUTES_CONFIRMED_2023
    )
    assert (
        by_key(context)["confirmed"].text
        == "the Minutes of the meeting held on 5 September 2023, be confirmed as a correct record"
    )


def test_confirmed_in_neutral_words_by_default() -> None:
    context = PhraseContext(previous_meeting=date(2023, 9, 5))
    assert (
        by_key(context)["confirmed"].text
        == "the Minutes of the meeting held on 5 September 2023 be confirmed as a correct record"
    )


def test_confirmed_without_a_previous_meeting_leaves_the_date_to_fill() -> None:
    text = by_key(PhraseContext())["confirmed"].text
    assert text == "the Minutes of the meeting held on [date] be confirmed as a correct record"
    assert first_gap(text) == (text.index("[date]"), text.index("[date]") + len("[date]"))


def test_elected_chair() -> None:
    text = by_key(HWB_2019)["elected-chair"].text
    assert GAP in text
    assert (
        text.replace(GAP, "Cummins")
        == "Councillor Cummins be elected Chair for this meeting of the Health and Wellbeing Board"
    )


def test_elected_chair_without_a_body_name_uses_the_noun() -> None:
    text = by_key(PhraseContext(body="the Board"))["elected-chair"].text
    assert text.endswith("be elected Chair for this meeting of the Board")


def test_exclusion_is_the_statutory_part() -> None:
    assert by_key(HWB_2019)["exclusion"].text == exclusion_resolution([3]).parts[0]
    two = PhraseContext(exempt_paragraphs=(1, 3), exempt_items=2)
    assert by_key(two)["exclusion"].text == exclusion_resolution([1, 3], 2).parts[0]


def test_exclusion_without_paragraphs_leaves_a_gap_for_them() -> None:
    text = by_key(PhraseContext())["exclusion"].text
    assert f"as defined in paragraph {GAP} of Part 1 of Schedule 12A to the Act." in text
    assert text.startswith("under Section 100A(4) of the Local Government Act 1972,")


def test_exclusion_cites_the_act_as_the_house_does() -> None:
    text = by_key(PhraseContext(exempt_paragraphs=(3,), act=sefton.ACT))["exclusion"].text
    assert text.startswith("under Section 100A(4) of the Local Government Act, 1972, the press")


def test_delegated_has_a_gap() -> None:
    text = by_key(PhraseContext())["delegated"].text
    assert text == f"the Chair be given delegated authority to {GAP}"
    assert first_gap(text) == (len(text) - len(GAP), len(text))


def test_requested_and_update_are_filled_from_the_report() -> None:
    phrases = by_key(HWB_2019)
    assert phrases["requested"].text == f"the Director of Public Health be requested to {GAP}"
    assert (
        phrases["update-noted"].text
        == "the update report submitted by the Director of Public Health be noted"
    )
    blank = by_key(PhraseContext())
    assert blank["requested"].text == f"the {GAP} be requested to {GAP}"


def test_thanked() -> None:
    assert (
        by_key(HWB_2019)["thanked"].text
        == "Maureen Kelly, Chair of Health Watch Sefton, be thanked for [his/her] presentation"
    )
    cummins = PhraseContext(presenter="Councillor Cummins")
    assert by_key(cummins)["thanked"].text == "Councillor Cummins be thanked for [his/her] presentation"
    assert by_key(PhraseContext())["thanked"].text.startswith(f"{GAP} be thanked")


def test_next_meeting_in_sefton_words() -> None:
    context = PhraseContext(
        next_meeting=date(2024, 1, 23),
        next_time=time(18, 30),
        next_venue="the Town Hall, Southport",
        next_meeting_wording=sefton.NEXT_MEETING,
        dotted_times=True,
    )
    assert by_key(context)["next-meeting"].text == (
        "the next meeting of the Committee be held on Tuesday, 23 January 2024, at the Town Hall, "
        "Southport, commencing at 6.30 p.m."
    )


def test_next_meeting_in_neutral_words_by_default() -> None:
    context = PhraseContext(
        next_meeting=date(2024, 1, 23), next_time=time(18, 30), next_venue="the Town Hall, Southport"
    )
    assert by_key(context)["next-meeting"].text == (
        "the next meeting of the Committee be held on Tuesday, 23 January 2024 at the Town Hall, "
        "Southport, starting at 6.30 pm"
    )


def test_next_meeting_unknown_leaves_gaps() -> None:
    text = by_key(PhraseContext(body="the Board"))["next-meeting"].text
    assert text == "the next meeting of the Board be held on [date] at [venue], starting at [time]"


def test_first_gap() -> None:
    assert first_gap("the report be noted") is None
    assert first_gap("the […] be requested to […]") == (4, 7)


def test_the_phrase_context_is_what_the_live_meeting_knows() -> None:
    from clerk_tui.domain import AgendaItem, Meeting, MeetingStatus, MeetingSummary
    from clerk_tui.domain.phrases import phrase_context
    from tests.fixtures import hwb_2019

    board = hwb_2019.committee()
    meeting = Meeting("hwb-2019-09-11", "hwb", date(2019, 9, 11))
    meeting.add_item(
        AgendaItem("item-1", "Healthwatch", presenter="Maureen Kelly, Chair of Healthwatch Sefton")
    )
    meeting.add_item(AgendaItem("item-2", "Contract", exempt=True, exempt_paragraphs=[3]))
    meeting.add_item(AgendaItem("item-3", "Staffing", exempt=True, exempt_paragraphs=[1]))
    summaries = [
        MeetingSummary("hwb-2019-12-04", "hwb", date(2019, 12, 4), MeetingStatus.DRAFT_AGENDA),
        MeetingSummary("hwb-2019-06-12", "hwb", date(2019, 6, 12), MeetingStatus.APPROVED),
        MeetingSummary("hwb-2019-03-13", "hwb", date(2019, 3, 13), MeetingStatus.APPROVED),
        MeetingSummary("os-2019-07-01", "os", date(2019, 7, 1), MeetingStatus.HELD),
        MeetingSummary("hwb-2020-03-04", "hwb", date(2020, 3, 4), MeetingStatus.DRAFT_AGENDA),
    ]
    context = phrase_context(meeting, board, summaries, "item-1")
    assert context == PhraseContext(
        body="the Board",
        body_name="Health and Wellbeing Board",
        previous_meeting=date(2019, 6, 12),
        comma_before_year=True,
        presenter="Maureen Kelly, Chair of Healthwatch Sefton",
        exempt_paragraphs=(1, 3),
        exempt_items=2,
        next_meeting=date(2019, 12, 4),
        next_time=time(14, 0),
        next_venue="Committee Room - Bootle Town Hall, Trinity Road, Bootle, L20 7AE",
        minutes_confirmed_wording=sefton.MINUTES_CONFIRMED_2019,
        next_meeting_wording=sefton.NEXT_MEETING,
        dotted_times=True,
        act=sefton.ACT,
    )
    before = phrase_context(meeting, board, [], None)
    assert (before.previous_meeting, before.next_meeting, before.presenter) == (None, None, "")


# --- planning and licensing --------------------------------------------------------
PLANNING = PhraseContext(body="the Committee", report_of="the Chief Planning Officer")


def test_planning_decisions_in_the_house_wording() -> None:
    phrases = by_key(PLANNING)
    assert phrases["grant-report"].text == (
        "the application be granted subject to the conditions and for the reasons stated in the report"
    )
    assert phrases["refuse-report"].text == "the application be refused for the reasons stated in the report"
    assert phrases["site-visit"].text == (
        "consideration of the application be deferred for a site visit by Members of the Committee, "
        "and the application be reported back to the next meeting"
    )


def test_numbered_conditions_and_reasons_are_gaps_in_order() -> None:
    text = by_key(PLANNING)["grant-conditions"].text
    assert text == (
        "the application be granted subject to the following conditions: "
        "1. [condition] (Reason: [reason]); 2. [condition] (Reason: [reason])"
    )
    assert first_gap(text) == (text.index("[condition]"), text.index("[condition]") + len("[condition]"))
    refused = by_key(PLANNING)["refuse-reasons"].text
    assert refused == "the application be refused for the following reasons: 1. [reason]; 2. [reason]"


def test_minded_to_approve_delegates_to_the_officer_of_the_report() -> None:
    text = by_key(PLANNING)["minded-to-approve"].text
    assert text.startswith(
        "the Committee be minded to approve the application subject to the completion of a legal "
        "agreement under Section 106 of the Town and Country Planning Act 1990 to secure [obligations], "
        "and the Chief Planning Officer be given delegated authority to grant planning permission"
    )
    assert f"and the {GAP} be given delegated authority" in by_key(PhraseContext())["minded-to-approve"].text


def test_licence_granted_and_refused() -> None:
    phrases = by_key(PhraseContext(body="the Sub-Committee"))
    assert phrases["licence-granted"].text.startswith("the application for a [premises licence] be granted")
    assert "1. [condition]; 2. [condition]" in phrases["licence-granted"].text
    assert phrases["licence-refused"].text == (
        "the application for a [premises licence] be refused, the Sub-Committee being satisfied that "
        "granting it would undermine the licensing objective of [objective], for the following reasons: "
        "1. [reason]; 2. [reason]"
    )


@pytest.mark.parametrize(
    "key", ["grant-conditions", "refuse-reasons", "licence-granted", "minded-to-approve"]
)
def test_a_phrase_stays_editable_after_insertion(key: str) -> None:
    """Filled in gap by gap, and a third condition or reason added, it is still one part as
    the resolution box reads it, printed as typed."""
    text = by_key(PLANNING)[key].text
    gap = first_gap(text)
    while gap is not None:
        text = text[: gap[0]] + "filled" + text[gap[1] :]
        gap = first_gap(text)
    edited = f"{text}; 3. a further condition"
    assert "[" not in edited
    assert parts_from_text(edited) == [edited]
    assert Resolution.single(f"That {edited}.").parts == [edited]


# --- what the store knows (issue 11, point 9) -----------------------------------------
def _meeting_with_minutes_item(description: str) -> Meeting:
    meeting = Meeting("pc-2026-12-15", "pc", date(2026, 12, 15))
    meeting.add_item(AgendaItem("item-1", "Minutes", ItemKind.PREVIOUS_MINUTES, description=description))
    return meeting


def test_minutes_confirmed_names_the_date_the_agenda_item_already_says() -> None:
    """The walk-through's case: no earlier meeting in the store, but the agenda item says it."""
    committee = Committee("pc", "Planning Committee")
    meeting = _meeting_with_minutes_item("Minutes of the meeting held on 17 November 2026.")
    context = phrase_context(meeting, committee, [], "item-1")
    assert context.previous_meeting == date(2026, 11, 17)
    assert by_key(context)["confirmed"].text == (
        "the Minutes of the meeting held on 17 November 2026 be confirmed as a correct record"
    )


def test_an_agenda_item_date_that_does_not_read_falls_back_to_the_store() -> None:
    committee = Committee("pc", "Planning Committee")
    meeting = _meeting_with_minutes_item("Minutes of the meeting held on 31 February 2026")
    earlier = MeetingSummary("pc-2026-10-20", "pc", date(2026, 10, 20), MeetingStatus.APPROVED)
    assert phrase_context(meeting, committee, [earlier], None).previous_meeting == date(2026, 10, 20)


def test_date_of_next_meeting_offers_the_next_scheduled_meeting_with_its_venue_and_time() -> None:
    committee = Committee(
        "pc",
        "Planning Committee",
        venue=Venue("Council Chamber", "Civic Centre", "Castle Street", sentence_wording="the Civic Centre"),
        start_time=time(18, 30),
    )
    meeting = _meeting_with_minutes_item("")
    cancelled = MeetingSummary("pc-2027-01-05", "pc", date(2027, 1, 5), MeetingStatus.CANCELLED)
    january = MeetingSummary("pc-2027-01-19", "pc", date(2027, 1, 19), MeetingStatus.DRAFT_AGENDA)
    later = MeetingSummary("pc-2027-02-16", "pc", date(2027, 2, 16), MeetingStatus.DRAFT_AGENDA)
    following = Meeting(
        "pc-2027-01-19",
        "pc",
        date(2027, 1, 19),
        start=time(14, 0),
        venue=Venue("Committee Room 1", "Town Hall", sentence_wording="the Town Hall, Southport"),
    )
    usual = phrase_context(meeting, committee, [later, cancelled, january], None)
    assert (usual.next_meeting, usual.next_time, usual.next_venue) == (
        date(2027, 1, 19),
        time(18, 30),
        "the Civic Centre",
    )
    its_own = phrase_context(meeting, committee, [later, cancelled, january], None, following=following)
    assert by_key(its_own)["next-meeting"].text == (
        "the next meeting of the Committee be held on Tuesday, 19 January 2027 at the Town Hall, "
        "Southport, starting at 2.00 pm"
    )


def test_a_date_typed_into_a_phrase_is_checked_like_every_other_date() -> None:
    assert date_problems("the next meeting be held on 31/02/2025 at the Town Hall") == [
        "“31/02/2025” is not a date I can read (that day does not exist in that month)."
    ]
    assert date_problems("held on 30 February 2025, and 3/4/25") == [
        "“30 February 2025” is not a date I can read (that day does not exist in that month)."
    ]
    assert date_problems("the Minutes of the meeting held on 17 November 2026 be confirmed") == []
    with pytest.raises(DomainError, match="does not exist in that month"):
        next_meeting_phrase(PhraseContext(), "31/02/2025")
    assert next_meeting_phrase(PhraseContext(body="the Board"), "23/1/24").startswith(
        "the next meeting of the Board be held on Tuesday, 23 January 2024 at [venue]"
    )
