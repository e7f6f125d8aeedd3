"""The schedule service: task records in, a dated and rolled-up plan with variance out.

Below the UI and free of the clock: boards, the CLI and the tasks' computed columns all
ask here, so they show the same dates. Store records go to the domain's TaskInput,
working-day offsets come back as dates of the project calendar (offset 0 is the first
working day on or after the project start).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from pmtui.domain.calendar import WorkCalendar
from pmtui.domain.links import Link, ScheduleError, build_network, parse_links
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
from pmtui.kinds import WEEKDAY_NAMES
from pmtui.schema import Reader

if TYPE_CHECKING:
    from pmtui.store import Store

Record = dict[str, Any]


# ---------------------------------------------------------------- records -> domain


def project_calendar(project: Mapping[str, Any]) -> WorkCalendar:
    """The project's working calendar from its settings (as the store's parse context has it)."""
    weekends = [WEEKDAY_NAMES.index(d) for d in project.get("weekends", ["sat", "sun"])]
    return WorkCalendar.from_settings(
        str(project.get("calendar") or "workdays"),
        weekends=weekends,
        holidays=list(project.get("holidays") or []),
    )


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def task_links(record: Mapping[str, Any]) -> list[Link]:
    """A task's stored predecessor texts as links (a damaged text is skipped)."""
    links: list[Link] = []
    for text in record.get("predecessors") or []:
        try:
            links += parse_links(str(text))
        except ValueError:
            continue
    return links


def task_inputs(
    records: Sequence[Mapping[str, Any]],
    calendar: WorkCalendar | None = None,
    start: date | None = None,
) -> list[TaskInput]:
    """The scheduler's view of task records; start-no-earlier-than needs calendar and start."""
    inputs: list[TaskInput] = []
    for record in records:
        # A record being checked before it is added has no key yet; nothing refers to it.
        key = str(record.get("key") or "(new task)")
        floor: float | None = None
        snet = _as_date(record.get("start_no_earlier_than"))
        if snet is not None and calendar is not None and start is not None:
            floor = float(calendar.offset_of(start, snet))
        parent = record.get("parent")
        inputs.append(
            TaskInput(
                key,
                float(record.get("duration") or 0),
                tuple(task_links(record)),
                str(parent) if parent else None,
                floor,
            )
        )
    return inputs


def network_problem(records: Sequence[Mapping[str, Any]]) -> tuple[str, tuple[str, ...]] | None:
    """Why these tasks cannot be scheduled (message, keys at fault), or None if they can.

    References to tasks that are not there are left to the store's reference check (while
    a key is renamed, its referrers still name the old key for a moment)."""
    inputs = task_inputs(records)
    keys = {task.key for task in inputs}
    known = [
        replace(
            task,
            links=tuple(link for link in task.links if link.predecessor in keys),
            parent=task.parent if task.parent in keys else None,
        )
        for task in inputs
    ]
    try:
        build_network(known)
    except ScheduleError as error:
        return str(error), error.keys
    return None


# ---------------------------------------------------------------- the tree


@dataclass(frozen=True)
class OutlineRow:
    """A task's place in the WBS: depth (0 at the top), outline number and children."""

    key: str
    depth: int
    wbs: str
    children: tuple[str, ...]


def _order_key(record: Mapping[str, Any], position: int) -> tuple[float, int]:
    order = record.get("order")
    return (float(order) if isinstance(order, (int, float)) else math.inf, position)


def outline(records: Sequence[Mapping[str, Any]]) -> list[OutlineRow]:
    """Tasks in WBS order: each parent before its children, siblings by `order` then by
    when they were added. A task whose parent is missing (or in a cycle) is put at the top."""
    keys = {str(r["key"]) for r in records}
    children: dict[str | None, list[tuple[tuple[float, int], str]]] = {}
    for position, record in enumerate(records):
        parent = record.get("parent")
        where = str(parent) if parent and str(parent) in keys else None
        children.setdefault(where, []).append((_order_key(record, position), str(record["key"])))
    for items in children.values():
        items.sort()
    rows: list[OutlineRow] = []
    placed: set[str] = set()

    def walk(parent: str | None, depth: int, prefix: str) -> None:
        # Iterative over siblings, recursive over depth (a WBS is a few levels deep).
        for number, (_, key) in enumerate(children.get(parent, []), start=1):
            if key in placed:
                continue
            placed.add(key)
            kids = tuple(k for _, k in children.get(key, []))
            wbs = f"{prefix}{number}"
            rows.append(OutlineRow(key, depth, wbs, kids))
            walk(key, depth + 1, wbs + ".")

    walk(None, 0, "")
    top = len(children.get(None, []))
    for record in records:  # tasks only reachable through a parent cycle
        key = str(record["key"])
        if key not in placed:
            top += 1
            placed.add(key)
            rows.append(OutlineRow(key, 0, str(top), ()))
    return rows


OUTLINE_MOVES = ("up", "down", "indent", "outdent")


def outline_changes(
    records: Sequence[Mapping[str, Any]], key: str, how: str
) -> dict[str, dict[str, Any]]:
    """The fields to change so that task `key` moves `how` in the WBS: "up"/"down" among its
    siblings, "indent" under the sibling above it, "outdent" to just after its parent.
    Siblings whose position changes get an explicit `order` (1, 2, ...). Raises ValueError
    saying why a move is not possible."""
    rows = outline(records)
    by_key = {str(r["key"]): r for r in records}
    if key not in by_key:
        raise ValueError(f"no task {key}")
    children = {row.key: list(row.children) for row in rows}
    top = [row.key for row in rows if row.depth == 0]
    parent_of: dict[str, str | None] = {row.key: None for row in rows if row.depth == 0}
    for row in rows:
        for child in row.children:
            parent_of[child] = row.key
    parent = parent_of.get(key)
    siblings = children[parent] if parent is not None else top
    index = siblings.index(key)
    changes: dict[str, dict[str, Any]] = {}

    def renumber(keys: list[str]) -> None:
        for number, item in enumerate(keys, start=1):
            if by_key[item].get("order") != number or item == key:
                changes.setdefault(item, {})["order"] = number

    if how in ("up", "down"):
        other = index - 1 if how == "up" else index + 1
        if not 0 <= other < len(siblings):
            where = "first" if how == "up" else "last"
            raise ValueError(f"{key} is already the {where} at its level")
        siblings[index], siblings[other] = siblings[other], siblings[index]
        renumber(siblings)
    elif how == "indent":
        if index == 0:
            raise ValueError(f"no task above {key} at its level to indent it under")
        new_parent = siblings[index - 1]
        renumber([*children[new_parent], key])
        changes[key]["parent"] = new_parent
    elif how == "outdent":
        if parent is None:
            raise ValueError(f"{key} is already at the top level")
        grandparent = parent_of.get(parent)
        level = [k for k in (children[grandparent] if grandparent else top)]
        level.insert(level.index(parent) + 1, key)
        renumber(level)
        changes[key]["parent"] = grandparent
    else:
        raise ValueError(f"unknown move {how!r}; use one of {', '.join(OUTLINE_MOVES)}")
    return changes


def move_in_outline(store: Store, key: str, how: str) -> None:
    """Apply outline_changes as one undoable step; the store's rules refuse a move that
    would link a summary with its own tasks (a task cannot wait for its own phase)."""
    from pmtui.store import Change

    with store.transaction(f"{how} task {key}"):
        for changed, fields in outline_changes(store.records("tasks"), key, how).items():
            record = store.require("tasks", changed)
            after = {**record, **fields}
            store.stage(Change("tasks", record, {k: v for k, v in after.items() if v is not None}))


# ---------------------------------------------------------------- the plan


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

    def date_at(self, offset: int) -> date:
        """The date of working day `offset` of the project."""
        return self.calendar.date_at(self.start, offset)

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
            )
        found = self._forecasts[key]
        return found.forecast_start, found.forecast_finish


def build_plan(
    records: Sequence[Mapping[str, Any]],
    project: Mapping[str, Any],
    today: date,
    baseline: Record | None = None,
    baseline_rows: Sequence[Mapping[str, Any]] = (),
) -> Plan:
    """Schedule the task records; raises ScheduleError when they cannot be scheduled."""
    calendar = project_calendar(project)
    start = calendar.next_working(_as_date(project.get("start")) or today)
    inputs = task_inputs(records, calendar, start)
    schedule = compute_schedule(inputs)
    known_dates: dict[int, date] = {}  # many tasks share a day; each is worked out once

    def date_at(offset: int) -> date:
        found = known_dates.get(offset)
        if found is None:
            found = known_dates[offset] = calendar.date_at(start, offset)
        return found

    progress = {
        str(r["key"]): Progress(
            float(r.get("percent_complete") or 0),
            _as_date(r.get("actual_start")),
            _as_date(r.get("actual_finish")),
        )
        for r in records
    }
    rolled = rollup(
        inputs,
        {str(r["key"]): _money(r.get("budget")) for r in records},
        {str(r["key"]): float(r.get("percent_complete") or 0) for r in records},
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
                baseline_start=_as_date(seen.get("start")) if seen else None,
                baseline_finish=_as_date(seen.get("finish")) if seen else None,
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
    )


def _money(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


# ---------------------------------------------------------------- baselines


def baselines(reader: Reader) -> list[Record]:
    """Every baseline, oldest first (by date, then by when it was saved)."""
    found = reader.records("baselines")
    return [r for _, r in sorted(enumerate(found), key=lambda p: (str(p[1].get("date")), p[0]))]


def choose_baseline(reader: Reader, wanted: str | None = None) -> Record | None:
    """The baseline with key or name `wanted`, else the latest; None if there is none.

    Raises KeyError naming the baselines when `wanted` matches none."""
    found = baselines(reader)
    if wanted is None:
        return found[-1] if found else None
    for record in reversed(found):
        if wanted in (record.get("key"), record.get("name")):
            return record
    lowered = wanted.strip().casefold()
    for record in reversed(found):
        if str(record.get("name", "")).casefold() == lowered:
            return record
    names = ", ".join(f"{r['key']} ({r.get('name')})" for r in found) or "none saved yet"
    raise KeyError(f"no baseline {wanted!r}; baselines: {names}")


def plan_of(
    reader: Reader, project: Mapping[str, Any], today: date, baseline: str | None = None
) -> Plan:
    """The plan of a project, compared with baseline `baseline` (key or name; default the
    latest). Raises ScheduleError (tasks) or KeyError (no such baseline)."""
    chosen = choose_baseline(reader, baseline)
    rows: list[Record] = []
    if chosen is not None:
        rows = [r for r in reader.records("baseline_tasks") if r.get("baseline") == chosen["key"]]
    return build_plan(reader.records("tasks"), project, today, chosen, rows)


def snapshot(plan: Plan) -> list[Record]:
    """The rows a new baseline stores (without keys): one per task, dates as ISO text."""
    return [
        {
            "task": task.key,
            "start": task.start.isoformat(),
            "finish": task.finish.isoformat(),
            "duration": task.duration,
            "budget": task.budget,
        }
        for task in plan.tasks
    ]


def save_baseline(store: Store, name: str, when: str = "", note: str = "") -> Record:
    """Save the plan as it is now as a new baseline, as one undoable step, and set every
    milestone's baseline due to the date the plan now shows for it (the planned finish of
    its linked tasks, else its due). Returns the baseline record."""
    from pmtui.store import Change  # records import this module; the store comes later

    with store.transaction(f"save baseline {name}"):
        plan = plan_of(store, store.project, store.today)
        record = store.add("baselines", {"name": name, "date": when, "note": note})
        for row in snapshot(plan):
            values = {k: v for k, v in row.items() if v is not None}
            key = store.next_key("baseline_tasks")
            added = {"key": key, "baseline": record["key"], **values}
            store.stage(Change("baseline_tasks", None, added, generated_key=True))
        for milestone in store.records("milestones"):
            shown = milestone_planned(plan, milestone)
            due = shown.isoformat() if shown else milestone.get("due")
            if due and due != milestone.get("baseline_due"):
                store.update("milestones", str(milestone["key"]), {"baseline_due": due})
    return record


def milestone_planned(plan: Plan, milestone: Mapping[str, Any]) -> date | None:
    """The latest planned (network) finish of a milestone's linked tasks (None without any)."""
    finishes = [
        plan.by_key[str(k)].finish for k in milestone.get("tasks") or [] if str(k) in plan.by_key
    ]
    return max(finishes) if finishes else None


def milestone_forecast(plan: Plan, milestone: Mapping[str, Any]) -> date | None:
    """The latest forecast finish of a milestone's linked tasks (None without any)."""
    finishes = [
        plan.forecast(str(k))[1] for k in milestone.get("tasks") or [] if str(k) in plan.by_key
    ]
    return max(finishes) if finishes else None


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


def computed_task_fields(
    records: list[Record], project: Mapping[str, Any], today: date | None = None
) -> dict[str, dict[str, Any]]:
    """The tasks' computed columns (RecordType.compute); nothing when they cannot be scheduled."""
    from pmtui import clock  # the one place that reads the clock; compute gets no today

    when = today or clock.today(project.get("time_zone"))
    try:
        plan = build_plan(records, project, when)
    except ScheduleError:
        return {}
    columns: dict[str, dict[str, Any]] = {}
    for task in plan.tasks:
        forecast_start, forecast_finish = plan.forecast(task.key)
        columns[task.key] = {
            "wbs": task.wbs,
            "start": task.start.isoformat(),
            "finish": task.finish.isoformat(),
            "total_float": task.times.total_float,
            "free_float": task.times.free_float,
            "critical": task.times.critical,
            "total_budget": task.budget,
            "total_percent": task.percent_complete,
            "forecast_start": forecast_start.isoformat(),
            "forecast_finish": forecast_finish.isoformat(),
        }
    return columns
