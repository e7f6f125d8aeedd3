"""A board listing one table's records, built only from its schema declaration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import Input

from pmtui import views
from pmtui.boards.base import Board
from pmtui.boards.keys import command
from pmtui.boards.registry import BoardSpec
from pmtui.kinds import to_display
from pmtui.schema import NUMERIC_KINDS, Field, Kind, RecordType
from pmtui.store import Store
from pmtui.tables import record_type
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

    def cell(f: Field, value: object) -> str:
        labels = (names or {}).get(f.target or rt.table)
        if labels and value and f.kind in (Kind.REF, Kind.REFS):
            keys = value if isinstance(value, list) else [value]
            return "; ".join(labels.get(str(key), str(key)) for key in keys)
        return to_display(f, value)

    return [(str(r["key"]), [cell(f, r.get(f.name)) for f in shown]) for r in records]


def reference_names(store: Store, rt: RecordType) -> dict[str, dict[str, str]]:
    """For each table a shown reference of `rt` points at: key -> name (its label field)."""
    targets = {
        f.target or rt.table
        for f in rt.references()
        if f.width > 0 and f.kind in (Kind.REF, Kind.REFS)
    }
    names: dict[str, dict[str, str]] = {}
    for table in targets:
        label = record_type(table).label_field
        names[table] = {str(r["key"]): str(r[label]) for r in store.records(table) if r.get(label)}
    return names


class TableBoard(Board):
    """Any record type as a sortable, filterable table with add, edit and delete."""

    DEFAULT_CSS = """
    TableBoard #filter { display: none; height: 1; border: none; }
    TableBoard #filter.shown { display: block; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        command("a", "add", "Add", "{board}: Add {singular}", id="board-add"),
        command("e", "edit", "Edit", "{board}: Edit {singular}", id="board-edit"),
        command("d", "delete", "Delete", "{board}: Delete {singular}", id="board-delete"),
        command(
            "slash", "filter", "Filter", "{board}: Filter list", id="board-filter", key_display="/"
        ),
        command(
            "escape",
            "clear_filter",
            "Clear filter",
            "{board}: Clear filter",
            id="board-clear-filter",
            show=False,
        ),
    ]

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        self.record_type = record_type(spec.table)

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter: type to narrow, esc clears", id="filter", compact=True)
        yield RecordTable(id="table")

    def palette_words(self) -> dict[str, str]:
        """Words for the generic titles: 'people: Add person'."""
        return {"board": self.spec.area, "singular": self.record_type.singular}

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
        self.table.set_data(columns_for(rt), rows_for(rt, records, reference_names(self.store, rt)))

    def focus_record(self, table: str, key: str) -> bool:
        if table != self.record_type.table:
            return False
        self.table.filter_text = ""
        found = self.table.move_to_key(key)
        self.table.focus()
        return found

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete"):
            return self.is_mounted and self.table.cursor_row_key is not None
        if action == "clear_filter":
            return self.is_mounted and self.query_one("#filter", Input).has_class("shown")
        return True

    def action_add(self) -> None:
        self.add_record(self.record_type.table)

    def action_edit(self) -> None:
        key = self.table.cursor_row_key
        if key is not None:
            self.edit_record(self.record_type.table, key)

    def action_delete(self) -> None:
        key = self.table.cursor_row_key
        if key is not None:
            self.delete_record(self.record_type.table, key)

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.add_class("shown")
        box.focus()

    @on(RecordTable.RowSelected)
    def _open(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        self.edit_record(self.record_type.table, event.row_key)

    @on(RecordTable.RowHighlighted)
    def _moved(self, event: RecordTable.RowHighlighted) -> None:
        self.refresh_bindings()

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self.table.filter_text = event.value

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.table.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.value = ""
        box.remove_class("shown")
        self.table.focus()
