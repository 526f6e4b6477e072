"""Word papers (python-docx) in the house layout, built on Word's own styles so that a
clerk can restyle the whole paper from the Styles pane: the body's name is Heading 1,
each minute or agenda item Heading 2, resolution parts List Number (numbered "(1)",
"(2)" by Word, restarting for each resolution), points List Bullet, tables Table Grid.
The few things Word has no style for (the call-in banner, the meeting's heading lines,
the PRESENT block, "RESOLVED:") get a named style of their own, based on Normal.

Pages are A4; the footer numbers them from the minute-book page the minutes start on,
and the pages after the first carry the running header.

Import this module only to write Word: python-docx loads lxml.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

from docx import Document as new_word_document
from docx.document import Document as WordDocument
from docx.enum.section import WD_SECTION_START
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Length, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph as WordParagraph

from clerk_tui.render.document import Block, Document, ItemList, LineGroup, Paragraph, Table
from clerk_tui.render.layout import (
    CHAIR_DOTS,
    DATE_DOTS,
    PLAIN,
    PaperOptions,
    Placed,
    Role,
    front_matter,
    minute_book,
    place,
    safe,
    split_label,
    split_number,
)

FONT = "Arial"
SIZE = Pt(11)
HANG = Mm(12)
BULLET_HANG = Mm(6)
SPACE_AFTER = Pt(8)

BANNER = "Call-in Banner"
MEETING_HEADING = "Meeting Heading"
ATTENDANCE = "Attendance"
RESOLUTION_LEAD = "Resolution Lead"
MINUTE_TEXT = "Minute Text"
PLACEHOLDER = "Placeholder"
SIGNATURE = "Signature Block"

PARTS_FORMAT = "(%1)"
_NOT_XML = re.compile("[\ufffe\uffff]")


def write_docx(document: Document, options: PaperOptions = PLAIN) -> bytes:
    """The document as a Word (.docx) file."""
    word = new_word_document()
    _page_setup(word, document, options)
    _house_styles(word)
    parts = _PartsNumbering(word)
    if document.marking:  # the confidential copy says so first, as every writer does
        word.add_paragraph(_text(document.marking), BANNER)
    for block in front_matter(document):
        _plain(word, block, BANNER)
    for placed in place(document):
        _placed(word, placed, parts)
    if options.signature is not None:
        signature = options.signature
        text = signature.statement() if signature.signed else f"Chair {CHAIR_DOTS}\tDate {DATE_DOTS}"
        word.add_paragraph(_text(text), SIGNATURE)
    _properties(word, document, options)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _text(text: str) -> str:
    return _NOT_XML.sub("", safe(text))


# --- page, header, footer ------------------------------------------------------------
def _page_setup(word: WordDocument, document: Document, options: PaperOptions) -> None:
    section = word.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(18), Mm(18)
    section.different_first_page_header_footer = True
    page_numbers = OxmlElement("w:pgNumType")
    page_numbers.set(qn("w:start"), str(document.first_page))
    columns = section._sectPr.find(qn("w:cols"))
    if columns is not None:
        columns.addprevious(page_numbers)
    else:
        section._sectPr.append(page_numbers)
    if document.running_header:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        header.add_run(_text(document.running_header)).bold = True
    prefix = "" if minute_book(document) else "Page "
    for footer in (section.footer, section.first_page_footer):
        line = footer.paragraphs[0]
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if prefix:
            line.add_run(prefix)
        _page_field(line)
        mark = options.mark.wording()
        if mark:
            marked = footer.add_paragraph()
            marked.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = marked.add_run(mark)
            run.bold, run.font.size = True, Pt(8)


def _page_field(paragraph: WordParagraph) -> None:
    field = parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    paragraph._p.append(field)


def _properties(word: WordDocument, document: Document, options: PaperOptions) -> None:
    properties = word.core_properties
    properties.title = _text(document.title)
    properties.author = _text(options.author) or "clerk"
    properties.last_modified_by = "clerk"
    properties.subject = options.mark.wording()
    properties.keywords = options.mark.value if options.mark.wording() else ""
    properties.comments = ""
    made = options.created or datetime.now(UTC)
    properties.created = properties.modified = made.replace(tzinfo=None)
    properties.revision = 1


# --- styles ----------------------------------------------------------------------
def _house_styles(word: WordDocument) -> None:
    styles = word.styles
    normal = styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _face(normal, bold=False)
    normal.paragraph_format.space_after = SPACE_AFTER
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-GB")
    normal.element.get_or_add_rPr().append(language)
    for name, centred in (("Heading 1", True), ("Heading 2", False)):
        heading = styles[name]
        assert isinstance(heading, ParagraphStyle)
        _face(heading, bold=True)
        heading.paragraph_format.space_before = Pt(6)
        heading.paragraph_format.space_after = SPACE_AFTER
        heading.paragraph_format.keep_with_next = True
        if centred:
            heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading_two = styles["Heading 2"]
    assert isinstance(heading_two, ParagraphStyle)
    heading_two.paragraph_format.left_indent = HANG
    heading_two.paragraph_format.first_line_indent = -HANG
    heading_two.paragraph_format.tab_stops.add_tab_stop(HANG)
    _custom(word, BANNER, bold=True, centred=True)
    _custom(word, MEETING_HEADING, bold=True, centred=True)
    _custom(word, ATTENDANCE)
    _custom(word, RESOLUTION_LEAD, bold=True).paragraph_format.keep_with_next = True
    _custom(word, MINUTE_TEXT).paragraph_format.left_indent = HANG
    _custom(word, PLACEHOLDER, italic=True)
    signature = _custom(word, SIGNATURE)
    signature.paragraph_format.space_before = Pt(36)
    signature.paragraph_format.tab_stops.add_tab_stop(Mm(110), WD_TAB_ALIGNMENT.LEFT)
    for name in ("List Number", "List Bullet", "List Bullet 2", "List Bullet 3"):
        listed = styles[name]
        assert isinstance(listed, ParagraphStyle)
        _face(listed, bold=False)
        listed.paragraph_format.space_after = SPACE_AFTER


def _face(style: ParagraphStyle, *, bold: bool, italic: bool = False) -> None:
    """Arial, 11 point, black: the theme's fonts and colours taken off."""
    font = style.font
    font.name, font.size, font.bold, font.italic = FONT, SIZE, bold, italic
    font.color.rgb = RGBColor(0, 0, 0)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:cs"), FONT)


def _custom(
    word: WordDocument, name: str, *, bold: bool = False, italic: bool = False, centred: bool = False
) -> ParagraphStyle:
    style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = word.styles["Normal"]
    style.quick_style = True
    style.font.bold = bold
    style.font.italic = italic
    if centred:
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return style


# --- numbering of resolution parts ------------------------------------------------------
class _PartsNumbering:
    """One Word list definition "(1)", "(2)" ... with a hanging indent; each resolution
    (each numbered list) is an instance of it that restarts at 1."""

    def __init__(self, word: WordDocument) -> None:
        self.numbering = word.part.numbering_part.element
        taken = [int(n.get(qn("w:abstractNumId"))) for n in self.numbering.findall(qn("w:abstractNum"))]
        self.abstract_id = max(taken, default=0) + 1
        definition = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{self.abstract_id}">'
            '<w:multiLevelType w:val="singleLevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:lvlText w:val="{PARTS_FORMAT}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{HANG.twips}" w:hanging="{HANG.twips}"/></w:pPr></w:lvl>'
            "</w:abstractNum>"
        )
        existing = self.numbering.findall(qn("w:abstractNum"))
        if existing:
            existing[-1].addnext(definition)
        else:
            self.numbering.insert(0, definition)

    def start_list(self) -> int:
        number = self.numbering.add_num(self.abstract_id)
        number.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(number.numId)


def _numbered(paragraph: WordParagraph, num_id: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    numbering = properties.get_or_add_numPr()
    numbering.get_or_add_ilvl().val = 0
    numbering.get_or_add_numId().val = num_id


# --- blocks ----------------------------------------------------------------------
def _placed(word: WordDocument, placed: Placed, parts: _PartsNumbering) -> None:
    block, role = placed.block, placed.role
    indent = HANG if placed.indented else Mm(0)
    if role == Role.TITLE:
        _plain(word, block, "Heading 1")
    elif role == Role.HEADING_LINES:
        _plain(word, block, MEETING_HEADING)
    elif role == Role.HEADING and isinstance(block, Paragraph):
        numbered = split_number(block.text)
        text = f"{numbered[0]}\t{numbered[1]}" if numbered else block.text
        word.add_paragraph(_text(text), "Heading 2")
    elif role == Role.LABELLED:
        _labelled(word, block.lines if isinstance(block, LineGroup) else (_text_of(block),), indent)
    elif role == Role.LIST and isinstance(block, ItemList):
        _list(word, block, parts, indent)
    elif role == Role.TABLE and isinstance(block, Table):
        _table(word, block, indent)
    else:
        style = {Role.LEAD: RESOLUTION_LEAD, Role.PLACEHOLDER: PLACEHOLDER}.get(role, "Normal")
        if placed.indented and style == "Normal":
            style = MINUTE_TEXT
        paragraph = _plain(word, block, style)
        if placed.indented and style != MINUTE_TEXT:
            paragraph.paragraph_format.left_indent = indent


def _text_of(block: Block) -> str:
    return block.text if isinstance(block, Paragraph) else ""


def _plain(word: WordDocument, block: Block, style: str) -> WordParagraph:
    """A paragraph, or a group of lines as one paragraph with line breaks."""
    lines = block.lines if isinstance(block, LineGroup) else (_text_of(block),)
    paragraph = word.add_paragraph(style=style)
    for index, line in enumerate(lines):
        run = paragraph.add_run(_text(line))
        if index < len(lines) - 1:
            run.add_break()
    return paragraph


def _labelled(word: WordDocument, lines: tuple[str, ...], indent: Length) -> None:
    """``PRESENT:`` in bold, the names at a tab stop and hanging under it."""
    labels = [parts[0] for parts in (split_label(line) for line in lines) if parts]
    tab = Mm(max(len(label) for label in labels) * 2.5 + 4) if labels else Mm(0)
    paragraph = word.add_paragraph(style=ATTENDANCE)
    paragraph.paragraph_format.left_indent = Length(indent + tab)
    paragraph.paragraph_format.first_line_indent = Length(-tab)
    paragraph.paragraph_format.tab_stops.add_tab_stop(Length(indent + tab))
    for index, line in enumerate(lines):
        parts = split_label(line)
        if parts is not None:
            label, value = parts
            paragraph.add_run(_text(label)).bold = True
            paragraph.add_run("\t")
        else:
            value = line
        run = paragraph.add_run(_text(value))
        if index < len(lines) - 1:
            run.add_break()


def _list(word: WordDocument, block: ItemList, parts: _PartsNumbering, indent: Length) -> None:
    """Numbered items are List Number, bullets List Bullet; an item nested under another
    (a sub-point, a resolution part's sub-list) is List Bullet 2 (3 below that), hanging
    under the text of the item above it. Word draws the bullets of its own styles."""
    num_id = parts.start_list() if block.numbered else None
    hang = HANG if block.numbered else BULLET_HANG
    for index, item in enumerate(block.items):
        level = block.level_of(index)
        if level == 0:
            style = "List Number" if block.numbered else "List Bullet"
            left, first = indent + hang, hang
        else:
            style = "List Bullet 2" if level == 1 else "List Bullet 3"
            left, first = indent + hang + BULLET_HANG * level, BULLET_HANG
        paragraph = word.add_paragraph(_text(item), style)
        if num_id is not None and level == 0:
            _numbered(paragraph, num_id)
        paragraph.paragraph_format.left_indent = Length(left)
        paragraph.paragraph_format.first_line_indent = Length(-first)
        nested_next = index + 1 < len(block.items) and block.level_of(index + 1) > 0
        if index < len(block.items) - 1 and (not block.spaced or nested_next):
            paragraph.paragraph_format.space_after = Pt(0)


def _table(word: WordDocument, block: Table, indent: Length) -> None:
    columns = max(len(row) for row in block.rows)
    table = word.add_table(rows=0, cols=columns)
    table.style = word.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    if indent:
        table_indent = OxmlElement("w:tblInd")
        table_indent.set(qn("w:w"), str(indent.twips))
        table_indent.set(qn("w:type"), "dxa")
        table._tbl.tblPr.append(table_indent)
    for index, row in enumerate(block.rows):
        cells = table.add_row().cells
        for column in range(columns):
            text = row[column] if column < len(row) else ""
            paragraph = cells[column].paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            run = paragraph.add_run(_text(text))
            run.bold = block.header and index == 0
    if block.header and block.rows:
        heading_row = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        heading_row.append(repeat)
    word.add_paragraph(style="Normal").paragraph_format.space_after = Pt(0)
