"""The daily check-in: when this user last looked at a project (state.toml, per project) and
what the activity log holds since then ("3 changes since your last check-in").

The app reads the last check-in when it starts and records a new one when it closes, so
changes made meanwhile by other sessions show at the next start, and the user's own
changes of a session do not.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pmtui.kinds.escapes import visible
from pmtui.state import load_state, save_state
from pmtui.store.files import ProjectFiles

#: The state.toml table holding project path -> last check-in (UTC, ISO).
STATE_KEY = "checkins"


@dataclass(frozen=True)
class Change:
    """One change set from the activity log, as the check-in lists it."""

    at: datetime
    user: str
    label: str
    #: The records it changed, as 'table key' (the first few).
    records: tuple[str, ...] = ()

    def line(self) -> str:
        """'12-06 09:14  anna  add action: actions A4' in local time, control characters
        escaped."""
        shown = self.at.astimezone().strftime("%m-%d %H:%M")
        what = f": {', '.join(self.records)}" if self.records else ""
        return visible(f"{shown}  {self.user}  {self.label}{what}", lines=False)


def _key(project: Path) -> str:
    return str(Path(project).resolve())


def _parse(stamp: object) -> datetime | None:
    try:
        found = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return None
    return found if found.tzinfo else found.replace(tzinfo=UTC)


def last_checkin(state: Mapping[str, Any], project: Path) -> datetime | None:
    """When this user last closed `project` in the app (None: never, or not recorded)."""
    found = state.get(STATE_KEY)
    if not isinstance(found, Mapping):
        return None
    return _parse(found.get(_key(project)))


def remember_checkin(state_path: Path, project: Path, now: datetime | None = None) -> None:
    """Record a check-in of `project` at `now` (default: this instant) in state.toml."""
    state = load_state(state_path)
    kept = state.get(STATE_KEY)
    checkins = dict(kept) if isinstance(kept, Mapping) else {}
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    checkins[_key(project)] = moment.isoformat(timespec="seconds").replace("+00:00", "Z")
    state[STATE_KEY] = checkins
    save_state(state_path, state)


@dataclass(frozen=True)
class Session:
    """This app session: its user and when it started; its own changes are not news."""

    user: str
    started: datetime


def _newest_first(path: Path) -> Iterator[dict[str, Any]]:
    """The activity log's entries, newest first (a torn line is skipped, as the store's
    reader does); read from the end, so a check-in yesterday parses only what came since."""
    try:
        data = path.read_bytes()
    except OSError:
        return
    for line in reversed(data.splitlines()):
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict):
            yield entry


def changes_since(
    project: Path, since: datetime | None, session: Session | None = None
) -> list[Change]:
    """The project's change sets after `since`, newest first, leaving out those `session`
    made (none before a first check-in: everything would be new). The log is written in
    time order, so reading stops at the first entry at or before `since` (an entry that a
    session with a clock running behind stamped earlier than that is not counted)."""
    if since is None:
        return []
    found = []
    for entry in _newest_first(ProjectFiles.for_path(project).activity):
        at = _parse(entry.get("time"))
        if at is None:
            continue
        if at <= since:
            break
        if session and at >= session.started and entry.get("user") == session.user:
            continue  # made in this session (or the same user's other one meanwhile)
        changed = [c for c in entry.get("changes") or [] if isinstance(c, dict)]
        records = tuple(f"{c.get('table')} {c.get('key')}" for c in changed[:3])
        more = len(changed) - len(records) + int(entry.get("more") or 0)
        label = str(entry.get("label") or "")
        user = str(entry.get("user") or "?")
        found.append(Change(at, user, label, records + ((f"+{more} more",) if more else ())))
    return found


__all__ = ["STATE_KEY", "Change", "Session", "changes_since", "last_checkin", "remember_checkin"]
