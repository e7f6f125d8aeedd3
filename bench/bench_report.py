"""Issue 20's bench: writing the status report of a 10k-record project. Not a test;
figures go to BENCHMARKS.md.

Run (fresh clone, one command):  python bench/bench_report.py [--total 10000] [--runs 5]

It generates a mixed project (bench/bench_scale.py's generator: 60 % tasks with links and
phases, 25 % assignments, the rest over every table) with one issued report a week back and
an activity log of the generation, then measures, alternating, medians of `--runs`:
- `pmtui report PROJECT -o status.md`, `-o status.html` and `--json` (subprocesses), with
  Today's cache warm (`pmtui today` ran on the file, as the app or a morning check-in
  leaves it), and `-o status.md` once more with an empty cache folder (next steps worked
  out from the schedule);
- `pmtui evm PROJECT --json` beside them (the one heavy figure the report needs);
- a Python process that only json.loads the file (the floor);
- in one process, warm: gather + markdown after the first (the app's refresh).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_scale import ENV, TODAY, generate  # noqa: E402

from pmtui.store import Store  # noqa: E402


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    began = time.perf_counter()
    subprocess.run(cmd, env=env or ENV, cwd=cwd, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - began


def warm(path: Path, runs: int) -> tuple[float, float]:
    """The first gather + markdown in a process, then the median of the next `runs`
    (each on a fresh read context, as after an edit)."""
    from pmtui.reports.status import gather, markdown

    store = Store.open(path, today=TODAY)
    began = time.perf_counter()
    markdown(gather(store))
    first = time.perf_counter() - began
    times = []
    for _ in range(runs):
        store.forget_caches()
        began = time.perf_counter()
        markdown(gather(store))
        times.append(time.perf_counter() - began)
    store.close()
    return first, statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Generate, measure, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "big.json"
        counts = generate(path, args.total)
        store = Store.open(path, today=TODAY)
        store.add("report_snapshots", {"date": "2026-11-19", "overall": "amber"})
        store.close()
        print(f"{path.stat().st_size:,} bytes, {sum(counts.values()):,} records")
        py = sys.executable
        commands = {
            "pmtui report -o status.md": [py, "-m", "pmtui", "report", str(path), "-o",
                                          "status.md"],
            "pmtui report -o status.html": [py, "-m", "pmtui", "report", str(path), "-o",
                                            "status.html"],
            "pmtui report --json": [py, "-m", "pmtui", "report", str(path), "--json"],
            "pmtui evm --json": [py, "-m", "pmtui", "evm", str(path), "--json"],
            "python: json.load only": [py, "-c", f"import json; json.load(open({str(path)!r}))"],
        }  # fmt: skip
        # Today's cache, as after a check-in; in the bench's own folder, not the user's.
        warm_env = {**ENV, "XDG_CACHE_HOME": str(folder / "cache")}
        run([py, "-m", "pmtui", "today", str(path)], folder, warm_env)
        for cmd in commands.values():  # compile bytecode, warm the disk cache
            run(cmd, folder, warm_env)
        cold = "pmtui report -o status.md, no Today cache"
        times: dict[str, list[float]] = {label: [] for label in [*commands, cold]}
        for number in range(args.runs):
            for label, cmd in commands.items():
                times[label].append(run(cmd, folder, warm_env))
            empty = {**ENV, "XDG_CACHE_HOME": str(folder / f"cache{number}")}
            times[cold].append(run(commands["pmtui report -o status.md"], folder, empty))
        first, again = warm(path, args.runs)
        print("| measured | median |\n| --- | --- |")
        for label, values in times.items():
            print(f"| `{label}` | {statistics.median(values) * 1000:,.0f} ms |")
        print(f"| in-process gather + markdown, first | {first * 1000:,.0f} ms |")
        print(f"| in-process gather + markdown, next (new revision) | {again * 1000:,.0f} ms |")
        print(f"markdown {len((folder / 'status.md').read_text()):,} chars, "
              f"html {len((folder / 'status.html').read_text()):,} chars")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
