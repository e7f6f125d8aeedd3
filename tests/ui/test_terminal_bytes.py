"""What a cursor move costs on a real terminal: the bytes `pmtui demo` writes to a pty."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pyte

from tests.ui.test_terminal import _stop
from tests.uihelpers import isolated_env


class Terminal:
    """`pmtui demo` in an 80x24 pty, read through pyte."""

    def __init__(self, tmp_path: Path) -> None:
        env = {**os.environ, **isolated_env(tmp_path), "COLUMNS": "80", "LINES": "24"}
        demo = tmp_path / "demo.json"
        command = [sys.executable, "-m", "pmtui", "demo", str(demo)]
        subprocess.run([*command, "--no-open"], env=env, check=True, capture_output=True)
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # pragma: no cover - the child
            os.execvpe(sys.executable, command, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

    def read_until(self, shown: Callable[[list[str]], bool]) -> bytes:
        """What the app writes until the screen satisfies `shown` and then falls quiet."""
        written = b""
        deadline = time.monotonic() + 20
        done = False
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.5 if done else 0.05)
            if not ready:
                if done:
                    return written
                continue
            chunk = os.read(self.fd, 65536)
            written += chunk
            self.stream.feed(chunk)
            done = done or shown(list(self.screen.display))
        raise AssertionError("the screen never showed it:\n" + "\n".join(self.screen.display))

    def type(self, keys: bytes, shown: Callable[[list[str]], bool]) -> bytes:
        os.write(self.fd, keys)
        return self.read_until(shown)

    def stop(self) -> None:
        _stop(self.pid, self.fd)


def test_a_cursor_move_sends_far_fewer_bytes_than_a_full_repaint(tmp_path: Path) -> None:
    terminal = Terminal(tmp_path)
    try:
        terminal.read_until(lambda shown: "palette" in shown[23])
        full = terminal.type(b"2", lambda shown: "Initiation · Owner:" in shown[22])
        moved = terminal.type(b"j", lambda shown: "Project charter and plan ·" in shown[22])
        assert "Markus Brandt" in terminal.screen.display[22]
        # Two table rows and the detail line, against a whole screen.
        assert len(moved) * 5 < len(full), (len(moved), len(full))
    finally:
        terminal.stop()
