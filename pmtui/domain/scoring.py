"""Weighted scoring of vendors: totals, competition ranks, TCO, value and weight sensitivity."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

DEFAULT_SCALE = 5.0
"""Maximum score of a comparison when none is given (scores run 0..scale)."""

SENSITIVITY_FACTOR = 10.0
"""Sensitivity searches each weight over 0..SENSITIVITY_FACTOR x its current value."""

TIE_TOLERANCE = 1e-9
"""Totals closer than this (relative or absolute) share a rank."""


@dataclass(frozen=True)
class Quote:
    """One priced line of a vendor's offer: a one-off cost plus a recurring cost per year."""

    vendor: str
    item: str
    one_off: float = 0.0
    recurring_per_year: float = 0.0


@dataclass(frozen=True)
class VendorResult:
    """One vendor's standing in a comparison.

    weighted_total is sum(weight x score), a missing score counting 0; normalised is
    weighted_total / (sum of weights x scale), a fraction 0..1 (None without criteria);
    tco is the total cost of ownership over the horizon (None without quotes); value is
    normalised per unit of TCO (None when TCO is None or 0). ``why`` gives the reason for
    every field that is None, keyed by field name.
    """

    name: str
    weighted_total: float
    normalised: float | None
    rank: int
    tco: float | None
    value: float | None
    missing: tuple[str, ...]
    why: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ComparisonResult:
    """A scored comparison: vendors in rank order (ties by name) and the winner, if any.

    winner is None while the comparison is incomplete (a score is missing), while vendors
    tie for first place, or when it has no vendors or no criteria; ``why["winner"]`` says
    which. complete is False when any vendor lacks a score on any criterion.
    """

    criteria: tuple[tuple[str, float], ...]
    vendors: tuple[VendorResult, ...]
    winner: str | None
    complete: bool
    why: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Sensitivity:
    """How far one criterion's weight can move before another vendor overtakes the leader.

    flip_weight is the weight at which the overtaker draws level with the leader: beyond it
    (below it when flip_ratio < 1, above it when flip_ratio > 1) the overtaker strictly
    leads. flip_ratio is flip_weight / current_weight. robust is True when no vendor
    overtakes anywhere in the searched range; when there is no single leader to overtake
    (no vendors, or a tie for first place) robust is False and ``why`` says so.
    """

    criterion: str
    current_weight: float
    flip_weight: float | None
    flip_ratio: float | None
    overtaker: str | None
    robust: bool
    why: str | None = None


@dataclass(frozen=True)
class _Table:
    """Validated inputs of one comparison."""

    criteria: tuple[tuple[str, float], ...]
    vendors: tuple[str, ...]
    scores: Mapping[tuple[str, str], float]
    scale: float

    def score(self, vendor: str, criterion: str) -> float:
        # A missing score counts nothing, by the rules of the Vendors area.
        return self.scores.get((vendor, criterion), 0.0)

    def total(self, vendor: str) -> float:
        return math.fsum(weight * self.score(vendor, name) for name, weight in self.criteria)

    def missing(self, vendor: str) -> tuple[str, ...]:
        return tuple(name for name, _ in self.criteria if (vendor, name) not in self.scores)


def competition_ranks(values: Sequence[float], tolerance: float = TIE_TOLERANCE) -> list[int]:
    """Rank values highest first, "1224" style: equal values share a rank, the next is skipped.

    competition_ranks([5, 5, 3]) == [1, 1, 3]. Values within ``tolerance`` (relative or
    absolute) count as equal, so sums that differ only by rounding tie.
    """
    return [
        1 + sum(1 for other in values if other > value and not _same(other, value, tolerance))
        for value in values
    ]


def score_comparison(
    criteria: Sequence[tuple[str, float]],
    vendors: Sequence[str],
    scores: Mapping[tuple[str, str], float],
    scale: float = DEFAULT_SCALE,
    quotes: Sequence[Quote] = (),
    horizon_years: float = 1.0,
) -> ComparisonResult:
    """Score one comparison.

    criteria are (name, weight) pairs; weights are any positive numbers and need not sum
    to 100. vendors are the candidates; any vendor with a score or a quote joins them.
    scores are keyed (vendor, criterion) and lie in 0..scale. TCO over horizon_years is,
    per vendor, the sum over its quotes of one_off + recurring_per_year x horizon_years.

    Raises ValueError on a non-positive scale, weight or horizon, a score outside
    0..scale, a score for an unknown criterion, a repeated criterion or a negative cost.
    """
    table = _table(criteria, vendors, scores, scale, quotes)
    if not math.isfinite(horizon_years) or horizon_years <= 0:
        raise ValueError(f"horizon_years must be a positive number, not {horizon_years!r}")
    max_total = math.fsum(weight for _, weight in table.criteria) * table.scale
    totals = [table.total(vendor) for vendor in table.vendors]
    ranks = competition_ranks(totals)
    results = [
        _vendor_result(table, vendor, total, rank, max_total, quotes, horizon_years)
        for vendor, total, rank in zip(table.vendors, totals, ranks, strict=True)
    ]
    results.sort(key=lambda result: (result.rank, result.name.casefold(), result.name))
    complete = not any(result.missing for result in results)
    reason = _no_winner_reason(table, results)
    return ComparisonResult(
        criteria=table.criteria,
        vendors=tuple(results),
        winner=None if reason else results[0].name,
        complete=complete,
        why={"winner": reason} if reason else {},
    )


def sensitivity(
    criteria: Sequence[tuple[str, float]],
    vendors: Sequence[str],
    scores: Mapping[tuple[str, str], float],
    scale: float = DEFAULT_SCALE,
    factor: float = SENSITIVITY_FACTOR,
) -> list[Sensitivity]:
    """For each criterion, the nearest weight in 0..factor x current at which the leader loses.

    Only that criterion's weight moves; the others stay. The leader is the vendor ranked
    first by weighted total (missing scores count 0, as in score_comparison). Each answer
    is exact: with every other weight fixed, a vendor's total is linear in the varied
    weight w, total_v(w) = rest_v + w x score_v, so the weight where vendor v draws level
    with leader L solves rest_v + w x s_v = rest_L + w x s_L. Of all such crossings inside
    the range, in either direction, the one nearest the current weight is reported (on an
    equal distance, the lower weight). Arguments and errors are as for score_comparison.
    """
    if not math.isfinite(factor) or factor <= 0:
        raise ValueError(f"the sensitivity factor must be a positive number, not {factor!r}")
    table = _table(criteria, vendors, scores, scale, ())
    # Normalised totals move with w as well, but their denominator (sum of weights x scale)
    # is the same for every vendor, so who leads depends on the weighted totals alone.
    totals = {vendor: table.total(vendor) for vendor in table.vendors}
    ranks = competition_ranks(list(totals.values()))
    leaders = [vendor for vendor, rank in zip(totals, ranks, strict=True) if rank == 1]
    if len(leaders) != 1:
        why = (
            "no vendors"
            if not leaders
            else f"no single leader: {_joined(sorted(leaders, key=str.casefold))} tie for first"
        )
        return [
            Sensitivity(name, weight, None, None, None, robust=False, why=why)
            for name, weight in table.criteria
        ]
    leader = leaders[0]
    return [
        _criterion_sensitivity(table, totals, leader, name, weight, factor)
        for name, weight in table.criteria
    ]


def check_decision(chosen_tco: float | None, approver_limit: float | None) -> str | None:
    """Why the decision may not be recorded, or None when the approver's limit covers it.

    The decided_by person's approval_limit must cover the chosen vendor's TCO. A missing
    limit (no approver, or one without a limit) and an unknown TCO (no quotes) both refuse:
    an approval nobody can check is no approval. Amounts are compared to the cent.
    """
    if approver_limit is None:
        return "the approver (decided_by) has no approval limit"
    if chosen_tco is None:
        return "the chosen vendor has no quotes, so its TCO is unknown"
    if round(chosen_tco, 2) > round(approver_limit, 2):
        return (
            f"the chosen vendor's TCO {chosen_tco:,.2f} exceeds "
            f"the approver's limit {approver_limit:,.2f}"
        )
    return None


def to_json(result: ComparisonResult) -> dict[str, Any]:
    """The per-comparison part of `vendors --json` (CONTRACT.md), unrounded.

    {"criteria": [{"name", "weight"}], "vendors": [{"name", "weighted_total", "normalised",
    "rank", "tco", "missing", "why"}], "winner", "complete", "why"}; the caller adds "key"
    and "title". Undefined values are null with their reason in the sibling "why".
    """
    return {
        "criteria": [{"name": name, "weight": weight} for name, weight in result.criteria],
        "vendors": [_vendor_json(vendor) for vendor in result.vendors],
        "winner": result.winner,
        "complete": result.complete,
        "why": dict(result.why),
    }


def _vendor_json(vendor: VendorResult) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": vendor.name,
        "weighted_total": vendor.weighted_total,
        "normalised": vendor.normalised,
        "rank": vendor.rank,
        "tco": vendor.tco,
        "missing": list(vendor.missing),
    }
    entry["why"] = {key: reason for key, reason in vendor.why.items() if key in entry}
    return entry


def _vendor_result(
    table: _Table,
    vendor: str,
    total: float,
    rank: int,
    max_total: float,
    quotes: Sequence[Quote],
    horizon_years: float,
) -> VendorResult:
    why: dict[str, str] = {}
    normalised = total / max_total if max_total > 0 else None
    if normalised is None:
        why["normalised"] = "no criteria"
    own_quotes = [quote for quote in quotes if quote.vendor == vendor]
    tco = (
        math.fsum(q.one_off + q.recurring_per_year * horizon_years for q in own_quotes)
        if own_quotes
        else None
    )
    if tco is None:
        why["tco"] = "no quotes"
    value: float | None = None
    if normalised is None:
        why["value"] = "no criteria"
    elif tco is None:
        why["value"] = "no quotes"
    elif tco == 0:
        why["value"] = "TCO is 0"
    else:
        value = normalised / tco
    return VendorResult(
        name=vendor,
        weighted_total=total,
        normalised=normalised,
        rank=rank,
        tco=tco,
        value=value,
        missing=table.missing(vendor),
        why=why,
    )


def _no_winner_reason(table: _Table, results: Sequence[VendorResult]) -> str:
    if not results:
        return "no vendors"
    if not table.criteria:
        return "no criteria"
    reasons = []
    incomplete = [result for result in results if result.missing]
    if incomplete:
        gaps = "; ".join(f"{r.name} ({', '.join(r.missing)})" for r in incomplete)
        reasons.append(f"scores missing: {gaps}")
    tied = [result.name for result in results if result.rank == 1]
    if len(tied) > 1:
        reasons.append(f"{_joined(tied)} tie for first")
    return "; ".join(reasons)


def _criterion_sensitivity(
    table: _Table,
    totals: Mapping[str, float],
    leader: str,
    criterion: str,
    weight: float,
    factor: float,
) -> Sensitivity:
    leader_score = table.score(leader, criterion)
    upper = factor * weight
    # (crossing weight, slope, vendor): slope is how fast the vendor gains on the leader.
    crossings: list[tuple[float, float, str]] = []
    for vendor, total in totals.items():
        slope = table.score(vendor, criterion) - leader_score
        if vendor == leader or slope == 0:
            continue  # equal scores on this criterion: the gap never changes with its weight
        # total_v(w) - total_L(w) = (total_v - total_L) + (w - weight) x slope, zero at:
        crossing = weight + (totals[leader] - total) / slope
        # Draw level at 0 or at the top of the range and nobody gets strictly ahead inside it.
        if 0 < crossing < upper:
            crossings.append((crossing, slope, vendor))
    if not crossings:
        return Sensitivity(criterion, weight, None, None, None, robust=True)
    nearest = min(abs(crossing - weight) for crossing, _, _ in crossings)
    closest = [c for c in crossings if _same(abs(c[0] - weight), nearest, TIE_TOLERANCE)]
    # Lower weight first on an equal distance; among vendors level at the same point, the
    # one gaining fastest leads just past it; then by name, so the answer is stable.
    crossing, _, overtaker = min(
        closest, key=lambda c: (c[0] > weight, -abs(c[1]), c[2].casefold(), c[2])
    )
    return Sensitivity(criterion, weight, crossing, crossing / weight, overtaker, robust=False)


def _table(
    criteria: Sequence[tuple[str, float]],
    vendors: Sequence[str],
    scores: Mapping[tuple[str, str], float],
    scale: float,
    quotes: Sequence[Quote],
) -> _Table:
    if not math.isfinite(scale) or scale <= 0:
        raise ValueError(f"the scale (maximum score) must be a positive number, not {scale!r}")
    names: set[str] = set()
    for name, weight in criteria:
        if name in names:
            raise ValueError(f"criterion {name!r} is listed twice")
        names.add(name)
        if not math.isfinite(weight) or weight <= 0:
            raise ValueError(f"criterion {name!r} needs a positive weight, not {weight!r}")
    for (vendor, criterion), score in scores.items():
        if criterion not in names:
            raise ValueError(f"{vendor!r} has a score for unknown criterion {criterion!r}")
        if not math.isfinite(score) or not 0 <= score <= scale:
            raise ValueError(
                f"{vendor!r} scores {score!r} on {criterion!r}; scores run from 0 to {scale:g}"
            )
    for quote in quotes:
        for label, cost in (("one-off", quote.one_off), ("recurring", quote.recurring_per_year)):
            if not math.isfinite(cost) or cost < 0:
                raise ValueError(
                    f"{quote.vendor!r} quotes {quote.item!r} with a {label} cost of {cost!r}; "
                    "costs cannot be negative"
                )
    # Candidates first, then anyone else with a score or a quote (CONTRACT.md, vendors).
    everyone = [*vendors, *(vendor for vendor, _ in scores), *(q.vendor for q in quotes)]
    return _Table(
        criteria=tuple((name, weight) for name, weight in criteria),
        vendors=tuple(dict.fromkeys(everyone)),
        scores=dict(scores),
        scale=scale,
    )


def _same(first: float, second: float, tolerance: float) -> bool:
    return math.isclose(first, second, rel_tol=tolerance, abs_tol=tolerance)


def _joined(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
