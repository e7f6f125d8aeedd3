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
  computed fields and saves one edit, next to the file's size;
- in the app, in an 80x24 pseudo-terminal (bench/pty_driver.py, pyte), one session per run
  alternating with a bare Textual app (bench/bare_switch_app.py: two screens, each two
  50-row DataTables): a cursor move (time to its repaint's last byte, and bytes) on the
  biggest board of each area (WBS, Team, Vendors) vs the bare DataTable's; a tab return
  (] and [ between two visited tabs) and an area return (digits between two visited
  areas) vs the bare app's; one task edit (title) from ctrl+s until the board shows it,
  until the status line says saved (on disk), and until the next key's repaint; the
  app's peak memory (VmHWM) after Plan, People and the edit vs the bare app's;
- at the end, the growth exponent of each figure from the middle size to the largest
  (log(t2/t1) / log(n2/n1): 1 is linear).
Subprocesses run as after an install (bytecode written and used).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))

from generator import SHARES, TODAY, generate  # noqa: E402

from pmtui.store import Store  # noqa: E402
from pmtui.store.loading import encode  # noqa: E402

__all__ = ["ENV", "SHARES", "TODAY", "generate", "median_ms"]

# Environment for the subprocesses (as after an install: bytecode compiled once).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV.update(PYTHONPATH=str(ROOT), PMTUI_TODAY=TODAY.isoformat())
#: Each size's figures by name (milliseconds, bytes, MB), for the summary and the growth.
RESULTS: dict[int, dict[str, float]] = {}


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
    result = RESULTS[sum(counts.values())] = {"file MB": size / 1e6}
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
    result.update(
        {
            "Store.update warm ms": median_ms(updates),
            "floor ms": median_ms(floors),
            "first save after open ms": first_ms,
        }
    )
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
    result.update({"pmtui set ms": median_ms(sets), "json.load ms": median_ms(loads)})
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
    result["pmtui show tasks ms"] = median_ms(shows)
    if tw:
        result["task list ms"] = median_ms(lists)
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
    memory = peak_memory_mb(path)
    result["CLI peak memory MB"] = memory
    print(f"  peak memory {memory:.0f} MB (file {size / 1e6:.1f} MB)")
    in_the_app(path, folder, runs, result)
    shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------- in the app, in a pty

#: The biggest board of each area with boards, reached by its digit (its first tab).
BOARDS = {"WBS (2 Plan)": "2", "Team (3 People)": "3", "Vendors (4 Vendors)": "4"}
MOVES = 10  # cursor moves per board and run
RETURNS = 3  # returns of each kind per run


def _app_env(folder: Path) -> dict[str, str]:
    state = folder / "xdg"
    state.mkdir(exist_ok=True)
    return {
        **ENV,
        "XDG_CONFIG_HOME": str(state),
        "XDG_STATE_HOME": str(state),
        "XDG_DATA_HOME": str(state),
    }


def pmtui_session(path: Path, folder: Path, run_number: int) -> dict[str, list[float]]:
    """One app session: cursor moves on each area's biggest board, tab and area returns,
    one task edit; figures in ms and bytes."""
    from pty_driver import PtyApp  # pyte: only for this part

    out: dict[str, list[float]] = {}
    app = PtyApp([sys.executable, "-m", "pmtui", str(path)], _app_env(folder))
    try:
        app.wait_for("saved", timeout=120)
        app.settle()
        for name, digit in BOARDS.items():
            app.key(digit, quiet=0.5, timeout=120)  # the area's first visit: not measured
            app.settle(0.5)
            for _ in range(MOVES):
                seconds, sent = app.key("down")
                out.setdefault(f"cursor {name} ms", []).append(seconds * 1000)
                out.setdefault(f"cursor {name} bytes", []).append(sent)
        # Tab return: Plan's WBS and Gantt, both visited first.
        for key in ("2", "]", "["):
            app.key(key, quiet=0.5, timeout=120)
        for _ in range(RETURNS):
            for key in ("]", "["):
                out.setdefault("tab return ms", []).append(app.key(key, timeout=120)[0] * 1000)
        # Area return: Plan and People, both visited.
        for _ in range(RETURNS):
            for key in ("3", "2"):
                out.setdefault("area return ms", []).append(app.key(key, timeout=120)[0] * 1000)
        # One task edit on the WBS (its second row, a task), from ctrl+s.
        app.settle(0.5)
        app.key("down")
        app.key("e", quiet=0.3, timeout=60)
        app.wait_for("Edit task")
        title = f"Bench edit {run_number}"
        app.key("ctrl+u")
        for char in title:
            app.send(char)
        app.wait_for(title)
        began = time.perf_counter()
        app.send("ctrl+s")
        while "Edit task" in app.text() or title not in app.text():
            app.pump(0.002)
            if time.perf_counter() - began > 120:
                raise TimeoutError("the edit never showed")
        shown = time.perf_counter() - began
        while "saving" in app.text() or "saved" not in app.text().splitlines()[0]:
            app.pump(0.002)
            if time.perf_counter() - began > 120:
                raise TimeoutError("never saved")
        saved = time.perf_counter() - began
        app.settle(0.3)
        next_key = app.key("down", timeout=60)[0]
        out["edit shown ms"] = [shown * 1000]
        out["edit saved ms"] = [saved * 1000]
        out["key after edit ms"] = [next_key * 1000]
        out["app peak memory MB"] = [app.peak_memory_mb()]
    finally:
        app.close()
    return out


def bare_session(folder: Path) -> dict[str, list[float]]:
    """The bare app: cursor moves on a 50-row DataTable, tab and screen returns (the
    suite's session, bench/in_app.py, without its forms), under this script's names."""
    from in_app import bare_session as bare

    names = {"bare tab ms": "bare tab return ms", "bare area ms": "bare area return ms"}
    found = bare(_app_env(folder), forms=0, prefix="bare ")
    return {names.get(name, name): values for name, values in found.items()}


def in_the_app(path: Path, folder: Path, runs: int, result: dict[str, float]) -> None:
    """The pty rows: `runs` app sessions alternating with as many bare ones; medians."""
    try:
        import pyte  # noqa: F401
    except ImportError:
        print("  (pyte is not installed: no figures in the app; pip install pyte)")
        return
    sys.path.insert(0, str(ROOT / "bench"))
    samples: dict[str, list[float]] = {}
    for run_number in range(runs):
        for session in (pmtui_session(path, folder, run_number), bare_session(folder)):
            for name, values in session.items():
                samples.setdefault(name, []).extend(values)
    for name, values in samples.items():
        result[name] = statistics.median(values)
    bare_ms, bare_bytes = result["bare cursor ms"], result["bare cursor bytes"]
    for name in BOARDS:
        ms, sent = result[f"cursor {name} ms"], result[f"cursor {name} bytes"]
        print(
            f"  cursor move on {name}: {ms:.1f} ms, {sent:.0f} bytes vs bare DataTable "
            f"{bare_ms:.1f} ms, {bare_bytes:.0f} bytes = {sent / bare_bytes:.1f}x bytes"
        )
    for kind in ("tab", "area"):
        ours, bare = result[f"{kind} return ms"], result[f"bare {kind} return ms"]
        print(f"  {kind} return {ours:.0f} ms vs bare {bare:.0f} ms = {ours / bare:.2f}x")
    print(
        f"  task edit: shown {result['edit shown ms']:.0f} ms, saved (on disk) "
        f"{result['edit saved ms']:.0f} ms, next key {result['key after edit ms']:.0f} ms"
    )
    print(
        f"  app peak memory {result['app peak memory MB']:.0f} MB vs bare app "
        f"{result['bare peak memory MB']:.0f} MB (file {result['file MB']:.1f} MB)"
    )
    print(f"  ({runs} app and {runs} bare sessions, alternating; medians)")


def growth() -> None:
    """Each figure's growth exponent between the two largest sizes (1: linear)."""
    sizes = sorted(RESULTS)
    if len(sizes) < 2:
        return
    small, large = sizes[-2], sizes[-1]
    print(f"\n## Growth from {small:,} to {large:,} records (exponent; 1 is linear)")
    for name, value in RESULTS[large].items():
        before = RESULTS[small].get(name)
        if before and value and before > 0 and value > 0:
            exponent = math.log(value / before) / math.log(large / small)
            print(f"  {name}: {before:.1f} -> {value:.1f} = n^{exponent:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=7, help="runs of each side per size")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    for total in (int(s) for s in args.sizes.split(",")):
        bench(total, runs=args.runs)
    growth()
    return 0


if __name__ == "__main__":
    sys.exit(main())
