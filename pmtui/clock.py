"""The one place that reads the clock: today in the project's time zone, or PMTUI_TODAY."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime


def today(time_zone: str | None = None, env: Mapping[str, str] | None = None) -> date:
    """Today's date; PMTUI_TODAY=YYYY-MM-DD fixes it for demos, tests and scripts."""
    env = os.environ if env is None else env
    fixed = env.get("PMTUI_TODAY", "").strip()
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            raise ValueError(f"PMTUI_TODAY={fixed!r} is not a date: write YYYY-MM-DD") from None
    if time_zone:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only for projects that set one

        try:
            return datetime.now(ZoneInfo(time_zone)).date()
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return date.today()
