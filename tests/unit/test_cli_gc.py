"""The CLI freezes the loaded project so collections skip it, and leaves the collector on."""

from __future__ import annotations

import gc
from pathlib import Path

from pmtui.cli.common import open_store


def test_open_store_freezes_the_loaded_project_and_keeps_the_collector_on(
    project_path: Path,
) -> None:
    gc.unfreeze()
    with open_store(str(project_path)) as store:
        assert gc.get_freeze_count() > 0
        assert gc.isenabled()
        assert store.require("project", "project")["name"] == "Test project"
    gc.unfreeze()


def test_a_collector_the_caller_paused_stays_paused(project_path: Path) -> None:
    gc.disable()
    try:
        with open_store(str(project_path)):
            assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
