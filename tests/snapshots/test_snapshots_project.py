"""Snapshots of closure and the portfolio at 80x24, fixed date and theme."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pmtui.boards.portfolio import PortfolioApp
from pmtui.store import Store
from tests.uihelpers import TODAY, demo_store, isolated_env, make_app


class TestProjectSnapshots:
    """The Closure board's live checklist on the demo, and the portfolio of three projects."""

    def test_closure_board(self, snap_compare: Any, tmp_path: Path) -> None:
        app = make_app(demo_store(tmp_path), isolated_env(tmp_path), pinned=True)
        assert snap_compare(app, terminal_size=(80, 24), press=["9", "right_square_bracket"])

    def test_portfolio(
        self, snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        env = isolated_env(tmp_path)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        folder = tmp_path / "projects"
        folder.mkdir()
        demo_store(folder).close()
        Store.create(folder / "dc.json", {"name": "DC move"}, today=TODAY).close()
        (folder / "broken.json").write_text("{")

        async def worked_out(pilot: Any) -> None:
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

        app = PortfolioApp(folder, env)
        assert snap_compare(app, terminal_size=(80, 24), run_before=worked_out)
