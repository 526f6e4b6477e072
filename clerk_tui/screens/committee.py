"""One committee: its details, its members in the order the front sheet lists them, and
its house style.

Details and house style are a form: they are saved when the clerk applies it (f2).
Member changes (add, edit, remove, move, paste) are each saved at once.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import (
    Button,
    DataTable,
    Input,
    Label,
    Select,
    Static,
    Switch,
    TabbedContent,
    TabPane,
)

from clerk_tui.commands import PaletteEntry
from clerk_tui.domain import (
    Committee,
    CouncillorNames,
    DomainError,
    FrontSheetDate,
    ItemKind,
    MemberOrder,
    Membership,
    OfficerContact,
    OrganisationStyle,
    Person,
    Venue,
)
from clerk_tui.domain.agenda import STANDARD_TITLES
from clerk_tui.domain.committee import HWB_OPENING_ORDER, OS_OPENING_ORDER, HouseStyle, starting_style
from clerk_tui.domain.dates import format_time
from clerk_tui.domain.membership_entry import (
    check_membership,
    committee_id_for,
    move_member,
    noun_for,
    parse_quorum,
    role_label,
)
from clerk_tui.render.style_samples import SETTINGS
from clerk_tui.screens.base import ClerkScreen
from clerk_tui.screens.member_form import MemberForm
from clerk_tui.screens.printed_names import PrintedNamesScreen
from clerk_tui.screens.quick_entry import QuickEntry, QuickEntryResult
from clerk_tui.screens.save_changes import SaveChangesModal
from clerk_tui.screens.venues import VenueRegisterScreen
from store import StoreError
from widgets.fields import FieldMessage, TextField, TimeField
from widgets.quiet_static import QuietStatic
from widgets.steady_footer import SteadyFooter
from widgets.steady_header import SteadyHeader
from widgets.style_settings import StyleSettings, control_id

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_OPENING_ORDERS: dict[str, list[ItemKind]] = {
    "minutes-first": list(HWB_OPENING_ORDER),
    "declarations-first": list(OS_OPENING_ORDER),
}
MEMBER_COLUMNS = ("#", "Name as printed", "Organisation", "Role", "Voting", "From", "To")
_MEMBER_ACTIONS = {
    "add_member",
    "paste_members",
    "edit_member",
    "remove_member",
    "move_member",
    "undo_remove",
    "printed_names",
}
_NEED_A_MEMBER = {"edit_member", "remove_member", "move_member", "printed_names"}
_DOMAIN_FIELDS = {
    "name": "committee-name",
    "quorum": "committee-quorum",
    "start_time": "committee-start-time",
    "municipal_year_start_month": "style-year-month",
}


class CommitteeScreen(ClerkScreen):
    """Edit one committee (or set up a new one)."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Committee"
    HELP_TITLE = "Committee"
    HELP_TEXT = (
        "Three tabs: Details (f3), Members (f4) and House style (f5); tab moves between fields; on "
        "Details, f7 opens the register of the rooms it meets in. "
        "Details and house style are saved when you apply them (f2); leaving with changes not "
        "applied asks whether to save them. Each change "
        "to the members is saved at once: a adds one with a form, p pastes several as a front sheet "
        "prints them, enter edits the highlighted one, delete removes it (u puts it back), "
        "ctrl+up and ctrl+down move it. The order matters: with the house order “as listed” the "
        "front sheet prints members in this order (the Chair and Vice-Chair always first); n sets how "
        "the papers print the highlighted member's name, or renames them from a date. A new "
        "committee is saved the first time you apply it or add a member; its short code (e.g. hwb) "
        "comes from its name."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2",
            "apply",
            "Apply",
            tooltip="Check the details and house style, then save them.",
            priority=True,
            id="committee.apply",
        ),
        Binding(
            "f3",
            "show_tab('details')",
            "Details tab",
            tooltip="Name, quorum, usual venue and time, committee officer.",
            show=False,
            priority=True,
            id="committee.details",
        ),
        Binding(
            "f4",
            "show_tab('members')",
            "Members tab",
            tooltip="The members in the order the front sheet lists them.",
            show=False,
            priority=True,
            id="committee.members",
        ),
        Binding(
            "f5",
            "show_tab('style')",
            "House style tab",
            tooltip="How this committee's agendas and minutes are printed.",
            show=False,
            priority=True,
            id="committee.style",
        ),
        Binding(
            "f7",  # not f6: f6 imports a paper from every screen
            "venues",
            "Venues",
            tooltip="The rooms this committee meets in, each worded for the front sheet and the minutes.",
            priority=True,
            id="committee.venues",
        ),
        Binding("a", "add_member", "Add", tooltip="Add a member with a form.", id="committee.add_member"),
        Binding(
            "p",
            "paste_members",
            "Paste",
            tooltip="Type or paste members as a front sheet prints them, one a line.",
            id="committee.paste_members",
        ),
        Binding(
            "enter",
            "edit_member",
            "Edit",
            tooltip="Edit the highlighted member and their seat.",
            id="committee.edit_member",
        ),
        Binding(
            "n",
            "printed_names",
            "Names",
            tooltip="How the papers print the highlighted member's name, and a rename from a date.",
            id="committee.printed_names",
        ),
        Binding(
            "delete,backspace",
            "remove_member",
            "Remove",
            tooltip="Remove the highlighted member (u puts them back).",
            id="committee.remove_member",
        ),
        Binding(
            "ctrl+up",
            "move_member(-1)",
            "Move up",
            tooltip="Move the highlighted member up the list.",
            id="committee.move_up",
            group=Binding.Group("Move", compact=True),
        ),
        Binding(
            "ctrl+down",
            "move_member(1)",
            "Move down",
            tooltip="Move the highlighted member down the list.",
            id="committee.move_down",
            group=Binding.Group("Move", compact=True),
        ),
        Binding(
            "u",
            "undo_remove",
            "Undo",
            tooltip="Put back the member removed last.",
            id="committee.undo_remove",
        ),
        Binding("escape", "back", "Back", tooltip="Back to the committees.", id="committee.back"),
    ]

    def __init__(self, committee: Committee | None, style: HouseStyle | None = None) -> None:
        """``committee`` to edit, or None for a new one starting from ``style`` (neutral if
        None; see ``starting_style``)."""
        super().__init__()
        self.is_new = committee is None
        self.committee = (
            copy.deepcopy(committee) if committee else Committee("", "", style=style or starting_style())
        )
        """The committee as last saved (details applied, members as they are)."""
        self.saved = not self.is_new
        self.people: dict[str, Person] = {}
        self._removed: tuple[int, Membership] | None = None
        self._clean: tuple[object, ...] = ()
        self._noun_suggested = ""
        # Fixed once composed, kept rather than looked up on every key.
        self._title = QuietStatic(id="committee-title")
        self._style_settings = StyleSettings(SETTINGS, self.committee.style, id="style-settings")
        self._form_controls: tuple[list[TextField[Any]], list[Switch], list[Select[Any]]] | None = None

    # --- layout -------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        c = self.committee
        style = c.style
        yield SteadyHeader()
        yield self._title
        with TabbedContent(id="committee-tabs"):
            with TabPane("Details (f3)", id="details"), VerticalScroll(classes="committee-form"):
                yield Label("The committee", classes="committee-section")
                with Grid(classes="committee-grid"):
                    yield TextField("Name", value=c.name, required=True, field_id="committee-name")
                    yield _text("Called in minutes", c.noun, "committee-noun", "e.g. the Board")
                    yield _text("Short name", c.short_name, "committee-short-name", "e.g. HWB")
                    yield TextField(
                        "Quorum (empty if not known)",
                        value=str(c.quorum) if c.quorum is not None else "",
                        placeholder="e.g. 3",
                        parse=parse_quorum,
                        field_id="committee-quorum",
                    )
                    yield TimeField(
                        "Usual start time",
                        value=format_time(c.start_time) if c.start_time else "",
                        field_id="committee-start-time",
                    )
                yield Label("Where it usually meets", classes="committee-section")
                with Grid(classes="committee-grid"):
                    yield _text("Room", c.venue.room, "venue-room", "e.g. Committee Room")
                    yield _text("Building", c.venue.building, "venue-building", "e.g. Bootle Town Hall")
                    yield _text(
                        "Address", c.venue.address, "venue-address", "e.g. Trinity Road, Bootle, L20 7AE"
                    )
                    yield _text(
                        "In the minutes heading (if different)",
                        c.venue.minutes_wording,
                        "venue-minutes",
                        "e.g. THE TOWN HALL, BOOTLE",
                    )
                yield Button("Venue register (f7)", id="venues", compact=True)
                yield Label("Committee officer", classes="committee-section")
                with Grid(classes="committee-grid"):
                    yield _text("Name", c.officer.name, "officer-name")
                    yield _text("Job title", c.officer.job_title, "officer-job-title")
                    yield _text("Telephone", c.officer.telephone, "officer-telephone")
                    yield _text("E-mail", c.officer.email, "officer-email")
            with TabPane("Members (f4)", id="members"):
                yield DataTable(id="members-table", cursor_type="row", zebra_stripes=True)
                yield QuietStatic(id="members-empty")
                with Horizontal(id="members-buttons"):
                    yield Button("Add member", id="add-member", compact=True)
                    yield Button("Paste members", id="paste-members", compact=True)
                    yield Button("Edit", id="edit-member", compact=True)
                    yield Button("Printed names", id="printed-names", compact=True)
                    yield Button("Remove", id="remove-member", compact=True)
                    yield Button("Move up", id="move-up", compact=True)
                    yield Button("Move down", id="move-down", compact=True)
            with TabPane("House style (f5)", id="style"), VerticalScroll(classes="committee-form"):
                yield Label("Agenda and front sheet", classes="committee-section")
                with Grid(classes="committee-grid"):
                    yield _choice(
                        "Opening items", _opening_options(style), _opening_value(style), "style-opening-order"
                    )
                    yield _choice(
                        "Front-sheet date",
                        [
                            ("Tuesday 23 January 2024", FrontSheetDate.LONG),
                            ("8th March 2023", FrontSheetDate.ORDINAL),
                        ],
                        style.front_sheet_date,
                        "style-front-sheet-date",
                    )
                    yield _choice(
                        "Members after the Chair and Vice-Chair",
                        [
                            ("As listed on the Members tab", MemberOrder.LISTED),
                            ("Councillors A-Z, co-optees last", MemberOrder.ALPHABETICAL),
                        ],
                        style.member_order,
                        "style-member-order",
                    )
                    yield TextField(
                        "Agenda heading",
                        value=style.agenda_heading,
                        required=True,
                        field_id="style-agenda-heading",
                    )
                    yield _text(
                        "Council name (empty: none)",
                        style.council_name,
                        "style-council-name",
                        "e.g. Sefton Council",
                    )
                yield _switch(
                    "Comma after the officer's name: “Laura Bootland, Senior Democratic Services Officer”",
                    style.officer_comma,
                    "style-officer-comma",
                )
                yield _switch(
                    "Full stop after “Report of …” and “Minutes of the meeting held on …”",
                    style.description_full_stop,
                    "style-full-stop",
                )
                yield Label("Minutes", classes="committee-section")
                with Grid(classes="committee-grid"):
                    yield TextField(
                        "Previous minutes item title",
                        value=style.previous_minutes_title,
                        required=True,
                        field_id="style-previous-minutes",
                    )
                    yield _choice(
                        "Organisations beside names",
                        [
                            ("None: Diane Blair", OrganisationStyle.NONE),
                            ("Brackets: Deborah Butcher (Sefton Council)", OrganisationStyle.BRACKETS),
                            ("Comma: Diane Blair, Healthwatch Sefton", OrganisationStyle.COMMA),
                        ],
                        style.organisations_in_minutes,
                        "style-organisations",
                    )
                    yield _choice(
                        "Councillors named",
                        [
                            ("Short: Councillor Cummins", CouncillorNames.SHORT),
                            ("Full: Councillor Carla Thomas", CouncillorNames.FULL),
                        ],
                        style.councillor_names,
                        "style-councillor-names",
                    )
                    yield TextField(
                        "Running header separator (spaces count)",
                        value=style.running_header_separator,
                        parse=str,
                        echo=lambda sep: f"…BOARD{sep}WEDNESDAY 12TH JUNE, 2019",
                        field_id="style-header-separator",
                    )
                    yield _text("Call-in banner wording", style.call_in_wording, "style-call-in-wording")
                    yield _choice(
                        "Municipal year starts in",
                        [(month, number) for number, month in enumerate(_MONTHS, start=1)],
                        style.municipal_year_start_month,
                        "style-year-month",
                    )
                yield _switch("Call-in banner on the minutes", style.call_in_banner, "style-call-in-banner")
                yield _switch(
                    "Capitals in resolutions: “(1) The report be noted;”",
                    style.capitalise_resolution_parts,
                    "style-capitalise",
                )
                yield _switch(
                    "Comma before the year: “13 March, 2019”", style.comma_before_year, "style-comma-year"
                )
                yield _switch(
                    "Vice-Chair on a line of its own under PRESENT",
                    style.vice_chair_line,
                    "style-vice-chair-line",
                )
                yield Label("The printed record (each with a sample)", classes="committee-section")
                yield self._style_settings
        with Horizontal(id="committee-buttons"):
            yield Button("Apply", id="apply", variant="primary")
            yield Button("Back", id="back")
        yield SteadyFooter()

    def on_mount(self) -> None:
        for field in self.query(TextField):
            field.input.compact = True
        try:
            self.people = {person.id: person for person in self.store.people()}
        except StoreError as error:
            self.report(error, "Cannot read the people")
        self._noun_suggested = self._field("committee-noun").text
        self._clean = self._form_state()
        self.show_members()
        self._refresh_title()
        self.query_one("#committee-name-input", Input).focus()

    # --- the form -----------------------------------------------------------------
    def _field(self, field_id: str) -> TextField[Any]:
        return self.query_one(f"#{field_id}", TextField)

    def _switch(self, switch_id: str) -> bool:
        return self.query_one(f"#{switch_id}", Switch).value

    def _select(self, select_id: str) -> Any:
        return self.query_one(f"#{select_id}", Select).value

    def _form_state(self) -> tuple[object, ...]:
        if self._form_controls is None:  # fixed once composed: found once, not on every key
            self._form_controls = (
                list(self.query(TextField)),
                list(self.query(Switch)),
                list(self.query(Select)),
            )
        fields, switches, selects = self._form_controls
        return (
            tuple(field.text for field in fields)
            + tuple(switch.value for switch in switches)
            + tuple(select.value for select in selects)
            + self._style_settings.state()
        )

    @property
    def dirty(self) -> bool:
        """Details or house style changed since they were last applied."""
        return bool(self._clean) and self._form_state() != self._clean

    def pending_edits(self) -> str:
        """What is typed but not saved yet, in a sentence (for ctrl+s); empty when nothing is."""
        if not self.dirty:
            return ""
        return "The committee's details or house style have changes that are not saved: f2 applies them."

    def _refresh_title(self) -> None:
        name = self.committee.name if self.saved else "New committee"
        code = f" ({self.committee.id})" if self.saved else ""
        note = " · changes not saved yet: f2 applies them" if self.dirty else ""
        self._title.update(f"{name}{code}{note}")

    @on(Input.Changed)
    @on(Switch.Changed)
    @on(Select.Changed)
    def _form_changed(self) -> None:
        if self._clean:
            self._refresh_title()

    @on(Input.Changed, "#committee-name-input")
    def _name_changed(self, event: Input.Changed) -> None:
        """A new committee's noun follows its name until the clerk types one."""
        if not self.is_new or not self._clean:
            return
        noun = self._field("committee-noun")
        if noun.text == self._noun_suggested:
            self._noun_suggested = noun_for(event.value)
            noun.input.value = self._noun_suggested

    def _build(self, why: str = "") -> Committee | None:
        """The committee as the form says, or None with every problem shown by its field."""
        errors: list[tuple[str, str]] = []

        def read(field_id: str) -> Any:
            try:
                return self._field(field_id).value()
            except DomainError as error:
                errors.append((field_id, _beside(self._field(field_id), error.message)))
                return None

        def text(field_id: str) -> str:
            return self._field(field_id).text.strip()

        name = read("committee-name")
        quorum = read("committee-quorum")
        start_time = read("committee-start-time")
        agenda_heading = read("style-agenda-heading")
        previous_title = read("style-previous-minutes")
        banner = self._switch("style-call-in-banner")
        if banner and not text("style-call-in-wording"):
            errors.append(("style-call-in-wording", "Type the banner's wording, or turn the banner off."))
        if errors:
            self._show_errors(errors, why)
            return None
        opening = self._select("style-opening-order")
        try:
            style = replace(
                self.committee.style,
                opening_order=list(_OPENING_ORDERS.get(opening, self.committee.style.opening_order)),
                call_in_banner=banner,
                call_in_wording=text("style-call-in-wording") or self.committee.style.call_in_wording,
                previous_minutes_title=previous_title,
                organisations_in_minutes=self._select("style-organisations"),
                councillor_names=self._select("style-councillor-names"),
                municipal_year_start_month=self._select("style-year-month"),
                front_sheet_date=self._select("style-front-sheet-date"),
                agenda_heading=agenda_heading,
                council_name=text("style-council-name"),
                description_full_stop=self._switch("style-full-stop"),
                capitalise_resolution_parts=self._switch("style-capitalise"),
                comma_before_year=self._switch("style-comma-year"),
                vice_chair_line=self._switch("style-vice-chair-line"),
                member_order=self._select("style-member-order"),
                officer_comma=self._switch("style-officer-comma"),
                running_header_separator=self._field("style-header-separator").text,
                exempt_declarations=self.committee.style.exempt_declarations,  # no field here yet
            )
            style = self._style_settings.read(style)
        except DomainError as error:
            where = _DOMAIN_FIELDS.get(error.field, "") or _setting_control(error.field)
            self._show_errors([(where, error.message)], why)
            return None
        return Committee(
            self.committee.id,
            name,
            noun=text("committee-noun") or noun_for(name),
            short_name=text("committee-short-name"),
            members=self.committee.members,
            quorum=quorum,
            officer=OfficerContact(
                text("officer-name"),
                text("officer-job-title"),
                text("officer-telephone"),
                text("officer-email"),
            ),
            style=style,
            venue=self._typed_venue(text),
            start_time=start_time,
            venues=self.committee.venues,  # the register has its own dialog (f7), saved there
        )

    def _typed_venue(self, text: Callable[[str], str]) -> Venue:
        """The usual venue as typed; its sentence wording and register id are kept while the
        room, building and address are the ones they describe."""
        typed = Venue(
            text("venue-room"), text("venue-building"), text("venue-address"), text("venue-minutes")
        )
        usual = self.committee.venue
        if (typed.room, typed.building, typed.address) == (usual.room, usual.building, usual.address):
            return replace(typed, sentence_wording=usual.sentence_wording, id=usual.id)
        return typed

    def _show_errors(self, errors: list[tuple[str, str]], why: str = "") -> None:
        """Each message beside its field (the first one focused, on its tab), and a note
        saying what could not be done (``why``, or that nothing was saved)."""
        placed: list[Widget] = []
        for field_id, message in errors:
            found = list(self.query(f"#{field_id}")) if field_id else []
            widget = found[0] if found else None
            beside = list(widget.parent.query(FieldMessage)) if widget and widget.parent else []
            if isinstance(widget, TextField):
                widget.message.show_error(message)
            elif widget is not None and beside:
                beside[0].show_error(message)
            else:
                self.clerk.notify(message, title="Not saved", severity="error")
                continue
            placed.append(widget)
        if not placed:
            return
        first = placed[0]
        pane = next((node for node in first.ancestors if isinstance(node, TabPane)), None)
        if pane is not None and pane.id:
            self.query_one(TabbedContent).active = pane.id
        self.set_focus(first.input if isinstance(first, TextField) else first)
        count = f"{len(errors)} thing{'s' if len(errors) > 1 else ''}"
        self.clerk.notify(
            why or f"{count} to fix before saving: see the message under each field.",
            title="Not saved",
            severity="warning",
        )

    def apply(self, why: str = "") -> bool:
        """Check the form and save the committee; False (with messages shown, and ``why`` as
        the note) if it can not be."""
        built = self._build(why)
        if built is None:
            return False
        if not built.id:
            try:
                taken = [c.id for c in self.store.committees()]
            except StoreError as error:
                self.report(error)
                return False
            built.id = committee_id_for(built.name, taken)
        self.committee = built
        self.clerk.save_committee(built)
        self.is_new = False
        self.saved = True
        self._clean = self._form_state()
        self._refresh_title()
        return True

    # --- members ------------------------------------------------------------------
    def show_members(self, select: int | None = None) -> None:
        table = self.query_one("#members-table", DataTable)
        current = table.cursor_row if select is None else select
        rows: list[tuple[str, ...]] = []
        for index, seat in enumerate(self.committee.members):
            person = self.people.get(seat.person_id)
            rows.append(
                (
                    str(index + 1),
                    person.front_sheet_name() if person else f"[unknown person {seat.person_id}]",
                    person.organisation if person else "",
                    role_label(seat.role),
                    "yes" if seat.voting else "no",
                    seat.start.strftime("%d %b %Y") if seat.start else "",
                    seat.end.strftime("%d %b %Y") if seat.end else "",
                )
            )
        table.clear(columns=True)
        # Widths from the rows themselves: left to size its columns as rows come and go,
        # a DataTable can keep drawing them at their old widths.
        for column, label in enumerate(MEMBER_COLUMNS):
            table.add_column(label, width=max([cell_len(label), *(cell_len(row[column]) for row in rows)]))
        for index, row in enumerate(rows):
            table.add_row(*row, key=str(index))
        count = len(self.committee.members)
        if count:
            table.move_cursor(row=min(max(current, 0), count - 1))
        empty = self.query_one("#members-empty", Static)
        empty.display = not count
        empty.update(
            ""
            if count
            else "No members yet. Press p to paste them as a front sheet prints them (one a line: "
            "“Cllr. Carla Thomas (Chair)”, “Ms Diane Blair, Healthwatch”), or a to add one with a form."
        )
        self.refresh_bindings()

    def highlighted_index(self) -> int | None:
        table = self.query_one("#members-table", DataTable)
        if not self.committee.members or not table.row_count:
            return None
        return min(table.cursor_row, len(self.committee.members) - 1)

    def _members_tab(self) -> bool:
        return self._active_tab() in {"members", ""}

    def _active_tab(self) -> str:
        """The tab shown ("" before the tabs are mounted)."""
        try:
            return self.query_one(TabbedContent).active
        except NoMatches:
            return ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "venues" and self._active_tab() != "details":
            return False  # beside the usual venue, on the Details tab
        if action in _MEMBER_ACTIONS:
            if not self._members_tab():
                return False
            if action == "undo_remove" and self._removed is None:
                return False
            if action in _NEED_A_MEMBER and not self.committee.members:
                return None
        return super().check_action(action, parameters)

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()

    def _save_members(self, select: int | None = None) -> None:
        self.clerk.save_committee(self.committee)
        self.show_members(select)

    def _keep_person(self, person: Person) -> None:
        if self.people.get(person.id) != person:
            self.clerk.save_person(person)
            self.people[person.id] = person

    def _ready_for_members(self) -> bool:
        """A new committee is saved before its first member (it needs a name and a code)."""
        if self.saved:
            return True
        return self.apply("A new committee is saved before its members: fix its details first.")

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        focus: dict[str, Callable[[], Widget]] = {
            "details": lambda: self.query_one("#committee-name-input", Input),
            "members": lambda: self.query_one("#members-table", DataTable),
            "style": lambda: self.query_one("#style-opening-order", Select),
        }
        if tab in focus:
            # At once, not later: keys typed straight after f4 must not reach a hidden field.
            self.set_focus(focus[tab]())

    def action_add_member(self) -> None:
        if not self._ready_for_members():
            return
        self.app.push_screen(MemberForm(self.committee, list(self.people.values())), self._member_added)

    def _member_added(self, result: tuple[Person, Membership] | None) -> None:
        if result is None:
            return
        person, seat = result
        try:
            self.committee.add_member(seat)
        except DomainError as error:
            self.report(error, "Not added")
            return
        self._keep_person(person)
        self._save_members(len(self.committee.members) - 1)
        self.clerk.notify(_sentence(f"Added {person.front_sheet_name()}"), timeout=4)

    def action_edit_member(self) -> None:
        index = self.highlighted_index()
        if index is None:
            self.clerk.notify("No member to edit yet: press a to add one.", severity="warning")
            return
        self.app.push_screen(
            MemberForm(self.committee, list(self.people.values()), index),
            partial(self._member_edited, index),
        )

    def _member_edited(self, index: int, result: tuple[Person, Membership] | None) -> None:
        if result is None:
            return
        person, seat = result
        try:
            check_membership(self.committee, seat, index)
        except DomainError as error:
            self.report(error, "Not changed")
            return
        self._keep_person(person)
        self.committee.members[index] = seat
        self._save_members(index)

    def action_printed_names(self) -> None:
        index = self.highlighted_index()
        person = self.people.get(self.committee.members[index].person_id) if index is not None else None
        if index is None or person is None:
            self.clerk.notify("No member here whose name could print otherwise.", severity="warning")
            return
        try:
            committees = self.store.committees()
        except StoreError as error:
            self.report(error, "Cannot read the committees")
            return
        self.app.push_screen(
            PrintedNamesScreen(person, self.committee, committees), partial(self._names_changed, index)
        )

    def _names_changed(self, index: int, person: Person | None) -> None:
        """The dialog saved each change itself: show the person as saved."""
        if person is not None:
            self.people[person.id] = person
            self.show_members(index)

    def action_venues(self) -> None:
        if not self._ready_for_members():
            return
        self.app.push_screen(VenueRegisterScreen(self.committee), self._venues_changed)

    def _venues_changed(self, venues: list[Venue] | None) -> None:
        """The dialog saved each change itself: keep the register it saved."""
        if venues is not None:
            self.committee.venues = venues

    def action_remove_member(self) -> None:
        index = self.highlighted_index()
        if index is None:
            self.clerk.notify("No member to remove.", severity="warning")
            return
        seat = self.committee.members.pop(index)
        self._removed = (index, seat)
        self._save_members(index)
        person = self.people.get(seat.person_id)
        name = person.front_sheet_name() if person else seat.person_id
        self.clerk.notify(
            f"Removed {name} ({role_label(seat.role)}). Press u to put them back. To keep them in the "
            "record of past meetings, edit their seat and give it an end date instead.",
            title="Member removed",
            timeout=10,
        )

    def action_undo_remove(self) -> None:
        if self._removed is None:
            self.clerk.notify("Nothing to put back.", severity="warning")
            return
        index, seat = self._removed
        try:
            check_membership(self.committee, seat)
        except DomainError as error:
            self.report(error, "Not put back")
            return
        index = min(index, len(self.committee.members))
        self.committee.members.insert(index, seat)
        self._removed = None
        self._save_members(index)

    def action_move_member(self, step: int) -> None:
        index = self.highlighted_index()
        if index is None:
            return
        moved = move_member(self.committee.members, index, step)
        if moved != index:
            self._save_members(moved)

    def action_paste_members(self) -> None:
        if not self._ready_for_members():
            return
        self._open_quick_entry()

    def _open_quick_entry(self, text: str = "", substitutes: bool = False) -> None:
        self.app.push_screen(
            QuickEntry(self.committee, list(self.people.values()), text=text, substitutes=substitutes),
            self._pasted,
        )

    def _pasted(self, result: QuickEntryResult | None) -> None:
        if result is None:
            return
        added = 0
        for line in result.added:
            if line.person is None or line.membership is None:
                continue
            try:
                self.committee.add_member(line.membership)
            except DomainError as error:
                self.report(error, f"Line {line.number} not added")
                continue
            if not line.existing:
                self._keep_person(line.person)
            added += 1
        self._save_members(len(self.committee.members) - 1)
        if result.leftover:
            self.clerk.notify(
                f"Added {added} member{'s' if added != 1 else ''}. The lines left need fixing.",
                severity="warning",
            )
            self._open_quick_entry(result.leftover, result.substitutes)
        else:
            self.clerk.notify(f"Added {added} member{'s' if added != 1 else ''}.", timeout=4)

    def jump_to_member(self, index: int) -> None:
        self.action_show_tab("members")
        self.query_one("#members-table", DataTable).move_cursor(row=index)

    def palette_targets(self) -> list[PaletteEntry]:
        entries = []
        for index, seat in enumerate(self.committee.members):
            person = self.people.get(seat.person_id)
            name = person.front_sheet_name() if person else seat.person_id
            entries.append(
                PaletteEntry(
                    f"Jump to member: {name}", partial(self.jump_to_member, index), role_label(seat.role)
                )
            )
        return entries

    # --- leaving ------------------------------------------------------------------
    def action_apply(self) -> None:
        if self.apply():
            self.clerk.notify(_sentence(f"Saved {self.committee.name}"), timeout=4)

    def action_back(self) -> None:
        if not self.dirty:
            self.app.pop_screen()
            return
        self.app.push_screen(SaveChangesModal(self.committee.name), self._leave)

    def _leave(self, choice: str | None) -> None:
        if choice == "discard" or (choice == "save" and self.apply()):
            self.app.pop_screen()

    @on(Button.Pressed)
    async def _button(self, event: Button.Pressed) -> None:
        actions = {
            "apply": "apply",
            "back": "back",
            "add-member": "add_member",
            "paste-members": "paste_members",
            "edit-member": "edit_member",
            "printed-names": "printed_names",
            "venues": "venues",
            "remove-member": "remove_member",
            "move-up": "move_member(-1)",
            "move-down": "move_member(1)",
        }
        if event.button.id in actions:
            await self.run_action(actions[event.button.id])

    @on(DataTable.RowSelected, "#members-table")
    async def _row_selected(self, event: DataTable.RowSelected) -> None:
        await self.run_action("edit_member")


def _opening_options(style: HouseStyle) -> list[tuple[str, str]]:
    options = [
        ("Apologies, Minutes, Declarations", "minutes-first"),
        ("Apologies, Declarations, Minutes", "declarations-first"),
    ]
    if _opening_value(style) == "custom":
        titles = ", ".join(STANDARD_TITLES.get(kind, kind.value) for kind in style.opening_order)
        options.append((f"As it is: {titles}", "custom"))
    return options


def _opening_value(style: HouseStyle) -> str:
    for value, order in _OPENING_ORDERS.items():
        if style.opening_order == order:
            return value
    return "custom"


def _text(label: str, value: str, field_id: str, placeholder: str = "") -> TextField[str]:
    return TextField(label, value=value, placeholder=placeholder, field_id=field_id)


def _switch(label: str, value: bool, switch_id: str) -> Horizontal:
    return Horizontal(Switch(value, id=switch_id), Label(label), classes="committee-switch")


def _choice(label: str, options: list[tuple[str, Any]], value: Any, select_id: str) -> Vertical:
    return Vertical(
        Label(label, classes="committee-label"),
        Select(options, value=value, allow_blank=False, compact=True, id=select_id),
        FieldMessage(classes="-empty"),
        classes="committee-choice",
    )


def _setting_control(field: str) -> str:
    """The id of a printed-record setting's control, for a message beside it."""
    return next((control_id(entry) for entry in SETTINGS if entry.name == field), "")


def _beside(field: TextField[Any], message: str) -> str:
    """A field's message without its own label in front (it is shown under the label)."""
    bare = message.removeprefix(f"{field.label}: ")
    return bare[:1].upper() + bare[1:]


def _sentence(text: str) -> str:
    """``text`` with one full stop at the end ("Added Cllr. Mhairi Doyle, M.B.E.")."""
    return text if text.endswith(".") else f"{text}."
