"""Snapshots of the Control area at 80x24 on the demo project, fixed date and theme."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.uihelpers import demo_store, isolated_env, make_app

NEXT = "right_square_bracket"


def _app(tmp_path: Path) -> Any:
    return make_app(demo_store(tmp_path), isolated_env(tmp_path), pinned=True)


class TestControlSnapshots:
    """Each Control board draws the demo's RAID log, changes and decisions the same way."""

    def test_risks_register_and_heat_map(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=["6"])

    def test_risks_filtered_by_a_cell(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["6", "m", "down", "right", "right", "enter"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)

    def test_issues(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=["6", NEXT])

    def test_raid(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=["6", NEXT, NEXT])

    def test_changes(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["6", NEXT, NEXT, NEXT]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)

    def test_approve_modal(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["6", NEXT, NEXT, NEXT, "A"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)

    def test_decisions(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["6", NEXT, NEXT, NEXT, NEXT]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)
