"""Issue 21's bench: `pmtui portfolio DIR` over 50 projects of ~10k records against `pmtui
today` of one of them, side by side, medians. Not a test; figures go to BENCHMARKS.md.

Run:  python bench/bench_portfolio.py [--projects 50] [--total 10000] [--runs 7]

One mixed project is generated with bench_scale.py's generator (slow: cached under
/tmp/pmtui-bench-portfolio/ and reused), then copied to DIR N times, each copy renamed
("Scale 01", ...) so the portfolio lists N distinct projects of the same size. Then:
- one cold `pmtui portfolio DIR` (no cache: every project read and worked out: the first
  call of a day, or after each project changed);
- alternating, `runs` times: `pmtui portfolio DIR` (warm: every file unchanged since the
  last call), `pmtui portfolio DIR --json` (warm), `pmtui today P01` (warm, the cached
  fast path), and a Python process that only stats and reads 50 small files (a floor).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_scale import ENV, generate, median_ms  # noqa: E402

CACHE = Path("/tmp/pmtui-bench-portfolio")


def source_project(total: int) -> Path:
    """The generated project (made once, reused while its size is the one asked for)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"source-{total}.json"
    if not path.exists():
        began = time.perf_counter()
        counts = generate(path, total)
        took = time.perf_counter() - began
        print(f"generated {path}: {sum(counts.values()):,} records in {took:.0f} s")
    return path


def folder_of(source: Path, projects: int) -> Path:
    """DIR with `projects` renamed copies of the source project."""
    folder = CACHE / f"portfolio-{projects}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    data = json.loads(source.read_bytes())
    record = next(iter(data["project"].values()))
    for n in range(1, projects + 1):
        record["name"] = f"Scale {n:02d}"
        text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)
        target = folder / f"p{n:02d}.json"
        target.write_text(text + "\n", encoding="utf-8")
        os.chmod(target, 0o600)
    return folder


def run(cmd: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


FLOOR = """
import os, sys
from pathlib import Path
for p in sorted(Path(sys.argv[1]).glob('*.json')):
    os.stat(p)
for p in sorted(Path(sys.argv[2]).glob('*.json')):
    p.read_bytes()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=50)
    parser.add_argument("--total", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    source = source_project(args.total)
    folder = folder_of(source, args.projects)
    env = dict(ENV)
    home = CACHE / "home"
    shutil.rmtree(home, ignore_errors=True)
    env.update(
        HOME=str(home),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
    )
    python = sys.executable
    portfolio = [python, "-m", "pmtui", "portfolio", str(folder)]
    today = [python, "-m", "pmtui", "today", str(folder / "p01.json")]
    cold = run(portfolio, env)
    run(today, env)  # fills Today's cache
    floor = [python, "-c", FLOOR, str(folder), str(home / "cache" / "pmtui" / "portfolio")]
    times: dict[str, list[float]] = {"portfolio": [], "json": [], "today": [], "floor": []}
    for _ in range(args.runs):
        times["portfolio"].append(run(portfolio, env))
        times["json"].append(run([*portfolio, "--json"], env))
        times["today"].append(run(today, env))
        times["floor"].append(run(floor, env))
    size = source.stat().st_size
    print(f"{args.projects} projects of {size / 1e6:.1f} MB each, {args.runs} runs, medians")
    print(f"cold `pmtui portfolio DIR` (one run, nothing cached): {cold * 1000:,.0f} ms")
    base = median_ms(times["today"])
    for name, label in (
        ("portfolio", "`pmtui portfolio DIR` (warm)"),
        ("json", "`pmtui portfolio DIR --json` (warm)"),
        ("today", "`pmtui today P01` (warm)"),
        ("floor", "python: stat 50 files, read 50 cache files"),
    ):
        value = median_ms(times[name])
        print(f"{label:<46} {value:8.0f} ms  {value / base:5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
