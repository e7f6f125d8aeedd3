"""The Money area's read models, rules across records and computed fields.

Read models (plain data, no Textual): `evm_of` (earned value at an as-of date from the
plan's leaf tasks and the ledger), `budget_of` (a fiscal year's category x month grid),
`business_case_of` (every option's NPV, IRR, ROI and payback). The rules (pmtui.tables
attaches them): categories come from the project's list, one budget line per month and
category, one cash flow per option and period. Computed: a budget line's actuals and
whether this month is over plan; an expense left unfiled for more than a week.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from pmtui.context import Context
from pmtui.domain.fiscal import fiscal_year
from pmtui.records.money import BUDGET_LINES, DEFAULT_CATEGORY, EXPENSES, UNFILED_DAYS
from pmtui.schema import Reader, Record

# The maths of the read models below loads with the first of them: the computed fields
# and rules (all `pmtui today` and the store's checks need) use none of it.
if TYPE_CHECKING:
    from pmtui.domain.budget import Actual, BudgetYear, PlanLine
    from pmtui.domain.evm import EvmFigures, EvmTask, SeriesPoint, Spend
    from pmtui.domain.finance import OptionCase

Errors = dict[int, dict[str, str]]
PERIODS_PER_YEAR = {"year": 1, "quarter": 4, "month": 12}


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _amount(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def categories(project: Record) -> list[str]:
    """The project's expense categories, in its order."""
    listed = project.get("expense_categories")
    return [str(name) for name in listed] if isinstance(listed, list) else []


def fiscal_start(project: Record) -> int:
    """The month (1-12) the project's fiscal year starts in."""
    found = project.get("fiscal_year_start")
    return int(found) if isinstance(found, int) and 1 <= found <= 12 else 1


# ---------------------------------------------------------------- rules across records


def _category_errors(ctx: Context, records: Sequence[Record]) -> Errors:
    allowed = categories(ctx.project)
    errors: Errors = {}
    for index, record in enumerate(records):
        name = record.get("category")
        if allowed and name and name not in allowed:
            errors[index] = {
                "category": f"{name!r} is not one of the project's categories: {', '.join(allowed)}"
            }
    return errors


def _unique(
    ctx: Context, table: str, records: Sequence[Record], fields: tuple[str, str], message: str
) -> Errors:
    holders: dict[tuple[str, str], set[str]] = {}
    for other in ctx.records(table):
        cell = (str(other.get(fields[0])), str(other.get(fields[1])))
        holders.setdefault(cell, set()).add(str(other.get("key")))
    errors: Errors = {}
    for index, record in enumerate(records):
        cell = (str(record.get(fields[0])), str(record.get(fields[1])))
        others = holders.get(cell, set()) - {str(record.get("key"))}
        if others:
            errors[index] = {fields[1]: message.format(*cell, others=", ".join(sorted(others)))}
    return errors


def budget_line_rules(ctx: Context, records: Sequence[Record]) -> Errors:
    """A category of the project's list; one line per month and category."""
    errors = _unique(
        ctx,
        "budget_lines",
        records,
        ("month", "category"),
        "{0} already has a line for {1} ({others}); change that one",
    )
    for index, found in _category_errors(ctx, records).items():
        errors.setdefault(index, {}).update(found)
    return errors


def expense_rules(ctx: Context, records: Sequence[Record]) -> Errors:
    """A category of the project's list."""
    return _category_errors(ctx, records)


def project_category_rules(ctx: Context, records: Sequence[Record]) -> Errors:
    """A category still used by a budget line or an expense stays in the project's list
    (the lines check the list; this checks it from the list's side)."""
    errors: Errors = {}
    for index, record in enumerate(records):
        allowed = categories(record)
        if not allowed:
            continue
        users: dict[str, list[str]] = {}
        for declared in (BUDGET_LINES, EXPENSES):
            for other in ctx.records(declared.table):
                name = other.get("category")
                if name and name not in allowed:
                    users.setdefault(str(name), []).append(
                        f"{declared.singular} {other.get('key')}"
                    )
        if users:
            name, used_by = next(iter(users.items()))
            shown = ", ".join(used_by[:5]) + (", ..." if len(used_by) > 5 else "")
            errors[index] = {
                "expense_categories": f"{name!r} is still used by {shown}; change those first"
            }
    return errors


def cash_flow_rules(ctx: Context, records: Sequence[Record]) -> Errors:
    """One flow per option and period."""
    return _unique(
        ctx,
        "cash_flows",
        records,
        ("option", "period"),
        "{0} already has a flow for period {1} ({others}); change that one",
    )


# ---------------------------------------------------------------- computed fields


def _spent_by_cell(ctx: Context) -> dict[tuple[str, str], float]:
    def build(ctx: Context) -> dict[tuple[str, str], float]:
        cells: dict[tuple[str, str], float] = {}
        for expense in ctx.records("expenses"):
            when = _date(expense.get("date"))
            if when is None:
                continue
            cell = (f"{when.year:04d}-{when.month:02d}", str(expense.get("category") or ""))
            cells[cell] = cells.get(cell, 0.0) + _amount(expense.get("amount"))
        return cells

    return ctx.model("money.spent_by_cell", build)


def budget_line_columns(ctx: Context, records: Sequence[Record]) -> dict[str, dict[str, Any]]:
    """A line's actuals (expenses of its category in its month) and whether the current
    month is over plan."""
    spent = _spent_by_cell(ctx)
    this_month = f"{ctx.today.year:04d}-{ctx.today.month:02d}"
    columns: dict[str, dict[str, Any]] = {}
    for record in records:
        month, category = str(record.get("month")), str(record.get("category"))
        actual = round(spent.get((month, category), 0.0), 2)
        over = month == this_month and actual > _amount(record.get("planned"))
        columns[str(record["key"])] = {"actual": actual, "over_plan": over}
    return columns


def expense_columns(ctx: Context, records: Sequence[Record]) -> dict[str, dict[str, Any]]:
    """Whether an expense has waited more than UNFILED_DAYS for a task or a category."""
    limit = ctx.today - timedelta(days=UNFILED_DAYS)
    columns: dict[str, dict[str, Any]] = {}
    for record in records:
        when = _date(record.get("date"))
        plain = record.get("category") in (None, "", DEFAULT_CATEGORY)
        unfiled = bool(when and when < limit and plain and not record.get("task"))
        columns[str(record["key"])] = {"unfiled": unfiled}
    return columns


RULES = {
    "budget_lines": budget_line_rules,
    "expenses": expense_rules,
    "cash_flows": cash_flow_rules,
    "project": project_category_rules,
}
RULES_WATCH = {
    "budget_lines": ("month", "category"),
    "expenses": ("category",),
    "cash_flows": ("option", "period"),
    "project": ("expense_categories",),
}
COMPUTED = {"budget_lines": budget_line_columns, "expenses": expense_columns}


# ---------------------------------------------------------------- read models


@dataclass(frozen=True)
class EarnedValue:
    """Earned value at an as-of date, the daily series for the S-curve, and notes."""

    figures: EvmFigures
    tasks: list[EvmTask]
    spends: list[Spend]
    #: "baseline NAME" or "current schedule": where the planned dates come from.
    planned_from: str


def _spends(reader: Reader) -> list[Spend]:
    from pmtui.domain.evm import Spend

    found = []
    for expense in reader.records("expenses"):
        when = _date(expense.get("date"))
        if when is not None:
            task = expense.get("task")
            found.append(Spend(when, _amount(expense.get("amount")), str(task) if task else None))
    return found


def evm_inputs(ctx: Context) -> tuple[list[EvmTask], str]:
    """The leaf tasks as earned value reads them, and where their planned dates come from."""
    from pmtui.domain.evm import EvmTask
    from pmtui.planning.baseline import shared_plan

    plan = shared_plan(ctx)
    tasks = []
    for task in plan.tasks:
        if task.summary:
            continue
        start = task.baseline_start or task.start
        finish = task.baseline_finish or task.finish
        tasks.append(
            EvmTask(
                task.key,
                task.budget or 0.0,
                task.percent_complete,
                start,
                finish,
                _date(task.record.get("actual_start")),
                _date(task.record.get("actual_finish")),
            )
        )
    source = (
        f"baseline {plan.baseline.get('name') or plan.baseline.get('key')}"
        if plan.baseline
        else "current schedule"
    )
    return tasks, source


def evm_of(ctx: Context, as_of: date | None = None) -> EarnedValue:
    """Earned value at the end of `as_of` (default today). A past date uses the percent
    complete recorded now (pmtui keeps no history of it) and says so in `why`."""
    from pmtui.domain.evm import earned_value

    day = as_of or ctx.today
    tasks, source = evm_inputs(ctx)
    spends = _spends(ctx)
    result = earned_value(tasks, spends, day, ctx.calendar)
    if day < ctx.today:
        result.why["ev"] = (
            "pmtui keeps no history of percent complete: EV uses the percent complete recorded now"
        )
    return EarnedValue(result, tasks, spends, source)


def evm_series(ctx: Context, value: EarnedValue) -> list[SeriesPoint]:
    """The daily PV, EV and AC of `value` for the S-curve."""
    from pmtui.domain.evm import series

    return series(value.tasks, value.spends, value.figures.as_of, ctx.calendar)


def budget_of(ctx: Context, year: int | None = None, bac: float | None = None) -> BudgetYear:
    """Fiscal year `year` (default: the one holding today) against the actuals."""
    from pmtui.domain.budget import budget_year

    start = fiscal_start(ctx.project)
    lines, actuals = plan_lines(ctx), actual_lines(ctx)
    if bac is None:
        bac = sum(task.budget for task in evm_inputs(ctx)[0])
    chosen = fiscal_year(ctx.today, start) if year is None else year
    return budget_year(chosen, start, lines, actuals, ctx.today, categories(ctx.project), bac)


def plan_lines(reader: Reader) -> list[PlanLine]:
    """Every budget line as the budget maths reads it."""
    from pmtui.domain.budget import PlanLine

    return [
        PlanLine(str(r.get("month")), str(r.get("category") or ""), _amount(r.get("planned")))
        for r in reader.records("budget_lines")
        if r.get("month")
    ]


def actual_lines(reader: Reader) -> list[Actual]:
    """Every expense as the budget maths reads it."""
    from pmtui.domain.budget import Actual

    found = []
    for r in reader.records("expenses"):
        when = _date(r.get("date"))
        if when is not None:
            found.append(Actual(when, str(r.get("category") or ""), _amount(r.get("amount"))))
    return found


def budget_years(ctx: Context) -> list[int]:
    """The fiscal years with a budget line or an expense, and the current one, in order."""
    from pmtui.domain.budget import years_held

    start = fiscal_start(ctx.project)
    held = set(years_held(plan_lines(ctx), actual_lines(ctx), start))
    held.add(fiscal_year(ctx.today, start))
    return sorted(held)


@dataclass(frozen=True)
class OptionFigures:
    """One business option, its flows per period and its case."""

    record: Record
    costs: list[float]
    benefits: list[float]
    case: OptionCase
    periods_per_year: int

    def to_json(self) -> dict[str, Any]:
        """CONTRACT's business-case option: rate and IRR are yearly fractions, payback in
        periods of the option's period length."""
        from pmtui.domain.finance import yearly_rate

        case = self.case
        irr = None if case.irr is None else yearly_rate(case.irr, self.periods_per_year)
        return {
            "key": self.record.get("key"),
            "option": self.record.get("name"),
            "rate": _amount(self.record.get("discount_rate")) / 100,
            "npv": case.npv,
            "irr": irr,
            "roi": case.roi,
            "payback": case.payback,
            "discounted_payback": case.discounted_payback,
            "total_cost": case.total_cost,
            "total_benefit": case.total_benefit,
            "period_length": self.record.get("period_length") or "year",
            "why": dict(case.why),
        }


def option_figures(
    record: Record, flows: Sequence[Record], rate: float | None = None
) -> OptionFigures:
    """An option's case from its flows; `rate` (a yearly fraction) replaces its own."""
    from pmtui.domain.finance import option_case, per_period_rate

    periods = PERIODS_PER_YEAR.get(str(record.get("period_length") or "year"), 1)
    last = max((int(flow.get("period") or 0) for flow in flows), default=0)
    costs, benefits = [0.0] * (last + 1), [0.0] * (last + 1)
    for flow in flows:
        period = int(flow.get("period") or 0)
        costs[period] += _amount(flow.get("cost"))
        benefits[period] += _amount(flow.get("benefit"))
    yearly = _amount(record.get("discount_rate")) / 100 if rate is None else rate
    case = option_case(per_period_rate(yearly, periods), costs, benefits)
    if rate is not None:
        record = {**record, "discount_rate": rate * 100}
    return OptionFigures(record, costs, benefits, case, periods)


def business_case_of(reader: Reader) -> list[OptionFigures]:
    """Every option side by side, in the order they were added."""
    flows: dict[str, list[Record]] = {}
    for flow in reader.records("cash_flows"):
        flows.setdefault(str(flow.get("option")), []).append(flow)
    return [
        option_figures(option, flows.get(str(option["key"]), []))
        for option in reader.records("business_options")
    ]
