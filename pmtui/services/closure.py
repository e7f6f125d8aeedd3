"""Closing a project: the checklist a manager goes through before archiving it, worked out
from the file. Each item counts what is still in the way; it passes at zero.

- Deliverables accepted: every deliverable's status is `accepted`.
- Contracts ended: no vendor's contract still runs (a `contract_end` after today, or a
  vendor `contracted` with no end date).
- Open actions: no action item `open`.
- Open risks: no risk `open` or `monitoring`. Open issues: none `open`, `in progress` or
  `escalated`.
- Budget reconciled: no unposted expense (neither a task nor a category other than
  `other`: nobody can say what it paid for) and no expense category whose actuals over
  the whole project pass what its budget lines plan.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from pmtui.context import Context, Record
from pmtui.records.control import LIVE_RISK, OPEN_ISSUE


@dataclass(frozen=True)
class CheckItem:
    """One line of the closure checklist: how many records are still in the way."""

    name: str
    #: Records (or categories) still in the way; the item passes at zero.
    count: int
    #: What the count is out of (deliverables, vendors...).
    total: int
    #: What is in the way, for people ("D3 Data migration plan, D7 Cut-over runbook").
    detail: str
    #: The board that shows them ("plan.milestones").
    board: str

    @property
    def passed(self) -> bool:
        """Nothing in the way."""
        return self.count == 0


def _names(records: list[Record], field: str, limit: int = 3) -> str:
    shown = [f"{r.get('key')} {r.get(field) or ''}".strip() for r in records[:limit]]
    more = len(records) - limit
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _amount(value: object) -> float:
    try:
        return float(value or 0)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0


def _item(name: str, waiting: list[Record], total: int, field: str, board: str) -> CheckItem:
    detail = _names(waiting, field) if waiting else "none"
    return CheckItem(name, len(waiting), total, detail, board)


def _running_contracts(ctx: Context) -> tuple[list[Record], int]:
    vendors = ctx.records("vendors")
    running = []
    for vendor in vendors:
        end = _date(vendor.get("contract_end"))
        if (end is not None and end > ctx.today) or (
            end is None and vendor.get("status") == "contracted"
        ):
            running.append(vendor)
    return running, len(vendors)


def _budget_item(ctx: Context) -> CheckItem:
    expenses = ctx.records("expenses")
    unposted = [
        e for e in expenses if not e.get("task") and (e.get("category") or "other") == "other"
    ]
    planned: dict[str, float] = defaultdict(float)
    spent: dict[str, float] = defaultdict(float)
    for line in ctx.records("budget_lines"):
        planned[str(line.get("category") or "")] += _amount(line.get("planned"))
    for expense in expenses:
        spent[str(expense.get("category") or "other")] += _amount(expense.get("amount"))
    over = sorted(c for c, amount in spent.items() if amount > planned.get(c, 0.0) + 0.005)
    parts = []
    if unposted:
        parts.append(f"{len(unposted)} unposted: {_names(unposted, 'description', 2)}")
    if over:
        parts.append("over plan: " + ", ".join(over))
    count = len(unposted) + len(over)
    return CheckItem(
        "Budget reconciled", count, len(expenses), "; ".join(parts) or "none", "money.budget"
    )


def checklist(ctx: Context) -> list[CheckItem]:
    """The closure checklist of the project as `ctx` reads it."""
    deliverables = ctx.records("deliverables")
    not_accepted = [d for d in deliverables if d.get("status") != "accepted"]
    running, vendors = _running_contracts(ctx)
    actions = ctx.records("actions")
    risks = ctx.records("risks")
    issues = ctx.records("issues")
    return [
        _item("Deliverables accepted", not_accepted, len(deliverables), "title", "plan.milestones"),
        _item("Contracts ended", running, vendors, "name", "vendors.directory"),
        _item(
            "No open actions",
            [a for a in actions if (a.get("status") or "open") == "open"],
            len(actions),
            "text",
            "today.actions",
        ),
        _item(
            "No open risks",
            [r for r in risks if (r.get("status") or "open") in LIVE_RISK],
            len(risks),
            "title",
            "control.risks",
        ),
        _item(
            "No open issues",
            [i for i in issues if (i.get("status") or "open") in OPEN_ISSUE],
            len(issues),
            "title",
            "control.issues",
        ),
        _budget_item(ctx),
    ]


def failing(items: list[CheckItem]) -> list[CheckItem]:
    """The items that do not pass."""
    return [item for item in items if not item.passed]


def archive_values(today: date, reason: str = "") -> dict[str, object]:
    """What archiving writes to the project record."""
    return {"archived": True, "closed_on": today.isoformat(), "closed_reason": reason or None}


#: The project's fields closing sets (the Settings board leaves them to the Closure board).
CLOSURE_FIELDS = ("archived", "closed_on", "closed_reason")

#: What reopening writes: no longer archived, the closing date and reason cleared.
REOPEN_VALUES: dict[str, object] = {"archived": False, "closed_on": None, "closed_reason": None}


__all__ = ["CLOSURE_FIELDS", "REOPEN_VALUES", "CheckItem", "archive_values", "checklist", "failing"]
