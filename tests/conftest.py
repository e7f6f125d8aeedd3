"""Shared fixtures: every test gets its own home, XDG folders and a fixed today."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pmtui.store import Store
from tests import environment
from tests.environment import TODAY as TODAY_DATE

TODAY = TODAY_DATE.isoformat()

RunPmtui = Callable[..., "subprocess.CompletedProcess[str]"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `slow` (the long fault-injection runs) skip unless PMTUI_SLOW=1."""
    if os.environ.get("PMTUI_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow: set PMTUI_SLOW=1 to run the long version")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def isolated_env(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    """Point HOME and every XDG folder into a fresh temp folder and fix today, so no test
    sees the developer's home, config or clock. Returns the environment for subprocesses.

    The folder is not tmp_path itself, so tests may list tmp_path and find only their files.
    """
    values = environment.isolated_env(tmp_path_factory.mktemp("env"))
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return dict(os.environ)


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    """A new project file, `plan.json`, holding only its project record."""
    path = tmp_path / "plan.json"
    Store.create(path, {"name": "Test project", "start": "2026-11-02"}).close()
    return path


@pytest.fixture
def store(project_path: Path) -> Iterator[Store]:
    """The test project, open."""
    opened = Store.open(project_path)
    yield opened
    opened.close()


@pytest.fixture
def run_pmtui(isolated_env: dict[str, str], tmp_path: Path) -> RunPmtui:
    """Run the real `pmtui` entry point in a subprocess, in tmp_path, with the isolated env."""

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pmtui", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=isolated_env,
            cwd=tmp_path,
            timeout=60,
        )

    return run


@pytest.fixture(autouse=True)
def still_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text cursors do not blink in tests: a screenshot taken mid-blink would differ."""
    from textual.widgets import Input

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture
def throwaway_area(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Add the throwaway table and board (tests/throwaway_area.py) to Comms for one test."""
    from pmtui import areas, tables
    from tests import throwaway_area

    original = areas.AREAS
    monkeypatch.setattr(
        areas,
        "AREAS",
        tuple(throwaway_area.added_to(a) if a.name == "comms" else a for a in original),
    )
    tables.reload()
    yield
    monkeypatch.setattr(areas, "AREAS", original)
    tables.reload()


@pytest.fixture(autouse=True)
def _with_throwaway_area_everywhere(request: pytest.FixtureRequest) -> None:
    """With PMTUI_TEST_THROWAWAY_AREA set, every test runs with the throwaway area declared
    (the proof that a new area changes no existing snapshot)."""
    if os.environ.get("PMTUI_TEST_THROWAWAY_AREA"):
        request.getfixturevalue("throwaway_area")


@pytest.fixture(autouse=True)
def _signal_handlers_restored() -> Iterator[None]:
    """Each test leaves the process's SIGINT/SIGHUP/SIGTERM handlers as it found them, so
    an app test that installs one cannot change what a later test in the same worker sees."""
    held = (signal.SIGINT, signal.SIGHUP, signal.SIGTERM)
    before = {number: signal.getsignal(number) for number in held}
    yield
    for number, handler in before.items():
        if signal.getsignal(number) is not handler and handler is not None:
            signal.signal(number, handler)
