"""Write one item's minute while the meeting runs: the narrative in one box, the resolution
in another (one part per line), the lead (RESOLVED or RECOMMENDED) on a toggle.

The editor never touches the meeting. It posts ``Changed`` with the texts as typed on
every edit (the screen debounces saving) and ``PhraseWanted`` when the clerk asks for a
standard phrase; the screen answers with ``insert_part``. Typing costs what TextArea
costs plus one small message (the boxes' cursor moves stop here); the note under the
resolution (how it will print) is recomputed only when the resolution or the lead changes,
and repaints without a relayout. A paste that would take a box past ``MAX_BOX`` is refused
with a message saying the limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Button, Static, TextArea
from textual.widgets.text_area import Selection

from clerk_tui.domain import Resolution, ResolutionLead
from clerk_tui.domain.live import parts_from_text
from clerk_tui.domain.phrases import first_gap
from clerk_tui.render.document import ItemList, Paragraph
from clerk_tui.render.fit import shorten
from clerk_tui.render.minutes import resolution_blocks
from widgets.safe_input import SafeTextArea

NARRATIVE_PLACEHOLDER = (
    "What was considered, in the past tense: “The Board considered the report of …”. "
    "A blank line between paragraphs; “- ” starts a bullet, “(1) ” a numbered point."
)
RESOLUTION_PLACEHOLDER = "One part per line, e.g. “the report be noted” (no “That”, no end punctuation)."
STANDARD_LABEL = "Printed unless you write your own:"
LEAD_HELP = "ctrl+t switches; the printer adds “That”, the numbers and “; and”."


def resolution_note(text: str, lead: ResolutionLead) -> str:
    """One line saying how the resolution box will print:
    ``2 parts: RESOLVED: That (1) the report be noted; and (2) the Chair be thanked.``."""
    parts = parts_from_text(text)
    if not parts:
        return f"No resolution yet ({lead.value}): type one part per line."
    pieces: list[str] = []
    for block in resolution_blocks(Resolution(parts, lead=lead)):
        if isinstance(block, Paragraph):
            pieces.append(block.text)
        elif isinstance(block, ItemList):
            pieces.extend(f"({number}) {item}" for number, item in enumerate(block.items, start=1))
    count = f"{len(parts)} part{'' if len(parts) == 1 else 's'}"
    return f"{count}: {' '.join(pieces)}"


class PrintNote(Widget):
    """A one-line note that repaints without asking the screen for a new layout."""

    DEFAULT_CSS = """
    PrintNote { height: 1; width: 1fr; color: $text-muted; text-wrap: nowrap; }
    """

    text: reactive[str] = reactive("", layout=False)
    """The note; longer than the line, it is cut after a whole word and ends in "…"."""

    def render(self) -> Text:
        return Text(shorten(self.text, self.size.width), no_wrap=True, end="")


MAX_BOX = 100_000
"""The most characters a paste may bring a box to. A clerk's minute is rarely a tenth of
that; past it a TextArea's cost per key grows with the text (about 1.7x at 100 KB, 3x at
400 KB and 8x at 1 MB, measured on a bare TextArea), so a bigger paste is refused, with a
message, and the box keeps what it had. Typing is never refused."""


def paste_refusal(before: int, selected: int, pasted: int) -> str | None:
    """Why a paste of ``pasted`` characters over ``selected`` of a box holding ``before``
    is refused, or None if it is not."""
    after = before - selected + pasted
    if pasted <= selected or after <= MAX_BOX:
        return None
    return (
        f"This paste ({size_text(pasted)}) would make the box {size_text(after)}; a box of the "
        f"minute holds at most {size_text(MAX_BOX)} (about 25 pages). Paste only the part the "
        "minutes need, or refer to the report by its title."
    )


def size_text(characters: int) -> str:
    return f"{characters / 1_000_000:.1f} MB" if characters >= 1_000_000 else f"{characters // 1000} KB"


class MinuteBox(SafeTextArea):
    """A box of the minute: safe text, a paste past MAX_BOX refused, and Home and End that
    follow the logical line (the resolution's part), not the screen line a long part wraps
    onto: End then Enter starts a new part after the whole of this one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home,ctrl+a", "line_start", "Line start", show=False),
        Binding("end,ctrl+e", "line_end", "Line end", show=False),
        Binding("shift+home", "line_start(True)", "Select to line start", show=False),
        Binding("shift+end", "line_end(True)", "Select to line end", show=False),
        Binding("ctrl+home", "text_start", "Start of the text", show=False),
        Binding("ctrl+end", "text_end", "End of the text", show=False),
        Binding("ctrl+shift+home", "text_start(True)", "Select to the start", show=False),
        Binding("ctrl+shift+end", "text_end(True)", "Select to the end", show=False),
    ]

    def action_line_start(self, select: bool = False) -> None:
        self.move_cursor((self.cursor_location[0], 0), select=select)

    def action_line_end(self, select: bool = False) -> None:
        row = self.cursor_location[0]
        self.move_cursor((row, len(self.document.get_line(row))), select=select)

    def action_text_start(self, select: bool = False) -> None:
        self.move_cursor((0, 0), select=select)

    def action_text_end(self, select: bool = False) -> None:
        self.move_cursor(self.document.end, select=select)

    async def _on_paste(self, event: events.Paste) -> None:
        # Runs before TextArea's own handler, which pastes unless this prevents it.
        refusal = paste_refusal(len(self.text), len(self.selected_text), len(event.text))
        if refusal is not None:
            event.prevent_default()
            event.stop()
            self.notify(refusal, title="Not pasted", severity="warning", timeout=15)


class MinuteEditor(Vertical):
    """The minute of the item in hand: narrative, lead and resolution."""

    PALETTE_GROUP = "Minutes"

    DEFAULT_CSS = """
    MinuteEditor { height: 1fr; padding: 0 1; }
    MinuteEditor #minute-upper, MinuteEditor #minute-lower { height: auto; }
    MinuteEditor #minute-heading { height: auto; text-style: bold; }
    MinuteEditor #minute-confidential {
        height: auto; background: $error 25%; color: $text-error; text-style: bold; padding: 0 1;
    }
    MinuteEditor #minute-standard {
        height: auto; max-height: 5; color: $text-muted; border-left: outer $secondary; padding: 0 1;
    }
    MinuteEditor #minute-narrative { height: 1fr; min-height: 5; }
    MinuteEditor #minute-lead-row { height: 1; }
    MinuteEditor #minute-lead { width: auto; min-width: 14; text-style: bold; }
    MinuteEditor #minute-lead-help { width: 1fr; padding: 0 0 0 1; }
    MinuteEditor #minute-resolution { height: 7; }
    MinuteEditor.-cleared #minute-lead-row, MinuteEditor.-cleared #minute-note { display: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+r",
            "phrase",
            "Insert phrase",
            tooltip="Insert a standard resolution part in the house wording; [brackets] mark gaps to fill.",
            id="minutes.phrase",
        ),
        Binding(
            "ctrl+t",
            "toggle_lead",
            "Resolved/Recommended",
            tooltip="Switch the resolution between RESOLVED and RECOMMENDED.",
            id="minutes.lead",
        ),
    ]
    """ctrl+r asks the screen for a phrase (PhraseWanted); ctrl+t switches the lead."""

    @dataclass
    class Changed(Message):
        """Posted, to the screen, on every edit of the narrative, the resolution or the lead."""

        minute_id: str
        narrative: str
        """The narrative box's text, as typed."""
        resolution: str
        """The resolution box's text: one part per line."""
        lead: ResolutionLead

    @dataclass
    class PhraseWanted(Message):
        """The clerk wants a standard phrase inserted into the resolution (ctrl+r)."""

        minute_id: str

    def __init__(
        self,
        *,
        narrative_hint: str = NARRATIVE_PLACEHOLDER,
        id: str | None = None,  # noqa: A002
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._narrative_hint = narrative_hint
        """The empty narrative's placeholder, in the committee's own noun."""
        self.add_class("-cleared")
        self._minute_id = ""
        self._lead = ResolutionLead.RESOLVED
        self._resolution_last = False
        """Whether the resolution box (not the narrative) had the focus last: where a phrase goes."""
        self._narrative_box: TextArea | None = None
        self._resolution_box: TextArea | None = None
        self._posted: tuple[str, str, ResolutionLead] = ("", "", ResolutionLead.RESOLVED)
        """The texts last posted or loaded: a late echo of an edit is not posted twice."""

    # --- layout ---------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        # The boxes above and below the narrative sit in containers of their own: Textual's
        # own compositor visits, for each key, every widget whose parent overlaps the
        # narrative, so grouped they cost two visits per key instead of six (the app's
        # screens use clerk_tui.compositor, which visits neither).
        with Vertical(id="minute-upper"):
            yield Static("", id="minute-heading", markup=False)
            yield Static("", id="minute-confidential", markup=False)
            with VerticalScroll(id="minute-standard", can_focus=False):
                yield Static("", id="minute-standard-text")
        narrative = MinuteBox(
            id="minute-narrative",
            where="the narrative",
            soft_wrap=True,
            tab_behavior="focus",
            placeholder=self._narrative_hint,
            disabled=True,
        )
        narrative.border_title = "Narrative"
        yield narrative
        with Vertical(id="minute-lower"):
            with Horizontal(id="minute-lead-row"):
                lead = Button(f"{self._lead.value}:", id="minute-lead", compact=True, disabled=True)
                lead.can_focus = False
                lead.tooltip = "ctrl+t: RESOLVED or RECOMMENDED"
                yield lead
                hint = PrintNote(id="minute-lead-help")
                hint.text = LEAD_HELP
                yield hint
            resolution = MinuteBox(
                id="minute-resolution",
                where="the resolution",
                soft_wrap=True,
                tab_behavior="focus",
                placeholder=RESOLUTION_PLACEHOLDER,
                disabled=True,
            )
            resolution.border_title = "Resolution: one part per line"
            yield resolution
            yield PrintNote(id="minute-note")

    @property
    def _narrative(self) -> TextArea:
        # Found once: each key reads both boxes, and a query walks the editor's widgets.
        if self._narrative_box is None:
            self._narrative_box = self.query_one("#minute-narrative", TextArea)
        return self._narrative_box

    @property
    def _resolution(self) -> TextArea:
        if self._resolution_box is None:
            self._resolution_box = self.query_one("#minute-resolution", TextArea)
        return self._resolution_box

    @property
    def minute_id(self) -> str:
        """The minute being edited; empty when there is none."""
        return self._minute_id

    # --- loading --------------------------------------------------------------------
    def load(
        self,
        minute_id: str,
        heading: str,
        *,
        narrative: str,
        resolution: str,
        lead: ResolutionLead,
        confidential: str = "",
        standard_text: str = "",
        hint: str = "",
    ) -> None:
        """Show a minute to edit. Posts no Changed (a last edit of the previous minute not
        yet reported is posted first, under that minute's id)."""
        self._flush()
        self._minute_id = minute_id
        self._lead = lead
        self.remove_class("-cleared")
        self.query_one("#minute-heading", Static).update(heading)
        self.query_one("#minute-lead-help", PrintNote).text = hint or LEAD_HELP
        banner = self.query_one("#minute-confidential", Static)
        banner.update(confidential)
        banner.display = bool(confidential)
        self._show_standard(standard_text)
        self._load_box(self._narrative, narrative)
        self._load_box(self._resolution, resolution)
        self._show_lead()
        self._posted = (narrative, resolution, lead)
        self.refresh_bindings()

    def clear(self, message: str) -> None:
        """Nothing to edit (no item taken yet): show the message and disable the boxes."""
        self._flush()
        self._minute_id = ""
        self.add_class("-cleared")
        self.query_one("#minute-heading", Static).update(message)
        self.query_one("#minute-confidential", Static).display = False
        self._show_standard("")
        for box in (self._narrative, self._resolution):
            with self.prevent(TextArea.Changed):
                box.load_text("")
            box.disabled = True
        self.query_one("#minute-lead", Button).disabled = True
        self._posted = ("", "", self._lead)
        self.refresh_bindings()

    def _load_box(self, box: TextArea, text: str) -> None:
        with self.prevent(TextArea.Changed):
            box.load_text(text)
        box.disabled = False
        box.move_cursor(box.document.end)

    def _show_standard(self, standard_text: str) -> None:
        self.query_one("#minute-standard", VerticalScroll).display = bool(standard_text)
        shown = Text(STANDARD_LABEL, style="bold italic")
        shown.append("\n" + standard_text, style="")
        self.query_one("#minute-standard-text", Static).update(shown)

    def _show_lead(self) -> None:
        button = self.query_one("#minute-lead", Button)
        button.label = f"{self._lead.value}:"
        button.disabled = False
        self.query_one("#minute-note", PrintNote).text = resolution_note(self._resolution.text, self._lead)

    def _flush(self) -> None:
        """Post an edit the previous minute has not reported yet, before its texts go."""
        if not self._minute_id or not self.is_mounted:
            return
        self._post_changed()

    # --- editing --------------------------------------------------------------------
    def focus_narrative(self) -> None:
        self._narrative.focus()

    def insert_part(self, text: str) -> None:
        """Add a resolution part as a new line (after the cursor line if the resolution box
        was in use, else at the end) and focus the box to complete it: the first gap
        ("[…]") is selected, so typing fills it in; without a gap the cursor is at the end."""
        if not self._minute_id:
            return
        part = text.strip("\n")
        box = self._resolution
        document = box.document
        row = box.cursor_location[0] if self._resolution_last else document.line_count - 1
        line = document.get_line(row)
        if line.strip():
            start, end, inserted = (row, len(line)), (row, len(line)), "\n" + part
            begins = (row + 1, 0)
        else:
            start, end, inserted = (row, 0), (row, len(line)), part
            begins = (row, 0)
        result = box.replace(inserted, start, end, maintain_selection_offset=False)
        gap = first_gap(part) if "\n" not in part else None
        if gap is None:
            box.selection = Selection.cursor(result.end_location)
        else:
            box.selection = Selection((begins[0], begins[1] + gap[0]), (begins[0], begins[1] + gap[1]))
        box.scroll_cursor_visible()
        self._resolution_last = True
        box.focus()

    # --- actions --------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"phrase", "toggle_lead"}:
            return bool(self._minute_id)
        return True

    def action_phrase(self) -> None:
        if self._minute_id:
            self.post_message(self.PhraseWanted(self._minute_id))

    def action_toggle_lead(self) -> None:
        if not self._minute_id:
            return
        self._lead = (
            ResolutionLead.RECOMMENDED if self._lead == ResolutionLead.RESOLVED else ResolutionLead.RESOLVED
        )
        self._show_lead()
        self._post_changed()

    @on(Button.Pressed, "#minute-lead")
    async def _lead_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.run_action("toggle_lead")

    # --- live changes ---------------------------------------------------------------
    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if not self._minute_id:
            return
        if event.text_area.id == "minute-resolution":
            self.query_one("#minute-note", PrintNote).text = resolution_note(event.text_area.text, self._lead)
        self._post_changed()

    @on(TextArea.SelectionChanged)
    def _selection_changed(self, event: TextArea.SelectionChanged) -> None:
        """Every key moves the cursor; nothing above the editor needs to hear of it (it would
        travel through four more widgets, once per key)."""
        event.stop()

    def _post_changed(self) -> None:
        texts = (self._narrative.text, self._resolution.text, self._lead)
        if texts == self._posted:
            return
        self._posted = texts
        # To the screen at once: bubbled, it would wake each container on the way (three
        # more message loops a key, none of them listening).
        self.screen.post_message(self.Changed(self._minute_id, *texts))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, TextArea):
            self._resolution_last = event.widget.id == "minute-resolution"
