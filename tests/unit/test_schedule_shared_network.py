"""A plan builds its task network once and hands it to the schedule, the roll-ups and the
forecast: each gives exactly what it gives building the network itself."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from pmtui.domain.links import TaskInput, build_network
from pmtui.domain.schedule import Progress, compute_schedule, forecast, rollup
from tests.unit.test_schedule import grouped_networks

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
