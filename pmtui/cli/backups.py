"""`pmtui restore`: list a project's backups, or bring one back."""

from __future__ import annotations

import argparse
import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pmtui import clock
from pmtui.cli.common import Commands, UserError, print_json, project_path
from pmtui.store import ChangeSet, journal
from pmtui.store.atomic import FileLock, atomic_write, check_writable, shared_mode
from pmtui.store.files import ProjectFiles

_DATE = re.compile(r"\.(\d{4}-\d{2}-\d{2})(?:\.\d+)?\.json$")


#: The commands `register` adds (main builds only the one being run).
COMMANDS = ("restore",)


def register(commands: Commands) -> None:
    """Add `restore`."""
    parser = commands.add_parser(
        "restore",
        help="list a project's backups, or restore one",
        description="Without BACKUP, list the backups (newest first). With it, restore that "
        "backup; the current file is kept as a backup first.",
    )
    parser.add_argument("project", metavar="PROJECT")
    parser.add_argument("backup", metavar="BACKUP", nargs="?", help="a backup's name or date")
    parser.add_argument("--json", action="store_true", help="list the backups as JSON")
    parser.set_defaults(run=run_restore)


def keep_copy(files: ProjectFiles, day: date) -> Path:
    """Copy the project file into its backups folder under a name no other backup has."""
    files.make_backups_folder()
    number = 1
    while True:
        target = files.backups / f"{files.path.stem}.{day.isoformat()}.{number}.json"
        if not target.exists():
            break
        number += 1
    atomic_write(target, files.path.read_bytes(), shared_mode(files.path), like=files.path)
    return target


def newest_first(files: ProjectFiles) -> list[Path]:
    """The backups, the most recently saved version first (a daily backup is a hard link to
    the version it kept, so its modification time is when that version was saved)."""
    return sorted(files.list_backups(), key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def _describe(backup: Path) -> dict[str, Any]:
    stat = backup.stat()
    match = _DATE.search(backup.name)
    saved = datetime.fromtimestamp(stat.st_mtime).astimezone()
    return {
        "name": backup.name,
        "path": str(backup),
        "date": match.group(1) if match else None,
        "saved": saved.isoformat(timespec="seconds"),
        "size": stat.st_size,
    }


def _size(size: int) -> str:
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


def _find(files: ProjectFiles, text: str) -> Path:
    if "/" in text:
        candidate = Path(text).expanduser()
        if candidate.is_file():
            return candidate
    else:
        if (files.backups / text).is_file():
            return files.backups / text
        dated = [b for b in newest_first(files) if f".{text}." in b.name]
        if dated:
            return dated[0]
    raise UserError(f"no backup {text!r} of {files.path} (pmtui restore PROJECT lists them)")


def _check_is_project(backup: Path) -> None:
    try:
        data = json.loads(backup.read_bytes())
        meta = next(iter(data["_meta"].values()))
        ok = isinstance(meta["schema_version"], int)
    except (ValueError, KeyError, TypeError, AttributeError, StopIteration):
        ok = False
    if not ok:
        raise UserError(f"{backup} is not a pmtui project; nothing was restored")


def run_restore(args: argparse.Namespace) -> int:
    """List the backups, or restore one after keeping the current file."""
    files = ProjectFiles.for_path(project_path(args.project))
    if args.backup is None:
        found = [_describe(b) for b in newest_first(files)]
        if args.json:
            print_json({"backups": found})
        elif not found:
            print(f"no backups of {files.path} yet")
        else:
            for item in found:
                saved = item["saved"][:16].replace("T", " ")
                print(f"{item['name']}  saved {saved}  {_size(item['size']):>9}")
        return 0
    backup = _find(files, args.backup)
    _check_is_project(backup)
    kept: Path | None = None
    # Before the lock and the copy it keeps: a read-only file or folder gets nothing.
    check_writable(files.path)
    lock = FileLock(files.lock)
    try:
        with lock:
            files.check_sidecars()
            # The restored file keeps the mode and group the project has (0660 when shared
            # through a group), or 0600 for a project that is gone.
            mode, like = 0o600, None
            if files.path.exists():
                mode, like = files.path.stat().st_mode & 0o777, files.path
                kept = keep_copy(files, clock.today())
            atomic_write(files.path, backup.read_bytes(), mode, like=like)
    finally:
        lock.remove_if_free()  # also when a hang-up ends the process after the save
    change_set = ChangeSet(f"restore {backup.name}", [])
    journal.log_activity(files.activity, change_set, journal.current_user(), frozenset())
    print(f"restored {files.path} from {backup.name}")
    if kept is not None:
        print(f"the file it replaced is kept as {kept.name}")
    return 0
