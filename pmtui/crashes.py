"""Where an unexpected error's traceback goes: one file per crash in the state folder
(0600, in a 0700 folder), so the screen says one line and the details are kept."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from pmtui import __version__, paths


def write_crash_report(error: BaseException, env: Mapping[str, str] | None = None) -> Path | None:
    """Write the traceback of `error`; its path, or None when it could not be written."""
    folder = paths.state_dir(env) / "crashes"
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}-{os.getpid()}.txt"
    text = "".join(
        [
            f"pmtui {__version__}, Python {sys.version.split()[0]}, {stamp} UTC\n\n",
            *traceback.format_exception(error),
        ]
    )
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError:
        return None
    return path
