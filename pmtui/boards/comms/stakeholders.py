"""The stakeholder register under a power/interest grid (Mendelow): names in their
quadrant; m or tab moves into the grid, arrows move through the names, enter opens one.
Power and interest are edited in the form."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Static

from pmtui.boards.base import Chosen
from pmtui.boards.keys import command
from pmtui.boards.table import TableBoard
from pmtui.domain.comms import HIGH
from pmtui.services.comms import grid
from pmtui.widgets.list_filter import ListFilter
from pmtui.widgets.power_grid import GridName, PowerGrid
from pmtui.widgets.record_table import RecordTable


class StakeholdersBoard(TableBoard):
    """The power/interest grid above the register."""

    DEFAULT_CSS = """
    StakeholdersBoard { layout: vertical; }
    StakeholdersBoard #legend { height: 1; padding: 0 1; color: $text-muted; }
    StakeholdersBoard #table { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *TableBoard.BINDINGS,
        command("m", "focus_grid", "Grid", "stakeholder: Go to the power/interest grid",
                id="stakeholder-grid"),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        yield PowerGrid(id="grid")
        yield Static(
            f"Power up, interest right ({HIGH}+ is high) · m/tab grid, arrows, enter opens",
            id="legend",
        )
        yield ListFilter(id="filter")
        yield RecordTable(id="table")

    @property
    def power_grid(self) -> PowerGrid:
        """The grid."""
        return self.query_one("#grid", PowerGrid)

    def refresh_data(self) -> None:
        super().refresh_data()
        placed = grid(self.store)
        self.power_grid.set_data(
            {name: [GridName(p.key, p.name) for p in found] for name, found in placed.items()}
        )

    def on_resize(self) -> None:
        # The grid takes up to two fifths of a taller board (a title and a border line per
        # half, two halves); the register keeps the rest.
        self.power_grid.show_rows((self.size.height * 2 // 5 - 2) // 2)

    def default_focus(self) -> RecordTable:
        return self.table

    def focus_record(self, table: str, key: str) -> bool:
        if table != self.record_type.table:
            return False
        self.power_grid.move_to_key(key)
        return super().focus_record(table, key)

    def chosen(self) -> Chosen | None:
        if self.is_mounted and self.power_grid.has_focus:
            key = self.power_grid.cursor_key
            return Chosen(self.record_type.table, key) if key else None
        return super().chosen()

    def action_focus_grid(self) -> None:
        self.power_grid.focus()

    @on(PowerGrid.Highlighted)
    def _grid_moved(self, event: PowerGrid.Highlighted) -> None:
        self._choice_moved()
        self.refresh_bindings()

    @on(PowerGrid.Selected)
    def _grid_open(self, event: PowerGrid.Selected) -> None:
        event.stop()
        self.edit_record(self.record_type.table, event.key)
