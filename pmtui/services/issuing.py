"""Issuing a status report: its figures saved as a `report_snapshots` record, one per
date (issuing again on the same date replaces it), as one undoable step."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from pmtui.changes import Writer
from pmtui.context import Context
from pmtui.records.control import OPEN_ISSUE
from pmtui.schema import Record
from pmtui.services.control import live_risks
from pmtui.services.project_rag import figures_for, rag_for


def snapshot_on(ctx: Context, day: date) -> Record | None:
    """The snapshot issued for `day`, if any."""
    return next(
        (s for s in ctx.records("report_snapshots") if s.get("date") == day.isoformat()), None
    )


def read_reasons(text: object) -> dict[str, str]:
    """A snapshot's `reasons` ("schedule: SPI 0.93 is below 0.95", one a line) by name."""
    found: dict[str, str] = {}
    for line in str(text or "").splitlines():
        name, colon, reason = line.partition(":")
        if colon and name.strip():
            found[name.strip()] = reason.strip()
    return found


class Issuing(Writer, Protocol):
    """The store as issuing a report sees it: a writer that hands out read contexts."""

    def read_context(self) -> Context: ...


def _percent(value: float | None) -> str:
    return "" if value is None else repr(round(value * 100, 4))


def _counts(ctx: Context) -> dict[str, int]:
    live = live_risks(ctx, ctx.project)
    counts = {
        f"risks_{level}": sum(s.level == level for s in live) for level in ("high", "medium", "low")
    }
    counts["open_issues"] = sum(
        (i.get("status") or "open") in OPEN_ISSUE for i in ctx.records("issues")
    )
    return counts


def snapshot_fields(ctx: Context, as_of: date | None = None) -> dict[str, str]:
    """What issuing a report as of `as_of` saves, as typed input."""
    day = as_of or ctx.today
    rag, figures = rag_for(ctx, day), figures_for(ctx, day)
    fields = {name: rating.colour or "" for name, rating in rag.ratings.items()}
    fields.update(
        date=day.isoformat(),
        overall=rag.overall,
        override=rag.override or "",
        override_reason=rag.override_reason,
        spi="" if figures.spi is None else repr(figures.spi),
        cpi="" if figures.cpi is None else repr(figures.cpi),
        percent_complete=_percent(figures.percent_complete),
        budget_used=_percent(figures.budget_used),
        summary=str(ctx.project.get("report_summary") or ""),
    )
    fields.update({name: str(count) for name, count in _counts(ctx).items()})
    fields["reasons"] = "\n".join(
        f"{name}: {' '.join(reason.split())}" for name, reason in rag.reasons().items()
    )
    return fields


def issue_report(store: Issuing, as_of: date | None = None) -> str:
    """Save the report as of `as_of` (default today) as a snapshot; one undoable step.
    Issuing again on the same date replaces that date's snapshot. Returns its key."""
    ctx = store.read_context()
    day = as_of or store.today
    fields = snapshot_fields(ctx, day)
    existing = snapshot_on(ctx, day)
    with store.transaction(f"issue status report {day.isoformat()}"):
        if existing is not None:
            key = str(existing["key"])
            store.update("report_snapshots", key, fields)
        else:
            key = str(store.add("report_snapshots", fields)["key"])
    return key


__all__ = ["Issuing", "issue_report", "read_reasons", "snapshot_fields", "snapshot_on"]
