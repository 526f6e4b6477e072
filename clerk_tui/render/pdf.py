"""PDF papers (fpdf2): A4, selectable text, the house layout of the printed minutes.

fpdf2 rather than reportlab: pure Python with no C extension of its own, it embeds and
subsets TrueType fonts, gives each page a header and footer callback (the running
header and the minute-book page number), lays out tables with wrapped cells and repeated
headings, and writes the same bytes for the same model and date, which a signed record
needs. Its core fonts are Latin-1 only, so the package ships Liberation Sans (SIL Open
Font License, metric-compatible with Arial, the usual face of council papers): curly
quotes, dashes and accents print on a machine with no fonts installed.

Import this module only to write a PDF: fpdf2 loads Pillow and fontTools.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from fpdf import FPDF, FontFace
from fpdf.enums import Align, TableBordersLayout, XPos, YPos

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

FONT = "Liberation Sans"
FONT_FILES = {
    "": "LiberationSans-Regular.ttf",
    "B": "LiberationSans-Bold.ttf",
    "I": "LiberationSans-Italic.ttf",
}
SIZE = 11.0
"""Points; the body text."""
LINE = 5.4
"""Millimetres from one line to the next."""
GAP = 3.6
"""Between blocks: the blank line of the text."""
HANG = 12.0
"""The hanging indent of numbered headings and resolution parts."""
BULLET_HANG = 6.0
MARGIN = 20.0
BULLET = "•"


def write_pdf(document: Document, options: PaperOptions = PLAIN) -> bytes:
    """The document as an A4 PDF."""
    with _fonts() as folder:
        pdf = _PaperPDF(document, options, folder)
        pdf.write_document()
        return bytes(pdf.output())


def count_pdf_pages(document: Document, options: PaperOptions = PLAIN) -> int:
    """How many pages the PDF of this document has (minute-book pages run on from it)."""
    with _fonts() as folder:
        pdf = _PaperPDF(document, options, folder)
        pdf.write_document()
        return pdf.pages_count


@contextmanager
def _fonts() -> Iterator[Path]:
    with ExitStack() as stack:
        folder = stack.enter_context(resources.as_file(resources.files("clerk_tui.render") / "fonts"))
        yield folder


class _PaperPDF(FPDF):
    def __init__(self, document: Document, options: PaperOptions, fonts: Path) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.document = document
        self.options = options
        for style, name in FONT_FILES.items():
            self.add_font(FONT, style, fonts / name)
        self.set_margins(MARGIN, 15.0, MARGIN)
        self.set_auto_page_break(True, margin=18.0)
        self.set_title(safe(document.title))
        self.set_creator("clerk")
        self.set_lang("en-GB")
        if options.author:
            self.set_author(safe(options.author))
        if options.mark.wording():
            self.set_subject(options.mark.wording())
            self.set_keywords(options.mark.value)
        self.set_creation_date(options.created or datetime.now(UTC))

    # --- page furniture ------------------------------------------------------
    def page_label(self) -> str:
        return str(self.document.first_page + self.page_no() - 1)

    def header(self) -> None:
        if self.document.marking:  # the confidential copy says so at the top of every page
            self._one_line(self.document.marking, smallest=6)
            self.ln(GAP)
        if not minute_book(self.document):
            return
        if self.page_no() == 1:
            for block in front_matter(self.document):
                self._block_text(block, "B", Align.C)
                self.ln(GAP)
        else:
            self._one_line(self.document.running_header)
            self.ln(GAP)
        self._centred(self.page_label(), "")
        self.ln(GAP)

    def footer(self) -> None:
        self.set_y(-14)
        mark = self.options.mark.wording()
        if mark:
            self.set_font(FONT, "B", 8)
            self.cell(0, 4, mark, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if not minute_book(self.document):
            self.set_font(FONT, "", 9)
            self.cell(0, 4, f"Page {self.page_label()}", align=Align.C)

    def _centred(self, text: str, style: str) -> None:
        self.set_font(FONT, style, SIZE)
        self.multi_cell(0, LINE, safe(text), align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def _one_line(self, text: str, smallest: float = 7) -> None:
        """The running header (or the marking) on one line: a long line is set smaller to fit."""
        size = SIZE
        self.set_font(FONT, "B", size)
        while size > smallest and self.get_string_width(safe(text)) > self.epw - 2 * self.c_margin:
            size -= 0.5
            self.set_font(FONT, "B", size)
        self.multi_cell(0, LINE, safe(text), align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def _block_text(self, block: Block, style: str, align: Align) -> None:
        lines = block.lines if isinstance(block, LineGroup) else (getattr(block, "text", ""),)
        self.set_font(FONT, style, SIZE)
        for line in lines:
            self.multi_cell(0, LINE, safe(line), align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    # --- the body ------------------------------------------------------------
    def write_document(self) -> None:
        self.add_page()
        first = True
        for placed in place(self.document):
            if not first:
                self.ln(GAP)
            first = False
            self._placed(placed)
        if self.options.signature is not None:
            self._signature()

    def _placed(self, placed: Placed) -> None:
        block, role = placed.block, placed.role
        left = self.l_margin + (HANG if placed.indented else 0.0)
        if role == Role.TITLE or role in {Role.HEADING_LINES, Role.BANNER}:
            self._block_text(block, "B", Align.C)
        elif role == Role.HEADING and isinstance(block, Paragraph):
            self._heading(block.text)
        elif role == Role.LABELLED:
            self._labelled(block.lines if isinstance(block, LineGroup) else (_text_of(block),), left)
        elif role == Role.LIST and isinstance(block, ItemList):
            self._list(block, left)
        elif role == Role.TABLE and isinstance(block, Table):
            self._table(block, left)
        else:
            style = {Role.LEAD: "B", Role.PLACEHOLDER: "I"}.get(role, "")
            if role == Role.LEAD and self.will_page_break(LINE * 3):
                self.add_page()
            lines = block.lines if isinstance(block, LineGroup) else (_text_of(block),)
            self.set_font(FONT, style, SIZE)
            for line in lines:
                self._keep_together(line, left)
                self._flow(line, left)

    def _flow(self, text: str, left: float) -> None:
        self.set_x(left)
        width = self.w - self.r_margin - left
        self.multi_cell(width, LINE, safe(text), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def _lines_needed(self, text: str, left: float) -> int:
        """About how many lines the text takes: measured once, not laid out (fpdf2's line
        breaking is the costly part of a page, and this is asked of every paragraph)."""
        width = self.w - self.r_margin - left
        return max(1, math.ceil(self.get_string_width(safe(text)) * 1.04 / width))

    def _keep_together(self, text: str, left: float) -> None:
        """No paragraph leaves a single line at the foot of a page or carries one over;
        a short one (up to four lines, a resolution part) is kept whole."""
        needed = self._lines_needed(text, left)
        keep = needed if needed <= 4 else 2
        if needed > 1 and self.will_page_break(LINE * keep):
            self.add_page()

    def _heading(self, text: str) -> None:
        if self.will_page_break(LINE * 4):  # never a heading alone at the foot of a page
            self.add_page()
        self.set_font(FONT, "B", SIZE)
        numbered = split_number(text)
        if numbered is None:
            self._flow(text, self.l_margin)
            return
        number, title = numbered
        self.set_x(self.l_margin)
        self.cell(HANG, LINE, number)
        self._flow(title, self.l_margin + HANG)

    def _labelled(self, lines: Sequence[str], left: float) -> None:
        self.set_font(FONT, "B", SIZE)
        labels = [parts[0] for parts in (split_label(line) for line in lines) if parts]
        tab = max(self.get_string_width(label) for label in labels) + 3.0 if labels else 0.0
        for line in lines:
            parts = split_label(line)
            if parts is not None:
                label, value = parts
                self.set_font(FONT, "B", SIZE)
                self.set_x(left)
                self.cell(tab, LINE, label)
            else:
                value = line
            self.set_font(FONT, "", SIZE)
            self._flow(value, left + tab)

    def _list(self, block: ItemList, left: float) -> None:
        """Each item after its marker with a hanging indent; an item nested under another
        hangs under that one's text, after its own marker ("o", "-"). The outermost bullets
        are printed as bullets."""
        self.set_font(FONT, "", SIZE)
        hang = HANG if block.numbered else BULLET_HANG
        for index, (item, number) in enumerate(zip(block.items, block.numbers(), strict=True)):
            level = block.level_of(index)
            if index and block.spaced and level == 0:
                self.ln(GAP)
            if level == 0:
                at, width, marker = left, hang, f"({number})" if block.numbered else BULLET
            else:
                at, width = left + hang + BULLET_HANG * (level - 1), BULLET_HANG
                marker = block.marker_of(index, number)
            self._keep_together(item, at + width)
            self.set_x(at)
            self.cell(width, LINE, safe(marker))
            self._flow(item, at + width)

    def _table(self, block: Table, left: float) -> None:
        columns = max(len(row) for row in block.rows)
        rows = [tuple(row) + ("",) * (columns - len(row)) for row in block.rows]
        widths = _column_widths(rows)
        saved = self.l_margin
        self.set_left_margin(left)
        self.set_x(left)
        self.set_font(FONT, "", SIZE - 1)
        try:
            with self.table(
                col_widths=widths,
                width=self.w - self.r_margin - left,
                align=Align.L,
                text_align=Align.L,
                first_row_as_headings=block.header,
                headings_style=FontFace(emphasis="BOLD"),
                line_height=LINE * 0.9,
                borders_layout=TableBordersLayout.ALL,
                padding=1.2,
            ) as table:
                for row in rows:
                    cells = table.row()
                    for cell in row:
                        cells.cell(safe(cell))
        finally:
            self.set_left_margin(saved)
        self.set_x(saved)

    def _signature(self) -> None:
        signature = self.options.signature
        assert signature is not None
        self.ln(GAP * 3)
        if self.will_page_break(LINE * 3):
            self.add_page()
        self.set_font(FONT, "", SIZE)
        if signature.signed:
            self._flow(signature.statement(), self.l_margin)
            return
        self.set_x(self.l_margin)
        self.cell(0, LINE, f"Chair {CHAIR_DOTS}        Date {DATE_DOTS}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _text_of(block: Block) -> str:
    return block.text if isinstance(block, Paragraph) else ""


def _column_widths(rows: Sequence[Sequence[str]]) -> tuple[int, ...]:
    """Columns in proportion to their longest cell, none narrower than a sixth of the rest."""
    longest = [max(len(row[c]) for row in rows) or 1 for c in range(len(rows[0]))]
    floor = max(longest) // 6 or 1
    return tuple(max(length, floor) for length in longest)
