"""The Plan area's Gantt board: the WBS rows as bars in time, with the chosen task's links."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Static

from pmtui import planning
from pmtui.boards.base import Board, Chosen
from pmtui.boards.keys import record_edit
from pmtui.boards.plan.wbs import days
from pmtui.domain.links import ScheduleError, format_links
from pmtui.widgets.gantt import Gantt, GanttRow


def running_task(plan: planning.Plan, today: date) -> planning.PlannedTask | None:
    """The task to open on: the first (in WBS order) of the tasks running today, else the
    next to start, else None; summaries only when no leaf qualifies."""
    tasks = sorted(plan.tasks, key=lambda t: t.summary)  # stable: leaves first, WBS order
    running = [t for t in tasks if t.start <= today <= t.finish and not t.milestone]
    ahead = sorted((t for t in tasks if t.start > today), key=lambda t: (t.start, t.summary))
    found = running or ahead
    return found[0] if found else None


def gantt_rows(plan: planning.Plan) -> list[GanttRow]:
    """One row per task in WBS order, labelled as the WBS board shows it."""
    rows: list[GanttRow] = []
    for task in plan.tasks:
        rows.append(
            GanttRow(
                key=task.key,
                label="  " * task.depth + f"{task.key} {task.title}",
                start=task.start,
                finish=task.finish,
                summary=task.summary,
                milestone=task.milestone,
                critical=task.critical,
                baseline_start=task.baseline_start,
                baseline_finish=task.baseline_finish,
                predecessors=tuple(link.predecessor for link in task.links),
                successors=task.successors,
                progress=task.percent_complete,
            )
        )
    return rows


class GanttBoard(Board):
    """Bars on a day/week/month scale; critical tasks in the critical colour, baselines under."""

    DEFAULT_CSS = """
    GanttBoard #gantt-info { height: 2; padding: 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        record_edit(),
    ]

    def compose(self) -> ComposeResult:
        yield Gantt(id="gantt")
        yield Static("", id="gantt-info")

    @property
    def gantt(self) -> Gantt:
        """The chart."""
        return self.query_one(Gantt)

    def on_mount(self) -> None:
        self.refresh_data()
        self.gantt.focus()

    def refresh_data(self) -> None:
        try:
            self.plan: planning.Plan | None = planning.shared_plan(self.store.read_context())
        except (ScheduleError, KeyError) as error:
            self.plan = None
            self.gantt.set_rows([], self.store.today)
            self.query_one("#gantt-info", Static).update(f"Cannot schedule: {error}")
            return
        today = self.store.today
        opening = self.gantt.cursor_key is None  # the first time: open on today's work
        task = running_task(self.plan, today) if opening else None
        start = min(task.start, today) if task is not None else self.plan.start
        self.gantt.set_rows(gantt_rows(self.plan), today, start=start)
        if task is not None:
            self.gantt.move_to_key(task.key)
        self._describe(self.gantt.cursor_key)

    def focus_record(self, table: str, key: str) -> bool:
        found = table == "tasks" and self.gantt.move_to_key(key)
        self.gantt.focus()
        return found

    def _describe(self, key: str | None) -> None:
        info = self.query_one("#gantt-info", Static)
        plan = self.plan
        if plan is None or key is None or key not in plan.by_key:
            info.update(f"{self.gantt.scale} scale from {self.gantt.first_day}")
            return
        task = plan.by_key[key]
        state = "critical" if task.critical else f"float {days(task.times.total_float)}"
        slip = ""
        if task.variance is not None and task.variance.finish_slip:
            slip = f" · slip {days(task.variance.finish_slip, signed=True)}"
        first = f"{task.key} {task.title}: {task.start} → {task.finish} · {state}{slip}"
        done = f"{task.percent_complete:g} % done · " if not task.milestone else ""
        before = format_links(task.links) or "none"
        after = ", ".join(task.successors) or "none"
        info.update(f"{first}\n{done}← waits for {before} · → then {after}")

    @on(Gantt.RowHighlighted)
    def _moved(self, event: Gantt.RowHighlighted) -> None:
        self._describe(event.key)

    @on(Gantt.WindowChanged)
    def _window(self, event: Gantt.WindowChanged) -> None:
        self._describe(self.gantt.cursor_key)

    @on(Gantt.RowSelected)
    def _open(self, event: Gantt.RowSelected) -> None:
        event.stop()
        self.edit_record("tasks", event.key)

    def chosen(self) -> Chosen | None:
        key = self.gantt.cursor_key
        return Chosen("tasks", key) if key is not None else None
