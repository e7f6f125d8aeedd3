"""`pmtui schedule` (the critical path plan) and `pmtui baseline` (save, list, compare)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from pmtui.cli.common import Commands, UsageError, UserError, open_store, print_json
from pmtui.store import Store

if TYPE_CHECKING:
    from pmtui import planning

BASELINE_ACTIONS = ("list", "save", "compare")


#: The commands `register` adds (main builds only the one being run).
COMMANDS = ("schedule", "baseline")


def register(commands: Commands) -> None:
    """Add `schedule` and `baseline`."""
    schedule = commands.add_parser(
        "schedule",
        help="the critical path schedule of every task",
        description="Every task (summaries and milestones included) with its network times "
        "in working days from the project start (0-based), float, whether it is critical, "
        "and its dates on the project calendar.",
    )
    schedule.add_argument("project", metavar="PROJECT")
    schedule.add_argument(
        "--json",
        action="store_true",
        help='print {"project": {"start", "finish", "duration"}, "tasks": [{"key", "title", '
        '"duration", "es", "ef", "ls", "lf", "total_float", "free_float", "critical", '
        '"start", "finish"}]}',
    )
    schedule.set_defaults(run=run_schedule)

    baseline = commands.add_parser(
        "baseline",
        help="save, list or compare baselines",
        description="pmtui baseline PROJECT [list] lists the baselines; save NAME snapshots "
        "every task's dates, duration and budget (and sets the milestones' baseline due); "
        "compare [NAME] shows each task's slip in working days and budget change against "
        "a baseline (default: the latest).",
    )
    baseline.add_argument("project", metavar="PROJECT")
    baseline.add_argument("action", nargs="?", choices=BASELINE_ACTIONS, default="list")
    baseline.add_argument("name", nargs="?", metavar="NAME", help="the baseline's name or key")
    baseline.add_argument("--date", default="", help="save: the baseline's date (default today)")
    baseline.add_argument("--note", default="", help="save: why it was taken")
    baseline.add_argument("--json", action="store_true", help="list, compare: print JSON")
    baseline.set_defaults(run=run_baseline)


def _plan(store: Store, baseline: str | None = None) -> planning.Plan:
    from pmtui import planning  # scheduling loads only for the commands that schedule
    from pmtui.domain.links import ScheduleError

    try:
        return planning.shared_plan(store.read_context(), baseline)
    except ScheduleError as error:
        raise UserError(f"the tasks cannot be scheduled: {error}") from None
    except KeyError as error:
        raise UserError(str(error.args[0])) from None


def _days(value: float) -> str:
    return f"{round(value, 2):g}"


def schedule_lines(plan: planning.Plan) -> list[str]:
    """The schedule as a table people read: the tree indented, critical tasks starred."""
    lines = [
        f"Project {plan.start} → {plan.finish}, {_days(plan.duration)} working days; "
        "* critical; ES/EF/LS/LF in working days from the start",
    ]
    header = ["WBS", "Key", "Task", "Dur", "Start", "Finish", "ES", "EF", "LS", "LF", "Float", ""]
    rows = [
        [
            task.wbs,
            task.key,
            "  " * task.depth + task.title,
            _days(task.duration),
            str(task.start),
            str(task.finish),
            _days(task.times.es),
            _days(task.times.ef),
            _days(task.times.ls),
            _days(task.times.lf),
            _days(task.times.total_float),
            "*" if task.critical else "",
        ]
        for task in plan.tasks
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    left = {0, 1, 2, 4, 5, 11}
    for row in [header, *rows]:
        cells = [
            cell.ljust(width) if index in left else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def run_schedule(args: argparse.Namespace) -> int:
    """Print the schedule (CONTRACT.md's JSON shape with --json)."""
    from pmtui import planning

    with open_store(args.project) as store:
        plan = _plan(store)
    if args.json:
        print_json(planning.schedule_json(plan))
    else:
        print("\n".join(schedule_lines(plan)))
    return 0


def _baselines_json(store: Store) -> dict[str, Any]:
    from pmtui import planning

    counts: dict[str, int] = {}
    for row in store.records("baseline_tasks"):
        counts[str(row.get("baseline"))] = counts.get(str(row.get("baseline")), 0) + 1
    return {
        "baselines": [
            {
                "key": b["key"],
                "name": b.get("name"),
                "date": b.get("date"),
                "note": b.get("note"),
                "tasks": counts.get(str(b["key"]), 0),
            }
            for b in planning.baselines(store)
        ]
    }


def compare_json(plan: planning.Plan) -> dict[str, Any]:
    """Each task against the compared baseline: slips in working days, changes in units."""
    baseline = plan.baseline or {}
    tasks = []
    for task in plan.tasks:
        variance = task.variance
        tasks.append(
            {
                "key": task.key,
                "title": task.title,
                "start": task.start.isoformat(),
                "finish": task.finish.isoformat(),
                "baseline_start": task.baseline_start.isoformat() if task.baseline_start else None,
                "baseline_finish": (
                    task.baseline_finish.isoformat() if task.baseline_finish else None
                ),
                "in_baseline": bool(variance and variance.in_baseline),
                "start_slip": variance.start_slip if variance else None,
                "finish_slip": variance.finish_slip if variance else None,
                "duration_change": variance.duration_change if variance else None,
                "budget_change": variance.budget_change if variance else None,
            }
        )
    return {
        "baseline": {k: baseline.get(k) for k in ("key", "name", "date")},
        "tasks": tasks,
    }


def _signed(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    return f"{value:+,.2f}".rstrip("0").rstrip(".") + unit if value else "0" + unit


def compare_lines(plan: planning.Plan) -> list[str]:
    """The variance as a table: baseline and current finish, slips and budget change."""
    baseline = plan.baseline or {}
    lines = [f"Against {baseline.get('key')} {baseline.get('name')} ({baseline.get('date')})"]
    header = ["Key", "Task", "Finish", "Baseline", "Start slip", "Finish slip", "Budget"]
    rows = []
    for task in plan.tasks:
        variance = task.variance
        if variance is None or not variance.in_baseline:
            rows.append([task.key, task.title, str(task.finish), "(new)", "", "", ""])
            continue
        rows.append(
            [
                task.key,
                "  " * task.depth + task.title,
                str(task.finish),
                str(task.baseline_finish or ""),
                _signed(variance.start_slip, "d"),
                _signed(variance.finish_slip, "d"),
                _signed(variance.budget_change),
            ]
        )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [
            cell.ljust(width) if index < 4 else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def run_baseline(args: argparse.Namespace) -> int:
    """List, save or compare baselines."""
    from pmtui import planning

    if args.action == "save" and not args.name:
        raise UsageError("give the new baseline a name: pmtui baseline PROJECT save NAME")
    if args.action == "list" and args.name:
        raise UsageError(f"list takes no name (did you mean: compare {args.name}?)")
    with open_store(args.project) as store:
        if args.action == "save":
            _plan(store)  # refuse before saving anything when the tasks cannot be scheduled
            record = planning.save_baseline(store, args.name, args.date, args.note)
            print(record["key"])
            return 0
        if args.action == "list":
            data = _baselines_json(store)
            if args.json:
                print_json(data)
            elif not data["baselines"]:
                print("no baselines yet (pmtui baseline PROJECT save NAME saves one)")
            else:
                for b in data["baselines"]:
                    print(f"{b['key']}  {b['date']}  {b['name']}  ({b['tasks']} tasks)")
            return 0
        if not planning.baselines(store):
            raise UserError("no baselines yet (pmtui baseline PROJECT save NAME saves one)")
        plan = _plan(store, args.name)
    if args.json:
        print_json(compare_json(plan))
    else:
        print("\n".join(compare_lines(plan)))
    return 0
