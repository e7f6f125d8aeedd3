"""The one isolated environment: a fresh home, XDG folders inside it and a fixed today, so
no test sees the developer's home, config, state or clock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

#: The date every test runs on (PMTUI_TODAY), a Thursday.
TODAY = date(2026, 11, 26)


def isolated_env(root: Path) -> dict[str, str]:
    """HOME and every XDG folder under `root`, and today fixed."""
    home = root / "home"
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "PMTUI_TODAY": TODAY.isoformat(),
    }
