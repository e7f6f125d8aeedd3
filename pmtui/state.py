"""What the app remembers between sessions (last theme, last project, last check-in)."""

from __future__ import annotations

import contextlib
import os
import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

STATE_FILE_MODE = 0o600
STATE_DIR_MODE = 0o700


def load_state(path: Path) -> dict[str, Any]:
    """The remembered values, or {} when the file is missing or unreadable.

    State is only a convenience, so a damaged file is forgotten rather than reported.
    """
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def save_state(path: Path, data: Mapping[str, Any]) -> None:
    """Write `data` atomically with mode 0600; keys whose value is None are left out."""
    import tomli_w  # only when something is remembered, not at every start-up

    text = tomli_w.dumps(_without_none(data))
    _make_private_dirs(path.parent)
    # A temp file in the same folder so os.replace is a rename on one file system: a crash
    # leaves the old state or the new one, never half of either.
    descriptor, temp_name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            os.fchmod(file.fileno(), STATE_FILE_MODE)
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    _fsync_dir(path.parent)


def _make_private_dirs(folder: Path) -> None:
    """Create `folder` and its missing parents 0700 whatever the umask (mkdir -p under
    umask 000 would leave the parents world-writable); existing folders are left alone."""
    missing = []
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(made, STATE_DIR_MODE)
            os.chmod(made, STATE_DIR_MODE)


def _without_none(data: Mapping[str, Any]) -> dict[str, Any]:
    """TOML has no null, so a value set to None means "forget this key"."""
    return {
        key: _without_none(value) if isinstance(value, Mapping) else value
        for key, value in data.items()
        if value is not None
    }


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable; some file systems cannot fsync a folder."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
