"""The Actions board (Today area, second tab) driven by keys: its order (overdue first, then
by owner and due, closed last), x done, o one owner's actions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pmtui.store import Store
from pmtui.widgets.record_table import RecordTable
from tests.today_seed import day, seed
from tests.uihelpers import isolated_env, make_app, table_text


@pytest.fixture
def seeded(store: Store) -> Store:
    seed(store)
    store.add("actions", {"key": "A5", "text": "Send minutes", "owner": "P2", "due": day(1)})
    store.add("actions", {"key": "A6", "text": "Review budget", "owner": "P1", "due": day(2)})
    store.add("actions", {"key": "A7", "text": "Call Kofax", "owner": "P1", "due": day(-1)})
    return store


def _table(app: Any) -> RecordTable:
    return app.screen.query_one("#today-actions RecordTable", RecordTable)


def _keys(app: Any) -> list[str]:
    table = _table(app)
    return [table._keys[i] for i in table._visible]


async def test_overdue_first_then_by_owner_and_due_closed_last(
    seeded: Store, tmp_path: Path
) -> None:
    app = make_app(seeded, isolated_env(tmp_path), start_area=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert _keys(app) == ["A1", "A7", "A6", "A5", "A2", "A3", "A4"]
        lines = table_text(app, "#today-actions RecordTable").splitlines()
        assert "Chase SAP quote" in lines[1] and "5 days late" in lines[1]
        assert "Chen Wei" in lines[1]


async def test_x_marks_done_and_u_undoes(seeded: Store, tmp_path: Path) -> None:
    app = make_app(seeded, isolated_env(tmp_path), start_area=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right_square_bracket", "x")
        await pilot.pause()
        assert seeded.require("actions", "A1")["status"] == "done"
        text = seeded.require("actions", "A1")["text"]
        messages = [str(n.message) for n in app._notifications]
        assert any(f"Done: action {text}" in m for m in messages), messages  # a name, not A1
        assert _keys(app)[-2:] == ["A1", "A4"] or _keys(app)[-2:] == ["A4", "A1"]
        await pilot.press("u")
        await pilot.pause()
        assert seeded.require("actions", "A1")["status"] == "open"
        assert _keys(app)[0] == "A1"


async def test_o_shows_only_the_chosen_owners_actions(seeded: Store, tmp_path: Path) -> None:
    app = make_app(seeded, isolated_env(tmp_path), start_area=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right_square_bracket", "o")
        await pilot.pause()
        assert _keys(app) == ["A1", "A7", "A6"]
        await pilot.press("o")
        await pilot.pause()
        assert len(_keys(app)) == 7


async def test_enter_on_a_today_action_opens_it_on_the_actions_board(
    seeded: Store, tmp_path: Path
) -> None:
    app = make_app(seeded, isolated_env(tmp_path), start_area=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j", "j", "enter")  # A7: a day late, fourth on Today
        await pilot.pause()
        assert _table(app).cursor_row_key == "A7"
        assert app.screen.board.spec.id == "today.actions"  # type: ignore[attr-defined]
