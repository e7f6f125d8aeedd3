"""The cache of `pmtui today`, and the fast path that answers from it.

`$XDG_CACHE_HOME/pmtui/today/` holds one 0600 file per project path: what `pmtui today`
printed (the text, already escaped, and the JSON) with what it was worked out from. It is
used only when the project file's content hash, the date (in the project's time zone),
`--days` and pmtui's version are all the same; deleting it at any time is safe.

This module imports no more than the standard library, the clock and the paths: answered
from the cache, `pmtui today` never loads the project, its schedule or the rest of pmtui
(pmtui/__main__.py calls `answer` before importing the command line).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from pmtui import __version__, clock, paths

#: The cache's layout; a file of another layout is never read.
LAYOUT = 2


def digest_of(content: bytes) -> str:
    """The content hash the cache is keyed by."""
    return hashlib.blake2b(content, digest_size=20).hexdigest()


def cache_file(path: Path) -> Path:
    """Where the cache of the project at `path` lives (one file per resolved path)."""
    where = str(path.resolve())
    name = hashlib.blake2b(where.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return paths.cache_dir() / "today" / f"{name}.json"


def read(cache: Path) -> dict[str, Any] | None:
    """The cached answer, or None when there is none or it cannot be read."""
    try:
        found = json.loads(cache.read_bytes())
    except (OSError, ValueError):
        return None  # none yet, deleted, or damaged: worked out again
    return found if isinstance(found, dict) else None


def fits(cached: dict[str, Any], digest: str, days: int | None) -> bool:
    """Whether `cached` answers for this content, --days, pmtui version and today's date."""
    if cached.get("layout") != LAYOUT or cached.get("version") != __version__:
        return False
    if cached.get("digest") != digest or cached.get("days") != days:
        return False
    zone = cached.get("time_zone")
    try:
        today = clock.today(zone if isinstance(zone, str) else None)
    except ValueError:
        return False
    return bool(cached.get("as_of") == today.isoformat())


def write(cache: Path, answer: dict[str, Any], digest: str, days: int | None) -> None:
    """Replace the cache file (0600, in 0700 folders). A cache that cannot be written is
    no error: the next call works the answer out again."""
    data = {**answer, "layout": LAYOUT, "version": __version__, "digest": digest, "days": days}
    try:
        _private_dirs(cache.parent)
        handle, temp = tempfile.mkstemp(dir=cache.parent, prefix=".today-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(json.dumps(data, ensure_ascii=False).encode("utf-8"))
            os.chmod(temp, 0o600)
            os.replace(temp, cache)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        pass


def _private_dirs(folder: Path) -> None:
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir(mode=0o700, exist_ok=True)
        os.chmod(made, 0o700)


def _options(words: list[str]) -> tuple[str, int | None, bool] | None:
    """(PROJECT, --days, --json) of `pmtui today ...`; None for any other form."""
    project: str | None = None
    days: int | None = None
    as_json = False
    rest = list(words)
    while rest:
        word = rest.pop(0)
        if word == "--json":
            as_json = True
        elif word == "--days" and rest and rest[0].isdigit():
            days = int(rest.pop(0))
        elif word.startswith("--days=") and word[7:].isdigit():
            days = int(word[7:])
        elif word.startswith("-") or project is not None:
            return None  # --all, --help, a typo...: the full command line says what
        else:
            project = word
    return (project, days, as_json) if project else None


def answer(words: list[str]) -> int | None:
    """Print `pmtui today WORDS` from the cache and return 0; None when the cache cannot
    answer (then the full command runs, and refreshes it)."""
    options = _options(words)
    if options is None:
        return None
    project, days, as_json = options
    if as_json and sys.stdout.isatty():
        return None  # on a terminal the JSON's control characters are shown escaped
    try:
        content = paths.resolve_project(project).read_bytes()
    except (OSError, ValueError):
        return None
    cached = read(cache_file(paths.resolve_project(project)))
    if cached is None or not fits(cached, digest_of(content), days):
        return None
    shown = cached.get("json" if as_json else "text")
    if not isinstance(shown, str):
        return None
    try:
        sys.stdout.write(shown)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return 0
