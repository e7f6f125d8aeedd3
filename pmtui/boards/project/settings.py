"""The Project area's settings board: the project's meta and rules, edited in the one form."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType

from pmtui.boards.base import Board, Chosen
from pmtui.boards.keys import record_edit
from pmtui.kinds import to_display
from pmtui.services.closure import CLOSURE_FIELDS
from pmtui.tables import record_type
from pmtui.widgets.record_table import Column, RecordTable


class ProjectBoard(Board):
    """Every project setting on one line; e or enter edits, starting at the selected one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        record_edit(),
    ]

    def compose(self) -> ComposeResult:
        yield RecordTable(id="settings")

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one(RecordTable).focus()

    def refresh_data(self) -> None:
        rt = record_type("project")
        project = self.store.project
        rows = [
            (f.name, [f.title, to_display(f, project.get(f.name)), f.help])
            for f in rt.input_fields
            if f.name in _settings()
        ]
        columns = [
            Column("setting", "Setting", 24, text=False),  # short names: never cut
            Column("value", "Value", 30),
            Column("help", "About", 60),
        ]
        self.query_one(RecordTable).set_data(columns, rows)

    def chosen(self) -> Chosen:
        """The project, its form opening on the setting under the cursor."""
        field = self.query_one(RecordTable).cursor_row_key
        return Chosen("project", str(self.store.project["key"]), field)

    def action_edit(self) -> None:
        chosen = self.chosen()
        self.edit_record(chosen.table, chosen.key, chosen.field, fields=_settings())

    def palette_words(self) -> dict[str, str]:
        return {**super().palette_words(), "edited": "settings"}

    def focus_record(self, table: str, key: str) -> bool:
        return table == "project"

    @on(RecordTable.RowSelected)
    def _open(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        self.edit_record(
            "project", str(self.store.project["key"]), event.row_key, fields=_settings()
        )


def _settings() -> list[str]:
    """The fields this board shows and edits: all but the key and the closure's, which
    the Closure board sets (A archives through the checklist, R reopens)."""
    return [
        f.name
        for f in record_type("project").input_fields
        if f.name != "key" and f.name not in CLOSURE_FIELDS
    ]
