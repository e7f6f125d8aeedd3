"""`pmtui evm`, `pmtui business-case` and `pmtui budget`: the Money area from the shell."""

from __future__ import annotations

import argparse
from datetime import date

from pmtui.cli.common import Commands, UserError, open_store, print_json, report_command
from pmtui.kinds import format_money
from pmtui.store import Store

#: The commands `register` adds (main builds only the one being run).
COMMANDS = ("evm", "business-case", "budget")


def register(commands: Commands) -> None:
    """Add `evm`, `business-case` and `budget`."""
    evm = report_command(
        commands,
        "evm",
        run_evm,
        help="earned value at a date",
        description="Earned value from the tasks' budgets, planned dates (the latest baseline, "
        "else the current schedule) and percent complete, and the expenses: BAC, PV, EV, AC, "
        "SV, CV, SPI, CPI, EAC (three formulas), ETC, VAC, TCPI.",
        json_shape='{"as_of", "bac", "pv", "ev", "ac", "sv", "cv", "spi", "cpi", "eac", '
        '"eac_formulas", "etc", "vac", "tcpi_bac", "tcpi_eac", "why"} (unrounded)',
    )
    evm.add_argument("--as-of", metavar="DATE", help="the date (default today; any typed form)")
    report_command(
        commands,
        "business-case",
        run_business_case,
        help="NPV, IRR, ROI and payback of each option",
        description="Every business option side by side: NPV at its discount rate (period 0 "
        "undiscounted), IRR, ROI, simple and discounted payback in periods.",
        json_shape='{"options": [{"key", "option", "rate", "npv", "irr", "roi", "payback", '
        '"discounted_payback", "total_cost", "total_benefit", "why"}]} (fractions unrounded)',
    )
    budget = report_command(
        commands,
        "budget",
        run_budget,
        help="a fiscal year's budget against actuals",
        description="Plan, actual and variance (plan - actual) by category and month of a "
        "fiscal year (named by the year it ends), with % used and the run-rate forecast.",
        json_shape='{"fiscal_year", "months", "categories": [{"category", "plan", "actual", '
        '"variance"}], "totals"}',
    )
    budget.add_argument(
        "--year", type=int, metavar="Y", help="the fiscal year (default: the one holding today)"
    )


def _as_of(store: Store, typed: str | None) -> date | None:
    if typed is None:
        return None
    from pmtui.domain.dates import DateParseError, parse_date
    from pmtui.services.money import fiscal_start

    ctx = store.read_context()
    try:
        return parse_date(
            typed,
            store.today,
            calendar=ctx.calendar,
            date_order=store.date_order,
            fiscal_start_month=fiscal_start(ctx.project),
        )
    except DateParseError as error:
        raise UserError(f"--as-of: {error}") from None


def _money(value: float | None) -> str:
    return "–" if value is None else format_money(value)


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


def _schedule_problem(error: Exception) -> UserError:
    return UserError(f"the plan cannot be scheduled: {error}")


def run_evm(args: argparse.Namespace) -> int:
    """Print earned value at the as-of date, as text or JSON."""
    from pmtui.domain.evm import EAC_LABELS, schedule_lag, status_text
    from pmtui.domain.links import ScheduleError
    from pmtui.services.money import evm_of

    with open_store(args.project) as store:
        as_of = _as_of(store, args.as_of)
        ctx = store.read_context()
        try:
            value = evm_of(ctx, as_of)
        except (ScheduleError, KeyError) as error:
            raise _schedule_problem(error) from None
        f = value.figures
        if args.json:
            print_json(f.to_json())
            return 0
        lag = schedule_lag(value.tasks, f.ev, f.as_of, ctx.calendar)
        currency = str(ctx.project.get("currency") or "")
    print(f"Earned value as of {f.as_of.isoformat()} ({currency}; planned: {value.planned_from})")
    print(f"  {status_text(f.cpi, lag)}")
    rows = [
        ("BAC", _money(f.bac), "budget at completion"),
        ("PV", _money(f.pv), "planned value"),
        ("EV", _money(f.ev), "earned value"),
        ("AC", _money(f.ac), f"actual cost (unallocated {_money(f.unallocated)})"),
        ("SV", _money(f.sv), "EV - PV"),
        ("CV", _money(f.cv), "EV - AC"),
        ("SPI", _ratio(f.spi), "EV / PV"),
        ("CPI", _ratio(f.cpi), "EV / AC"),
        ("EAC", _money(f.eac), "BAC / CPI"),
        ("ETC", _money(f.etc), "EAC - AC"),
        ("VAC", _money(f.vac), "BAC - EAC"),
        ("TCPI", _ratio(f.tcpi_bac), "to BAC: (BAC - EV) / (BAC - AC)"),
        ("TCPI", _ratio(f.tcpi_eac), "to EAC: (BAC - EV) / (EAC - AC)"),
    ]
    width = max(len(amount) for _, amount, _ in rows)
    for name, amount, about in rows:
        print(f"  {name:<5}{amount:>{width}}  {about}")
    print("  EAC by formula:")
    for name, label in EAC_LABELS.items():
        print(f"    {_money(f.eac_formulas[name]):>{width}}  {label}")
    for field, reason in f.why.items():
        print(f"  {field}: {reason}")
    return 0


def run_business_case(args: argparse.Namespace) -> int:
    """Print every option's case, as text or JSON."""
    from pmtui.services.money import business_case_of

    with open_store(args.project) as store:
        options = [option.to_json() for option in business_case_of(store.read_context())]
        currency = str(store.read_context().project.get("currency") or "")
    if args.json:
        print_json({"options": options})
        return 0
    if not options:
        print("no business options yet (pmtui add PROJECT business_options name=...)")
        return 0
    header = ["Option", "Rate", f"NPV {currency}".strip(), "IRR", "ROI", "Payback", "Disc."]
    rows = [
        [
            str(o["option"]),
            _percent(o["rate"]),
            _money(o["npv"]),
            _percent(o["irr"]),
            _percent(o["roi"]),
            "–" if o["payback"] is None else f"{o['payback']:.2f}",
            "–" if o["discounted_payback"] is None else f"{o['discounted_payback']:.2f}",
        ]
        for o in options
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
    for o in options:
        for field, reason in o["why"].items():
            print(f"{o['option']}: {field}: {reason}")
    print("payback in periods of each option's period length (a year unless it says otherwise)")
    return 0


def run_budget(args: argparse.Namespace) -> int:
    """Print a fiscal year's grid, as text or JSON."""
    from pmtui.domain.links import ScheduleError
    from pmtui.services.money import budget_of

    with open_store(args.project) as store:
        ctx = store.read_context()
        try:
            year = budget_of(ctx, args.year)
        except (ScheduleError, KeyError) as error:
            raise _schedule_problem(error) from None
        currency = str(ctx.project.get("currency") or "")
    if args.json:
        print_json(year.to_json())
        return 0
    first, last = year.months[0], year.months[-1]
    print(f"Budget FY{year.fiscal_year} ({first} to {last}, {currency})")
    header = ["Category", "Plan", "Actual", "Variance", "Used", "Forecast"]
    rows = [
        [
            row.category,
            _money(row.plan_total),
            _money(row.actual_total),
            _money(row.plan_total - row.actual_total),
            _percent(row.used),
            _money(row.forecast),
        ]
        for row in [*year.categories, year.totals]
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
    difference = year.all_years_plan - year.bac
    print(
        f"All budget lines {_money(year.all_years_plan)} against the tasks' BAC "
        f"{_money(year.bac)}: difference {_money(difference)}"
    )
    return 0
