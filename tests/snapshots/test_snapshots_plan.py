"""Snapshots of the Plan area at 80x24 (and 120x40 where titles need the room) on the demo
project, fixed date and theme."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.uihelpers import demo_store, isolated_env, make_app


def _app(tmp_path: Path) -> Any:
    return make_app(demo_store(tmp_path), isolated_env(tmp_path), pinned=True)


class TestPlanSnapshots:
    """Each Plan board draws the demo's WBS, Gantt chart and milestones the same way."""

    def test_wbs_with_rolled_up_figures_and_float(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=["2"])

    def test_wbs_at_120x40_shows_whole_titles(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(120, 40), press=["2", "j", "j"])

    def test_wbs_variance_against_the_latest_baseline(
        self, snap_compare: Any, tmp_path: Path
    ) -> None:
        keys = ["2", *["j"] * 10, "v"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)

    def test_gantt_with_the_critical_interfaces_task_chosen(
        self, snap_compare: Any, tmp_path: Path
    ) -> None:
        # The chart opens on today's work; g goes to the first row, 13 rows above T14.
        keys = ["2", "right_square_bracket", "g", *["j"] * 13]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)

    def test_milestones_by_status(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["2", "right_square_bracket", "right_square_bracket"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)

    def test_milestones_at_120x40_show_whole_titles(
        self, snap_compare: Any, tmp_path: Path
    ) -> None:
        keys = ["2", "right_square_bracket", "right_square_bracket", "l", "l", "l", "j"]
        assert snap_compare(_app(tmp_path), terminal_size=(120, 40), press=keys)

    def test_deliverables_of_build_complete_with_their_checklist(
        self, snap_compare: Any, tmp_path: Path
    ) -> None:
        keys = ["2", "right_square_bracket", "right_square_bracket", "l", "enter"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)
