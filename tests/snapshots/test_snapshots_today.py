"""Snapshots of the Today area at 80x24 on a seeded project (every declared agenda table,
dated around the fixed today), so that the demo's contents never move them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pmtui.store import Store
from tests.today_seed import seed
from tests.uihelpers import isolated_env, make_app


def _app(store: Store, tmp_path: Path) -> Any:
    return make_app(seed(store), isolated_env(tmp_path), start_area=None, pinned=True)


class TestTodaySnapshots:
    """Today as a project opens, and the Actions tab."""

    def test_today_as_the_project_opens(
        self, snap_compare: Any, store: Store, tmp_path: Path
    ) -> None:
        assert snap_compare(_app(store, tmp_path), terminal_size=(80, 24))

    def test_actions_by_owner_and_due(
        self, snap_compare: Any, store: Store, tmp_path: Path
    ) -> None:
        keys = ["right_square_bracket"]
        assert snap_compare(_app(store, tmp_path), terminal_size=(80, 24), press=keys)
