"""Snapshots of the People boards at 80x24 on the demo project, fixed date and theme."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.uihelpers import demo_store, isolated_env, make_app

SIZE = (80, 24)


def _app(tmp_path: Path) -> Any:
    return make_app(demo_store(tmp_path), isolated_env(tmp_path), pinned=True)


class TestPeopleSnapshots:
    """Each People board draws the demo project's team, loads, RACI, notes and staffing."""

    def test_team(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=SIZE, press=["3", *["j"] * 10])

    def test_team_at_120x40_shows_whole_names_roles_and_skills(
        self, snap_compare: Any, tmp_path: Path
    ) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(120, 40), press=["3", *["j"] * 10])

    def test_person_page(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["3", *["j"] * 10, "enter"]
        assert snap_compare(_app(tmp_path), terminal_size=SIZE, press=keys)

    def test_allocation_over_allocated_cell(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["3", "right_square_bracket", "wait:300", *["j"] * 10]
        assert snap_compare(_app(tmp_path), terminal_size=SIZE, press=keys)

    def test_raci_on_the_violation(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["3", "right_square_bracket", "right_square_bracket", "wait:300", "n"]
        assert snap_compare(_app(tmp_path), terminal_size=SIZE, press=keys)

    def test_notes(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["3", *["right_square_bracket"] * 3, "wait:300"]
        assert snap_compare(_app(tmp_path), terminal_size=SIZE, press=keys)

    def test_staffing(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["3", "left_square_bracket", "left_square_bracket", "wait:300", "l", "l"]
        assert snap_compare(_app(tmp_path), terminal_size=SIZE, press=keys)

    def test_request_history(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["3", "left_square_bracket", "left_square_bracket", "wait:300", "tab", "tab"]
        assert snap_compare(_app(tmp_path), terminal_size=SIZE, press=[*keys, "enter"])
