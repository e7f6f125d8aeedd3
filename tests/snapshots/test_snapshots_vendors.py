"""Snapshots of the Vendors area at 80x24 on the demo project, fixed date and theme."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.uihelpers import demo_store, isolated_env, make_app


def _app(tmp_path: Path) -> Any:
    return make_app(demo_store(tmp_path), isolated_env(tmp_path), pinned=True)


class TestVendorsSnapshots:
    """Each Vendors board draws the demo's directory, comparisons and quotes the same way."""

    def test_directory(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=["4"])

    def test_compare_decided_with_support_sla_selected(
        self, snap_compare: Any, tmp_path: Path
    ) -> None:
        keys = ["4", "right_square_bracket", "j", "j"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)

    def test_compare_open_with_missing_scores(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["4", "right_square_bracket", "c"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)

    def test_quotes(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["4", "right_square_bracket", "right_square_bracket"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)
