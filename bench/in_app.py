"""issue 23's figures inside the app, in an 80x24 pseudo-terminal (bench/pty_driver.py, pyte),
each against a bare Textual app doing the same (bench/bare_app.py, bench/bare_switch_app.py):
first complete frame, cursor moves on every area's biggest board (time and bytes), tab and
area returns, opening a form, peak memory. Used by bench/run_all.py; not a test.

The boards come from the registry (pmtui.areas): an area's biggest board is the one whose
first declared table (RecordType.board) holds the most records, so areas added later are
measured without a change here.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from pty_driver import PtyApp

from pmtui import areas
from pmtui.tables import load_all

HERE = Path(__file__).resolve().parent
#: Today's list on screen: a group heading with its count.
LISTED = r"(Overdue|Due today|Coming up) · [0-9]+"
#: The first frame of a cold Today on a big project: the list is being worked out.
WORKING = r"working out what is due|" + LISTED
#: A form is open (pmtui: "Add task"; the bare app: "Add row").
FORM = r"Add [a-z]"
#: The Report board's preview drawn: the status report's Summary heading on its own line.
REPORT_SHOWN = re.compile(r"\n +Summary *\n")
#: The digit of the area whose first board is the status report's preview.
REPORTS = next(str(a.number) for a in areas.AREAS if a.boards and a.boards[0].title == "Report")
MOVES = 10
RETURNS = 3
FORMS = 3


def biggest_boards(counts: dict[str, int]) -> list[tuple[str, str, int, int]]:
    """(area digit, board title, tab index, records) of each area's biggest board, and the
    Today board where the app opens."""
    primary: dict[str, str] = {}
    for table, record_type in load_all().items():
        if record_type.board:
            primary.setdefault(record_type.board, table)
    start = areas.AREAS[0]  # the app opens on its first board
    found = [(str(start.number), f"{start.boards[0].title} (opens here)", 0, 0)]
    for area in areas.AREAS:
        if not area.boards:
            continue
        sizes = [(counts.get(primary.get(b.id, ""), 0), i) for i, b in enumerate(area.boards)]
        size, index = max(sizes, key=lambda pair: (pair[0], -pair[1]))
        found.append((str(area.number), f"{area.boards[index].title} ({area.title})", index, size))
    return found


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(values: list[float]) -> dict[str, float]:
    """Median and 95th percentile."""
    return {"median": statistics.median(values), "p95": _percentile(values, 0.95)}


def first_frame(command: list[str], env: dict[str, str], pattern: str) -> tuple[float, int]:
    """Seconds from spawning `command` until `pattern` is on screen, and bytes until then."""
    app = PtyApp(command, env)
    try:
        app.wait_for(pattern, timeout=180)
        return time.perf_counter() - app.started, app.total
    finally:
        app.close()


def pmtui_session(
    path: Path, env: dict[str, str], boards: list[tuple[str, str, int, int]]
) -> dict[str, list[float]]:
    """One app session on `path`: cursor moves on each board of `boards`, tab and area
    returns, a form opened and closed; times in ms, bytes, peak memory in MB."""
    out: dict[str, list[float]] = {}
    app = PtyApp([sys.executable, "-m", "pmtui", str(path)], env)
    try:
        app.wait_for(LISTED, timeout=180)
        app.settle(1.0)
        for digit, title, index, _ in boards:
            if digit == REPORTS:
                # The Reports area's first visit opens its Report tab: the report built in a
                # worker (the board's modules imported on the way), then drawn. Measured
                # until the summary's heading shows.
                app.send(digit)
                seconds = app.wait_for(REPORT_SHOWN.pattern, timeout=120)
                out["report preview ms"] = [seconds * 1000]
                app.settle(0.5)
                for _ in range(index):
                    app.key("]", quiet=0.5, timeout=120)
            elif "(opens here)" not in title:
                app.key(digit, quiet=0.5, timeout=120)  # first visit: not measured
                for _ in range(index):
                    app.key("]", quiet=0.5, timeout=120)
            app.settle(0.5)
            for _ in range(MOVES):
                seconds, sent = app.key("down")
                out.setdefault(f"cursor {title} ms", []).append(seconds * 1000)
                out.setdefault(f"cursor {title} bytes", []).append(sent)
                out.setdefault("cursor ms", []).append(seconds * 1000)
        for key in ("2", "]", "["):  # Plan's WBS and Gantt, both visited
            app.key(key, quiet=0.5, timeout=120)
        for _ in range(RETURNS):
            for key in ("]", "["):
                out.setdefault("tab ms", []).append(app.key(key, timeout=120)[0] * 1000)
        for _ in range(RETURNS):
            for key in ("3", "2"):
                out.setdefault("area ms", []).append(app.key(key, timeout=120)[0] * 1000)
        app.settle(0.5)
        for _ in range(FORMS):
            out.setdefault("form ms", []).append(_open_form(app))
        out["peak memory MB"] = [app.peak_memory_mb()]
    finally:
        app.close()
    return out


def _open_form(app: PtyApp) -> float:
    """ms from `a` until the form is drawn (its repaint's last byte); then escape."""
    seconds = app.key("a", timeout=60)[0]
    app.wait_for(FORM, timeout=30)
    app.key("escape", quiet=0.5, timeout=60)
    app.settle(0.3)
    return seconds * 1000


def bare_session(
    env: dict[str, str], forms: int = FORMS, prefix: str = ""
) -> dict[str, list[float]]:
    """The bare app: cursor moves on a 50-row DataTable, tab and screen returns, `forms`
    forms opened; each figure's name starts with `prefix` (bench_scale's "bare ")."""
    out: dict[str, list[float]] = {}

    def add(name: str, value: float) -> None:
        out.setdefault(prefix + name, []).append(value)

    app = PtyApp([sys.executable, str(HERE / "bare_switch_app.py")], env)
    try:
        app.wait_for("Row 1", timeout=60)
        for key in ("2", "1", "]", "["):  # every screen and tab visited
            app.key(key, quiet=0.5)
        for _ in range(MOVES):
            seconds, sent = app.key("down")
            add("cursor ms", seconds * 1000)
            add("cursor bytes", sent)
        for _ in range(RETURNS):
            for key in ("]", "["):
                add("tab ms", app.key(key)[0] * 1000)
        for _ in range(RETURNS):
            for key in ("2", "1"):
                add("area ms", app.key(key)[0] * 1000)
        for _ in range(forms):
            add("form ms", _open_form(app))
        add("peak memory MB", app.peak_memory_mb())
    finally:
        app.close()
    return out


def first_frames(path: Path, env: dict[str, str], runs: int) -> dict[str, list[tuple[float, int]]]:
    """Today's first complete frame of `pmtui PROJECT` (cache warm, then cold: its first
    frame and its list) against the bare app with a 50-row DataTable; alternating."""
    cache_home = Path(env["XDG_CACHE_HOME"])
    opened = [sys.executable, "-m", "pmtui", str(path)]
    bare = [sys.executable, str(HERE / "bare_app.py")]
    first_frame(bare, env, "Row 1")  # untimed: bytecode written for both
    first_frame(opened, env, LISTED)
    # The cache `pmtui today` writes and the app reads (the app writes it too, but after
    # its first frame: a session ended at the frame may leave none).
    shutil.rmtree(cache_home, ignore_errors=True)
    subprocess.run([*opened[:3], "today", str(path)], env=env, capture_output=True, check=True)
    warm = {p: p.read_bytes() for p in cache_home.rglob("*") if p.is_file()}
    assert warm, "pmtui today wrote no cache"
    found: dict[str, list[tuple[float, int]]] = {}
    for _ in range(runs):
        found.setdefault("bare", []).append(first_frame(bare, env, "Row 1"))
        for cached, content in warm.items():
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(content)
        found.setdefault("warm", []).append(first_frame(opened, env, LISTED))
        shutil.rmtree(cache_home, ignore_errors=True)
        found.setdefault("cold first", []).append(first_frame(opened, env, WORKING))
        shutil.rmtree(cache_home, ignore_errors=True)
        found.setdefault("cold listed", []).append(first_frame(opened, env, LISTED))
    return found


def app_env(folder: Path, base: dict[str, str]) -> dict[str, str]:
    """`base` with every XDG folder under `folder` (no user config colours a figure)."""
    home = folder / "xdg"
    home.mkdir(parents=True, exist_ok=True)
    return {
        **base,
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "HOME": str(home),
    }


def interactive(
    path: Path, counts: dict[str, int], env: dict[str, str], runs: int
) -> dict[str, list[float]]:
    """`runs` app sessions alternating with as many bare ones; every sample, keyed
    'pmtui ...' and 'bare ...'."""
    boards = biggest_boards(counts)
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        for side, session in (
            ("pmtui", pmtui_session(path, env, boards)),
            ("bare", bare_session(env)),
        ):
            for name, values in session.items():
                samples.setdefault(f"{side} {name}", []).extend(values)
    return samples
