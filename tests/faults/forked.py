"""The fault tests' command runner: imports pmtui once, then forks one child per `pmtui`
command (as test_store_crash's writer does), so a trial costs a fork, not a start-up.

Run as a script: `python forked.py RESUME_FD`. It reads one JSON request a line on stdin
and answers on stdout, one line each:

- {"op": "run", "argv", "cwd", "out", "pause_at", "fault"}: fork a child that runs
  `pmtui ARGV` with its stdout and stderr in OUT.out and OUT.err; answers `PID n`, then
  the child's lines, then `DONE code` (negative: killed by that signal). The child
  starts when it reads a byte on RESUME_FD (the test first takes a pidfd of it, so a
  signal can never reach another process that reused the pid) and says `STARTED`. It says
  `STEP n name` at each step of a file write (the store's test hook, atomic.write_hook),
  and at step PAUSE_AT says `PAUSED` and waits for a byte on RESUME_FD; it ends with
  `EXIT code`. FAULT "enospc-write" or "enospc-fsync" makes every os.write or os.fsync
  fail as a full disk does.
- {"op": "many", "sequences": [[argv, ...], ...], "cwd", "out"}: one child per sequence,
  all started at once, each running its commands in turn; each says `RESULT i j code`
  (the stdout and stderr of command j of sequence i in OUT.i.j.out/.err); then `DONE 0`.
"""

from __future__ import annotations

import errno
import importlib
import json
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any, NoReturn

from pmtui.__main__ import main as pmtui_main
from pmtui.store import atomic
from pmtui.tables import load_all

# Everything a command imports, imported once here (a child only forks).
load_all()
importlib.import_module("pmtui.cli.main").build_parser()
import pmtui.transfer  # noqa: E402, F401

PROTOCOL = os.dup(1)
RESUME = int(sys.argv[1])
real_write = os.write


def say(text: str) -> None:
    real_write(PROTOCOL, (text + "\n").encode())


def full_disk(*args: Any, **kwargs: Any) -> NoReturn:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def redirect(out: str) -> None:
    """This command's stdout and stderr go to OUT.out and OUT.err."""
    sys.stdout.flush()
    sys.stderr.flush()
    for name, fd in ((".out", 1), (".err", 2)):
        target = os.open(out + name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)


def run_one(argv: list[str], out: str) -> int:
    """`pmtui ARGV`, its exit code; a traceback (never acceptable) exits 99."""
    redirect(out)
    try:
        code = pmtui_main(argv)
    except SystemExit as exit_:  # the SIGHUP/SIGTERM handler's exit, after a save
        code = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:
        traceback.print_exc()
        code = 99
    sys.stdout.flush()
    sys.stderr.flush()
    return code


def child(request: dict[str, Any]) -> NoReturn:
    os.chdir(request["cwd"])
    os.read(RESUME, 1)  # held until the test has a handle on this process (a pidfd)
    say("STARTED")  # the byte is taken: a signal from now on leaves none for the next child
    steps = 0
    pause_at = request.get("pause_at")

    def hook(step: str) -> None:
        nonlocal steps
        steps += 1
        say(f"STEP {steps} {step}")
        if steps == pause_at:
            say("PAUSED")
            os.read(RESUME, 1)

    atomic.write_hook = hook
    fault = request.get("fault")
    if fault == "enospc-write":
        os.write = full_disk
    elif fault == "enospc-fsync":
        os.fsync = full_disk
    started = time.monotonic()
    code = run_one(request["argv"], request["out"])
    # The command is over: a hang-up now (the test's, sent as it ended) changes nothing.
    for number in (signal.SIGHUP, signal.SIGTERM):
        signal.signal(number, signal.SIG_IGN)
    say(f"EXIT {code} {time.monotonic() - started:.4f}")
    os._exit(code)


def sequence(index: int, request: dict[str, Any], go: int) -> NoReturn:
    os.chdir(request["cwd"])
    os.read(go, 1)  # all start together
    for number, argv in enumerate(request["sequences"][index]):
        code = run_one(argv, f"{request['out']}.{index}.{number}")
        say(f"RESULT {index} {number} {code}")
    os._exit(0)


def forked(body: Callable[[], NoReturn]) -> int:
    pid = os.fork()
    if pid == 0:
        try:
            body()
        finally:
            os._exit(98)
    return pid


def main() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        if request["op"] == "run":
            pid = forked(lambda request=request: child(request))
            say(f"PID {pid}")
            _, status = os.waitpid(pid, 0)
            say(f"DONE {os.waitstatus_to_exitcode(status)}")
        elif request["op"] == "many":
            read_end, write_end = os.pipe()
            pids = [
                forked(lambda i=i, request=request, go=read_end: sequence(i, request, go))
                for i in range(len(request["sequences"]))
            ]
            os.write(write_end, b"x" * len(pids))
            os.close(read_end)
            os.close(write_end)
            for pid in pids:
                os.waitpid(pid, 0)
            say("DONE 0")


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    main()
