"""The schema's shared pieces: the registry, dependency order and cross-field date rules."""

from __future__ import annotations

from pathlib import Path

from pmtui.schema import dates_in_order
from pmtui.tables import dependency_order, load_all, record_type


def test_a_finish_before_its_start_is_refused_on_the_finish_field() -> None:
    record = {"start": "2026-12-10", "finish": "2026-12-01"}
    assert dates_in_order(record, "start", "finish", "the start") == {
        "finish": "2026-12-01 is before the start 2026-12-10"
    }


def test_dates_in_order_or_missing_are_fine() -> None:
    assert (
        dates_in_order({"start": "2026-12-01", "finish": "2026-12-01"}, "start", "finish", "x")
        == {}
    )
    assert dates_in_order({"finish": "2026-12-01"}, "start", "finish", "x") == {}


def test_referenced_tables_come_first_in_dependency_order() -> None:
    order = dependency_order(["assignments", "tasks", "people"])
    assert order.index("people") < order.index("tasks") < order.index("assignments")


def test_every_table_has_a_key_field_first_and_a_known_label_field() -> None:
    for table, rt in load_all().items():
        assert rt.fields[0].name == "key", table
        assert rt.has_field(rt.label_field), table
        assert record_type(table) is rt


def test_search_finds_a_private_note_without_showing_its_text(tmp_path: Path) -> None:
    from pmtui.search import search
    from pmtui.store import Store

    store = Store.create(tmp_path / "p.json", {"name": "P", "start": "2026-09-01"})
    store = Store.open(tmp_path / "p.json")
    store.add("people", {"name": "Bob Smith"})
    store.add("notes", {"person": "Bob Smith", "kind": "concern", "text": "missed the deadline"})
    hits = [h for h in search(store, "deadline") if h.table == "notes"]
    assert len(hits) == 1
    assert hits[0].snippet == "(private)"
    assert "deadline" not in hits[0].snippet
