"""Baseline for the first-frame goal: a bare Textual app (no pmtui) with a 50-row DataTable."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header


class BareApp(App[None]):
    """Header, a 50-row DataTable and a Footer: the least a board can show."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Name", "Amount")
        table.add_rows((f"Row {n}", f"{n * 10:,}.00") for n in range(1, 51))


if __name__ == "__main__":
    BareApp().run()
