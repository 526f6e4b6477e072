"""The lifecycle's rules, without a store: each step refuses what comes out of order and
says what to do instead."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_tui.domain import DomainError, Meeting, MeetingStatus
from clerk_tui.domain.approval import (
    RecordLockedError,
    RecordState,
    cancel,
    changed_since,
    check_editable,
    check_save,
    circulate,
    confirm,
    confirmation_resolution,
    frozen_copy,
    reinstate,
    sign,
    verify,
    withdraw_confirmation,
)
from clerk_tui.domain.record import FrozenCopy, digest
from tests.fixtures import hwb_2019_06_12, hwb_2019_09_11, sefton

TEXT = "THE MINUTES AS PRINTED\n"


def june() -> Meeting:
    return hwb_2019_06_12.meeting()


def september() -> Meeting:
    return hwb_2019_09_11.meeting()


def signed_june() -> Meeting:
    minuted, confirming = june(), september()
    circulate(minuted, TEXT, date(2019, 6, 20))
    confirm(minuted, confirming, "minute-2", TEXT, comma_before_year=True)
    sign(minuted, "Councillor Moncur", date(2019, 9, 11), FrozenCopy.of(TEXT, "{}"))
    return minuted


def test_a_meeting_starts_as_a_draft() -> None:
    assert june().record.state == RecordState.DRAFT


def test_each_circulation_is_a_numbered_revision_with_its_hash() -> None:
    meeting = june()
    first = circulate(meeting, TEXT, date(2019, 6, 20), "the Chair")
    second = circulate(meeting, TEXT + "more\n", date(2019, 6, 24), "Members of the Board")
    assert [(r.number, r.sent_to) for r in meeting.record.revisions] == [
        (1, "the Chair"),
        (2, "Members of the Board"),
    ]
    assert first.sha256 == digest(TEXT) and second.sha256 != first.sha256
    assert changed_since(meeting, TEXT + "more\n") == []
    assert changed_since(meeting, TEXT + "other\n")[-2:] == ["-more", "+other"]
    assert "-more" in changed_since(meeting, TEXT, number=2)


def test_nothing_to_circulate_without_minutes() -> None:
    empty = Meeting("empty", "hwb", date(2019, 6, 12))
    with pytest.raises(DomainError, match="no minutes to circulate"):
        circulate(empty, TEXT, date(2019, 6, 20))


def test_minutes_are_circulated_before_they_are_confirmed() -> None:
    with pytest.raises(DomainError, match="have not been circulated"):
        confirm(june(), september(), "minute-2", TEXT)


def test_only_a_later_meeting_of_the_committee_confirms_them() -> None:
    minuted = june()
    circulate(minuted, TEXT, date(2019, 6, 20))
    with pytest.raises(DomainError, match="later meeting of the same committee"):
        confirm(minuted, june(), "minute-3", TEXT)
    with pytest.raises(DomainError, match="minute on the minutes of the previous meeting"):
        confirm(minuted, september(), "minute-1", TEXT)


def test_a_confirmation_links_the_meetings_and_approves_the_minutes() -> None:
    minuted, confirming = june(), september()
    circulate(minuted, TEXT, date(2019, 6, 20))
    confirmation = confirm(minuted, confirming, "minute-2", TEXT, comma_before_year=True)
    assert (confirmation.meeting_id, confirmation.minute_id, confirmation.confirmed_on) == (
        "hwb-2019-09-11",
        "minute-2",
        date(2019, 9, 11),
    )
    assert (minuted.status, minuted.record.state) == (MeetingStatus.APPROVED, RecordState.CONFIRMED)
    withdrawn = withdraw_confirmation(minuted)
    assert (withdrawn, minuted.record.state) == (confirmation, RecordState.CIRCULATED)


def test_amendments_read_as_the_house_phrase() -> None:
    one = confirmation_resolution(date(2019, 6, 12), ["Minute No. 5 to read “15 to 17 April”"], True)
    assert one.parts == [
        "the Minutes of the meeting held on 12 June, 2019 be confirmed as a correct record, subject to the "
        "following amendment: Minute No. 5 to read “15 to 17 April”"
    ]
    two = confirmation_resolution(
        date(2023, 9, 5), ["first", "second"], False, wording=sefton.MINUTES_CONFIRMED_2023
    )
    assert two.parts[0].endswith(
        "held on 5 September 2023, be confirmed as a correct record, subject to the following amendments: "
        "(a) first; and (b) second"
    )
    neutral = confirmation_resolution(date(2023, 9, 5), [], False)
    assert neutral.parts == [
        "the Minutes of the meeting held on 5 September 2023 be confirmed as a correct record"
    ]


def test_the_chair_signs_what_was_confirmed() -> None:
    minuted = june()
    circulate(minuted, TEXT, date(2019, 6, 20))
    with pytest.raises(DomainError, match="record the confirmation first"):
        sign(minuted, "Councillor Moncur", date(2019, 9, 11), FrozenCopy.of(TEXT, "{}"))
    confirm(minuted, september(), "minute-2", TEXT)
    with pytest.raises(DomainError, match="no amendment was recorded"):
        sign(minuted, "Councillor Moncur", date(2019, 9, 11), FrozenCopy.of("CHANGED\n", "{}"))
    with pytest.raises(DomainError, match="signed on that day or later"):
        sign(minuted, "Councillor Moncur", date(2019, 9, 10), FrozenCopy.of(TEXT, "{}"))
    with pytest.raises(DomainError, match="Name the Chair"):
        sign(minuted, "  ", date(2019, 9, 11), FrozenCopy.of(TEXT, "{}"))


def test_signed_minutes_refuse_every_change() -> None:
    minuted = signed_june()
    assert minuted.record.state == RecordState.SIGNED
    with pytest.raises(RecordLockedError, match="can no longer be changed"):
        check_editable(minuted)
    with pytest.raises(RecordLockedError):
        circulate(minuted, TEXT, date(2019, 9, 12))
    with pytest.raises(RecordLockedError):
        withdraw_confirmation(minuted)
    with pytest.raises(RecordLockedError):
        cancel(minuted)
    changed = signed_june()
    changed.venue.room = "Another Room"
    with pytest.raises(RecordLockedError):
        check_save(minuted, changed)
    check_save(minuted, signed_june())  # saving it unchanged is allowed


def test_verify_finds_each_frozen_text_that_no_longer_matches_its_hash() -> None:
    minuted = signed_june()
    assert verify(minuted).ok
    minuted.record.revisions[0].text = "tampered"
    signature = minuted.record.signature
    assert signature is not None
    signature.copy.model = '{"changed": true}'
    problems = verify(minuted).problems
    assert problems == (
        "revision 1 does not match the SHA-256 recorded when it was sent",
        "the signed layout does not match the SHA-256 recorded when it was signed",
    )


def test_a_meeting_that_will_not_take_place_is_cancelled_and_can_be_reinstated() -> None:
    planned = Meeting("hwb-2019-12-04", "hwb", date(2019, 12, 4))
    cancel(planned)
    cancelled = planned.status
    reinstate(planned)
    assert (cancelled, planned.status) == (MeetingStatus.CANCELLED, MeetingStatus.DRAFT_AGENDA)
    with pytest.raises(DomainError, match="it took place"):
        cancel(june())


def test_a_public_copy_of_signed_minutes_is_only_ever_their_frozen_public_copy() -> None:
    minuted = signed_june()
    assert frozen_copy(minuted) == frozen_copy(minuted, public=True)  # June: no exempt business
    assert frozen_copy(june()) is None
    exempt = signed_june()
    exempt.agenda[-1].exempt = True  # as a file changed by hand: exempt business, no public copy
    signature = exempt.record.signature
    assert signature is not None and signature.public_copy is None
    assert frozen_copy(exempt) == signature.copy
    with pytest.raises(DomainError, match="include exempt business but hold no public copy"):
        frozen_copy(exempt, public=True)
    signature.public_copy = FrozenCopy.of("THE PUBLIC COPY\n", "{}")
    assert frozen_copy(exempt, public=True) == signature.public_copy
