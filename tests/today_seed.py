"""A project with one record of every declared agenda, dated around TODAY (Thursday
2026-11-26), for the Today and Actions boards' tests and snapshots."""

from __future__ import annotations

from datetime import date

from pmtui.store import Store
from tests.environment import TODAY

#: The performance note's text, which Today must never show.
SECRET = "SECRET struggles with the migration scripts"


def day(offset: int) -> str:
    """TODAY moved by `offset` days, as ISO text."""
    return date.fromordinal(TODAY.toordinal() + offset).isoformat()


def seed(store: Store) -> Store:
    """Fill `store` (a new project starting 2026-11-02) and return it."""
    store.update("project", "project", {"due_soon_days": 7, "target_finish": "2026-12-18"})
    store.add("people", {"key": "P1", "name": "Chen Wei"})
    store.add("people", {"key": "P2", "name": "Elena Rossi"})
    # 18 of 30 working days gone, 10 % done: behind plan.
    store.add(
        "tasks",
        {"key": "T1", "title": "Design", "duration": 30, "owner": "P1", "percent_complete": 10},
    )
    store.add("tasks", {"key": "T2", "title": "Kick-off", "duration": 2, "percent_complete": 100})
    store.add("milestones", {"key": "M1", "title": "Blueprint", "due": day(-3), "owner": "P2"})
    store.add("milestones", {"key": "M2", "title": "Go-live", "due": day(40), "owner": "P1"})
    store.add(
        "deliverables",
        {"key": "D1", "title": "Blueprint doc", "status": "submitted", "submitted_on": day(-1)},
    )
    store.add("leave", {"key": "LV1", "person": "P1", "from": day(2), "to": day(4)})
    store.add(
        "notes",
        {"key": "N1", "person": "P2", "kind": "concern", "text": SECRET, "follow_up": day(0)},
    )
    store.add("open_roles", {"key": "OR1", "title": "ABAP developer", "needed_by": day(5)})
    store.add(
        "candidates",
        {"key": "CA1", "name": "Jana Novak", "next_step": "Interview", "next_step_date": day(1)},
    )
    store.add(
        "resource_requests",
        {"key": "RR1", "title": "Test laptops", "status": "requested", "needed_by": day(-2)},
    )
    store.add(
        "vendors",
        {
            "key": "V1",
            "name": "Kofax",
            "status": "contracted",
            "renewal_notice": day(45),
            "contract_end": day(200),
        },
    )
    store.add("actions", {"key": "A1", "text": "Chase SAP quote", "owner": "P1", "due": day(-5)})
    store.add("actions", {"key": "A2", "text": "Book room", "due": day(3)})
    store.add("actions", {"key": "A3", "text": "Undated thing"})
    store.add("actions", {"key": "A4", "text": "Closed", "status": "done", "due": day(-9)})
    return store
