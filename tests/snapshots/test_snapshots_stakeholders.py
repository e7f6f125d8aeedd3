"""Snapshots of the Comms area's stakeholder boards at 80x24 on the demo project, fixed date
and theme (the Meetings board, the area's first tab, has its own)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.uihelpers import demo_store, isolated_env, make_app

NEXT = "right_square_bracket"

#: The throwaway run (tests/throwaway_area.py) adds a Gadgets tab to Comms, which changes
#: these boards' tab bar; every other snapshot still proves it changes nothing.
pytestmark = pytest.mark.skipif(
    bool(os.environ.get("PMTUI_TEST_THROWAWAY_AREA")),
    reason="the throwaway area adds a tab to Comms",
)


def _app(tmp_path: Path) -> Any:
    return make_app(demo_store(tmp_path), isolated_env(tmp_path), pinned=True)


class TestStakeholderSnapshots:
    """Each board draws the demo's stakeholders, comms plan, needs and surveys the same way."""

    def test_stakeholders_grid_and_register(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=["7", NEXT])

    def test_stakeholders_cursor_in_the_grid(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["7", NEXT, "m", "down", "left"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)

    def test_comms_plan(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=["7", NEXT, NEXT])

    def test_needs_and_surveys(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["7", NEXT, NEXT, NEXT]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)

    def test_response_form(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["7", NEXT, NEXT, NEXT, "r"]
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)
