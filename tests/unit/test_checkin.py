"""The daily check-in: the last one per project in state.toml, and the activity log's
change sets since then."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pmtui.reports.checkin import Session, changes_since, last_checkin, remember_checkin
from pmtui.state import load_state
from pmtui.store import Store
from pmtui.store.files import ProjectFiles


def _stamp(log: Path, times: list[str]) -> None:
    """Give the log's entries these times, oldest first (the store writes the clock's)."""
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    assert len(entries) == len(times)
    for entry, time in zip(entries, times, strict=True):
        entry["time"] = time
    log.write_text("".join(json.dumps(e) + "\n" for e in entries))


def test_a_check_in_is_kept_per_project(tmp_path: Path) -> None:
    state = tmp_path / "state" / "state.toml"
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    remember_checkin(state, first, datetime(2026, 11, 25, 18, 0, tzinfo=UTC))
    remember_checkin(state, second, datetime(2026, 11, 20, 9, 30, tzinfo=UTC))
    kept = load_state(state)
    assert last_checkin(kept, first) == datetime(2026, 11, 25, 18, 0, tzinfo=UTC)
    assert last_checkin(kept, second) == datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    assert last_checkin(kept, tmp_path / "c.json") is None
    assert (state.stat().st_mode & 0o777) == 0o600


def test_changes_since_the_check_in_newest_first(store: Store) -> None:
    store.add("people", {"key": "P1", "name": "Chen Wei"})
    store.add("actions", {"key": "A1", "text": "Chase quote"})
    store.update("actions", "A1", {"text": "Chase the quote"})
    log = ProjectFiles.for_path(store.path).activity
    _stamp(log, ["2026-11-20T10:00:00Z", "2026-11-26T08:00:00Z", "2026-11-26T09:00:00Z"])
    since = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)
    found = changes_since(store.path, since)
    assert [c.at for c in found] == [
        datetime(2026, 11, 26, 9, 0, tzinfo=UTC),
        datetime(2026, 11, 26, 8, 0, tzinfo=UTC),
    ]
    assert found[0].label == "edit actions A1"
    assert found[0].line().endswith(f"{found[0].user}  edit actions A1: actions A1")
    assert changes_since(store.path, None) == []  # a first check-in lists nothing


def test_closing_the_app_records_the_check_in(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pmtui import app, paths
    from tests.environment import isolated_env

    env = isolated_env(tmp_path)
    store.close()
    monkeypatch.setattr(app.PmtuiApp, "run", lambda self: None)  # opened and closed at once
    before = datetime.now(UTC).replace(microsecond=0)
    assert app.run(store.path, env) == 0
    found = last_checkin(load_state(paths.state_file(env)), store.path)
    assert found is not None and found >= before


def test_the_sessions_own_changes_are_left_out(store: Store) -> None:
    store.add("actions", {"key": "A1", "text": "Chase quote"})
    store.update("actions", "A1", {"text": "Chase the quote"})
    log = ProjectFiles.for_path(store.path).activity
    _stamp(log, ["2026-11-26T08:00:00Z", "2026-11-26T09:00:00Z"])
    since = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)
    user = json.loads(log.read_text().splitlines()[0])["user"]
    started = datetime(2026, 11, 26, 8, 30, tzinfo=UTC)
    mine = changes_since(store.path, since, Session(user, started))
    assert [c.at.hour for c in mine] == [8]  # 09:00 was this session's
    theirs = changes_since(store.path, since, Session("someone-else", started))
    assert [c.at.hour for c in theirs] == [9, 8]
