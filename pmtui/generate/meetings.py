"""Test data of the Comms area's meetings: make random rows obey their tables' rules."""

from __future__ import annotations

import random
from collections.abc import Mapping

from pmtui.generate.rows import RefFixer, RowFixer


def _fix_meeting(row: dict[str, str], rng: random.Random) -> None:
    # A zone from a short list (the sampler writes a person's name in a text field), and
    # no `until` before the first start.
    if "time_zone" in row:
        row["time_zone"] = rng.choice(("", "UTC", "Europe/Berlin", "America/New_York"))
    start, until = row.get("start", ""), row.get("until", "")
    if start and until and until < start[:10]:
        row.pop("until")


def _fix_occurrence(
    row: dict[str, str], rng: random.Random, refs: Mapping[str, list[str]], index: int
) -> None:
    # One row per meeting and series time: the row's number makes each time its own.
    day = 1 + (index - 1) % 28
    month = 1 + (index - 1) // 28 % 12
    year = 2026 + (index - 1) // (28 * 12)
    row["scheduled"] = f"{year}-{month:02d}-{day:02d} 09:00"


FIXERS: dict[str, RowFixer] = {"meetings": _fix_meeting}
REF_FIXERS: dict[str, RefFixer] = {"occurrences": _fix_occurrence}
