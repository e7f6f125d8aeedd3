"""First frame of `pmtui demo`, and of `pmtui PROJECT` on Today at 10k records (its cache
warm and cold), vs a bare Textual app with a 50-row DataTable, side by side.

All run in an 80x24 pseudo-terminal under ../shared/tools/ttff.py (a VT100 emulator that
reports when the expected text is on screen). Runs alternate, so machine noise hits all alike.
The 10k project comes from bench_scale.py's generator with bench_today.py's shares (the
project `pmtui today`'s bench uses). Today's first complete frame is the one that shows its
list (a group heading "Overdue · N"); on a cold cache the app first draws the screen with
"working out what is due…" and fills the list in from a worker: both are timed.

    .venv/bin/python bench/bench_first_frame.py [--runs 9] [--records 10000 | --records 0]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TTFF = HERE.parent.parent / "shared" / "tools" / "ttff.py"


# Both programs run as after a normal install, which compiles every module to bytecode:
# a shell that sets PYTHONDONTWRITEBYTECODE would make every run compile from source.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def first_frame(expect: str, command: list[str]) -> tuple[float, int]:
    """Seconds until `expect` is on screen, and the bytes written until then (ttff.py)."""
    out = subprocess.run(
        [sys.executable, str(TTFF), "--expect", expect, "--", *command],
        capture_output=True,
        text=True,
        check=True,
        env=ENV,
    )
    result = json.loads(out.stdout)
    if result["ready_s"] is None:
        raise SystemExit(f"{command} never showed {expect!r}")
    return float(result["ready_s"]), int(result["bytes_to_ready"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--records", type=int, default=10000, help="Today on a generated project (0: skip)"
    )
    parser.add_argument("--skip-demo", action="store_true", help="only the generated project")
    args = parser.parse_args()
    if not args.skip_demo:
        demo_vs_bare(args.runs)
    if args.records:
        today_vs_bare(args.runs, args.records)


def demo_vs_bare(runs: int) -> None:
    """`pmtui demo` (opens on Today) against the bare app."""
    args = argparse.Namespace(runs=runs)
    pmtui = [sys.executable, "-m", "pmtui"]
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.json"
        subprocess.run([*pmtui, "demo", str(demo), "--no-open"], check=True, capture_output=True)
        # The user's own config (a theme, a keymap) must not colour the figures.
        ENV.update(XDG_CONFIG_HOME=folder, XDG_STATE_HOME=folder, XDG_DATA_HOME=folder)
        bare_app = [sys.executable, str(HERE / "bare_app.py")]
        opened = [*pmtui, "demo", str(demo)]
        first_frame("Row 1", bare_app)  # untimed: writes any missing bytecode for both
        first_frame("saved", opened)
        bare_runs, pmtui_runs = [], []
        for _ in range(args.runs):
            bare_runs.append(first_frame("Row 1", bare_app))
            # "saved" is the status line, drawn with the first full frame of a board.
            pmtui_runs.append(first_frame("saved", opened))
    bare, ours = (statistics.median(t for t, _ in runs) for runs in (bare_runs, pmtui_runs))
    bare_bytes, our_bytes = (
        statistics.median(b for _, b in runs) for runs in (bare_runs, pmtui_runs)
    )
    print(f"runs: {args.runs} each, alternating, 80x24")
    print(
        f"bare Textual app, 50-row DataTable: median {bare * 1000:.0f} ms, {bare_bytes:.0f} bytes"
    )
    print(f"pmtui demo (opens the demo file):   median {ours * 1000:.0f} ms, {our_bytes:.0f} bytes")
    print(f"ratio pmtui / bare: {ours / bare:.2f}  (goal <= 1.2)")


#: Today's list on screen: a group heading with its count.
LISTED = r"(Overdue|Due today|Coming up) · [0-9]+"
#: The first frame of a cold Today on a big project: the list is being worked out.
WORKING = r"working out what is due|" + LISTED


def today_vs_bare(runs: int, records: int) -> None:
    """`pmtui PROJECT` on a generated project of `records` records, Today's cache warm and
    cold, against the bare app; alternating, medians."""
    sys.path.insert(0, str(HERE))
    from bench_scale import TODAY, generate
    from bench_today import SHARES

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.json"
        counts = generate(path, records, shares=SHARES)
        print(
            f"\n{sum(counts.values()):,} records ({path.stat().st_size / 1e6:.1f} MB): "
            f"tasks {counts.get('tasks', 0):,}, actions {counts.get('actions', 0):,}"
        )
        cache_home = Path(folder) / "cache"
        ENV.update(
            XDG_CONFIG_HOME=folder,
            XDG_STATE_HOME=folder,
            XDG_DATA_HOME=folder,
            XDG_CACHE_HOME=str(cache_home),
            PMTUI_TODAY=TODAY.isoformat(),
        )
        os.environ["XDG_CACHE_HOME"] = str(cache_home)  # where this process looks for it
        from pmtui import todaycache

        cache = todaycache.cache_file(path)
        opened = [sys.executable, "-m", "pmtui", str(path)]
        bare_app = [sys.executable, str(HERE / "bare_app.py")]
        subprocess.run(  # the cache `pmtui today` writes, which the app reads (untimed)
            [*opened[:3], "today", str(path)], env=ENV, check=True, capture_output=True
        )
        warm_cache = cache.read_bytes()
        first_frame("Row 1", bare_app)  # untimed: bytecode
        first_frame(LISTED, opened)
        bare_runs, warm_runs, cold_first, cold_listed = [], [], [], []
        for _ in range(runs):
            bare_runs.append(first_frame("Row 1", bare_app))
            cache.write_bytes(warm_cache)
            warm_runs.append(first_frame(LISTED, opened))
            cache.unlink(missing_ok=True)
            cold_first.append(first_frame(WORKING, opened))
            cache.unlink(missing_ok=True)
            cold_listed.append(first_frame(LISTED, opened))
    bare = statistics.median(t for t, _ in bare_runs)
    print(f"runs: {runs} each, alternating, 80x24")
    print(f"bare Textual app, 50-row DataTable:        median {bare * 1000:5.0f} ms")
    for title, found in (
        ("pmtui PROJECT, Today, cache warm (listed)", warm_runs),
        ("pmtui PROJECT, Today, cache cold (1st frame)", cold_first),
        ("pmtui PROJECT, Today, cache cold (listed)", cold_listed),
    ):
        ours = statistics.median(t for t, _ in found)
        spread = ", ".join(f"{t * 1000:.0f}" for t, _ in found)
        print(f"{title}: median {ours * 1000:5.0f} ms, {ours / bare:.2f}x bare  [{spread}]")
    print("goal (issue 23): first complete frame at 10k <= 1.2x bare")


if __name__ == "__main__":
    main()
