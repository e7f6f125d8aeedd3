"""Earned value at an as-of date, from task-level inputs (PMI's Practice Standard for EVM).

BAC is the sum of the leaf tasks' budgets; PV each task's budget times the share of its
planned working days elapsed by the end of the as-of date; EV its budget times its percent
complete; AC the expenses dated on or before the as-of date. Ratios that cannot be worked
out are None with the reason in `why`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from pmtui.domain.calendar import WorkCalendar


@dataclass(frozen=True)
class EvmTask:
    """A leaf task as earned value reads it: planned dates from the baseline when there is
    one, else from the current schedule."""

    key: str
    budget: float
    percent_complete: float  # 0-100
    planned_start: date
    planned_finish: date
    actual_start: date | None = None
    actual_finish: date | None = None


@dataclass(frozen=True)
class Spend:
    """One expense: when, how much, and the task it pays for (None: unallocated)."""

    date: date
    amount: float
    task: str | None = None


def planned_share(task: EvmTask, as_of: date, calendar: WorkCalendar) -> float:
    """The share (0..1) of the task's planned working days that have elapsed by the end of
    `as_of`. A task with no working day in its span (a milestone) counts whole on its day."""
    day_after = as_of + timedelta(days=1)
    total = calendar.working_days_between(
        task.planned_start, task.planned_finish + timedelta(days=1)
    )
    if total <= 0:
        return 1.0 if as_of >= task.planned_finish else 0.0
    elapsed = calendar.working_days_between(task.planned_start, day_after)
    return min(1.0, max(0.0, elapsed / total))


@dataclass(frozen=True)
class EvmFigures:
    """CONTRACT's `evm` figures; ratios are fractions, None with a reason in `why`."""

    as_of: date
    bac: float
    pv: float
    ev: float
    ac: float
    sv: float
    cv: float
    spi: float | None
    cpi: float | None
    eac: float | None
    eac_formulas: dict[str, float | None]
    etc: float | None
    vac: float | None
    tcpi_bac: float | None
    tcpi_eac: float | None
    why: dict[str, str] = field(default_factory=dict)
    #: Expenses up to the as-of date linked to no task (they count in AC).
    unallocated: float = 0.0

    def to_json(self) -> dict[str, object]:
        """CONTRACT's `evm --json` shape (figures unrounded) plus `unallocated`."""
        return {
            "as_of": self.as_of.isoformat(),
            "bac": self.bac,
            "pv": self.pv,
            "ev": self.ev,
            "ac": self.ac,
            "sv": self.sv,
            "cv": self.cv,
            "spi": self.spi,
            "cpi": self.cpi,
            "eac": self.eac,
            "eac_formulas": dict(self.eac_formulas),
            "etc": self.etc,
            "vac": self.vac,
            "tcpi_bac": self.tcpi_bac,
            "tcpi_eac": self.tcpi_eac,
            "unallocated": self.unallocated,
            "why": dict(self.why),
        }


#: The three standard EAC formulas, by their CONTRACT names, and how people read them.
EAC_LABELS = {
    "bac_over_cpi": "BAC / CPI (cost efficiency so far continues)",
    "ac_plus_remaining": "AC + (BAC - EV) (remaining work at the planned cost)",
    "ac_plus_remaining_over_cpi_spi": "AC + (BAC - EV) / (CPI x SPI) (cost and schedule weigh)",
}


def figures(as_of: date, bac: float, pv: float, ev: float, ac: float) -> EvmFigures:
    """Every figure from BAC, PV, EV and AC (EAC = BAC / CPI, the other two formulas kept)."""
    why: dict[str, str] = {}
    spi = ev / pv if pv else None
    if spi is None:
        why["spi"] = "no work was planned by the as-of date (PV is 0)"
    cpi = ev / ac if ac else None
    if cpi is None:
        why["cpi"] = "no actual cost yet (AC is 0)"
    over_cpi = bac / cpi if cpi else None
    if over_cpi is None:
        why["eac"] = why["bac_over_cpi"] = (
            "CPI is undefined" if cpi is None else "CPI is 0 (nothing earned yet)"
        )
    both = cpi * spi if cpi is not None and spi is not None else None
    weighed = ac + (bac - ev) / both if both else None
    if weighed is None:
        why["ac_plus_remaining_over_cpi_spi"] = "CPI x SPI is undefined or 0"
    eac = over_cpi
    etc = eac - ac if eac is not None else None
    vac = bac - eac if eac is not None else None
    for name, value in (("etc", etc), ("vac", vac)):
        if value is None:
            why[name] = "EAC is undefined"
    tcpi_bac = (bac - ev) / (bac - ac) if bac - ac > 0 else None
    if tcpi_bac is None:
        why["tcpi_bac"] = (
            "no budget left (AC has reached BAC)" if bac or ac else "no budget (BAC is 0)"
        )
    tcpi_eac = None
    if eac is None:
        why["tcpi_eac"] = "EAC is undefined"
    elif eac - ac > 0:
        tcpi_eac = (bac - ev) / (eac - ac)
    else:
        why["tcpi_eac"] = "nothing left to spend to EAC"
    return EvmFigures(
        as_of,
        bac,
        pv,
        ev,
        ac,
        ev - pv,
        ev - ac,
        spi,
        cpi,
        eac,
        {
            "bac_over_cpi": over_cpi,
            "ac_plus_remaining": ac + (bac - ev),
            "ac_plus_remaining_over_cpi_spi": weighed,
        },
        etc,
        vac,
        tcpi_bac,
        tcpi_eac,
        why,
    )


def earned_value(
    tasks: Sequence[EvmTask], spends: Sequence[Spend], as_of: date, calendar: WorkCalendar
) -> EvmFigures:
    """Earned value at the end of `as_of` from leaf tasks and expenses."""
    bac = sum((task.budget for task in tasks), 0.0)
    pv = sum((task.budget * planned_share(task, as_of, calendar) for task in tasks), 0.0)
    ev = sum(
        (task.budget * min(100.0, max(0.0, task.percent_complete)) / 100 for task in tasks), 0.0
    )
    counted = [spend for spend in spends if spend.date <= as_of]
    ac = sum((spend.amount for spend in counted), 0.0)
    result = figures(as_of, bac, pv, ev, ac)
    if not bac:
        result.why.setdefault("bac", "no task has a budget")
    unallocated = sum((spend.amount for spend in counted if not spend.task), 0.0)
    return replace(result, unallocated=unallocated)


@dataclass(frozen=True)
class SeriesPoint:
    """PV, EV and AC to the end of one day (EV before the as-of date is estimated; EV and AC
    are None after it)."""

    day: date
    pv: float
    ev: float | None
    ac: float | None


def _spread(
    into: dict[date, float], amount: float, start: date, finish: date, calendar: WorkCalendar
) -> None:
    """Add `amount` to `into` spread evenly over the working days from start to finish (as
    planned_share counts them: all of it on the finish day when the span has none)."""
    if not amount:
        return
    total = calendar.working_days_between(start, finish + timedelta(days=1))
    if total <= 0:
        into[finish] = into.get(finish, 0.0) + amount
        return
    share, day = amount / total, start
    while day <= finish:
        if calendar.is_working(day):
            into[day] = into.get(day, 0.0) + share
        day += timedelta(days=1)


def _earned_span(task: EvmTask, as_of: date) -> tuple[float, date, date]:
    """A task's EV at `as_of` and the days it is taken to have been earned over: from its
    actual start (else planned start) to its actual finish (else the as-of date). pmtui
    keeps no history of percent complete, so EV before the as-of date is an estimate."""
    earned = task.budget * min(100.0, max(0.0, task.percent_complete)) / 100
    start = task.actual_start or task.planned_start
    end = task.actual_finish or as_of
    return earned, min(start, end), end


def series(
    tasks: Sequence[EvmTask],
    spends: Sequence[Spend],
    as_of: date,
    calendar: WorkCalendar,
    first: date | None = None,
    last: date | None = None,
) -> list[SeriesPoint]:
    """One point a day from `first` (default: the earliest planned start) to `last`
    (default: the later of the as-of date and the latest planned finish); EV and AC stop
    at the as-of date. Each task's budget is spread over its planned working days once, so
    the series costs the tasks' durations plus the days, not their product."""
    if not tasks and not spends:
        return []
    starts = [task.planned_start for task in tasks] + [spend.date for spend in spends]
    finishes = [task.planned_finish for task in tasks] + [as_of]
    day, end = first or min(starts), last or max(finishes)
    planned: dict[date, float] = {}
    earned: dict[date, float] = {}
    spent: dict[date, float] = {}
    for task in tasks:
        _spread(planned, task.budget, task.planned_start, task.planned_finish, calendar)
        _spread(earned, *_earned_span(task, as_of), calendar)
    for spend in spends:
        spent[spend.date] = spent.get(spend.date, 0.0) + spend.amount
    totals = [
        sum(amount for when, amount in daily.items() if when < day)
        for daily in (planned, earned, spent)
    ]
    points: list[SeriesPoint] = []
    while day <= end:
        for index, daily in enumerate((planned, earned, spent)):
            totals[index] += daily.get(day, 0.0)
        if day <= as_of:
            points.append(SeriesPoint(day, totals[0], totals[1], totals[2]))
        else:
            points.append(SeriesPoint(day, totals[0], None, None))
        day += timedelta(days=1)
    return points


def schedule_lag(
    tasks: Sequence[EvmTask], ev: float, as_of: date, calendar: WorkCalendar
) -> int | None:
    """Working days the work done lags the plan (earned schedule: the day on which the plan
    reached today's EV); negative when ahead. None without planned work."""
    if not tasks or not any(task.budget for task in tasks):
        return None

    def planned(day: date) -> float:
        return sum(task.budget * planned_share(task, day, calendar) for task in tasks)

    earliest = min(task.planned_start for task in tasks)
    latest = max(task.planned_finish for task in tasks)
    tolerance = 1e-9 * max(1.0, ev)
    # The plan only grows day by day, so the day it had earned EV is found by halving the
    # span (a day-by-day walk summed every task once per day: 7 s for `pmtui evm` on 3,000
    # tasks half a year off plan). Same day as the walk.
    if planned(as_of) > ev + tolerance:  # behind: the last day the plan had at most EV
        low, high = earliest - timedelta(days=1), as_of  # planned(high) > EV; low: before all
        while (high - low).days > 1:
            middle = low + (high - low) // 2
            if planned(middle) > ev + tolerance:
                high = middle
            else:
                low = middle
        # Working days after the day the plan had earned EV, up to and including as_of.
        return calendar.working_days_between(low + timedelta(days=1), as_of + timedelta(days=1))
    day = as_of
    if day < latest and planned(day) < ev - tolerance:  # ahead: the first day it had EV
        low, high = as_of, latest  # planned(low) < EV; high: the walk's end in any case
        while (high - low).days > 1:
            middle = low + (high - low) // 2
            if planned(middle) < ev - tolerance:
                low = middle
            else:
                high = middle
        day = high
    return -calendar.working_days_between(as_of + timedelta(days=1), day + timedelta(days=1))


def index_level(value: float | None, amber: float, red: float) -> str:
    """green, amber or red for an SPI or CPI against the project's thresholds ("" when
    undefined): below `red` is red, below `amber` amber."""
    if value is None:
        return ""
    if value < red:
        return "red"
    return "amber" if value < amber else "green"


def _span(days: int) -> str:
    if days >= 10:
        weeks = round(days / 5)
        return f"{weeks} weeks"
    return "1 day" if days == 1 else f"{days} days"


def status_text(cpi: float | None, lag: int | None) -> str:
    """The state in plain words: "15 % over budget, 3 weeks behind"."""
    parts = []
    if cpi is None or cpi <= 0:
        parts.append("cost not known yet")
    else:
        over = 1 / cpi - 1
        if abs(over) < 0.005:
            parts.append("on budget")
        else:
            parts.append(f"{abs(over) * 100:.0f} % {'over' if over > 0 else 'under'} budget")
    if lag is None:
        parts.append("no work planned yet")
    elif lag == 0:
        parts.append("on schedule")
    else:
        parts.append(f"{_span(abs(lag))} {'behind' if lag > 0 else 'ahead'}")
    return ", ".join(parts)
