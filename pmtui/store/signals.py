"""Signals around saves: a hang-up, terminate or ctrl+c waits for the save under way
(deferred_signals); SIGHUP and SIGTERM end a program through its `finally` blocks
(exit_on_signals), also when Python swallowed the exit where it came. No Textual."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

_pending: list[int] = []
_depth = 0
DEFERRED = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)


@contextlib.contextmanager
def deferred_signals() -> Iterator[None]:
    """Hold SIGHUP, SIGTERM and SIGINT until the block ends, so a save is never cut short.

    A signal that came meanwhile is raised again at the end, to the handler that was in
    place before. Only the main thread may set handlers; elsewhere the block runs as is.
    """
    global _depth
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, Any] = {}
    if _depth == 0:

        def remember(signum: int, frame: FrameType | None) -> None:
            _pending.append(signum)

        for held in DEFERRED:
            previous[held] = signal.signal(held, remember)
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            for number, handler in previous.items():
                signal.signal(number, handler)
            while _pending:
                signal.raise_signal(_pending.pop(0))


class HangUp(SystemExit):
    """The exit a SIGHUP or SIGTERM asks for (exit_on_signals): code 128 + the signal."""


#: Exit codes of hang-ups Python swallowed: the handler runs wherever the signal finds
#: the program, and an exception raised inside a weakref callback or a __del__ (the import
#: system's module-lock callback, during a lazy import) cannot leave it; Python prints it
#: as "Exception ignored" and goes on. Kept here, raised at the next safe point.
_swallowed: list[int] = []
_hook_installed = False


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise HangUp(128 + signum)


def _keep_swallowed_exit(unraisable: Any) -> None:
    """sys.unraisablehook: a HangUp a callback swallowed is kept (exit_if_hung_up), never
    printed; anything else goes to the hook that was in place."""
    if isinstance(unraisable.exc_value, HangUp):
        code = unraisable.exc_value.code
        _swallowed.append(code if isinstance(code, int) else 128 + signal.SIGHUP)
        return
    _previous_unraisable_hook(unraisable)


_previous_unraisable_hook: Callable[[Any], Any] = sys.unraisablehook


def exit_if_hung_up() -> None:
    """A safe point (before a save takes the lock): end with the hang-up a callback
    swallowed, if one did, so the file stays as it was."""
    if _swallowed:
        code = _swallowed[0]
        _swallowed.clear()
        raise HangUp(code)


def hung_up_code(code: int) -> int:
    """The exit code of a command that ended with `code`: 128 + the signal when a hang-up
    came that a callback swallowed (the command went on to its end meanwhile)."""
    if _swallowed:
        code = _swallowed[0]
        _swallowed.clear()
    return code


def exit_on_signals() -> None:
    """Turn SIGHUP and SIGTERM into SystemExit (HangUp), so `finally` blocks and atexit run.

    By default both end the process at once, which is safe for the file (saves defer
    them) but skips Store.close(), leaving the lock file behind. Handlers someone else
    installed are kept. An exit Python swallows (raised inside a callback) is kept, and
    raised by the store's next save (exit_if_hung_up) or returned as the command's exit
    code (hung_up_code). Call from the main thread of a program (the CLI, the app).
    """
    global _hook_installed, _previous_unraisable_hook
    for signum in (signal.SIGHUP, signal.SIGTERM):
        if signal.getsignal(signum) is signal.SIG_DFL:
            signal.signal(signum, _exit_on_signal)
    if not _hook_installed:
        _hook_installed = True
        _previous_unraisable_hook = sys.unraisablehook
        sys.unraisablehook = _keep_swallowed_exit
