"""CSV meant for spreadsheets (OWASP CSV injection): text cells that a spreadsheet would read
as a formula are exported with a leading `'`; import reads back exactly what was exported."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmtui.store import Store
from pmtui.transfer import export_csv, import_file
from pmtui.transfer.exporting import formula_safe
from pmtui.transfer.reading import unguarded

FORMULAS = ["=1+2", "+1", "-1+1", "@SUM(A1)", "=cmd|' /C calc'!A0", "'=already quoted", "''@x"]


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_text_cells_that_start_a_formula_are_prefixed(store: Store) -> None:
    for title in FORMULAS:
        store.add("tasks", {"title": title, "order": "-500"})
    rows = _rows(export_csv(store, "tasks"))
    assert [row["title"] for row in rows] == ["'" + title for title in FORMULAS]
    assert {row["order"] for row in rows} == {"-500"}  # a number stays a number


def test_other_text_is_exported_as_it_is(store: Store) -> None:
    for title in ("plain", "'quoted by its author", "a=b", "x-1"):
        store.add("tasks", {"title": title})
    assert [row["title"] for row in _rows(export_csv(store, "tasks"))] == [
        "plain",
        "'quoted by its author",
        "a=b",
        "x-1",
    ]


def test_raw_export_leaves_cells_alone(store: Store) -> None:
    store.add("tasks", {"title": "=1+2"})
    assert _rows(export_csv(store, "tasks", raw=True))[0]["title"] == "=1+2"


def test_import_reads_back_what_export_wrote(store: Store, tmp_path: Path) -> None:
    titles = [*FORMULAS, "plain", "'quoted by its author", "-"]
    for title in titles:
        store.add("tasks", {"title": title, "notes": "\t=tab first"})
    exported = tmp_path / "tasks.csv"
    exported.write_text(export_csv(store, "tasks"))
    Store.create(tmp_path / "copy.json", {"name": "Copy", "start": "2026-11-02"}).close()
    copy = Store.open(tmp_path / "copy.json")
    import_file(copy, exported)
    assert [r["title"] for r in copy.records("tasks")] == titles
    assert copy.records("tasks") == store.records("tasks")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="'=+-@\t\rab", max_size=6))
def test_guarding_then_unguarding_gives_the_text_back(text: str) -> None:
    guarded = formula_safe(text)
    assert unguarded(guarded) == text
    assert guarded[:1] not in ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("cell", ["-500", "+3", "=1"])
def test_number_cells_are_never_touched(cell: str) -> None:
    assert formula_safe(cell, numeric=True) == cell
