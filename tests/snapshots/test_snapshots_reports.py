"""Snapshots of the Reports area at 80x24 on the demo project, fixed date and theme."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.uihelpers import demo_store, isolated_env, make_app


def _app(tmp_path: Path) -> Any:
    return make_app(demo_store(tmp_path), isolated_env(tmp_path), pinned=True)


class TestReportsSnapshots:
    """The report's preview and the history of issued reports draw the demo the same way."""

    def test_report_preview(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=["8"])

    def test_report_preview_scrolled_to_the_rag_table(
        self, snap_compare: Any, tmp_path: Path
    ) -> None:
        keys = ["8", "pagedown"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)

    def test_history(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["8", "right_square_bracket"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)
