"""The lifecycle against a store: the June 2019 minutes are circulated, confirmed by the
September meeting and signed; then a member is renamed and the meeting edited. The
edit is refused, the minutes reprint byte for byte, and `clerk verify` finds a frozen
text changed by hand in the meeting's file."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from clerk_tui import records
from clerk_tui.cli import main
from clerk_tui.cli_papers import paper_file, verify_lines
from clerk_tui.domain import DomainError
from clerk_tui.domain.approval import RecordLockedError, RecordState
from clerk_tui.exporting import print_paper
from clerk_tui.records import RECORD_FORM
from clerk_tui.render import Format, PrintOptions, write
from store import Store
from tests.fixtures import hwb_2019_06_12
from tests.render.readback import (
    GOLDEN,
    SEPTEMBER_MARKING,
    confidential_text,
    golden_words,
    pdf_pages,
    pdf_words,
)

JUNE = "hwb-2019-06-12"
SEPTEMBER = "hwb-2019-09-11"
JUNE_TEXT = (GOLDEN / "hwb-2019-06-12.minutes.txt").read_text(encoding="utf-8")
SEPTEMBER_TEXT = confidential_text("hwb-2019-09-11.minutes.txt", SEPTEMBER_MARKING)
"""The full copy: the seed includes exempt minute 22, so it is marked confidential first."""


def sign_june(store: Store) -> None:
    records.circulate(store, JUNE, date(2019, 6, 20), "the Chair")
    records.confirm(store, JUNE, SEPTEMBER)
    records.sign(store, JUNE)


def test_circulate_confirm_and_sign_june(store: Store) -> None:
    revision = records.circulate(store, JUNE, date(2019, 6, 20), "the Chair")
    assert (revision.number, revision.text) == (1, JUNE_TEXT)
    assert store.meeting(JUNE).record.state == RecordState.CIRCULATED
    confirmation = records.confirm(store, JUNE, SEPTEMBER)
    assert (confirmation.meeting_id, confirmation.revision, confirmation.amendments) == (SEPTEMBER, 1, [])
    # The confirming minute prints as the clerk's house style has it, unchanged.
    assert print_paper(store, "minutes", SEPTEMBER, PrintOptions(width=0)).text == SEPTEMBER_TEXT
    signature = records.sign(store, JUNE)
    june = store.meeting(JUNE)
    assert june.record.state == RecordState.SIGNED
    assert (signature.chair_name, signature.signed_on) == ("Councillor Moncur", date(2019, 9, 11))
    assert signature.copy.text == JUNE_TEXT
    assert signature.public_copy is None  # June had no exempt business
    # The minute book: June's pages are counted once, when signed; September runs on from them.
    june_pdf = PdfReader(io.BytesIO(paper_file(store, "minutes", JUNE, "pdf")))
    assert signature.pages == len(june_pdf.pages)
    september_pdf = PdfReader(io.BytesIO(paper_file(store, "minutes", SEPTEMBER, "pdf")))
    # (after the confidential marking and the call-in banner)
    assert september_pdf.pages[0].extract_text().split("\n")[2] == str(signature.pages + 1)


def test_signed_minutes_refuse_edits_and_reprint_byte_identical_after_a_rename(store: Store) -> None:
    sign_june(store)
    before = store.meeting(JUNE)
    cummins = store.person("paul-cummins")
    store.save_person(replace(cummins, name="Paul Cummings", minutes_name="Cummings"))
    edited = store.meeting(JUNE)
    edited.minutes[0].title = "Election of a Chair"
    with pytest.raises(RecordLockedError) as refused:
        records.save_checked(store, edited)
    assert "signed by Councillor Moncur as a correct record on 11 September 2019" in str(refused.value)
    assert "can no longer be changed" in str(refused.value)
    assert "A correction is recorded in the minutes of a later meeting" in str(refused.value)
    assert store.meeting(JUNE) == before
    # A re-render would now print the new name; the signed record, in every form, does not.
    live = write(records.live_minutes(store, store.meeting(JUNE)), RECORD_FORM)
    assert "Councillor Cummings" in live
    assert print_paper(store, "minutes", JUNE, PrintOptions(width=0)).text == JUNE_TEXT
    for options in (PrintOptions(), PrintOptions(paginate=True), PrintOptions(Format.MARKDOWN)):
        for public in (False, True):
            text = print_paper(store, "minutes", JUNE, replace(options, public=public)).text
            assert "Cummings" not in text and "Councillor Cummins" in text
    reprint = records.print_minutes(store, JUNE, RECORD_FORM)
    assert reprint.text.encode("utf-8") == JUNE_TEXT.encode("utf-8")
    assert records.print_minutes(store, JUNE, RECORD_FORM).text == reprint.text
    wrapped = records.print_minutes(store, JUNE, PrintOptions(width=60)).text
    assert "Cummings" not in wrapped and "Councillor Cummins" in wrapped


def test_the_pdf_of_signed_minutes_comes_from_the_frozen_copy(store: Store) -> None:
    sign_june(store)
    store.save_person(replace(store.person("paul-cummins"), minutes_name="Cummings"))
    first = paper_file(store, "minutes", JUNE, "pdf")
    assert first == paper_file(store, "minutes", JUNE, "pdf")  # dated when signed: the same file
    header = "HEALTH AND WELLBEING BOARD- WEDNESDAY 12TH JUNE, 2019"
    words = pdf_words(first, first_page=1, running_header=header)
    statement = [
        "Signed",
        "as",
        "a",
        "correct",
        "record",
        "by",
        "the",
        "Chair,",
        "Councillor",
        "Moncur,",
        "on",
        "11",
        "September",
        "2019.",
    ]
    assert words[-len(statement) :] == statement
    assert words[: -len(statement)] == golden_words("hwb-2019-06-12.minutes.txt")
    assert len(PdfReader(io.BytesIO(first)).pages) > 1


def test_verify_finds_a_frozen_text_changed_by_hand(store: Store, tmp_path: Path) -> None:
    sign_june(store)
    ok, lines = verify_lines(store)
    assert ok and f"{JUNE}\tsigned\tok" in lines
    root = store.root
    store.close()
    path = root / "meetings" / f"{JUNE}.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    (key,) = document["meeting"].keys()
    signed = document["meeting"][key]["record"]["signature"]["copy"]
    signed["text"] = signed["text"].replace("Councillor Cummins be elected", "Councillor Kelly be elected")
    path.write_text(json.dumps(document), encoding="utf-8")
    with Store.open(root, read_only=True) as reopened:
        ok, lines = verify_lines(reopened)
        assert records.print_minutes(reopened, JUNE, RECORD_FORM).text != JUNE_TEXT
    assert not ok
    assert f"{JUNE}\tsigned\tCHANGED SINCE IT WAS FROZEN" in lines
    assert f"  {JUNE}: the signed text does not match the SHA-256 recorded when it was signed" in lines
    assert main(["--store", str(root), "verify"]) == 1


def test_corrections_at_confirmation_print_in_the_confirming_minute(store: Store) -> None:
    records.circulate(store, JUNE, date(2019, 6, 20))
    june = store.meeting(JUNE)
    send = june.minutes[4].narrative[0]
    send.text = send.text.replace("report of the Chief Executive", "report of the Executive Director")
    records.save_checked(store, june)
    with pytest.raises(DomainError, match="changed since revision 1 was circulated"):
        records.confirm(store, JUNE, SEPTEMBER)
    records.confirm(
        store, JUNE, SEPTEMBER, ["in Minute No. 5, “Chief Executive” to read “Executive Director”"]
    )
    text = print_paper(store, "minutes", SEPTEMBER, PrintOptions(width=0)).text
    assert (
        "\nThe Minutes of the meeting held on 12 June, 2019 be confirmed as a correct record, subject to the "
        "following amendment: in Minute No. 5, “Chief Executive” to read “Executive Director”.\n"
    ) in text
    assert records.sign(store, JUNE).copy.text != store.meeting(JUNE).record.revisions[0].text


def test_an_old_copy_saved_over_a_circulated_one_loses_no_revision(store: Store) -> None:
    stale = store.meeting(JUNE)
    records.circulate(store, JUNE, date(2019, 6, 20))
    with pytest.raises(RecordLockedError, match="a circulated revision is never changed or removed"):
        records.save_checked(store, stale)
    assert len(store.meeting(JUNE).record.revisions) == 1


def test_signed_minutes_with_exempt_business_keep_a_public_copy_that_stays_public(store: Store) -> None:
    december = replace(hwb_2019_06_12.meeting(), id="hwb-2019-12-04", date=date(2019, 12, 4))
    december.first_minute_number = None
    store.save_meeting(december)
    records.circulate(store, SEPTEMBER, date(2019, 9, 18))
    records.confirm(store, SEPTEMBER, "hwb-2019-12-04")
    signature = records.sign(store, SEPTEMBER)
    assert signature.public_copy is not None and signature.copy.text == SEPTEMBER_TEXT
    public = records.print_minutes(store, SEPTEMBER, PrintOptions(width=0, public=True)).text
    assert public == signature.public_copy.text != SEPTEMBER_TEXT
    assert "This item was considered in private" in public
    exempt = "outlined the draft Better Care Fund plans for the current financial year"
    assert exempt in SEPTEMBER_TEXT and exempt not in public
    pdf = "\n".join(pdf_pages(paper_file(store, "minutes", SEPTEMBER, "pdf", public=True)))
    assert "PUBLIC COPY" in pdf and exempt not in " ".join(pdf.split())
