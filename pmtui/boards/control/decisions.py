"""The decision log, newest first; o opens the record a decision came from (a change, a
vendor comparison, a meeting) on its board."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from pmtui import views
from pmtui.boards.keys import command
from pmtui.boards.table import TableBoard, columns_for, rows_for
from pmtui.tables import record_type
from pmtui.widgets.record_table import Column

SOURCE = Column("link", "Source", 22)


class DecisionsBoard(TableBoard):
    """Decisions newest first, each with the record it came from."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *TableBoard.BINDINGS,
        command("o", "open_source", "Source", "decision: Open its source", id="decision-source"),
    ]

    def refresh_data(self) -> None:
        rt = self.record_type
        records = sorted(
            views.rows(self.store, rt.table),
            key=lambda r: (str(r.get("date") or ""), str(r["key"])),
            reverse=True,
        )
        columns = columns_for(rt)
        rows = rows_for(rt, records, views.reference_names(self.store, rt))
        # One "Source" column: the record it came from by name, else where it was taken.
        at = [c.key for c in columns].index("source")
        columns[at] = SOURCE
        for (_, cells), record in zip(rows, records, strict=True):
            linked = self._source_name(str(record.get("link") or ""))
            cells[at] = linked or str(record.get("source") or "")
        self.table.set_data(columns, rows)

    def _source_name(self, link: str) -> str:
        table, _, key = link.partition(":")
        if not key:
            return ""
        try:
            rt = record_type(table)
        except KeyError:
            return link
        found = self.store.get(table, key)
        name = views.record_name(self.store, table, found) if found else key
        return f"{rt.singular} {name}"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_source":
            chosen = self.chosen() if self.is_mounted else None
            found = self.store.get("decisions", chosen.key) if chosen else None
            return bool(found and found.get("link"))
        return super().check_action(action, parameters)

    async def action_open_source(self) -> None:
        chosen = self.chosen()
        found = self.store.get("decisions", chosen.key) if chosen else None
        table, _, key = str((found or {}).get("link") or "").partition(":")
        if not key:
            return
        open_board = getattr(self.app, "action_open_board", None)
        spec = record_type(table).board
        board = await open_board(spec) if spec and open_board else None
        if board is None:
            self.app.notify(f"No board shows {table} yet", severity="warning")
            return
        self.app.call_after_refresh(board.focus_record, table, key)
