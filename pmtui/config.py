"""The user's hand-edited config.toml: personal preferences only, read and never written."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from pmtui.themes import DEFAULT_THEME

DateOrder = Literal["mdy", "dmy"]
DATE_ORDERS: tuple[DateOrder, ...] = ("mdy", "dmy")


@dataclass(frozen=True)
class Config:
    """Personal preferences from config.toml; project rules live in the project file."""

    theme: str = DEFAULT_THEME
    keymap: dict[str, str] = field(default_factory=dict)
    date_order: DateOrder = "mdy"
    default_project: str | None = None


KNOWN_KEYS = ("theme", "keymap", "date_order", "default_project")


def load_config(path: Path) -> tuple[Config, list[str]]:
    """Read `path`; a missing file gives the defaults, every problem gives one warning."""
    try:
        with path.open("rb") as file:
            raw = tomllib.load(file)
    except FileNotFoundError:
        return Config(), []
    except tomllib.TOMLDecodeError as error:
        # tomllib's message already ends with "(at line L, column C)".
        return Config(), [f"{path.name}: not valid TOML: {error}; using the defaults"]
    except UnicodeDecodeError as error:
        return Config(), [f"{path.name}: not UTF-8 text ({error.reason}); using the defaults"]
    except OSError as error:
        return Config(), [f"{path.name}: cannot read ({error.strerror}); using the defaults"]

    warnings: list[str] = []

    def warn(message: str) -> None:
        warnings.append(f"{path.name}: {message}")

    for key in raw:
        if key not in KNOWN_KEYS:
            warn(f"unknown key {key!r} ignored (known: {', '.join(KNOWN_KEYS)})")

    values: dict[str, Any] = {}
    for name, what in (("theme", "a theme name"), ("default_project", "a project name or path")):
        if name in raw:
            text = raw[name]
            if isinstance(text, str) and text.strip():
                values[name] = text.strip()
            else:
                warn(f"{name} must be {what}, got {text!r}")
    if "date_order" in raw:
        date_order = raw["date_order"]
        if date_order in DATE_ORDERS:
            values["date_order"] = cast(DateOrder, date_order)
        else:
            warn(f"date_order must be 'mdy' or 'dmy', got {date_order!r}")
    if "keymap" in raw:
        values["keymap"] = _read_keymap(raw["keymap"], warn)
    return Config(**values), warnings


def _read_keymap(raw: object, warn: Callable[[str], None]) -> dict[str, str]:
    """Binding id -> keys; a bad entry is dropped on its own so the good ones still apply."""
    if not isinstance(raw, dict):
        warn(f'keymap must be a table of binding id = "keys", got {raw!r}')
        return {}
    keymap: dict[str, str] = {}
    for binding_id, keys in raw.items():
        if isinstance(keys, str) and keys.strip():
            keymap[binding_id] = keys.strip()
        else:
            warn(f'keymap.{binding_id} must be keys such as "n" or "ctrl+n", got {keys!r}')
    return keymap
