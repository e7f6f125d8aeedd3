"""A plan builds its task network once and hands it to the schedule, the roll-ups and the
forecast: each gives exactly what it gives building the network itself, and exactly what
main's code gave before the passes were tightened (its text is kept below, verbatim)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from pmtui.domain.links import TaskInput, build_network
from pmtui.domain.schedule import (
    EPSILON,
    Forecast,
    Progress,
    Schedule,
    TaskTimes,
    _clean,
    compute_schedule,
    forecast,
    rollup,
)
from tests.unit.test_schedule import grouped_networks

_INFINITY = math.inf

# ---------------------------------------------------------------- main's passes, verbatim


def _main_schedule(tasks: Sequence[TaskInput]) -> Schedule:
    """Forward and backward pass over the leaves; summaries span their children.

    ES is the latest of 0, the task's earliest start and what each link allows
    (FS: pred EF + lag, SS: pred ES + lag, FF: pred EF + lag - duration, SF: pred ES + lag -
    duration); LF mirrors it from the project duration, the largest EF. Total float is
    LS - ES (critical within EPSILON of 0); free float is the least slack of the task's
    outgoing links, and for an end task its slack to the project finish. A link to or from a
    summary applies to each of its leaves. Raises ScheduleError for unknown keys and cycles.
    """
    network = build_network(tasks)
    durations, count = network.durations, len(network.keys)
    es = [0.0] * count
    ef = [0.0] * count
    for v in network.order:
        start = network.floors[v]
        for e in network.preds[v]:
            base = es[e.node] if e.from_start else ef[e.node]
            start = max(start, base + e.lag - (durations[v] if e.to_finish else 0.0))
        es[v] = start
        ef[v] = start + durations[v]
    project = max((ef[i] for i in network.leaf_node.values()), default=0.0)
    ls = [0.0] * count
    lf = [0.0] * count
    reach = [_INFINITY] * count  # hubs: the least link slack on to a real task
    free = [0.0] * count
    for v in reversed(network.order):
        finish = project
        slack = _INFINITY
        for e in network.succs[v]:
            ref = lf[e.node] if e.to_finish else ls[e.node]
            finish = min(finish, ref - e.lag + (durations[v] if e.from_start else 0.0))
            target = ef[e.node] if e.to_finish else es[e.node]
            link_slack = target - e.lag - (es[v] if e.from_start else ef[v])
            slack = min(slack, link_slack + (reach[e.node] if network.virtual[e.node] else 0.0))
        lf[v] = finish
        ls[v] = finish - durations[v]
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


def _main_forecast(
    tasks: Sequence[TaskInput],
    progress: Mapping[str, Progress],
    today: date,
    offset_of: Callable[[date], int],
    date_at: Callable[[int], date],
) -> dict[str, Forecast]:
    """Forecast dates from progress at the status date `today` (a simple, stated model).

    - Done (an actual finish): the actual dates stand.
    - Started (an actual start): remaining = duration x (1 - percent/100), worked from
      max(today, actual start); links no longer move it.
    - Not started: starts no earlier than today, its earliest start and what its links
      allow given the predecessors' forecasts; it then takes its remaining duration.
    - Summaries span their children.
    offset_of(d) is the working-day offset of date d (the calendar's inverse of date_at).
    """
    network = build_network(tasks)
    now = float(offset_of(today))
    count = len(network.keys)
    start = [0.0] * count
    finish = [0.0] * count
    dates: dict[str, tuple[date, date]] = {}
    for v in network.order:
        key, duration = network.keys[v], network.durations[v]
        state = progress.get(key, Progress()) if not network.virtual[v] else Progress()
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
            for e in network.preds[v]:
                base = start[e.node] if e.from_start else finish[e.node]
                earliest = max(earliest, base + e.lag - (remaining if e.to_finish else 0.0))
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


# ---------------------------------------------------------------- the properties


START = date(2026, 1, 5)


def _date_at(offset: int) -> date:
    return START + timedelta(days=offset)


def _offset_of(day: date) -> int:
    return (day - START).days


@st.composite
def progressed(draw: st.DrawFn) -> tuple[list[TaskInput], dict[str, Progress], date]:
    """A random network with a summary, some tasks begun or done, and a status date."""
    tasks, _ = draw(grouped_networks())
    progress: dict[str, Progress] = {}
    for task in tasks:
        state = draw(st.sampled_from(["none", "begun", "done"]))
        begun = START + timedelta(days=draw(st.integers(0, 20)))
        if state == "begun":
            progress[task.key] = Progress(draw(st.integers(0, 100)), begun, None)
        elif state == "done":
            finish = begun + timedelta(days=draw(st.integers(0, 10)))
            progress[task.key] = Progress(100, begun, finish)
    today = START + timedelta(days=draw(st.integers(0, 40)))
    return tasks, progress, today


@given(progressed())
def test_a_shared_network_gives_the_same_schedule_rollup_and_forecast(
    case: tuple[list[TaskInput], dict[str, Progress], date],
) -> None:
    tasks, progress, today = case
    network = build_network(tasks)
    assert compute_schedule(tasks, network) == compute_schedule(tasks)
    budgets = {task.key: float(index) for index, task in enumerate(tasks)}
    percents = {key: state.percent_complete for key, state in progress.items()}
    assert rollup(tasks, budgets, percents, network) == rollup(tasks, budgets, percents)
    shared = forecast(tasks, progress, today, _offset_of, _date_at, network)
    assert shared == forecast(tasks, progress, today, _offset_of, _date_at)
    # The network is only read: a second use of it gives the same answers again.
    assert compute_schedule(tasks, network) == compute_schedule(tasks)


@given(progressed())
def test_the_tightened_passes_give_main_s_schedule_and_forecast_exactly(
    case: tuple[list[TaskInput], dict[str, Progress], date],
) -> None:
    tasks, progress, today = case
    assert compute_schedule(tasks) == _main_schedule(tasks)
    assert forecast(tasks, progress, today, _offset_of, _date_at) == _main_forecast(
        tasks, progress, today, _offset_of, _date_at
    )
