"""Fixtures of the fault tests: the template project of every table, the command
catalogue, and one forked command runner per module."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import environment
from tests.faults import harness
from tests.faults import runner as runners


@pytest.fixture(scope="module")
def fault_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The isolated environment (tests/environment.py) for the module's runner."""
    return {**os.environ, **environment.isolated_env(tmp_path_factory.mktemp("env"))}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding plan.json (rows of every table, see harness.build_project), its
    sidecars and backups, and import.json."""
    folder = tmp_path_factory.mktemp("template")
    harness.build_project(folder / "plan.json")
    harness.write_import_file(folder)
    return folder


@pytest.fixture(scope="module")
def runner(
    fault_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[runners.Runner]:
    yield from runners.runner_for(fault_env, tmp_path_factory.mktemp("runner"))


@pytest.fixture(scope="module")
def writers(template: Path) -> list[harness.Command]:
    return harness.writing_commands(template)
