"""issue 23's benchmark suite in one command: every goal side by side with its peer, medians
of several alternating runs, ratios, and each goal met or not. Not a test.

    python bench/run_all.py [--quick] [--runs 5] [--only cli,report,...] [--out results.md]

--quick: 3 runs, and the 100k project only where a figure needs it not at all (1k and 10k).
Projects come from bench/generator.py (every table of the registry; cached under /tmp by
size, so reruns are quick). Needs pyte (the test extra) for the pseudo-terminal figures, and
Taskwarrior (`task`) for its peer figure (skipped, said so, without it). The results are
printed as Markdown and written to --out, for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generator import TODAY, cached_project, describe  # noqa: E402
from report_portfolio import section_portfolio, section_report  # noqa: E402

from pmtui.schema import Kind, RecordType  # noqa: E402
from pmtui.store import Store, StoreError  # noqa: E402
from pmtui.tables import load_all  # noqa: E402

# As after an install: bytecode compiled once and used.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV.update(PYTHONPATH=str(ROOT), PMTUI_TODAY=TODAY.isoformat())
LINES: list[str] = []


def say(line: str = "") -> None:
    """Print a line of the report and keep it for --out."""
    print(line, flush=True)
    LINES.append(line)


def verdict(ratio: float, goal: float) -> str:
    return f"**met** (≤ {goal:g})" if ratio <= goal else f"**not met** (≤ {goal:g})"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def machine() -> None:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    import textual

    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    say(f"- when: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; commit {commit}")
    say(
        f"- machine: {os.cpu_count()} cores ({model}), Python {platform.python_version()}, "
        f"Textual {textual.__version__}, {platform.system()} {platform.release()}"
    )
    say(f"- load average at the start: {load} (other sessions share the machine)")
    say(f"- command: `python bench/run_all.py {' '.join(sys.argv[1:])}`".replace("  ", " "))


# ---------------------------------------------------------------- first frame and in the app


def section_first_frame(path: Path, size: int, runs: int, goal: float, folder: Path) -> None:
    from in_app import app_env, first_frames

    env = app_env(folder / f"ff-{size}", ENV)
    found = first_frames(path, env, runs)
    bare = statistics.median(t for t, _ in found["bare"])
    say(f"\n### First complete frame of `pmtui PROJECT` (Today), {size:,} records, 80x24 pty")
    say(f"\n{runs} runs each, alternating; medians (and bytes written until then).\n")
    say("| | median | bytes | vs bare | goal |")
    say("| --- | --- | --- | --- | --- |")
    say(
        f"| bare Textual app, 50-row DataTable | {ms(bare)} | "
        f"{statistics.median(b for _, b in found['bare']):,.0f} | 1x | |"
    )
    for name, title in (
        ("warm", "Today, cache warm (file unchanged since the last `pmtui today`/session)"),
        ("cold first", 'Today, cache cold: first frame ("working out what is due…")'),
        ("cold listed", "Today, cache cold: the list shown"),
    ):
        t = statistics.median(x for x, _ in found[name])
        sent = statistics.median(b for _, b in found[name])
        say(f"| {title} | {ms(t)} | {sent:,.0f} | {t / bare:.2f}x | {verdict(t / bare, goal)} |")


def section_in_app(path: Path, counts: dict[str, int], runs: int, folder: Path) -> None:
    from in_app import app_env, biggest_boards, interactive, summary

    env = app_env(folder / "in-app", ENV)
    samples = interactive(path, counts, env, runs)
    total = sum(counts.values())
    bare_bytes = statistics.median(samples["bare cursor bytes"])
    bare_cursor = summary(samples["bare cursor ms"])
    say(f"\n### Keys in the app, {total:,} records, 80x24 pty")
    say(f"\n{runs} app sessions alternating with {runs} bare ones (`bench/bare_switch_app.py`);")
    say("a key's time runs to its repaint's last byte; cursor moves: 10 per board per session.\n")
    say("| cursor move on | records | median | p95 | bytes | bytes vs bare | goal ≤ 3x |")
    say("| --- | --- | --- | --- | --- | --- | --- |")
    say(
        f"| bare DataTable (50 rows) | | {bare_cursor['median']:.1f} ms | "
        f"{bare_cursor['p95']:.1f} ms | {bare_bytes:.0f} | 1x | |"
    )
    for _, title, _, size in biggest_boards(counts):
        times = summary(samples[f"pmtui cursor {title} ms"])
        sent = statistics.median(samples[f"pmtui cursor {title} bytes"])
        say(
            f"| {title} | {f'{size:,}' if size else '–'} | {times['median']:.1f} ms | "
            f"{times['p95']:.1f} ms | "
            f"{sent:.0f} | {sent / bare_bytes:.1f}x | {verdict(sent / bare_bytes, 3)} |"
        )
    every = summary(samples["pmtui cursor ms"])
    met = every["median"] < 16 and every["p95"] < 50
    say(
        f"\nEvery cursor move: median {every['median']:.1f} ms, p95 {every['p95']:.1f} ms "
        f"(goal < 16 ms and < 50 ms: **{'met' if met else 'not met'}**).\n"
    )
    say("| key | pmtui median | bare median | ratio | goal |")
    say("| --- | --- | --- | --- | --- |")
    for name, title in (
        ("tab", "tab return (`]`/`[`, WBS and Gantt)"),
        ("area", "area return (digits, Plan and People)"),
        ("form", "open a form (`a` on the WBS; bare: a 14-input modal)"),
    ):
        ours = statistics.median(samples[f"pmtui {name} ms"])
        bare = statistics.median(samples[f"bare {name} ms"])
        say(
            f"| {title} | {ours:.0f} ms | {bare:.0f} ms | {ours / bare:.2f}x | "
            f"{verdict(ours / bare, 1.5)} |"
        )
    preview = summary(samples["pmtui report preview ms"])
    say(
        f"\nReports, first visit (`8`) until the Report tab's preview shows (its modules "
        f"imported, the report built in a worker, then drawn): median {preview['median']:,.0f} ms, "
        f"p95 {preview['p95']:,.0f} ms (no goal set; no bare peer).\n"
    )
    ours = statistics.median(samples["pmtui peak memory MB"])
    bare = statistics.median(samples["bare peak memory MB"])
    say(f"\nApp peak memory (VmHWM) after those keys: {ours:.0f} MB; bare app {bare:.0f} MB.")


# ---------------------------------------------------------------- the command line


def timed(cmd: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - began


def commands() -> set[str]:
    """The subcommands this pmtui has (so a missing one is skipped, said so)."""
    out = subprocess.run(
        [sys.executable, "-m", "pmtui", "--help"], env=ENV, capture_output=True, text=True
    ).stdout
    listed = [line.split() for line in out.splitlines() if line.startswith("    ")]
    return {words[0] for words in listed if words}


def section_cli(path: Path, counts: dict[str, int], runs: int, folder: Path) -> None:
    from bench_today import setup_taskwarrior, taskwarrior_tasks

    py = [sys.executable, "-m", "pmtui"]
    env = {**ENV, "XDG_CACHE_HOME": str(folder / "cli-cache")}
    env.update(XDG_CONFIG_HOME=str(folder), XDG_STATE_HOME=str(folder), XDG_DATA_HOME=str(folder))
    say(f"\n### The command line, {sum(counts.values()):,} records")
    say(f"\n{runs} runs each, alternating; medians.\n")
    say("| command | median | peer | ratio | goal |")
    say("| --- | --- | --- | --- | --- |")
    floor = [sys.executable, "-c", f"import json; json.load(open({str(path)!r}))"]
    task = shutil.which("task")
    tw_env, overdue = None, None
    if task:
        (folder / "tw").mkdir()
        tw_env = setup_taskwarrior(folder / "tw", taskwarrior_tasks(path))
        overdue = [task, "rc.gc=off", "overdue"]
    warm, cold, peers, floors = [], [], [], []
    today = [*py, "today", str(path)]
    subprocess.run(today, env=env, capture_output=True)
    for _ in range(runs):
        warm.append(timed(today, env))
        shutil.rmtree(folder / "cli-cache", ignore_errors=True)
        cold.append(timed(today, env))
        if overdue and tw_env:
            peers.append(timed(overdue, tw_env))
        floors.append(timed(floor, env))
    floor_ms = statistics.median(floors)
    if peers:
        peer = statistics.median(peers)
        for title, values in (("`pmtui today`, cache warm", warm), ("`pmtui today`, cold", cold)):
            t = statistics.median(values)
            say(
                f"| {title} | {ms(t)} | `task overdue` {ms(peer)} | {t / peer:.2f}x | "
                f"{verdict(t / peer, 0.5)} |"
            )
    else:
        say(
            "| `pmtui today` | "
            f"{ms(statistics.median(warm))} warm, {ms(statistics.median(cold))} cold | "
            "Taskwarrior not installed: no peer | | |"
        )
    have = commands()
    for name in ("evm", "risks"):  # report and portfolio: sections of their own
        if name not in have:
            say(f"| `pmtui {name}` | skipped: this pmtui has no `{name}` command yet | | | |")
            continue
        times = [timed([*py, name, str(path)], env) for _ in range(runs)]
        t = statistics.median(times)
        say(
            f"| `pmtui {name}` | {ms(t)} | `json.load` only {ms(floor_ms)} | "
            f"{t / floor_ms:.2f}x | (none set) |"
        )
    say(f"| a Python process that only `json.load`s the file | {ms(floor_ms)} | | | |")


# ---------------------------------------------------------------- saves and memory


def _text_fields(record_type: RecordType) -> list[str]:
    """The record type's plain text fields, its name first."""
    names = [
        f.name
        for f in record_type.input_fields
        if f.kind in (Kind.TEXT, Kind.LONG_TEXT) and f.name != "key" and not f.choices
    ]
    return sorted(names, key=lambda name: name != record_type.label_field)


def section_saves(source: Path, runs: int, folder: Path) -> None:
    from bench_scale import floor_save

    path = folder / "saves.json"
    shutil.copy(source, path)
    store = Store.open(path, today=TODAY)
    say("\n### Durable save of one edit of each table vs the fsync floor")
    say(
        f"\n{sum(len(store.records(t)) for t in load_all() if t != 'project'):,} records. "
        "An edit: `Store.update` of one text field of the table's first record (lock, check "
        "for other sessions, temp file, fsync, rename, fsync of the folder, activity and undo "
        "lines). The floor: `json.dumps` with the store's options + write + fsync + rename + "
        f"fsync dir of the same data. {runs} runs each, alternating; medians.\n"
    )
    say("| table | edit | floor | ratio | goal ≤ 1.5x |")
    say("| --- | --- | --- | --- | --- |")
    worst = 0.0
    for table, record_type in load_all().items():
        records = store.records(table)
        key = str(records[0].get("key", "")) if records else ""
        edits: list[float] = []
        floors: list[float] = []
        for text in _text_fields(record_type) if records else []:
            try:
                store.update(table, key, {text: "Bench edit"})  # the first save after open
            except StoreError:
                continue  # a text with a rule (an expense's category): the next one
            for n in range(runs):
                began = time.perf_counter()
                store.update(table, key, {text: f"Bench edit {n}"})
                edits.append(time.perf_counter() - began)
                floors.append(floor_save(store._data, folder))
            break
        if not edits:
            continue
        edit, floor = statistics.median(edits), statistics.median(floors)
        worst = max(worst, edit / floor)
        say(
            f"| {table} ({text}) | {ms(edit)} | {ms(floor)} | {edit / floor:.2f}x | "
            f"{verdict(edit / floor, 1.5)} |"
        )
    for verb in ("add", "delete"):
        edits, floors = [], []
        for n in range(runs):
            began = time.perf_counter()
            if verb == "add":
                store.add("actions", {"key": f"BENCH{n}", "text": f"Bench action {n}"})
            else:
                store.delete("actions", f"BENCH{n}")
            edits.append(time.perf_counter() - began)
            floors.append(floor_save(store._data, folder))
        edit, floor = statistics.median(edits), statistics.median(floors)
        worst = max(worst, edit / floor)
        say(
            f"| actions: {verb} one | {ms(edit)} | {ms(floor)} | {edit / floor:.2f}x | "
            f"{verdict(edit / floor, 1.5)} |"
        )
    store.close()
    say(f"\nWorst ratio: {worst:.2f}x ({verdict(worst, 1.5)}).")


def peak_memory(command: list[str], env: dict[str, str]) -> float:
    """Peak resident memory (MB) of `command`, from resource.getrusage of a child."""
    code = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *command], env=env, capture_output=True, text=True
    )
    return int(out.stdout.strip()) / 1024


def section_memory(projects: dict[int, tuple[Path, dict[str, int]]], folder: Path) -> None:
    from in_app import LISTED, app_env
    from pty_driver import PtyApp

    say("\n### Peak memory")
    say("\nCLI: `resource.getrusage(RUSAGE_CHILDREN).ru_maxrss` of a child; app: VmHWM once")
    say("Today shows its list (cache cold) and every area was visited once.\n")
    say("| records | file | `pmtui today` (cold) | `pmtui show PROJECT tasks` | app | bare app |")
    say("| --- | --- | --- | --- | --- | --- |")
    for size, (path, counts) in sorted(projects.items()):
        if size < 10_000:
            continue
        env = app_env(folder / f"mem-{size}", ENV)
        today = peak_memory([sys.executable, "-m", "pmtui", "today", str(path)], env)
        shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
        show = peak_memory([sys.executable, "-m", "pmtui", "show", str(path), "tasks"], env)
        app = PtyApp([sys.executable, "-m", "pmtui", str(path)], env)
        try:
            app.wait_for(LISTED, timeout=300)
            for digit in "234569":
                app.key(digit, quiet=1.0, timeout=300)
            app_mb = app.peak_memory_mb()
        finally:
            app.close()
        bare = PtyApp([sys.executable, str(ROOT / "bench" / "bare_app.py")], env)
        try:
            bare.wait_for("Row 1")
            bare.settle(0.5)
            bare_mb = bare.peak_memory_mb()
        finally:
            bare.close()
        say(
            f"| {sum(counts.values()):,} | {path.stat().st_size / 1e6:.1f} MB | {today:.0f} MB | "
            f"{show:.0f} MB | {app_mb:.0f} MB | {bare_mb:.0f} MB |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs; 1k and 10k only")
    parser.add_argument("--runs", type=int, help="runs of each side (default 5; quick 3)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/pmtui-bench-results.md"))
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated sections: frame,keys,cli,report,portfolio,saves,memory",
    )
    parser.add_argument(
        "--projects", type=int, default=50, help="projects in the portfolio's folder (50)"
    )
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 5)
    only = set(filter(None, args.only.split(",")))
    wanted = lambda name: not only or name in only  # noqa: E731
    sizes = (1_000, 10_000) if args.quick else (1_000, 10_000, 100_000)
    say("## Benchmark suite (issue 23): `python bench/run_all.py`\n")
    machine()
    say("\n### Projects (bench/generator.py; cached under /tmp)\n")
    projects = {}
    for size in sizes:
        began = time.perf_counter()
        projects[size] = cached_project(size)
        say(f"- {describe(*projects[size])} ({time.perf_counter() - began:.0f} s)")
    folder = Path(tempfile.mkdtemp(prefix="pmtui-run-all-"))
    try:
        path10, counts10 = projects[10_000]
        if wanted("frame"):
            section_first_frame(path10, 10_000, runs, 1.2, folder)
            if 100_000 in projects:
                section_first_frame(projects[100_000][0], 100_000, max(3, runs // 2), 3.0, folder)
        if wanted("keys"):
            section_in_app(path10, counts10, runs, folder)
        if wanted("cli"):
            section_cli(path10, counts10, runs, folder)
        if wanted("report"):
            section_report(path10, counts10, runs, folder, ENV, say, ms)
        if wanted("portfolio"):
            section_portfolio(path10, args.projects, runs, ENV, say, ms)
        if wanted("saves"):
            section_saves(path10, runs, folder)
        if wanted("memory"):
            section_memory(projects, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    say(f"\n(load average at the end: {', '.join(f'{v:.1f}' for v in os.getloadavg())})")
    args.out.write_text("\n".join(LINES) + "\n")
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
