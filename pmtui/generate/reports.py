"""Test data of the Reports area: make random snapshots obey its table's rules."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, timedelta

from pmtui.generate.rows import RefFixer, RowFixer


def _fix_snapshot(row: dict[str, str], rng: random.Random) -> None:
    # An override comes with its reason.
    if row.get("override") and not row.get("override_reason"):
        row["override_reason"] = "Steering committee view."


def _one_per_date(
    row: dict[str, str], rng: random.Random, refs: Mapping[str, list[str]], index: int
) -> None:
    # One issued report per date: the n-th snapshot is dated n weeks after a fixed day.
    row["date"] = (date(2025, 1, 6) + timedelta(weeks=index)).isoformat()


FIXERS: dict[str, RowFixer] = {"report_snapshots": _fix_snapshot}
REF_FIXERS: dict[str, RefFixer] = {"report_snapshots": _one_per_date}
