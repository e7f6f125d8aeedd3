"""Drafts: what was typed in a form but not saved, kept so that it is never lost.

One file per user, `drafts.json` in the state folder (mode 0600, written atomically under
a lock, so two sessions of one user do not lose each other's drafts). A draft is keyed by
(project file, table, record key or "new") and holds each field's typed text and when it
was kept. A damaged or unreadable drafts file is ignored, never a crash: drafts are a
safety net, and the form works without them. No Textual here: the app's forms call it.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pmtui import paths
from pmtui.store.atomic import FileLock, atomic_write, make_private_dirs
from pmtui.store.errors import SaveError

#: The key a draft of a record not added yet is kept under.
NEW = "new"
#: At most this many drafts are kept (the oldest go first).
MAX_DRAFTS = 200
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Draft:
    """Typed but unsaved form content for one record of one project."""

    project: str
    table: str
    key: str
    fields: dict[str, str] = field(default_factory=dict)
    saved: str = ""

    @property
    def ident(self) -> tuple[str, str, str]:
        """What the draft is kept under: (project file, table, record key or "new")."""
        return (self.project, self.table, self.key)

    def to_json(self) -> dict[str, Any]:
        """The draft as the drafts file holds it."""
        return {
            "project": self.project,
            "table": self.table,
            "key": self.key,
            "fields": dict(self.fields),
            "saved": self.saved,
        }


def drafts_file() -> Path:
    """`$XDG_STATE_HOME/pmtui/drafts.json`."""
    return paths.state_dir() / "drafts.json"


def _project_name(project: Path | str) -> str:
    return str(Path(project).expanduser().resolve())


def _ident(project: Path | str, table: str, key: str | None) -> tuple[str, str, str]:
    return (_project_name(project), table, key or NEW)


def _parse(entry: Any) -> Draft | None:
    """One entry of the file, or None when it is not a well-formed draft."""
    if not isinstance(entry, dict):
        return None
    project, table, key = entry.get("project"), entry.get("table"), entry.get("key")
    fields, saved = entry.get("fields"), entry.get("saved", "")
    if not all(isinstance(v, str) and v for v in (project, table, key)):
        return None
    if not isinstance(fields, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in fields.items()
    ):
        return None
    if not isinstance(saved, str):
        return None
    assert isinstance(project, str) and isinstance(table, str) and isinstance(key, str)
    return Draft(project, table, key, dict(fields), saved)


def _read(path: Path) -> list[Draft]:
    """Every well-formed draft in the file; [] when it is missing, unreadable or damaged."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return []
    entries = data.get("drafts") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return []
    found = (_parse(entry) for entry in entries)
    return [draft for draft in found if draft is not None]


def _write(path: Path, drafts: list[Draft]) -> None:
    drafts = sorted(drafts, key=lambda d: d.saved)[-MAX_DRAFTS:]
    data = {"version": FORMAT_VERSION, "drafts": [d.to_json() for d in drafts]}
    text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    atomic_write(path, text.encode(), 0o600)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    make_private_dirs(path.parent)
    lock = FileLock(path.with_name(f".{path.name}.lock"))
    try:
        with lock:
            yield
    finally:
        lock.remove_if_free()  # also when a hang-up ends the process after a save


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def save_draft(
    project: Path | str,
    table: str,
    key: str | None,
    fields: Mapping[str, str],
    *,
    path: Path | None = None,
    now: str | None = None,
) -> Draft | None:
    """Keep the typed texts of a form (key None: a record being added), replacing an
    earlier draft of the same record. Returns the draft, or None when it could not be
    written (an unwritable state folder, a full disk): the caller keeps the form open."""
    path = path or drafts_file()
    draft = Draft(*_ident(project, table, key), {str(k): str(v) for k, v in fields.items()})
    draft = Draft(draft.project, draft.table, draft.key, draft.fields, now or _now())
    try:
        with _locked(path):
            others = [d for d in _read(path) if d.ident != draft.ident]
            _write(path, [*others, draft])
    except (OSError, SaveError):
        return None
    return draft


def take_draft(
    project: Path | str, table: str, key: str | None, *, path: Path | None = None
) -> Draft | None:
    """The draft of this record, removed from the file (None: there is none)."""
    return _remove(_ident(project, table, key), path or drafts_file())


def discard_draft(
    project: Path | str, table: str, key: str | None, *, path: Path | None = None
) -> bool:
    """Forget the draft of this record; whether there was one."""
    return _remove(_ident(project, table, key), path or drafts_file()) is not None


def peek_draft(
    project: Path | str, table: str, key: str | None, *, path: Path | None = None
) -> Draft | None:
    """The draft of this record, left in the file."""
    wanted = _ident(project, table, key)
    return next((d for d in _read(path or drafts_file()) if d.ident == wanted), None)


def list_drafts(project: Path | str | None = None, *, path: Path | None = None) -> list[Draft]:
    """Every draft (of `project` only, when given), the most recent first."""
    drafts = _read(path or drafts_file())
    if project is not None:
        name = _project_name(project)
        drafts = [d for d in drafts if d.project == name]
    return sorted(drafts, key=lambda d: d.saved, reverse=True)


def _remove(ident: tuple[str, str, str], path: Path) -> Draft | None:
    if not path.exists():
        return None
    try:
        with _locked(path):
            drafts = _read(path)
            found = next((d for d in drafts if d.ident == ident), None)
            if found is not None:
                _write(path, [d for d in drafts if d.ident != ident])
    except (OSError, SaveError):
        # Unwritable: hand the draft back all the same; it may be offered again later.
        return next((d for d in _read(path) if d.ident == ident), None)
    return found
