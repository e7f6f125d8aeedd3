"""CPU time of `pmtui PROJECT` (Today, cache warm) up to its first frame, against the bare
Textual app with a 50-row DataTable: a figure a loaded machine moves far less than wall time.

    python bench/first_frame_cpu.py [--runs 11] [--records 10000] [--against ../main]

Each program runs in an 80x24 pseudo-terminal and writes the CPU seconds its process has
used (every thread: time.process_time) when its first frame has been handed to the
terminal (the first call_after_refresh of its on_mount), then quits. Runs alternate (bare,
this checkout, the one given with --against); medians. Wall time to the first frame is
bench/run_all.py's (`--only frame`); on a quiet machine the two agree, on a loaded one wall
time adds waiting for a core.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

#: The child: pmtui as `pmtui PROJECT` runs it, reporting at its first frame.
PMTUI = r"""
import sys, time
del sys.path[0]  # python -c puts the working folder first: pmtui comes from PYTHONPATH
from pmtui.app import PmtuiApp
mount = PmtuiApp.on_mount
def on_mount(self):
    def first_frame():
        open(sys.argv[-1], "w").write(str(time.process_time()))
        self.exit()
    self.call_after_refresh(first_frame)  # before the app's own after-frame work
    mount(self)
PmtuiApp.on_mount = on_mount
from pmtui.__main__ import main
main([sys.argv[1]])
"""
#: The child: the bare app, reporting at its first frame.
BARE = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from bare_app import BareApp
mount = BareApp.on_mount
def on_mount(self):
    def first_frame():
        open(sys.argv[-1], "w").write(str(time.process_time()))
        self.exit()
    self.call_after_refresh(first_frame)
    mount(self)
BareApp.on_mount = on_mount
BareApp().run()
"""


def cpu_to_first_frame(command: list[str], env: dict[str, str], shown: str, out: Path) -> float:
    """CPU seconds `command` used until its first frame (`shown` is on screen by then)."""
    from pty_driver import PtyApp

    out.unlink(missing_ok=True)
    app = PtyApp([*command, str(out)], env)
    try:
        try:
            app.wait_for(shown, timeout=120)
        except EOFError:
            raise SystemExit(f"{command[:2]} ended before its first frame:\n{app.text()}") from None
        for _ in range(500):
            if out.exists() and out.stat().st_size:
                break
            app.pump(0.02)
    finally:
        app.close()
    return float(out.read_text())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--against", type=Path, help="another checkout (e.g. ../main)")
    args = parser.parse_args()
    from generator import REALISTIC, TODAY, cached_project
    from in_app import LISTED, app_env

    source, _ = cached_project(args.records, REALISTIC)
    folder = Path(tempfile.mkdtemp(prefix="pmtui-cpu-"))
    project = folder / "project.json"
    shutil.copyfile(source, project)  # its own copy: nothing else saves to it meanwhile
    roots = {"this": HERE.parent}
    if args.against:
        roots["against"] = args.against.resolve()
    python = sys.executable
    envs, warm = {}, {}
    for name, root in roots.items():
        base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        base.update(PYTHONPATH=str(root), PMTUI_TODAY=TODAY.isoformat())
        env = app_env(folder / name, base)
        today = [python, "-m", "pmtui", "today", str(project)]
        # From the temporary folder: `python -m` puts the working folder first on sys.path.
        subprocess.run(today, env=env, capture_output=True, check=True, cwd=folder)
        cache = Path(env["XDG_CACHE_HOME"])
        warm[name] = {p: p.read_bytes() for p in cache.rglob("*") if p.is_file()}
        envs[name] = env
    out = folder / "cpu.txt"
    bare = [python, "-c", BARE, str(HERE)]
    found: dict[str, list[float]] = {"bare": [], **{name: [] for name in roots}}
    # Each session opens as the day before left it: no check-in yet, the cache warm.
    for run in range(args.runs + 1):  # the first round writes bytecode: not counted
        seconds = {"bare": cpu_to_first_frame(bare, envs["this"], "Row 1", out)}
        for name in roots:
            shutil.rmtree(envs[name]["XDG_STATE_HOME"], ignore_errors=True)
            for cached, content in warm[name].items():
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_bytes(content)
            command = [python, "-c", PMTUI, str(project)]
            seconds[name] = cpu_to_first_frame(command, envs[name], LISTED, out)
        if run:
            for name, value in seconds.items():
                found[name].append(value)
    bare_median = statistics.median(found["bare"])
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"CPU to the first frame, {args.records:,} records, {args.runs} runs, load {load}")
    for name, values in found.items():
        median = statistics.median(values)
        where = "" if name == "bare" else f" ({roots[name]})"
        print(f"  {name}{where}: {median * 1000:.0f} ms, {median / bare_median:.2f}x")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
