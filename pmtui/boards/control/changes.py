"""Change requests as a queue by status (awaiting a decision first), the one under the
cursor in detail with its impact and full history below; A approve, R reject (both through
a confirm modal), v send to review, W withdraw, I mark implemented."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Static

from pmtui import views
from pmtui.boards.keys import command
from pmtui.boards.table import TableBoard, columns_for, rows_for
from pmtui.domain.risk import AWAITING, CHANGE_STATUSES, transition_problem
from pmtui.kinds import format_money
from pmtui.schema import Record
from pmtui.screens.choice import ChoiceModal
from pmtui.screens.decision import Decided, DecisionModal
from pmtui.services.changes import (
    Outcome,
    approve,
    default_decider,
    find_person,
    history,
    move,
    person_name,
    reject,
)
from pmtui.widgets.list_filter import ListFilter
from pmtui.widgets.record_table import RecordTable

#: The queue's order: what awaits a decision first, then new requests, then the settled.
QUEUE = ("under review", "escalated", "proposed", "approved", "implemented", "rejected",
         "withdrawn")  # fmt: skip
assert set(QUEUE) == set(CHANGE_STATUSES)


def impact_text(change: Record, task_title: str = "") -> str:
    """'cost 14,000.00 · +5 working days on Mock load 2 · scope ...'."""
    parts = []
    if change.get("cost_impact"):
        parts.append(f"cost {format_money(float(change['cost_impact']))}")
    if change.get("schedule_impact"):
        on_task = f" on {task_title or change.get('task')}" if change.get("task") else ""
        parts.append(f"+{change['schedule_impact']:g} working days{on_task}")
    if change.get("scope_impact"):
        parts.append(str(change["scope_impact"]))
    return " · ".join(parts) or "no impact given"


class ChangesBoard(TableBoard):
    """The change queue and the chosen change's impact and history."""

    DEFAULT_CSS = """
    ChangesBoard { layout: vertical; }
    ChangesBoard #table { height: 1fr; }
    ChangesBoard #detail { height: 7; padding: 0 1; border-top: solid $panel; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *TableBoard.BINDINGS,
        command("A", "approve", "Approve", "change: Approve", id="change-approve"),
        command("R", "reject", "Reject", "change: Reject", id="change-reject"),
        command("D", "decide", "Decide", "change: Approve or reject", id="change-decide",
                show=False),
        command("v", "review", "Review", "change: Put under review", id="change-review"),
        command("W", "withdraw", "Withdraw", "change: Withdraw", id="change-withdraw",
                show=False),
        command("I", "implemented", "Implemented", "change: Mark implemented",
                id="change-implemented", show=False),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        yield ListFilter(id="filter")
        yield RecordTable(id="table")
        yield Static(id="detail")

    def refresh_data(self) -> None:
        rt = self.record_type
        records = sorted(
            views.rows(self.store, rt.table),
            key=lambda r: (QUEUE.index(r.get("status") or "proposed"), str(r.get("date") or "")),
        )
        self.table.set_data(
            columns_for(rt), rows_for(rt, records, views.reference_names(self.store, rt))
        )
        self._show_detail()

    def _chosen_change(self) -> Record | None:
        key = self.table.cursor_row_key if self.is_mounted else None
        return self.store.get("changes", key) if key else None

    def _show_detail(self) -> None:
        change = self._chosen_change()
        if change is None:
            self.query_one("#detail", Static).update("No change requests yet: a adds one.")
            return
        task = self.store.get("tasks", str(change.get("task"))) if change.get("task") else None
        lines = [f"Impact: {impact_text(change, str((task or {}).get('title') or ''))}"]
        for event in history(self.store, str(change["key"]))[-5:]:
            by = person_name(self.store, event.get("by"))
            why = f": {event['why']}" if event.get("why") else ""
            lines.append(
                f"{event.get('at')} {event.get('from_status') or ''} → {event.get('to_status')}"
                f" · {by}{why}"
            )
        if len(lines) == 1:
            lines.append("No history yet (v puts it under review).")
        self.query_one("#detail", Static).update("\n".join(lines))

    @on(RecordTable.RowHighlighted)
    def _row_moved(self, event: RecordTable.RowHighlighted) -> None:
        self._show_detail()
        self.refresh_bindings()

    # ------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("approve", "reject", "review", "withdraw", "implemented"):
            return self.is_mounted and self._chosen_change() is not None
        return super().check_action(action, parameters)

    def _step(self, change: Callable[[], Outcome | Record], label: str) -> None:
        """Run a workflow step through the board's save (which reports a refusal)."""
        self.save(change, lambda done: done.message if isinstance(done, Outcome) else label)

    def _refusal(self, change: Record, wanted: str) -> str | None:
        status = str(change.get("status") or "proposed")
        if wanted in ("approved", "rejected") and status not in AWAITING:
            if status == "proposed":
                return f"{change['key']} is proposed: put it under review (v) before deciding"
            return f"{change['key']} is {status}: it awaits no decision"
        problem = transition_problem(status, wanted)
        return f"{change['key']}: {problem}" if problem else None

    def _refused(self, change: Record, wanted: str) -> bool:
        problem = self._refusal(change, wanted)
        if problem:
            self.app.notify(problem, title="Not changed", severity="warning", timeout=8)
        return problem is not None

    def action_decide(self) -> None:
        """Approve or reject the chosen change: the choice `x` on Today opens."""
        change = self._chosen_change()
        if change is None or self._refused(change, "approved"):
            return
        question = f"Decide change {change['key']}: {change.get('title')}"

        def chosen(answer: str | None) -> None:
            if answer == "a":
                self.action_approve()
            elif answer == "r":
                self.action_reject()

        self.app.push_screen(ChoiceModal(question, [("a", "approve"), ("r", "reject")]), chosen)

    def action_approve(self) -> None:
        change = self._chosen_change()
        if change is None or self._refused(change, "approved"):
            return
        key = str(change["key"])
        decider = default_decider(self.store, self.store.project, change)
        if decider is None or self.store.get("people", decider) is None:
            self.app.notify(f"{key}: who decides? set the project's manager (9)",
                            title="Not changed", severity="warning")  # fmt: skip
            return
        person = self.store.require("people", decider)
        limit, cost = person.get("approval_limit"), float(change.get("cost_impact") or 0)
        name = person_name(self.store, decider)
        shown_limit = format_money(float(limit)) if limit is not None else "none"
        lines = [
            f"{change.get('title')}",
            f"Impact: {impact_text(change)}",
            f"Decider: {name} (approval limit {shown_limit}); tab to choose another",
        ]
        if cost and (limit is None or float(limit) < cost):
            boss = person.get("manager")
            lines.append(
                f"Beyond the limit: it will be escalated to {person_name(self.store, boss)}"
                if boss
                else "Beyond the limit, and nobody to escalate to."
            )
        task = change.get("task")
        schedule = (
            f"Add {change['schedule_impact']:g} days to {task}"
            if change.get("schedule_impact") and task
            else ""
        )

        category = change.get("budget_category")
        cost_option = (
            f"Add {format_money(cost)} to this month's {category} budget"
            if cost and category
            else ""
        )

        def answered(decided: Decided | None) -> None:
            if decided is None:
                return
            chosen = find_person(self.store, decided.decider) if decided.decider else decider
            if chosen is None:
                self.app.notify(f"{decided.decider!r} names nobody of the project (or several)",
                                title="Not changed", severity="warning")  # fmt: skip
                return
            self._step(
                lambda: approve(
                    self.store,
                    key,
                    decider=chosen,
                    why=decided.rationale,
                    apply_schedule=decided.apply_schedule,
                    new_baseline=decided.new_baseline,
                    apply_cost=decided.apply_cost,
                ),
                f"Approved {key}",
            )

        self.app.push_screen(
            DecisionModal(
                f"Approve {key}?",
                lines,
                schedule=schedule,
                baseline=True,
                decider=name,
                cost=cost_option,
            ),
            answered,
        )

    def action_reject(self) -> None:
        change = self._chosen_change()
        if change is None or self._refused(change, "rejected"):
            return
        key = str(change["key"])
        decider = default_decider(self.store, self.store.project, change)

        def answered(decided: Decided | None) -> None:
            if decided is not None:
                self._step(
                    lambda: reject(self.store, key, decider=decider, why=decided.rationale),
                    f"Rejected {key}",
                )

        lines = [str(change.get("title")), f"Impact: {impact_text(change)}"]
        self.app.push_screen(
            DecisionModal(f"Reject {key}?", lines, rationale_required=True), answered
        )

    def _move(self, wanted: str, verb: str) -> None:
        change = self._chosen_change()
        if change is None or self._refused(change, wanted):
            return
        key = str(change["key"])
        by = default_decider(self.store, self.store.project, change)
        fields = {"decided_by": by} if wanted == "under review" and by else None
        self._step(lambda: move(self.store, key, wanted, by=by, fields=fields), f"{verb} {key}")

    def action_review(self) -> None:
        self._move("under review", "Under review:")

    def action_withdraw(self) -> None:
        self._move("withdrawn", "Withdrawn:")

    def action_implemented(self) -> None:
        self._move("implemented", "Implemented:")
