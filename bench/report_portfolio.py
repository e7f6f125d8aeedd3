"""bench/run_all.py's sections for the commands merged after it was written: `pmtui report`
of the 10k project (issue 20) and `pmtui portfolio DIR` of a folder of projects (issue 21,
the folder made as bench/bench_portfolio.py makes it). Each command is checked (exit status
0, the file written with its sections) before it is timed: a command that fails fast must
not read as a fast command. Not a test."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench_portfolio import folder_of

#: The status report's sections, in order (docs: README, Reports).
SECTIONS = (
    "## Summary", "## Status", "## Milestones", "## Accomplishments", "## Next steps",
    "## Risks", "## Issues", "## Decisions needed", "## Budget and earned value", "## Trends",
)  # fmt: skip


def checked(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    """Seconds `cmd` took; it must succeed."""
    began = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - began
    if done.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()}")
    return took


def _env(base: dict[str, str], home: Path) -> dict[str, str]:
    shutil.rmtree(home, ignore_errors=True)
    return {
        **base,
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }


def section_report(
    path: Path, counts: dict[str, int], runs: int, folder: Path, base: dict[str, str],
    say: Callable[[str], None], ms: Callable[[float], str],
) -> None:  # fmt: skip
    """`pmtui report` of the project: -o status.md, -o status.html, --json, alternating,
    with Today's cache warm (as a check-in leaves it); the floor is a json.load."""
    work = folder / "report"
    work.mkdir()
    project = work / "project.json"
    shutil.copy(path, project)
    env = _env(base, work / "home")
    py = [sys.executable, "-m", "pmtui"]
    checked([*py, "today", str(project)], env, work)  # Today's cache, as after a check-in
    md, html = work / "status.md", work / "status.html"
    checked([*py, "report", str(project), "-o", str(md)], env, work)
    text = md.read_text()
    missing = [s for s in SECTIONS if f"\n{s}\n" not in text]
    if missing:
        raise SystemExit(f"the report has no {missing}")
    floor = [sys.executable, "-c", f"import json; json.load(open({str(project)!r}))"]
    commands = {
        "`pmtui report PROJECT -o status.md`": [*py, "report", str(project), "-o", str(md)],
        "`pmtui report PROJECT -o status.html`": [*py, "report", str(project), "-o", str(html)],
        "`pmtui report PROJECT --json`": [*py, "report", str(project), "--json"],
        "a Python process that only `json.load`s the file": floor,
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(checked(cmd, env, work))
    floor_s = statistics.median(times["a Python process that only `json.load`s the file"])
    say(f"\n### The status report, {sum(counts.values()):,} records")
    say(f"\n{runs} runs each, alternating; medians; Today's cache warm. The Markdown file was")
    say(f"checked first: {len(SECTIONS)} sections, {md.stat().st_size / 1e3:.1f} KB.\n")
    say("| command | median | vs `json.load` only | goal |")
    say("| --- | --- | --- | --- |")
    for name, values in times.items():
        t = statistics.median(values)
        say(f"| {name} | {ms(t)} | {t / floor_s:.1f}x | (none set) |")


def section_portfolio(
    path: Path, projects: int, runs: int, base: dict[str, str],
    say: Callable[[str], None], ms: Callable[[float], str],
) -> None:  # fmt: skip
    """`pmtui portfolio DIR` of `projects` renamed copies of the project: once cold (no
    cache: the first call of a day), then warm, alternating with `pmtui today` of one of
    them (issue 21's peer, goal ≤ 5x)."""
    folder = folder_of(path, projects)
    env = _env(base, folder.parent / "home-run-all")
    py = [sys.executable, "-m", "pmtui"]
    portfolio = [*py, "portfolio", str(folder)]
    first = sorted(folder.glob("*.json"))[0]
    today = [*py, "today", str(first)]
    cold = checked(portfolio, env, folder)
    listed = subprocess.run(portfolio, env=env, capture_output=True, text=True).stdout
    if "Scale 01" not in listed or f"Scale {projects:02d}" not in listed:
        raise SystemExit(f"the portfolio does not list every project:\n{listed}")
    checked(today, env, folder)  # Today's cache warm, as the portfolio's is
    times: dict[str, list[float]] = {"portfolio": [], "json": [], "today": []}
    for _ in range(runs):
        times["portfolio"].append(checked(portfolio, env, folder))
        times["json"].append(checked([*portfolio, "--json"], env, folder))
        times["today"].append(checked(today, env, folder))
    peer = statistics.median(times["today"])
    size = path.stat().st_size / 1e6
    say(f"\n### The portfolio, {projects} projects of {size:.1f} MB each (this size's project)")
    say(f"\n{runs} runs each, alternating; medians; the folder made as bench_portfolio.py does.\n")
    say("| command | median | vs `pmtui today` of one | goal ≤ 5x |")
    say("| --- | --- | --- | --- |")
    for name, label in (
        ("portfolio", "`pmtui portfolio DIR`, every project's figures cached"),
        ("json", "`pmtui portfolio DIR --json`, cached"),
    ):
        t = statistics.median(times[name])
        met = "**met**" if t / peer <= 5 else "**not met**"
        say(f"| {label} | {ms(t)} | {t / peer:.2f}x | {met} |")
    say(f"| `pmtui today` of one project (the peer), cache warm | {ms(peer)} | 1x | |")
    say(f"| `pmtui portfolio DIR` cold (nothing cached), one run | {ms(cold)} | | (none set) |")
