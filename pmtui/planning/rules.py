"""The Plan area's rules across records and computed fields (pmtui.tables attaches them).

The store enforces the rules for every way in (app, CLI, import): the tasks' links and
parents form no cycle (the message names the keys in it); a deliverable cannot be accepted
while one of its acceptance criteria is unmet, and a criterion of an accepted deliverable
stays met. Computed: the tasks' network dates, floats and roll-ups (a summary's duration,
percent and status from its tasks), the milestones' planned and forecast dates and slip.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from pmtui.context import Context
from pmtui.domain.links import ScheduleError
from pmtui.planning.network import as_date, network_problem
from pmtui.schema import Record

if TYPE_CHECKING:
    from pmtui.planning.plan import Plan, PlannedTask

Errors = dict[int, dict[str, str]]


# ---------------------------------------------------------------- rules across records


def task_rules(reader: Context, records: Sequence[Record]) -> Errors:
    """The whole table, as the change leaves it, must schedule: no cycle through links or
    parents, no link between a summary and its own tasks. One pass per change set."""
    problem = network_problem(reader.records("tasks"))
    if problem is None:
        return {}
    message, keys = problem
    field = "parent" if message.startswith("parent") else "predecessors"
    index = next((i for i, r in enumerate(records) if r.get("key") in keys), 0)
    return {index: {field: message}}


def _unmet_by_deliverable(reader: Context) -> dict[str, list[str]]:
    unmet: dict[str, list[str]] = {}
    for criterion in reader.records("acceptance_criteria"):
        if not criterion.get("met"):
            named = str(criterion.get("text") or criterion["key"])
            unmet.setdefault(str(criterion.get("deliverable")), []).append(named)
    return unmet


def deliverable_rules(reader: Context, records: Sequence[Record]) -> Errors:
    if not any(r.get("status") == "accepted" for r in records):
        return {}
    unmet = _unmet_by_deliverable(reader)
    errors: Errors = {}
    for index, record in enumerate(records):
        open_items = unmet.get(str(record.get("key")), [])
        if record.get("status") == "accepted" and open_items:
            shown = "; ".join(open_items)
            errors[index] = {
                "status": f"cannot be accepted while criteria are unmet ({shown}); "
                "mark them met or reject it"
            }
    return errors


def criterion_rules(reader: Context, records: Sequence[Record]) -> Errors:
    errors: Errors = {}
    for index, record in enumerate(records):
        if record.get("met"):
            continue
        deliverable = reader.get("deliverables", str(record.get("deliverable"))) or {}
        if deliverable.get("status") == "accepted":
            errors[index] = {
                "met": f"{deliverable['key']} is accepted, so its criteria stay met; "
                "set it back to submitted first"
            }
    return errors


# ---------------------------------------------------------------- computed fields


def plan_model(ctx: Context) -> Plan | None:
    """The plan of this revision against the latest baseline, built once and shared by
    every reader of the revision; None when the tasks cannot be scheduled."""

    # The scheduler loads with the first plan, not with the rules at start-up.
    from pmtui.planning.baseline import shared_plan

    try:
        return shared_plan(ctx)
    except (ScheduleError, KeyError):
        return None


def rolled_status(statuses: Sequence[str]) -> str:
    """A summary's status from its tasks': done when all are, not started when none has
    begun, else in progress."""
    if statuses and all(s == "done" for s in statuses):
        return "done"
    if all(s == "not started" for s in statuses):
        return "not started"
    return "in progress"


FORECAST_FIELDS = frozenset({"forecast_start", "forecast_finish"})


def task_columns(
    ctx: Context, records: Sequence[Record], fields: Collection[str] | None = None
) -> dict[str, dict[str, Any]]:
    """The tasks' computed columns; a summary also shows its rolled-up duration, percent
    complete and status (RecordType.shown_computed). Nothing when they cannot be scheduled.
    The forecast (a second pass over the network) is left out when `fields` names neither
    of its columns (`pmtui show tasks` prints none)."""
    plan = plan_model(ctx)
    if plan is None:
        return {}
    with_forecast = fields is None or not FORECAST_FIELDS.isdisjoint(fields)
    columns: dict[str, dict[str, Any]] = {}
    status: dict[str, str] = {}
    elapsed: dict[date, int] = {}  # many tasks start on the same day
    for task in reversed(plan.tasks):  # children come after their summary in WBS order
        columns[task.key] = {
            "wbs": task.wbs,
            "start": task.start.isoformat(),
            "finish": task.finish.isoformat(),
            "total_float": task.times.total_float,
            "free_float": task.times.free_float,
            "critical": task.times.critical,
            "total_budget": task.budget,
            "total_percent": task.percent_complete,
        }
        if with_forecast:
            forecast_start, forecast_finish = plan.forecast(task.key)
            columns[task.key]["forecast_start"] = forecast_start.isoformat()
            columns[task.key]["forecast_finish"] = forecast_finish.isoformat()
        columns[task.key]["planned_percent"] = planned_percent(plan, task, elapsed)
        if task.summary:
            status[task.key] = rolled_status([status[child] for child in task.children])
            columns[task.key].update(
                duration=task.duration,
                percent_complete=task.percent_complete,
                status=status[task.key],
            )
        else:
            status[task.key] = str(task.record.get("status") or "not started")
    return columns


def planned_percent(
    plan: Plan, task: PlannedTask, known: dict[date, int] | None = None
) -> float | None:
    """The share (0-100) of a leaf task's planned working days that lie before today;
    None for a summary or a task of no duration. `known`: working days from a start to
    today worked out so far (filled in here; one per start date, not one per task)."""
    if task.summary or task.duration <= 0:
        return None
    found = None if known is None else known.get(task.start)
    if found is None:
        found = plan.calendar.working_days_between(task.start, plan.today)
        if known is not None:
            known[task.start] = found
    return max(0.0, min(100.0, 100.0 * found / task.duration))


def milestone_columns(ctx: Context, records: Sequence[Record]) -> dict[str, dict[str, Any]]:
    """Each milestone's planned and forecast date (the latest of its linked tasks) and its
    slip: working days the forecast lies after the baseline due (else the due date)."""
    from pmtui.planning.baseline import milestone_forecast, milestone_planned

    plan = plan_model(ctx)
    columns: dict[str, dict[str, Any]] = {}
    for record in records:
        planned = milestone_planned(plan, record) if plan else None
        forecast = milestone_forecast(plan, record) if plan else None
        committed = as_date(record.get("baseline_due")) or as_date(record.get("due"))
        slip = None
        if forecast is not None and committed is not None:
            slip = ctx.calendar.working_days_between(committed, forecast)
        columns[str(record["key"])] = {
            "planned": planned.isoformat() if planned else None,
            "forecast": forecast.isoformat() if forecast else None,
            "slip": slip,
        }
    return columns


RULES = {
    "tasks": task_rules,
    "deliverables": deliverable_rules,
    "acceptance_criteria": criterion_rules,
}
#: The fields of a changed record each rule reads (the key is always watched): an edit
#: touching none of them runs no rule. A duration, title or date cannot make a cycle.
RULES_WATCH = {
    "tasks": ("parent", "predecessors"),
    "deliverables": ("status",),
    "acceptance_criteria": ("met", "deliverable"),
}
COMPUTED = {"tasks": task_columns, "milestones": milestone_columns}
