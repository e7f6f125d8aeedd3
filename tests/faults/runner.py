"""The client of the fault tests' forked command runner (forked.py): start a `pmtui`
command in a forked child, pause it inside a file write, signal it through a pidfd, read
what it said; or run several at once."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.processes import Lines


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@dataclass
class Outcome:
    """What one command said and how it ended."""

    code: int
    out: str = ""
    err: str = ""
    steps: list[str] = field(default_factory=list)
    seconds: float = 0.0
    paused: bool = False
    done: bool = False

    @property
    def one_line_error(self) -> bool:
        """A refusal as the CLI promises it: one line on stderr, no traceback."""
        return self.err.count("\n") == 1 and "Traceback" not in self.err


class Runner:
    """The client of forked.py: runs `pmtui` commands in forked children."""

    def __init__(self, env: Mapping[str, str], scratch: Path) -> None:
        self.scratch = scratch
        resume_read, self.resume = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("forked.py")), str(resume_read)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=(scratch / "runner.err").open("wb"),
            env=dict(env),
            pass_fds=(resume_read,),
            preexec_fn=_default_sigint,
        )
        os.close(resume_read)
        assert self.process.stdout is not None
        self.lines = Lines(self.process.stdout.fileno())
        self._count = 0

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        os.close(self.resume)

    def _send(self, request: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(request) + "\n").encode())
        self.process.stdin.flush()

    def _out(self) -> str:
        self._count += 1
        return str(self.scratch / f"run{self._count}")

    def start(
        self,
        argv: Sequence[str],
        cwd: Path,
        *,
        pause_at: int | None = None,
        fault: str | None = None,
    ) -> tuple[int, str]:
        """Start `pmtui ARGV`; returns a pidfd of the child (see send) and its output's
        prefix. Close the pidfd after finish()."""
        out = self._out()
        self._send(
            {
                "op": "run",
                "argv": list(argv),
                "cwd": str(cwd),
                "out": out,
                "pause_at": pause_at,
                "fault": fault,
            }
        )
        word, _, pid = self.lines.next(timeout=60).partition(" ")
        assert word == "PID", word
        pidfd = os.pidfd_open(int(pid))
        self.resume_child()  # let it start
        started = self.lines.next(timeout=60)
        assert started == "STARTED", started
        return pidfd, out

    def finish(self, out: str, outcome: Outcome | None = None) -> Outcome:
        """Read the child's lines to its end."""
        outcome = outcome or Outcome(code=0)
        while not outcome.done:
            self.hear(self.lines.next(timeout=120), outcome)
        outcome.out, outcome.err = _read(out + ".out"), _read(out + ".err")
        return outcome

    @staticmethod
    def hear(line: str, outcome: Outcome) -> None:
        word, _, rest = line.partition(" ")
        if word == "STEP":
            outcome.steps.append(rest.split(" ")[1])
        elif word == "PAUSED":
            outcome.paused = True
        elif word == "EXIT":
            outcome.seconds = float(rest.split(" ")[1])
        elif word == "DONE":
            outcome.code = int(rest)
            outcome.done = True

    def run(self, argv: Sequence[str], cwd: Path, *, fault: str | None = None) -> Outcome:
        """Run `pmtui ARGV` to its end."""
        pidfd, out = self.start(argv, cwd, fault=fault)
        try:
            return self.finish(out)
        finally:
            os.close(pidfd)

    @staticmethod
    def send(pidfd: int, signum: int) -> None:
        """Send `signum` to the child behind `pidfd` (nothing if it has ended)."""
        with contextlib.suppress(ProcessLookupError):
            signal.pidfd_send_signal(pidfd, signum)

    def resume_child(self) -> None:
        """Let a child paused at a write step go on."""
        os.write(self.resume, b"x")

    def many(self, sequences: Sequence[Sequence[Sequence[str]]], cwd: Path) -> list[list[Outcome]]:
        """One child per sequence, started together, each running its commands in turn."""
        out = self._out()
        self._send(
            {
                "op": "many",
                "sequences": [[list(a) for a in s] for s in sequences],
                "cwd": str(cwd),
                "out": out,
            }
        )
        results: list[list[Outcome]] = [[] for _ in sequences]
        while (line := self.lines.next(timeout=300)) != "DONE 0":
            _, index, number, code = line.split(" ")
            prefix = f"{out}.{index}.{number}"
            results[int(index)].append(
                Outcome(
                    code=int(code),
                    out=_read(prefix + ".out"),
                    err=_read(prefix + ".err"),
                )
            )
        return results


def _read(path: str) -> str:
    """What a child wrote there ('' when it was killed before it redirected its output)."""
    try:
        return Path(path).read_text(errors="replace")
    except FileNotFoundError:
        return ""


def runner_for(env: Mapping[str, str], scratch: Path) -> Iterator[Runner]:
    """A Runner for a fixture: closed at the end."""
    scratch.mkdir(parents=True, exist_ok=True)
    runner = Runner(env, scratch)
    try:
        yield runner
    finally:
        runner.close()
