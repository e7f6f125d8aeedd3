"""ctrl+f: search every table; enter jumps to the record on its board."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from pmtui.search import SearchHit
from pmtui.widgets.record_table import Column, RecordTable

COLUMNS = [
    Column("board", "Board", 16),
    Column("key", "Key", 7),
    Column("title", "Record", 22),
    Column("match", "Match", 40),
]


class SearchModal(ModalScreen[SearchHit | None]):
    """Type to search; down moves into the results; enter jumps; esc closes."""

    DEFAULT_CSS = """
    SearchModal { align: center top; }
    SearchModal > Vertical {
        width: 100%; height: 100%; border: thick $primary; background: $surface;
    }
    SearchModal #count { color: $text-muted; height: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="search-close", tooltip="Close the search."),
        Binding(
            "down",
            "results",
            "Results",
            show=False,
            id="search-results",
            tooltip="Move into the results.",
        ),
    ]

    def __init__(
        self, find: Callable[[str], list[SearchHit]], board_titles: dict[str, str], text: str = ""
    ) -> None:
        super().__init__()
        self.find = find
        self.board_titles = board_titles
        self.initial = text
        self.hits: dict[str, SearchHit] = {}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(self.initial, placeholder="search everything", id="query", compact=True)
            yield Static("", id="count")
            yield RecordTable(id="results")

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()
        self._search(self.initial)

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    def _search(self, text: str) -> None:
        hits = self.find(text)
        self.hits = {f"{h.table}/{h.key}": h for h in hits}
        rows = [
            (
                f"{h.table}/{h.key}",
                [
                    self.board_titles.get(h.board, h.table),
                    h.key,
                    h.title,
                    f"{h.field}: {h.snippet}",
                ],
            )
            for h in hits
        ]
        self.query_one("#results", RecordTable).set_data(COLUMNS, rows)
        self.query_one("#count", Static).update(
            f"{len(hits)} found · down: results · enter: open · esc: close" if text else ""
        )

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        table = self.query_one("#results", RecordTable)
        if table.cursor_row_key in self.hits:
            self.dismiss(self.hits[table.cursor_row_key])

    @on(RecordTable.RowSelected)
    def _selected(self, event: RecordTable.RowSelected) -> None:
        self.dismiss(self.hits.get(event.row_key))

    def action_results(self) -> None:
        self.query_one("#results", RecordTable).focus()

    def action_close(self) -> None:
        self.dismiss(None)
