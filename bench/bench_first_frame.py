"""First frame of `pmtui demo` vs a bare Textual app with a 50-row DataTable, side by side.

Both run in an 80x24 pseudo-terminal under ../shared/tools/ttff.py (a VT100 emulator that
reports when the expected text is on screen). Runs alternate, so machine noise hits both alike.

    .venv/bin/python bench/bench_first_frame.py [--runs 9]
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
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
