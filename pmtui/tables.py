"""The registry of every table, assembled from the areas: each area's record modules (the
declarations) with its services' rules across records and computed fields attached.

The schema declares and never imports the tables; the store, transfer, search, the CLI and
the boards look tables up here, which guarantees the registry is complete.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from pmtui import areas
from pmtui.schema import REGISTRY, Field, Kind, RecordType

_loaded = False
#: table -> the fields its rules across records read from a changed record (RULES_WATCH).
_WATCHES: dict[str, frozenset[str]] = {}


def load_all() -> dict[str, RecordType]:
    """Import every area's record and service modules once; the complete registry."""
    global _loaded
    if not _loaded:
        _assemble()
        _loaded = True
    return REGISTRY


def reload() -> dict[str, RecordType]:
    """Assemble the registry again after the areas changed (a test declares a throwaway
    area): only the tables of the areas declared now remain."""
    global _loaded
    _loaded = False
    return load_all()


def _assemble() -> None:
    declared: dict[str, RecordType] = {}
    for area in areas.AREAS:
        for module in area.records:
            for value in vars(importlib.import_module(module)).values():
                if isinstance(value, RecordType) and value.table not in declared:
                    declared[value.table] = REGISTRY.get(value.table, value)
    # Tables in the order the areas declare them, whichever module was imported first
    # (search, export and FORMAT.md list them in this order).
    REGISTRY.clear()
    _WATCHES.clear()
    REGISTRY.update(declared)
    for area in areas.AREAS:
        for module in area.services:
            attach(importlib.import_module(module))


def attach(service: object) -> None:
    """Attach a service module's RULES and COMPUTED (table -> function) to the tables,
    and its RULES_WATCH (table -> field names): the fields of a changed record its rules
    depend on. A change to a record that touches none of them runs no rule (a task's
    duration cannot make a cycle); a table without a watch runs its rules on every change."""
    for attribute, slot in (("RULES", "rules"), ("COMPUTED", "compute")):
        for table, function in getattr(service, attribute, {}).items():
            if table not in REGISTRY:
                raise KeyError(f"{service!r} gives {slot} to {table!r}, which no area declares")
            REGISTRY[table] = dataclasses.replace(REGISTRY[table], **{slot: function})
    watches: Mapping[str, Collection[str]] = getattr(service, "RULES_WATCH", {})
    for table, fields in watches.items():
        if table not in getattr(service, "RULES", {}):
            raise KeyError(f"{service!r} watches fields of {table!r} but gives it no rules")
        unknown = sorted(f for f in fields if not REGISTRY[table].has_field(f))
        if unknown:
            raise KeyError(f"{service!r}: {table} has no field {', '.join(unknown)} to watch")
        _WATCHES[table] = frozenset(fields) | {"key"}


def rules_watch(table: str) -> frozenset[str] | None:
    """The fields `table`'s rules across records watch (the key always); None: all."""
    load_all()
    return _WATCHES.get(table)


def rules_touched(
    table: str, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
) -> bool:
    """Whether a change from `before` to `after` (None: absent) may affect `table`'s rules
    across records: a new or deleted record always may; an edit when it changes a watched
    field (or the table declares no watch)."""
    watched = rules_watch(table)
    if watched is None or before is None or after is None:
        return True
    return any(before.get(name) != after.get(name) for name in watched)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'people'?)' when one of `choices` is close to a mistyped `word`."""
    import difflib  # only when something was mistyped

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def record_type(table: str) -> RecordType:
    """The declaration of `table`; raises KeyError naming the known tables."""
    registry = load_all()
    try:
        return registry[table]
    except KeyError:
        known = ", ".join(sorted(registry))
        raise KeyError(
            f"no table {table!r}{did_you_mean(table, registry)}; tables: {known}"
        ) from None


def referrers(table: str) -> list[tuple[RecordType, Field]]:
    """Every (type, field) that points at `table`."""
    return [
        (rt, f)
        for rt in load_all().values()
        for f in rt.references()
        if (f.target or rt.table) == table or f.kind == Kind.RECORD
    ]


def dependency_order(tables: list[str]) -> list[str]:
    """Tables ordered so that referenced tables come before those referring to them."""
    registry = load_all()
    order: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in order or name in visiting:
            return
        visiting.add(name)
        for f in registry[name].references():
            if f.kind == Kind.RECORD:
                continue  # any table: resolved however the tables are ordered
            target = f.target or name
            if target != name and target in tables:
                visit(target)
        visiting.discard(name)
        order.append(name)

    for name in tables:
        visit(name)
    return order


def undeclared_boards() -> dict[str, str]:
    """Tables whose `board` names no board of any area: {table: board id}."""
    declared = {spec.id for area in areas.AREAS for spec in area.boards}
    return {
        rt.table: rt.board for rt in load_all().values() if rt.board and rt.board not in declared
    }
