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

import os
import sys
from pathlib import Path
from typing import Any

from pmtui import __version__, clock, paths

# Only what the fast path needs is imported here (json, tempfile and hashlib's OpenSSL
# bindings cost more than the rest of the answer): the cache's first line is plain text.

#: The cache's layout; a file of another layout is never read.
LAYOUT = 4
#: The first line's fields, tab-separated; then the text, the JSON and the answer's data.
_HEADER = ("layout", "version", "digest", "days", "as_of", "time_zone", "text", "json", "data")


def digest_of(content: bytes) -> str:
    """The content hash the cache is keyed by (BLAKE2b, 160 bits)."""
    try:
        from _blake2 import blake2b  # hashlib's own, without loading OpenSSL's bindings
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    return blake2b(content, digest_size=20).hexdigest()


def cache_file(path: Path) -> Path:
    """Where the cache of the project at `path` lives (one file per resolved path)."""
    where = str(path.resolve()).encode("utf-8", "surrogateescape")
    return paths.cache_dir() / "today" / f"{digest_of(where)[:32]}.cache"


def _parts(raw: bytes) -> tuple[dict[str, str], bytes] | None:
    head, newline, body = raw.partition(b"\n")
    values = head.decode("utf-8", "replace").split("\t")
    if not newline or len(values) != len(_HEADER):
        return None
    header = dict(zip(_HEADER, values, strict=True))
    try:
        size = int(header["text"]) + int(header["json"]) + int(header["data"])
    except ValueError:
        return None
    return (header, body) if size == len(body) else None  # else cut short: damaged


def _fits(header: dict[str, str], digest: str, days: int | None) -> bool:
    if header["layout"] != str(LAYOUT) or header["version"] != __version__:
        return False
    if header["digest"] != digest or header["days"] != ("" if days is None else str(days)):
        return False
    try:
        today = clock.today(header["time_zone"] or None)
    except ValueError:
        return False
    return header["as_of"] == today.isoformat()


def read(cache: Path, digest: str, days: int | None) -> dict[str, Any] | None:
    """The cached answer (agenda.answer's data, with "text" and "json" as printed) when it
    fits this content hash, --days, pmtui version and today's date; else None."""
    import json

    try:
        parts = _parts(cache.read_bytes())
    except OSError:
        return None  # none yet, or deleted: worked out again
    if parts is None or not _fits(parts[0], digest, days):
        return None
    header, body = parts
    try:
        text_end = int(header["text"])
        json_end = text_end + int(header["json"])
        found = json.loads(body[json_end:])
        found.update(text=body[:text_end].decode(), json=body[text_end:json_end].decode())
    except (ValueError, TypeError, AttributeError, UnicodeDecodeError):
        return None  # damaged
    return found if isinstance(found, dict) else None


def write(cache: Path, answer: dict[str, Any], digest: str, days: int | None) -> None:
    """Replace the cache file (0600, in 0700 folders). A cache that cannot be written is
    no error: the next call works the answer out again."""
    import json
    import tempfile

    text = str(answer["text"]).encode()
    shown = str(answer["json"]).encode()
    rest = {k: v for k, v in answer.items() if k not in ("text", "json")}
    zone = answer.get("time_zone") or ""
    values = (LAYOUT, __version__, digest, "" if days is None else days, answer["as_of"], zone)
    data = json.dumps(rest).encode()
    header = "\t".join(str(v) for v in (*values, len(text), len(shown), len(data)))
    whole = header.encode() + b"\n" + text + shown + data
    try:
        _private_dirs(cache.parent)
        handle, temp = tempfile.mkstemp(dir=cache.parent, prefix=".today-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(whole)
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
        path = paths.resolve_project(project)
        content = path.read_bytes()
        parts = _parts(cache_file(path).read_bytes())
    except (OSError, ValueError):
        return None
    if parts is None or not _fits(parts[0], digest_of(content), days):
        return None
    header, body = parts
    text_end = int(header["text"])
    shown = body[text_end : text_end + int(header["json"])] if as_json else body[:text_end]
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(shown)  # the bytes the full command printed
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return 0
