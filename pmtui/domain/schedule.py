"""Critical path method over FS/SS/FF/SF links, roll-ups, baseline variance and forecasts."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypedDict

from pmtui.domain.links import (
    Link,
    LinkParseError,
    ScheduleError,
    TaskInput,
    TaskNetwork,
    build_network,
    check_tasks,
    format_links,
    parse_links,
    task_tree,
)

__all__ = [
    "EPSILON",
    "BaselineEntry",
    "Forecast",
    "Link",
    "LinkParseError",
    "Progress",
    "RolledUp",
    "Schedule",
    "ScheduleError",
    "TaskInput",
    "TaskTimes",
    "Variance",
    "baseline_snapshot",
    "baseline_variance",
    "compute_schedule",
    "forecast",
    "format_links",
    "offset_to_dates",
    "parse_links",
    "rollup",
]

EPSILON = 1e-9
"""Floats closer than this count as equal: fractional lags make 0.1 + 0.2 != 0.3."""

_INFINITY = math.inf


@dataclass(frozen=True)
class TaskTimes:
    """Network times of one task in working days from the project start (0-based)."""

    key: str
    es: float
    ef: float
    ls: float
    lf: float
    total_float: float
    free_float: float
    critical: bool
    summary: bool
    milestone: bool


@dataclass(frozen=True)
class Schedule:
    """The project duration (the largest EF) and every task's times, in input order."""

    duration: float
    tasks: dict[str, TaskTimes]


def _clean(value: float) -> float:
    return 0.0 if abs(value) < EPSILON else value


def compute_schedule(tasks: Sequence[TaskInput], network: TaskNetwork | None = None) -> Schedule:
    """Forward and backward pass over the leaves; summaries span their children.

    ES is the latest of 0, the task's earliest start and what each link allows
    (FS: pred EF + lag, SS: pred ES + lag, FF: pred EF + lag - duration, SF: pred ES + lag -
    duration); LF mirrors it from the project duration, the largest EF. Total float is
    LS - ES (critical within EPSILON of 0); free float is the least slack of the task's
    outgoing links, and for an end task its slack to the project finish. A link to or from a
    summary applies to each of its leaves. Raises ScheduleError for unknown keys and cycles.
    `network`: build_network(tasks) when the caller has it already (a plan builds it once
    for the schedule, the roll-ups and the forecast).
    """
    if network is None:
        network = build_network(tasks)
    durations, count = network.durations, len(network.keys)
    floors, preds, succs, virtual = network.floors, network.preds, network.succs, network.virtual
    # The passes run once per node and link (a 100k-record plan: 30k nodes, 60k links), so
    # edges are unpacked and `a if a > b else b` stands for max(b, a): the same float
    # (max keeps its first argument unless a later one is greater), without a call.
    es = [0.0] * count
    ef = [0.0] * count
    for v in network.order:
        start = floors[v]
        duration = durations[v]
        for node, from_start, to_finish, lag in preds[v]:
            allowed = (
                (es[node] if from_start else ef[node]) + lag - (duration if to_finish else 0.0)
            )
            start = allowed if allowed > start else start
        es[v] = start
        ef[v] = start + duration
    project = max((ef[i] for i in network.leaf_node.values()), default=0.0)
    ls = [0.0] * count
    lf = [0.0] * count
    reach = [_INFINITY] * count  # hubs: the least link slack on to a real task
    free = [0.0] * count
    for v in reversed(network.order):
        finish = project
        slack = _INFINITY
        duration, own_start, own_finish = durations[v], es[v], ef[v]
        for node, from_start, to_finish, lag in succs[v]:
            ref = lf[node] if to_finish else ls[node]
            latest = ref - lag + (duration if from_start else 0.0)
            finish = latest if latest < finish else finish
            target = ef[node] if to_finish else es[node]
            link_slack = target - lag - (own_start if from_start else own_finish)
            link_slack = link_slack + (reach[node] if virtual[node] else 0.0)
            slack = link_slack if link_slack < slack else slack
        lf[v] = finish
        ls[v] = finish - duration
        reach[v] = slack
        free[v] = min(slack, project - ef[v])
    times: dict[str, TaskTimes] = {}
    for key, v in network.leaf_node.items():
        total = _clean(ls[v] - es[v])
        if total == 0:  # rounding noise of fractional sums stays out of critical tasks
            ls[v], lf[v] = es[v], ef[v]
        # free <= total holds exactly; min() only removes rounding noise
        free_float = min(_clean(free[v]), total)
        times[key] = TaskTimes(
            key, es[v], ef[v], ls[v], lf[v], total, free_float, total == 0, False, durations[v] == 0
        )
    for summary in network.summaries:
        parts = [times[child] for child in network.children[summary]]
        total = min(p.total_float for p in parts)
        times[summary] = TaskTimes(
            summary,
            min(p.es for p in parts),
            max(p.ef for p in parts),
            min(p.ls for p in parts),
            max(p.lf for p in parts),
            total,
            min(p.free_float for p in parts),
            total == 0,
            True,
            False,
        )
    return Schedule(project, {task.key: times[task.key] for task in tasks})


def offset_to_dates(times: TaskTimes, date_at: Callable[[int], date]) -> tuple[date, date]:
    """Dates of working days floor(es) and ceil(ef) - 1; a milestone finishes on its start."""
    first = math.floor(times.es + EPSILON)
    start = date_at(first)
    if times.milestone:
        return start, start
    return start, date_at(max(first, math.ceil(times.ef - EPSILON) - 1))


@dataclass(frozen=True)
class RolledUp:
    """A task's budget and percent complete; for a summary, taken from its children."""

    key: str
    budget: float | None
    percent_complete: float
    work: float  # leaf: its duration; summary: the sum over its children (the weight)


def rollup(
    tasks: Sequence[TaskInput],
    budgets: Mapping[str, float | None],
    percents: Mapping[str, float | None],
    network: TaskNetwork | None = None,
) -> dict[str, RolledUp]:
    """Summaries: sum of children's budgets (None if none has one; their own is not added)
    and duration-weighted percent complete (a plain mean when all children have 0 days).
    `network`: build_network(tasks), when the caller has it (its tree is the same)."""
    if network is None:
        children, summaries = task_tree(check_tasks(tasks))
    else:
        children, summaries = network.children, network.summaries
    result: dict[str, RolledUp] = {}
    for task in tasks:
        if task.key not in children:
            percent = percents.get(task.key) or 0.0
            result[task.key] = RolledUp(task.key, budgets.get(task.key), percent, task.duration)
    for summary in summaries:
        parts = [result[child] for child in children[summary]]
        money = [p.budget for p in parts if p.budget is not None]
        work = sum(p.work for p in parts)
        if work > 0:
            percent = sum(p.work * p.percent_complete for p in parts) / work
        else:
            percent = sum(p.percent_complete for p in parts) / len(parts)
        result[summary] = RolledUp(summary, sum(money) if money else None, percent, work)
    return {task.key: result[task.key] for task in tasks}


class BaselineEntry(TypedDict, total=False):
    """One task in a baseline snapshot; dates as ISO text (as stored) or date objects."""

    start: str | date | None
    finish: str | date | None
    duration: float | None
    budget: float | None


@dataclass(frozen=True)
class Variance:
    """Current against baseline: slips in working days (+ is later), changes (+ is more)."""

    key: str
    in_baseline: bool
    start_slip: float | None
    finish_slip: float | None
    duration_change: float | None
    budget_change: float | None


def baseline_snapshot(
    schedule: Schedule,
    date_at: Callable[[int], date],
    durations: Mapping[str, float],
    budgets: Mapping[str, float | None],
) -> dict[str, BaselineEntry]:
    """A baseline to store: {key: {"start", "finish", "duration", "budget"}}, dates as ISO text."""
    snapshot: dict[str, BaselineEntry] = {}
    for key, times in schedule.tasks.items():
        start, finish = offset_to_dates(times, date_at)
        duration = times.ef - times.es if times.summary else durations.get(key)
        entry: BaselineEntry = {"start": start.isoformat(), "finish": finish.isoformat()}
        entry["duration"] = duration
        entry["budget"] = budgets.get(key)
        snapshot[key] = entry
    return snapshot


def _as_date(value: str | date | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def baseline_variance(
    current: Mapping[str, BaselineEntry],
    baseline: Mapping[str, BaselineEntry],
    working_days_between: Callable[[date, date], int],
) -> dict[str, Variance]:
    """Variance of every current task; working_days_between(a, b) counts [a, b), < 0 if b < a."""

    def slip(now: str | date | None, then: str | date | None) -> float | None:
        now_date, then_date = _as_date(now), _as_date(then)
        if now_date is None or then_date is None:
            return None
        return float(working_days_between(then_date, now_date))

    def change(now: float | None, then: float | None) -> float | None:
        return None if now is None or then is None else now - then

    result: dict[str, Variance] = {}
    for key, now in current.items():
        then = baseline.get(key)
        if then is None:
            result[key] = Variance(key, False, None, None, None, None)
            continue
        result[key] = Variance(
            key,
            True,
            slip(now.get("start"), then.get("start")),
            slip(now.get("finish"), then.get("finish")),
            change(now.get("duration"), then.get("duration")),
            change(now.get("budget"), then.get("budget")),
        )
    return result


@dataclass(frozen=True)
class Progress:
    """What has happened to a task: percent (0-100) and actual dates."""

    percent_complete: float = 0.0
    actual_start: date | None = None
    actual_finish: date | None = None


#: The progress of a task with none recorded (one shared instance: it is frozen).
_NOTHING_YET = Progress()


@dataclass(frozen=True)
class Forecast:
    """Forecast offsets (finish exclusive, like ef) and the dates a plan shows."""

    key: str
    start: float
    finish: float
    forecast_start: date
    forecast_finish: date


def forecast(
    tasks: Sequence[TaskInput],
    progress: Mapping[str, Progress],
    today: date,
    offset_of: Callable[[date], int],
    date_at: Callable[[int], date],
    network: TaskNetwork | None = None,
) -> dict[str, Forecast]:
    """Forecast dates from progress at the status date `today` (a simple, stated model).

    - Done (an actual finish): the actual dates stand.
    - Started (an actual start): remaining = duration x (1 - percent/100), worked from
      max(today, actual start); links no longer move it.
    - Not started: starts no earlier than today, its earliest start and what its links
      allow given the predecessors' forecasts; it then takes its remaining duration.
    - Summaries span their children.
    offset_of(d) is the working-day offset of date d (the calendar's inverse of date_at).
    `network`: build_network(tasks), when the caller has it already.
    """
    if network is None:
        network = build_network(tasks)
    now = float(offset_of(today))
    count = len(network.keys)
    start = [0.0] * count
    finish = [0.0] * count
    dates: dict[str, tuple[date, date]] = {}
    for v in network.order:
        key, duration = network.keys[v], network.durations[v]
        state = progress.get(key, _NOTHING_YET) if not network.virtual[v] else _NOTHING_YET
        remaining = duration * (1.0 - min(max(state.percent_complete, 0.0), 100.0) / 100.0)
        if state.actual_finish is not None:
            finish[v] = offset_of(state.actual_finish) + 1.0
            begun = state.actual_start
            start[v] = float(offset_of(begun)) if begun else max(0.0, finish[v] - duration)
            dates[key] = (begun or date_at(math.floor(start[v])), state.actual_finish)
            continue
        if state.actual_start is not None:
            start[v] = float(offset_of(state.actual_start))
            finish[v] = max(now, start[v]) + remaining
        else:
            earliest = network.floors[v] if network.virtual[v] else max(network.floors[v], now)
            for node, from_start, to_finish, lag in network.preds[v]:
                base = start[node] if from_start else finish[node]
                allowed = base + lag - (remaining if to_finish else 0.0)
                earliest = allowed if allowed > earliest else earliest  # max(), as above
            start[v], finish[v] = earliest, earliest + remaining
        if not network.virtual[v]:
            first = math.floor(start[v] + EPSILON)
            last = max(first, math.ceil(finish[v] - EPSILON) - 1)
            begun = state.actual_start or date_at(first)
            dates[key] = (begun, begun if remaining == 0 and duration == 0 else date_at(last))
    result: dict[str, Forecast] = {}
    for key, v in network.leaf_node.items():
        result[key] = Forecast(key, start[v], finish[v], *dates[key])
    for summary in network.summaries:
        parts = [result[child] for child in network.children[summary]]
        result[summary] = Forecast(
            summary,
            min(p.start for p in parts),
            max(p.finish for p in parts),
            min(p.forecast_start for p in parts),
            max(p.forecast_finish for p in parts),
        )
    return {task.key: result[task.key] for task in tasks}
