"""Issues by severity (critical first) and age (oldest first), with their age in days;
E escalates the issue under the cursor, v resolves it with a resolution."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.binding import BindingType

from pmtui import views
from pmtui.boards.keys import command
from pmtui.boards.table import TableBoard, columns_for, rows_for
from pmtui.records.control import OPEN_ISSUE, SEVERITIES
from pmtui.schema import Record
from pmtui.screens.line_prompt import LinePromptModal, Typed
from pmtui.widgets.record_table import Column

AGE = Column("age", "Age", 4, "right")


def age_days(issue: Record, today: date) -> int | None:
    """Days since the issue was raised (None without a date)."""
    try:
        return (today - date.fromisoformat(str(issue.get("raised_on")))).days
    except ValueError:
        return None


def severity_order(issue: Record) -> tuple[int, int, str]:
    """Open issues first, then critical to low, then oldest first."""
    severity = str(issue.get("severity") or "medium")
    closed = (issue.get("status") or "open") not in OPEN_ISSUE
    return int(closed), -SEVERITIES.index(severity), str(issue.get("raised_on") or "")


class IssuesBoard(TableBoard):
    """The issue log by severity and age."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *TableBoard.BINDINGS,
        command("E", "escalate", "Escalate", "issue: Escalate", id="issue-escalate"),
        command("v", "resolve", "Resolve", "issue: Resolve with a resolution",
                id="issue-resolve"),
    ]  # fmt: skip

    def refresh_data(self) -> None:
        rt = self.record_type
        records = sorted(views.rows(self.store, rt.table), key=severity_order)
        columns = columns_for(rt)
        rows = rows_for(rt, records, views.reference_names(self.store, rt))
        at = [c.key for c in columns].index("raised_on") + 1
        columns.insert(at, AGE)
        today = self.store.today
        for (_, cells), record in zip(rows, records, strict=True):
            age = age_days(record, today)
            cells.insert(at, "" if age is None else f"{age}d")
        self.table.set_data(columns, rows)

    def _open_issue(self) -> Record | None:
        chosen = self.chosen()
        issue = self.store.get("issues", chosen.key) if chosen else None
        if issue is not None and (issue.get("status") or "open") not in OPEN_ISSUE:
            self.app.notify(f"{issue['key']} is {issue['status']} already", severity="warning")
            return None
        return issue

    def action_escalate(self) -> None:
        issue = self._open_issue()
        if issue is None:
            return
        key = str(issue["key"])
        if issue.get("status") == "escalated":
            self.app.notify(f"{key} is escalated already", severity="warning")
            return
        self.save(
            lambda: self.store.update("issues", key, {"status": "escalated"}),
            f"Escalated issue {key}",
        )

    def action_resolve(self) -> None:
        issue = self._open_issue()
        if issue is None:
            return
        key = str(issue["key"])

        def answered(typed: Typed | None) -> None:
            if typed is not None:
                self.save(
                    lambda: self.store.update(
                        "issues", key, {"status": "resolved", "resolution": typed.text}
                    ),
                    f"Resolved issue {key}",
                )

        self.app.push_screen(
            LinePromptModal(
                f"Resolve {key}: {issue.get('title')}"[:64],
                placeholder="how it was resolved",
                hint="The resolution (required):",
            ),
            answered,
        )
