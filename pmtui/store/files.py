"""Where a project's sidecar files live: lock, activity log, undo journal, daily backups."""

from __future__ import annotations

import contextlib
import os
import re
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pmtui.store.atomic import link_refused, make_shared_folder, open_sidecar, refuse_link
from pmtui.store.errors import ProjectError, SaveError


@dataclass(frozen=True)
class ProjectFiles:
    """The project file (symlinks resolved) and its hidden sidecars in the same folder."""

    path: Path

    @classmethod
    def for_path(cls, path: Path | str) -> ProjectFiles:
        """Resolve a symlinked project path so every write goes to its target, and its
        sidecars live beside the target. A link to a file this user does not own is
        refused (ProjectError): pmtui would put its lock, log and backups in someone
        else's folder. (Root owns system files: Store.open refuses those as not a pmtui
        project before it creates or deletes anything.)"""
        given = Path(path).expanduser()
        resolved = given.resolve()
        if given.is_symlink():
            try:
                owner = os.stat(resolved).st_uid
            except OSError:
                owner = os.geteuid()
            if owner != os.geteuid():
                raise ProjectError(
                    f"{given} is a link to {resolved}, a file you do not own; pmtui keeps "
                    "its lock, log and backups beside the file it edits, so it will not "
                    "follow this link (open the file by its own path if it is shared with "
                    "you); nothing was changed"
                )
        return cls(resolved)

    def check_sidecars(self) -> None:
        """SaveError naming a sidecar that is a symbolic link or not a regular file (the
        backups folder: not a folder), before anything is written."""
        for sidecar in (self.lock, self.activity, self.journal):
            # One look: another session removes the lock file as it closes, and a file
            # gone between two looks (exists, then is_file) is no reason to refuse.
            try:
                mode = os.lstat(sidecar).st_mode
            except FileNotFoundError:
                continue
            if stat.S_ISLNK(mode):
                raise link_refused(sidecar)
            if not stat.S_ISREG(mode):
                raise SaveError(f"refusing {sidecar}: it is not a regular file; remove it")
        refuse_link(self.backups)
        if self.backups.exists() and not self.backups.is_dir():
            raise SaveError(f"refusing {self.backups}: it is not a folder; remove it")

    def make_backups_folder(self) -> None:
        """The backups folder: 0700, or 0770 and the project's group when it is shared."""
        make_shared_folder(self.backups, self.path)

    def _sidecar(self, suffix: str) -> Path:
        return self.path.parent / f".{self.path.name}.{suffix}"

    @property
    def lock(self) -> Path:
        """Held (flock) around every read-modify-write."""
        return self._sidecar("lock")

    @property
    def activity(self) -> Path:
        """The activity log: one JSON line per change set, private values redacted."""
        return self._sidecar("log")

    @property
    def journal(self) -> Path:
        """The undo journal: the last change sets with their before/after records."""
        return self._sidecar("undo")

    @property
    def backups(self) -> Path:
        """The folder of dated daily backups."""
        return self._sidecar("backups")

    def part_of(self, other: Path | str) -> str | None:
        """What `other` is to this project (links and `..` resolved): "the project",
        "its lock file", "its backups folder"...; None when it is none of its files.

        Every hidden `.NAME.json.*` file beside the project counts (sidecars, temp files,
        the journal's temp files), and anything inside the backups folder.
        """
        resolved = Path(other).expanduser().resolve()
        if resolved == self.path:
            return "the project"
        named = {
            self.lock: "its lock file",
            self.activity: "its activity log",
            self.journal: "its undo journal",
            self.backups: "its backups folder",
        }
        if resolved in named:
            return named[resolved]
        if resolved.is_relative_to(self.backups):
            return "a file in its backups folder"
        if resolved.parent == self.path.parent and (
            resolved.name.startswith(f".{self.path.name}.")
            or resolved.name.startswith(f"..{self.path.name}.")
        ):
            return "one of its hidden sidecar or temp files"
        return None

    def backup_for(self, day: date) -> Path:
        """The backup file kept for `day`."""
        return self.backups / f"{self.path.stem}.{day.isoformat()}.json"

    def list_backups(self) -> list[Path]:
        """Backups, newest first."""
        if not self.backups.is_dir():
            return []
        pattern = re.compile(re.escape(self.path.stem) + r"\.\d{4}-\d{2}-\d{2}(\.\d+)?\.json$")
        found = [p for p in self.backups.iterdir() if pattern.match(p.name)]
        return sorted(found, key=lambda p: p.name, reverse=True)

    def newest_backup(self) -> Path | None:
        """The most recent backup, if any."""
        backups = self.list_backups()
        return backups[0] if backups else None

    def keep_daily_backup(self, day: date, keep: int) -> Path | None:
        """Before the first save of `day`, keep the current file as that day's backup.

        A hard link costs nothing: the save that follows replaces the file by rename,
        so the linked inode is exactly the previous version. Older backups beyond
        `keep` are removed.
        """
        target = self.backup_for(day)
        if not self.path.exists():
            return None
        self.make_backups_folder()
        refuse_link(target)
        if target.exists():
            return None
        try:
            os.link(self.path, target)
        except FileExistsError:
            return None
        except OSError:
            # No hard links here (some network file systems): a copy, opened exclusively.
            fd = open_sidecar(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, like=self.path)
            with os.fdopen(fd, "wb") as copy:
                copy.write(self.path.read_bytes())
        for old in self.list_backups()[keep:]:
            with contextlib.suppress(FileNotFoundError):
                old.unlink()
        return target

    def remove_stray_temps(self) -> None:
        """Remove temp files a killed writer left behind (never the project itself).

        Those of the project (`.NAME.*.tmp`), of its journal (`..NAME.undo.*.tmp`) and of
        the copies kept in its backups folder (`.*.tmp` there: a restore or a migration
        killed while keeping one). Only regular files this user owns: never another
        user's file, nor a link.
        """
        found = [s for t in (self.path, self.journal) for s in t.parent.glob(f".{t.name}.*.tmp")]
        if self.backups.is_dir() and not self.backups.is_symlink():  # never into a link
            found += self.backups.glob(".*.tmp")
        for stray in found:
            with contextlib.suppress(FileNotFoundError):
                info = os.lstat(stray)
                if stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid():
                    stray.unlink()
