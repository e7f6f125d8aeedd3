"""Snapshots of the Money area at 80x24 on the demo project, fixed date and theme."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.uihelpers import demo_store, isolated_env, make_app


def _app(tmp_path: Path) -> Any:
    return make_app(demo_store(tmp_path), isolated_env(tmp_path), pinned=True)


class TestMoneySnapshots:
    """Each Money board draws the demo's budget, earned value and business case the same way."""

    def test_budget_on_this_month(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=["5"])

    def test_earned_value(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["5", "right_square_bracket", "right_square_bracket"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)

    def test_business_case(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["5", "left_square_bracket"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)
