"""The project at a glance, for the strip on top of Today and the status line: the overall
RAG (the manager's override beside the colour the rules compute), the critical path's
finish against the target finish, and the next milestone. Built once per revision of the
file (Context.model) from the shared plan, so a key press never rebuilds the schedule."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from pmtui.context import Context
from pmtui.domain.links import ScheduleError

if TYPE_CHECKING:
    from pmtui.domain.rag import Rag


@dataclass(frozen=True)
class Glance:
    """What the strip shows. Money (SPI, CPI, budget used) is None until a Money area
    declares budgets and costs; the strip leaves it out then."""

    #: The overall status: the manager's override (the project's `status`), else the
    #: computed colour ("" while a pending glance knows neither).
    rag: str
    #: The critical path's finish (None without tasks, or when the plan cannot be built).
    finish: date | None
    target: date | None
    #: Working days the finish lies after the target (negative: before it).
    late_by: int | None
    next_milestone: str | None
    #: Calendar days from today to the next open milestone's due date.
    milestone_in: int | None
    spi: float | None = None
    cpi: float | None = None
    budget_used: float | None = None
    #: The project's status thresholds for SPI and CPI (amber below the first, red below
    #: the second), so the strip colours them as the Earned value board does.
    amber: float = 0.95
    red: float = 0.85
    #: The finish is still being worked out (a big project's first frame does not wait).
    pending: bool = False
    #: The overall colour the rules compute (pmtui.services.project_rag); None while it
    #: is being worked out.
    computed: str | None = None


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


class Finishes:
    """The critical path's finish, worked out again only when the tasks or the project
    record change: a change elsewhere (an action done from Today) makes a new revision,
    and must not rebuild a 10k-task schedule for the strip. One per screen that shows it."""

    def __init__(self) -> None:
        self._inputs: tuple[list[Any], dict[str, Any]] | None = None
        self._finish: date | None = None
        self._money_inputs: tuple[Any, ...] | None = None
        self._money: Money = (None, None, None)

    def known(self, ctx: Context) -> bool:
        """Whether finish(ctx) is at hand without building the schedule."""
        inputs = (ctx.records("tasks"), ctx.project)
        return not inputs[0] or inputs == self._inputs

    def finish(self, ctx: Context) -> date | None:
        """The finish for this revision (None without tasks or with a schedule error)."""
        inputs = (ctx.records("tasks"), ctx.project)
        if inputs != self._inputs:
            self._finish = _finish(ctx) if inputs[0] else None
            self._inputs = inputs
        return self._finish

    def money(self, ctx: Context) -> Money:
        """SPI, CPI and budget used, worked out again only when what earned value reads
        changed (tasks, expenses, baselines, the project, the date): an action done from
        Today must not schedule the plan for the strip's money figures either."""
        inputs = self._money_key(ctx)
        if inputs != self._money_inputs:
            self._money = _money(ctx)
            self._money_inputs = inputs
        return self._money

    @staticmethod
    def _money_key(ctx: Context) -> tuple[Any, ...]:
        return (ctx.today, ctx.project, *(ctx.records(table) for table in _MONEY_READS))

    def money_known(self, ctx: Context) -> bool:
        """Whether money(ctx) is at hand without building the schedule."""
        return self._money_key(ctx) == self._money_inputs

    def rag(self, ctx: Context) -> Rag | None:
        """The RAG by the rules (pmtui.domain.rag) from the finish and money kept here, so
        that closing an action schedules nothing for the status line; None while they are
        being worked out (a pending glance)."""
        from pmtui.services.project_rag import rag_of  # on first use, after the first frame

        finish = self.finish(ctx)
        spi, cpi, _ = self.money(ctx)
        target = _date(ctx.project.get("target_finish"))
        late_by = ctx.calendar.working_days_between(target, finish) if finish and target else None
        return rag_of(ctx, ctx.today, spi=spi, cpi=cpi, late_by=late_by)

    def computed(self, ctx: Context) -> str | None:
        """The overall colour the rules compute (before the manager's override)."""
        found = self.rag(ctx)
        return found.computed if found is not None else None

    def computed_known(self, ctx: Context) -> bool:
        """Whether computed(ctx) is at hand without building the schedule."""
        return self.known(ctx) and self.money_known(ctx)


#: What earned value reads besides the project record and the date.
_MONEY_READS = ("tasks", "expenses", "baselines", "baseline_tasks")
Money = tuple[float | None, float | None, float | None]


def _finish(ctx: Context) -> date | None:
    # The plan's modules load on first use: Today's first frame on a big project does not
    # wait for them (the finish is worked out after it).
    from pmtui.planning import shared_plan

    try:
        return shared_plan(ctx).finish
    except (ScheduleError, KeyError):
        return None


def _build(ctx: Context, finishes: Finishes) -> Glance:
    project = ctx.project
    finish = finishes.finish(ctx)
    target = _date(project.get("target_finish"))
    late_by = ctx.calendar.working_days_between(target, finish) if finish and target else None
    upcoming = sorted(
        (due, str(m.get("title") or m.get("key")))
        for m in ctx.records("milestones")
        if m.get("status") != "done" and (due := _date(m.get("due"))) and due >= ctx.today
    )
    first = upcoming[0] if upcoming else None
    spi, cpi, used = finishes.money(ctx)
    # The manager's override, else the colour the rules give (pmtui.domain.rag); the
    # computed colour beside it. A pending glance knows the override only.
    rag = finishes.rag(ctx)
    return Glance(
        rag=rag.overall if rag is not None else str(project.get("status") or ""),
        finish=finish,
        target=target,
        late_by=late_by,
        next_milestone=first[1] if first else None,
        milestone_in=(first[0] - ctx.today).days if first else None,
        spi=spi,
        cpi=cpi,
        budget_used=used,
        amber=float(project.get("spi_amber") or 0.95),
        red=float(project.get("spi_red") or 0.85),
        computed=rag.computed if rag is not None else None,
    )


def _money(ctx: Context) -> Money:
    """SPI, CPI and AC / BAC once tasks have budgets (pmtui.services.money); all None before."""
    from pmtui.services.money import evm_of  # the Money area's read model, on first use

    if not ctx.records("tasks"):
        return None, None, None
    try:
        figures = evm_of(ctx).figures
    except (ScheduleError, KeyError):
        return None, None, None
    if not figures.bac:
        return None, None, None
    return figures.spi, figures.cpi, figures.ac / figures.bac


def glance(ctx: Context, finishes: Finishes | None = None) -> Glance:
    """The glance of this revision, built on first use and shared after; `finishes` keeps
    the critical path's finish across revisions that change neither tasks nor project."""
    return ctx.model("glance", lambda ctx: _build(ctx, finishes or Finishes()))


class _Pending(Finishes):
    def finish(self, ctx: Context) -> date | None:
        return None

    def money(self, ctx: Context) -> Money:
        return None, None, None

    def rag(self, ctx: Context) -> Rag | None:
        return None


def glance_pending(ctx: Context) -> Glance:
    """The glance without the critical path's finish, which is being worked out (not
    kept: the glance of the revision, finish included, replaces it)."""
    return replace(_build(ctx, _Pending()), pending=True)


__all__ = ["Finishes", "Glance", "glance", "glance_pending"]
