"""Crash-safe file writes and the cross-session lock; no TinyDB, no Textual."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import signal
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from pmtui.store.errors import SaveError

#: Tests set this to observe (or kill the process at) each step of a write.
write_hook: Callable[[str], None] | None = None


def _hook(step: str) -> None:
    if write_hook is not None:
        write_hook(step)


def check_writable(path: Path) -> None:
    """Refuse, with a reason, to write where the user should not: by mode bits, not os.access.

    Tests and some users run as root, for whom os.access says yes to a read-only file.
    """
    folder = path.parent
    try:
        vfs = os.statvfs(folder)
    except OSError as error:
        raise SaveError(f"cannot save {path}: {error.strerror}") from None
    if vfs.f_flag & os.ST_RDONLY:
        raise SaveError(f"cannot save {path}: the disk is mounted read-only")
    if path.exists() and not path.stat().st_mode & stat.S_IWUSR:
        raise SaveError(f"cannot save {path}: the file is read-only (chmod u+w to allow edits)")
    if not folder.stat().st_mode & stat.S_IWUSR:
        raise SaveError(f"cannot save {path}: the folder {folder} is read-only")


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write `data` to `path` so that a crash at any instant leaves the old or the new file.

    Temp file in the same folder, write, flush, fsync, rename over, fsync the folder.
    The temp file is removed on any failure; SaveError carries a plain-words reason.
    """
    check_writable(path)
    with deferred_signals():
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            os.fchmod(fd, mode)
            _hook("opened")
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
                _hook("writing")
            os.fsync(fd)
            _hook("synced")
            os.close(fd)
            fd = -1
            os.replace(temp_name, path)
            _hook("renamed")
            fsync_dir(path.parent)
        except OSError as error:
            if fd >= 0:
                os.close(fd)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp_name)
            reason = "the disk is full" if error.errno == errno.ENOSPC else error.strerror
            raise SaveError(f"cannot save {path}: {reason}; nothing was changed") from None
        except BaseException:
            if fd >= 0:
                os.close(fd)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp_name)
            raise


_pending: list[int] = []
_depth = 0


@contextlib.contextmanager
def deferred_signals() -> Iterator[None]:
    """Hold SIGHUP, SIGTERM and SIGINT until the block ends, so a save is never cut short.

    Only the main thread may set handlers; elsewhere the block runs as is.
    """
    global _depth
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    deferred = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)
    previous: dict[signal.Signals, Any] = {}
    if _depth == 0:

        def remember(signum: int, frame: FrameType | None) -> None:
            _pending.append(signum)

        for signum in deferred:
            previous[signum] = signal.signal(signum, remember)
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
            while _pending:
                signal.raise_signal(_pending.pop(0))


class FileLock:
    """An exclusive flock on a sidecar file; safe against the file being removed meanwhile."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd = -1
        self._depth = 0

    def acquire(self, timeout: float = 10.0) -> None:
        """Block until the lock is ours (re-entrant); SaveError after `timeout` seconds."""
        import time

        if self._depth:
            self._depth += 1
            return
        deadline = time.monotonic() + timeout
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as error:
                raise SaveError(f"cannot lock {self.path}: {error.strerror}") from None
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        os.close(fd)
                        raise SaveError(
                            f"another session has held {self.path} for {timeout:.0f} s; try again"
                        ) from None
                    time.sleep(0.01)
            # The holder before us may have removed the file on exit: lock the live one.
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                self._fd = fd
                self._depth = 1
                return
            os.close(fd)

    def release(self) -> None:
        """Give the lock up (the outermost release of a re-entrant hold)."""
        if not self._depth:
            return
        self._depth -= 1
        if self._depth == 0:
            os.close(self._fd)
            self._fd = -1

    def remove_if_free(self) -> None:
        """Delete the lock file when no other session holds it (on a clean exit)."""
        try:
            self.acquire(timeout=0)
        except SaveError:
            return
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)
        self.release()

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
