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


def machine_zone(env: Mapping[str, str] | None = None) -> str:
    """The machine's IANA time zone name: TZ when set (`Europe/Berlin`, or a path into a
    zoneinfo folder), else where /etc/localtime points, else "UTC". The caller checks it
    names a zone."""
    env = os.environ if env is None else env
    named = env.get("TZ", "").strip().lstrip(":")
    if not named:
        try:
            named = os.path.realpath("/etc/localtime")
        except OSError:
            return "UTC"
    if named.startswith("/"):
        _, marker, named = named.partition("zoneinfo/")
        if not marker:
            return "UTC"
    return named or "UTC"
