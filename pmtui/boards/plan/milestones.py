"""The Plan area's milestones board: a kanban by status, and each milestone's deliverables
with their acceptance checklist (submit, accept, reject with a comment)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static

from pmtui import planning, views
from pmtui.boards.base import Board, Chosen, NewRecord, undo_label
from pmtui.boards.keys import command, record_add, record_delete, record_edit, view_back
from pmtui.boards.plan.milestones_view import (
    CRITERIA_COLUMNS,
    DELIVERABLE_COLUMNS,
    due_order,
    late_flag,
    milestone_card,
)
from pmtui.boards.registry import BoardSpec
from pmtui.domain.links import ScheduleError
from pmtui.kinds import to_display
from pmtui.planning import as_date
from pmtui.records.plan import MILESTONE_STATUSES
from pmtui.screens.confirm import ConfirmModal
from pmtui.screens.record_form import RecordForm
from pmtui.store import Store
from pmtui.tables import record_type
from pmtui.widgets.kanban import Kanban
from pmtui.widgets.record_table import RecordTable

Record = dict[str, Any]


class MilestonesBoard(Board):
    """Milestones by status (H/L move them); enter shows a milestone's deliverables."""

    DEFAULT_CSS = """
    MilestonesBoard #milestone-views { height: 1fr; }
    MilestonesBoard #deliverables-view { height: 1fr; }
    MilestonesBoard .caption { height: 1; padding: 0 1; color: $text-muted; }
    MilestonesBoard #deliverables { height: 1fr; }
    MilestonesBoard #criteria { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        record_add(),
        record_edit(),
        record_delete(),
        command("c", "add_criterion", "Criterion", "plan: Add criterion",
                id="milestones-add-criterion"),
        command("space", "toggle_met", "Met", "plan: Mark criterion met", id="milestones-met"),
        command("p", "submit", "Submit", "plan: Submit deliverable", id="milestones-submit"),
        command("A", "decide('accepted')", "Accept", "plan: Accept deliverable",
                id="milestones-accept"),
        command("R", "decide('rejected')", "Reject", "plan: Reject deliverable",
                id="milestones-reject"),
        view_back(show=True),
    ]  # fmt: skip

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        self.milestone_key: str | None = None  # shown in the deliverables view

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="milestone-kanban", id="milestone-views"):
            yield Kanban(id="milestone-kanban")
            with Vertical(id="deliverables-view"):
                yield Static("", id="milestone-caption", classes="caption")
                yield RecordTable(id="deliverables")
                yield Static(
                    "Acceptance criteria · space marks met · c adds one",
                    id="criteria-caption",
                    classes="caption",
                )
                yield RecordTable(id="criteria")

    @property
    def kanban(self) -> Kanban:
        """The milestones by status."""
        return self.query_one(Kanban)

    @property
    def deliverables(self) -> RecordTable:
        """The open milestone's deliverables."""
        return self.query_one("#deliverables", RecordTable)

    @property
    def criteria(self) -> RecordTable:
        """The chosen deliverable's acceptance criteria."""
        return self.query_one("#criteria", RecordTable)

    @property
    def in_deliverables(self) -> bool:
        """Whether the deliverables view is on show."""
        return self.milestone_key is not None

    def on_mount(self) -> None:
        self.refresh_data()
        self.kanban.focus()

    def default_focus(self) -> Widget:
        return self.deliverables if self.in_deliverables else self.kanban

    # ------------------------------------------------ reading

    def _plan(self) -> planning.Plan | None:
        try:
            return planning.shared_plan(self.store.read_context())
        except (ScheduleError, KeyError):
            return None

    def refresh_data(self) -> None:
        plan = self._plan()
        today = self.store.today
        by_milestone: dict[str, list[Record]] = {}
        for deliverable in self.store.records("deliverables"):
            by_milestone.setdefault(str(deliverable.get("milestone")), []).append(deliverable)
        cards = []
        calendar = self.store.read_context().calendar
        for milestone in sorted(self.store.records("milestones"), key=due_order):
            forecast = planning.milestone_forecast(plan, milestone) if plan else None
            key = str(milestone["key"])
            deliverables = by_milestone.get(key, [])
            cards.append(milestone_card(milestone, forecast, today, deliverables, calendar))
        self.kanban.set_cards(MILESTONE_STATUSES, cards)
        if self.milestone_key is not None:
            if self.store.get("milestones", self.milestone_key) is None:
                self.action_back()
            else:
                self._show_deliverables(plan)

    def _show_deliverables(self, plan: planning.Plan | None) -> None:
        key = str(self.milestone_key)
        milestone = self.store.require("milestones", key)
        forecast = planning.milestone_forecast(plan, milestone) if plan else None
        calendar = self.store.read_context().calendar
        late = late_flag(as_date(milestone.get("due")), forecast, calendar)
        parts = [
            f"{key} {milestone.get('title', '')}",
            f"due {milestone.get('due') or '--'}",
            f"forecast {forecast or '--'}" + (f" ({late})" if late else ""),
            f"baseline {milestone.get('baseline_due') or '--'}",
            "esc back",
        ]
        self.query_one("#milestone-caption", Static).update(" · ".join(parts))
        rt = record_type("deliverables")
        rows = []
        for record in self.store.records("deliverables"):
            if record.get("milestone") != key:
                continue
            owner = to_display(rt.field("owner"), record.get("owner"))
            decided = str(record.get("decided_on") or "")
            rows.append(
                (
                    str(record["key"]),
                    [
                        str(record["key"]),
                        str(record.get("title", "")),
                        str(record.get("status", "")),
                        self._person(owner),
                        str(record.get("submitted_on") or ""),
                        decided,
                    ],
                )
            )
        self.deliverables.set_data(DELIVERABLE_COLUMNS, rows)
        self._show_criteria()

    def _person(self, key: str) -> str:
        person = self.store.get("people", key) if key else None
        return str(person.get("name", key)) if person else key

    def _show_criteria(self) -> None:
        chosen = self.deliverables.cursor_row_key
        rows = [
            (str(c["key"]), ["[x]" if c.get("met") else "[ ]", str(c.get("text", ""))])
            for c in self.store.records("acceptance_criteria")
            if chosen is not None and c.get("deliverable") == chosen
        ]
        self.criteria.set_data(CRITERIA_COLUMNS, rows)
        record = self.store.get("deliverables", chosen) if chosen else None
        caption = "Acceptance criteria · space marks met · c adds one"
        if record and record.get("reviewer_comment"):
            caption = f"Reviewer: {record['reviewer_comment']}"
        self.query_one("#criteria-caption", Static).update(caption)

    def focus_record(self, table: str, key: str) -> bool:
        if table == "milestones":
            self.action_back()
            return self.kanban.select(key)
        record = self.store.get(table, key)
        if record is None:
            return False
        if table == "acceptance_criteria":
            deliverable = self.store.get("deliverables", str(record.get("deliverable")))
            if deliverable is None:
                return False
            self._open(str(deliverable.get("milestone")))
            self.deliverables.move_to_key(str(deliverable["key"]))
            self._show_criteria()
            self.criteria.focus()
            return self.criteria.move_to_key(key)
        if table == "deliverables" and record.get("milestone"):
            self._open(str(record["milestone"]))
            return self.deliverables.move_to_key(key)
        return False

    # ------------------------------------------------ moving between the views

    def _open(self, milestone: str) -> None:
        self.milestone_key = milestone
        self.query_one(ContentSwitcher).current = "deliverables-view"
        self._show_deliverables(self._plan())
        self.deliverables.focus()
        self.refresh_bindings()

    @on(Kanban.CardSelected)
    def _card_opened(self, event: Kanban.CardSelected) -> None:
        event.stop()
        self._open(event.key)

    def action_back(self) -> None:
        key = self.milestone_key
        self.milestone_key = None
        self.query_one(ContentSwitcher).current = "milestone-kanban"
        if key is not None:
            self.kanban.select(key)
        self.kanban.focus()
        self.refresh_bindings()

    @on(RecordTable.RowHighlighted, "#deliverables")
    def _deliverable_moved(self, event: RecordTable.RowHighlighted) -> None:
        self._show_criteria()
        self.refresh_bindings()

    @on(RecordTable.RowHighlighted, "#criteria")
    def _criterion_moved(self, event: RecordTable.RowHighlighted) -> None:
        self.refresh_bindings()

    @on(RecordTable.RowSelected, "#deliverables")
    def _deliverable_opened(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        self.edit_record("deliverables", event.row_key)

    @on(RecordTable.RowSelected, "#criteria")
    def _criterion_opened(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        self.action_toggle_met()

    # ------------------------------------------------ keys

    def chosen(self) -> Chosen | None:
        """The card, a deliverable or a criterion."""
        if not self.in_deliverables:
            key = self.kanban.selected_key
            return Chosen("milestones", key) if key else None
        if self.criteria.has_focus:
            key = self.criteria.cursor_row_key
            return Chosen("acceptance_criteria", key) if key else None
        key = self.deliverables.cursor_row_key
        return Chosen("deliverables", key) if key else None

    def new_record(self) -> NewRecord:
        """A deliverable of the open milestone, else a milestone in the column in focus."""
        if self.in_deliverables:
            return NewRecord("deliverables", {"milestone": str(self.milestone_key)})
        return NewRecord("milestones", {"status": self.kanban.current_column or "planned"})

    def palette_words(self) -> dict[str, str]:
        return {**super().palette_words(), "back": "milestones"}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action in ("back", "add_criterion", "submit", "decide"):
            if not self.in_deliverables:
                return False
            return action == "back" or self.deliverables.cursor_row_key is not None
        if action == "toggle_met":
            return self.in_deliverables and self.criteria.has_focus
        return super().check_action(action, parameters)

    def action_add_criterion(self) -> None:
        key = self.deliverables.cursor_row_key
        if key is not None:
            self.add_record("acceptance_criteria", {"deliverable": key})

    def action_toggle_met(self) -> None:
        key = self.criteria.cursor_row_key
        record = self.store.get("acceptance_criteria", key) if key else None
        if key is None or record is None:
            return
        met = "no" if record.get("met") else "yes"
        word = "met" if met == "yes" else "not met"
        self.save(
            lambda: self.store.update(
                "acceptance_criteria",
                key,
                {"met": met},
                base=record,
                label=f"{undo_label(self.store, 'acceptance_criteria', 'mark', record)} {word}",
            ),
            f"{record.get('text') or key}: {word}",
        )
        self._show_criteria()
        self.criteria.move_to_key(key)

    def action_submit(self) -> None:
        key = self.deliverables.cursor_row_key
        record = self.store.get("deliverables", key) if key else None
        if key is None or record is None:
            return
        values = {"status": "submitted", "submitted_on": self.store.today.isoformat()}
        self.save(
            lambda: self.store.update(
                "deliverables",
                key,
                values,
                base=record,
                label=undo_label(self.store, "deliverables", "submit", record),
            ),
            f"Submitted {record.get('title') or key}",
        )

    def action_decide(self, status: str) -> None:
        """Accept or reject the chosen deliverable: who decided, when, and the comment."""
        key = self.deliverables.cursor_row_key
        record = self.store.get("deliverables", key) if key else None
        if key is None or record is None:
            return
        rt = record_type("deliverables")
        fields = [rt.field(n) for n in ("decided_by", "decided_on", "reviewer_comment")]
        # The comment belongs to a decision: a new one (a resubmitted deliverable) starts
        # empty rather than with the last rejection's reasons.
        comment = record.get("reviewer_comment") if record.get("status") == status else ""
        labels = views.reference_labels(self.store, "deliverables", fields)
        values = views.refs_as_names(
            {
                "decided_by": str(record.get("decided_by") or ""),
                "decided_on": self.store.today.isoformat(),
                "reviewer_comment": str(comment or ""),
            },
            labels,
        )
        verb = "Accept" if status == "accepted" else "Reject"
        unmet = [
            str(c.get("text") or c["key"])
            for c in self.store.records("acceptance_criteria")
            if c.get("deliverable") == key and not c.get("met")
        ]
        message = ""
        if status == "accepted" and unmet:
            message = f"Not met yet: {'; '.join(unmet)}. Mark them met (space) first, or reject it."

        def typed_values(typed: dict[str, str]) -> dict[str, str]:
            return {"status": status, **views.refs_as_keys(typed, labels)}

        def check(typed: dict[str, str]) -> dict[str, str]:
            if status == "rejected" and not typed.get("reviewer_comment", "").strip():
                return {"reviewer_comment": "say why it is rejected"}
            return self._errors("deliverables", typed_values(typed), key)

        def done(typed: dict[str, str] | None) -> None:
            if typed is None:
                return
            self.save(
                lambda: self.store.update(
                    "deliverables",
                    key,
                    typed_values(typed),
                    base=record,
                    label=undo_label(self.store, "deliverables", verb.lower(), record),
                ),
                f"{verb}ed {record.get('title') or key}",
            )

        title = f"{verb} {record.get('title') or key}"
        complete = self.completer("deliverables", labels)
        form = RecordForm(title, fields, values, check, message=message, complete=complete)
        self.app.push_screen(form, done)

    @on(Kanban.CardMoved)
    def _card_moved(self, event: Kanban.CardMoved) -> None:
        event.stop()
        key, status = event.key, event.to_column
        record = self.store.get("milestones", key)
        if record is None:
            return

        def move() -> None:
            self.save(
                lambda: self.store.update(
                    "milestones",
                    key,
                    {"status": status},
                    base=record,
                    label=f"{undo_label(self.store, 'milestones', 'move', record)} to {status}",
                ),
                f"{record.get('title') or key}: {status}",
            )

        open_items = [
            f"{d.get('title') or d['key']} ({d.get('status', 'draft')})"
            for d in self.store.records("deliverables")
            if d.get("milestone") == key and d.get("status") != "accepted"
        ]
        if status != "done" or not open_items:
            move()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                move()

        question = (
            f"{record.get('title') or key} has deliverables not accepted: "
            f"{', '.join(open_items)}.\nMark it done anyway?"
        )
        self.app.push_screen(ConfirmModal(question), answered)
