"""Issue 13's bench: generated mixed projects at 1k, 10k and 50k records, each figure side by
side with its floor or peer in one run, medians. Not a test; figures go to BENCHMARKS.md.

Run (fresh clone, one command):  python bench/bench_scale.py [--sizes 1000,10000,50000]

Per size it generates a project (60 % tasks with ~1.5 links each and phases, 25 %
assignments, 5 % people, 2 % leave, 1 % vendors, the rest spread over every other table;
it prints the counts), then measures, alternating the two sides:
- Store.update of one task's duration (durable) vs the floor: json.dumps with the store's
  options + write + fsync + rename + fsync of the folder, of the same data;
- `pmtui set` vs a Python process that only json.loads the file;
- `pmtui show PROJECT tasks` vs Taskwarrior's `task list` on as many tasks (skipped, said
  so, when `task` is not installed);
- peak memory (ru_maxrss) of a process that opens the project, reads the tasks with their
  computed fields and saves one edit, next to the file's size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pmtui.domain.links import Link, format_links  # noqa: E402
from pmtui.generate import generate_rows  # noqa: E402
from pmtui.store import Store, StoreError  # noqa: E402
from pmtui.store.loading import encode  # noqa: E402
from pmtui.tables import dependency_order, load_all  # noqa: E402

TODAY = date(2026, 11, 26)
SHARES = {"tasks": 0.60, "assignments": 0.25, "people": 0.05, "leave": 0.02, "vendors": 0.01}
PHASE = 25
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PMTUI_TODAY": TODAY.isoformat()}


def task_rows(n: int, rng: random.Random) -> list[dict[str, str]]:
    """Tasks T1..Tn: every 25th a phase over the next 24, ~1.5 links each to recent work."""
    rows = generate_rows("tasks", n, rng, {})
    for i, row in enumerate(rows, start=1):
        for name in ("parent", "predecessors", "actual_start", "actual_finish", "owner"):
            row.pop(name, None)
        if (i - 1) % PHASE == 0:
            row.pop("duration", None)
            continue
        row["parent"] = f"T{i - (i - 1) % PHASE}"
        row["duration"] = str(rng.choice((1, 2, 3, 5, 8)))
        phase_start = i - (i - 1) % PHASE
        links = set()
        for _ in range(rng.choice((1, 1, 2, 2, 2, 1))):  # 1.5 on average
            back = rng.randint(1, 60)
            pred = i - back
            if pred >= 1 and pred != phase_start and (pred - 1) % PHASE != 0:
                links.add(pred)
        if links:
            row["predecessors"] = format_links([Link(f"T{p}") for p in sorted(links)])
    return rows


def generate(
    path: Path, total: int, seed: int = 13, shares: dict[str, float] | None = None
) -> dict[str, int]:
    """Write a mixed project of about `total` records; returns the counts per table.
    `shares`: the share of some tables (default SHARES); the rest is spread evenly."""
    rng = random.Random(seed)
    shares = SHARES if shares is None else shares
    registry = load_all()
    tables = [t for t in dependency_order(sorted(registry)) if t not in ("project",)]
    tables = [t for t in tables if not t.startswith("_")]
    others = [t for t in tables if t not in shares]
    rest = max(0.0, 1 - sum(shares.values()))
    wanted = {t: max(1, int(total * shares.get(t, rest / len(others)))) for t in tables}
    store = Store.create(path, {"name": "Scale", "start": "2026-01-05"}, today=TODAY)
    refs: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for table in tables:
        n = wanted[table]
        rows = task_rows(n, rng) if table == "tasks" else generate_rows(table, n, rng, refs)
        try:
            with store.transaction(f"generate {table}"):
                for row in rows:
                    store.add(table, row)
        except StoreError as error:  # a table whose random rows break a rule across records
            print(f"  {table}: skipped ({str(error)[:80]})")
        refs[table] = [str(r["key"]) for r in store.records(table)]
        counts[table] = len(refs[table])
    store.close()
    return counts


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def floor_save(data: dict[str, object], folder: Path) -> float:
    began = time.perf_counter()
    target = folder / "floor.json"
    temp = folder / ".floor.json.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.write(fd, encode(data))
    os.fsync(fd)
    os.close(fd)
    os.replace(temp, target)
    dir_fd = os.open(folder, os.O_RDONLY)
    os.fsync(dir_fd)
    os.close(dir_fd)
    return time.perf_counter() - began


def run(cmd: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(cmd, env=ENV, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - began


def peak_memory_mb(path: Path) -> float:
    code = (
        "import resource, sys; from pmtui.store import Store; from pmtui import views;"
        f"s = Store.open({str(path)!r}); views.rows(s, 'tasks'); views.rows(s, 'people');"
        "s.update('tasks', 'T2', {'duration': '4'}); views.rows(s, 'tasks');"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], env=ENV, capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024


def taskwarrior(folder: Path, n: int) -> list[str] | None:
    """A `task list` command over `n` pending tasks, or None without Taskwarrior."""
    if shutil.which("task") is None:
        return None
    data = folder / "taskdata"
    data.mkdir()
    rc = folder / "taskrc"
    rc.write_text(f"data.location={data}\nconfirmation=off\nverbose=nothing\n")
    tasks = [
        {
            "description": f"Task {i}",
            "status": "pending",
            "entry": "20260101T000000Z",
            "uuid": f"00000000-0000-4000-8000-{i:012d}",
        }
        for i in range(1, n + 1)
    ]
    source = folder / "tw.json"
    source.write_text(json.dumps(tasks))
    env = {**ENV, "TASKRC": str(rc), "TASKDATA": str(data)}
    subprocess.run(["task", "import", str(source)], env=env, capture_output=True, check=True)
    ENV["TASKRC"], ENV["TASKDATA"] = str(rc), str(data)
    return ["task", "rc.gc=off", "list"]


def bench(total: int, runs: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix=f"bench-scale-{total}-"))
    path = folder / "p.json"
    began = time.perf_counter()
    counts = generate(path, total)
    size = path.stat().st_size
    print(
        f"\n## {sum(counts.values()):,} records ({size / 1e6:.1f} MB), "
        f"generated in {time.perf_counter() - began:.0f} s"
    )
    print("  " + ", ".join(f"{t} {n}" for t, n in counts.items()))

    store = Store.open(path, today=TODAY)
    first = time.perf_counter()
    store.update("tasks", "T2", {"duration": "3"})
    first_ms = (time.perf_counter() - first) * 1000
    updates, floors = [], []
    for i in range(runs):
        began = time.perf_counter()
        store.update("tasks", "T2", {"duration": str(4 + i % 2)})
        updates.append(time.perf_counter() - began)
        floors.append(floor_save(store._data, folder))
    store.close()
    print(
        f"  Store.update (warm) {median_ms(updates):.1f} ms vs floor {median_ms(floors):.1f} ms"
        f" = {median_ms(updates) / median_ms(floors):.2f}x (first save after open "
        f"{first_ms:.0f} ms; {runs} runs)"
    )

    py = sys.executable
    sets, loads = [], []
    for i in range(runs):
        sets.append(
            run([py, "-m", "pmtui", "set", str(path), "tasks", "T2", f"duration={6 + i % 2}"])
        )
        loads.append(run([py, "-c", f"import json; json.load(open({str(path)!r}))"]))
    print(
        f"  pmtui set {median_ms(sets):.0f} ms vs json.load {median_ms(loads):.0f} ms"
        f" = {median_ms(sets) / median_ms(loads):.2f}x ({runs} runs)"
    )

    tw = taskwarrior(folder, counts.get("tasks", 0))
    shows, lists = [], []
    for _ in range(runs):
        shows.append(run([py, "-m", "pmtui", "show", str(path), "tasks"]))
        if tw:
            lists.append(run(tw))
    if tw:
        version = subprocess.run(["task", "--version"], capture_output=True, text=True).stdout
        print(
            f"  pmtui show tasks {median_ms(shows):.0f} ms vs task list {median_ms(lists):.0f} ms"
            f" = {median_ms(shows) / median_ms(lists):.2f}x (Taskwarrior {version.strip()},"
            f" {runs} runs)"
        )
    else:
        print(
            f"  pmtui show tasks {median_ms(shows):.0f} ms (Taskwarrior not installed: "
            "no peer figure)"
        )
    print(f"  peak memory {peak_memory_mb(path):.0f} MB (file {size / 1e6:.1f} MB)")
    shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    for total in (int(s) for s in args.sizes.split(",")):
        bench(total, runs=7 if total <= 10_000 else 3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
