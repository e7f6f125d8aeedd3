"""A program in an 80x24 pseudo-terminal, read through a VT100 emulator (pyte), for the
benches: wait for text on screen, send a key and time its repaint, read peak memory.

The same approach as ../shared/tools/ttff.py, as a library the benches drive step by step.
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
import termios
import time
from collections.abc import Sequence

import pyte

KEYS = {"down": "\x1b[B", "up": "\x1b[A", "ctrl+s": "\x13", "ctrl+u": "\x15", "escape": "\x1b"}


class PtyApp:
    """`command` running in a COLSxROWS pseudo-terminal."""

    def __init__(self, command: Sequence[str], env: dict[str, str], cols: int = 80, rows: int = 24):
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.total = 0
        environment = dict(env, TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows))
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvpe(command[0], list(command), environment)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.kill(self.pid, signal.SIGWINCH)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def pump(self, wait: float) -> int:
        ready, _, _ = select.select([self.fd], [], [], wait)
        if not ready:
            return 0
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            raise EOFError from None
        if not data:
            raise EOFError
        self.total += len(data)
        self.stream.feed(data)
        if b"\x1b[6n" in data:  # answer queries as a terminal would
            y, x = self.screen.cursor.y + 1, self.screen.cursor.x + 1
            os.write(self.fd, f"\x1b[{y};{x}R".encode())
        if b"\x1b[c" in data:
            os.write(self.fd, b"\x1b[?62;22c")
        return len(data)

    def wait_for(self, pattern: str, timeout: float = 60.0) -> float:
        """Seconds until `pattern` (a regex) is on screen, from now."""
        began = time.perf_counter()
        regex = re.compile(pattern)
        while time.perf_counter() - began < timeout:
            if regex.search(self.text()):
                return time.perf_counter() - began
            self.pump(0.01)
        raise TimeoutError(f"{pattern!r} never showed:\n{self.text()}")

    def settle(self, quiet: float = 0.3, timeout: float = 60.0) -> None:
        """Read until nothing came for `quiet` seconds."""
        began = last = time.perf_counter()
        while time.perf_counter() - last < quiet and time.perf_counter() - began < timeout:
            if self.pump(0.01):
                last = time.perf_counter()

    def send(self, key: str) -> None:
        os.write(self.fd, KEYS.get(key, key).encode())

    def key(self, key: str, quiet: float = 0.15, timeout: float = 30.0) -> tuple[float, int]:
        """Send `key`; (seconds until its repaint's last byte, bytes written) once nothing
        came for `quiet` seconds."""
        before = self.total
        sent = last = time.perf_counter()
        self.send(key)
        while self.total == before and time.perf_counter() - sent < timeout:
            self.pump(0.005)
        last = time.perf_counter()
        while time.perf_counter() - last < quiet and time.perf_counter() - sent < timeout:
            if self.pump(0.005):
                last = time.perf_counter()
        return last - sent, self.total - before

    def peak_memory_mb(self) -> float:
        """The program's peak resident memory (VmHWM) so far."""
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def close(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        os.close(self.fd)
