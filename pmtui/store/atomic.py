"""Crash-safe file writes and the cross-session lock; no TinyDB, no Textual."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from pmtui.store.errors import SaveError
from pmtui.store.signals import deferred_signals

#: Tests set this to observe (or kill the process at) each step of a write.
write_hook: Callable[[str], None] | None = None


def _hook(step: str) -> None:
    if write_hook is not None:
        write_hook(step)


def _may_write(info: os.stat_result) -> bool:
    """Whether the mode bits let this user write, as if root were bound by them too.

    Owner, group or other bits are chosen as the kernel chooses them; root (who may
    write anything) is held to the owner's bit, so a file made read-only stays so.
    """
    uid = os.geteuid()
    if uid == 0 or uid == info.st_uid:
        return bool(info.st_mode & stat.S_IWUSR)
    if info.st_gid == os.getegid() or info.st_gid in os.getgroups():
        return bool(info.st_mode & stat.S_IWGRP)
    return bool(info.st_mode & stat.S_IWOTH)


def folder_writable(folder: Path) -> bool:
    """Whether files may be created in `folder` (mode bits and read-only mounts)."""
    try:
        read_only_mount = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
        return not read_only_mount and _may_write(os.stat(folder))
    except OSError:
        return False


def check_writable(path: Path) -> None:
    """Refuse, with a reason, to write where the user should not: by mode bits, not os.access.

    Tests and some users run as root, for whom os.access says yes to a read-only file.
    A rename needs only the folder's permission, so the file's own bits are checked too:
    otherwise a user could replace a file they may not write.
    """
    folder = path.parent
    try:
        vfs = os.statvfs(folder)
    except OSError as error:
        raise SaveError(f"cannot save {path}: {error.strerror}") from None
    if vfs.f_flag & os.ST_RDONLY:
        raise SaveError(f"cannot save {path}: the disk is mounted read-only")
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    if info is not None and not _may_write(info):
        raise SaveError(f"cannot save {path}: the file is read-only (chmod u+w to allow edits)")
    if not _may_write(folder.stat()):
        raise SaveError(f"cannot save {path}: the folder {folder} is read-only")


def shared_mode(like: Path | None) -> int:
    """The mode for a file kept beside the project `like`: the project's read/write bits
    (0660 for a project shared through a group), 0600 when there is no project yet."""
    try:
        return (os.stat(like).st_mode & 0o666) | 0o600 if like is not None else 0o600
    except OSError:
        return 0o600


def project_beside(sidecar: Path) -> Path | None:
    """The project a sidecar `.NAME.json.SUFFIX` belongs to, when that file exists."""
    name = sidecar.name
    if not name.startswith(".") or name.count(".") < 2:
        return None
    project = sidecar.with_name(name[1:].rsplit(".", 1)[0])
    return project if project.is_file() else None


def link_refused(path: Path) -> SaveError:
    """The refusal of a symbolic link at `path`, naming it."""
    return SaveError(
        f"refusing {path}: it is a symbolic link (pmtui never follows a link beside "
        "a project); remove it"
    )


def refuse_link(path: Path) -> None:
    """SaveError naming `path` when it is a symbolic link; nothing there is fine."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        raise link_refused(path)


def take_owner(fd: int, like: Path | None) -> None:
    """Give a file just created the group of the project `like` (and, for root, its owner,
    so that root's save does not lock the project's owner out of a sidecar)."""
    if like is None:
        return
    with contextlib.suppress(OSError):
        info = os.stat(like)
        os.fchown(fd, info.st_uid if os.geteuid() == 0 else -1, info.st_gid)


def open_sidecar(path: Path, flags: int, like: Path | None = None) -> int:
    """Open a file beside the project (lock, log, undo journal, backup) without following
    a symbolic link: one planted there (`.p.json.log -> ~/.bashrc`) or anything that is
    not a regular file is refused, naming it. A file it creates takes the mode and group of
    the project `like` (see shared_mode; by default the project `.NAME.json.SUFFIX` belongs
    to). Returns the descriptor; SaveError says why not."""
    like = like if like is not None else project_beside(path)
    mode = shared_mode(like)
    safe = os.O_NOFOLLOW | os.O_CLOEXEC
    created = False
    try:
        if flags & os.O_CREAT:
            while True:
                try:
                    fd = os.open(path, (flags | os.O_EXCL | safe), mode)
                    created = True
                    break
                except FileExistsError:
                    pass
                try:
                    fd = os.open(path, (flags & ~os.O_CREAT) | safe)
                    break
                except FileNotFoundError:
                    continue  # removed meanwhile (a session closing its lock): make it
        else:
            fd = os.open(path, flags | safe)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise link_refused(path) from None
        raise SaveError(f"cannot open {path}: {error.strerror}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise SaveError(f"refusing {path}: it is not a regular file; remove it")
    if created:
        os.fchmod(fd, mode)  # the umask does not narrow a group-shared project's files
        take_owner(fd, like)
    return fd


def make_shared_folder(folder: Path, like: Path | None) -> None:
    """Create the folder `folder` beside the project `like` (its backups) as 0700, or 0770
    with the project's group when the project is group-shared; refuse a link there."""
    refuse_link(folder)
    if folder.exists():
        if not folder.is_dir():
            raise SaveError(f"refusing {folder}: it is not a folder; remove it")
        return
    shared = shared_mode(like)
    # The group may list what it may read, and add to what it may write.
    mode = 0o700 | (0o050 if shared & 0o040 else 0) | (0o020 if shared & 0o020 else 0)
    with contextlib.suppress(FileExistsError):
        os.mkdir(folder, mode)
        os.chmod(folder, mode | (os.stat(folder).st_mode & stat.S_ISGID))
        if like is not None:
            with contextlib.suppress(OSError):
                info = os.stat(like)
                os.chown(folder, info.st_uid if os.geteuid() == 0 else -1, info.st_gid)
                # chown clears the set-group-id bit: a shared folder keeps it
                if mode & 0o020:
                    os.chmod(folder, mode | stat.S_ISGID)


def make_private_dirs(folder: Path) -> None:
    """Create `folder` and any missing parents with mode 0700 whatever the umask (under
    umask 000 mkdir -p would leave them world-writable); folders that exist are left as
    they are."""
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for made in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(made, 0o700)
            os.chmod(made, 0o700)


def remove_dead_temps(path: Path) -> None:
    """Remove the temp files writers of `path` that no longer run left beside it (a kill -9
    during atomic_write): `.NAME.PID.*.tmp` whose PID is no live process, regular files
    this user owns. A writer still running keeps its own; files of another form are left."""
    for stray in path.parent.glob(f".{glob.escape(path.name)}.*.*.tmp"):
        pid = stray.name[len(path.name) + 2 :].split(".", 1)[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        with contextlib.suppress(FileNotFoundError):
            info = os.lstat(stray)
            if stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid():
                stray.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, mode: int = 0o600, like: Path | None = None) -> None:
    """Write `data` to `path` so that a crash at any instant leaves the old or the new file.

    Temp file in the same folder (created exclusively, never through a link), write,
    flush, fsync, rename over, fsync the folder. The temp file is removed on any failure;
    SaveError carries a plain-words reason. With `like`, the file takes that file's group
    (a group-shared project saved by another member stays the group's).
    """
    check_writable(path)
    with deferred_signals():
        fd, temp_name = -1, ""
        try:
            # The writer's pid in the name: remove_dead_temps knows a killed writer's.
            fd, temp_name = tempfile.mkstemp(
                prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
            )
            os.fchmod(fd, mode)
            take_owner(fd, like)
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
        except BaseException as error:
            if fd >= 0:
                os.close(fd)
            if temp_name:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temp_name)
            if not isinstance(error, OSError):
                raise
            reason = "the disk is full" if error.errno == errno.ENOSPC else error.strerror
            raise SaveError(f"cannot save {path}: {reason}; nothing was changed") from None
        _hook("renamed")
        # The new file is in place: a folder that cannot be synced (some network and
        # FUSE file systems refuse) must not turn a done save into a reported failure.
        with contextlib.suppress(OSError):
            fsync_dir(path.parent)


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
                fd = open_sidecar(self.path, os.O_RDWR | os.O_CREAT)
            except SaveError as error:
                raise SaveError(str(error).replace("cannot open", "cannot lock")) from None
            try:
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() > deadline:
                            raise SaveError(
                                f"another session has held {self.path} for {timeout:.0f} s; "
                                "try again"
                            ) from None
                        time.sleep(0.01)
            except BaseException:
                # Also on ctrl+c while waiting: never leak the descriptor.
                os.close(fd)
                raise
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
