"""A project with known figures for the status report's tests, dated around TODAY
(Thursday 2026-11-26), with one report issued a week before (2026-11-19).

Earned value by hand (PMBOK 6th ed., 7.4.2.2: SPI = EV / PV, CPI = EV / AC), planned on the
current schedule from Monday 2026-11-02:
- T1 Design, 10 wd (11-02..11-13), budget 10,000, 100 %: PV 10,000, EV 10,000;
- T2 Build, 10 wd (11-16..11-27), budget 20,000, 80 %: 9 of 10 days gone by the end of
  11-26, PV 18,000; EV 16,000;
- T3 Test, 5 wd (11-30..12-04), budget 5,000, 0 %: PV 0, EV 0.
BAC 35,000, PV 28,000, EV 26,000, AC 32,500 (expenses): SPI 0.928571... (amber), CPI 0.8
(red), percent complete EV / BAC = 0.742857..., budget used AC / BAC = 0.928571...
The critical path finishes on 2026-12-04, the target: schedule is amber by SPI alone.
"""

from __future__ import annotations

from pmtui.services.changes import approve, move
from pmtui.store import Store
from tests.environment import TODAY

#: A performance note's text: no report may ever show it.
SECRET = "SECRET-NOTE struggles with the test scripts"
LAST_REPORT = "2026-11-19"


def day(offset: int) -> str:
    """TODAY moved by `offset` days, as ISO text."""
    return TODAY.fromordinal(TODAY.toordinal() + offset).isoformat()


def seed(store: Store) -> Store:
    """Fill `store` (a new project starting 2026-11-02) and return it."""
    store.update(
        "project",
        "project",
        {
            "name": "Payroll <Upgrade> | 2027",
            "manager": "Chen Wei",
            "target_finish": "2026-12-04",
            "report_summary": "Build is nearly done.\n\nTest starts on Monday.",
        },
    )
    store.add("people", {"key": "P1", "name": "Chen Wei", "approval_limit": "100000"})
    store.add("people", {"key": "P2", "name": "Elena Rossi"})
    store.add("report_snapshots", {"date": LAST_REPORT, "overall": "green", "schedule": "green",
                                   "cost": "amber", "scope": "green", "risk": "amber",
                                   "spi": "0.97", "cpi": "0.9", "percent_complete": "55",
                                   "budget_used": "60", "risks_high": "1", "risks_medium": "0",
                                   "risks_low": "0", "open_issues": "1",
                                   "summary": "Design done."})  # fmt: skip
    store.add("tasks", {"key": "T1", "title": "Design", "duration": 10, "budget": 10000,
                        "percent_complete": 100, "owner": "P1"})  # fmt: skip
    store.add("tasks", {"key": "T2", "title": "Build", "duration": 10, "budget": 20000,
                        "percent_complete": 80, "predecessors": "T1", "owner": "P2"})  # fmt: skip
    store.add("tasks", {"key": "T3", "title": "Test", "duration": 5, "budget": 5000,
                        "predecessors": "T2"})  # fmt: skip
    store.update("tasks", "T1", {"status": "done"})
    store.add("expenses", {"date": day(-6), "amount": 32500, "category": "labour", "task": "T2",
                           "description": "Contractors"})  # fmt: skip
    store.add("milestones", {"key": "M1", "title": "Design signed off", "due": "2026-11-13",
                             "tasks": "T1", "owner": "P1"})  # fmt: skip
    store.update("milestones", "M1", {"status": "done"})
    store.add("milestones", {"key": "M2", "title": "Go-live", "due": "2026-12-02",
                             "tasks": "T3", "owner": "P2"})  # fmt: skip
    store.add("risks", {"key": "R1", "title": "Key user leaves", "probability": 5, "impact": 5,
                        "review_date": day(-6), "owner": "P2"})  # fmt: skip
    store.add("risks", {"key": "R2", "title": "Test data late", "probability": 3, "impact": 3,
                        "review_date": day(10)})  # fmt: skip
    store.add("issues", {"key": "I1", "title": "Interface errors", "severity": "high",
                         "owner": "P1", "due": day(3)})  # fmt: skip
    store.add("issues", {"key": "I2", "title": "Old printer", "severity": "low",
                         "status": "resolved", "resolution": "Replaced."})  # fmt: skip
    store.add("changes", {"key": "CH1", "title": "Add VAT report", "cost_impact": 1500,
                          "scope_impact": "One more report."})  # fmt: skip
    move(store, "CH1", "under review", by="P1")
    approve(store, "CH1", decider="P1", why="Statutory.")
    store.add("changes", {"key": "CH2", "title": "Second test cycle", "cost_impact": 4000})
    move(store, "CH2", "under review", by="P1")
    store.add("comparisons", {"key": "CMP1", "title": "Test tool"})
    store.add("actions", {"key": "A1", "text": "Book the test room", "owner": "P2",
                          "due": day(2)})  # fmt: skip
    store.add("notes", {"key": "N1", "person": "P2", "kind": "concern", "text": SECRET,
                        "follow_up": day(1)})  # fmt: skip
    return store
