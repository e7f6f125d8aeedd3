"""The project's RAG status as the rules compute it (pmtui.domain.rag), read from one
revision of the file, and the figures beside it: SPI, CPI, percent complete, budget used.

`rag_for(ctx)` is what the status line, Today, the portfolio and the report show: built once
per revision (Context.model) from the shared plan and earned value, so asking again is free.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pmtui.context import Context
from pmtui.domain.evm import EvmFigures
from pmtui.domain.links import ScheduleError
from pmtui.domain.rag import (
    Rag,
    Thresholds,
    cost_rating,
    override_of,
    risk_rating,
    schedule_rating,
    scope_rating,
)
from pmtui.planning.network import as_date
from pmtui.services.control import live_risks

#: Change statuses that count as approved for scope (implemented ones were approved first).
APPROVED = ("approved", "implemented")


@dataclass(frozen=True)
class Figures:
    """What a report and a snapshot quote beside the RAG. Ratios are fractions; None when
    undefined (no budgets, no tasks), with the reason in `why`."""

    spi: float | None
    cpi: float | None
    percent_complete: float | None
    budget_used: float | None
    evm: EvmFigures | None
    #: The critical path's finish, the target, and working days late (negative: early).
    finish: date | None
    target: date | None
    late_by: int | None
    why: dict[str, str]


def last_report_date(ctx: Context, as_of: date | None = None) -> date | None:
    """The date of the latest issued report before `as_of` (default today): "since the last
    report" means after this date. None before the first report."""
    day = as_of or ctx.today
    dates = [
        found
        for s in ctx.records("report_snapshots")
        if (found := as_date(s.get("date"))) is not None and found < day
    ]
    return max(dates) if dates else None


def last_issued(ctx: Context) -> date | None:
    """The date of the latest report issued up to today (the portfolio's `last_report`)."""
    return last_report_date(ctx, ctx.today + timedelta(days=1))


def _evm(ctx: Context, day: date) -> EvmFigures | None:
    from pmtui.services.money import evm_of  # the Money area's read model

    if not ctx.records("tasks"):
        return None
    try:
        return evm_of(ctx, day).figures
    except (ScheduleError, KeyError):
        return None


def _finish(ctx: Context) -> date | None:
    from pmtui.planning.baseline import shared_plan

    if not ctx.records("tasks"):
        return None
    try:
        return shared_plan(ctx).finish
    except (ScheduleError, KeyError):
        return None


def _percent_complete(ctx: Context, evm: EvmFigures | None) -> float | None:
    """EV over BAC with budgets; else the leaf tasks' percent complete weighted by duration."""
    if evm is not None and evm.bac:
        return evm.ev / evm.bac
    tasks = ctx.records("tasks")
    parents = {str(t.get("parent")) for t in tasks if t.get("parent")}
    weighted = total = 0.0
    for task in tasks:
        if str(task.get("key")) in parents:
            continue
        duration = task.get("duration")
        weight = float(duration) if isinstance(duration, int | float) and duration > 0 else 1.0
        weighted += weight * float(task.get("percent_complete") or 0) / 100
        total += weight
    return weighted / total if total else None


def figures_for(ctx: Context, as_of: date | None = None) -> Figures:
    """SPI, CPI, percent complete, budget used and the finish against the target at
    `as_of` (default today); built once per revision and date."""
    day = as_of or ctx.today
    return ctx.model(("report-figures", day), lambda ctx: _figures(ctx, day))


def _figures(ctx: Context, day: date) -> Figures:
    evm = _evm(ctx, day)
    why: dict[str, str] = {}
    if evm is None:
        reason = "no tasks yet" if not ctx.records("tasks") else "the plan cannot be scheduled"
        why["spi"] = why["cpi"] = why["budget_used"] = reason
    else:
        why.update({k: v for k, v in evm.why.items() if k in ("spi", "cpi")})
        if not evm.bac:
            why["budget_used"] = "no task has a budget (BAC is 0)"
    finish = _finish(ctx)
    target = as_date(ctx.project.get("target_finish"))
    late_by = ctx.calendar.working_days_between(target, finish) if finish and target else None
    percent = _percent_complete(ctx, evm)
    if percent is None:
        why["percent_complete"] = "no tasks yet"
    return Figures(
        spi=evm.spi if evm else None,
        cpi=evm.cpi if evm else None,
        percent_complete=percent,
        budget_used=evm.ac / evm.bac if evm and evm.bac else None,
        evm=evm,
        finish=finish,
        target=target,
        late_by=late_by,
        why=why,
    )


def _title(record: dict[str, object]) -> str:
    return str(record.get("title") or record.get("key"))


def _between(value: object, since: date | None, day: date) -> bool:
    found = as_date(value)
    return found is not None and found <= day and (since is None or found > since)


def rag_for(ctx: Context, as_of: date | None = None) -> Rag:
    """The RAG status at `as_of` (default today) by the project's rules, with the
    manager's override; built once per revision and date."""
    day = as_of or ctx.today
    return ctx.model(("rag", day), lambda ctx: _rag(ctx, day))


def _rag(ctx: Context, day: date) -> Rag:
    figures = figures_for(ctx, day)
    return rag_of(ctx, day, spi=figures.spi, cpi=figures.cpi, late_by=figures.late_by)


def rag_of(
    ctx: Context, day: date, *, spi: float | None, cpi: float | None, late_by: int | None
) -> Rag:
    """The RAG status at `day` from SPI, CPI and the finish's lateness the caller already
    has (the Today strip keeps them across revisions); scope and risk are read here."""
    project = ctx.project
    thresholds = Thresholds.of(project)
    target = as_date(project.get("target_finish"))
    remaining = None
    if target is not None:
        remaining = max(0, ctx.calendar.working_days_between(day, target))
    since = last_report_date(ctx, day)
    approved = [
        _title(c)
        for c in ctx.records("changes")
        if c.get("status") in APPROVED
        and str(c.get("scope_impact") or "").strip()
        and _between(c.get("decided_on"), since, day)
    ]
    rejected = [
        _title(d)
        for d in ctx.records("deliverables")
        if d.get("status") == "rejected" and _between(d.get("decided_on"), since, day)
    ]
    high = [s.record for s in live_risks(ctx, project) if s.level == "high"]
    overdue = [
        r for r in high if (review := as_date(r.get("review_date"))) is not None and review < day
    ]
    colour, reason = override_of(project.get("status"), project.get("status_reason"))
    return Rag(
        schedule=schedule_rating(spi, late_by, remaining, thresholds),
        cost=cost_rating(cpi, thresholds),
        scope=scope_rating(approved, rejected),
        risk=risk_rating([_title(r) for r in high], [_title(r) for r in overdue]),
        override=colour,
        override_reason=reason,
    )


__all__ = [
    "APPROVED",
    "Figures",
    "figures_for",
    "last_issued",
    "last_report_date",
    "rag_for",
    "rag_of",
]
