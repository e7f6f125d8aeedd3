"""Vendors and their comparison: directory, comparisons, weighted criteria, scores and quotes.

Besides the declarations, this module gathers one comparison's records for the scoring
domain (ComparisonData), so the board, the CLI and the reports score it the same way, and
it holds the rules across records that the store enforces for every way in (app, CLI,
CSV/JSON import): one score per comparison, vendor and criterion; scores within the
comparison's scale; a decision only by someone whose approval limit covers the TCO.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pmtui.domain.scoring import (
    DEFAULT_SCALE,
    ComparisonResult,
    Quote,
    Sensitivity,
    check_decision,
    score_comparison,
    sensitivity,
)
from pmtui.generate import FIXERS, REF_FIXERS
from pmtui.schema import Field, Kind, Reader, RecordType, register

Record = dict[str, Any]
Errors = dict[int, dict[str, str]]

VENDOR_STATUSES = ("candidate", "shortlisted", "selected", "rejected", "contracted")
DEFAULT_HORIZON_YEARS = 3


# ---------------------------------------------------------------- rules within one record


def _vendor_check(record: Record) -> dict[str, str]:
    start, end = record.get("contract_start"), record.get("contract_end")
    notice = record.get("renewal_notice")
    errors: dict[str, str] = {}
    if start and end and end < start:
        errors["contract_end"] = f"{end} is before the contract start {start}"
    if notice and end and notice > end:
        errors["renewal_notice"] = f"{notice} is after the contract end {end}"
    return errors


def _comparison_check(record: Record) -> dict[str, str]:
    errors: dict[str, str] = {}
    horizon = record.get("horizon_years")
    if horizon is not None and horizon <= 0:
        errors["horizon_years"] = "must be more than 0 years"
    if record.get("chosen_vendor"):
        for name in ("decided_by", "decided_on"):
            if not record.get(name):
                errors[name] = "is required once a vendor is chosen"
    return errors


def _criterion_check(record: Record) -> dict[str, str]:
    weight = record.get("weight")
    if weight is not None and weight <= 0:
        return {"weight": "must be more than 0 (any positive number; weights need not sum to 100)"}
    return {}


def _quote_check(record: Record) -> dict[str, str]:
    if record.get("one_off") is None and record.get("recurring_per_year") is None:
        return {"one_off": "give a one-off cost, a recurring cost per year, or both"}
    return {}


def _comparison_status(records: list[Record], project: Record) -> dict[str, dict[str, Any]]:
    # Computed, so a comparison can never be "decided" without a chosen vendor or vice versa.
    return {
        str(r["key"]): {"status": "decided" if r.get("chosen_vendor") else "open"} for r in records
    }


# ---------------------------------------------------------------- one comparison, gathered


def comparison_vendor_keys(reader: Reader, comparison: Record) -> list[str]:
    """The comparison's vendors: its candidates, then any vendor with a score or quote in it."""
    key = comparison.get("key")
    criteria = {str(c["key"]) for c in reader.records("criteria") if c.get("comparison") == key}
    keys: list[str] = [str(v) for v in comparison.get("candidates") or []]
    # A score belongs where its criterion does; its own comparison field may be empty.
    keys += [str(s["vendor"]) for s in reader.records("scores") if s.get("criterion") in criteria]
    keys += [str(q["vendor"]) for q in reader.records("quotes") if q.get("comparison") == key]
    return list(dict.fromkeys(k for k in keys if k))


def _labels(records: Iterable[Record], field: str) -> dict[str, str]:
    """key -> the record's name, or "name (key)" where two records share a name."""
    items = [(str(r["key"]), str(r.get(field) or r["key"])) for r in records]
    counts: dict[str, int] = {}
    for _, name in items:
        counts[name.casefold()] = counts.get(name.casefold(), 0) + 1
    return {key: name if counts[name.casefold()] == 1 else f"{name} ({key})" for key, name in items}


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
        return _labels(self.criteria, "name")

    @property
    def vendor_names(self) -> dict[str, str]:
        """Vendor key -> its name (unique within the comparison)."""
        return _labels(self.vendors, "name")

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


# ---------------------------------------------------------------- rules across records


def _same_name_elsewhere(
    reader: Reader, table: str, records: Sequence[Record], group: str | None
) -> Errors:
    """Records whose name another record of the table (in the same `group`) already has."""
    holders: dict[tuple[str, str], set[str]] = {}
    for other in reader.records(table):
        name = str(other.get("name") or "").strip().casefold()
        holders.setdefault((str(other.get(group)) if group else "", name), set()).add(
            str(other.get("key"))
        )
    errors: Errors = {}
    for index, record in enumerate(records):
        name = str(record.get("name") or "").strip()
        where = str(record.get(group)) if group else ""
        others = holders.get((where, name.casefold()), set()) - {str(record.get("key"))}
        if name and others:
            scope = f" in {where}" if group else ""
            errors[index] = {"name": f"{name!r} is taken{scope} by {', '.join(sorted(others))}"}
    return errors


def _vendor_rules(reader: Reader, records: Sequence[Record]) -> Errors:
    return _same_name_elsewhere(reader, "vendors", records, None)


def _comparison_rules(reader: Reader, records: Sequence[Record]) -> Errors:
    errors: Errors = {}
    for index, record in enumerate(records):
        found: dict[str, str] = {}
        data = load_comparison(reader, record)
        top = max((float(s.get("score") or 0) for s in data.scores.values()), default=0.0)
        if top > data.scale:
            found["scale"] = (
                f"scores up to {top:g} exist in this comparison; lower them before the scale"
            )
        chosen = record.get("chosen_vendor")
        if chosen:
            if chosen not in {str(v["key"]) for v in data.vendors}:
                found["chosen_vendor"] = (
                    f"{chosen} is not one of this comparison's vendors "
                    "(its candidates, or a vendor scored or quoted in it)"
                )
            elif record.get("decided_by"):
                approver = reader.get("people", str(record["decided_by"])) or {}
                limit = approver.get("approval_limit")
                reason = check_decision(
                    data.tco(str(chosen)), None if limit is None else float(limit)
                )
                if reason:
                    found["decided_by"] = f"cannot approve: {reason}"
        if found:
            errors[index] = found
    return errors


def _criterion_rules(reader: Reader, records: Sequence[Record]) -> Errors:
    errors = _same_name_elsewhere(reader, "criteria", records, "comparison")
    scored_in: dict[str, set[str]] = {}
    for score in reader.records("scores"):
        if score.get("comparison"):
            scored_in.setdefault(str(score.get("criterion")), set()).add(str(score["comparison"]))
    for index, record in enumerate(records):
        elsewhere = scored_in.get(str(record.get("key")), set()) - {str(record.get("comparison"))}
        if elsewhere:
            errors.setdefault(index, {})["comparison"] = (
                f"it has scores in {', '.join(sorted(elsewhere))}; "
                "a scored criterion cannot move to another comparison"
            )
    return errors


def _score_rules(reader: Reader, records: Sequence[Record]) -> Errors:
    holders: dict[tuple[str, str], set[str]] = {}
    for other in reader.records("scores"):
        cell = (str(other.get("vendor")), str(other.get("criterion")))
        holders.setdefault(cell, set()).add(str(other.get("key")))
    errors: Errors = {}
    for index, record in enumerate(records):
        found: dict[str, str] = {}
        criterion = reader.get("criteria", str(record.get("criterion"))) or {}
        comparison_key = str(criterion.get("comparison") or record.get("comparison"))
        if record.get("comparison") and criterion and record["comparison"] != comparison_key:
            found["criterion"] = (
                f"{criterion['key']} ({criterion.get('name')}) belongs to "
                f"{comparison_key}, not {record['comparison']}"
            )
        comparison = reader.get("comparisons", comparison_key) or {}
        scale = float(comparison.get("scale") or DEFAULT_SCALE)
        score = record.get("score")
        if score is not None and not 0 <= float(score) <= scale:
            found["score"] = f"{score:g} is outside 0-{scale:g}, the scale of {comparison_key}"
        vendor, criterion_key = str(record.get("vendor")), str(record.get("criterion"))
        others = holders.get((vendor, criterion_key), set()) - {str(record.get("key"))}
        if others:
            vendor_name = (reader.get("vendors", vendor) or {}).get("name", vendor)
            found["criterion"] = (
                f"{vendor_name} already has a score on {criterion.get('name', criterion_key)} "
                f"({', '.join(sorted(others))}); change that one"
            )
        if found:
            errors[index] = found
    return errors


# ---------------------------------------------------------------- declarations

VENDORS = register(
    RecordType(
        table="vendors",
        singular="vendor",
        key_prefix="V",
        label_field="name",
        board="vendors.directory",
        help="Suppliers and consultants: who they are, where they stand, their contract dates.",
        check=_vendor_check,
        rules=_vendor_rules,
        fields=(
            Field("name", Kind.TEXT, required=True, width=18, help="The vendor's name (unique)."),
            Field("category", Kind.TEXT, width=12, help="What they supply, e.g. software."),
            Field("contact", Kind.TEXT, width=0, help="Who to call: name, e-mail, phone."),
            Field("website", Kind.URL, width=0, help="The vendor's web site."),
            Field(
                "status",
                Kind.CHOICE,
                choices=VENDOR_STATUSES,
                default="candidate",
                width=11,
                help="Where the vendor stands: " + ", ".join(VENDOR_STATUSES) + ".",
            ),
            Field("contract_start", Kind.DATE, label="Start", width=10, help="Contract start."),
            Field("contract_end", Kind.DATE, label="End", width=10, help="Contract end."),
            Field(
                "renewal_notice",
                Kind.DATE,
                label="Notice by",
                width=10,
                help="The last day to give notice or renew; Today lists it 60 days ahead.",
            ),
            Field("notes", Kind.LONG_TEXT, width=0, help="Anything worth remembering."),
        ),
    )
)

COMPARISONS = register(
    RecordType(
        table="comparisons",
        singular="comparison",
        key_prefix="CMP",
        board="vendors.compare",
        help="One vendor decision: candidates scored on weighted criteria, and the choice made.",
        check=_comparison_check,
        rules=_comparison_rules,
        compute=_comparison_status,
        fields=(
            Field("title", Kind.TEXT, required=True, width=22, help="e.g. Ticketing platform."),
            Field("question", Kind.LONG_TEXT, width=0, help="The question the decision answers."),
            Field(
                "status",
                Kind.CHOICE,
                choices=("open", "decided"),
                computed=True,
                width=8,
                help="open until a vendor is chosen, then decided (computed).",
            ),
            Field(
                "scale",
                Kind.INTEGER,
                default=5,
                minimum=1,
                maximum=10,
                width=5,
                help="The highest score: scores run 0..scale (5 by default, up to 10).",
            ),
            Field(
                "horizon_years",
                Kind.NUMBER,
                label="Horizon (years)",
                default=DEFAULT_HORIZON_YEARS,
                width=7,
                help="Years of recurring costs counted in the total cost of ownership.",
            ),
            Field(
                "candidates",
                Kind.REFS,
                target="vendors",
                width=0,
                help="The vendors compared (keys or names); scored or quoted vendors join them.",
            ),
            Field(
                "chosen_vendor",
                Kind.REF,
                target="vendors",
                label="Chosen",
                width=14,
                help="The vendor chosen; setting it records the decision.",
            ),
            Field("rationale", Kind.LONG_TEXT, width=0, help="Why this vendor."),
            Field(
                "decided_by",
                Kind.REF,
                target="people",
                width=0,
                help="Who approved it; their approval limit must cover the chosen vendor's TCO.",
            ),
            Field("decided_on", Kind.DATE, width=10, help="When the decision was taken."),
        ),
    )
)

CRITERIA = register(
    RecordType(
        table="criteria",
        singular="criterion",
        key_prefix="CR",
        label_field="name",
        board="vendors.compare",
        help="What vendors are scored on in a comparison, and how much each criterion weighs.",
        check=_criterion_check,
        rules=_criterion_rules,
        fields=(
            Field(
                "comparison",
                Kind.REF,
                target="comparisons",
                owner=True,
                required=True,
                width=6,
                help="The comparison (key or title).",
            ),
            Field("name", Kind.TEXT, required=True, width=20, help="e.g. Support SLA (unique)."),
            Field(
                "weight",
                Kind.NUMBER,
                required=True,
                default=10,
                minimum=0,
                width=6,
                help="Any positive number; weights need not sum to 100.",
            ),
            Field("description", Kind.LONG_TEXT, width=30, help="What a high score means."),
        ),
    )
)

SCORES = register(
    RecordType(
        table="scores",
        singular="score",
        key_prefix="SC",
        label_field="note",
        board="vendors.compare",
        help="One vendor's score on one criterion of a comparison, and why.",
        rules=_score_rules,
        fields=(
            Field(
                "comparison",
                Kind.REF,
                target="comparisons",
                owner=True,
                width=6,
                help="The comparison (key or title); when empty, the criterion's.",
            ),
            Field(
                "vendor",
                Kind.REF,
                target="vendors",
                required=True,
                width=14,
                help="The vendor scored (key or name).",
            ),
            Field(
                "criterion",
                Kind.REF,
                target="criteria",
                owner=True,
                required=True,
                width=14,
                help="The criterion (key, or name when unique); one score per vendor each.",
            ),
            Field(
                "score",
                Kind.NUMBER,
                required=True,
                minimum=0,
                maximum=10,
                width=5,
                help="0 up to the comparison's scale.",
            ),
            Field("note", Kind.TEXT, width=30, help="Why this score."),
        ),
    )
)

QUOTES = register(
    RecordType(
        table="quotes",
        singular="quote",
        key_prefix="Q",
        label_field="item",
        board="vendors.quotes",
        help="Priced lines of a vendor's offer; they make up its total cost of ownership.",
        check=_quote_check,
        fields=(
            Field(
                "vendor",
                Kind.REF,
                target="vendors",
                required=True,
                width=14,
                help="The vendor quoting (key or name).",
            ),
            Field(
                "comparison",
                Kind.REF,
                target="comparisons",
                owner=True,
                required=True,
                width=14,
                help="The comparison the quote prices (key or title).",
            ),
            Field("item", Kind.TEXT, required=True, width=20, help="e.g. Licences, 50 agents."),
            Field(
                "one_off",
                Kind.MONEY,
                minimum=0,
                label="One-off",
                width=11,
                help="Cost paid once (set-up, migration).",
            ),
            Field(
                "recurring_per_year",
                Kind.MONEY,
                minimum=0,
                label="Per year",
                width=11,
                help="Cost paid every year (licences, support).",
            ),
        ),
    )
)


# ---------------------------------------------------------------- test data that obeys the rules


def _fix_vendor(row: dict[str, str], rng: random.Random) -> None:
    # Random start and notice dates are all in 2026 or near today: an end in 2030 follows both.
    if "contract_end" in row:
        row["contract_end"] = "2030-12-31"


def _fix_comparison(row: dict[str, str], rng: random.Random) -> None:
    # A random decision would need an approver whose limit covers a TCO not yet quoted.
    for name in ("chosen_vendor", "decided_by", "decided_on"):
        row.pop(name, None)
    if "horizon_years" in row:
        row["horizon_years"] = str(rng.randint(1, 10))


def _fix_criterion(row: dict[str, str], rng: random.Random) -> None:
    row["weight"] = str(rng.randint(1, 100))


def _fix_score(
    row: dict[str, str], rng: random.Random, refs: Mapping[str, Sequence[str]], index: int
) -> None:
    vendors, criteria = refs.get("vendors", []), refs.get("criteria", [])
    if vendors and criteria:
        # Row n gets the n-th (vendor, criterion) pair: one score per pair, by construction.
        row["vendor"] = vendors[(index - 1) % len(vendors)]
        row["criterion"] = criteria[(index - 1) // len(vendors) % len(criteria)]
    row.pop("comparison", None)  # the criterion's comparison is the score's
    row["score"] = rng.choice(("0", "0.5", "1"))  # within every scale (1 to 10)


def _fix_quote(row: dict[str, str], rng: random.Random) -> None:
    if "one_off" not in row and "recurring_per_year" not in row:
        row["one_off"] = str(rng.randint(0, 100_000))


FIXERS.update(
    vendors=_fix_vendor, comparisons=_fix_comparison, criteria=_fix_criterion, quotes=_fix_quote
)
REF_FIXERS["scores"] = _fix_score
