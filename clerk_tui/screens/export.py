"""Print a meeting's agenda or minutes (as text, Markdown, Word or PDF; or its JSON) to a
file, seeing the first lines before it is written. The writing happens off the UI thread,
through the one atomic writer (``exporting.write_export``): an existing file is only ever
replaced whole, and a confidential copy is readable by the clerk alone. Word and PDF are
the files ``clerk export --format docx|pdf`` writes (``cli_papers.paper_file``): minutes
numbered through the year's minute book, signed minutes from their frozen copy."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import ClassVar, Literal

import platformdirs
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Select, Static
from textual.worker import get_current_worker

from clerk_tui.domain import DomainError, Meeting
from clerk_tui.domain.dates import format_echo
from clerk_tui.exporting import ExportError, export_meeting, print_paper, write_export, write_export_bytes
from clerk_tui.render import Copy, Format, Printed, PrintOptions
from clerk_tui.render.public import paper_copy, record_copy
from clerk_tui.saving import SaveOutcome, meeting_key
from clerk_tui.screens.base import ClerkModal
from store import Store, StoreError
from widgets import FieldMessage, SafeInput
from widgets.steady_footer import SteadyFooter

ExportPaper = Literal["agenda", "minutes", "meeting"]

PAPERS: dict[ExportPaper, str] = {
    "agenda": "Agenda front sheet",
    "minutes": "Minutes",
    "meeting": "Meeting (JSON)",
}
FileFormat = Literal["text", "markdown", "docx", "pdf"]
FORMATS: dict[FileFormat, str] = {
    "text": "Plain text",
    "markdown": "Markdown",
    "docx": "Word (.docx)",
    "pdf": "PDF",
}
PAGED: tuple[FileFormat, ...] = ("docx", "pdf")
"""Files with pages of their own, in house style: the preview shows the text they hold."""
PREVIEW_LINES = 40
WIDEST = 250
NARROWEST = 20


def export_folder() -> Path:
    """``<Documents>/clerk-exports``, or ``~/clerk-exports`` where there is no Documents folder."""
    documents = platformdirs.user_documents_path()
    return (documents if documents.is_dir() else Path.home()) / "clerk-exports"


def extension(paper: ExportPaper, file_format: FileFormat | Format) -> str:
    if paper == "meeting":
        return "json"
    return {"markdown": "md", "docx": "docx", "pdf": "pdf"}.get(str(file_format), "txt")


def default_path(
    folder: Path, meeting_id: str, paper: ExportPaper, file_format: FileFormat | Format, copy: Copy
) -> Path:
    """``hwb-2019-09-11-minutes-public.txt`` / ``...-minutes-confidential.pdf``: the two
    copies never share a name, so one can neither replace nor pass for the other."""
    return folder / f"{meeting_id}-{paper}-{copy.value}.{extension(paper, file_format)}"


def copy_asked(paper: ExportPaper, public: bool, meeting: Meeting | None) -> Copy:
    """The copy the form asks for, by ``render.public``'s rules (nothing is printed)."""
    if paper == "meeting" or meeting is None:  # unread: assume the worst, the export says why
        return record_copy(public)
    return paper_copy(meeting, public)


@dataclass(frozen=True)
class ExportRequest:
    meeting_id: str
    paper: ExportPaper
    options: PrintOptions
    path: Path
    create_folder: bool = False
    """The clerk agreed to create the file's folder, which does not exist."""
    file_format: FileFormat = "text"


def render_export(store: Store, request: ExportRequest) -> Printed:
    """The text of the file (of a Word or PDF file: the text it holds, for the preview):
    exactly what ``clerk export`` prints with the same options."""
    if request.paper == "meeting":
        return export_meeting(store, request.meeting_id, public=request.options.public)
    return print_paper(store, request.paper, request.meeting_id, request.options)


def write_request(store: Store, request: ExportRequest, *, make_folder: bool) -> Printed:
    """Write the file the request asks for; what was written (a Word or PDF file's text is
    left empty: only its copy and warnings are told)."""
    if request.paper == "meeting" or request.file_format not in PAGED:
        printed = render_export(store, request)
        write_export(request.path, printed, make_folder=make_folder)
        return printed
    from clerk_tui.cli_papers import PaperFormat, paper_file  # python-docx or fpdf2, only now

    public = request.options.public
    paged: PaperFormat = "pdf" if request.file_format == "pdf" else "docx"
    data = paper_file(store, request.paper, request.meeting_id, paged, public=public)
    copy = paper_copy(store.meeting(request.meeting_id), public)
    write_export_bytes(request.path, data, copy, make_folder=make_folder)
    return Printed("", (), copy)


def preview_of(text: str, lines: int = PREVIEW_LINES) -> str:
    head = text.splitlines()[:lines]
    more = len(text.splitlines()) - len(head)
    return "\n".join(head) + (f"\n… and {more} more lines" if more > 0 else "")


class ExportScreen(ClerkModal):
    """Dismisses with the path written, or None."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#export-paper"
    PALETTE_GROUP = "Export"
    HELP_TITLE = "Export"
    HELP_TEXT = (
        "Print the agenda front sheet or the minutes to a file, as text, Markdown, Word or PDF, "
        "or the meeting itself as JSON for another copy of clerk. Width 0 prints one paragraph "
        "per line, for pasting into a word processor. The preview shows the first lines of the "
        "file (of a Word or PDF file, the text it holds). The public copy withholds exempt items; "
        "the confidential one is readable by you alone."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2,ctrl+enter",
            "export",
            "Export",
            tooltip="Write the file (an existing one is replaced whole).",
            id="export.write",
        ),
        Binding("escape", "cancel", "Cancel", tooltip="Close without writing anything.", id="export.cancel"),
    ]

    def __init__(self, meeting_id: str, paper: ExportPaper | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.paper = paper
        self.folder = export_folder()
        """Where a file name alone goes: the folder of the last export, else the default."""
        self._auto_path = ""
        self._writing = False
        self._meeting: Meeting | None = None
        """As the dialog opened: which copy a paper is depends on its exempt business."""

    # --- layout --------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self.folder = self.clerk.last_export_folder or self.folder
        summary = next((s for s in self.store.meeting_summaries() if s.id == self.meeting_id), None)
        paper: ExportPaper = self.paper or ("minutes" if summary and summary.minute_count else "agenda")
        title = f"Export {self.meeting_id}"
        if summary is not None:
            with contextlib.suppress(StoreError):
                committee = self.store.committee(summary.committee_id)
                title = f"Export: {committee.name}, {format_echo(summary.date)}"
            with contextlib.suppress(StoreError):
                self._meeting = self.store.meeting(self.meeting_id)
        self._auto_path = str(self._suggested_path(paper, "text", public=False))
        with Vertical(id="export-dialog"):
            yield Static(title, id="export-title")
            with Horizontal(id="export-choices"):
                with Vertical(id="export-paper-field"):
                    yield Label("Paper")
                    yield Select(
                        [(label, key) for key, label in PAPERS.items()],
                        value=paper,
                        allow_blank=False,
                        id="export-paper",
                    )
                with Vertical(id="export-format-field"):
                    yield Label("Format")
                    yield Select(
                        [(label, key) for key, label in FORMATS.items()],
                        value="text",
                        allow_blank=False,
                        id="export-format",
                    )
                with Vertical(id="export-width-field"):
                    yield Label("Width")
                    yield SafeInput(
                        "80",
                        restrict=r"\d{0,3}",
                        tooltip="Columns to wrap at; 0 prints one paragraph per line.",
                        id="export-width",
                    )
            yield FieldMessage(classes="-empty", id="export-width-message")
            with Horizontal(id="export-switches"):
                yield Checkbox("Pages with running headers", id="export-paginate")
                yield Checkbox("Public copy: withhold exempt items", id="export-public")
            with Vertical(id="export-path-field"):
                yield Label("File")
                yield SafeInput(self._auto_path, id="export-path", where="the file name")
                yield FieldMessage(classes="-empty", id="export-path-message")
            yield Static(id="export-warnings")
            with VerticalScroll(id="export-preview-scroll"):
                yield Static("", id="export-preview", markup=False)
            yield FieldMessage(classes="-empty", id="export-error")
            with Horizontal(id="export-buttons"):
                yield Button("Export", id="export", action="screen.export", variant="primary")
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.enter_moves_on()
        self.query_one("#export-preview-scroll").border_title = f"Preview: the first {PREVIEW_LINES} lines"
        self._options_changed()

    # --- reading the form --------------------------------------------------------------
    def _paper(self) -> ExportPaper:
        value = self.query_one("#export-paper", Select).value
        return next((paper for paper in PAPERS if paper == value), "agenda")

    def _file_format(self) -> FileFormat:
        value = self.query_one("#export-format", Select).value
        return next((key for key in FORMATS if key == value), "text")

    def _format(self) -> Format:
        """How the text is written (a Word or PDF file's preview: plain text)."""
        return Format.MARKDOWN if self._file_format() == "markdown" else Format.TEXT

    def _width(self) -> int:
        text = self.query_one("#export-width", Input).value.strip()
        if not text:
            raise DomainError("Type a width: 80 for the usual page, 0 for one paragraph per line.", "width")
        width = int(text)
        if width and not NARROWEST <= width <= WIDEST:
            raise DomainError(
                f"Width: 0 (one paragraph per line) or {NARROWEST} to {WIDEST} columns.", "width"
            )
        return width

    def _suggested_path(self, paper: ExportPaper, file_format: FileFormat, *, public: bool) -> Path:
        copy = copy_asked(paper, public, self._meeting)
        return default_path(self.folder, self.meeting_id, paper, file_format, copy)

    def _path(self) -> Path:
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            raise DomainError("Type where to save the file.", "path")
        path = Path(text).expanduser()
        return path if path.is_absolute() else self.folder / path

    def _request(self, path: Path | None = None) -> ExportRequest:
        """What the form asks for (to ``path``, else the file typed); DomainError, naming
        its field, if it cannot be done."""
        paper = self._paper()
        file_format = self._file_format()
        text_format = self._format()
        free_text = paper != "meeting" and file_format == "text"
        width = self._width() if free_text else 80
        paginate = free_text and self.query_one("#export-paginate", Checkbox).value and width > 0
        public = self.query_one("#export-public", Checkbox).value
        options = PrintOptions(text_format, width, paginate, public)
        return ExportRequest(self.meeting_id, paper, options, path or self._path(), file_format=file_format)

    # --- live preview ------------------------------------------------------------------
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(Input.Changed, "#export-width")
    def _options_changed(self) -> None:
        paper = self._paper()
        file_format = self._file_format()
        printed = paper != "meeting"
        public = self.query_one("#export-public", Checkbox).value
        self.query_one("#export-format", Select).disabled = not printed
        self.query_one("#export-width", Input).disabled = not printed or file_format != "text"
        path_input = self.query_one("#export-path", Input)
        if path_input.value.strip() in ("", self._auto_path):
            self._auto_path = str(self._suggested_path(paper, file_format, public=public))
            path_input.value = self._auto_path
        width_message = self.query_one("#export-width-message", FieldMessage)
        try:
            width = self._width() if not self.query_one("#export-width", Input).disabled else 80
        except DomainError as error:
            width_message.show_error(error.message)
            self.query_one("#export-preview", Static).update("")
            return
        width_message.show_note("")
        self.query_one("#export-paginate", Checkbox).disabled = (
            not printed or file_format != "text" or width == 0
        )
        self.query_one("#export-error", FieldMessage).show_note("")
        try:
            request = self._request(path=self.folder)  # the preview needs no file name
        except DomainError:
            return
        # Show the meeting as last edited, not as last saved: start once its save is done.
        self._after_save(
            lambda _: self.run_worker(
                partial(self._preview_in_thread, request),
                thread=True,
                exclusive=True,
                group="export-preview",
                exit_on_error=False,
            )
        )

    def _after_save(self, then: Callable[[SaveOutcome], object]) -> None:
        """Call ``then`` (UI thread) once the meeting's latest save is done or has failed:
        no thread waits for the saver."""
        settled = self.clerk.saver.settled(meeting_key(self.meeting_id))
        settled.add_done_callback(lambda done: then(done.result()))

    def _preview_in_thread(self, request: ExportRequest) -> None:
        try:
            printed = render_export(self.store, request)
        except Exception as error:  # noqa: BLE001 - shown to the clerk, never raised
            message = error.message if isinstance(error, DomainError) else str(error)
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self._show_preview, f"This cannot be printed: {message}", ())
            return
        preview = preview_of(printed.text)
        if request.paper != "meeting" and request.file_format in PAGED:
            name = FORMATS[request.file_format]
            preview = f"[The {name} file holds this text, laid out in the house style.]\n\n{preview}"
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_preview, preview, printed.warnings)

    def _show_preview(self, text: str, warnings: tuple[str, ...]) -> None:
        self.query_one("#export-preview", Static).update(text)
        box = self.query_one("#export-warnings", Static)
        box.update("\n".join(f"⚠ {warning}" for warning in warnings))
        box.display = bool(warnings)

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        message = self.query_one("#export-path-message", FieldMessage)
        try:
            path = self._path()
        except DomainError as error:
            message.show_error(error.message)
            return
        self.query_one("#export-error", FieldMessage).show_note("")
        self.run_worker(
            partial(self._check_path_in_thread, path),
            thread=True,
            exclusive=True,
            group="export-path",
            exit_on_error=False,
        )

    def _check_path_in_thread(self, path: Path) -> None:
        """Say where the file goes, and whether it replaces one (a stat is still disk I/O)."""
        if path.is_dir():
            note, error = f"{path} is a folder: add a file name.", True
        elif path.exists():
            note, error = f"Replaces the file {path}", False
        elif not path.parent.is_dir() and path.parent != self.folder:
            note, error = f"There is no folder {path.parent}: exporting offers to create it.", False
        else:
            note, error = f"Saves to {path}", False
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_path_note, note, error)

    def _show_path_note(self, note: str, error: bool) -> None:
        message = self.query_one("#export-path-message", FieldMessage)
        if error:
            message.show_error(note)
        else:
            message.show_note(note)

    # --- actions -----------------------------------------------------------------------
    def action_export(self) -> None:
        error_line = self.query_one("#export-error", FieldMessage)
        if self._writing:
            error_line.show_note("Writing the file…")
            return
        try:
            request = self._request()
        except DomainError as error:
            target = "#export-width" if error.field == "width" else "#export-path"
            self.query_one(f"{target}-message", FieldMessage).show_error(error.message)
            self.query_one(target, Input).focus()
            error_line.show_error("Nothing was written: put right what is marked above.")
            return
        self._writing = True
        self.query_one("#export", Button).disabled = True
        error_line.show_note(f"Writing {request.path}…")
        self._after_save(partial(self._export_saved, request))

    def _export_saved(self, request: ExportRequest, saved: SaveOutcome) -> None:
        if not saved.saved:  # the store still holds an older copy: the file would lack the changes
            self._export_failed(
                f"The latest changes to this meeting are not saved yet ({saved.reason}), so the file "
                "would not have them. ctrl+s tries the save again."
            )
            return
        self._write(request)

    def _write(self, request: ExportRequest) -> None:
        self.run_worker(
            partial(self._export_in_thread, request),
            thread=True,
            group="export-write",
            name="export",
            exit_on_error=False,
        )

    def _export_in_thread(self, request: ExportRequest) -> None:
        folder = request.path.parent
        make_folder = request.create_folder or folder == self.folder
        if not make_folder and not folder.exists():
            self.app.call_from_thread(self._offer_folder, request)
            return
        try:
            printed = write_request(self.store, request, make_folder=make_folder)
        except ExportError as error:
            self.app.call_from_thread(self._export_failed, str(error))
            return
        except Exception as error:  # noqa: BLE001 - shown to the clerk, never raised
            message = error.message if isinstance(error, DomainError) else str(error)
            self.app.call_from_thread(self._export_failed, f"This cannot be printed: {message}")
            return
        self.app.call_from_thread(self._exported, request, printed)

    def _offer_folder(self, request: ExportRequest) -> None:
        """The folder typed does not exist: create it, if the clerk says so."""
        from clerk_tui.screens.confirm import ConfirmScreen

        folder = request.path.parent

        def decided(create: bool | None) -> None:
            if not create:
                self._export_failed(f"There is no folder {folder}: create it, or choose another.")
                return
            self._write(replace(request, create_folder=True))

        if not self.is_attached:
            self._export_failed(f"There is no folder {folder}.")
            return
        self.app.push_screen(
            ConfirmScreen(f"There is no folder {folder}. Create it, and write the file there?", "Create it"),
            decided,
        )

    def _export_failed(self, message: str) -> None:
        self._writing = False
        if not self.is_attached:  # closed while writing: say it where the clerk is now
            self.clerk.notify(f"Nothing was written. {message}", title="Export", severity="error", timeout=20)
            return
        self.query_one("#export", Button).disabled = False
        self.query_one("#export-error", FieldMessage).show_error(f"Nothing was written. {message}")

    def _exported(self, request: ExportRequest, printed: Printed) -> None:
        self._writing = False
        self.clerk.last_export_folder = request.path.parent  # the next export offers it
        warnings = printed.warnings
        caveat = "".join(f"\n⚠ {warning}" for warning in warnings)
        copy = (
            "confidential copy, readable by you alone" if printed.copy == Copy.CONFIDENTIAL else "public copy"
        )
        self.clerk.notify(
            f"{PAPERS[request.paper]} ({copy}) written to {request.path}{caveat}",
            title="Exported",
            severity="warning" if warnings else "information",
            timeout=20 if warnings else 8,
        )
        if self.is_attached and self.app.screen is self:
            self.dismiss(str(request.path))

    def action_cancel(self) -> None:
        self.dismiss(None)
