"""The portfolio's stored form: one project's line (ProjectLine) and the cache that keeps it.

`$XDG_CACHE_HOME/pmtui/portfolio/` holds one 0600 JSON file per project path, trusted only
while the project file's stat signature (size, mtime and ctime in nanoseconds, inode,
device: every save replaces the file by rename, so each save gives a new inode and ctime),
the date in the project's time zone and pmtui's version are those it was written for.
Checking that is a `stat`, not a read and hash of the project: 50 projects cost 50 stats and
50 small reads. Safe to delete at any time.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pmtui import __version__, clock, paths
from pmtui.todaycache import digest_of

LAYOUT = 1


@dataclass(frozen=True)
class ProjectLine:
    """One project of the portfolio, as plain data (CONTRACT's `portfolio --json` entry)."""

    name: str
    path: str
    #: The colour that counts: the manager's override when set, else the computed one.
    rag: str | None = None
    rag_computed: str | None = None
    rag_override: str | None = None
    next_milestone: str | None = None
    #: The next milestone's forecast (its linked tasks' latest forecast finish), else its due.
    forecast: str | None = None
    spi: float | None = None
    cpi: float | None = None
    #: Items overdue on the project's Today.
    overdue: int | None = None
    last_report: str | None = None
    archived: bool = False
    error: str | None = None
    #: Figures not worked out yet (the app fills them in a worker).
    pending: bool = False
    why: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """CONTRACT's entry: name, path, rag, next_milestone, forecast, spi, cpi, overdue,
        last_report, error; plus rag_computed, rag_override, archived and why."""
        data = asdict(self)
        data.pop("pending")
        if not data["why"]:
            data.pop("why")
        return data


def signature_of(path: Path) -> list[int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev]


def cache_file(path: Path) -> Path:
    """Where the portfolio's figures of the project at `path` are kept."""
    where = str(path.resolve()).encode("utf-8", "surrogateescape")
    return paths.cache_dir() / "portfolio" / f"{digest_of(where)[:32]}.json"


def cached(path: Path) -> ProjectLine | None:
    """The project's figures from the cache when they fit the file as it is and today."""
    try:
        kept = json.loads(cache_file(path).read_bytes())
    except (OSError, ValueError):
        return None
    try:
        if kept["layout"] != LAYOUT or kept["version"] != __version__:
            return None
        if kept["signature"] != signature_of(path):
            return None
        if kept["as_of"] != clock.today(kept.get("time_zone") or None).isoformat():
            return None
        return ProjectLine(**{**kept["line"], "path": str(path)})
    except (KeyError, TypeError, ValueError):
        return None  # damaged, or of an older shape


def keep(path: Path, line: ProjectLine, signature: list[int], as_of: date, zone: str) -> None:
    """Write the cache (0600 in 0700 folders); one that cannot be written is no error."""
    target = cache_file(path)
    kept = {
        "layout": LAYOUT,
        "version": __version__,
        "signature": signature,
        "as_of": as_of.isoformat(),
        "time_zone": zone,
        "line": asdict(line),
    }
    try:
        folder = target.parent
        missing = [f for f in (folder, *folder.parents) if not f.exists()]
        for made in reversed(missing):
            made.mkdir(mode=0o700, exist_ok=True)
            os.chmod(made, 0o700)
        import tempfile  # only to write: a call answered from the cache never needs it

        handle, temp = tempfile.mkstemp(dir=folder, prefix=".portfolio-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w") as out:
                json.dump(kept, out)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        pass


__all__ = ["LAYOUT", "ProjectLine", "cache_file", "cached", "keep", "signature_of"]
