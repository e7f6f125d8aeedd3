"""The Meetings board: every meeting's upcoming occurrences (p: the past ones), each when it
is in the meeting's own time zone, with its kind, place, status, minutes and open actions.
a schedules a meeting, e edits its series, c cancels the chosen occurrence, m moves it,
enter opens it: its agenda, minutes and actions (pmtui.boards.comms.occurrence)."""

from __future__ import annotations

from datetime import timedelta
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.markup import escape
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static

from pmtui.boards.base import Board, Chosen, NewRecord
from pmtui.boards.comms.meeting_rows import COLUMNS, cells, moved_to, row_key
from pmtui.boards.comms.names import name_text, when_text
from pmtui.boards.comms.occurrence import OccurrenceView
from pmtui.boards.keys import (
    command,
    list_filter,
    list_filter_clear,
    record_add,
    record_delete,
    record_edit,
)
from pmtui.boards.registry import BoardSpec, area_title
from pmtui.kinds import FieldError
from pmtui.screens.confirm import ConfirmModal
from pmtui.screens.line_prompt import LinePromptModal, Typed
from pmtui.services import meetings
from pmtui.services.meetings import MeetingError, Occurrence
from pmtui.store import Store
from pmtui.widgets.list_filter import ListFilter
from pmtui.widgets.record_table import RecordTable

#: How far ahead the upcoming list reaches, and how far back the past one.
AHEAD = timedelta(weeks=8)
BACK = timedelta(weeks=13)


class MeetingsBoard(Board):
    """Occurrences of every meeting, upcoming or past; enter opens one."""

    DEFAULT_CSS = """
    MeetingsBoard #meeting-views, MeetingsBoard #meetings-list { height: 1fr; }
    MeetingsBoard #meetings-caption { height: 1; padding: 0 1; color: $text-muted; }
    MeetingsBoard #meetings { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        record_add("Schedule"),
        record_edit("Series"),
        record_delete(show=False),
        command("c", "cancel_occurrence", "Cancel", "meetings: Cancel occurrence",
                id="meetings-cancel"),
        command("m", "move_occurrence", "Move", "meetings: Move occurrence to another time",
                id="meetings-move"),
        command("p", "toggle_past", "Past", "meetings: Show past or upcoming occurrences",
                id="meetings-past"),
        command("o", "open_occurrence", "Open",
                "meetings: Open occurrence (agenda, minutes, actions)", id="meetings-open",
                show=False),
        list_filter(),
        list_filter_clear(),
    ]  # fmt: skip

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        #: Past occurrences (newest first) instead of upcoming ones.
        self.past = False
        #: The occurrences listed, by row key.
        self.listed: dict[str, Occurrence] = {}
        #: The area the open occurrence was opened from (Today's enter), where esc goes
        #: back to; None: opened from the list, esc shows the list.
        self.came_from: str | None = None

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="meetings-list", id="meeting-views"):
            with Vertical(id="meetings-list"):
                yield Static("", id="meetings-caption")
                yield ListFilter(id="filter")
                yield RecordTable(id="meetings")
            yield OccurrenceView(id="occurrence-view")

    @property
    def table(self) -> RecordTable:
        """The occurrences."""
        return self.query_one("#meetings", RecordTable)

    @property
    def view(self) -> OccurrenceView:
        """The open occurrence's agenda, minutes and actions."""
        return self.query_one(OccurrenceView)

    @property
    def in_occurrence(self) -> bool:
        """Whether an occurrence is open (its view on show)."""
        return self.query_one(ContentSwitcher).current == "occurrence-view"

    def on_mount(self) -> None:
        self.refresh_data()
        self.table.focus()

    def default_focus(self) -> Widget | None:
        return self.view.default_focus() if self.in_occurrence else self.table

    def leave(self) -> None:
        """Another board or area, or the app ending: the open occurrence's minutes saved."""
        if self.is_mounted and self.in_occurrence:
            self.view.leave()

    # ------------------------------------------------ reading

    def refresh_data(self) -> None:
        today = self.store.today
        if self.past:
            found = meetings.occurrences(self.store, today - BACK, today)
            found = [o for o in found if o.start.date() < today]
            found.reverse()
            caption = "Past occurrences, newest first (the last 13 weeks) · p upcoming"
        else:
            found = meetings.occurrences(self.store, today, today + AHEAD)
            caption = "Upcoming occurrences (the next 8 weeks) · p past · enter opens one"
        if not found:
            caption += " · none: a schedules a meeting"
        self.listed = {row_key(o): o for o in found}
        self.query_one("#meetings-caption", Static).update(caption)
        self.table.set_data(COLUMNS, [(key, cells(o, today)) for key, o in self.listed.items()])
        if self.in_occurrence:
            self.view.refresh_data()

    @property
    def occurrence(self) -> Occurrence | None:
        """The occurrence under the cursor."""
        key = self.table.cursor_row_key if self.is_mounted else None
        return self.listed.get(key) if key else None

    def chosen(self) -> Chosen | None:
        if self.is_mounted and self.in_occurrence:
            return self.view.chosen()
        occurrence = self.occurrence
        return Chosen("meetings", str(occurrence.meeting_key)) if occurrence else None

    def detail_parts(self) -> list[tuple[str, str]]:
        occurrence = None if self.in_occurrence else self.occurrence
        parts = super().detail_parts()
        if occurrence is not None and parts:
            parts[1:1] = [("When", when_text(occurrence.start)), ("Place", occurrence.location)]
            parts = [part for part in parts if part[1]]
        return parts

    def new_record(self) -> NewRecord | None:
        if self.is_mounted and self.in_occurrence:
            return None  # the view's a adds an agenda item
        return NewRecord("meetings")

    def filter_target(self) -> RecordTable | None:
        return None if self.in_occurrence else self.table

    def focus_record(self, table: str, key: str) -> bool:
        """A meeting: the cursor on its next occurrence; an occurrence: it, opened; an
        agenda item: its occurrence opened, the cursor on the item."""
        if table == "occurrences":
            return self.open_record(table, key)
        if table == "agenda_items":
            item = self.store.get(table, key)
            parent = str((item or {}).get("occurrence") or "")
            if not parent or not self.open_record("occurrences", parent):
                return False
            return self.view.agenda_table.move_to_key(key)
        if table != "meetings":
            return False
        self.show_list()
        if self.past:  # the next occurrence is an upcoming one
            self.action_toggle_past()
        for row, occurrence in self.listed.items():
            if occurrence.meeting_key == key and occurrence.status != "cancelled":
                self.reveal(self.table, row)
                self.screen.set_focus(self.table)
                return True
        return False

    def open_record(self, table: str, key: str, came_from: str | None = None) -> bool:
        """Today's enter: an occurrence (or a meeting's next one) opened, agenda and
        minutes on show; esc goes back to `came_from` (an area), else to the list."""
        opened = self._open_record(table, key)
        self.came_from = came_from if opened else None
        self.refresh_bindings()
        return opened

    def palette_words(self) -> dict[str, str]:
        words = super().palette_words()
        if self.came_from and self.is_mounted and self.in_occurrence:
            words["back"] = area_title(self.came_from)
        return words

    def _open_record(self, table: str, key: str) -> bool:
        if table == "occurrences":
            record = self.store.get("occurrences", key)
            if record is None:
                return False
            self.view.show(key)
            self._show_view()
            return True
        if not self.focus_record(table, key):
            return False
        self.action_open_occurrence()
        return True

    # ------------------------------------------------ switching views

    def _show_view(self) -> None:
        self.query_one(ContentSwitcher).current = "occurrence-view"
        # Focused now, not after the next refresh: keys typed straight after enter reach it.
        self.screen.set_focus(self.view.default_focus())
        self.refresh_bindings()
        self._choice_moved()

    def show_list(self) -> None:
        """Back to the occurrences (from an open one), redrawn."""
        self.came_from = None
        if not self.in_occurrence:
            return
        self.query_one(ContentSwitcher).current = "meetings-list"
        self.refresh_data()
        self.screen.set_focus(self.table)
        self.refresh_bindings()
        self._choice_moved()

    @on(RecordTable.RowSelected, "#meetings")
    def _selected(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        self.action_open_occurrence()

    @on(RecordTable.RowHighlighted, "#meetings")
    def _moved(self, event: RecordTable.RowHighlighted) -> None:
        self.refresh_bindings()

    # ------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action in ("edit", "delete") and self.in_occurrence and self.view.writing:
            return False  # e and d are text in the minutes
        if action == "delete" and self.in_occurrence:
            chosen = self.view.chosen()  # an agenda item or action, never the whole series
            return chosen is not None and chosen.table != "meetings"
        if action in ("cancel_occurrence", "move_occurrence", "open_occurrence", "toggle_past"):
            if self.in_occurrence:
                return False
            if action == "toggle_past":
                return True
            occurrence = self.occurrence
            if occurrence is None:
                return False
            if action in ("cancel_occurrence", "move_occurrence"):
                # A held or cancelled occurrence stays where it was: shown dimmed.
                return True if occurrence.status in ("planned", "moved", None) else None
            return True
        return super().check_action(action, parameters)

    def action_toggle_past(self) -> None:
        self.past = not self.past
        self.refresh_data()
        self.table.move_to_key(next(iter(self.listed), ""))
        self.refresh_bindings()
        self._choice_moved()

    def _named(self, occurrence: Occurrence) -> str:
        """'Weekly stand-up on Mon 2026-12-07 09:30', its title on one line, cut."""
        return f"{name_text(occurrence.title)} on {when_text(occurrence.start)}"

    def action_open_occurrence(self) -> None:
        occurrence = self.occurrence
        if occurrence is None:
            return
        self.came_from = None  # from the list: esc goes back to it
        key = occurrence.occurrence_key
        if key is None:
            meeting, scheduled = str(occurrence.meeting_key), occurrence.scheduled
            key = self.save(
                lambda: meetings.open_occurrence(self.store, meeting, scheduled),
                f"Opened {self._named(occurrence)}",
                refusals=(MeetingError,),
            )
            if key is None:
                return
        self.view.show(str(key))
        self._show_view()

    def action_cancel_occurrence(self) -> None:
        occurrence = self.occurrence
        if occurrence is None:
            return
        named = self._named(occurrence)
        meeting, scheduled = str(occurrence.meeting_key), occurrence.scheduled

        def answered(yes: bool | None) -> None:
            if yes:
                self.save(
                    lambda: meetings.cancel(self.store, meeting, scheduled),
                    f"Cancelled {named}",
                    refusals=(MeetingError,),
                )
                self.refresh_data()

        question = f"Cancel {named}?\nThe rest of the series stays. u undoes it."
        self.app.push_screen(ConfirmModal(question), answered)  # drawn as text, not markup

    def action_move_occurrence(self, message: str = "", value: str = "") -> None:
        occurrence = self.occurrence
        if occurrence is None:
            return
        named = self._named(occurrence)
        meeting, scheduled = str(occurrence.meeting_key), occurrence.scheduled

        def answered(typed: Typed | None) -> None:
            if typed is None:
                return
            try:
                to = moved_to(self.store, occurrence, typed.text)
            except FieldError as error:
                self.action_move_occurrence(str(error), typed.text)
                return
            moved = self.save(
                lambda: meetings.move(self.store, meeting, scheduled, to),
                f"Moved {named} to {when_text(to)}",
                refusals=(MeetingError,),
            )
            if moved is None:
                self.action_move_occurrence("Not moved; see the message.", typed.text)
                return
            self.refresh_data()

        prompt = LinePromptModal(
            escape(f"Move {named}"[:64]),
            value=value,
            placeholder="tue 14:00, 2026-12-15 10:00, +1d",
            hint="To (a date, a time, or both; the meeting's time zone):",
            message=message,
        )
        self.app.push_screen(prompt, answered)
