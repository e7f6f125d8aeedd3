"""Test data of the Vendors area: make random rows obey its tables' rules."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from pmtui.generate.rows import RefFixer, RowFixer

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


FIXERS: dict[str, RowFixer] = {
    "vendors": _fix_vendor,
    "comparisons": _fix_comparison,
    "criteria": _fix_criterion,
    "quotes": _fix_quote,
}
REF_FIXERS: dict[str, RefFixer] = {"scores": _fix_score}
