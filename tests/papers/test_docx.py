"""Word minutes and front sheets read back with python-docx equal the golden papers line
for line, built on Word's own styles, numbered from the minute-book page."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from pypdf import PdfReader

from clerk_tui.cli_papers import paper_file
from clerk_tui.render.document import Document, Emphasis, ItemList, Paragraph
from clerk_tui.render.docx import PARTS_FORMAT, write_docx
from clerk_tui.render.layout import CopyMark
from store import Store
from tests.fixtures import os_2023
from tests.render.readback import SEPTEMBER_MARKING, golden_lines, word_lines


def test_june_2019_minutes_in_word_equal_the_golden_minutes(store: Store) -> None:
    data = paper_file(store, "minutes", "hwb-2019-06-12", "docx")
    assert word_lines(data) == golden_lines("hwb-2019-06-12.minutes.txt")


def test_september_2019_minutes_in_word_equal_the_golden_minutes(store: Store) -> None:
    data = paper_file(store, "minutes", "hwb-2019-09-11", "docx")
    # The seed includes exempt minute 22: it is the confidential copy, marked first.
    assert word_lines(data) == [SEPTEMBER_MARKING, *golden_lines("hwb-2019-09-11.minutes.txt")]


def test_overview_and_scrutiny_minutes_in_word(store: Store) -> None:
    data = paper_file(store, "minutes", "os-asch-2023-10-17", "docx")
    assert word_lines(data) == golden_lines("os-asch-2023-10-17.minutes.txt")


def test_the_front_sheet_in_word_equals_the_golden_front_sheet(agenda_store: Store) -> None:
    data = paper_file(agenda_store, "agenda", "hwb-2023-03-08", "docx")
    assert word_lines(data) == golden_lines("hwb-2023-03-08.agenda.txt")


def test_word_styles_carry_the_layout_so_a_clerk_can_restyle_it(store: Store) -> None:
    word = docx.Document(io.BytesIO(paper_file(store, "minutes", "hwb-2019-09-11", "docx")))
    styles = {p.text.split("\n")[0]: p.style.name for p in word.paragraphs if p.text and p.style}
    assert styles["HEALTH AND WELLBEING BOARD"] == "Heading 1"
    assert styles["21.\tEXCLUSION OF PRESS AND PUBLIC"] == "Heading 2"
    assert styles["THIS SET OF MINUTES IS NOT SUBJECT TO “CALL-IN”"] == "Call-in Banner"
    assert styles["RESOLVED: That"] == "Resolution Lead"
    assert styles["the report be noted; and"] == "List Number"
    assert [t.style.name for t in word.tables if t.style] == ["Table Grid"]
    heading = word.styles["Heading 2"]
    assert heading.font.name == "Arial" and heading.font.bold
    present = next(p for p in word.paragraphs if p.text.startswith("PRESENT:"))
    assert present.runs[0].text == "PRESENT:" and present.runs[0].bold


def test_each_resolution_is_numbered_by_word_from_1() -> None:
    document = Document(
        "Parts",
        [
            ItemList(("a", "b"), numbered=True, spaced=True),
            ItemList(("c", "d", "e"), numbered=True, spaced=True),
        ],
    )
    word = docx.Document(io.BytesIO(write_docx(document)))
    numbering = word.part.numbering_part.element
    ids = []
    for paragraph in word.paragraphs:
        num_id = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        assert num_id is not None
        ids.append(num_id.get(qn("w:val")))
    assert ids[0] == ids[1] != ids[2] == ids[3] == ids[4]
    for num_id in {ids[0], ids[2]}:
        num = numbering.num_having_numId(int(num_id))
        assert num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(qn("w:val")) == "1"
        abstract = numbering.find(
            f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='{num.abstractNumId.val}']"
        )
        assert abstract.find(f"{qn('w:lvl')}/{qn('w:lvlText')}").get(qn("w:val")) == PARTS_FORMAT
    assert word_lines(write_docx(document)) == ["(1) a", "(2) b", "(1) c", "(2) d", "(3) e"]


def test_pages_are_numbered_from_the_minute_book_page_in_the_footer(store: Store) -> None:
    june = docx.Document(io.BytesIO(paper_file(store, "minutes", "hwb-2019-06-12", "docx")))
    september = docx.Document(io.BytesIO(paper_file(store, "minutes", "hwb-2019-09-11", "docx")))
    june_pdf = paper_file(store, "minutes", "hwb-2019-06-12", "pdf")
    june_pages = len(PdfReader(io.BytesIO(june_pdf)).pages)  # Word runs on as the PDF counts pages
    starts = [
        int(w.sections[0]._sectPr.find(qn("w:pgNumType")).get(qn("w:start"))) for w in (june, september)
    ]
    assert starts == [1, june_pages + 1]
    section = september.sections[0]
    assert section.different_first_page_header_footer
    assert section.header.paragraphs[0].text == "HEALTH AND WELLBEING BOARD- WEDNESDAY 11TH SEPTEMBER, 2019"
    assert not section.first_page_header.paragraphs[0].text
    for footer in (section.footer, section.first_page_footer):
        assert 'w:instr=" PAGE "' in footer._element.xml
        assert CopyMark.CONFIDENTIAL.wording() in "\n".join(p.text for p in footer.paragraphs)


def test_the_public_copy_is_marked_and_holds_no_exempt_text(store: Store) -> None:
    data = paper_file(store, "minutes", "os-asch-2023-10-17", "docx", public=True)
    word = docx.Document(io.BytesIO(data))
    body = "\n".join(word_lines(data))
    for exempt in os_2023.EXEMPT_TEXT:
        assert exempt not in body
    assert "PUBLIC COPY" in word.sections[0].footer.paragraphs[-1].text
    assert word.core_properties.subject == "PUBLIC COPY"


def test_minutes_end_with_the_block_the_chair_signs(store: Store) -> None:
    word = docx.Document(io.BytesIO(paper_file(store, "minutes", "hwb-2019-06-12", "docx")))
    last = word.paragraphs[-1]
    assert last.style is not None and last.style.name == "Signature Block"
    assert last.text.startswith("Chair ....") and "\tDate ...." in last.text


def test_control_characters_never_reach_the_word_file() -> None:
    document = Document("Unsafe", [Paragraph("Before\x1b]52;c;aGk=\x07after\ufffe", Emphasis.NORMAL)])
    assert word_lines(write_docx(document)) == ["Beforeafter"]
