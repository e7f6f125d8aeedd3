"""Profile `pmtui PROJECT` from the process's start to Today's first frame, in an 80x24
pseudo-terminal, with pyinstrument (not a dependency: `pip install pyinstrument`).

    python bench/profile_first_frame.py [--records 10000] [--cold] [--out profile.txt]

The child starts the profiler before importing pmtui, runs the app as `pmtui PROJECT` does,
stops the profiler once the first frame is handed to the terminal (the app's first
call_after_refresh) and quits; the text profile goes to --out. Today's cache is warm
(written by `pmtui today` first) unless --cold.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

CHILD = r"""
import sys, time
from pyinstrument import Profiler
profiler = Profiler(interval=0.0005)
began = time.perf_counter()
profiler.start()
from pmtui.app import PmtuiApp
mount = PmtuiApp.on_mount
def on_mount(self):
    def first_frame():
        profiler.stop()
        took = time.perf_counter() - began
        with open(sys.argv[2], "w") as out:
            out.write(f"first frame after {took * 1000:.0f} ms (profiled)\n")
            out.write(profiler.output_text(unicode=True, color=False, show_all=False))
        self.exit()
    # Before the app's own: it parses a project opened from Today's cache after this frame.
    self.call_after_refresh(first_frame)
    mount(self)
PmtuiApp.on_mount = on_mount
from pmtui.__main__ import main
main([sys.argv[1]])
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--cold", action="store_true", help="no Today cache")
    parser.add_argument("--out", type=Path, default=Path("/tmp/pmtui-first-frame-profile.txt"))
    args = parser.parse_args()
    from generator import REALISTIC, TODAY, cached_project
    from in_app import app_env
    from pty_driver import PtyApp

    path, _ = cached_project(args.records, REALISTIC)
    folder = Path(tempfile.mkdtemp(prefix="pmtui-profile-"))
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base.update(PYTHONPATH=str(HERE.parent), PMTUI_TODAY=TODAY.isoformat())
    env = app_env(folder, base)
    if not args.cold:
        subprocess.run(
            [sys.executable, "-m", "pmtui", "today", str(path)], env=env, capture_output=True
        )
    app = PtyApp([sys.executable, "-c", CHILD, str(path), str(args.out)], env)
    try:
        app.settle(quiet=3.0, timeout=120)
    except EOFError:
        pass
    finally:
        app.close()
    print(args.out.read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
