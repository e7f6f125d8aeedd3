"""One vendor comparison gathered from the project: criteria, vendors, scores and quotes.

The board, the CLI, the reports and the rules all score a comparison through
ComparisonData, so they agree on names, weights, totals and TCO.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pmtui.domain.scoring import (
    DEFAULT_SCALE,
    ComparisonResult,
    Quote,
    Sensitivity,
    score_comparison,
    sensitivity,
)
from pmtui.records.vendors import DEFAULT_HORIZON_YEARS
from pmtui.schema import Reader, record_labels

Record = dict[str, Any]


def comparison_vendor_keys(reader: Reader, comparison: Record) -> list[str]:
    """The comparison's vendors: its candidates, then any vendor with a score or quote in it."""
    key = comparison.get("key")
    criteria = {str(c["key"]) for c in reader.records("criteria") if c.get("comparison") == key}
    keys: list[str] = [str(v) for v in comparison.get("candidates") or []]
    # A score belongs where its criterion does; its own comparison field may be empty.
    keys += [str(s["vendor"]) for s in reader.records("scores") if s.get("criterion") in criteria]
    keys += [str(q["vendor"]) for q in reader.records("quotes") if q.get("comparison") == key]
    return list(dict.fromkeys(k for k in keys if k))


@dataclass(frozen=True)
class ComparisonData:
    """One comparison's records, ready for the scoring domain (names as people read them)."""

    record: Record
    criteria: tuple[Record, ...]
    vendors: tuple[Record, ...]
    #: (vendor key, criterion key) -> score record.
    scores: Mapping[tuple[str, str], Record]
    quotes: tuple[Record, ...]

    @property
    def key(self) -> str:
        """The comparison's key."""
        return str(self.record["key"])

    @property
    def scale(self) -> float:
        """The maximum score."""
        return float(self.record.get("scale") or DEFAULT_SCALE)

    @property
    def horizon_years(self) -> float:
        """The years over which the TCO counts recurring costs."""
        return float(self.record.get("horizon_years") or DEFAULT_HORIZON_YEARS)

    @property
    def criterion_names(self) -> dict[str, str]:
        """Criterion key -> its name (unique within the comparison)."""
        return record_labels(self.criteria, "name")

    @property
    def vendor_names(self) -> dict[str, str]:
        """Vendor key -> its name (unique within the comparison)."""
        return record_labels(self.vendors, "name")

    def weights(self, overrides: Mapping[str, float] | None = None) -> list[tuple[str, float]]:
        """(criterion name, weight) pairs; `overrides` maps criterion keys to other weights."""
        names, changed = self.criterion_names, overrides or {}
        return [
            (names[str(c["key"])], float(changed.get(str(c["key"]), c.get("weight") or 0)))
            for c in self.criteria
        ]

    def score_values(self) -> dict[tuple[str, str], float]:
        """Scores keyed by (vendor name, criterion name), as the domain takes them."""
        vendors, criteria = self.vendor_names, self.criterion_names
        return {
            (vendors[v], criteria[c]): float(record["score"])
            for (v, c), record in self.scores.items()
            if v in vendors and c in criteria and record.get("score") is not None
        }

    def domain_quotes(self) -> list[Quote]:
        """The quotes as the domain's Quote values (vendor by name)."""
        vendors = self.vendor_names
        return [
            Quote(
                vendors.get(str(q["vendor"]), str(q["vendor"])),
                str(q.get("item") or ""),
                float(q.get("one_off") or 0),
                float(q.get("recurring_per_year") or 0),
            )
            for q in self.quotes
        ]

    def result(self, overrides: Mapping[str, float] | None = None) -> ComparisonResult:
        """Weighted totals, ranks, TCO and the winner (ValueError on out-of-range data)."""
        return score_comparison(
            self.weights(overrides),
            list(self.vendor_names.values()),
            self.score_values(),
            scale=self.scale,
            quotes=self.domain_quotes(),
            horizon_years=self.horizon_years,
        )

    def sensitivity(self) -> list[Sensitivity]:
        """For each criterion, the weight at which the leader loses its place."""
        return sensitivity(
            self.weights(),
            list(self.vendor_names.values()),
            self.score_values(),
            scale=self.scale,
        )

    def tco(self, vendor_key: str) -> float | None:
        """The vendor's total cost of ownership over the horizon (None without quotes)."""
        own = [q for q in self.quotes if q.get("vendor") == vendor_key]
        if not own:
            return None
        return sum(
            float(q.get("one_off") or 0)
            + float(q.get("recurring_per_year") or 0) * self.horizon_years
            for q in own
        )


def load_comparison(reader: Reader, comparison: Record) -> ComparisonData:
    """Gather a comparison's criteria, vendors, scores and quotes from the project."""
    key = comparison.get("key")
    vendor_keys = comparison_vendor_keys(reader, comparison)
    vendors = [reader.get("vendors", k) or {"key": k, "name": k} for k in vendor_keys]
    criteria = tuple(c for c in reader.records("criteria") if c.get("comparison") == key)
    criteria_keys = {str(c["key"]) for c in criteria}
    return ComparisonData(
        record=comparison,
        criteria=criteria,
        vendors=tuple(vendors),
        scores={
            (str(s.get("vendor")), str(s.get("criterion"))): s
            for s in reader.records("scores")
            if s.get("criterion") in criteria_keys
        },
        quotes=tuple(q for q in reader.records("quotes") if q.get("comparison") == key),
    )
