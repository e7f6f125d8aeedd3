"""Snapshots of the Comms area at 80x24 on the demo project, fixed date and theme."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.uihelpers import demo_store, isolated_env, make_app

# The throwaway board of tests/throwaway_area.py is added to Comms: with it, its tabs line
# shows one more tab (the other areas' snapshots prove it changes nothing else).
pytestmark = pytest.mark.skipif(
    bool(os.environ.get("PMTUI_TEST_THROWAWAY_AREA")), reason="the throwaway board is in Comms"
)


def _app(tmp_path: Path) -> Any:
    return make_app(demo_store(tmp_path), isolated_env(tmp_path), pinned=True)


class TestMeetingsSnapshots:
    """The Meetings board lists the demo's occurrences; an opened one shows its agenda,
    actions and minutes stacked at 80x24."""

    def test_meetings_upcoming(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=["7"])

    def test_meetings_past(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=["7", "p"])

    def test_occurrence_with_minutes_and_actions(self, snap_compare: Any, tmp_path: Path) -> None:
        keys = ["7", "p", "j", "j", "enter"]  # a held stand-up: minutes and two actions
        assert snap_compare(_app(tmp_path), terminal_size=(80, 24), press=keys)
