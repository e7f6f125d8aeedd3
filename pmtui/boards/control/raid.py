"""Assumptions and external dependencies, one list above the other; a validation or need
date that is due (passed, or within the project's due-soon window) stands out. tab moves
between the lists; a, e, d and / act on the focused one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

from pmtui import agenda, views
from pmtui.boards.base import Chosen, NewRecord
from pmtui.boards.table import TableBoard, columns_for, rows_for
from pmtui.records.control import OPEN_DEPENDENCY
from pmtui.schema import Record
from pmtui.tables import record_type
from pmtui.widgets.list_filter import ListFilter
from pmtui.widgets.record_table import Column, RecordTable


def due_style(text: str) -> str | None:
    """Late in the bad style, due soon in the warning style."""
    if "late" in text:
        return "record-table--bad"
    return "record-table--warning" if text else None


DUE = Column("due_state", "Due", 12, style_of=due_style)

#: table -> (its date field, whether a record still waits on that date).
WATCHED: dict[str, tuple[str, Callable[[Record], bool]]] = {
    "assumptions": ("validate_by", lambda r: (r.get("status") or "unvalidated") == "unvalidated"),
    "dependencies": ("needed_by", lambda r: (r.get("status") or "waiting") in OPEN_DEPENDENCY),
}


def due_text(record: Record, table: str, today: date, window: int) -> str:
    """'3 days late', 'today', 'in 4 days' while the record waits and its date is due."""
    field, waiting = WATCHED[table]
    try:
        when = date.fromisoformat(str(record.get(field)))
    except ValueError:
        return ""
    late = (today - when).days
    if not waiting(record) or late < -window:
        return ""
    return agenda.relative(late, when.isoformat())


class RaidBoard(TableBoard):
    """Assumptions above, dependencies below."""

    DEFAULT_CSS = """
    RaidBoard { layout: vertical; }
    RaidBoard .raid-title { height: 1; padding: 0 1; text-style: bold; }
    RaidBoard RecordTable { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield ListFilter(id="filter")
        yield Static("Assumptions", classes="raid-title")
        yield RecordTable(id="table")
        yield Static("Dependencies", classes="raid-title")
        yield RecordTable(id="dependencies")

    @property
    def lists(self) -> dict[str, RecordTable]:
        """table name -> its list."""
        return {
            "assumptions": self.query_one("#table", RecordTable),
            "dependencies": self.query_one("#dependencies", RecordTable),
        }

    def _focused_table(self) -> str:
        for name, widget in self.lists.items():
            if widget.has_focus:
                return name
        return "assumptions"

    def refresh_data(self) -> None:
        today = self.store.today
        window = int(self.store.project.get("due_soon_days") or agenda.DEFAULT_WINDOW)
        for table, widget in self.lists.items():
            rt = record_type(table)
            records = views.rows(self.store, table)
            columns = columns_for(rt)
            rows = rows_for(rt, records, views.reference_names(self.store, rt))
            columns.append(DUE)
            for (_, cells), record in zip(rows, records, strict=True):
                cells.append(due_text(record, table, today, window))
            widget.set_data(columns, rows)

    def default_focus(self) -> Widget:
        return self.lists["assumptions"]

    def focus_record(self, table: str, key: str) -> bool:
        widget = self.lists.get(table)
        if widget is None:
            return False
        found = self.reveal(widget, key)
        widget.focus()
        return found

    def chosen(self) -> Chosen | None:
        table = self._focused_table()
        key = self.lists[table].cursor_row_key
        return Chosen(table, key) if key is not None else None

    def new_record(self) -> NewRecord | None:
        return NewRecord(self._focused_table())

    def filter_target(self) -> RecordTable:
        return self.lists[self._focused_table()]

    @on(RecordTable.RowSelected)
    def _open(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        self.edit_record(self._focused_table(), event.row_key)
