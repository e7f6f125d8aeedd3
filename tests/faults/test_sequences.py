"""Random sequences of operations on every table (the registry's), with undo and redo
(issue 23): add, edit, delete, undo, redo, transactions, deferred writes (the app's way of
saving) and reopening. After each step the file, read again, equals memory; a refusal the
store gives a user changes neither; undoing everything returns file and memory to the
start. Extends tests/unit/test_store_property.py (one table) to all of them."""

from __future__ import annotations

import contextlib
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmtui.generate import generate_rows
from pmtui.kinds import FieldError
from pmtui.store import Store, StoreError
from pmtui.tables import load_all
from tests.environment import TODAY
from tests.faults.harness import ROWS, tables, trials

TABLES = tables()
SEEDS = st.integers(min_value=0, max_value=2**16)
PICK = st.integers(min_value=0, max_value=50)
TABLE = st.sampled_from(TABLES)


Op = tuple[Any, ...]
add = st.tuples(st.just("add"), TABLE, SEEDS)
edit = st.tuples(st.just("edit"), TABLE, PICK, SEEDS)
delete = st.tuples(st.just("delete"), TABLE, PICK)
single = st.one_of(add, edit, delete)
OPS = st.lists(
    st.one_of(
        add,
        edit,
        delete,
        st.tuples(st.just("undo")),
        st.tuples(st.just("redo")),
        st.tuples(st.just("transaction"), st.lists(single, min_size=2, max_size=4)),
        st.tuples(st.just("defer"), st.booleans()),
        st.tuples(st.just("reopen")),
    ),
    max_size=12,
)


def keys(store: Store) -> dict[str, list[str]]:
    return {table: [str(r["key"]) for r in store.records(table)] for table in TABLES}


def pick(store: Store, table: str, index: int) -> str | None:
    found = [str(r["key"]) for r in store.records(table)]
    return found[index % len(found)] if found else None


def row(store: Store, table: str, seed: int) -> dict[str, str]:
    """A generated row of `table`, its references to records there now."""
    return generate_rows(table, ROWS + 1 + seed % 7, random.Random(seed), keys(store))[-1]


def apply(store: Store, op: Op) -> None:
    """One operation; refusals a user may get (a rule, a record in use) are part of it."""
    kind = op[0]
    try:
        if kind == "add" and not load_all()[op[1]].singleton:
            store.add(op[1], row(store, op[1], op[2]))
        elif kind == "edit" and (key := pick(store, op[1], op[2])) is not None:
            fields = {k: v for k, v in row(store, op[1], op[3]).items() if k != "key"}
            store.update(op[1], key, fields)
        elif kind == "delete" and not load_all()[op[1]].singleton:
            if (key := pick(store, op[1], op[2])) is not None:
                store.delete(op[1], key)
        elif kind == "undo":
            store.undo()
        elif kind == "redo":
            store.redo()
        elif kind == "transaction":
            with store.transaction("several"):
                for inner in op[1]:
                    apply(store, inner)
    except (StoreError, FieldError):
        if kind == "transaction":
            raise  # none of it landed: the caller's check sees memory equal the file
    if kind == "defer":
        store.defer_writes = op[1]
        if not op[1]:
            store.write_unwritten()


def snapshot(store: Store) -> dict[str, list[dict[str, Any]]]:
    return {table: store.records(table) for table in TABLES}


def on_disk(path: Path) -> dict[str, list[dict[str, Any]]]:
    reopened = Store.open(path, today=TODAY)
    try:
        return snapshot(reopened)
    finally:
        reopened.close()


def run_sequence(template: Path, ops: list[Op]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "p"
        shutil.copytree(template, folder, symlinks=True)
        path = folder / "plan.json"
        store = Store.open(path, today=TODAY)
        initial = snapshot(store)
        for op in ops:
            with contextlib.suppress(StoreError, FieldError):  # a refused transaction
                apply(store, op)
            if op[0] == "reopen":
                store.write_unwritten()
                assert on_disk(path) == snapshot(store), op
            elif not store.unwritten:
                assert on_disk(path) == snapshot(store), op
        store.defer_writes = False
        store.write_unwritten()
        assert on_disk(path) == snapshot(store)
        while store.can_undo:
            store.undo()
        assert snapshot(store) == initial
        assert on_disk(path) == initial
        store.close()


@pytest.mark.parametrize("examples", trials(40, 1500))
def test_the_file_always_equals_memory_and_undo_returns_to_the_start_on_every_table(
    template: Path, examples: int
) -> None:
    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=examples < 100,  # the CI run is the same every time
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(ops=OPS)
    def sequence(ops: list[Op]) -> None:
        run_sequence(template, ops)

    sequence()
