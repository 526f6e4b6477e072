"""Search every meeting's minutes and agenda: ranked results with the matching words in
context; enter opens the minute. Exempt (Part 2) text is only shown when the clerk asks,
and then every such result says so.

The index is brought up to date from the store (only meetings whose files changed are
read again) in a worker, so the screen never waits on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Checkbox, DataTable, Input, Static

from clerk_tui.domain import DomainError
from clerk_tui.domain.dates import parse_date
from clerk_tui.domain.safe_text import one_line
from clerk_tui.screens.base import ClerkScreen
from store.search import HIGHLIGHT, Hit, SearchError, SearchIndex, SearchQuery
from widgets.steady_footer import SteadyFooter
from widgets.steady_header import SteadyHeader

RESULTS = 100


def highlighted(snippet: str) -> Text:
    """A snippet with its «marked» words in bold reverse, the marks taken out."""
    text = Text()
    rest = one_line(snippet)
    while HIGHLIGHT[0] in rest:
        before, _, after = rest.partition(HIGHLIGHT[0])
        word, _, rest = after.partition(HIGHLIGHT[1])
        text.append(before)
        text.append(word, style="bold reverse")
    text.append(rest)
    return text


class SearchScreen(ClerkScreen):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#search-query"
    PALETTE_GROUP = "Search"
    HELP_TITLE = "Search"
    HELP_TEXT = (
        "Type words and press enter: every meeting's minute titles, narratives, resolutions, "
        "declarations of interest and agenda items are searched, best match first. "
        '"Quoted words" must come together; the last word may be the start of one. '
        "Narrow it by committee (its id or words of its name), dates (12/6/19), a member "
        "(their declarations and the meetings they attended), declarations or resolutions "
        "only. Exempt (Part 2) text is left out unless “Show exempt text” is ticked; such "
        "results are marked NOT FOR PUBLICATION. enter on a result opens its minute."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2", "search", "Search", tooltip="Search with the words and filters given.", id="search.run"
        ),
        Binding(
            "f3", "open_hit", "Open minute", tooltip="Open the highlighted result's minute.", id="search.open"
        ),
        Binding(
            "f4",
            "toggle_exempt",
            "Exempt on/off",
            tooltip="Show or hide exempt (Part 2) text: not for publication.",
            id="search.exempt",
        ),
        Binding("escape", "back", "Back", tooltip="Back to where you were.", id="search.back"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.query_text = query
        self.hits: list[Hit] = []
        self.index: SearchIndex | None = None

    def compose(self) -> ComposeResult:
        yield SteadyHeader()
        with Horizontal(id="search-bar"):
            yield Input(
                self.query_text, placeholder="Words to find, e.g. better care fund", id="search-query"
            )
            yield Button("Search", id="search-run", action="screen.search", variant="primary")
        with Horizontal(id="search-filters"):
            yield Input(placeholder="Committee", id="search-committee")
            yield Input(placeholder="From 1/5/19", id="search-from")
            yield Input(placeholder="To 30/4/20", id="search-to")
            yield Input(placeholder="Member", id="search-member")
        with Horizontal(id="search-options"):
            yield Checkbox("Declarations only", id="search-declarations")
            yield Checkbox("Resolutions only", id="search-resolutions")
            yield Checkbox("Show exempt (Part 2) text", id="search-exempt")
        yield Static(id="search-status")
        yield DataTable(id="search-results", cursor_type="row", zebra_stripes=True)
        yield Static(id="search-snippet")
        with Horizontal(id="search-buttons"):
            yield Button("Open minute", id="search-open", action="screen.open_hit")
            yield Button("Back", id="search-back", action="screen.back")
        yield SteadyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#search-results", DataTable)
        table.add_columns("Date", "Committee", "Minute", "Title", "Found in")
        self._status("Bringing the search index up to date…")
        self._open_index()

    def on_unmount(self) -> None:
        if self.index is not None:
            self.index.close()

    @work(thread=True, exclusive=True, group="search-index")
    def _open_index(self) -> None:
        try:
            index = SearchIndex.for_store(self.store)
            report = index.refresh(self.store)
        except Exception as error:  # noqa: BLE001 - shown to the clerk, the store is untouched
            self.app.call_from_thread(self._status, f"The search index could not be built: {error}", True)
            return
        self.app.call_from_thread(self._ready, index, len(report.indexed), report.unreadable)

    def _ready(self, index: SearchIndex, indexed: int, unreadable: list[tuple[str, str]]) -> None:
        self.index = index
        where = "in memory" if index.in_memory else "beside the store"
        message = f"{index.meeting_count()} meetings searchable ({indexed} read just now, index {where})."
        if unreadable:
            message += f" Not searched (could not be read): {', '.join(m for m, _ in unreadable)}."
        self._status(message, bool(unreadable))
        if self.query_one("#search-query", Input).value.strip():
            self.action_search()

    def _status(self, message: str, warning: bool = False) -> None:
        status = self.query_one("#search-status", Static)
        status.update(Text(message, style="bold red" if warning else ""))

    # --- searching -------------------------------------------------------------------
    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_search()

    def _query(self) -> SearchQuery:
        def value(widget_id: str) -> str:
            return self.query_one(f"#{widget_id}", Input).value.strip()

        start = parse_date(value("search-from")) if value("search-from") else None
        end = parse_date(value("search-to")) if value("search-to") else None
        if start and end and end < start:
            raise DomainError("“To” is before “From”.")
        return SearchQuery(
            value("search-query"),
            committee=value("search-committee") or None,
            start=start,
            end=end,
            member=value("search-member") or None,
            declarations=self.query_one("#search-declarations", Checkbox).value,
            resolutions=self.query_one("#search-resolutions", Checkbox).value,
            include_exempt=self.query_one("#search-exempt", Checkbox).value,
            limit=RESULTS,
        )

    def action_search(self) -> None:
        if self.index is None:
            self._status("The search index is still being brought up to date; one moment…")
            return
        try:
            query = self._query()
            hits = self.index.search(query, self.store)
        except (DomainError, SearchError) as error:
            self._status(error.message if isinstance(error, DomainError) else str(error), True)
            return
        self.hits = hits
        table = self.query_one("#search-results", DataTable)
        table.clear()
        for number, hit in enumerate(hits):
            minute = str(hit.minute_number) if hit.minute_number is not None else ""
            found = f"{hit.kind}, EXEMPT" if hit.exempt else hit.kind
            table.add_row(
                f"{hit.date:%d %b %Y}",
                hit.committee,
                minute,
                one_line(hit.item_title),
                Text(found, style="bold red") if hit.exempt else found,
                key=str(number),
            )
        count = f"{len(hits)} result{'s' if len(hits) != 1 else ''}" if hits else "No matches"
        if query.include_exempt:
            self._status(f"{count}. Exempt text is shown: NOT FOR PUBLICATION.", True)
        else:
            self._status(f"{count}.")
        self._show_snippet(0)
        if hits:
            table.focus()

    @on(DataTable.RowHighlighted, "#search-results")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_snippet(event.cursor_row)

    @on(DataTable.RowSelected, "#search-results")
    def _selected(self) -> None:
        self.action_open_hit()

    def _show_snippet(self, row: int) -> None:
        snippet = self.query_one("#search-snippet", Static)
        if not 0 <= row < len(self.hits):
            snippet.update("")
            return
        hit = self.hits[row]
        text = Text(f"{hit.meeting_id}: ", style="dim")
        if hit.exempt:
            text.append("NOT FOR PUBLICATION (exempt) ", style="bold red")
        text.append_text(highlighted(hit.snippet))
        snippet.update(text)

    def action_toggle_exempt(self) -> None:
        box = self.query_one("#search-exempt", Checkbox)
        box.value = not box.value
        self.action_search()

    @on(Checkbox.Changed)
    def _filter_changed(self) -> None:
        if self.index is not None and self.query_one("#search-query", Input).value.strip():
            self.action_search()

    def action_open_hit(self) -> None:
        from clerk_tui.screens.minute_view import MinuteView

        table = self.query_one("#search-results", DataTable)
        if not self.hits or not 0 <= table.cursor_row < len(self.hits):
            self.clerk.notify("Search first, then pick a result.", severity="warning")
            return
        hit = self.hits[table.cursor_row]
        self.app.push_screen(MinuteView(hit.meeting_id, hit.position, show_exempt=hit.exempt))

    def action_back(self) -> None:
        self.dismiss()
