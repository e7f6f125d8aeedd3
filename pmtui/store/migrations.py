"""Schema versions of the project file and the steps that bring an older file up to date."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Data = dict[str, Any]

#: The version this code writes. Raise it with a step in MIGRATIONS whenever the layout changes.
SCHEMA_VERSION = 2


def _status_becomes_override(data: Data) -> Data:
    """1 -> 2: the project's `status` became the manager's override of the computed RAG
    (empty: computed). It used to default to green, so a green status without a reason
    is that old default, not a decision: it becomes "no override". Amber, red, or green
    with a reason stay as the manager set them."""
    for record in (data.get("project") or {}).values():
        if (
            isinstance(record, dict)
            and record.get("status") == "green"
            and not str(record.get("status_reason") or "").strip()
        ):
            record.pop("status", None)
    return data


#: MIGRATIONS[n] turns a version-n file's data into version n+1.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {1: _status_becomes_override}


def migrate(data: Data, from_version: int, to_version: int | None = None) -> Data:
    """Apply every step from `from_version` up to `to_version` (default: SCHEMA_VERSION)."""
    # Read at call time, not bound at import, so a test (or a plug-in) can add a step.
    target = SCHEMA_VERSION if to_version is None else to_version
    for version in range(from_version, target):
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValueError(f"no migration from schema version {version} to {version + 1}")
        data = step(data)
    return data
