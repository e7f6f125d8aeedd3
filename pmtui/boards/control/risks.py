"""The risk register sorted by score beside a 5x5 heat map: counts per cell coloured by the
cell's level; arrows move over the map, enter filters the register to the cell, esc shows
all again; `i` turns the risk under the cursor into an issue (linked both ways)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Static

from pmtui import views
from pmtui.boards.keys import command
from pmtui.boards.registry import BoardSpec
from pmtui.boards.table import TableBoard, columns_for, rows_for
from pmtui.domain.risk import matrix_of
from pmtui.services.control import ControlError, heat_map, risk_to_issue, scored_risks
from pmtui.store import Store
from pmtui.widgets.list_filter import ListFilter
from pmtui.widgets.matrix import Matrix, MatrixCell, MatrixColumn
from pmtui.widgets.record_table import RecordTable

#: A cell's level as the heat map colours it.
TONES = {"low": "good", "medium": "warning", "high": "bad"}
#: Probability 5 on top, as PMBOK draws the matrix.
ROWS = (5, 4, 3, 2, 1)
#: Register columns shown beside the map (the rest is in the detail line and the form).
SHOWN = ("key", "title", "probability", "impact", "score", "level", "owner", "review_date")


def cell_of(row: int, column: int) -> tuple[int, int]:
    """(probability, impact) of a map position (row 0 is probability 5)."""
    return ROWS[row], column + 1


class RisksBoard(TableBoard):
    """The register by score, the heat map beside it; past review dates stand out."""

    DEFAULT_CSS = """
    RisksBoard { layout: vertical; }
    RisksBoard #top { height: 7; }
    RisksBoard #heat { width: 27; height: 7; }
    RisksBoard #legend { width: 1fr; height: 7; padding: 0 1; color: $text-muted; }
    RisksBoard #table { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *TableBoard.BINDINGS,
        command("enter", "filter_cell", "Filter cell", "risk: Filter register by map cell",
                id="risk-filter-cell", show=False),
        command("i", "to_issue", "Issue", "risk: Turn into an issue", id="risk-to-issue"),
        command("m", "focus_map", "Map", "risk: Go to the heat map", id="risk-map"),
    ]  # fmt: skip

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        #: The heat-map cell the register is filtered to, as (probability, impact).
        self.cell: tuple[int, int] | None = None
        #: Risks in the register now, and in all.
        self._counts = (0, 0)

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Matrix(id="heat")
            yield Static(id="legend")
        yield ListFilter(id="filter")
        yield RecordTable(id="table")

    @property
    def heat(self) -> Matrix:
        """The heat map."""
        return self.query_one("#heat", Matrix)

    def refresh_data(self) -> None:
        rt = self.record_type
        matrix = matrix_of(self.store.project)
        scored = scored_risks(self.store, self.store.project)
        counts = heat_map(scored)
        body = [
            [MatrixCell(f"P{p}", "strong")]
            + [
                MatrixCell(str(counts.get((p, i), "·")), TONES[matrix.cell_level(p, i)])
                for i in range(1, 6)
            ]
            for p in ROWS
        ]
        self.heat.set_data(
            [MatrixColumn("", 2, "left")], [MatrixColumn(f"I{i}", 3) for i in range(1, 6)], body
        )
        order = {s.key: n for n, s in enumerate(scored)}
        records = sorted(views.rows(self.store, rt.table), key=lambda r: order.get(r["key"], 1e9))
        if self.cell is not None:
            p, i = self.cell
            records = [r for r in records if (r.get("probability"), r.get("impact")) == (p, i)]
        columns = [c for c in columns_for(rt) if c.key in SHOWN]
        all_rows = rows_for(rt, records, views.reference_names(self.store, rt))
        at = [c.key for c in columns_for(rt)]
        keep = [at.index(c.key) for c in columns]
        today = self.store.today.isoformat()
        review = [c.key for c in columns].index("review_date")
        rows = []
        for (key, cells), record in zip(all_rows, records, strict=True):
            shown = [cells[n] for n in keep]
            live = record.get("status") in ("open", "monitoring")
            if live and record.get("review_date") and str(record["review_date"]) < today:
                shown[review] = f"{shown[review]} !"
            rows.append((key, shown))
        self.table.set_data(columns, rows)
        self._counts = (len(records), len(scored))
        self._legend()

    def _legend(self) -> None:
        shown, total = self._counts
        where = self.heat.cursor
        p, i = cell_of(*where) if where else (0, 0)
        matrix = matrix_of(self.store.project)
        lines = [
            f"Cursor P{p} I{i}: {matrix.cell_level(p, i)} ({matrix.score(p, i):g})" if p else "",
            f"Register: P{self.cell[0]} I{self.cell[1]}, {shown} of {total} (esc: all)"
            if self.cell
            else f"Register: all {total}, by score",
            "Map: m or tab, arrows, enter filters",
            f"Levels: medium from {matrix.medium:g}, high from {matrix.high:g}",
            "Review date passed: !",
        ]
        self.query_one("#legend", Static).update("\n".join(lines))

    def default_focus(self) -> Widget:
        return self.table

    def focus_record(self, table: str, key: str) -> bool:
        # A risk opened from Today or search is shown even outside the filtered cell.
        if table == self.record_type.table and self.cell is not None:
            risk = self.store.get(table, key) or {}
            if (risk.get("probability"), risk.get("impact")) != self.cell:
                self.cell = None
                self.refresh_data()
                self.refresh_bindings()
        return super().focus_record(table, key)

    # ------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "filter_cell":
            return self.is_mounted and self.heat.has_focus
        if action == "clear_filter" and self.cell is not None:
            return True  # esc shows every risk again
        if action == "to_issue":
            return self.is_mounted and self.chosen() is not None
        return super().check_action(action, parameters)

    def action_focus_map(self) -> None:
        self.heat.focus()

    def action_filter_cell(self) -> None:
        where = self.heat.cursor
        if where is None:
            return
        self.cell = cell_of(*where)
        self.refresh_data()
        self.table.focus()
        self.refresh_bindings()

    def action_clear_filter(self) -> None:
        line = self.query_one(ListFilter)
        if line.has_class("shown") or self.cell is None:
            super().action_clear_filter()
            return
        self.cell = None
        self.refresh_data()
        self.refresh_bindings()

    def action_to_issue(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        linked = (self.store.get("risks", chosen.key) or {}).get("issue")
        if linked:
            refused = ControlError(f"{chosen.key} already became issue {linked}")
            self.app.notify(str(refused), title="Not changed", severity="warning")
            return
        self.save(
            lambda: risk_to_issue(self.store, chosen.key),
            lambda issue: f"{chosen.key} occurred: issue {issue['key']} opened, linked to it",
        )

    @on(Matrix.CursorMoved)
    def _cell_moved(self, event: Matrix.CursorMoved) -> None:
        self._legend()
