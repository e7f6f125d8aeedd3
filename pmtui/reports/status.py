"""The status report, written out: gathered from a store, as JSON (CONTRACT's `report`
shape), Markdown (tables, no HTML: renders on GitHub and GitLab) and one self-contained HTML
file (pmtui.reports.status_html).

`gather(store, as_of)` reads what the report's service cannot (the activity log and Today's
agenda, both above it) and hands them to pmtui.services.status.build_report.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pmtui.agenda import GROUPS, Item, today_items
from pmtui.domain.rag import DIMENSIONS
from pmtui.reports.status_html import html
from pmtui.reports.status_md import markdown
from pmtui.services.status import MilestoneLine, StatusReport, Step, build_report
from pmtui.store import Store, journal
from pmtui.tables import record_type

#: How many of Today's items the report lists as next steps.
NEXT_STEPS = 10


def _agenda(store: Store) -> list[Item]:
    """Today's items: from the cache `pmtui today` and the app keep when it holds this very
    file's answer for today (no schedule built), else worked out."""
    from pmtui.reports.today import cached_answer

    found = cached_answer(store)
    if found is not None:
        return [Item(**item) for item in found["items"]]
    return today_items(store)


def next_steps(store: Store, limit: int = NEXT_STEPS) -> list[Step]:
    """Today's items due today or coming up, private ones (performance notes) left out."""
    steps = []
    for item in _agenda(store):
        if item.group == GROUPS[0]:  # overdue ones are in risks, issues and milestones
            continue
        rt = record_type(item.table)
        if rt.private or (rt.agenda is not None and rt.agenda.private):
            continue
        steps.append(
            Step(item.title, item.due, item.owner_name or "", item.kind, item.table, item.key)
        )
    return steps[:limit]


def gather(store: Store, as_of: date | None = None, *, final: bool = False) -> StatusReport:
    """The report of `store`'s project as of `as_of` (default today); `final`: the closed
    project's final report, over the whole project."""
    activity = journal.read_activity(store.files.activity)
    return build_report(
        store.read_context(), as_of, activity=activity, next_steps=next_steps(store), final=final
    )


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _milestone(m: MilestoneLine) -> dict[str, Any]:
    return {
        "key": m.key,
        "title": m.title,
        "due": _day(m.due),
        "baseline_due": _day(m.baseline_due),
        "forecast": _day(m.forecast),
        "slip": m.slip,
        "owner": m.owner or None,
        "status": m.status,
    }


def _trend(snapshot: dict[str, Any]) -> dict[str, Any]:
    """A snapshot as `trends` lists it: percent fields as fractions (CONTRACT)."""
    data = {k: v for k, v in snapshot.items() if k != "summary"}
    for name in ("percent_complete", "budget_used"):
        value = data.get(name)
        data[name] = value / 100 if isinstance(value, int | float) else None
    return data


def to_json(report: StatusReport) -> dict[str, Any]:
    """CONTRACT's `report --json` shape, plus `source` ("file" or "snapshot"), `since`,
    `summary` and `notes`. Ratios are fractions, unrounded; undefined ones null with the
    reason in `why`."""
    figures = report.figures
    evm = figures.evm
    return {
        "as_of": report.as_of.isoformat(),
        "since": _day(report.since),
        "source": report.source,
        "project": report.project,
        "summary": report.summary,
        "rag": report.rag.to_json(),
        "reasons": report.rag.reasons(),
        "milestones": {
            "done": [_milestone(m) for m in report.milestones_done],
            "next": [_milestone(m) for m in report.milestones_next],
            "slipping": [_milestone(m) for m in report.milestones_slipping],
        },
        "accomplishments": list(report.accomplishments),
        "next_steps": [
            {
                "title": s.title,
                "due": s.due,
                "owner": s.owner or None,
                "kind": s.kind,
                "table": s.table,
                "key": s.key,
            }
            for s in report.next_steps
        ],
        "risks": [
            {
                "key": r.key,
                "title": r.title,
                "level": r.level,
                "score": r.score,
                "owner": r.owner or None,
                "review_date": r.review_date,
                "strategy": r.strategy,
                "status": r.status,
            }
            for r in report.risks
        ],
        "issues": [
            {
                "key": i.key,
                "title": i.title,
                "severity": i.severity,
                "owner": i.owner or None,
                "due": i.due,
                "status": i.status,
            }
            for i in report.issues
        ],
        "decisions_needed": [
            {"table": d.table, "key": d.key, "title": d.title, "what": d.what, "who": d.who or None}
            for d in report.decisions_needed
        ],
        "money": {
            "bac": evm.bac if evm else None,
            "ac": evm.ac if evm else None,
            "ev": evm.ev if evm else None,
            "pv": evm.pv if evm else None,
            "eac": evm.eac if evm else None,
            "spi": figures.spi,
            "cpi": figures.cpi,
            "percent_complete": figures.percent_complete,
            "budget_used": figures.budget_used,
            "currency": report.currency or None,
            "why": dict(figures.why),
        },
        "trends": [_trend(s) for s in report.trends],
        "notes": list(report.notes),
    }


__all__ = ["DIMENSIONS", "gather", "html", "markdown", "next_steps", "to_json"]
