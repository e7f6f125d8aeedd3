"""Issue 15's bench: `pmtui today` (warm and cold cache) vs Taskwarrior 2.6's `task overdue`
on the same 10k items, side by side in one run, medians. Not a test; figures go to
BENCHMARKS.md.

Run:  python bench/bench_today.py [--total 10000] [--runs 9]

It generates a mixed project with bench_scale.py's generator (50 % tasks in phases with
links, 15 % action items, 15 % assignments, 5 % people, the rest over every other table;
it prints the counts), then feeds Taskwarrior one pending task per record of the project
(description: the record's name; due: the date its table's agenda declares, when it has
one), in a throwaway TASKDATA/TASKRC. Then, alternating, per run:
- `pmtui today PROJECT` with its cache warm (the file unchanged since the last call);
- `pmtui today PROJECT` with the cache deleted first (cold: load, schedule, agenda);
- `task rc.gc=off overdue`;
- a Python process that only json.loads the file (the floor a Python tool pays).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_scale import ENV, TODAY, generate, median_ms  # noqa: E402

from pmtui.store import Store  # noqa: E402
from pmtui.tables import load_all  # noqa: E402

SHARES = {"tasks": 0.50, "actions": 0.15, "assignments": 0.15, "people": 0.05}


def taskwarrior_tasks(path: Path) -> list[dict[str, str]]:
    """One pending Taskwarrior task per record, due on its agenda date when it has one."""
    store = Store.open(path, today=TODAY)
    tasks = []
    try:
        for table, rt in load_all().items():
            if rt.singleton or table.startswith("_"):
                continue
            dated = ""
            if rt.agenda is not None:
                dated = next(
                    (d.date for d in rt.agenda.due if d.date and not rt.field(d.date).computed),
                    "",
                )
            for record in store.records(table):
                task = {
                    "description": f"{table} {record['key']} {record.get(rt.label_field) or ''}",
                    "status": "pending",
                    "entry": "20260101T000000Z",
                    "uuid": f"00000000-0000-4000-8000-{len(tasks) + 1:012d}",
                }
                when = str(record.get(dated) or "") if dated else ""
                if when:
                    task["due"] = date.fromisoformat(when[:10]).strftime("%Y%m%dT120000Z")
                tasks.append(task)
    finally:
        store.close()
    return tasks


def setup_taskwarrior(folder: Path, tasks: list[dict[str, str]]) -> dict[str, str]:
    """A throwaway TASKDATA/TASKRC holding `tasks`; the environment to run `task` in."""
    data = folder / "taskdata"
    data.mkdir()
    rc = folder / "taskrc"
    rc.write_text(f"data.location={data}\nconfirmation=off\nverbose=nothing\n")
    source = folder / "tw.json"
    source.write_text(json.dumps(tasks))
    env = {**ENV, "TASKRC": str(rc), "TASKDATA": str(data)}
    subprocess.run(["task", "import", str(source)], env=env, capture_output=True, check=True)
    return env


def timed(cmd: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    task = shutil.which("task")
    if task is None:
        print("Taskwarrior is not installed (apt-get install taskwarrior): no peer figure")
        return 1
    version = subprocess.run([task, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, Taskwarrior {version}")

    folder = Path(tempfile.mkdtemp(prefix="bench-today-"))
    path = folder / "p.json"
    began = time.perf_counter()
    counts = generate(path, args.total, shares=SHARES)
    size = path.stat().st_size
    print(
        f"{sum(counts.values()):,} records ({size / 1e6:.1f} MB), generated in "
        f"{time.perf_counter() - began:.0f} s: " + ", ".join(f"{t} {n}" for t, n in counts.items())
    )
    tasks = taskwarrior_tasks(path)
    tw_env = setup_taskwarrior(folder, tasks)
    overdue = subprocess.run(
        [task, "rc.gc=off", "overdue"], env=tw_env, capture_output=True, text=True
    ).stdout
    print(
        f"Taskwarrior: {len(tasks):,} pending tasks, {sum('due' in t for t in tasks):,} with "
        f"a due date, `task overdue` prints {len(overdue.splitlines()):,} lines"
    )

    cache = folder / "cache"
    env = {**ENV, "XDG_CACHE_HOME": str(cache)}
    py = sys.executable
    today = [py, "-m", "pmtui", "today", str(path)]
    out = subprocess.run(today, env=env, capture_output=True, text=True, check=True).stdout
    print(f"pmtui today prints {len(out.splitlines()):,} lines")
    warm, cold, tw, loads = [], [], [], []
    for _ in range(args.runs):
        warm.append(timed(today, env))
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(timed(today, env))
        tw.append(timed([task, "rc.gc=off", "overdue"], tw_env))
        loads.append(timed([py, "-c", f"import json; json.load(open({str(path)!r}))"], env))
    peer = median_ms(tw)
    print(f"\nmedians of {args.runs} alternating runs")
    print(f"  task overdue            {peer:7.0f} ms")
    for name, values in (("pmtui today, warm", warm), ("pmtui today, cold", cold)):
        print(f"  {name:<22}  {median_ms(values):7.0f} ms = {median_ms(values) / peer:.2f}x")
    print(f"  python json.load only   {median_ms(loads):7.0f} ms = {median_ms(loads) / peer:.2f}x")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
