"""The People area's Notes board: choose a person, read their performance notes newest first,
add one with today's date and a kind already filled in. Notes are private (HR data)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Static

from pmtui.boards.base import Board, Chosen, NewRecord
from pmtui.boards.keys import (
    command,
    list_filter,
    record_add,
    record_delete,
    record_edit,
    view_back,
)
from pmtui.boards.registry import BoardSpec
from pmtui.services.staffing import follow_up_text
from pmtui.store import Store
from pmtui.widgets.list_filter import ListFilter
from pmtui.widgets.record_table import Column, RecordTable

Record = dict[str, Any]


def _due_style(text: str) -> str | None:
    return "record-table--bad" if text.endswith("!") else None


PEOPLE_COLUMNS = [
    Column("name", "Person", 16),
    Column("due", "Due", 6, style_of=_due_style),
]
TIMELINE_COLUMNS = [
    Column("date", "Date", 10),
    Column("kind", "Kind", 11),
    Column("follow_up", "Follow", 7, style_of=_due_style),
    Column("text", "Note", 40),
]
PRIVATE = "Private HR notes: never in reports; exported only with --include-private."


class NotesBoard(Board):
    """People on the left, the chosen person's notes on the right; a adds, f marks a
    follow-up done, enter or tab goes from the person to their notes."""

    DEFAULT_CSS = """
    NotesBoard { layout: vertical; }
    NotesBoard #notes-body { height: 1fr; }
    NotesBoard #notes-people { width: 26; border-right: solid $panel-lighten-2; }
    NotesBoard #notes-side { width: 1fr; }
    NotesBoard #notes-caption { height: 1; padding: 0 1; background: $panel; }
    NotesBoard #notes-timeline { height: 1fr; }
    NotesBoard #notes-text { height: 4; padding: 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        record_add(),
        record_edit(),
        record_delete(),
        command("f", "follow_up", "Done", "people: Mark follow-up done", id="notes-follow-up"),
        list_filter(),
        view_back(),
    ]

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        self.person: str | None = None

    def compose(self) -> ComposeResult:
        yield ListFilter(id="notes-filter")
        with Horizontal(id="notes-body"):
            yield RecordTable(id="notes-people")
            with Vertical(id="notes-side"):
                yield Static("", id="notes-caption")
                yield RecordTable(id="notes-timeline")
                yield Static(PRIVATE, id="notes-text")

    @property
    def people(self) -> RecordTable:
        """Everyone, with their next follow-up."""
        return self.query_one("#notes-people", RecordTable)

    @property
    def timeline(self) -> RecordTable:
        """The chosen person's notes, newest first."""
        return self.query_one("#notes-timeline", RecordTable)

    def on_mount(self) -> None:
        self.refresh_data()
        # Open on whoever needs attention first: the oldest follow-up due, else the latest note.
        today = self.store.today.isoformat()
        notes = sorted(
            self.store.records("notes"), key=lambda n: str(n.get("date") or ""), reverse=True
        )
        due = sorted(
            (n for n in notes if follow_up_text(n, today).endswith("!")),
            key=lambda n: str(n.get("follow_up")),
        )
        if due or notes:
            self.focus_record("people", str((due or notes)[0].get("person")))
        self.people.focus()

    def default_focus(self) -> Widget:
        return self.people

    # ------------------------------------------------ reading

    def refresh_data(self) -> None:
        today = self.store.today.isoformat()
        notes = self.store.records("notes")
        rows = []
        for person in self.store.records("people"):
            key = str(person["key"])
            open_dates = sorted(
                str(n["follow_up"])
                for n in notes
                if n.get("person") == key and n.get("follow_up") and not n.get("follow_up_done")
            )
            due = ""
            if open_dates:
                due = open_dates[0][5:] + ("!" if open_dates[0] <= today else "")
            rows.append((key, [str(person.get("name") or key), due]))
        self.people.set_data(PEOPLE_COLUMNS, rows)
        self.person = self.people.cursor_row_key
        self._show_timeline()

    def _show_timeline(self) -> None:
        caption = self.query_one("#notes-caption", Static)
        person = self.store.get("people", self.person) if self.person else None
        if person is None:
            caption.update("No people yet: add them on the Team board.")
            self.timeline.set_data(TIMELINE_COLUMNS, [])
            self._show_text()
            return
        today = self.store.today.isoformat()
        notes = sorted(
            (n for n in self.store.records("notes") if n.get("person") == self.person),
            key=lambda n: (str(n.get("date") or ""), str(n["key"])),
            reverse=True,
        )
        due = sum(1 for n in notes if follow_up_text(n, today).endswith("!"))
        parts = [str(person.get("name") or person["key"]), str(person.get("role") or "")]
        parts.append(f"{len(notes)} note{'s' if len(notes) != 1 else ''}")
        if due:
            parts.append(f"{due} due")
        caption.update(" · ".join(p for p in parts if p))
        rows = [
            (
                str(n["key"]),
                [
                    str(n.get("date") or ""),
                    str(n.get("kind") or ""),
                    follow_up_text(n, today),
                    str(n.get("text") or "").replace("\n", " "),
                ],
            )
            for n in notes
        ]
        self.timeline.set_data(TIMELINE_COLUMNS, rows)
        self._show_text()

    def _show_text(self) -> None:
        key = self.timeline.cursor_row_key
        note = self.store.get("notes", key) if key else None
        text = PRIVATE
        if note is not None:
            tags = ", ".join(note.get("tags") or [])
            text = str(note.get("text") or "") + (f"\n[{tags}]" if tags else "")
        self.query_one("#notes-text", Static).update(text)

    @on(RecordTable.RowHighlighted, "#notes-people")
    def _person_moved(self, event: RecordTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key != self.person:
            self.person = event.row_key
            self._show_timeline()
        self.refresh_bindings()

    @on(RecordTable.RowHighlighted, "#notes-timeline")
    def _note_moved(self, event: RecordTable.RowHighlighted) -> None:
        event.stop()
        self._show_text()
        self.refresh_bindings()

    @on(RecordTable.RowSelected, "#notes-people")
    def _person_opened(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        self.timeline.focus()
        self.refresh_bindings()

    @on(RecordTable.RowSelected, "#notes-timeline")
    def _note_opened(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        self.edit_record("notes", event.row_key)

    def focus_record(self, table: str, key: str) -> bool:
        person = key
        if table == "notes":
            note = self.store.get(table, key)
            if note is None:
                return False
            person = str(note.get("person"))
        if not self.reveal(self.people, person):
            return False
        self.person = person
        self._show_timeline()
        if table == "notes":
            self.reveal(self.timeline, key)
            self.timeline.focus()
        else:
            self.people.focus()
        return True

    # ------------------------------------------------ keys

    def chosen(self) -> Chosen | None:
        key = self.timeline.cursor_row_key
        return Chosen("notes", key) if key is not None else None

    def new_record(self) -> NewRecord | None:
        """A note about the chosen person, dated today (the record's default)."""
        if self.person is None:
            return None
        return NewRecord("notes", {"person": self.person}, focus="text")

    def filter_target(self) -> RecordTable:
        return self.timeline if self.timeline.has_focus else self.people

    def palette_words(self) -> dict[str, str]:
        return {**super().palette_words(), "back": "the people"}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action == "follow_up":
            return self.timeline.cursor_row_key is not None
        if action == "back":
            return self.timeline.has_focus
        return super().check_action(action, parameters)

    def action_follow_up(self) -> None:
        key = self.timeline.cursor_row_key
        note = self.store.get("notes", key) if key else None
        if key is None or note is None:
            return
        if not note.get("follow_up"):
            self.app.notify("This note has no follow-up date; e edits it.", timeout=4)
            return
        done = not note.get("follow_up_done")
        values = {"follow_up_done": "yes" if done else "no"}
        self.save(
            lambda: self.store.update("notes", key, values, base=note),
            f"Follow-up {'done' if done else 'open again'}",
        )

    def action_back(self) -> None:
        self.people.focus()
        self.refresh_bindings()
