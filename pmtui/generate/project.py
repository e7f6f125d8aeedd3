"""Test data of the Project area: random settings that obey the project's checks."""

from __future__ import annotations

import random

from pmtui.generate.rows import RefFixer, RowFixer


def _fix_project(row: dict[str, str], rng: random.Random) -> None:
    # Settings are checked (ISO 4217 code, IANA zone, red at or below amber): random text
    # is not one, so pick real ones.
    if "currency" in row:
        row["currency"] = rng.choice(("EUR", "USD", "GBP", "CHF", "SEK"))
    if "time_zone" in row:
        row["time_zone"] = rng.choice(("UTC", "Europe/Berlin", "America/New_York"))
    if "spi_red" in row or "spi_amber" in row:
        row["spi_red"] = str(round(rng.uniform(0.5, 0.85), 2))
        row["spi_amber"] = str(round(rng.uniform(0.9, 1.0), 2))
    # Random data is of projects in progress: an archived one would refuse every record
    # generated after it (pmtui.store.archived).
    row.pop("archived", None)
    row.pop("closed_on", None)
    row.pop("closed_reason", None)
    # Random categories would drop ones the budget lines and expenses use (refused).
    row.pop("expense_categories", None)
    # The risk matrix: five increasing values, medium below high (pmtui.domain.risk).
    for name in ("risk_probability_values", "risk_impact_values"):
        row.pop(name, None)
    if "risk_medium" in row or "risk_high" in row:
        row["risk_medium"], row["risk_high"] = "0.05", "0.18"


FIXERS: dict[str, RowFixer] = {"project": _fix_project}
REF_FIXERS: dict[str, RefFixer] = {}
