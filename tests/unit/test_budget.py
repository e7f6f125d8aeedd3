"""Budget against actuals by category x month and fiscal year (pmtui.domain.budget)."""

from __future__ import annotations

from datetime import date

import pytest

from pmtui.domain.budget import Actual, PlanLine, budget_year, fiscal_months, years_held


def test_fiscal_year_starting_in_april_is_named_by_the_year_it_ends() -> None:
    months = fiscal_months(2027, 4)
    assert months[0] == "2026-04" and months[-1] == "2027-03" and len(months) == 12
    assert fiscal_months(2026, 1)[0] == "2026-01"


def test_grid_variance_used_and_run_rate_forecast() -> None:
    lines = [
        PlanLine("2026-04", "labour", 1000),
        PlanLine("2026-05", "labour", 1000),
        PlanLine("2027-03", "software", 600),
        PlanLine("2027-04", "labour", 5000),  # next fiscal year
    ]
    actuals = [
        Actual(date(2026, 4, 10), "labour", 1200),
        Actual(date(2026, 5, 2), "labour", 600),
        Actual(date(2026, 5, 3), "travel", 90),  # a category the project does not list
        Actual(date(2026, 3, 31), "labour", 7),  # the year before
    ]
    year = budget_year(2027, 4, lines, actuals, date(2026, 5, 20), ["labour", "software"], 7000)
    assert [row.category for row in year.categories] == ["labour", "software", "travel"]
    labour = year.categories[0]
    assert labour.plan[:2] == [1000, 1000] and labour.actual[:2] == [1200, 600]
    assert labour.variance[:2] == [-200, 400]
    assert labour.used == pytest.approx(1800 / 2000)
    assert year.months_elapsed == 2
    assert labour.forecast == pytest.approx(1800 / 2 * 12)
    assert year.categories[2].used is None
    assert year.totals.plan_total == 2600 and year.totals.actual_total == 1890
    data = year.to_json()
    assert data["totals"]["all_years_plan"] == 7600
    assert data["totals"]["plan_minus_bac"] == 600
    assert years_held(lines, actuals, 4) == [2026, 2027, 2028]


def test_a_year_not_begun_has_no_run_rate() -> None:
    year = budget_year(2028, 1, [], [], date(2026, 5, 20))
    assert year.totals.forecast is None
    assert year.why["forecast"] == "the fiscal year has not begun, so there is no run rate"
    assert year.why["used"] == "nothing is planned in this fiscal year"
