"""Budget against actuals: a fiscal year's category x month grid, variance, % used, the
forecast at completion from the run rate, and the plan reconciled with the tasks' BAC.

Variance is plan - actual (positive: under plan). Ratios are fractions, None with a reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from pmtui.domain.fiscal import fiscal_year, fiscal_year_bounds


@dataclass(frozen=True)
class PlanLine:
    """A planned amount for a month (`YYYY-MM`) and category."""

    month: str
    category: str
    amount: float


@dataclass(frozen=True)
class Actual:
    """An expense as the budget reads it."""

    date: date
    category: str
    amount: float


def fiscal_months(year: int, start_month: int) -> list[str]:
    """The twelve months (`YYYY-MM`) of fiscal year `year`, first to last."""
    first, _ = fiscal_year_bounds(year, start_month)
    months = []
    for step in range(12):
        index = first.month - 1 + step
        months.append(f"{first.year + index // 12:04d}-{index % 12 + 1:02d}")
    return months


def month_fiscal_year(month: str, start_month: int) -> int:
    """The fiscal year a `YYYY-MM` month belongs to."""
    return fiscal_year(date(int(month[:4]), int(month[5:7]), 1), start_month)


@dataclass(frozen=True)
class CategoryRow:
    """One category's months: plan, actual, variance, and its year's figures."""

    category: str
    plan: list[float]
    actual: list[float]
    variance: list[float]
    plan_total: float
    actual_total: float
    used: float | None
    forecast: float | None


@dataclass(frozen=True)
class BudgetYear:
    """A fiscal year's grid and totals (CONTRACT's `budget` shape via to_json)."""

    fiscal_year: int
    months: list[str]
    categories: list[CategoryRow]
    totals: CategoryRow
    #: Months of the year up to and including the as-of month (the run rate's divisor).
    months_elapsed: int
    #: Every year's plan (all budget lines), the tasks' BAC, and plan - BAC.
    all_years_plan: float = 0.0
    bac: float = 0.0
    why: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        """`{"fiscal_year", "months", "categories", "totals", ...}`; ratios are fractions."""
        return {
            "fiscal_year": self.fiscal_year,
            "months": list(self.months),
            "categories": [_row_json(row) for row in self.categories],
            "totals": {
                **_row_json(self.totals),
                "months_elapsed": self.months_elapsed,
                "all_years_plan": self.all_years_plan,
                "bac": self.bac,
                "plan_minus_bac": self.all_years_plan - self.bac,
            },
            "why": dict(self.why),
        }


def _row_json(row: CategoryRow) -> dict[str, object]:
    return {
        "category": row.category,
        "plan": list(row.plan),
        "actual": list(row.actual),
        "variance": list(row.variance),
        "plan_total": row.plan_total,
        "actual_total": row.actual_total,
        "variance_total": row.plan_total - row.actual_total,
        "used": row.used,
        "forecast": row.forecast,
    }


def months_elapsed(year: int, start_month: int, as_of: date) -> int:
    """Months of fiscal year `year` begun by `as_of` (0 before it, 12 after it)."""
    first, last = fiscal_year_bounds(year, start_month)
    if as_of < first:
        return 0
    if as_of > last:
        return 12
    return (as_of.year - first.year) * 12 + as_of.month - first.month + 1


def _row(category: str, plan: list[float], actual: list[float], elapsed: int) -> CategoryRow:
    plan_total, actual_total = sum(plan), sum(actual)
    used = actual_total / plan_total if plan_total else None
    # Run rate: the actuals of the months begun, per month, carried over the whole year.
    forecast = actual_total + actual_total / elapsed * (12 - elapsed) if elapsed else None
    return CategoryRow(
        category,
        plan,
        actual,
        [p - a for p, a in zip(plan, actual, strict=True)],
        plan_total,
        actual_total,
        used,
        forecast,
    )


def budget_year(
    year: int,
    start_month: int,
    lines: Sequence[PlanLine],
    actuals: Sequence[Actual],
    as_of: date,
    categories: Iterable[str] = (),
    bac: float = 0.0,
) -> BudgetYear:
    """The grid of fiscal year `year`: the project's categories first, then any other a line
    or an expense of the year uses."""
    months = fiscal_months(year, start_month)
    column = {month: index for index, month in enumerate(months)}
    order = list(dict.fromkeys(categories))
    plans: dict[str, list[float]] = {}
    spent: dict[str, list[float]] = {}
    for line in lines:
        if line.month in column:
            plans.setdefault(line.category, [0.0] * 12)[column[line.month]] += line.amount
    for actual in actuals:
        month = f"{actual.date.year:04d}-{actual.date.month:02d}"
        if month in column:
            spent.setdefault(actual.category, [0.0] * 12)[column[month]] += actual.amount
    order += [name for name in [*plans, *spent] if name not in order]
    elapsed = months_elapsed(year, start_month, as_of)
    rows = [
        _row(name, plans.get(name, [0.0] * 12), spent.get(name, [0.0] * 12), elapsed)
        for name in order
    ]
    totals = _row(
        "total",
        [sum(row.plan[i] for row in rows) for i in range(12)],
        [sum(row.actual[i] for row in rows) for i in range(12)],
        elapsed,
    )
    why: dict[str, str] = {}
    if totals.used is None:
        why["used"] = "nothing is planned in this fiscal year"
    if totals.forecast is None:
        why["forecast"] = "the fiscal year has not begun, so there is no run rate"
    return BudgetYear(
        year,
        months,
        rows,
        totals,
        elapsed,
        sum(line.amount for line in lines),
        bac,
        why,
    )


def years_held(lines: Sequence[PlanLine], actuals: Sequence[Actual], start_month: int) -> list[int]:
    """The fiscal years any budget line or expense falls in, in order."""
    found = {month_fiscal_year(line.month, start_month) for line in lines}
    found |= {fiscal_year(actual.date, start_month) for actual in actuals}
    return sorted(found)
