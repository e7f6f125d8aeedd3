"""The People area's Staffing board: candidates on a kanban by stage (H/L move them), the open
roles beside it, and resource requests with the history of what was said or offered."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static

from pmtui.boards.base import Board, Chosen, NewRecord
from pmtui.boards.keys import list_filter, record_add, record_delete, record_edit, view_back
from pmtui.boards.registry import BoardSpec
from pmtui.records.resourcing import CANDIDATE_STAGES
from pmtui.screens.confirm import ConfirmModal
from pmtui.store import Store
from pmtui.widgets.kanban import Card, Kanban
from pmtui.widgets.list_filter import ListFilter
from pmtui.widgets.record_table import Column, RecordTable

Record = dict[str, Any]
ACTIVE_STAGES = ("sourced", "screening", "interview", "offer")

ROLE_COLUMNS = [
    Column("key", "Key", 4),
    Column("title", "Open role", 17),
    Column("needed", "Need", 5),
    Column("candidates", "Cand", 4, "right"),
]
REQUEST_COLUMNS = [
    Column("key", "Key", 4),
    Column("title", "Resource request", 16),
    Column("status", "Status", 11),
    Column("needed", "Need", 5),
]
EVENT_COLUMNS = [
    Column("date", "Date", 10),
    Column("text", "What was said or offered", 60),
]


def _short(value: object) -> str:
    return str(value)[5:] if isinstance(value, str) and len(value) == 10 else ""


def short_name(name: str) -> str:
    """'Marta Wisniewska' -> 'Marta W.': a name that fits a narrow column."""
    words = name.split()
    return " ".join([*words[:-1], words[-1][0] + "."]) if len(words) > 1 else name


def candidate_card(candidate: Record, today: date, width: int = 0) -> Card:
    """A candidate's card: the role and next step below the name; a next step past its date
    in the warning style, hired in the good one, rejected muted. A name longer than `width`
    (the column's) is shortened to first names and an initial."""
    stage = str(candidate.get("stage") or "sourced")
    name = str(candidate.get("name") or "")
    if len(f" {candidate['key']} {name}") > width:
        name = short_name(name)
    when = str(candidate.get("next_step_date") or "")
    style = ""
    if stage == "hired":
        style = "good"
    elif stage == "rejected":
        style = "muted"
    elif when and when < today.isoformat():
        style = "warning"
    detail = " ".join(
        part
        for part in (
            str(candidate.get("role") or ""),
            _short(when),
            str(candidate.get("next_step") or ""),
        )
        if part
    )
    return Card(str(candidate["key"]), name, stage, style, detail)


class StaffingBoard(Board):
    """tab moves between candidates, roles and requests; a, e and d act on the one in focus;
    enter on a request shows its history (esc goes back)."""

    DEFAULT_CSS = """
    StaffingBoard { layout: vertical; }
    StaffingBoard #staffing-candidates { height: 1fr; }
    StaffingBoard #staffing-bottom { height: 45%; border-top: solid $panel-lighten-2; }
    StaffingBoard #staffing-roles { width: 1fr; border-right: solid $panel-lighten-2; }
    StaffingBoard #staffing-right { width: 1fr; }
    StaffingBoard #staffing-history-caption { height: 1; padding: 0 1; background: $panel; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        record_add(),
        record_edit(),
        record_delete(),
        list_filter(),
        view_back(),
    ]

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        self.request: str | None = None  # whose history is on show

    def compose(self) -> ComposeResult:
        yield ListFilter(id="staffing-filter")
        yield Kanban(id="staffing-candidates")
        with Horizontal(id="staffing-bottom"):
            yield RecordTable(id="staffing-roles")
            with ContentSwitcher(initial="staffing-requests", id="staffing-right"):
                yield RecordTable(id="staffing-requests")
                with Vertical(id="staffing-history"):
                    yield Static("", id="staffing-history-caption")
                    yield RecordTable(id="staffing-events")

    @property
    def kanban(self) -> Kanban:
        """Candidates by stage."""
        return self.query_one(Kanban)

    def _table(self, name: str) -> RecordTable:
        return self.query_one(f"#staffing-{name}", RecordTable)

    def on_mount(self) -> None:
        self.refresh_data()
        self.kanban.focus()

    def on_resize(self) -> None:
        self.refresh_data()

    def default_focus(self) -> Widget:
        return self.kanban

    # ------------------------------------------------ reading

    def refresh_data(self) -> None:
        store, today = self.store, self.store.today
        candidates = store.records("candidates")
        # The kanban gives each stage an equal share, one cell between stages.
        width = (self.kanban.size.width - len(CANDIDATE_STAGES) + 1) // len(CANDIDATE_STAGES)
        cards = [candidate_card(c, today, width) for c in candidates]
        self.kanban.set_cards(CANDIDATE_STAGES, cards)
        active: dict[str, int] = {}
        for candidate in candidates:
            if candidate.get("stage") in ACTIVE_STAGES and candidate.get("role"):
                active[str(candidate["role"])] = active.get(str(candidate["role"]), 0) + 1
        roles = []
        for r in store.records("open_roles"):
            title, status = str(r.get("title") or ""), str(r.get("status") or "open")
            if status != "open":
                title += f" ({status})"
            count = str(active.get(str(r["key"]), 0))
            roles.append((str(r["key"]), [str(r["key"]), title, _short(r.get("needed_by")), count]))
        self._table("roles").set_data(ROLE_COLUMNS, roles)
        requests = [
            (
                str(r["key"]),
                [
                    str(r["key"]),
                    str(r.get("title") or ""),
                    str(r.get("status") or ""),
                    _short(r.get("needed_by")),
                ],
            )
            for r in store.records("resource_requests")
        ]
        self._table("requests").set_data(REQUEST_COLUMNS, requests)
        if self.request is not None:
            if store.get("resource_requests", self.request) is None:
                self.action_back()
            else:
                self._show_history()

    def _show_history(self) -> None:
        key = str(self.request)
        request = self.store.require("resource_requests", key)
        parts = [f"{key} {request.get('title', '')}", self._source(request)]
        parts += [str(request.get("status") or ""), "esc back"]
        caption = " · ".join(part for part in parts if part)
        self.query_one("#staffing-history-caption", Static).update(caption)
        events = sorted(
            (e for e in self.store.records("request_events") if e.get("request") == key),
            key=lambda e: (str(e.get("date") or ""), str(e["key"])),
        )
        rows = [
            (str(e["key"]), [str(e.get("date") or ""), str(e.get("text") or "")]) for e in events
        ]
        self._table("events").set_data(EVENT_COLUMNS, rows)

    def _source(self, request: Record) -> str:
        """Whom a request was made of: 'asked of S/4 Partners'."""
        for field, table, label in (
            ("from_person", "people", "name"),
            ("from_vendor", "vendors", "name"),
        ):
            if request.get(field):
                record = self.store.get(table, str(request[field])) or {}
                return f"asked of {record.get(label) or request[field]}"
        return f"asked of {request['from_other']}" if request.get("from_other") else ""

    # ------------------------------------------------ which list is in focus

    def _focused(self) -> tuple[str, str | None]:
        """(table, key) the keys act on: the focused list and its chosen row (or card)."""
        focused: Widget | None = self.app.focused
        if focused is self._table("roles"):
            return "open_roles", self._table("roles").cursor_row_key
        if focused is self._table("requests"):
            return "resource_requests", self._table("requests").cursor_row_key
        if focused is self._table("events"):
            return "request_events", self._table("events").cursor_row_key
        return "candidates", self.kanban.selected_key

    def chosen(self) -> Chosen | None:
        table, key = self._focused()
        return Chosen(table, key) if key is not None else None

    def new_record(self) -> NewRecord:
        """A record of the focused list: a candidate in the stage (and for the role) under
        the cursors, an event of the request whose history is open."""
        table, _ = self._focused()
        if table == "candidates":
            prefill = {"stage": self.kanban.current_column or "sourced"}
            role = self._table("roles").cursor_row_key
            if role is not None:
                prefill["role"] = role
            return NewRecord("candidates", prefill, focus="name")
        if table == "request_events":
            return NewRecord("request_events", {"request": str(self.request)}, focus="text")
        return NewRecord(table, focus="title")

    def filter_target(self) -> RecordTable | None:
        table = self.app.focused
        return table if isinstance(table, RecordTable) and self in table.ancestors else None

    def palette_words(self) -> dict[str, str]:
        return {**super().palette_words(), "back": "the requests"}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.is_mounted and action == "back":
            return self.request is not None
        return super().check_action(action, parameters)

    # ------------------------------------------------ keys

    def action_back(self) -> None:
        key, self.request = self.request, None
        self.query_one(ContentSwitcher).current = "staffing-requests"
        if key is not None:
            self._table("requests").move_to_key(key)
        self._table("requests").focus()
        self.refresh_bindings()

    def _open_history(self, key: str) -> None:
        self.request = key
        self.query_one(ContentSwitcher).current = "staffing-history"
        self._show_history()
        self._table("events").focus()
        self.refresh_bindings()

    def focus_record(self, table: str, key: str) -> bool:
        if table == "candidates":
            self.kanban.focus()
            return self.kanban.select(key)
        if table == "open_roles":
            self._table("roles").focus()
            return self._table("roles").move_to_key(key)
        if table == "resource_requests":
            if self.request is not None:
                self.action_back()
            self._table("requests").focus()
            return self._table("requests").move_to_key(key)
        if table == "request_events" and (event := self.store.get(table, key)) is not None:
            self._open_history(str(event.get("request")))
            return self._table("events").move_to_key(key)
        return False

    @on(Kanban.CardHighlighted)
    @on(RecordTable.RowHighlighted)
    def _moved(self, event: Kanban.CardHighlighted | RecordTable.RowHighlighted) -> None:
        self.refresh_bindings()

    @on(Kanban.CardSelected)
    def _card_opened(self, event: Kanban.CardSelected) -> None:
        event.stop()
        self.edit_record("candidates", event.key)

    @on(RecordTable.RowSelected, "#staffing-roles")
    def _role_opened(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        self.edit_record("open_roles", event.row_key)

    @on(RecordTable.RowSelected, "#staffing-requests")
    def _request_opened(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        self._open_history(event.row_key)

    @on(RecordTable.RowSelected, "#staffing-events")
    def _event_opened(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        self.edit_record("request_events", event.row_key)

    @on(Kanban.CardMoved)
    def _card_moved(self, event: Kanban.CardMoved) -> None:
        event.stop()
        key, stage = event.key, event.to_column
        record = self.store.get("candidates", key)
        if record is None:
            return
        saved = self.save(
            lambda: self.store.update("candidates", key, {"stage": stage}, base=record),
            f"{record.get('name', key)}: {stage}",
        )
        role = self.store.get("open_roles", str(record.get("role") or ""))
        if saved is None or stage != "hired" or role is None or role.get("status") == "filled":
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.save(
                    lambda: self.store.update(
                        "open_roles", str(role["key"]), {"status": "filled"}, base=role
                    ),
                    f"{role.get('title') or role['key']}: filled",
                )

        question = f"{record.get('name')} is hired.\nMark {role['key']} {role.get('title')} filled?"
        self.app.push_screen(ConfirmModal(question), answered)
