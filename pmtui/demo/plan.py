"""The demo's plan: an S/4HANA roll-out WBS from initiation to hypercare, two baselines, and
milestones whose deliverables stand in every sign-off status.

The story follows the project's status reason: mock load 1 rejected vendor records with
invalid IBANs, so data cleansing took two more weeks (re-baselined); since then the bank
interface slipped again, so build complete is forecast after its baseline.
"""

from __future__ import annotations

import math
from datetime import date

from pmtui import planning
from pmtui.store import Store

#: (key, title, parent, duration, predecessors, owner, budget); summaries have no duration.
TASKS: tuple[tuple[str, str, str, float, str, str, int], ...] = (
    ("T1", "Initiation", "", 0, "", "Markus Brandt", 0),
    ("T2", "Project charter and plan", "T1", 5, "", "Markus Brandt", 12_000),
    ("T3", "System integrator onboarding", "T1", 8, "T2 SS+2", "Markus Brandt", 18_000),
    ("T4", "Kick-off held", "T1", 0, "T2; T3", "Markus Brandt", 0),
    ("T5", "Blueprint (explore)", "", 0, "", "Aylin Demir", 0),
    ("T6", "Fit-to-standard FI/CO", "T5", 25, "T4", "Elena Rossi", 62_000),
    ("T7", "Fit-to-standard MM/SD", "T5", 25, "T4 SS+2", "Mateo Garcia", 58_000),
    ("T8", "Integration design", "T5", 15, "T6 SS+5", "Priya Nair", 36_000),
    ("T9", "Data migration strategy", "T5", 10, "T4 FS+3", "Tomasz Kowalski", 21_000),
    ("T10", "Blueprint signed off", "T5", 0, "T6; T7; T8; T9", "Aylin Demir", 0),
    ("T11", "Build (realize)", "", 0, "", "Priya Nair", 0),
    ("T12", "Configure FI/CO", "T11", 45, "T10", "Elena Rossi", 118_000),
    ("T13", "Configure MM/SD", "T11", 45, "T10", "Mateo Garcia", 104_000),
    ("T14", "Bank and CRM interfaces", "T11", 50, "T10; T8", "Chen Wei", 96_000),
    ("T15", "Custom developments", "T11", 50, "T10 FS+2", "Chen Wei", 88_000),
    ("T16", "Mock load 1", "T11", 5, "T9; T12 SS+5", "Tomasz Kowalski", 14_000),
    ("T17", "Data cleansing (vendor IBANs)", "T11", 10, "T16", "Samuel Okafor", 22_000),
    ("T18", "Mock load 2", "T11", 5, "T17; T13", "Tomasz Kowalski", 14_000),
    ("T19", "Build complete", "T11", 0, "T12; T13; T14; T15; T18", "Priya Nair", 0),
    ("T20", "Test", "", 0, "", "Lukas Becker", 0),
    ("T21", "Test plan and scripts", "T20", 15, "T10 FS+10", "Lukas Becker", 24_000),
    ("T22", "System integration test", "T20", 25, "T19; T21", "Lukas Becker", 72_000),
    ("T23", "User acceptance test", "T20", 20, "T22", "Aylin Demir", 54_000),
    ("T24", "Performance test", "T20", 5, "T22 SS+10", "Priya Nair", 18_000),
    ("T25", "End-user training", "T20", 20, "T23 SS+5", "Sophie Martin", 46_000),
    ("T26", "Go/no-go decision", "T20", 0, "T23; T24; T25", "Dr. Katharina Weber", 0),
    ("T27", "Cutover", "", 0, "", "Markus Brandt", 0),
    ("T28", "Cutover rehearsal", "T27", 5, "T24; T18", "Tomasz Kowalski", 16_000),
    ("T29", "Final data migration", "T27", 3, "T26; T28", "Tomasz Kowalski", 12_000),
    ("T30", "Go-live", "T27", 0, "T29", "Markus Brandt", 0),
    ("T31", "Hypercare", "", 0, "", "Priya Nair", 0),
    ("T32", "Hypercare support", "T31", 30, "T30", "Priya Nair", 48_000),
    ("T33", "First period-end close", "T31", 5, "T30 FS+15", "Aylin Demir", 9_000),
    ("T34", "Handover to support", "T31", 5, "T32 FF", "Priya Nair", 8_000),
    ("T35", "Project closed", "T31", 0, "T34; T33", "Dr. Katharina Weber", 0),
)

#: (key, title, linked task, owner, status)
MILESTONES: tuple[tuple[str, str, str, str, str], ...] = (
    ("M1", "Project kicked off", "T4", "Markus Brandt", "done"),
    ("M2", "Business blueprint signed off", "T10", "Aylin Demir", "done"),
    ("M3", "Vendor master cleansed", "T17", "Tomasz Kowalski", "at risk"),
    ("M4", "Build complete", "T19", "Priya Nair", "in progress"),
    ("M5", "Go/no-go decision", "T26", "Dr. Katharina Weber", "planned"),
    ("M6", "Go-live", "T30", "Markus Brandt", "planned"),
    ("M7", "Project closed", "T35", "Dr. Katharina Weber", "planned"),
)

#: (milestone, title, owner, status, reviewer comment, [(criterion, met)])
DELIVERABLES: tuple[tuple[str, str, str, str, str, tuple[tuple[str, bool], ...]], ...] = (
    ("M1", "Project charter", "Markus Brandt", "accepted", "Approved by the steering committee.",
     (("Scope, budget and milestones agreed", True), ("Sponsor signature", True))),
    ("M2", "Business blueprint", "Aylin Demir", "accepted", "Signed off with two open points.",
     (("Every fit-to-standard gap has a decision", True),
      ("Process owners signed each chapter", True))),
    ("M2", "Integration design", "Priya Nair", "accepted", "",
     (("Interfaces listed with owners", True), ("Bank formats confirmed by the bank", True))),
    ("M3", "Vendor master cleansing report", "Samuel Okafor", "rejected",
     "4 % of IBANs still fail validation; re-run after the bank's list arrives.",
     (("Fewer than 0.5 % invalid IBANs", False), ("Duplicate vendors merged", True))),
    ("M4", "Configured system (FI/CO, MM/SD)", "Elena Rossi", "submitted", "",
     (("Configuration documented", True), ("Unit tests passed", True),
      ("Transports released to QA", False))),
    ("M4", "Interface specifications", "Chen Wei", "draft", "",
     (("Error handling described", False), ("Signed by the bank", False))),
    ("M5", "Test summary report", "Lukas Becker", "draft", "",
     (("No open priority-1 defects", False), ("UAT sign-off by process owners", False))),
    ("M6", "Cutover runbook", "Tomasz Kowalski", "draft", "",
     (("Rehearsed end to end", False), ("Rollback plan approved", False))),
)  # fmt: skip


def _add_tasks(store: Store) -> None:
    for key, title, parent, duration, predecessors, owner, budget in TASKS:
        values = {
            "key": key,
            "title": title,
            "parent": parent,
            "duration": str(duration),
            "predecessors": predecessors,
            "owner": owner,
            "budget": str(budget) if budget else "",
        }
        store.add("tasks", {k: v for k, v in values.items() if v})


def _set_progress(store: Store, today: date) -> None:
    """Work before today is done, on plan; work under way is done pro rata."""
    plan = planning.plan_of(store, store.project, today)
    for task in plan.tasks:
        if task.summary:
            continue
        if task.finish < today:
            values = {
                "status": "done",
                "percent_complete": "100",
                "actual_start": task.start.isoformat(),
                "actual_finish": task.finish.isoformat(),
            }
        elif task.start <= today:
            elapsed = plan.calendar.working_days_between(task.start, today)
            share = elapsed / task.duration if task.duration else 0
            values = {
                "status": "in progress",
                "percent_complete": str(math.floor(share * 10) * 10),
                "actual_start": task.start.isoformat(),
            }
        else:
            continue
        store.update("tasks", task.key, values)


def _add_milestones(store: Store, today: date) -> None:
    plan = planning.plan_of(store, store.project, today)
    for key, title, task, owner, status in MILESTONES:
        due = plan.by_key[task].finish
        store.add(
            "milestones",
            {
                "key": key,
                "title": title,
                "due": due.isoformat(),
                "owner": owner,
                "status": status,
                "tasks": task,
            },
        )
    for milestone, title, owner, status, comment, criteria in DELIVERABLES:
        due = date.fromisoformat(str(store.require("milestones", milestone)["due"]))
        values = {"title": title, "milestone": milestone, "owner": owner}
        if status in ("submitted", "accepted", "rejected"):
            values["submitted_on"] = min(due, today).isoformat()
        if status in ("accepted", "rejected"):
            values.update(decided_by="Dr. Katharina Weber", decided_on=min(due, today).isoformat())
        if comment:
            values["reviewer_comment"] = comment
        record = store.add("deliverables", values)
        for text, met in criteria:
            store.add(
                "acceptance_criteria",
                {"deliverable": record["key"], "text": text, "met": "yes" if met else "no"},
            )
        # Accepted only now that the checklist is in (the store refuses it earlier).
        store.update("deliverables", record["key"], {"status": status})


def add_demo(store: Store, today: date) -> None:
    """The WBS, progress to date, two baselines around the data-cleansing slip, milestones."""
    _add_tasks(store)
    start = str(store.project.get("start"))
    _add_milestones(store, today)
    planning.save_baseline(store, "Approved plan", start, "Signed off at the kick-off.")
    # Mock load 1 rejected 4 % of vendor records: cleansing takes two more weeks.
    store.update("tasks", "T17", {"duration": "20"})
    calendar = planning.project_calendar(store.project)
    replanned = calendar.add_working_days(today, -8).isoformat()
    planning.save_baseline(
        store, "Re-plan after mock load 1", replanned, "Two more weeks of data cleansing."
    )
    # Since then the bank's EBICS certificates came late: the interfaces slip again.
    store.update("tasks", "T14", {"duration": "56"})
    _set_progress(store, today)
