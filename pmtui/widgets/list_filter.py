"""The `/` line that narrows one list at a time: typing filters it, enter keeps the filter and
goes back to the list, esc clears it."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input

from pmtui.widgets.record_table import RecordTable


class ListFilter(Input):
    """A hidden filter line; `open(table)` shows it for that table and focuses it."""

    DEFAULT_CSS = """
    ListFilter { display: none; height: 1; border: none; }
    ListFilter.shown { display: block; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "clear",
            "Clear filter",
            id="list-filter-clear",
            tooltip="Clear the filter and go back to the list.",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="filter: type to narrow, esc clears", compact=True, id=id)
        self.target: RecordTable | None = None

    def open(self, table: RecordTable) -> None:
        """Filter `table` from now on, starting from the text it is filtered by."""
        self.target = table
        self.value = table.filter_text
        self.add_class("shown")
        self.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.target is not None:
            self.target.filter_text = event.value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.target is not None:
            self.target.focus()

    def action_clear(self) -> None:
        self.value = ""
        self.remove_class("shown")
        if self.target is not None:
            self.target.filter_text = ""
            self.target.focus()
