"""One person at a glance: facts, load in the weeks ahead, assignments, notes and leave.

The modal only shows what its board prepared and answers with what the user asked for
(add or edit a record); the board does it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from pmtui.widgets.load_table import load_style
from pmtui.widgets.record_table import Column, RecordTable

Rows = list[tuple[str, list[str]]]

ASSIGNMENT_COLUMNS = [
    Column("item", "Assignment", 30),
    Column("allocation", "Alloc", 5, "right"),
    Column("start", "From", 10),
    Column("finish", "To", 10),
    Column("raci", "RACI", 4),
]
NOTE_COLUMNS = [
    Column("date", "Note", 10),
    Column("kind", "Kind", 11),
    Column("follow_up", "Follow", 7),
    Column("text", "Text", 44),
]
LEAVE_COLUMNS = [
    Column("from", "Leave", 10),
    Column("to", "To", 10),
    Column("note", "Note", 40),
]
#: The table shown in each list, for PersonAction.
TABLES = {"person-assignments": "assignments", "person-notes": "notes", "person-leave": "leave"}


#: Load cell style (as load_style names it) -> how the week's load is drawn.
_LOAD_STYLES = {
    "record-table--over": "bold $over-allocation",
    "record-table--under": "$under-allocation",
    "record-table--muted": "$text-muted",
}


def load_line(weeks: list[str], loads: list[str]) -> Content:
    """Two lines: the weeks' Mondays, then each week's load in its band's colour."""
    parts: list[str | tuple[str, str]] = [("".join(f"{w:>7}" for w in weeks), "bold"), "\n"]
    for text in loads:
        parts.append((f"{text:>7}", _LOAD_STYLES.get(load_style(text) or "", "")))
    return Content.assemble(*parts)


@dataclass(frozen=True)
class PersonView:
    """What the modal shows, prepared by the board."""

    key: str
    heading: str
    facts: str
    weeks: list[str]
    loads: list[str]
    assignments: Rows = field(default_factory=list)
    notes: Rows = field(default_factory=list)
    leave: Rows = field(default_factory=list)


@dataclass(frozen=True)
class PersonAction:
    """What the user asked for: add a record of `table` for the person, or edit one."""

    verb: str
    table: str
    key: str | None = None


class PersonModal(ModalScreen[PersonAction | None]):
    """A person's page; a assigns, n notes, v adds leave, e edits the row (E the person)."""

    DEFAULT_CSS = """
    PersonModal { align: center middle; }
    PersonModal > Vertical {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    PersonModal #person-heading { text-style: bold; color: $primary; }
    PersonModal #person-facts { color: $text-muted; }
    PersonModal #person-load { height: 2; }
    PersonModal #person-assignments { height: 6; }
    PersonModal #person-notes { height: 4; }
    PersonModal #person-leave { height: 3; }
    PersonModal #person-keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="person-close", tooltip="Back to the team."),
        Binding("a", "add('assignments')", "Assign", id="person-assign",
                tooltip="Assign the person to a task, milestone or deliverable."),
        Binding("n", "add('notes')", "Note", id="person-note",
                tooltip="Add a performance note about the person (private)."),
        Binding("v", "add('leave')", "Leave", id="person-leave",
                tooltip="Add days the person is away."),
        Binding("e", "edit", "Edit", id="person-edit", tooltip="Edit the row under the cursor."),
        Binding("E", "edit_person", "Edit person", id="person-edit-person",
                tooltip="Edit the person's own record."),
    ]  # fmt: skip

    def __init__(self, view: PersonView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.view.heading, id="person-heading")
            yield Static(self.view.facts, id="person-facts")
            yield Static(id="person-load")
            yield RecordTable(id="person-assignments")
            yield RecordTable(id="person-notes")
            yield RecordTable(id="person-leave")
            yield Static(
                "a assign · n note · v leave · e edit row · E edit person · esc close",
                id="person-keys",
            )

    def on_mount(self) -> None:
        view = self.view
        self.query_one("#person-load", Static).update(load_line(view.weeks, view.loads))
        self.query_one("#person-assignments", RecordTable).set_data(
            ASSIGNMENT_COLUMNS, view.assignments
        )
        self.query_one("#person-notes", RecordTable).set_data(NOTE_COLUMNS, view.notes)
        self.query_one("#person-leave", RecordTable).set_data(LEAVE_COLUMNS, view.leave)
        self.query_one("#person-assignments", RecordTable).focus()

    def _focused_row(self) -> tuple[str, str] | None:
        focused = self.focused
        if isinstance(focused, RecordTable) and focused.id in TABLES:
            key = focused.cursor_row_key
            return (TABLES[focused.id], key) if key else None
        return None

    @on(RecordTable.RowSelected)
    def _open_row(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_add(self, table: str) -> None:
        self.dismiss(PersonAction("add", table))

    def action_edit(self) -> None:
        row = self._focused_row()
        if row is not None:
            self.dismiss(PersonAction("edit", *row))

    def action_edit_person(self) -> None:
        self.dismiss(PersonAction("edit", "people", self.view.key))

    def action_close(self) -> None:
        self.dismiss(None)
