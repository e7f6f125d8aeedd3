"""Test data of the Comms area's meetings: make random rows obey their tables' rules."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from datetime import datetime

from pmtui.domain import recurrence
from pmtui.generate.rows import RefFixer, RowFixer
from pmtui.records.meetings import meeting_check


def _fix_meeting(row: dict[str, str], rng: random.Random) -> None:
    # A zone from a short list (the sampler writes a person's name in a text field), and
    # no `until` before the first start.
    if "time_zone" in row:
        row["time_zone"] = rng.choice(("", "UTC", "Europe/Berlin", "America/New_York"))
    _align(row)
    start, until = row.get("start", ""), row.get("until", "")
    # A relative `until` (next fri) may fall before a random start: keep only ISO ones after.
    if until and (not re.fullmatch(r"\d{4}-\d{2}-\d{2}", until) or until < start[:10]):
        row.pop("until")


def _align(row: dict[str, str]) -> None:
    """A random recurrence rarely names the random start's day: then it repeats weekly on
    the start's own day, so the first meeting is a time of its series."""
    if not row.get("recurrence") or not row.get("start"):
        return
    try:
        rule = recurrence.parse(row["recurrence"])
        start = datetime.fromisoformat(row["start"]).isoformat(timespec="minutes")
    except ValueError:
        return
    if "start" in meeting_check({"start": start, "recurrence": rule}):
        row["recurrence"] = "weekly"


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
