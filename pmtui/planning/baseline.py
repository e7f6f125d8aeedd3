"""Baselines: choose one, compare the plan with it, save the plan as a new one."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pmtui.changes import Change, Writer
from pmtui.context import Context
from pmtui.domain.links import ScheduleError
from pmtui.planning.plan import Plan, build_plan, carry_plan
from pmtui.schema import Reader, Record


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


def shared_plan(ctx: Context, baseline: str | None = None) -> Plan:
    """The plan of this revision of the file compared with `baseline` (default the latest),
    built the first time a board, the CLI or a rule asks for it and shared by all of them
    until the file changes. Raises as plan_of does (the same error each time)."""

    def build(ctx: Context) -> Plan | ScheduleError | KeyError:
        # An edit that moves no date (a title, notes, a status) carries the last plan over.
        if (before := ctx.carried(("plan", baseline))) is not None and isinstance(before[0], Plan):
            carried = carry_plan(before[0], before[1])
            if carried is not None:
                return carried
        try:
            return plan_of(ctx, ctx.project, ctx.today, baseline)
        except (ScheduleError, KeyError) as error:
            return error

    found = ctx.model(("plan", baseline), build)
    if isinstance(found, (ScheduleError, KeyError)):
        raise found
    return found


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


def save_baseline(store: Writer, name: str, when: str = "", note: str = "") -> Record:
    """Save the plan as it is now as a new baseline, as one undoable step, and set every
    milestone's baseline due to the date the plan now shows for it (the planned finish of
    its linked tasks, else its due). Returns the baseline record."""
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
