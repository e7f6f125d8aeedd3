"""A dropped SSH link (SIGHUP) or a kill (SIGTERM) ends the real app cleanly, losing nothing."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from pmtui.store import Store
from tests.uihelpers import TODAY, isolated_env

LAUNCH = (
    "import sys; from pathlib import Path; from pmtui.app import run; "
    "sys.exit(run(Path(sys.argv[1])))"
)


def _read_until(fd: int, needle: bytes, timeout: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if needle in seen:
                return seen
    raise AssertionError(f"{needle!r} never appeared on screen")


def _drain(fd: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                if not os.read(fd, 65536):
                    return
            except OSError:
                return


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_signal_after_an_edit_keeps_it_and_cleans_up(tmp_path: Path, signum: int) -> None:
    project = tmp_path / "p.json"
    Store.create(project, {"name": "Signals", "start": "2026-09-01"}, today=TODAY).close()
    env = {**os.environ, **isolated_env(tmp_path), "TERM": "xterm-256color"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: the real app in a real pseudo-terminal
        os.execvpe(sys.executable, [sys.executable, "-c", LAUNCH, str(project)], env)
    try:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        _read_until(fd, b"Nothing due", 20)  # the app opens on Today, empty here
        for keys in (b"3", b"a"):
            os.write(fd, keys)
            _drain(fd, 0.4)
        os.write(fd, b"Hana Ito\x13")  # ctrl+s saves
        _read_until(fd, b"Hana Ito", 10)
        _drain(fd, 0.3)
        os.kill(pid, signum)
        deadline = time.monotonic() + 10
        status = None
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            _drain(fd, 0.05)
        assert status is not None and done, "the app did not exit on the signal"
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(fd)
    data = json.loads(project.read_text())
    assert [p["name"] for p in data["people"].values()] == ["Hana Ito"]
    leftovers = sorted(p.name for p in tmp_path.glob(".p.json.*"))
    assert not [n for n in leftovers if n.endswith((".tmp", ".lock"))], leftovers
