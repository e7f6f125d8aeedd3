"""The WBS tree of tasks (outline numbers, depth, children) and moves within it."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pmtui.changes import Change, Writer


@dataclass(frozen=True)
class OutlineRow:
    """A task's place in the WBS: depth (0 at the top), outline number and children."""

    key: str
    depth: int
    wbs: str
    children: tuple[str, ...]


def _order_key(record: Mapping[str, Any], position: int) -> tuple[float, int]:
    order = record.get("order")
    return (float(order) if isinstance(order, (int, float)) else math.inf, position)


def outline(records: Sequence[Mapping[str, Any]]) -> list[OutlineRow]:
    """Tasks in WBS order: each parent before its children, siblings by `order` then by
    when they were added. A task whose parent is missing (or in a cycle) is put at the top."""
    keys = {str(r["key"]) for r in records}
    children: dict[str | None, list[tuple[tuple[float, int], str]]] = {}
    for position, record in enumerate(records):
        parent = record.get("parent")
        where = str(parent) if parent and str(parent) in keys else None
        children.setdefault(where, []).append((_order_key(record, position), str(record["key"])))
    for items in children.values():
        items.sort()
    rows: list[OutlineRow] = []
    placed: set[str] = set()

    def walk(parent: str | None, depth: int, prefix: str) -> None:
        # Iterative over siblings, recursive over depth (a WBS is a few levels deep).
        for number, (_, key) in enumerate(children.get(parent, []), start=1):
            if key in placed:
                continue
            placed.add(key)
            kids = tuple(k for _, k in children.get(key, []))
            wbs = f"{prefix}{number}"
            rows.append(OutlineRow(key, depth, wbs, kids))
            walk(key, depth + 1, wbs + ".")

    walk(None, 0, "")
    top = len(children.get(None, []))
    for record in records:  # tasks only reachable through a parent cycle
        key = str(record["key"])
        if key not in placed:
            top += 1
            placed.add(key)
            rows.append(OutlineRow(key, 0, str(top), ()))
    return rows


OUTLINE_MOVES = ("up", "down", "indent", "outdent")


def outline_changes(
    records: Sequence[Mapping[str, Any]], key: str, how: str
) -> dict[str, dict[str, Any]]:
    """The fields to change so that task `key` moves `how` in the WBS: "up"/"down" among its
    siblings, "indent" under the sibling above it, "outdent" to just after its parent.
    Siblings whose position changes get an explicit `order` (1, 2, ...). Raises ValueError
    saying why a move is not possible."""
    rows = outline(records)
    by_key = {str(r["key"]): r for r in records}
    if key not in by_key:
        raise ValueError(f"no task {key}")
    children = {row.key: list(row.children) for row in rows}
    top = [row.key for row in rows if row.depth == 0]
    parent_of: dict[str, str | None] = {row.key: None for row in rows if row.depth == 0}
    for row in rows:
        for child in row.children:
            parent_of[child] = row.key
    parent = parent_of.get(key)
    siblings = children[parent] if parent is not None else top
    index = siblings.index(key)
    changes: dict[str, dict[str, Any]] = {}

    def renumber(keys: list[str]) -> None:
        for number, item in enumerate(keys, start=1):
            if by_key[item].get("order") != number or item == key:
                changes.setdefault(item, {})["order"] = number

    if how in ("up", "down"):
        other = index - 1 if how == "up" else index + 1
        if not 0 <= other < len(siblings):
            where = "first" if how == "up" else "last"
            raise ValueError(f"{key} is already the {where} at its level")
        siblings[index], siblings[other] = siblings[other], siblings[index]
        renumber(siblings)
    elif how == "indent":
        if index == 0:
            raise ValueError(f"no task above {key} at its level to indent it under")
        new_parent = siblings[index - 1]
        renumber([*children[new_parent], key])
        changes[key]["parent"] = new_parent
    elif how == "outdent":
        if parent is None:
            raise ValueError(f"{key} is already at the top level")
        grandparent = parent_of.get(parent)
        level = [k for k in (children[grandparent] if grandparent else top)]
        level.insert(level.index(parent) + 1, key)
        renumber(level)
        changes[key]["parent"] = grandparent
    else:
        raise ValueError(f"unknown move {how!r}; use one of {', '.join(OUTLINE_MOVES)}")
    return changes


def move_in_outline(store: Writer, key: str, how: str) -> None:
    """Apply outline_changes as one undoable step; the store's rules refuse a move that
    would link a summary with its own tasks (a task cannot wait for its own phase)."""
    with store.transaction(f"{how} task {key}"):
        for changed, fields in outline_changes(store.records("tasks"), key, how).items():
            record = store.require("tasks", changed)
            after = {**record, **fields}
            store.stage(Change("tasks", record, {k: v for k, v in after.items() if v is not None}))
