"""Test data of the People area: make random rows obey its tables' rules."""

from __future__ import annotations

import random
from collections.abc import Mapping

from pmtui.generate.rows import RefFixer, RowFixer
from pmtui.records.resourcing import REQUEST_SOURCES
from pmtui.records.staffing import TARGETS

# ---------------------------------------------------------------- test data that obeys the rules


def _fix_leave(row: dict[str, str], rng: random.Random) -> None:
    row["from"], row["to"] = "2026-07-06", "2026-07-17"


def _fix_assignment(row: dict[str, str], rng: random.Random) -> None:
    if "start" in row and "finish" in row:
        row["start"], row["finish"] = "2026-03-02", "2026-04-30"


def _fix_assignment_target(
    row: dict[str, str], rng: random.Random, refs: Mapping[str, list[str]], index: int
) -> None:
    for name in TARGETS:
        row.pop(name, None)
    available = [name for name, table in TARGETS.items() if refs.get(table)]
    if available:
        name = rng.choice(available)
        row[name] = rng.choice(refs[TARGETS[name]])


def _fix_request(row: dict[str, str], rng: random.Random) -> None:
    given = [name for name in REQUEST_SOURCES if row.get(name)]
    for name in given[1:]:
        del row[name]


FIXERS: dict[str, RowFixer] = {
    "leave": _fix_leave,
    "assignments": _fix_assignment,
    "resource_requests": _fix_request,
}
REF_FIXERS: dict[str, RefFixer] = {"assignments": _fix_assignment_target}
