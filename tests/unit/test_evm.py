"""Earned value from task-level inputs against published worked examples (pmtui.domain.evm)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmtui.domain.calendar import WorkCalendar
from pmtui.domain.evm import (
    EvmTask,
    Spend,
    earned_value,
    figures,
    index_level,
    planned_share,
    schedule_lag,
    series,
    status_text,
)

WEEKDAYS = WorkCalendar()
MONDAY = date(2026, 1, 5)


def _twelve_month_task(percent: float) -> EvmTask:
    # Twelve months of 20 working days: 240 working days from a Monday.
    finish = WEEKDAYS.add_working_days(MONDAY, 239)
    return EvmTask("T1", 100_000, percent, MONDAY, finish)


def test_pmp_twelve_month_example_from_a_task() -> None:
    """The PMP exam's classic example (e.g. isub.dev, "Earned value analysis"): a project of
    12 months estimated at 100,000; at the end of month 3 it is 20 % done and has cost
    35,000: PV 25,000, EV 20,000, CV -15,000, SV -5,000, CPI 0.57, SPI 0.8, EAC 175,000.
    Here from one task: 240 planned working days, the as-of date the 60th."""
    as_of = WEEKDAYS.add_working_days(MONDAY, 59)
    spends = [Spend(MONDAY, 20_000, "T1"), Spend(as_of, 15_000, None), Spend(date(2027, 1, 1), 9)]
    result = earned_value([_twelve_month_task(20)], spends, as_of, WEEKDAYS)
    assert result.bac == 100_000
    assert result.pv == pytest.approx(25_000)
    assert result.ev == pytest.approx(20_000)
    assert result.ac == 35_000  # the expense after the as-of date is not counted
    assert result.unallocated == 15_000
    assert result.cv == pytest.approx(-15_000)
    assert result.sv == pytest.approx(-5_000)
    assert round(result.cpi or 0, 2) == 0.57
    assert result.spi == pytest.approx(0.8)
    assert result.eac == pytest.approx(175_000)
    assert result.etc == pytest.approx(140_000)
    assert result.vac == pytest.approx(-75_000)
    assert result.tcpi_bac == pytest.approx(80_000 / 65_000)
    assert result.tcpi_eac == pytest.approx(80_000 / 140_000)
    assert result.eac_formulas["ac_plus_remaining"] == pytest.approx(115_000)
    assert result.eac_formulas["ac_plus_remaining_over_cpi_spi"] == pytest.approx(
        35_000 + 80_000 / ((20_000 / 35_000) * 0.8)
    )


def test_tcpi_of_the_bread_project() -> None:
    """QuestPond's "bread project" (400 breads, BAC $8): PV 2.4, EV 1.6, AC 3 at hour 3:
    SV -0.8, CV -1.4, TCPI (8 - 1.6) / (8 - 3) = 1.28."""
    result = figures(date(2026, 1, 1), 8, 2.4, 1.6, 3)
    assert result.sv == pytest.approx(-0.8)
    assert result.cv == pytest.approx(-1.4)
    assert result.tcpi_bac == pytest.approx(1.28)


def test_pv_counts_planned_working_days_including_the_as_of_day() -> None:
    task = EvmTask("T", 1000, 0, date(2026, 12, 7), date(2026, 12, 11))  # Mon..Fri
    assert planned_share(task, date(2026, 12, 6), WEEKDAYS) == 0
    assert planned_share(task, date(2026, 12, 7), WEEKDAYS) == pytest.approx(0.2)
    assert planned_share(task, date(2026, 12, 9), WEEKDAYS) == pytest.approx(0.6)
    assert planned_share(task, date(2026, 12, 13), WEEKDAYS) == 1
    milestone = EvmTask("M", 0, 0, date(2026, 12, 12), date(2026, 12, 12))  # a Saturday
    assert planned_share(milestone, date(2026, 12, 11), WEEKDAYS) == 0
    assert planned_share(milestone, date(2026, 12, 12), WEEKDAYS) == 1


def test_no_actuals_and_no_budget_give_null_with_reasons() -> None:
    result = earned_value([], [], date(2026, 12, 7), WEEKDAYS)
    assert (result.spi, result.cpi, result.eac, result.tcpi_bac) == (None, None, None, None)
    assert result.why["spi"] == "no work was planned by the as-of date (PV is 0)"
    assert result.why["cpi"] == "no actual cost yet (AC is 0)"
    assert result.why["eac"] == "CPI is undefined"
    assert result.why["bac"] == "no task has a budget"
    assert result.why["tcpi_bac"] == "no budget (BAC is 0)"


def test_nothing_earned_yet_leaves_eac_undefined() -> None:
    result = figures(date(2026, 1, 1), 1000, 100, 0, 50)
    assert result.cpi == 0
    assert result.eac is None
    assert result.why["eac"] == "CPI is 0 (nothing earned yet)"


def test_series_runs_daily_and_stops_ev_and_ac_at_the_as_of_date() -> None:
    task = EvmTask("T", 1000, 50, date(2026, 12, 7), date(2026, 12, 11))
    points = series([task], [Spend(date(2026, 12, 8), 300, "T")], date(2026, 12, 8), WEEKDAYS)
    assert [p.day.day for p in points] == [7, 8, 9, 10, 11]
    assert [round(p.pv) for p in points] == [200, 400, 600, 800, 1000]
    assert [p.ac for p in points] == [0, 300, None, None, None]
    assert points[1].ev == pytest.approx(500)  # EV at the as-of date is the recorded one
    assert points[0].ev == pytest.approx(250)  # before it, spread evenly (an estimate)


def test_status_reads_as_a_sentence() -> None:
    """CPI 0.87 is 15 % over budget; the PMP example's EV of 20,000 was planned 12 working
    days before the as-of date (day 48 of 240): 2 weeks behind."""
    assert status_text(1 / 1.15, 15) == "15 % over budget, 3 weeks behind"
    assert status_text(1.25, -3) == "20 % under budget, 3 days ahead"
    assert status_text(None, 0) == "cost not known yet, on schedule"
    as_of = WEEKDAYS.add_working_days(MONDAY, 59)
    assert schedule_lag([_twelve_month_task(20)], 20_000, as_of, WEEKDAYS) == 12
    assert schedule_lag([_twelve_month_task(30)], 30_000, as_of, WEEKDAYS) == -12


def test_series_pv_matches_planned_share_every_day() -> None:
    tasks = [
        _twelve_month_task(20),
        EvmTask("M", 500, 0, date(2026, 2, 7), date(2026, 2, 7)),  # a Saturday milestone
        EvmTask("S", 300, 100, date(2026, 1, 10), date(2026, 1, 20)),
    ]
    as_of = date(2026, 3, 2)
    points = series(tasks, [], as_of, WEEKDAYS)
    for point in points:
        expected = sum(t.budget * planned_share(t, point.day, WEEKDAYS) for t in tasks)
        assert point.pv == pytest.approx(expected)
    assert points[-1].pv == pytest.approx(100_800)
    at_as_of = next(p for p in points if p.day == as_of)
    assert at_as_of.ev == pytest.approx(20_000 + 300)


def test_index_levels_follow_the_projects_thresholds() -> None:
    assert [index_level(v, 0.95, 0.85) for v in (1.0, 0.95, 0.9, 0.85, 0.84, None)] == [
        "green",
        "green",
        "amber",
        "amber",
        "red",
        "",
    ]


def _walked_lag(tasks: list[EvmTask], ev: float, as_of: date) -> int:
    """schedule_lag as first written: a day-by-day walk (the reference for the halving)."""
    from datetime import timedelta

    def planned(day: date) -> float:
        return sum(t.budget * planned_share(t, day, WEEKDAYS) for t in tasks)

    earliest = min(t.planned_start for t in tasks)
    latest = max(t.planned_finish for t in tasks)
    tolerance = 1e-9 * max(1.0, ev)
    day = as_of
    if planned(day) > ev + tolerance:
        while day >= earliest and planned(day) > ev + tolerance:
            day -= timedelta(days=1)
        return WEEKDAYS.working_days_between(day + timedelta(days=1), as_of + timedelta(days=1))
    while day < latest and planned(day) < ev - tolerance:
        day += timedelta(days=1)
    return -WEEKDAYS.working_days_between(as_of + timedelta(days=1), day + timedelta(days=1))


@settings(max_examples=150, deadline=None)
@given(
    spans=st.lists(
        st.tuples(st.integers(0, 300), st.integers(0, 120), st.integers(0, 50_000)),
        min_size=1,
        max_size=8,
    ),
    as_of_day=st.integers(-30, 450),
    earned=st.floats(0, 400_000, allow_nan=False),
)
def test_schedule_lag_finds_the_day_the_walk_finds(
    spans: list[tuple[int, int, int]], as_of_day: int, earned: float
) -> None:
    """Halving the span gives the day-by-day walk's answer, behind, ahead and on plan."""
    from datetime import timedelta

    tasks = [
        EvmTask(f"T{n}", budget, 0, MONDAY + timedelta(start), MONDAY + timedelta(start + length))
        for n, (start, length, budget) in enumerate(spans)
    ]
    as_of = MONDAY + timedelta(as_of_day)
    if not any(t.budget for t in tasks):
        return
    assert schedule_lag(tasks, earned, as_of, WEEKDAYS) == _walked_lag(tasks, earned, as_of)
