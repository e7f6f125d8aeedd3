"""The real `pmtui demo` in a pseudo-terminal: a 16-colour terminal and NO_COLOR.

The app runs as a user starts it (`python -m pmtui demo FILE`); its output goes through pyte,
a VT100 emulator, so the assertions are about what the terminal shows and which colour
codes it was sent.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pyte
import pytest

from tests.uihelpers import isolated_env

SGR = re.compile(rb"\x1b\[([\d;]*)m")
#: Foreground/background codes a 16-colour terminal understands.
SIXTEEN = {*range(30, 38), 39, *range(40, 48), 49, *range(90, 98), *range(100, 108)}
ATTRIBUTES = {0, 1, 2, 3, 4, 7, 9, 21, 22, 23, 24, 27, 29}


def _run_demo(
    tmp_path: Path,
    typed: bytes = b"",
    until: Callable[[list[str]], bool] | None = None,
    **extra: str,
) -> tuple[bytes, list[str]]:
    """Everything the app wrote until its first full frame, and the 80x24 screen then; with
    `typed`, those bytes are sent after the first frame and the screen is returned once
    `until` holds for it."""
    env = {**os.environ, **isolated_env(tmp_path), "COLUMNS": "80", "LINES": "24", **extra}
    demo = tmp_path / "demo.json"
    subprocess.run(
        [sys.executable, "-m", "pmtui", "demo", str(demo), "--no-open"],
        env=env,
        check=True,
        capture_output=True,
    )
    screen = pyte.Screen(80, 24)
    stream = pyte.ByteStream(screen)
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execvpe(sys.executable, [sys.executable, "-m", "pmtui", "demo", str(demo)], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    written = b""
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            chunk = os.read(fd, 65536)
            written += chunk
            stream.feed(chunk)
            shown = list(screen.display)
            if typed and "saved" in shown[0] and "palette" in shown[23]:
                os.write(fd, typed)  # as the terminal sends them: one read
                typed = b""
            elif not typed and (until or _first_frame)(shown):
                return written, shown
        raise AssertionError("the screen never showed it:\n" + "\n".join(screen.display))
    finally:
        _stop(pid, fd)


def _first_frame(shown: list[str]) -> bool:
    return "saved" in shown[0] and "palette" in shown[23]


def _stop(pid: int, fd: int) -> None:
    """End the app: SIGTERM, reading what it still writes (a full pty would block it),
    then SIGKILL if it has not gone within five seconds."""
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if os.waitpid(pid, os.WNOHANG) != (0, 0):
            break
        if select.select([fd], [], [], 0.05)[0]:
            with contextlib.suppress(OSError):
                os.read(fd, 65536)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)


def _sgr_codes(written: bytes) -> list[list[int]]:
    return [[int(n) for n in m.group(1).split(b";") if n] for m in SGR.finditer(written)]


@pytest.mark.parametrize("extra", [{"TERM": "xterm"}, {"TERM": "xterm", "NO_COLOR": "1"}])
def test_a_16_colour_terminal_gets_only_16_colour_codes(
    tmp_path: Path, extra: dict[str, str]
) -> None:
    written, display = _run_demo(tmp_path, **extra)
    assert display[0].startswith(" ERP Roll-out (S/4HANA)  ● amber (computed red)   saved")
    assert display[1].startswith(" 1Today 2Plan 3People 4Vendors")
    # The demo opens on Today.
    assert display[2].startswith(" Today")
    assert display[23].startswith("⏎ Open x Done s Snooze a Add [ Prev tab ] Next tab")
    codes = {code for sgr in _sgr_codes(written) for code in sgr}
    assert codes <= SIXTEEN | ATTRIBUTES, sorted(codes - SIXTEEN - ATTRIBUTES)


def test_no_color_draws_in_greys_and_marks_the_cursor_without_colour(tmp_path: Path) -> None:
    written, display = _run_demo(tmp_path, TERM="xterm-256color", NO_COLOR="1")
    assert display[5].startswith(" Overdue")  # the demo opens on Today
    colours: list[int] = []
    reversed_text = False
    for sgr in _sgr_codes(written):
        index = 0
        while index < len(sgr):
            if sgr[index] in (38, 48) and sgr[index + 1] == 5:
                colours.append(sgr[index + 2])
                index += 3
                continue
            assert sgr[index] not in (38, 48), f"a true colour was sent: {sgr}"
            reversed_text = reversed_text or sgr[index] == 7
            index += 1
    # 16 and 231 are black and white; 232-255 is the grey ramp: no hue anywhere.
    assert colours and set(colours) <= {16, 231, *range(232, 256)}, sorted(set(colours))
    assert reversed_text  # the selected row and the current area use reverse video


def test_esc_then_a_digit_switches_area_as_alt_digit_does(tmp_path: Path) -> None:
    # tmux and xterm send alt+2 as ESC then 2, in one read; the demo opens on Today.
    def on_plan(shown: list[str]) -> bool:
        return any("WBS" in line for line in shown[:4]) and "palette" in shown[23]

    _written, shown = _run_demo(tmp_path, typed=b"\x1b2", until=on_plan)
    assert any("Gantt" in line for line in shown[:4])
