"""A DataTable for thousands of rows: it is given every row, but holds only those the clerk
has come near, and redraws only the cells that changed.

A DataTable measures every cell of every row it holds (about 0.2 ms a row), so 5,000
meetings cost a second before anything is drawn, and again on every refill. This table
takes the first ``AHEAD`` rows at once and the rest as the cursor or the scroll comes
within ``AHEAD`` rows of the end of what it holds (ctrl+end takes them all). Given the
same rows again, it updates the cells that differ and keeps the cursor; given rows that
came, went or moved, it starts again. Columns have fixed widths, worked out from every
row (or given by the caller, who knows them without writing every row out), so rows
taken later never shift them. A row only needs its key until it is taken: its cells may
be worked out when first asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from rich.cells import cell_len
from textual.coordinate import Coordinate
from textual.widgets import DataTable

AHEAD = 60
"""Rows held beyond the cursor and the bottom of the view: a screenful and a page or two."""


class Row(Protocol):
    """What the table needs of a row: its key, and (once it is taken) its cells."""

    @property
    def key(self) -> str: ...

    @property
    def cells(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class LazyRow:
    key: str
    cells: tuple[str, ...]


def column_widths(labels: Sequence[str], rows: Sequence[Row]) -> tuple[int, ...]:
    """Each column as wide as its label or its widest cell."""
    widths = [cell_len(label) for label in labels]
    for row in rows:
        for column, cell in enumerate(row.cells):
            width = len(cell) if cell.isascii() else cell_len(cell)
            if width > widths[column]:
                widths[column] = width
    return tuple(widths)


class LazyTable(DataTable[str]):
    """Rows of plain text, each with a key; see the module's notes."""

    def __init__(
        self,
        columns: Sequence[tuple[str, str]],
        *,
        id: str | None = None,  # noqa: A002
        zebra_stripes: bool = False,
    ) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=zebra_stripes)
        self._columns = tuple(columns)
        """(label, key) of each column."""
        self._all: Sequence[Row] = ()
        self._held = 0
        self._widths: tuple[int, ...] = ()
        self._holding = False
        self.fills = 0
        """How many times the table was filled from scratch."""

    @property
    def total(self) -> int:
        """Every row the table was given (it may hold fewer yet)."""
        return len(self._all)

    @property
    def held(self) -> int:
        return self._held

    def show(
        self, rows: Sequence[Row], select: str | None = None, *, widths: Sequence[int] | None = None
    ) -> None:
        """Show these rows; put the cursor on ``select`` if it is one of them. ``widths``, if
        given, are those of the widest cell of each column over every row (the labels are
        allowed for here): then no row's cells are asked for before it is taken."""
        labels = [label for label, _ in self._columns]
        if widths is None:
            fixed = column_widths(labels, rows)
        else:
            fixed = tuple(max(cell_len(label), width) for label, width in zip(labels, widths, strict=True))
        same = fixed == self._widths and [r.key for r in rows] == [r.key for r in self._all]
        if same:
            self._update_cells(rows)
        else:
            self._refill(rows, fixed)
        position = next((n for n, row in enumerate(rows) if row.key == select), None) if select else None
        if position is not None:
            self._hold(position + AHEAD)
            self.move_cursor(row=position)

    def _refill(self, rows: Sequence[Row], widths: tuple[int, ...]) -> None:
        self._all, self._held = (), 0  # clearing moves the cursor: nothing to take meanwhile
        self.clear(columns=True)
        for (label, key), width in zip(self._columns, widths, strict=True):
            self.add_column(label, width=width, key=key)
        self._all, self._widths, self._held = rows, widths, 0
        self.fills += 1
        self._hold(AHEAD)

    def _update_cells(self, rows: Sequence[Row]) -> None:
        for shown, row in zip(self._all[: self._held], rows, strict=False):
            if shown.cells == row.cells:
                continue
            for (_, column), old, new in zip(self._columns, shown.cells, row.cells, strict=True):
                if old != new:
                    self.update_cell(row.key, column, new)
        self._all = rows

    def _hold(self, count: int) -> None:
        """Take rows up to ``count`` (or all there are). Adding a row moves the cursor's
        watcher, which would take rows again from inside: hence the guard."""
        if self._holding:
            return
        self._holding = True
        try:
            while self._held < min(count, len(self._all)):
                row = self._all[self._held]
                self.add_row(*row.cells, key=row.key)
                self._held += 1
        finally:
            self._holding = False

    def _hold_near(self, row: int) -> None:
        if row + AHEAD > self._held:
            self._hold(row + 2 * AHEAD)

    def watch_cursor_coordinate(self, old_coordinate: Coordinate, new_coordinate: Coordinate) -> None:
        super().watch_cursor_coordinate(old_coordinate, new_coordinate)
        self._hold_near(new_coordinate.row)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._hold_near(int(new_value) + self.size.height)

    def action_scroll_bottom(self) -> None:
        self._hold(len(self._all))
        super().action_scroll_bottom()
