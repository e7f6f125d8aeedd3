"""A board listing one table's records, built only from its schema declaration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widget import Widget

from pmtui import views
from pmtui.boards.base import Board, Chosen, NewRecord
from pmtui.boards.keys import list_filter, list_filter_clear, record_add, record_delete, record_edit
from pmtui.boards.registry import BoardSpec
from pmtui.schema import NUMERIC_KINDS, RecordType
from pmtui.store import Store
from pmtui.tables import record_type
from pmtui.widgets.list_filter import ListFilter
from pmtui.widgets.record_table import Column, RecordTable


def columns_for(rt: RecordType) -> list[Column]:
    """The default columns of a table: every field with a width."""
    return [
        Column(f.name, f.title, f.width, "right" if f.kind in NUMERIC_KINDS else "left")
        for f in rt.fields
        if f.width > 0
    ]


def rows_for(
    rt: RecordType,
    records: list[dict[str, object]],
    names: Mapping[str, Mapping[str, str]] | None = None,
) -> list[tuple[str, list[str]]]:
    """Cell texts of records, as people read them; a reference shows the name of what it
    points at where `names` (table -> key -> name) has one, else its key."""
    shown = [f for f in rt.fields if f.width > 0]

    named = {table: dict(found) for table, found in (names or {}).items()}
    return [
        (str(r["key"]), [views.shown_text(rt, f, r.get(f.name), named) for f in shown])
        for r in records
    ]


class TableBoard(Board):
    """Any record type as a sortable, filterable table with add, edit and delete."""

    BINDINGS: ClassVar[list[BindingType]] = [
        record_add(),
        record_edit(),
        record_delete(),
        list_filter(),
        list_filter_clear(),
    ]

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        self.record_type = record_type(spec.table)

    def compose(self) -> ComposeResult:
        yield ListFilter(id="filter")
        yield RecordTable(id="table")

    @property
    def table(self) -> RecordTable:
        """The table widget."""
        return self.query_one("#table", RecordTable)

    def on_mount(self) -> None:
        self.refresh_data()
        self.table.focus()

    def default_focus(self) -> Widget:
        # The hidden filter box comes first and can take focus; the table is the board.
        return self.table

    def refresh_data(self) -> None:
        rt = self.record_type
        records = views.rows(self.store, rt.table)
        self.table.set_data(
            columns_for(rt), rows_for(rt, records, views.reference_names(self.store, rt))
        )

    def focus_record(self, table: str, key: str) -> bool:
        if table != self.record_type.table:
            return False
        found = self.reveal(self.table, key)
        self.table.focus()
        return found

    def chosen(self) -> Chosen | None:
        key = self.table.cursor_row_key
        return Chosen(self.record_type.table, key) if key is not None else None

    def new_record(self) -> NewRecord | None:
        return NewRecord(self.record_type.table)

    def filter_target(self) -> RecordTable:
        return self.table

    @on(RecordTable.RowSelected)
    def _open(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        self.edit_record(self.record_type.table, event.row_key)

    @on(RecordTable.RowHighlighted)
    def _moved(self, event: RecordTable.RowHighlighted) -> None:
        self.refresh_bindings()
