"""Test data of the Reports area: make random snapshots obey its table's rules."""

from __future__ import annotations

import random

from pmtui.generate.rows import RefFixer, RowFixer


def _fix_snapshot(row: dict[str, str], rng: random.Random) -> None:
    # An override comes with its reason; without one it is left out.
    if row.get("override") and not row.get("override_reason"):
        row["override_reason"] = "Steering committee view."


FIXERS: dict[str, RowFixer] = {"report_snapshots": _fix_snapshot}
REF_FIXERS: dict[str, RefFixer] = {}
