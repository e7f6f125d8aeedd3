"""The peer of pmtui's tab and area switches: a bare Textual app, two screens (keys 1 and
2, as pmtui's areas) each with two DataTables in a ContentSwitcher (] and [, as its tabs);
`a` opens a modal form of 14 labelled inputs (as pmtui's task form), `escape` closes it.

    python bench/bare_switch_app.py [ROWS]      (ready when "Row 1" shows)
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import ContentSwitcher, DataTable, Footer, Header, Input, Label

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 50


class Form(ModalScreen[None]):
    """A form as plain as Textual makes it: a title, 14 labelled inputs, a hint."""

    BINDINGS = [Binding("escape", "dismiss_form")]
    DEFAULT_CSS = "Form VerticalScroll { width: 78; height: 20; border: tall $primary; }"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Label("Add row")
            for n in range(1, 15):
                yield Input(placeholder=f"Field {n}")
            yield Label("ctrl+s save")

    def action_dismiss_form(self) -> None:
        self.dismiss(None)


class Area(Screen[None]):
    BINDINGS = [
        Binding("right_square_bracket", "tab", "Next"),
        Binding("left_square_bracket", "tab"),
        Binding("a", "form", "Add"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.area = name

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(initial="a"):
            yield DataTable(id="a")
            yield DataTable(id="b")
        yield Footer()

    def on_mount(self) -> None:
        for table_id in ("a", "b"):
            table = self.query_one(f"#{table_id}", DataTable)
            table.add_columns("Name", "Amount", "Area")
            table.add_rows(
                (f"Row {n}", f"{n * 10:,}.00", f"{self.area}{table_id}") for n in range(1, ROWS + 1)
            )

    def action_form(self) -> None:
        self.app.push_screen(Form())

    def action_tab(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        switcher.current = "b" if switcher.current == "a" else "a"
        self.query_one(f"#{switcher.current}", DataTable).focus()


class BareSwitchApp(App[None]):
    MODES = {"one": lambda: Area("one"), "two": lambda: Area("two")}
    BINDINGS = [Binding("1", "switch_mode('one')"), Binding("2", "switch_mode('two')")]

    def on_mount(self) -> None:
        self.switch_mode("one")


if __name__ == "__main__":
    BareSwitchApp().run()
