"""Snapshots of the shell's screens at 80x24 on the demo project, fixed date and theme."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from pmtui import areas
from pmtui.config import Config
from tests.uihelpers import demo_store, isolated_env, make_app

#: The People area's last tab, Leave: a board built only from the schema (TableBoard).
GENERIC = ["3", "left_square_bracket"]


def _app(tmp_path: Path) -> Any:
    return make_app(demo_store(tmp_path), isolated_env(tmp_path), pinned=True)


class TestShellSnapshots:
    """Each shell screen draws the demo project the same way every time."""

    def test_project_settings(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24))

    def test_generic_table_board(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=[*GENERIC, "j", "j"])

    def test_area_without_boards(
        self, snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # Reports, its boards taken away: an area draws the same without boards whichever
        # areas have them by now (the throwaway area of test_new_area gives Comms one).
        bare = tuple(replace(a, boards=()) if a.name == "reports" else a for a in areas.AREAS)
        monkeypatch.setattr(areas, "AREAS", bare)
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=["8"])

    def test_edit_form(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=[*GENERIC, "j", "e"])

    def test_form_with_a_validation_message(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = [*GENERIC, "a", "down", "down", "x", "ctrl+s"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)

    def test_confirm_delete(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=[*GENERIC, "G", "d"])

    def test_help(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = [*GENERIC, "question_mark"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)

    def test_search(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["ctrl+f", "S", "A", "P", "space", "F", "I"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)

    def test_palette(self, snap_compare: Any, tmp_path: Path) -> None:
        # The whole word: "peop" also fuzzy-matches "Open Comms › Comms plan", and the
        # throwaway run's extra Comms board must not change what this search shows.
        keys = ["ctrl+p", "p", "e", "o", "p", "l", "e"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)

    def test_sixteen_colour_theme(self, snap_compare: Any, tmp_path: Path) -> None:
        app = make_app(
            demo_store(tmp_path), isolated_env(tmp_path), Config(theme="pmtui-16"), pinned=True
        )
        assert snap_compare(app, terminal_size=(80, 24), press=["3"])
