"""The Plan area's WBS board: the task tree with rolled-up figures, float and baseline variance."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Static

from pmtui import planning
from pmtui.boards.base import NewRecord
from pmtui.boards.keys import command
from pmtui.boards.registry import BoardSpec
from pmtui.boards.table import TableBoard
from pmtui.domain.links import ScheduleError
from pmtui.domain.schedule import Variance
from pmtui.screens.record_form import RecordForm
from pmtui.store import Store
from pmtui.tables import record_type
from pmtui.widgets.list_filter import ListFilter
from pmtui.widgets.record_table import Column, RecordTable


def days(value: float | None, signed: bool = False) -> str:
    """Working days as people read them: 3d, 2.5d, +2d."""
    if value is None:
        return ""
    rounded = round(value, 1)
    text = f"{rounded:g}d"
    return f"+{text}" if signed and rounded > 0 else text


def money(value: float | None) -> str:
    """Whole units with separators, for narrow columns."""
    return "" if value is None else f"{value:,.0f}"


def _float_style(text: str) -> str | None:
    return "record-table--bad" if text == "0d" else None


def _slip_style(text: str) -> str | None:
    if text.startswith("+"):
        return "record-table--bad"
    if text.startswith("-"):
        return "record-table--good"
    return None


PLAN_COLUMNS = [
    Column("key", "Key", 4),
    Column("task", "Task", 22),
    Column("duration", "Dur", 5, "right"),
    Column("start", "Start", 10),
    Column("finish", "Finish", 10),
    Column("budget", "Budget", 9, "right"),
    Column("percent", "%", 4, "right"),
    Column("float", "Float", 5, "right", style_of=_float_style),
]
VARIANCE_COLUMNS = [
    Column("key", "Key", 4),
    Column("task", "Task", 22),
    Column("finish", "Finish", 10),
    Column("baseline", "Baseline", 10),
    Column("slip", "Slip", 6, "right", style_of=_slip_style),
    Column("duration", "Dur Δ", 5, "right", style_of=_slip_style),
    Column("budget", "Budget Δ", 10, "right", style_of=_slip_style),
]


def _variance_cells(variance: Variance | None) -> tuple[str, str, str]:
    if variance is None:
        return ("", "", "")
    if not variance.in_baseline:
        return ("new", "", "")
    # Blank where nothing changed, so the slips stand out.
    budget = variance.budget_change
    budget_text = "" if not budget or abs(budget) < 0.5 else f"{budget:+,.0f}"
    return (
        days(variance.finish_slip or None, signed=True),
        days(variance.duration_change or None, signed=True),
        budget_text,
    )


class WbsBoard(TableBoard):
    """Tasks as a tree: space folds, > < indent and outdent, K J reorder, B saves a baseline,
    v shows the variance against a baseline and b picks an older one."""

    DEFAULT_CSS = """
    WbsBoard #plan-summary { height: 1; color: $text-muted; padding: 0 1; }
    WbsBoard #plan-summary.problem { color: $error; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        command("space", "fold", "Fold", "plan: Fold or unfold task", id="wbs-toggle"),
        command(
            "greater_than_sign",
            "reshape('indent')",
            "Indent",
            "plan: Indent task",
            id="wbs-indent",
            key_display=">",
        ),
        command(
            "less_than_sign",
            "reshape('outdent')",
            "Outdent",
            "plan: Outdent task",
            id="wbs-outdent",
            key_display="<",
        ),
        command("K", "reshape('up')", "Up", "plan: Move task up", id="wbs-move-up", show=False),
        command(
            "J", "reshape('down')", "Down", "plan: Move task down", id="wbs-move-down", show=False
        ),
        command("B", "save_baseline", "Baseline", "plan: Save baseline", id="wbs-save-baseline"),
        command("v", "variance", "Variance", "plan: Show variance", id="wbs-variance"),
        command(
            "b",
            "older_baseline",
            "Older",
            "plan: Compare with older baseline",
            id="wbs-older-baseline",
            show=False,
        ),
    ]

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        self.folded: set[str] = set()
        self.variance = False
        #: The baseline compared against (key); None means the latest.
        self.baseline_key: str | None = None
        self.plan: planning.Plan | None = None
        self._parents: dict[str, str | None] = {}
        # key -> (the planned task, folded, variance, its cells): a plan carried over an
        # edit keeps every other task's object, so only the edited row is worked out again.
        self._drawn: dict[str, tuple[object, bool, bool, list[str]]] = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="plan-summary")
        yield ListFilter(id="filter")
        yield RecordTable(id="table")

    # ------------------------------------------------ reading

    def refresh_data(self) -> None:
        summary = self.query_one("#plan-summary", Static)
        try:
            self.plan = self._plan()
        except (ScheduleError, KeyError) as error:
            self.plan = None
            self.baseline_key = None
            summary.update(f"Cannot schedule: {error}")
            summary.add_class("problem")
            self._show_unscheduled(self.store.records("tasks"))
            return
        summary.remove_class("problem")
        summary.update(self._summary_text(self.plan))
        self._parents = {t.key: t.record.get("parent") for t in self.plan.tasks}
        rows = [
            (task.key, self._cells(task)) for task in self.plan.tasks if not self._hidden(task.key)
        ]
        self.table.set_data(VARIANCE_COLUMNS if self.variance else PLAN_COLUMNS, rows)

    def _plan(self) -> planning.Plan:
        store = self.store
        try:
            return planning.shared_plan(store.read_context(), self.baseline_key)
        except KeyError:  # the baseline compared with was deleted (or undone): use the latest
            self.baseline_key = None
            return planning.shared_plan(store.read_context())

    def _summary_text(self, plan: planning.Plan) -> str:
        if not plan.tasks:
            return "No tasks yet: a adds one, > indents it under the task above."
        critical = sum(1 for t in plan.tasks if t.critical and not t.summary)
        text = (
            f"{plan.start} → {plan.finish} · {plan.duration:g} working days · {critical} critical"
        )
        baseline = plan.baseline
        if baseline is None:
            return text + " · no baseline (B saves one)"
        name = f"{baseline['key']} {baseline.get('name', '')} ({baseline.get('date')})"
        return text + (f" · vs {name}" if self.variance else f" · baseline {name}")

    def _hidden(self, key: str) -> bool:
        if not self.folded:
            return False
        parent = self._parents.get(key)
        seen: set[str] = set()
        while parent and parent not in seen:
            if parent in self.folded:
                return True
            seen.add(parent)
            parent = self._parents.get(parent)
        return False

    def _cells(self, task: planning.PlannedTask) -> list[str]:
        folded = task.key in self.folded
        drawn = self._drawn.get(task.key)
        if drawn is not None and drawn[0] is task and drawn[1:3] == (folded, self.variance):
            return drawn[3]
        cells = self._work_out_cells(task)
        self._drawn[task.key] = (task, folded, self.variance, cells)
        return cells

    def _work_out_cells(self, task: planning.PlannedTask) -> list[str]:
        if task.summary:
            marker = "▸ " if task.key in self.folded else "▾ "
        elif task.milestone:
            marker = "◆ "
        else:
            marker = "  "
        title = "  " * task.depth + marker + task.title
        if self.variance:
            slip, duration, budget = _variance_cells(task.variance)
            baseline = str(task.baseline_finish or "")
            return [task.key, title, str(task.finish), baseline, slip, duration, budget]
        return [
            task.key,
            title,
            days(task.duration),
            str(task.start),
            str(task.finish),
            money(task.budget),
            f"{task.percent_complete:.0f}",
            days(task.times.total_float),
        ]

    def _show_unscheduled(self, records: list[dict[str, object]]) -> None:
        rows = [
            (str(r["key"]), [str(r["key"]), str(r.get("title", "")), "", "", "", "", "", ""])
            for r in records
        ]
        self.table.set_data(PLAN_COLUMNS, rows)

    def focus_record(self, table: str, key: str) -> bool:
        if table != "tasks":
            return False
        parent = self._parents.get(key)
        unfolded = False
        while parent:  # unfold the way to it
            unfolded |= parent in self.folded
            self.folded.discard(parent)
            parent = self._parents.get(parent)
        if unfolded or key not in self._parents:  # else its row is on show already
            self.refresh_data()
        return super().focus_record(table, key)

    # ------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("fold", "reshape"):
            return self.is_mounted and self.table.cursor_row_key is not None
        if action == "older_baseline":
            return self.plan is not None and self.plan.baseline is not None
        return super().check_action(action, parameters)

    def new_record(self) -> NewRecord:
        """A task beside the one under the cursor (under the same parent)."""
        key = self.table.cursor_row_key
        parent = self._parents.get(key) if key else None
        return NewRecord("tasks", {"parent": parent} if parent else None)

    def action_fold(self) -> None:
        key = self.table.cursor_row_key
        if key is None or self.plan is None or not self.plan.by_key[key].summary:
            return
        self.folded ^= {key}
        self.refresh_data()

    def action_reshape(self, how: str) -> None:
        key = self.table.cursor_row_key
        if key is None:
            return
        try:
            planning.outline_changes(self.store.records("tasks"), key, how)
        except ValueError as error:
            self.app.notify(str(error), severity="warning", timeout=4)
            return
        title = (self.store.get("tasks", key) or {}).get("title") or key
        self.save(lambda: planning.move_in_outline(self.store, key, how), f"Moved {title}")
        self.refresh_data()
        self.table.move_to_key(key)

    def action_variance(self) -> None:
        self.variance = not self.variance
        self.refresh_data()

    def action_older_baseline(self) -> None:
        """Compare with the baseline before the one compared now (wrapping to the latest)."""
        found = planning.baselines(self.store)
        if not found or self.plan is None or self.plan.baseline is None:
            return
        keys = [str(b["key"]) for b in found]
        index = keys.index(str(self.plan.baseline["key"]))
        self.baseline_key = keys[index - 1] if index > 0 else None
        self.variance = True
        self.refresh_data()
        shown = self.plan.baseline if self.plan else None
        if shown is not None:
            said = f"Comparing with {shown.get('name') or shown['key']}"
            self.app.notify(said, timeout=3, markup=False)

    def action_save_baseline(self) -> None:
        rt = record_type("baselines")
        fields = [f for f in rt.input_fields if f.name != "key"]
        values = {"date": self.store.today.isoformat()}

        def done(typed: dict[str, str] | None) -> None:
            if typed is None:
                return
            saved = self.save(
                lambda: planning.save_baseline(
                    self.store, typed["name"], typed.get("date", ""), typed.get("note", "")
                ),
                f"Saved baseline {typed['name']}",
            )
            if saved is not None:
                self.baseline_key = None
                self.refresh_data()

        self.app.push_screen(
            RecordForm(
                "Save baseline",
                fields,
                values,
                lambda typed: self._errors("baselines", typed, None),
            ),
            done,
        )
