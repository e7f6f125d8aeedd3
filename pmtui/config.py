"""The user's hand-edited config.toml: personal preferences only, read and never written."""

from __future__ import annotations

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

_BOARDS = ("board", "team", "notes", "staffing", "milestones", "allocation")
#: The id that does the job now -> the ids that did it before. The verbs every board shares
#: have one id each (`record-add` moves add on every board); on Compare, `s` scores (a digit
#: switches areas there too).
_REPLACED: dict[str, tuple[str, ...]] = {
    "record-add": (*(f"{b}-add" for b in _BOARDS[:5]), "compare-add", "allocation-assign"),
    "record-edit": (*(f"{b}-edit" for b in (*_BOARDS, "raci", "gantt", "project")),
                    "compare-edit-score"),
    "record-delete": (*(f"{b}-delete" for b in _BOARDS), "compare-delete-criterion"),
    "list-filter": tuple(f"{b}-filter" for b in _BOARDS[:4]),
    "list-filter-clear": ("board-clear-filter",),
    "view-back": ("notes-back", "allocation-back", "staffing-back", "milestones-back"),
    "compare-score": tuple(f"compare-score-{digit}" for digit in range(10)),
}  # fmt: skip
#: Binding ids that no longer exist -> the id that does their job now.
RENAMED_BINDINGS = {old: new for new, olds in _REPLACED.items() for old in olds}


def load_config(path: Path) -> tuple[Config, list[str]]:
    """Read `path`; a missing file gives the defaults, every problem gives one warning."""
    if not path.exists():
        return Config(), []
    import tomllib  # only with a config file: every command starts here (5 ms)

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
    """Binding id -> keys; a bad entry, or one naming an id that was renamed, is dropped on
    its own (with one warning) so the good ones still apply."""
    if not isinstance(raw, dict):
        warn(f'keymap must be a table of binding id = "keys", got {raw!r}')
        return {}
    keymap: dict[str, str] = {}
    for binding_id, keys in raw.items():
        if binding_id in RENAMED_BINDINGS:
            new = RENAMED_BINDINGS[binding_id]
            warn(f"keymap.{binding_id} no longer exists (ignored): it is now {new!r}")
        elif isinstance(keys, str) and keys.strip():
            keymap[binding_id] = keys.strip()
        else:
            warn(f'keymap.{binding_id} must be keys such as "n" or "ctrl+n", got {keys!r}')
    return keymap
