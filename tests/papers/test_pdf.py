"""PDF minutes read back with pypdf equal the golden minutes, word for word in order,
with the minute-book page numbers, running headers, fonts and copy marking of a printed
paper. The first page of the 12 June 2019 minutes is kept as a picture for review
(tests/golden/review/)."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from clerk_tui.cli_papers import paper_file
from clerk_tui.render.document import Document, Emphasis, LineGroup, Paragraph
from clerk_tui.render.layout import CHAIR_DOTS, CopyMark, PaperOptions, SignatureLine
from clerk_tui.render.pdf import write_pdf
from store import Store
from tests.fixtures import os_2023
from tests.render.readback import SEPTEMBER_MARKING, golden_words, pdf_pages, pdf_words

JUNE_HEADER = "HEALTH AND WELLBEING BOARD- WEDNESDAY 12TH JUNE, 2019"
SEPTEMBER_HEADER = "HEALTH AND WELLBEING BOARD- WEDNESDAY 11TH SEPTEMBER, 2019"
OS_HEADER = "OVERVIEW AND SCRUTINY COMMITTEE (ADULT SOCIAL CARE AND HEALTH) - TUESDAY 17TH OCTOBER, 2023"
CONFIDENTIAL = CopyMark.CONFIDENTIAL.wording()
OS_MARKING = (
    "CONFIDENTIAL: NOT FOR PUBLICATION by virtue of paragraphs 1 and 3 of Part 1 of Schedule 12A to "
    "the Local Government Act 1972"
)
SIGNATURE = f"Chair {CHAIR_DOTS} Date " + "." * 24
WHEN = datetime(2019, 6, 20, 9, 0, tzinfo=UTC)


def signature_lines(words: list[str]) -> list[str]:
    """The unsigned signature block is the last line of minutes: take it off."""
    assert words[-4:] == ["Chair", CHAIR_DOTS, "Date", "." * 24], words[-6:]
    return words[:-4]


def test_june_2019_minutes_as_pdf_equal_the_golden_minutes(store: Store) -> None:
    data = paper_file(store, "minutes", "hwb-2019-06-12", "pdf", now=WHEN)
    words = pdf_words(data, first_page=1, running_header=JUNE_HEADER)
    assert signature_lines(words) == golden_words("hwb-2019-06-12.minutes.txt")


def test_september_2019_minutes_continue_the_minute_book_from_june(store: Store) -> None:
    june_pages = len(PdfReader(io.BytesIO(paper_file(store, "minutes", "hwb-2019-06-12", "pdf"))).pages)
    data = paper_file(store, "minutes", "hwb-2019-09-11", "pdf", now=WHEN)
    pages = pdf_pages(data)
    # The September minutes hold exempt business: the full copy says so at the top of every
    # page, and in the footer.
    assert pages[0].split("\n")[:3] == [
        SEPTEMBER_MARKING,
        "THIS SET OF MINUTES IS NOT SUBJECT TO “CALL-IN”",
        str(june_pages + 1),
    ]
    assert pages[1].split("\n")[:3] == [SEPTEMBER_MARKING, SEPTEMBER_HEADER, str(june_pages + 2)]
    assert all(CONFIDENTIAL in page for page in pages)
    words = pdf_words(
        data,
        first_page=june_pages + 1,
        running_header=SEPTEMBER_HEADER,
        furniture=(CONFIDENTIAL,),
        marking=SEPTEMBER_MARKING,
    )
    assert signature_lines(words) == golden_words("hwb-2019-09-11.minutes.txt")


def test_overview_and_scrutiny_minutes_in_their_own_style(store: Store) -> None:
    data = paper_file(store, "minutes", "os-asch-2023-10-17", "pdf", now=WHEN)
    words = pdf_words(
        data, first_page=1, running_header=OS_HEADER, furniture=(CONFIDENTIAL,), marking=OS_MARKING
    )
    # The golden is the confidential copy: its first line is the marking, here on every page.
    assert signature_lines(words) == golden_words("os-asch-2023-10-17.minutes.txt")[len(OS_MARKING.split()) :]


def test_the_public_copy_is_marked_and_holds_no_exempt_text(store: Store) -> None:
    data = paper_file(store, "minutes", "os-asch-2023-10-17", "pdf", public=True)
    pages = pdf_pages(data)
    text = "\n".join(pages)
    assert all("PUBLIC COPY" in page for page in pages)
    assert CONFIDENTIAL not in text
    for exempt in os_2023.EXEMPT_TEXT:
        assert exempt not in text
    assert "This item was considered in private" in " ".join(text.split())


def test_the_agenda_front_sheet_as_pdf_equals_the_golden_front_sheet(agenda_store: Store) -> None:
    data = paper_file(agenda_store, "agenda", "hwb-2023-03-08", "pdf")
    pages = pdf_pages(data)
    assert pages[0].split("\n")[-1] == "Page 1"
    assert pages[-1].split("\n")[-1] == f"Page {len(pages)}"
    words = [w for page in pages for w in page.split("\n")[:-1]]
    assert " ".join(" ".join(words).split()) == " ".join(golden_words("hwb-2023-03-08.agenda.txt"))


TYPED = "Children’s “Services” – café, Llanfair­pwll, naïve, Ŵyn, Łódź, € £ ½ — ok…"


def test_the_text_clerks_type_prints_in_the_embedded_font() -> None:
    document = Document("Characters", [Paragraph("CHARACTERS", Emphasis.TITLE), Paragraph(TYPED)])
    data = write_pdf(document)
    reader = PdfReader(io.BytesIO(data))
    printed = " ".join(reader.pages[0].extract_text().split())
    assert printed == f"CHARACTERS {TYPED} Page 1".replace("\u00ad", "")
    fonts = [
        font.get_object()
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[index]
    ]
    assert fonts and all("LiberationSans" in str(f["/BaseFont"]) for f in fonts)
    assert all("/FontFile2" in f["/DescendantFonts"][0].get_object()["/FontDescriptor"] for f in fonts)


def test_the_same_model_and_date_give_the_same_bytes(store: Store) -> None:
    first = paper_file(store, "minutes", "hwb-2019-06-12", "pdf", now=WHEN)
    again = paper_file(store, "minutes", "hwb-2019-06-12", "pdf", now=WHEN)
    assert first == again
    metadata = PdfReader(io.BytesIO(first)).metadata
    assert metadata is not None and str(metadata.title).startswith("Health and Wellbeing Board - minutes")


def test_a_page_is_a4_and_text_is_selectable() -> None:
    data = write_pdf(Document("A4", [Paragraph("Selectable text")]))
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    assert "Selectable text" in page.extract_text()


def test_a_signed_copy_says_who_signed_it() -> None:
    document = Document("Signed", [Paragraph("BODY", Emphasis.TITLE), LineGroup(("PRESENT: Someone",))])
    options = PaperOptions(signature=SignatureLine("Councillor Cummins", "11 September 2019"))
    text = " ".join(pdf_pages(write_pdf(document, options))[0].split())
    assert text.endswith(
        "Signed as a correct record by the Chair, Councillor Cummins, on 11 September 2019. Page 1"
    )
    assert "...." not in text


@pytest.mark.parametrize("control", ["\x1b[2J", "\x07", "\u202e"])
def test_control_characters_never_reach_the_pdf(control: str) -> None:
    data = write_pdf(Document("Unsafe", [Paragraph(f"Before{control}after")]))
    assert "Beforeafter" in pdf_pages(data)[0]
