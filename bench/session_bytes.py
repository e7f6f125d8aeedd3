"""What a whole session sends to the terminal, as Textual writes it and as pmtui sends it
(pmtui.widgets.terminal_output.squeeze), and proof that both draw the same screen.

The demo project opens in an 80x24 pseudo-terminal; every area is visited, with cursor
moves, tab switches, the help and a form opened and closed on each; every frame is recorded
before it is squeezed. Each frame, as written and squeezed, is then fed to a terminal
emulator (pyte) and the two screens compared cell by cell after every frame (a space's
foreground only where an attribute draws on it). Not a test: a figure for BENCHMARKS.md.

    python bench/session_bytes.py               # the terminal's colours: 256
    python bench/session_bytes.py --colours standard|truecolor|none
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyte
from in_app import LISTED, app_env
from pty_driver import PtyApp

from pmtui.widgets.terminal_output import squeeze

#: Runs pmtui with every frame recorded (argv: the frames' file, then pmtui's arguments).
RECORDER = """
import atexit, pickle, signal, sys
import pmtui.widgets.terminal_output as output
frames, squeeze, out = [], output.squeeze, sys.argv[1]
def recorded(frame):
    frames.append(frame)
    return squeeze(frame)
output.squeeze = recorded
atexit.register(lambda: pickle.dump(frames, open(out, "wb")))
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
from pmtui.__main__ import main
sys.argv = ["pmtui", *sys.argv[2:]]
main()
"""
#: On each area: moves, both tab directions, the help and a form, each closed again.
KEYS = ["down", "down", "up", "]", "down", "down", "]", "down", "[", "?", "escape", "a", "escape"]


def record(colours: str, folder: Path) -> list[str]:
    """Every frame of one walk through the demo, as Textual wrote it."""
    env = app_env(folder, dict(os.environ, PMTUI_TODAY="2026-11-26"))
    env.pop("NO_COLOR", None)
    if colours == "none":
        env["NO_COLOR"] = "1"
    elif colours != "256":
        env["TEXTUAL_COLOR_SYSTEM"] = colours
    project = folder / "demo.json"
    subprocess.run(
        [sys.executable, "-m", "pmtui", "demo", str(project), "--no-open"],
        env=env,
        check=True,
        capture_output=True,
    )
    frames = folder / "frames.pickle"
    app = PtyApp([sys.executable, "-c", RECORDER, str(frames), str(project)], env)
    try:
        app.wait_for(LISTED, timeout=60)
        app.settle(1.0)
        for digit in "123456789":
            for key in [digit, *KEYS]:
                app.key(key, quiet=0.25, timeout=20)
        app.settle(1.0)
        os.kill(app.pid, 15)
        time.sleep(1.5)
    finally:
        app.close()
    with frames.open("rb") as recorded:
        written: list[str] = pickle.load(recorded)
    return written


def look(screen: pyte.Screen) -> list[list[tuple[object, ...]]]:
    return [
        [
            (c.data, c.bg, c.bold, c.italics, c.underscore, c.strikethrough, c.reverse, c.blink)
            + ((c.fg,) if c.data != " " or c.underscore or c.strikethrough or c.reverse else ())
            for _, c in sorted(screen.buffer[y].items())
        ]
        for y in range(screen.lines)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    choices = ["256", "standard", "truecolor", "none"]
    parser.add_argument("--colours", default="256", choices=choices)
    colours = parser.parse_args().colours
    with tempfile.TemporaryDirectory() as folder:
        frames = record(colours, Path(folder))
    textual, pmtui = pyte.Screen(80, 24), pyte.Screen(80, 24)
    as_written, as_sent = pyte.Stream(textual), pyte.Stream(pmtui)
    written = sent = differ = 0
    for frame in frames:
        squeezed = squeeze(frame)
        written, sent = written + len(frame.encode()), sent + len(squeezed.encode())
        as_written.feed(frame)
        as_sent.feed(squeezed)
        same_cursor = (textual.cursor.x, textual.cursor.y) == (pmtui.cursor.x, pmtui.cursor.y)
        differ += look(textual) != look(pmtui) or not same_cursor
    print(f"colours: {colours}; {len(frames)} frames")
    print(f"as Textual writes them: {written:,} bytes; as pmtui sends them: {sent:,} bytes")
    print(f"sent / written: {sent / written:.2f}; frames whose screen differs: {differ}")
    if differ:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
