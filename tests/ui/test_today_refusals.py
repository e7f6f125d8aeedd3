"""x on a Today item whose table cannot be marked done there (minutes to write, a survey
closing) says why and where it is done, by keys only; nothing changes in the file."""

from __future__ import annotations

from pathlib import Path

from pmtui.store import Store
from pmtui.widgets.agenda_list import AgendaList
from tests.uihelpers import TODAY, isolated_env, make_app


def _project(tmp_path: Path) -> Store:
    """A weekly stand-up on Mondays whose Monday 2026-11-23 occurrence was held without
    minutes (TODAY is Thursday 2026-11-26)."""
    store = Store.create(
        tmp_path / "p.json",
        {"name": "ERP Roll-out", "start": "2026-09-01", "time_zone": "Europe/Berlin"},
        today=TODAY,
    )
    store.add(
        "meetings",
        {"key": "M1", "title": "Weekly stand-up", "start": "2026-11-02T09:30",
         "recurrence": "weekly on mon"},
    )  # fmt: skip
    store.add(
        "occurrences",
        {"key": "O1", "meeting": "M1", "scheduled": "2026-11-23T09:30",
         "start": "2026-11-23T09:30", "status": "held"},
    )  # fmt: skip
    return store


def _notices(app: object) -> str:
    return "\n".join(str(n.message) for n in app._notifications)  # type: ignore[attr-defined]


async def test_x_on_minutes_to_write_says_where_they_are_written(tmp_path: Path) -> None:
    store = _project(tmp_path)
    before = store.path.read_bytes()
    app = make_app(store, isolated_env(tmp_path), start_area=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listed = app.screen.query_one("#today-list", AgendaList)
        assert listed.cursor_key == "occurrences/O1"
        await pilot.press("x")
        await pilot.pause()
        said = _notices(app)
        assert "minutes of Weekly stand-up" in said
        assert "open the occurrence (enter)" in said
        assert "O1" not in said  # names, not keys
        assert app.current_mode == "today"
    assert store.path.read_bytes() == before
