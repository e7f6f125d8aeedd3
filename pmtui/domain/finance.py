"""The business case's maths: NPV, IRR, ROI and (discounted) payback of one option's flows.

Flows are per period, period 0 first (now, undiscounted). Every figure that cannot be
worked out is None with the reason in `why`, never infinity or a string.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

#: Rates searched for roots of the NPV: from -99 % up to 100,000 % per period.
_LOWEST_RATE = -0.99
_HIGHEST_RATE = 1000.0
_GRID_STEPS = 4000


def npv(rate: float, flows: Sequence[float]) -> float:
    """Net present value at `rate` per period; flows[0] is now and is not discounted."""
    base = 1.0 + rate
    return sum(flow / base**period for period, flow in enumerate(flows))


def sign_changes(flows: Sequence[float]) -> int:
    """How often the non-zero flows change sign (Descartes: at most that many IRRs)."""
    signs = [flow > 0 for flow in flows if flow != 0]
    return sum(1 for a, b in itertools.pairwise(signs) if a != b)


def _grid() -> list[float]:
    # Evenly spaced in log(1 + rate), so small rates are searched as finely as large ones.
    low, high = math.log1p(_LOWEST_RATE), math.log1p(_HIGHEST_RATE)
    step = (high - low) / _GRID_STEPS
    return [math.expm1(low + step * i) for i in range(_GRID_STEPS + 1)]


def _bisect(flows: Sequence[float], low: float, high: float) -> float:
    f_low = npv(low, flows)
    for _ in range(200):
        middle = (low + high) / 2
        f_middle = npv(middle, flows)
        if f_middle == 0 or high - low < 1e-15:
            return middle
        if (f_middle > 0) == (f_low > 0):
            low, f_low = middle, f_middle
        else:
            high = middle
    return (low + high) / 2


def irr_roots(flows: Sequence[float]) -> list[float]:
    """Every rate above -99 % per period at which the NPV is zero (to 1e-12), lowest first."""
    roots: list[float] = []
    grid = _grid()
    values = [npv(rate, flows) for rate in grid]
    scale = max((abs(flow) for flow in flows), default=0.0) or 1.0
    for index, (rate, value) in enumerate(zip(grid, values, strict=True)):
        if value == 0:
            roots.append(rate)
        elif index and (values[index - 1] > 0) != (value > 0) and values[index - 1] != 0:
            root = _bisect(flows, grid[index - 1], rate)
            if abs(npv(root, flows)) <= 1e-6 * scale:  # a pole-free sign change is a root
                roots.append(root)
    return roots


@dataclass(frozen=True)
class IrrResult:
    """The IRR chosen (None when there is none), every root found, and why."""

    value: float | None
    roots: tuple[float, ...] = ()
    why: str = ""


def irr(flows: Sequence[float], near: float = 0.0) -> IrrResult:
    """The internal rate of return per period. No sign change: None with a reason. Several
    roots: the one nearest `near` (the discount rate), verified, and `why` says so."""
    if sign_changes(flows) == 0:
        return IrrResult(None, (), "the flows never change sign, so no rate makes NPV zero")
    roots = irr_roots(flows)
    if not roots:
        return IrrResult(None, (), "no rate between -99 % and 100,000 % makes NPV zero")
    chosen = min(roots, key=lambda root: (abs(root - near), root))
    if len(roots) == 1:
        return IrrResult(chosen, tuple(roots))
    listed = ", ".join(f"{root * 100:.4g} %" for root in roots)
    return IrrResult(
        chosen,
        tuple(roots),
        f"several rates make NPV zero ({listed}); shown: the one nearest the discount rate",
    )


def roi(total_benefit: float, total_cost: float) -> float | None:
    """(benefit - cost) / cost, as a fraction; None when there is no cost."""
    if total_cost == 0:
        return None
    return (total_benefit - total_cost) / total_cost


def payback(flows: Sequence[float]) -> float | None:
    """Periods until the cumulative flow is back to zero, interpolated linearly within the
    period that pays back (period 0 counts as time 0); None when it never does, 0 when
    nothing is ever owed."""
    cumulative = 0.0
    for period, flow in enumerate(flows):
        before = cumulative
        cumulative += flow
        if cumulative >= 0 and before < 0:
            return period - 1 + (-before / flow)
    if all(total >= 0 for total in _running(flows)):
        return 0.0
    return None


def _running(flows: Sequence[float]) -> list[float]:
    totals, cumulative = [], 0.0
    for flow in flows:
        cumulative += flow
        totals.append(cumulative)
    return totals


def discounted(rate: float, flows: Sequence[float]) -> list[float]:
    """Each flow discounted to period 0."""
    return [flow / (1.0 + rate) ** period for period, flow in enumerate(flows)]


@dataclass(frozen=True)
class OptionCase:
    """One option's figures: rate and IRR per period as fractions, payback in periods."""

    rate: float
    npv: float
    irr: float | None
    roi: float | None
    payback: float | None
    discounted_payback: float | None
    total_cost: float
    total_benefit: float
    irr_roots: tuple[float, ...] = ()
    why: dict[str, str] = field(default_factory=dict)


def option_case(rate: float, costs: Sequence[float], benefits: Sequence[float]) -> OptionCase:
    """The business case of one option's flows (costs and benefits per period, period 0
    first) at `rate` per period."""
    flows = [b - c for c, b in zip(costs, benefits, strict=True)]
    why: dict[str, str] = {}
    total_cost, total_benefit = float(sum(costs)), float(sum(benefits))
    found = irr(flows, rate)
    if found.why:
        why["irr"] = found.why
    ratio = roi(total_benefit, total_cost)
    if ratio is None:
        why["roi"] = "there is no cost to divide by"
    simple = payback(flows)
    if simple is None:
        why["payback"] = "the cumulative flows never get back to zero"
    late = payback(discounted(rate, flows))
    if late is None:
        why["discounted_payback"] = "the discounted cumulative flows never get back to zero"
    return OptionCase(
        rate,
        npv(rate, flows),
        found.value,
        ratio,
        simple,
        late,
        total_cost,
        total_benefit,
        found.roots,
        why,
    )


def per_period_rate(yearly: float, periods_per_year: int) -> float:
    """The rate per period equivalent to a yearly rate (compounded): 8 % a year is about
    1.94 % a quarter."""
    return float((1.0 + yearly) ** (1.0 / periods_per_year) - 1.0)


def yearly_rate(per_period: float, periods_per_year: int) -> float:
    """The yearly rate equivalent to a rate per period."""
    return float((1.0 + per_period) ** periods_per_year - 1.0)
