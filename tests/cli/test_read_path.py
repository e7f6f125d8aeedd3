"""`pmtui show` and export read through the one read path: a summary task shows its
rolled-up duration and status, a milestone its planned and forecast dates and its slip."""

from __future__ import annotations

import json

from pmtui.store import Store
from tests.conftest import RunPmtui


def test_show_demo_tasks_has_the_summary_rolled_up(run_pmtui: RunPmtui) -> None:
    assert run_pmtui("demo", "demo.json", "--no-open").returncode == 0
    shown = run_pmtui("show", "demo.json", "tasks").stdout.splitlines()
    first = next(line for line in shown if line.startswith("T1 "))
    # T1 Initiation: T2 (5 days) and T3 (8 days, SS+2) in parallel, both done.
    assert first.split()[:4] == ["T1", "Initiation", "10d", "Markus"]  # the owner by name
    assert "100 %" in first and " done " in first
    tasks = json.loads(run_pmtui("show", "demo.json", "tasks", "--json").stdout)["tasks"]
    t1 = next(t for t in tasks if t["key"] == "T1")
    assert (t1["duration"], t1["percent_complete"], t1["status"]) == (10, 100, "done")


def test_show_demo_milestones_json_has_forecast_and_slip(run_pmtui: RunPmtui) -> None:
    assert run_pmtui("demo", "demo.json", "--no-open").returncode == 0
    result = run_pmtui("show", "demo.json", "milestones", "--json")
    milestones = json.loads(result.stdout)["milestones"]
    assert all({"planned", "forecast", "slip"} <= set(m) for m in milestones)
    assert any(m["slip"] for m in milestones)  # the demo has a slipping milestone


def test_slip_counts_working_days_from_the_baseline_due_to_the_forecast(
    store: Store, run_pmtui: RunPmtui
) -> None:
    """Project start Mon 2026-12-07 (after today): A takes 3 days (Mon-Wed), B 5 more (Thu
    to Wed 2026-12-16). The milestone waits for B; its baseline said Fri 2026-12-11, so the
    forecast is 3 working days late (Fri, Mon, Tue before Wed)."""
    with store.transaction("plan"):
        store.update("project", "project", {"start": "2026-12-07"})
        store.add("tasks", {"key": "A", "title": "Design", "duration": "3"})
        store.add("tasks", {"key": "B", "title": "Build", "duration": "5", "predecessors": "A"})
        store.add(
            "milestones",
            {"title": "Built", "due": "2026-12-18", "baseline_due": "2026-12-11", "tasks": "B"},
        )
    result = run_pmtui("show", str(store.path), "milestones", "--json")
    (milestone,) = json.loads(result.stdout)["milestones"]
    assert (milestone["planned"], milestone["forecast"], milestone["slip"]) == (
        "2026-12-16",
        "2026-12-16",
        3,
    )
    store.update("milestones", "M1", {"baseline_due": ""})
    result = run_pmtui("show", str(store.path), "milestones", "--json")
    # Without a baseline the due date counts: two days early (Wed, Thu before Fri 18).
    assert json.loads(result.stdout)["milestones"][0]["slip"] == -2
