"""Test data of the Money area: make random rows obey its tables' rules."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from pmtui.generate.rows import RefFixer, RowFixer

#: Categories every generated project has (the project's default list).
_CATEGORIES = ("labour", "software", "hardware", "services", "travel", "other")


def _fix_budget_line(
    row: dict[str, str], rng: random.Random, refs: Mapping[str, Sequence[str]], index: int
) -> None:
    # Row n gets the n-th (month, category) cell: one line per month and category.
    month, category = divmod(index - 1, len(_CATEGORIES))
    row["month"] = f"{2026 + month // 12:04d}-{month % 12 + 1:02d}"
    row["category"] = _CATEGORIES[category]


def _fix_expense(row: dict[str, str], rng: random.Random) -> None:
    row["category"] = rng.choice(_CATEGORIES)


def _fix_cash_flow(
    row: dict[str, str], rng: random.Random, refs: Mapping[str, Sequence[str]], index: int
) -> None:
    options = refs.get("business_options", [])
    if options:
        # Row n gets the n-th (option, period) pair: one flow per pair, by construction.
        row["option"] = options[(index - 1) % len(options)]
        row["period"] = str((index - 1) // len(options))


FIXERS: dict[str, RowFixer] = {"expenses": _fix_expense}
REF_FIXERS: dict[str, RefFixer] = {
    "budget_lines": _fix_budget_line,
    "cash_flows": _fix_cash_flow,
}
