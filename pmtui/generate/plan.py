"""Test data of the Plan area: make random rows obey its tables' rules."""

from __future__ import annotations

import random
from collections.abc import Mapping

from pmtui.generate.rows import RefFixer, RowFixer

# ---------------------------------------------------------------- test data that obeys the rules


def _fix_task(row: dict[str, str], rng: random.Random) -> None:
    if "actual_start" in row and "actual_finish" in row:
        row["actual_start"], row["actual_finish"] = "2026-01-05", "2026-02-27"


def _fix_criterion(row: dict[str, str], rng: random.Random) -> None:
    # A random deliverable may be accepted, and then each of its criteria must be met.
    row["met"] = "yes"


def _fix_task_links(
    row: dict[str, str], rng: random.Random, refs: Mapping[str, list[str]], index: int
) -> None:
    # A task may not depend on the summary it sits in (nor on one of its ancestors), and
    # random keys cannot tell which those are: a subtask gets no predecessors of its own.
    if row.get("parent"):
        row.pop("predecessors", None)


FIXERS: dict[str, RowFixer] = {"tasks": _fix_task, "acceptance_criteria": _fix_criterion}
REF_FIXERS: dict[str, RefFixer] = {"tasks": _fix_task_links}
