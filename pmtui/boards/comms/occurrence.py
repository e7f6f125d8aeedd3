"""One occurrence of a meeting, opened from the Meetings board: its agenda, the actions
raised in it and its minutes, stacked (at 120 columns and more the minutes beside them).

The minutes are an open editor: every key typed there is text, digits too (esc leaves it,
then a digit switches areas as everywhere). ctrl+s saves them; leaving the occurrence saves
them too, and while they are unsaved they are kept as a draft (the drafts store forms use),
brought back when the occurrence is opened again. ctrl+t turns the minutes line under the
cursor into an action (the one record form, cut to owner and due), ctrl+g records it as a
decision, H closes the occurrence as held.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.markup import escape
from textual.widget import Widget
from textual.widgets import Static

from pmtui import agenda, views
from pmtui.boards.base import Board, Chosen
from pmtui.boards.comms.minutes import DraftOf, MinutesEditor
from pmtui.boards.comms.names import OCCURRENCES, occurrence_caption, occurrence_title
from pmtui.boards.comms.occurrence_lists import agenda_caption, list_columns
from pmtui.boards.keys import command, view_back
from pmtui.boards.table import rows_for
from pmtui.boards.today.today import agenda_change
from pmtui.schema import Record
from pmtui.services import meetings
from pmtui.services.meetings import MeetingError
from pmtui.tables import record_type
from pmtui.widgets.record_table import RecordTable


class OccurrenceView(Vertical):
    """The open occurrence: agenda, actions and minutes; esc goes back to the list."""

    DEFAULT_CSS = """
    OccurrenceView { height: 1fr; }
    OccurrenceView #occurrence-caption { height: 1; padding: 0 1; text-style: bold; }
    OccurrenceView #occurrence-body { height: 1fr; layout: vertical; }
    OccurrenceView #occurrence-lists { height: 10; }
    OccurrenceView .pane { height: 1fr; }
    OccurrenceView .pane-caption { height: 1; padding: 0 1; color: $text-muted; }
    OccurrenceView .pane:focus-within > .pane-caption { color: $accent; text-style: bold; }
    OccurrenceView RecordTable { height: 1fr; }
    OccurrenceView #minutes { height: 1fr; padding: 0 1; }
    OccurrenceView.wide #occurrence-body { layout: horizontal; }
    OccurrenceView.wide #occurrence-lists { height: 1fr; width: 3fr; }
    OccurrenceView.wide #minutes-pane { width: 2fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        command("a", "add_item", "Agenda", "meeting: Add agenda item",
                id="occurrence-add-item"),
        command("e", "edit", "Edit", "meeting: Edit {edited}", id="occurrence-edit",
                show=False),
        command("w", "write", "Write", "meeting: Write minutes", id="occurrence-write"),
        command("ctrl+s", "save_minutes", "Save", "meeting: Save minutes",
                id="occurrence-save"),
        command("ctrl+t", "line_to_action", "Action", "meeting: Turn minutes line into action",
                id="occurrence-action"),
        command("ctrl+g", "line_to_decision", "Decide",
                "meeting: Record minutes line as decision", id="occurrence-decision"),
        command("H", "held", "Held", "meeting: Close occurrence as held",
                id="occurrence-held"),
        command("x", "done_action", "Done", "meeting: Mark action done",
                id="occurrence-done"),
        view_back(show=True),
    ]  # fmt: skip

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: The occurrence on show (its key in the occurrences table).
        self.key: str | None = None
        #: Held here, not queried: the app's end unmounts it before this view.
        self._editor = MinutesEditor(id="minutes")

    def compose(self) -> ComposeResult:
        yield Static("", id="occurrence-caption")
        with Vertical(id="occurrence-body"):
            with Vertical(id="occurrence-lists"):
                with Vertical(classes="pane"):
                    yield Static("Agenda", id="agenda-caption", classes="pane-caption")
                    yield RecordTable(id="agenda")
                with Vertical(classes="pane"):
                    yield Static("Actions", id="actions-caption", classes="pane-caption")
                    yield RecordTable(id="occurrence-actions")
            with Vertical(id="minutes-pane", classes="pane"):
                yield Static(
                    "Minutes · w writes, esc leaves · ctrl+s save · ^t action · ^g decision",
                    classes="pane-caption",
                )
                yield self._editor

    # ------------------------------------------------ parts

    @property
    def board(self) -> Board:
        """The Meetings board this view belongs to (it saves through the board)."""
        return next(node for node in self.ancestors if isinstance(node, Board))

    @property
    def agenda_table(self) -> RecordTable:
        """The agenda items."""
        return self.query_one("#agenda", RecordTable)

    @property
    def actions_table(self) -> RecordTable:
        """The actions raised in this occurrence."""
        return self.query_one("#occurrence-actions", RecordTable)

    @property
    def editor(self) -> MinutesEditor:
        """The minutes."""
        return self._editor

    @property
    def writing(self) -> bool:
        """Whether the minutes editor has the focus (keys are text there)."""
        return self.is_mounted and self.editor.has_focus

    @property
    def unsaved(self) -> bool:
        """Whether the minutes differ from what is saved."""
        return self.key is not None and self.editor.unsaved

    def default_focus(self) -> Widget | None:
        return self.agenda_table

    def on_resize(self, event: events.Resize) -> None:
        # Side by side once there is room for three readable columns.
        self.set_class(event.size.width >= 120, "wide")

    # ------------------------------------------------ reading

    def show(self, key: str) -> None:
        """Show occurrence `key`: the minutes saved (or the unsaved ones a draft kept)."""
        if self.key is not None and self.key != key:
            self.leave()
        store = self.board.store
        record = store.get(OCCURRENCES, key)
        self.key = key
        saved = str((record or {}).get("minutes") or "")
        path = getattr(self.app, "drafts_path", None)
        draft = DraftOf(store.path, path, OCCURRENCES, key) if path else None
        if self.editor.start(saved, draft):
            self.app.notify("Unsaved minutes brought back (ctrl+s saves them)", timeout=4)
        self.refresh_data()

    def refresh_data(self) -> None:
        """Redraw the caption, agenda and actions from the store (the minutes being
        written stay as they are)."""
        if self.key is None:
            return
        store = self.board.store
        record = store.get(OCCURRENCES, self.key)
        if record is None:  # undone or deleted meanwhile
            self.query_one("#occurrence-caption", Static).update("This occurrence is gone.")
            self.agenda_table.set_data([], [])
            self.actions_table.set_data([], [])
            return
        stored = str(record.get("minutes") or "")
        if stored != self.editor.saved and not self.unsaved:
            self.editor.start(stored, self.editor.draft)  # another session or an undo
        caption = Content(occurrence_caption(store, record))  # names as typed, never markup
        self.query_one("#occurrence-caption", Static).update(caption)
        items = sorted(
            (r for r in views.rows(store, "agenda_items") if r.get("occurrence") == self.key),
            key=lambda r: (float(r.get("order") or 0), str(r["key"])),
        )
        self._fill(self.agenda_table, "agenda_items", items, ("key", "occurrence"))
        source = f"{OCCURRENCES}:{self.key}"
        raised = [r for r in views.rows(store, "actions") if r.get("source") == source]
        self._fill(self.actions_table, "actions", raised, ("key", "source", "done_on"))
        meeting = store.get("meetings", str(record.get("meeting") or "")) or {}
        self.query_one("#agenda-caption", Static).update(agenda_caption(items, meeting))
        still = sum((r.get("status") or "open") == "open" for r in raised)
        self.query_one("#actions-caption", Static).update(
            f"Actions · {still} open of {len(raised)} · ctrl+t from a minutes line"
            if raised
            else "Actions · none yet · ctrl+t turns a minutes line into one"
        )

    def _fill(
        self, table: RecordTable, name: str, records: list[Record], left_out: Sequence[str]
    ) -> None:
        rt = record_type(name)
        columns, kept = list_columns(name, left_out)
        rows = rows_for(rt, records, views.reference_names(self.board.store, rt))
        table.set_data(columns, [(key, [cells[i] for i in kept]) for key, cells in rows])

    def chosen(self) -> Chosen | None:
        """What e edits here: the agenda item or action under the cursor, else the
        meeting's series."""
        focused = self.screen.focused if self.is_mounted else None
        if focused is self.actions_table and (key := self.actions_table.cursor_row_key):
            return Chosen("actions", key)
        if focused is self.agenda_table and (key := self.agenda_table.cursor_row_key):
            return Chosen("agenda_items", key)
        record = self.board.store.get(OCCURRENCES, self.key) if self.key else None
        meeting = str((record or {}).get("meeting") or "")
        return Chosen("meetings", meeting) if meeting else None

    @on(RecordTable.RowHighlighted)
    def _moved(self, event: RecordTable.RowHighlighted) -> None:
        self.board.refresh_bindings()

    @on(RecordTable.RowSelected)
    def _selected(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        table = "actions" if event.table is self.actions_table else "agenda_items"
        self.board.edit_record(table, event.row_key)

    # ------------------------------------------------ the minutes

    def save_minutes(self) -> bool:
        """Save the minutes typed (nothing to save: True); False when refused. Minutes
        another session saved since these were opened are a conflict, not overwritten:
        the message says so, what is typed stays (and is kept as a draft), and saving
        again then replaces theirs."""
        key = self.key
        if key is None or not self.unsaved:
            return True
        text, board = self.editor.text, self.board
        current = board.store.get(OCCURRENCES, key)
        if current is None:
            self.editor.keep_draft()
            return False
        base = {k: v for k, v in current.items() if k != "minutes"}
        if self.editor.saved:
            base["minutes"] = self.editor.saved  # the minutes as they were when opened
        label = f"minutes of {occurrence_title(board.store, key)}"
        saved = board.save(
            lambda: board.store.update(
                OCCURRENCES, key, {"minutes": text}, base=base, label=f"edit {label}"
            ),
            f"Saved {label}",
        )
        if saved is None:
            latest = board.store.get(OCCURRENCES, key) or current  # the file's, after a conflict
            self.editor.saved = str(latest.get("minutes") or "")  # saving again replaces it
            self.editor.keep_draft()
            return False
        self.editor.saved_as(text)
        return True

    def leave(self) -> None:
        """Leaving the occurrence saves its minutes; a refusal keeps them as a draft (the
        occurrence opened again brings them back) and says so."""
        if not self.save_minutes():
            self.app.notify(
                "The minutes are kept as a draft: open the occurrence again to save them",
                severity="warning",
                timeout=8,
            )

    # ------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted or self.key is None:
            return action == "back"
        letters = ("add_item", "edit", "write", "held", "done_action")
        if action in letters and self.writing:
            return False  # typed as text in the minutes
        if action in ("line_to_action", "line_to_decision"):
            return True if self.editor.current_line() else None
        if action == "done_action":
            key = self.actions_table.cursor_row_key
            focused = self.screen.focused is self.actions_table
            record = self.board.store.get("actions", key) if key and focused else None
            return record is not None and (record.get("status") or "open") == "open"
        if action == "held":
            record = self.board.store.get(OCCURRENCES, self.key)
            return True if record and record.get("status") != "held" else None
        return True

    def on_descendant_focus(self) -> None:
        self.board.refresh_bindings()

    def palette_words(self) -> dict[str, str]:
        """What e edits here (an agenda item, an action or the meeting's series), as the
        board says it (pmtui.boards.keys)."""
        return self.board.palette_words()

    def action_edit(self) -> None:
        """e: the agenda item or action under the cursor, else the meeting's series."""
        self.board.action_edit()

    def action_write(self) -> None:
        self.screen.set_focus(self.editor)  # now: the keys typed next are text

    async def action_back(self) -> None:
        """esc: out of the minutes editor; from elsewhere, back to where the occurrence was
        opened from: the occurrences, or the area whose enter opened it (Today)."""
        if self.writing:
            self.screen.set_focus(self.agenda_table)  # now: the next key is a command
            return
        self.leave()
        came_from: str | None = getattr(self.board, "came_from", None)
        show_list: Callable[[], None] | None = getattr(self.board, "show_list", None)
        if show_list is not None:
            show_list()  # the board shows its list when the user comes back to it
        if came_from:
            await self.app.run_action(f"switch_area('{came_from}')")

    def action_save_minutes(self) -> None:
        if self.key is not None and not self.unsaved:
            self.app.notify("The minutes are saved", timeout=2)
            return
        self.save_minutes()

    def action_add_item(self) -> None:
        if self.key is None:
            return
        items = [r for r in self.board.store.records("agenda_items")
                 if r.get("occurrence") == self.key]  # fmt: skip
        order = max((int(r.get("order") or 0) for r in items), default=0) + 1
        self.board.add_record(
            "agenda_items",
            {"occurrence": self.key, "order": str(order)},
            focus="text",
            fields=("text", "owner", "minutes_allowed", "order"),
            title=escape(f"Agenda item for {occurrence_title(self.board.store, self.key)}"),
            then=self.refresh_data,
        )

    def action_line_to_action(self) -> None:
        text, key = self.editor.current_line(), self.key
        if not text or key is None:
            return
        self.board.add_record(
            "actions",
            {"text": text, "source": f"{OCCURRENCES}:{key}"},
            focus="owner",
            fields=("text", "owner", "due"),
            title="Action from the minutes",
            then=self.refresh_data,
        )

    def action_line_to_decision(self) -> None:
        """ctrl+g: the minutes line into the decision log now, marked `Decision:` in the
        minutes (so closing the occurrence does not log it again)."""
        text, key = self.editor.current_line(), self.key
        if not text or key is None:
            return
        board = self.board
        logged = board.save(
            lambda: meetings.record_decision(board.store, key, text),
            f"Decision logged: {views.short(text)}",
            refusals=(MeetingError,),
        )
        if logged is None:
            return
        self.editor.mark_decision()
        self.refresh_data()

    def decisions_to_log(self) -> list[str]:
        """The minutes lines marked `Decision:` that the decision log does not hold yet for
        this occurrence (what closing it logs)."""
        link = f"{OCCURRENCES}:{self.key}"
        logged = {
            str(d.get("decision") or "").strip().casefold()
            for d in self.board.store.records("decisions")
            if d.get("link") == link
        }
        return [text for text in self.editor.decision_lines() if text.casefold() not in logged]

    def action_held(self) -> None:
        """H: the occurrence held; its minutes saved and their decisions logged."""
        key = self.key
        if key is None or not self.save_minutes():
            return
        board = self.board
        decisions = self.decisions_to_log()
        said = f" and {len(decisions)} decision(s) logged" if decisions else ""
        board.save(
            lambda: meetings.close(board.store, key, decisions),
            f"Held: {occurrence_title(board.store, key)}{said}",
            refusals=(MeetingError,),
        )
        self.refresh_data()
        board.refresh_bindings()

    def action_done_action(self) -> None:
        key = self.actions_table.cursor_row_key
        store = self.board.store
        record = store.get("actions", key) if key is not None else None
        if key is not None and record is not None:
            named = views.record_name(store, "actions", record, typed=True)
            agenda_change(self.board, lambda: agenda.done(store, "actions", key), f"Done: {named}")
            self.refresh_data()
