"""The schedule service: task records in, a dated and rolled-up plan with variance out.

Below the UI and free of the clock: boards, the CLI and the tasks' computed columns all
ask here, so they show the same dates. Store records go to the domain's TaskInput,
working-day offsets come back as dates of the project calendar (offset 0 is the first
working day on or after the project start).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pmtui.domain.calendar import WorkCalendar
from pmtui.domain.links import Link, TaskNetwork, build_network
from pmtui.domain.schedule import (
    BaselineEntry,
    Forecast,
    Progress,
    TaskInput,
    TaskTimes,
    Variance,
    baseline_variance,
    compute_schedule,
    forecast,
    offset_to_dates,
    rollup,
)
from pmtui.planning.network import as_date, project_calendar, task_inputs
from pmtui.planning.wbs import outline

Record = dict[str, Any]


@dataclass(slots=True)  # not frozen: a frozen init costs a third of building a 10k plan
class PlannedTask:
    """One task as the boards and the CLI show it: network times and dates, roll-ups and the
    variance against the baseline being compared (the progress forecast is Plan.forecast)."""

    key: str
    title: str
    record: Record
    depth: int
    wbs: str
    children: tuple[str, ...]
    times: TaskTimes
    duration: float  # a leaf's own; a summary's span in working days
    start: date
    finish: date
    budget: float | None  # rolled up for a summary
    percent_complete: float  # duration-weighted for a summary
    links: tuple[Link, ...]
    successors: tuple[str, ...]
    variance: Variance | None
    baseline_start: date | None
    baseline_finish: date | None

    @property
    def summary(self) -> bool:
        """Whether the task has children."""
        return bool(self.children)

    @property
    def milestone(self) -> bool:
        """A leaf of 0 days."""
        return self.times.milestone

    @property
    def critical(self) -> bool:
        """On the critical path."""
        return self.times.critical


@dataclass
class Plan:
    """The scheduled project: its span and every task in WBS order."""

    start: date
    finish: date
    duration: float
    today: date
    calendar: WorkCalendar
    tasks: list[PlannedTask]
    by_key: dict[str, PlannedTask]
    #: The baseline compared against (None when there is none).
    baseline: Record | None
    _inputs: list[TaskInput] = field(default_factory=list, repr=False)
    _progress: dict[str, Progress] = field(default_factory=dict, repr=False)
    _forecasts: dict[str, Forecast] | None = field(default=None, repr=False)
    #: The checked network the schedule was worked out on (the forecast walks it again).
    _network: TaskNetwork | None = field(default=None, repr=False)
    #: Working-day offset -> date, as worked out so far (many tasks share a day).
    _dates: dict[int, date] = field(default_factory=dict, repr=False)

    def date_at(self, offset: int) -> date:
        """The date of working day `offset` of the project."""
        found = self._dates.get(offset)
        if found is None:
            found = self._dates[offset] = self.calendar.date_at(self.start, offset)
        return found

    def forecast(self, key: str) -> tuple[date, date]:
        """A task's forecast start and finish from progress as of `today` (worked out once,
        on first use: boards that show no forecast do not pay for it)."""
        if self._forecasts is None:
            self._forecasts = forecast(
                self._inputs,
                self._progress,
                self.today,
                lambda day: self.calendar.offset_of(self.start, day),
                self.date_at,
                self._network,
            )
        found = self._forecasts[key]
        return found.forecast_start, found.forecast_finish


#: The task fields build_plan reads (with network.task_inputs and wbs.outline) beyond the
#: title it copies: an edit of tasks touching none of them leaves every date, roll-up and
#: variance as it was, and the plan is carried over (carry_plan) instead of rebuilt.
PLAN_FIELDS = frozenset(
    {
        "key",
        "parent",
        "predecessors",
        "duration",
        "start_no_earlier_than",
        "order",
        "percent_complete",
        "actual_start",
        "actual_finish",
        "budget",
    }
)


def carry_plan(plan: Plan, changes: Sequence[Any]) -> Plan | None:
    """`plan` with the records `changes` (pmtui.changes.Change) edited, when they are edits
    of tasks that touch no field in PLAN_FIELDS (a title, notes, an owner, a status); None
    when any change may move the schedule (or adds, deletes or touches another table)."""
    edited: dict[str, Record] = {}
    for change in changes:
        if change.table != "tasks" or change.before is None or change.after is None:
            return None
        if change.key != change.original_key or change.key not in plan.by_key:
            return None
        if not PLAN_FIELDS.isdisjoint(change.changed_fields()):
            return None
        edited[change.key] = change.after
    tasks = [
        dataclasses.replace(
            task, title=str(edited[task.key].get("title") or ""), record=dict(edited[task.key])
        )
        if task.key in edited
        else task
        for task in plan.tasks
    ]
    return dataclasses.replace(plan, tasks=tasks, by_key={task.key: task for task in tasks})


def build_plan(
    records: Sequence[Mapping[str, Any]],
    project: Mapping[str, Any],
    today: date,
    baseline: Record | None = None,
    baseline_rows: Sequence[Mapping[str, Any]] = (),
) -> Plan:
    """Schedule the task records; raises ScheduleError when they cannot be scheduled."""
    calendar = project_calendar(project)
    start = calendar.next_working(as_date(project.get("start")) or today)
    inputs = task_inputs(records, calendar, start)
    network = build_network(inputs)  # once, for the schedule, the roll-ups and the forecast
    schedule = compute_schedule(inputs, network)
    known_dates: dict[int, date] = {}  # many tasks share a day; each is worked out once

    def date_at(offset: int) -> date:
        found = known_dates.get(offset)
        if found is None:
            found = known_dates[offset] = calendar.date_at(start, offset)
        return found

    progress = {
        str(r["key"]): Progress(
            float(r.get("percent_complete") or 0),
            as_date(r.get("actual_start")),
            as_date(r.get("actual_finish")),
        )
        for r in records
    }
    rolled = rollup(
        inputs,
        {str(r["key"]): _money(r.get("budget")) for r in records},
        {str(r["key"]): float(r.get("percent_complete") or 0) for r in records},
        network,
    )
    by_input = {task.key: task for task in inputs}
    successors: dict[str, list[str]] = {}
    for task in inputs:
        for link in task.links:
            successors.setdefault(link.predecessor, []).append(task.key)
    current: dict[str, BaselineEntry] = {}
    dates: dict[str, tuple[date, date]] = {}
    for task in inputs:
        times = schedule.tasks[task.key]
        dates[task.key] = offset_to_dates(times, date_at)
        current[task.key] = {
            "start": dates[task.key][0],
            "finish": dates[task.key][1],
            "duration": times.ef - times.es if times.summary else task.duration,
            "budget": rolled[task.key].budget,
        }
    then: dict[str, BaselineEntry] = {
        str(row.get("task")): {
            "start": row.get("start"),
            "finish": row.get("finish"),
            "duration": row.get("duration"),
            "budget": row.get("budget"),
        }
        for row in baseline_rows
    }
    variances = baseline_variance(current, then, calendar.working_days_between) if baseline else {}
    planned: list[PlannedTask] = []
    by_record = {str(r["key"]): r for r in records}
    for row in outline(records):
        record = by_record[row.key]
        times = schedule.tasks[row.key]
        first, last = dates[row.key]
        seen = then.get(row.key)
        planned.append(
            PlannedTask(
                key=row.key,
                title=str(record.get("title") or ""),
                record=dict(record),
                depth=row.depth,
                wbs=row.wbs,
                children=row.children,
                times=times,
                duration=float(current[row.key]["duration"] or 0),
                start=first,
                finish=last,
                budget=rolled[row.key].budget,
                percent_complete=rolled[row.key].percent_complete,
                links=by_input[row.key].links,
                successors=tuple(successors.get(row.key, ())),
                variance=variances.get(row.key),
                baseline_start=as_date(seen.get("start")) if seen else None,
                baseline_finish=as_date(seen.get("finish")) if seen else None,
            )
        )
    last_day = max(0, math.ceil(schedule.duration - 1e-9) - 1)
    return Plan(
        start=start,
        finish=date_at(last_day),
        duration=schedule.duration,
        today=today,
        calendar=calendar,
        tasks=planned,
        by_key={task.key: task for task in planned},
        baseline=baseline,
        _inputs=inputs,
        _progress=progress,
        _network=network,
        _dates=known_dates,
    )


def _money(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


# ---------------------------------------------------------------- shapes for others


def schedule_json(plan: Plan) -> dict[str, Any]:
    """`pmtui schedule --json`, as CONTRACT.md has it (offsets unrounded)."""
    return {
        "project": {
            "start": plan.start.isoformat(),
            "finish": plan.finish.isoformat(),
            "duration": plan.duration,
        },
        "tasks": [
            {
                "key": task.key,
                "title": task.title,
                "duration": task.duration,
                "es": task.times.es,
                "ef": task.times.ef,
                "ls": task.times.ls,
                "lf": task.times.lf,
                "total_float": task.times.total_float,
                "free_float": task.times.free_float,
                "critical": task.times.critical,
                "start": task.start.isoformat(),
                "finish": task.finish.isoformat(),
            }
            for task in plan.tasks
        ],
    }
