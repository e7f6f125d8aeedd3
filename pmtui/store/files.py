"""Where a project's sidecar files live: lock, activity log, undo journal, daily backups."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class ProjectFiles:
    """The project file (symlinks resolved) and its hidden sidecars in the same folder."""

    path: Path

    @classmethod
    def for_path(cls, path: Path | str) -> ProjectFiles:
        """Resolve a symlinked project path so every write goes to its target."""
        return cls(Path(path).expanduser().resolve())

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
        if target.exists() or not self.path.exists():
            return None
        self.backups.mkdir(mode=0o700, exist_ok=True)
        try:
            os.link(self.path, target)
        except OSError:
            shutil.copy2(self.path, target)
            os.chmod(target, 0o600)
        for old in self.list_backups()[keep:]:
            with contextlib.suppress(FileNotFoundError):
                old.unlink()
        return target

    def remove_stray_temps(self) -> None:
        """Remove temp files a killed writer left behind (never the project itself).

        Those of the project (`.NAME.*.tmp`) and of its journal (`..NAME.undo.*.tmp`).
        """
        for target in (self.path, self.journal):
            for stray in target.parent.glob(f".{target.name}.*.tmp"):
                with contextlib.suppress(FileNotFoundError):
                    stray.unlink()
