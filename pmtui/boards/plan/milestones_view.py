"""What the milestones board shows, as plain values: a milestone's card, and the columns of
a milestone's deliverables and of a deliverable's acceptance criteria."""

from __future__ import annotations

from datetime import date
from typing import Any

from pmtui.domain.calendar import WorkCalendar
from pmtui.domain.dates import short_date
from pmtui.planning import as_date
from pmtui.widgets.columns import Column
from pmtui.widgets.kanban import Card

Record = dict[str, Any]


def _status_style(text: str) -> str | None:
    return {
        "accepted": "record-table--good",
        "rejected": "record-table--bad",
        "submitted": "record-table--warning",
    }.get(text)


DELIVERABLE_COLUMNS = [
    Column("key", "Key", 4),
    Column("title", "Deliverable", 26),
    Column("status", "Status", 9, style_of=_status_style),
    Column("owner", "Owner", 12),
    Column("submitted", "Submitted", 10),
    Column("decided", "Decided", 10),
]
CRITERIA_COLUMNS = [
    Column("met", "Met", 3),
    Column("text", "Acceptance criterion", 60),
]


def late_flag(due: date | None, forecast: date | None, calendar: WorkCalendar) -> str:
    """'+6wd late': how many working days the forecast is after the due date ('' if not)."""
    if due is None or forecast is None or forecast <= due:
        return ""
    return f"+{max(1, calendar.working_days_between(due, forecast))}wd late"


def due_order(milestone: Record) -> tuple[str, str]:
    """Cards run by due date (ISO text sorts as dates), undated last, then by key."""
    return (str(milestone.get("due") or "9999"), str(milestone["key"]))


def milestone_card(
    milestone: Record,
    forecast: date | None,
    today: date,
    deliverables: list[Record],
    calendar: WorkCalendar | None = None,
) -> Card:
    """A milestone's card: overdue in the bad style; forecast after due ('+4wd late') or
    slipped (forecast after baseline) in the warning style; done in the good one; the
    detail line says why, in words. Dates of another year than today's show the year."""

    def _short(day: date | None) -> str:
        return short_date(day, today) if day else "--"

    due = as_date(milestone.get("due"))
    baseline = as_date(milestone.get("baseline_due"))
    status = str(milestone.get("status") or "planned")
    accepted = sum(1 for d in deliverables if d.get("status") == "accepted")
    count = f" {accepted}/{len(deliverables)}✓" if deliverables else ""
    style, flag = "", ""
    if status == "done":
        style = "good"
    elif due is not None and due < today:
        style, flag = "bad", " late"
    elif late := late_flag(due, forecast, calendar or WorkCalendar()):
        style, flag = "warning", f" {late}"
    elif forecast is not None and baseline is not None and forecast > baseline:
        style, flag = "warning", f"→{_short(forecast)}"
    detail = f"{_short(due)}{flag}{count}"
    return Card(str(milestone["key"]), str(milestone.get("title", "")), status, style, detail)
