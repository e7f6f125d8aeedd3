"""Saves in a worker thread: the edit shows at once, the status line says saving until it
is on disk, a failed write keeps the edit (in memory and as a draft), says not saved, and
the next try writes it; quitting waits for the write."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from pmtui.app import PmtuiApp
from pmtui.screens.record_form import RecordForm
from pmtui.store import Store, committing
from pmtui.store.drafts import list_drafts
from pmtui.widgets.status_bar import StatusBar
from tests.uihelpers import TODAY, isolated_env, make_app, reopened, table_text

GENERIC_BOARD = ("3", "left_square_bracket")  # People's leave board (the generic table)
LEAVE_TABLE = "#people-leave RecordTable"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return isolated_env(tmp_path)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.create(tmp_path / "p.json", {"name": "Saves", "start": "2026-09-01"}, today=TODAY)
    s.add("people", {"name": "Anna Berg", "role": "PM", "rate": 120})
    s.add("leave", {"person": "P1", "from": "2026-12-21", "to": "2026-12-31", "note": "Xmas"})
    return s


def status(app: PmtuiApp) -> str:
    return str(app.screen.query_one(StatusBar).render())


async def edit_note(pilot: Pilot[None], text: str) -> None:
    await pilot.press("e")
    form = pilot.app.screen
    assert isinstance(form, RecordForm)
    form.query_one("#field-note", Input).focus()
    await pilot.press("ctrl+u", *text, "ctrl+s")
    await pilot.pause()


async def settled(pilot: Pilot[None], app: PmtuiApp) -> None:
    """Until the worker has reported (no sleeping on a guess: it polls the app's state)."""
    for _ in range(200):
        await pilot.pause(0.02)
        if app.save_state != "saving" and not app._writing:
            return
    raise AssertionError(f"the write never finished: {app.save_state}")


async def test_an_edit_is_written_by_the_worker_and_the_status_says_saved(
    store: Store, env: dict[str, str]
) -> None:
    app = make_app(store, env, save_in_worker=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*GENERIC_BOARD)
        await edit_note(pilot, "Holiday")
        assert "Holiday" in table_text(app, LEAVE_TABLE)  # shown before it is on disk
        await settled(pilot, app)
        assert "saved" in status(app) and "not saved" not in status(app)
        assert reopened(store).require("leave", "LV1")["note"] == "Holiday"


async def test_a_failed_write_keeps_the_edit_says_not_saved_and_the_retry_writes_it(
    store: Store, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = committing.atomic_write

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    app = make_app(store, env, save_in_worker=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*GENERIC_BOARD)
        monkeypatch.setattr(committing, "atomic_write", full_disk)
        await edit_note(pilot, "Holiday")
        await settled(pilot, app)
        assert "not saved" in status(app)
        assert "Holiday" in table_text(app, LEAVE_TABLE)  # still in memory
        assert store.get("leave", "LV1")["note"] == "Holiday"  # type: ignore[index]
        assert reopened(store).require("leave", "LV1")["note"] == "Xmas"
        drafts = list_drafts(store.path, path=app.drafts_path)
        assert [(d.table, d.key, d.fields["note"]) for d in drafts] == [("leave", "LV1", "Holiday")]
        monkeypatch.setattr(committing, "atomic_write", real)
        app.poll_disk()  # the app's 1.5 s timer tries again
        await settled(pilot, app)
        assert "saved" in status(app) and "not saved" not in status(app)
        assert reopened(store).require("leave", "LV1")["note"] == "Holiday"
        assert list_drafts(store.path, path=app.drafts_path) == []


async def test_quitting_waits_for_what_is_not_written_yet(
    store: Store, env: dict[str, str]
) -> None:
    app = make_app(store, env, save_in_worker=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*GENERIC_BOARD)
        app._writing = True  # a write under way: this edit waits for its turn
        await edit_note(pilot, "Holiday")
        assert "saving" in status(app)
        await pilot.press("ctrl+q")
    app._writing = False
    assert app.finish_writes() is None  # what pmtui.app.run does after the app ends
    assert reopened(store).require("leave", "LV1")["note"] == "Holiday"
