"""Time the Plan area's whole path from the store on 10,000 tasks with 15,000 links.

Import the plan from CSV (one commit, cycle rule checked once), schedule it from the store
(records -> dates, roll-ups, forecast, variance against a baseline), save a baseline, and
edit one task (its rules, the commit's check and the write). Prints each step's time.

Run: .venv/bin/python bench/bench_plan_store.py   (goal: scheduling well under a second)
"""

from __future__ import annotations

import csv
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_schedule import make_project

from pmtui import planning
from pmtui.domain.links import format_links
from pmtui.store import Store
from pmtui.transfer import import_file

TODAY = date(2026, 11, 26)


def timed(label: str, run: Callable[[], object], repeat: int = 1) -> object:
    """Run `repeat` times; print the median in milliseconds; return the last result."""
    timings: list[float] = []
    result: object = None
    for _ in range(repeat):
        began = time.perf_counter()
        result = run()
        timings.append(time.perf_counter() - began)
    print(f"{label}: {statistics.median(timings) * 1000:.0f} ms (median of {repeat})")
    return result


def main() -> None:
    tasks = make_project()
    folder = Path(tempfile.mkdtemp(prefix="bench-plan-"))
    source = folder / "tasks.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["key", "title", "parent", "duration", "predecessors"])
        for task in tasks:
            links = format_links(task.links)
            writer.writerow([task.key, f"Task {task.key}", task.parent or "", task.duration, links])
    path = folder / "plan.json"
    Store.create(path, {"name": "Bench", "start": "2026-01-05"}, today=TODAY).close()
    store = Store.open(path, today=TODAY)
    links = sum(len(t.links) for t in tasks)
    print(f"{len(tasks)} tasks, {links} links")
    timed("import CSV (parse, rules once, write)", lambda: import_file(store, source))
    timed("plan_of from an open store", lambda: planning.plan_of(store, store.project, TODAY), 5)
    timed(
        "open the file and plan (the CLI path)",
        lambda: planning.plan_of(opened := Store.open(path, today=TODAY), opened.project, TODAY),
        3,
    )
    timed("save a baseline (10k rows)", lambda: planning.save_baseline(store, "Bench"))
    timed("plan_of with variance", lambda: planning.plan_of(store, store.project, TODAY), 3)
    timed("edit one task's duration", lambda: store.update("tasks", "T17", {"duration": "4"}))
    shutil_note = f"(files left in {folder})"
    print(shutil_note)


if __name__ == "__main__":
    main()
