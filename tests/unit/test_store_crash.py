"""A writer killed at any instant, or hung up on, never tears the file nor loses an acked edit."""

from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from pmtui.store import Store, atomic, journal
from pmtui.store.files import ProjectFiles
from tests.processes import Lines

DAY = date(2026, 3, 2)
WRITE_STEPS = ("opened", "writing", "synced")

# Imports once, then forks one writer per round, so a round costs a fork, not a start-up.
# A writer opens the project, reports its pid, then edits P1's name to v1, v2, ... for ever,
# saying "EDIT n" before each update(), "ACK n" after it returns, and each write step.
WRITER = textwrap.dedent(
    """
    import os, sys
    from pmtui.store import Store, atomic

    path = sys.argv[1]

    def say(text):
        os.write(1, (text + "\\n").encode())

    def write_forever():
        store = Store.open(path)
        atomic.write_hook = say
        number = int(store.require("people", "P1")["name"][1:])
        say(f"PID {os.getpid()}")
        while True:
            number += 1
            say(f"EDIT {number}")
            store.update("people", "P1", {"name": f"v{number}"})
            say(f"ACK {number}")

    for line in sys.stdin:
        child = os.fork()
        if child == 0:
            try:
                write_forever()
            finally:
                os._exit(3)
        os.waitpid(child, 0)
        say("DONE")
    """
)


def make_project(path: Path, people: int) -> None:
    store = Store.create(path, {"name": "Crash test"}, today=DAY)
    with store.transaction("seed"):
        for number in range(people):
            store.add("people", {"name": "v0" if number == 0 else f"Person {number}"})
    store.close()


@dataclass
class Round:
    """What one writer said before it was killed."""

    pid: int = 0
    acked: int = 0
    started: int = 0
    said: list[str] = field(default_factory=list)

    def hear(self, line: str) -> None:
        word, _, number = line.partition(" ")
        if word == "PID":
            self.pid = int(number)
        elif word == "ACK":
            self.acked = int(number)
        elif word == "EDIT":
            self.started = int(number)
        self.said.append(line)

    @property
    def killed_inside_a_write(self) -> bool:
        """The last thing the writer did was a step between opening and renaming the temp."""
        return bool(self.said) and self.said[-1] in WRITE_STEPS


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], Lines, Path]]:
    path = tmp_path / "crash.json"
    make_project(path, people=2000)
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    process = subprocess.Popen(
        [sys.executable, str(script), str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdout is not None
    try:
        yield process, Lines(process.stdout.fileno()), path
    finally:
        process.kill()
        process.wait()


def run_round(process: subprocess.Popen[bytes], lines: Lines, rng: random.Random) -> Round:
    """Start a writer and SIGKILL it: after a random delay, or right after a write step."""
    assert process.stdin is not None
    process.stdin.write(b"go\n")
    process.stdin.flush()
    current = Round()
    while not current.pid:
        current.hear(lines.next())
    if rng.random() < 0.35:
        deadline = time.monotonic() + rng.uniform(0.0, 0.08)
        while (left := deadline - time.monotonic()) > 0:
            if b"\n" in lines.buffer or select.select([lines.fd], [], [], left)[0]:
                current.hear(lines.next())
    else:
        step = rng.choice(("opened", "opened", "writing"))
        wanted = rng.randint(1, 3)
        seen = 0
        while seen < wanted:
            line = lines.next()
            current.hear(line)
            seen += line == step
    os.kill(current.pid, signal.SIGKILL)
    while (line := lines.next()) != "DONE":
        current.hear(line)
    return current


def test_kill_9_at_random_moments_never_tears_the_file_nor_loses_an_acked_edit(
    writer: tuple[subprocess.Popen[bytes], Lines, Path],
) -> None:
    process, lines, path = writer
    rng = random.Random(20260302)
    rounds = 70
    inside = acked = 0
    for _ in range(rounds):
        current = run_round(process, lines, rng)
        inside += current.killed_inside_a_write
        acked += current.acked > 0
        data = json.loads(path.read_bytes())  # never torn: it parses
        names = {r["key"]: r["name"] for r in data["people"].values()}
        assert len(names) == 2000
        saved = int(names["P1"][1:])
        if current.acked:
            assert saved >= current.acked, current.said
        assert saved <= max(current.started, current.acked), current.said
        store = Store.open(path, today=DAY)
        assert store.require("people", "P1")["name"] == names["P1"]
        store.close()
        strays = list(path.parent.glob(".crash.json.*.tmp"))
        assert strays == [], "Store.open removes what a killed writer left"
    assert inside >= rounds / 3, f"only {inside} of {rounds} kills landed inside a write"
    assert acked >= rounds / 3, "the writers made progress"


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


SIGNALLED = textwrap.dedent(
    """
    import os, sys
    from pmtui.store import Store, atomic, exit_on_signals

    path, install = sys.argv[1], sys.argv[2] == "handlers"

    def say(text):
        os.write(1, (text + "\\n").encode())

    def hook(step):
        say(step)
        if step == "opened" and number == 3:
            os.read(0, 1)  # the parent signals us, then lets the save go on

    if install:
        exit_on_signals()
    store = Store.open(path)
    try:
        atomic.write_hook = hook
        number = 0
        while True:
            number += 1
            say(f"EDIT {number}")
            store.update("people", "P1", {"name": f"v{number}"})
            say(f"ACK {number}")
    finally:
        store.close()
    """
)


def signal_a_writer(tmp_path: Path, signum: int, handlers: bool) -> tuple[Round, Path, int]:
    """Send `signum` to a writer while its third save waits with its temp file open."""
    path = tmp_path / "signal.json"
    make_project(path, people=300)
    script = tmp_path / "signalled.py"
    script.write_text(SIGNALLED)
    process = subprocess.Popen(
        [sys.executable, str(script), str(path), "handlers" if handlers else "plain"],
        # A pytest-xdist worker ignores SIGINT and a child inherits that: the writer must
        # start as a shell starts it, with ctrl+c at its default.
        preexec_fn=_default_sigint,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdin is not None and process.stdout is not None
    lines = Lines(process.stdout.fileno())
    current = Round()
    try:
        while not (current.started == 3 and current.said[-1] == "opened"):
            current.hear(lines.next())
        process.send_signal(signum)
        process.stdin.write(b"x")
        process.stdin.close()
        code = process.wait(timeout=60)  # generous: a loaded machine writes slowly
        for line in process.stdout.read().decode().splitlines():
            current.hear(line)
    finally:
        process.kill()
        process.wait()
    return current, path, code


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT])
def test_a_hang_up_terminate_or_ctrl_c_during_a_save_finishes_it_and_leaves_no_lock_or_temp(
    tmp_path: Path, signum: signal.Signals
) -> None:
    current, path, code = signal_a_writer(tmp_path, signum, handlers=True)
    assert code != 0
    assert current.started == 3 and "ACK 3" not in current.said, "the signal ended the session"
    names = {r["key"]: r["name"] for r in json.loads(path.read_bytes())["people"].values()}
    assert names["P1"] == "v3", "the save under way was finished"
    files = ProjectFiles.for_path(path)
    logged = journal.read_activity(files.activity)[-1]["changes"][0]["fields"]
    assert logged == {"name": "v3"}, "and logged"
    assert list(tmp_path.glob(".signal.json.*.tmp")) == []
    assert not files.lock.exists()


def test_without_exit_handlers_a_terminate_still_finishes_the_save_under_way(
    tmp_path: Path,
) -> None:
    current, path, code = signal_a_writer(tmp_path, signal.SIGTERM, handlers=False)
    assert code == -signal.SIGTERM
    assert current.started == 3 and "ACK 3" not in current.said
    names = {r["key"]: r["name"] for r in json.loads(path.read_bytes())["people"].values()}
    assert names["P1"] == "v3"
    assert list(tmp_path.glob(".signal.json.*.tmp")) == []


def test_a_signal_during_a_save_is_raised_after_the_change_is_saved_and_logged(
    tmp_path: Path,
) -> None:
    # As in a program run from a shell (a pytest-xdist worker ignores SIGINT).
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        _signal_during_a_save(tmp_path)
    finally:
        signal.signal(signal.SIGINT, previous)


def _signal_during_a_save(tmp_path: Path) -> None:
    path = tmp_path / "inline.json"
    make_project(path, people=3)
    store = Store.open(path, today=DAY)

    def interrupt(step: str) -> None:
        if step == "writing":
            os.kill(os.getpid(), signal.SIGINT)

    atomic.write_hook = interrupt
    try:
        with pytest.raises(KeyboardInterrupt):
            store.update("people", "P1", {"name": "Finished"})
    finally:
        atomic.write_hook = None
    assert Store.open(path, today=DAY).require("people", "P1")["name"] == "Finished"
    assert store.get("people", "P1")["name"] == "Finished"  # type: ignore[index]
    entries = journal.read_activity(ProjectFiles.for_path(path).activity)
    assert entries[-1]["changes"][0]["fields"] == {"name": "Finished"}


def test_a_held_file_cut_short_before_it_held_anything_closes_quietly() -> None:
    """Found by tests/faults: a hang-up landing at the start of _HeldFile.__init__ (SystemExit
    from exit_on_signals) left an object without `fd`, whose __del__ then printed
    "Exception ignored ... AttributeError" with a traceback on the user's terminal."""
    from pmtui.store.loading import _HeldFile

    held = object.__new__(_HeldFile)  # as if __init__ was interrupted before its first line
    held.close()
    held.__del__()
