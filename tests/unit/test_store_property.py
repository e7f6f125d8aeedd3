"""Any sequence of edits leaves the file equal to memory, and undo walks back to the start."""

from __future__ import annotations

import contextlib
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmtui.store import InUse, Store
from pmtui.tables import load_all

DAY = date(2026, 3, 2)
NAMES = st.sampled_from(["Ada", "Grace", "Alan", "Barbara", "Edsger", "Ada"])
ROLES = st.sampled_from(["dev", "lead", "qa", None])
PICK = st.integers(min_value=0, max_value=30)
NEW_KEYS = st.sampled_from(["X1", "X2", "LEAD", "P1", "P2", "P9"])

Op = tuple[Any, ...]
add = st.tuples(st.just("add"), NAMES, ROLES, PICK)
add_with_key = st.tuples(st.just("add_with_key"), NEW_KEYS, NAMES)
edit = st.tuples(st.just("edit"), PICK, NAMES, ROLES, PICK)
delete = st.tuples(st.just("delete"), PICK)
rename = st.tuples(st.just("rename"), PICK, NEW_KEYS)
undo = st.tuples(st.just("undo"))
redo = st.tuples(st.just("redo"))
single = st.one_of(add, add_with_key, edit, delete, rename)
transaction = st.tuples(st.just("transaction"), st.lists(single, min_size=2, max_size=5))
OPS = st.lists(
    st.one_of(add, add_with_key, edit, delete, rename, undo, redo, transaction), max_size=14
)


def pick(store: Store, index: int) -> str | None:
    keys = [str(r["key"]) for r in store.records("people")]
    return keys[index % len(keys)] if keys else None


def apply(store: Store, op: Op) -> None:
    """Perform one operation; a refusal the store gives a user (InUse) is part of the game."""
    kind = op[0]
    if kind == "add":
        _, name, role, manager = op
        store.add("people", {"name": name, "role": role, "manager": pick(store, manager)})
    elif kind == "add_with_key":
        if store.get("people", op[1]) is None:
            store.add("people", {"key": op[1], "name": op[2]})
    elif kind == "edit" and (key := pick(store, op[1])) is not None:
        manager = pick(store, op[4])
        store.update(
            "people",
            key,
            {"name": op[2], "role": op[3], "manager": None if manager == key else manager},
        )
    elif kind == "delete" and (key := pick(store, op[1])) is not None:
        with contextlib.suppress(InUse):
            store.delete("people", key)
    elif kind == "rename" and (key := pick(store, op[1])) is not None:
        if store.get("people", op[2]) is None:
            store.update("people", key, {"key": op[2]})
    elif kind == "undo":
        store.undo()
    elif kind == "redo":
        store.redo()
    elif kind == "transaction":
        with store.transaction("several"):
            for inner in op[1]:
                apply(store, inner)
            store.update("project", "project", {"status_reason": f"{len(op[1])} changes"})


def snapshot(store: Store) -> dict[str, list[dict[str, Any]]]:
    return {table: store.records(table) for table in load_all()}


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(ops=OPS)
def test_the_file_always_equals_memory_and_undo_returns_to_the_start(ops: list[Op]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "prop.json"
        store = Store.create(path, {"name": "Property"}, today=DAY)
        with store.transaction("seed"):
            for name in ("Ada", "Grace", "Alan"):
                store.add("people", {"name": name, "role": "dev"})
        store.update("people", "P2", {"manager": "P1"})
        store = Store.open(path, today=DAY)  # a fresh session: its undo starts here
        initial = snapshot(store)
        for op in ops:
            apply(store, op)
            reopened = Store.open(path, today=DAY)
            assert snapshot(reopened) == snapshot(store), op
            reopened.close()
        while store.can_undo:
            store.undo()
        assert snapshot(store) == initial
        assert snapshot(Store.open(path, today=DAY)) == initial
        store.close()
