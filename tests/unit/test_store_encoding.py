"""Saves re-encode only the records that changed, and write exactly what a full encode gives."""

from __future__ import annotations

import contextlib
import hashlib
import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmtui.store import ConflictError, InUse, RecordInvalid, Store
from pmtui.store.encoding import IncrementalEncoder, record_text
from pmtui.store.loading import encode

DAY = date(2026, 3, 2)
# Text that tests the layout: quotes, backslashes, newlines, non-ASCII, U+2028, emoji.
TEXT = st.text(alphabet='ab "\\\n\té\u2028\U0001f600{}:,', min_size=1, max_size=12).map(
    lambda s: "x" + s
)
PICK = st.integers(min_value=0, max_value=40)
TABLES = st.sampled_from(["people", "tasks", "vendors"])
FIELD = {"people": "name", "tasks": "title", "vendors": "name"}
EXTRA = {"people": "role", "tasks": "notes", "vendors": "notes"}

Op = tuple[Any, ...]
add = st.tuples(st.just("add"), TABLES, TEXT)
update = st.tuples(st.just("update"), TABLES, PICK, TEXT, st.one_of(st.none(), TEXT))
delete = st.tuples(st.just("delete"), TABLES, PICK)
single = st.one_of(add, update, delete)
OPS = st.lists(
    st.one_of(
        add,
        update,
        delete,
        st.tuples(st.just("undo")),
        st.tuples(st.just("transaction"), st.lists(single, min_size=2, max_size=4)),
        # Another session saves: this one reloads before its next change.
        st.tuples(st.just("other"), update),
    ),
    max_size=16,
)


def pick(store: Store, table: str, index: int) -> str | None:
    keys = [str(r["key"]) for r in store.records(table)]
    return keys[index % len(keys)] if keys else None


def apply(store: Store, op: Op) -> None:
    """One operation; a refusal (a name taken, a record in use, an undo
    another session overtook) rolls back and is part of
    the game: its inverse goes through the same invalidation."""
    store.refresh()  # pick among the records as the file holds them now
    with contextlib.suppress(InUse, RecordInvalid, ConflictError):
        _apply(store, op)


def _apply(store: Store, op: Op) -> None:
    kind = op[0]
    if kind == "add":
        store.add(op[1], {FIELD[op[1]]: op[2]})
    elif kind == "update" and (key := pick(store, op[1], op[2])) is not None:
        store.update(op[1], key, {FIELD[op[1]]: op[3], EXTRA[op[1]]: op[4]})
    elif kind == "delete" and (key := pick(store, op[1], op[2])) is not None:
        store.delete(op[1], key)
    elif kind == "undo":
        store.undo()
    elif kind == "transaction":
        with store.transaction("several"):
            for inner in op[1]:
                _apply(store, inner)


def assert_full(store: Store, path: Path) -> None:
    """What the session would write now is the full encode of its memory, and the file
    holds what memory holds (a refused change may leave an empty table in memory)."""
    store.refresh()  # a session that saved nothing may not have seen the other's save
    assert store.encoder().encode(store._data) == encode(store._data)
    on_disk = path.read_bytes()
    assert on_disk == encode(json.loads(on_disk))
    assert without_digest(store._data) == without_digest(json.loads(on_disk))


def without_digest(data: dict[str, Any]) -> dict[str, Any]:
    """The non-empty tables; _meta without the digest of the text (which an empty table
    changes)."""
    kept = {t: r for t, r in data.items() if r}
    kept["_meta"] = {i: {**m, "text_sha256": None} for i, m in kept["_meta"].items()}
    return kept


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(ops=OPS)
def test_incremental_encoding_equals_the_full_encoding_after_any_edits(ops: list[Op]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "enc.json"
        store = Store.create(path, {"name": "Encoding"}, today=DAY)
        with store.transaction("seed"):
            for n in range(12):  # doc ids 1..12: "10" sorts before "2" in the file
                store.add("tasks", {"title": f"task {n}"})
            store.add("people", {"name": "Ada"})
        store = Store.open(path, today=DAY)
        other = Store.open(path, today=DAY)
        for op in ops:
            if op[0] == "other":
                apply(other, op[1])
            else:
                apply(store, op)
            assert_full(store if op[0] != "other" else other, path)
        assert other.encoder().encode(other._data) == encode(other._data)
        store.close()
        other.close()


def test_an_edit_re_encodes_only_the_record_it_changed(store: Store) -> None:
    with store.transaction("seed"):
        for n in range(30):
            store.add("tasks", {"title": f"task {n}"})
    # Each save also re-encodes the _meta record (its revision and last change move on).
    store.update("tasks", "T7", {"title": "renamed"})
    assert store.encoder().encoded == 2
    store.add("people", {"name": "Ada"})
    assert store.encoder().encoded == 2
    store.delete("people", "P1")
    assert store.encoder().encoded == 1
    assert store.path.read_bytes() == encode(store._data)


def test_a_reload_starts_a_fresh_encoder(store: Store, project_path: Path) -> None:
    store.add("tasks", {"title": "first"})
    other = Store.open(project_path)
    other.update("tasks", "T1", {"title": "changed elsewhere"})
    other.close()
    store.add("tasks", {"title": "second"})  # reloads, then saves
    assert store.path.read_bytes() == encode(store._data)
    assert [t["title"] for t in store.records("tasks")] == ["changed elsewhere", "second"]


def test_the_encoder_falls_back_to_the_full_encode_for_what_its_layout_does_not_cover() -> None:
    encoder = IncrementalEncoder()
    for data in ({}, {"t": {}}, {"t": {"1": {"a": [1, {"b": None}]}, "10": {}, "2": []}}):
        assert encoder.encode(data) == encode(data)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats()  # NaN and the infinities too: json.dumps writes them, so must we
    | TEXT
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(record=st.dictionaries(st.text(), JSON_VALUES, max_size=8))
def test_a_records_text_is_what_the_standard_encoder_writes(record: dict[str, Any]) -> None:
    expected = json.dumps(record, sort_keys=True, indent=1, ensure_ascii=False)
    assert record_text(record) == expected.replace("\n", "\n  ")


def test_a_records_text_of_other_types_is_what_json_makes_of_them() -> None:
    class Name(str):
        pass

    for record in (
        {"a": (1, 2)},
        {1: "x", 2: True},
        {"a": Name("s"), "b": {"c": []}},
        {"t": [True, False, None, 1.5, -0.0, float("inf")]},
    ):
        expected = json.dumps(record, sort_keys=True, indent=1, ensure_ascii=False)
        assert record_text(record) == expected.replace("\n", "\n  ")


def test_a_new_session_takes_the_records_text_from_the_file(
    store: Store, project_path: Path
) -> None:
    with store.transaction("seed"):
        for n in range(30):
            store.add("tasks", {"title": f"task {n}", "notes": 'é \u2028 "q"\nline'})
        store.add("people", {"name": "Ada", "skills": ["SQL", "SAP"]})
    store.close()
    reopened = Store.open(project_path)
    reopened.update("tasks", "T7", {"title": "renamed"})
    # The changed task and _meta; every other record's text came from the file.
    assert reopened.encoder().encoded == 2
    on_disk = project_path.read_bytes()
    assert on_disk == encode(json.loads(on_disk))
    assert json.loads(on_disk)["tasks"]["7"]["title"] == "renamed"
    reopened.add("people", {"name": "Bo"})
    reopened.delete("tasks", "T3")
    assert project_path.read_bytes() == encode(reopened._data)


def test_a_hand_edited_file_is_encoded_in_full(store: Store, project_path: Path) -> None:
    for n in range(5):
        store.add("tasks", {"title": f"task {n}"})
    store.close()
    # Someone reformats a record by hand: the file no longer holds its digest.
    text = project_path.read_text().replace('"title": "task 1"', '"title":   "task 1"')
    project_path.write_text(text)
    reopened = Store.open(project_path)
    reopened.update("tasks", "T4", {"title": "renamed"})
    assert reopened.encoder().encoded == 7  # five tasks, the project, _meta
    on_disk = project_path.read_bytes()
    assert on_disk == encode(json.loads(on_disk))
    assert b'"title": "task 1"' in on_disk


def test_the_digest_covers_the_file_after_meta(store: Store, project_path: Path) -> None:
    store.add("tasks", {"title": "one"})
    raw = project_path.read_bytes()
    meta = json.loads(raw)["_meta"]["1"]
    body = raw[raw.index(b"\n }") + 3 :]
    assert meta["text_sha256"] == hashlib.sha256(body).hexdigest()
