"""A project file's bytes as data: JSON read strictly (no NaN, no name twice), the
project's id in `_meta`, and the in-memory TinyDB storage the Store keeps it in (it alone
decides when the data reaches the disk)."""

from __future__ import annotations

import json
from typing import Any

from tinydb.storages import Storage


class ProjectStorage(Storage):
    """TinyDB storage held in memory; the Store decides when and how it reaches the disk.

    TinyDB's JSONStorage rewrites the file in place (a kill mid-write tears it) and
    CachingMiddleware writes only every 1,000 changes; neither keeps an edit safe.
    """

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self.data: dict[str, Any] = data if data is not None else {}

    def read(self) -> dict[str, Any]:
        return self.data

    def write(self, data: dict[str, Any]) -> None:
        self.data = data


class StrictJSONError(ValueError):
    """JSON that Python's json module reads but a project file may not hold."""


def _no_constant(name: str) -> Any:
    raise StrictJSONError(f"holds {name}, which is not a JSON number")


def _no_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)  # in C; a loop here costs a fifth of loading a big project
    if len(result) != len(pairs):
        seen: set[str] = set()
        for name, _value in pairs:
            if name in seen:
                raise StrictJSONError(f"names {name!r} twice in one object")
            seen.add(name)
    return result


def strict_json(raw: bytes | str) -> Any:
    """JSON as the standard defines it: no NaN or Infinity, no name twice in one object.
    Raises JSONDecodeError, StrictJSONError, ValueError (a number of more than 4,300
    digits) or RecursionError (nesting too deep)."""
    return json.loads(raw, parse_constant=_no_constant, object_pairs_hook=_no_twice)


def new_project_id() -> str:
    """The id a project file keeps in `_meta.project_id` for its life (copies share it)."""
    import secrets  # hashlib's OpenSSL bindings: only when a project is made

    return secrets.token_hex(8)


def project_id(data: dict[str, Any]) -> str | None:
    """The `_meta.project_id` of a file's data (None in files from before ids)."""
    table: Any = data.get("_meta") or {}
    meta: Any = next(iter(table.values()), {}) if isinstance(table, dict) else {}
    found = meta.get("project_id") if isinstance(meta, dict) else None
    return found if isinstance(found, str) else None
