"""Risk scoring: the probability-impact matrix (PMBOK values or a plain 1-25 product), levels
by thresholds, and the change workflow's allowed transitions. Pure: plain values in and out.

PMBOK prints each matrix cell as probability x impact rounded half-up to two decimals (0.7 x
0.05 = 0.035 shows as 0.04); binary floats and Python's `round` (half to even) get some
cells wrong, so the cell is worked out in decimal arithmetic. CONTRACT: `score` is that
printed cell, `score_exact` the product.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

#: PMBOK Guide (4th ed., Figure 11-10): probability of ratings 1-5 ...
PMBOK_PROBABILITY = (0.1, 0.3, 0.5, 0.7, 0.9)
#: ... and impact of ratings 1-5 (a ratio scale, each step doubling).
PMBOK_IMPACT = (0.05, 0.1, 0.2, 0.4, 0.8)
#: Level thresholds (a score at or above `medium` is medium, at or above `high` is high).
PMBOK_THRESHOLDS = (0.05, 0.18)
PRODUCT_THRESHOLDS = (5.0, 12.0)
SCALES = ("pmbok", "product")
LEVELS = ("low", "medium", "high")


@dataclass(frozen=True)
class RiskMatrix:
    """A project's probability-impact matrix: values per rating 1-5 and level thresholds."""

    probability_values: tuple[float, ...] = PMBOK_PROBABILITY
    impact_values: tuple[float, ...] = PMBOK_IMPACT
    medium: float = PMBOK_THRESHOLDS[0]
    high: float = PMBOK_THRESHOLDS[1]
    #: "pmbok": values per rating, the cell rounded half-up to 2 decimals; "product": the
    #: plain product of the ratings (1-25).
    scale: str = "pmbok"

    def values(self, probability: int, impact: int) -> tuple[float, float]:
        """The probability and impact values of two ratings (1-5)."""
        _check_rating("probability", probability)
        _check_rating("impact", impact)
        if self.scale == "product":
            return float(probability), float(impact)
        return self.probability_values[probability - 1], self.impact_values[impact - 1]

    def exact(self, probability: int, impact: int) -> float:
        """The product of the two values, unrounded."""
        p, i = self.values(probability, impact)
        return p * i

    def score(self, probability: int, impact: int) -> float:
        """The matrix cell as printed: the product rounded half-up to 2 decimals."""
        p, i = self.values(probability, impact)
        cell = (Decimal(repr(p)) * Decimal(repr(i))).quantize(Decimal("0.01"), ROUND_HALF_UP)
        return float(cell)

    def level(self, score: float) -> str:
        """low, medium or high by the thresholds."""
        if score >= self.high:
            return "high"
        if score >= self.medium:
            return "medium"
        return "low"

    def cell_level(self, probability: int, impact: int) -> str:
        """The level of a cell of the matrix."""
        return self.level(self.score(probability, impact))

    def to_json(self) -> dict[str, Any]:
        """CONTRACT's `risks --json` "matrix" object."""
        if self.scale == "product":
            values = [1.0, 2.0, 3.0, 4.0, 5.0]
            return {
                "probability_values": values,
                "impact_values": values,
                "thresholds": {"medium": self.medium, "high": self.high},
                "scale": self.scale,
            }
        return {
            "probability_values": list(self.probability_values),
            "impact_values": list(self.impact_values),
            "thresholds": {"medium": self.medium, "high": self.high},
            "scale": self.scale,
        }


def _check_rating(name: str, rating: int) -> None:
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ValueError(f"{name} {rating!r} is not a rating from 1 to 5")


def parse_values(text: str) -> tuple[float, ...]:
    """Five increasing numbers between 0 and 1, separated by commas, semicolons or spaces;
    ValueError saying what is wrong."""
    parts = [p for p in text.replace(",", " ").replace(";", " ").split() if p]
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        raise ValueError(f"{text!r} is not five numbers such as 0.1, 0.3, 0.5, 0.7, 0.9") from None
    if len(values) != 5:
        raise ValueError(f"give five values, one per rating 1-5 (got {len(values)})")
    if any(not 0 < v <= 1 for v in values):
        raise ValueError("each value must be above 0 and at most 1")
    if any(b <= a for a, b in itertools.pairwise(values)):
        raise ValueError("values must increase from rating 1 to rating 5")
    return values


def matrix_of(project: dict[str, Any]) -> RiskMatrix:
    """The project's matrix from its settings (defaults for what it leaves empty)."""
    scale = str(project.get("risk_scale") or "pmbok")
    defaults = PRODUCT_THRESHOLDS if scale == "product" else PMBOK_THRESHOLDS
    probability: tuple[float, ...] = PMBOK_PROBABILITY
    impact: tuple[float, ...] = PMBOK_IMPACT
    if project.get("risk_probability_values"):
        probability = parse_values(str(project["risk_probability_values"]))
    if project.get("risk_impact_values"):
        impact = parse_values(str(project["risk_impact_values"]))
    medium = project.get("risk_medium")
    high = project.get("risk_high")
    return RiskMatrix(
        probability,
        impact,
        float(medium) if medium is not None else defaults[0],
        float(high) if high is not None else defaults[1],
        scale,
    )


def check_matrix_settings(project: dict[str, Any]) -> dict[str, str]:
    """Messages for the project's risk settings: five increasing values, medium below high."""
    problems: dict[str, str] = {}
    for name in ("risk_probability_values", "risk_impact_values"):
        if project.get(name):
            try:
                parse_values(str(project[name]))
            except ValueError as error:
                problems[name] = str(error)
    if not problems:
        matrix = matrix_of(project)
        if matrix.medium >= matrix.high:
            problems["risk_high"] = (
                f"{matrix.high:g} is not above the medium threshold {matrix.medium:g}"
            )
    return problems


# ---------------------------------------------------------------- change workflow

CHANGE_STATUSES = (
    "proposed",
    "under review",
    "escalated",
    "approved",
    "rejected",
    "implemented",
    "withdrawn",
)
#: Open states: a change in one of them awaits someone and may be withdrawn.
OPEN_CHANGE_STATUSES = ("proposed", "under review", "escalated")
#: Changes waiting for someone to decide them (approve or reject).
AWAITING = ("under review", "escalated")
#: Every allowed move: from -> the states it may go to.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "proposed": ("under review", "withdrawn"),
    "under review": ("approved", "rejected", "escalated", "withdrawn"),
    "escalated": ("approved", "rejected", "withdrawn"),
    "approved": ("implemented",),
    "rejected": (),
    "implemented": (),
    "withdrawn": (),
}


def transition_problem(current: str, wanted: str) -> str | None:
    """Why a change cannot move from `current` to `wanted`; None when it may."""
    if wanted not in TRANSITIONS:
        return f"{wanted!r} is not a change status; one of: {', '.join(CHANGE_STATUSES)}"
    allowed = TRANSITIONS.get(current, ())
    if wanted in allowed:
        return None
    if not allowed:
        return f"a change that is {current} is final: it cannot become {wanted}"
    return (
        f"a change that is {current} cannot become {wanted}; it can become {' or '.join(allowed)}"
    )


def within_limit(cost: float | None, limit: float | None) -> bool:
    """Whether an approval limit covers a cost (no cost: yes; no limit: only a zero cost)."""
    if not cost:
        return True
    return limit is not None and float(limit) >= float(cost)
