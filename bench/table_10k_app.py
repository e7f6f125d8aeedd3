"""First-frame benchmark: pmtui's RecordTable showing 10,000 rows, with a Header and Footer."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header

from pmtui.widgets import Column, RecordTable

ROW_COUNT = 10_000
COLUMNS = (
    Column("name", "Name", 14),
    Column("owner", "Owner", 10),
    Column("due", "Due", 10),
    Column("amount", "Amount", 12, align="right"),
    Column("status", "Status", 10),
)


class TableApp(App[None]):
    """Header, a RecordTable of 10k rows and a Footer."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield RecordTable()
        yield Footer()

    def on_mount(self) -> None:
        rows = [
            (
                f"T{n}",
                (
                    f"Row {n}",
                    f"person {n % 37}",
                    f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                    f"{n * 10:,}.00",
                    ("open", "late", "done")[n % 3],
                ),
            )
            for n in range(1, ROW_COUNT + 1)
        ]
        table = self.query_one(RecordTable)
        table.set_data(COLUMNS, rows)
        table.focus()


if __name__ == "__main__":
    TableApp().run()
