"""kill -9 and SIGHUP at random moments against every command that writes (issue 23).

A third of the trials stop the command inside a file write (paused at a step the store's
test hook reports, then signalled); the rest signal it after a random delay. After each:
the file parses and equals the state before the command or after it, is 0600, and the
next command works and leaves no temp file behind.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.faults.harness import (
    INSIDE,
    Command,
    copy_project,
    stray_temps,
    tables_of,
    trials,
)
from tests.faults.runner import Outcome, Runner


@dataclass
class Expected:
    """A command run to its end on a copy of the template."""

    after: dict[str, Any] | None
    steps: list[str]
    seconds: float

    def inside_steps(self) -> list[int]:
        """The hook's step numbers (1-based) that are inside a write, before its rename."""
        return [number for number, step in enumerate(self.steps, 1) if step in INSIDE]

    def in_last_write(self, step: int) -> bool:
        """Whether step number `step` belongs to the command's last file write."""
        last_open = max(n for n, s in enumerate(self.steps, 1) if s == "opened")
        return step >= last_open


class Undisturbed:
    """Each writer run undisturbed on a copy of the template, once, when first asked: what
    "after" is, and its write steps."""

    def __init__(self, runner: Runner, template: Path, scratch: Path) -> None:
        self.runner, self.template, self.scratch = runner, template, scratch
        self.found: dict[str, Expected] = {}

    def __getitem__(self, command: Command) -> Expected:
        if command.label not in self.found:
            folder = copy_project(self.template, self.scratch / str(len(self.found)))
            prepare(self.runner, command, folder)
            outcome = self.runner.run(command.filled(folder), folder)
            assert outcome.code == 0, f"{command.label}: {outcome.err}"
            assert outcome.steps, f"{command.label} wrote nothing through the store's hook"
            self.found[command.label] = Expected(
                tables_of(command.target(folder)), outcome.steps, outcome.seconds
            )
        return self.found[command.label]


@pytest.fixture(scope="module")
def expected(
    template: Path, runner: Runner, tmp_path_factory: pytest.TempPathFactory
) -> Undisturbed:
    return Undisturbed(runner, template, tmp_path_factory.mktemp("undisturbed"))


def prepare(runner: Runner, command: Command, folder: Path) -> None:
    for words in command.prep:
        done = runner.run(command.filled(folder, words), folder)
        assert done.code == 0, done.err


@dataclass
class Trial:
    """One command signalled once, and what the file was before."""

    command: Command
    folder: Path
    before: dict[str, Any] | None
    outcome: Outcome
    paused_at: int | None


def signal_one(
    runner: Runner,
    command: Command,
    expect: Expected,
    folder: Path,
    rng: random.Random,
    signum: int,
    inside: bool,
) -> Trial:
    """Run `command` on `folder` and send it `signum` inside a write or at a random time."""
    prepare(runner, command, folder)
    before = tables_of(command.target(folder))
    pause_at = rng.choice(expect.inside_steps()) if inside else None
    pidfd, out = runner.start(command.filled(folder), folder, pause_at=pause_at)
    outcome = Outcome(code=0)
    try:
        if inside:
            while not outcome.paused:
                runner.hear(runner.lines.next(timeout=60), outcome)
            runner.send(pidfd, signum)
            if signum != signal.SIGKILL:
                runner.resume_child()  # the save goes on, with the signal waiting
        else:
            deadline = time.monotonic() + rng.uniform(0.0, expect.seconds * 1.3)
            while not outcome.done and (left := deadline - time.monotonic()) > 0:
                if runner.lines.ready(left):
                    runner.hear(runner.lines.next(), outcome)
            runner.send(pidfd, signum)
        runner.finish(out, outcome)
    finally:
        os.close(pidfd)
    return Trial(command, folder, before, outcome, pause_at)


def plan(writers: list[Command], trials: int, rng: random.Random) -> list[tuple[Command, bool]]:
    """`trials` (command, inside a write?) pairs: every command that is not one table's add
    or set three times (once inside a write), then the tables' adds and sets in a random
    order, a third of them inside a write, until the count is reached."""
    whole = [c for c in writers if c.name not in ("add", "set")]
    planned = [(c, inside) for c in whole for inside in (True, False, False)]
    tablewise = [c for c in writers if c.name in ("add", "set")]
    rng.shuffle(tablewise)
    number = 0
    while len(planned) < trials:
        planned.append((tablewise[number % len(tablewise)], number % 3 == 0))
        number += 1
    rng.shuffle(planned)
    return planned


def is_archived(state: dict[str, Any] | None) -> bool:
    """Whether the file's project record (the singleton) says archived."""
    return any(bool(r.get("archived")) for r in (state or {}).get("project", {}).values())


def check_after(runner: Runner, trial: Trial, expect: Expected) -> dict[str, Any] | None:
    """The file is whole, before or after, private; the next command works. Its state."""
    target = trial.command.target(trial.folder)
    said = f"{trial.command.label}: {trial.outcome}"
    state = tables_of(target)  # it parses: never torn
    assert state == trial.before or state == expect.after, said
    if state is not None:
        assert target.stat().st_mode & 0o777 == 0o600, said
    if trial.command.creates or trial.command.writes_output:
        # What a user does next: the same command (`new` refuses a file that exists; a
        # second `demo` opens it, and removes what a cut build left beside it; a second
        # report removes what a killed write of its file left).
        again = runner.run(trial.command.filled(trial.folder), trial.folder)
        assert again.code == 0 or "already exists" in again.err, f"{said}; again: {again.err}"
    if is_archived(state):
        # An archived project refuses every change but its reopening (archive landed, or
        # a reopen did not): what a user does next is reopen it, which must work.
        reopened = runner.run(["reopen", str(target)], trial.folder)
        assert reopened.code == 0, f"{said}; the reopen after: {reopened.err}"
    later = runner.run(["add", str(target), "people", "name=After the signal"], trial.folder)
    assert later.code == 0, f"{said}; the next command: {later.err}"
    names = [r["name"] for r in (tables_of(target) or {})["people"].values()]
    assert "After the signal" in names
    assert stray_temps(trial.folder) == [], said
    assert "Traceback" not in trial.outcome.err, said
    return state


@pytest.mark.parametrize("count", trials(60, 1500))
def test_kill_9_at_random_moments_of_every_writing_command_leaves_before_or_after(
    count: int,
    runner: Runner,
    template: Path,
    writers: list[Command],
    expected: Undisturbed,
    tmp_path: Path,
) -> None:
    rng = random.Random(20261126)
    planned = plan(writers, count, rng)
    inside = 0
    landed: list[str] = []
    for number, (command, in_write) in enumerate(planned):
        folder = copy_project(template, tmp_path / str(number))
        expect = expected[command]
        trial = signal_one(runner, command, expect, folder, rng, signal.SIGKILL, in_write)
        state = check_after(runner, trial, expect)
        if trial.paused_at is not None:
            inside += 1
            assert trial.outcome.code == -signal.SIGKILL
            # Killed before a write's rename: the command's file is the last it writes
            # (after a backup it keeps, after the demo's build), so nothing of it landed;
            # but one that writes a file beside it (report -o) writes that after it.
            if command.writes_output and expect.in_last_write(trial.paused_at):
                assert state == expect.after, f"{command.label}: the project was saved first"
            elif state != trial.before:
                landed.append(f"{command.label} at {expect.steps[: trial.paused_at]}")
        shutil.rmtree(folder)
    assert inside >= count // 3, f"only {inside} of {count} kills landed inside a write"
    assert landed == [], "a kill inside a write never lands that write"


@pytest.mark.parametrize("count", trials(40, 600))
def test_a_hang_up_inside_a_write_finishes_it_and_at_other_times_leaves_before_or_after(
    count: int,
    runner: Runner,
    template: Path,
    writers: list[Command],
    expected: Undisturbed,
    tmp_path: Path,
) -> None:
    rng = random.Random(20261127)
    planned = plan(writers, count, rng)
    inside = 0
    for number, (command, in_write) in enumerate(planned):
        folder = copy_project(template, tmp_path / str(number))
        expect = expected[command]
        trial = signal_one(runner, command, expect, folder, rng, signal.SIGHUP, in_write)
        if trial.paused_at is not None:
            # A hang-up during a save ends the process through its `finally` blocks. (At
            # any other instant one may land between taking the lock file and the `try`
            # that removes it: a lock file left there is harmless, the next command runs.)
            lock = command.target(folder).parent / f".{command.target(folder).name}.lock"
            assert not lock.exists(), f"{command.label}: a hang-up leaves no lock file"
        state = check_after(runner, trial, expect)
        assert trial.outcome.code in (0, 128 + signal.SIGHUP, -signal.SIGHUP), trial.outcome
        if trial.paused_at is not None:
            inside += 1
            if expect.in_last_write(trial.paused_at) and command.ends_with_the_file:
                assert state == expect.after, f"{command.label}: the save under way finished"
                assert trial.outcome.code == 128 + signal.SIGHUP, trial.outcome
        shutil.rmtree(folder)
    assert inside >= count // 3
