"""Generated rows are valid by construction: the store accepts every one, for every table."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmtui.generate import generate_rows
from pmtui.store import Store
from pmtui.tables import dependency_order, load_all
from pmtui.transfer import import_file


def test_every_table_accepts_its_generated_rows(store: Store) -> None:
    rng = random.Random(20261126)
    refs: dict[str, list[str]] = {}
    tables = dependency_order(sorted(t for t in load_all() if not t.startswith("_")))
    for table in tables:
        rows = generate_rows(table, 25, rng, refs)
        if load_all()[table].singleton:
            key = str(store.records(table)[0]["key"])
            for row in rows:
                assert store.validate(table, row, key)["key"] == key
            refs[table] = [key]
            continue
        with store.transaction(f"generated {table}"):
            refs[table] = [str(store.add(table, row)["key"]) for row in rows]
        assert len(store.records(table)) == 25


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_generated_people_always_parse(store: Store, seed: int) -> None:
    rows = generate_rows("people", 5, random.Random(seed), {"people": ["P1", "P2"]})
    for row in rows:
        assert store.validate("people", {k: v for k, v in row.items() if k != "manager"})


def test_generated_rows_import_as_csv(store: Store, tmp_path: Path) -> None:
    rows = generate_rows("people", 200, random.Random(3), {"people": []})
    source = tmp_path / "people.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        fields = sorted({name for row in rows for name in row})
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    assert import_file(store, source).added == {"people": 200}


def test_the_same_seed_gives_the_same_rows() -> None:
    first = generate_rows("people", 10, random.Random(5), {"people": ["P1"]})
    assert first == generate_rows("people", 10, random.Random(5), {"people": ["P1"]})


def test_required_fields_are_always_filled() -> None:
    rows = generate_rows("people", 50, random.Random(9), {})
    assert all(row.get("name") for row in rows)


def test_tasks_generated_against_existing_tasks_are_accepted(store: Store) -> None:
    """A subtask gets no predecessors: random ones could be its own summary (refused)."""
    rng = random.Random(11)
    with store.transaction("summaries"):
        keys = [str(store.add("tasks", row)["key"]) for row in generate_rows("tasks", 5, rng, {})]
    rows = generate_rows("tasks", 40, rng, {"tasks": keys, "people": []})
    assert any(row.get("parent") for row in rows)
    for row in rows:
        store.add("tasks", row)
    assert len(store.records("tasks")) == 45


def test_histories_move_generated_changes_through_their_workflow(project_path: Path) -> None:
    from pmtui.generate import histories

    store = Store.open(project_path)
    rng = random.Random(23)
    with store.transaction("people and changes"):
        for row in generate_rows("people", 3, rng, {"people": []}):
            store.add("people", row)
        for row in generate_rows("changes", 8, rng, {}):
            store.add("changes", row)
    after, made = histories()
    assert "change_events" in made
    with store.transaction("history"):
        for make_history in after:
            make_history(store, rng)
    store.close()
    reopened = Store.open(project_path)  # the rules held: the file took the histories
    statuses = [c.get("status") or "proposed" for c in reopened.records("changes")]
    assert statuses.count("proposed") == 2
    assert statuses.count("under review") == 2
    assert statuses.count("approved") == 2
    assert statuses.count("rejected") == 2
    # one event per move: six under review, four decided
    assert len(reopened.records("change_events")) == 10
    reopened.close()
