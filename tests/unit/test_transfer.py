"""CSV and JSON import and export: headers, updates by key, forward references, all-or-nothing."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from pmtui.context import Context
from pmtui.generate import generate_rows
from pmtui.schema import REGISTRY, Field, Kind, RecordType, register
from pmtui.store import Store
from pmtui.tables import load_all, record_type
from pmtui.transfer import (
    ImportProblem,
    PrivateData,
    choose_tables,
    export_csv,
    export_json,
    import_file,
    write_export,
)


def write(path: Path, text: str, *, bom: bool = False) -> Path:
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode())
    return path


def people(store: Store) -> list[dict[str, Any]]:
    return store.records("people")


@pytest.fixture
def scored_table() -> Iterator[RecordType]:
    """A test-only private table with a computed field and a reference to people."""
    load_all()

    def compute(ctx: Context, records: Sequence[dict[str, Any]]) -> dict[str, Any]:
        return {r["key"]: {"double": 2 * r.get("score", 0)} for r in records}

    rt = register(
        RecordType(
            table="scored",
            singular="scored item",
            key_prefix="SC",
            label_field="title",
            private=True,
            help="Test only.",
            compute=compute,
            fields=(
                Field("title", Kind.TEXT, required=True),
                Field("person", Kind.REF, target="people"),
                Field("score", Kind.INTEGER),
                Field("double", Kind.INTEGER, computed=True),
            ),
        )
    )
    yield rt
    REGISTRY.pop("scored")


# --- reading CSV ----------------------------------------------------------------------------


def test_csv_with_bom_and_semicolons_is_read(store: Store, tmp_path: Path) -> None:
    source = write(tmp_path / "people.csv", "name;rate\r\nAnn Lee;1200\r\n", bom=True)
    import_file(store, source)
    assert [(p["name"], p["rate"]) for p in people(store)] == [("Ann Lee", 1200.0)]


def test_headers_may_be_labels_in_any_case_with_spaces(store: Store, tmp_path: Path) -> None:
    source = write(tmp_path / "people.csv", "NAME,Capacity,Approval Limit\nAnn,20,5k\n")
    import_file(store, source)
    person = people(store)[0]
    assert (person["capacity_hours"], person["approval_limit"]) == (20, 5000.0)


def test_a_csv_named_after_no_table_needs_the_table_option(store: Store, tmp_path: Path) -> None:
    source = write(tmp_path / "team.csv", "name\nAnn\n")
    with pytest.raises(ImportProblem, match="add --table TABLE"):
        import_file(store, source)
    assert import_file(store, source, table="people").added == {"people": 1}


def test_an_unknown_column_is_rejected_at_row_1(store: Store, tmp_path: Path) -> None:
    source = write(tmp_path / "people.csv", "name,salary\nAnn,1\n")
    with pytest.raises(ImportProblem) as caught:
        import_file(store, source)
    assert str(caught.value).startswith("people.csv: row 1, column salary: people has no field")


# --- applying rows --------------------------------------------------------------------------


def test_a_row_whose_key_exists_updates_that_record(store: Store, tmp_path: Path) -> None:
    store.add("people", {"name": "Ann", "rate": "90"})
    source = write(tmp_path / "people.csv", "key,rate,role\nP1,95,PM\n")
    assert import_file(store, source).updated == {"people": 1}
    assert people(store) == [
        {"key": "P1", "name": "Ann", "rate": 95.0, "role": "PM", "capacity_hours": 40}
    ]


def test_a_key_in_other_case_updates_the_record(store: Store, tmp_path: Path) -> None:
    store.add("people", {"name": "Ann"})
    import_file(store, write(tmp_path / "people.csv", "key,role\np1,PM\n"))
    assert [(p["key"], p["role"]) for p in people(store)] == [("P1", "PM")]


def test_an_unchanged_row_is_not_counted_as_updated(store: Store, tmp_path: Path) -> None:
    store.add("people", {"name": "Ann"})
    result = import_file(store, write(tmp_path / "people.csv", "key,name\nP1,Ann\n"))
    assert (result.updated, result.unchanged) == ({}, {"people": 1})


def test_an_empty_cell_clears_the_field(store: Store, tmp_path: Path) -> None:
    store.add("people", {"name": "Ann", "role": "Architect"})
    import_file(store, write(tmp_path / "people.csv", "key,role\nP1,\n"))
    assert "role" not in people(store)[0]


def test_a_reference_to_a_later_row_resolves_by_name(store: Store, tmp_path: Path) -> None:
    import_file(store, write(tmp_path / "people.csv", "name,manager\nAnn,Bo Chen\nBo Chen,\n"))
    ann, bo = people(store)
    assert ann["manager"] == bo["key"] == "P2"


def test_a_reference_to_a_later_row_resolves_by_key(store: Store, tmp_path: Path) -> None:
    import_file(store, write(tmp_path / "people.csv", "key,name,manager\nX1,Ann,X2\nX2,Bo,\n"))
    assert people(store)[0]["manager"] == "X2"


def test_the_import_is_one_undo_step(store: Store, tmp_path: Path) -> None:
    import_file(store, write(tmp_path / "people.csv", "name\nAnn\nBo\nCy\n"))
    # The first change of a new project: undone only when asked (first_too).
    assert store.undo_last_saved(first_too=True) == "import people.csv"
    assert people(store) == []


def test_replace_deletes_the_records_the_file_leaves_out(store: Store, tmp_path: Path) -> None:
    store.add("people", {"name": "Ann"})
    store.add("people", {"name": "Bo"})
    result = import_file(store, write(tmp_path / "people.csv", "key\nP1\n"), replace=True)
    assert result.deleted == {"people": 1}
    assert [p["key"] for p in people(store)] == ["P1"]


def test_without_replace_nothing_is_deleted(store: Store, tmp_path: Path) -> None:
    store.add("people", {"name": "Ann"})
    import_file(store, write(tmp_path / "people.csv", "name\nBo\n"))
    assert [p["name"] for p in people(store)] == ["Ann", "Bo"]


def test_replace_refuses_to_delete_a_referenced_record(store: Store, tmp_path: Path) -> None:
    store.add("people", {"name": "Ann"})
    store.add("people", {"name": "Bo", "manager": "Ann"})
    with pytest.raises(ImportProblem, match="would delete people P1, to which people P2 refers"):
        import_file(store, write(tmp_path / "people.csv", "key\nP2\n"), replace=True)
    assert len(people(store)) == 2


# --- all or nothing -------------------------------------------------------------------------


def test_a_bad_row_rejects_the_file_naming_row_and_column(
    store: Store, project_path: Path, tmp_path: Path
) -> None:
    store.add("people", {"name": "Ann"})
    before = project_path.read_bytes()
    source = write(tmp_path / "people.csv", "Name,Rate\nBo,10\nCy,abc\nDi,5\n")
    with pytest.raises(ImportProblem) as caught:
        import_file(store, source)
    assert str(caught.value) == (
        "people.csv: row 3, column Rate: 'abc' is not an amount (write 1200, 1,200.50 or 40k)"
    )
    assert project_path.read_bytes() == before
    assert [p["name"] for p in people(store)] == ["Ann"]


def test_a_missing_required_value_names_its_column(store: Store, tmp_path: Path) -> None:
    source = write(tmp_path / "people.csv", "name,role\nAnn,PM\n,Dev\n")
    with pytest.raises(ImportProblem, match=r"^people.csv: row 3, column name: is required$"):
        import_file(store, source)


def test_a_key_twice_in_one_file_is_rejected(store: Store, tmp_path: Path) -> None:
    source = write(tmp_path / "people.csv", "key,name\nA1,Ann\nA1,Bo\n")
    with pytest.raises(ImportProblem, match="row 3, column key: A1 appears twice"):
        import_file(store, source)


def test_a_json_error_names_table_record_and_field(store: Store, tmp_path: Path) -> None:
    source = write(tmp_path / "data.json", json.dumps({"people": [{"name": "A", "rate": "x"}]}))
    with pytest.raises(ImportProblem) as caught:
        import_file(store, source)
    assert str(caught.value).startswith("data.json: people record 1, field rate: 'x' is not")


def test_a_file_that_is_not_utf8_is_rejected(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_bytes("name\nJosé\n".encode("latin-1"))
    with pytest.raises(ImportProblem, match="is not UTF-8 text"):
        import_file(store, source)


# --- JSON and export ------------------------------------------------------------------------


def test_json_holds_several_tables(store: Store, tmp_path: Path) -> None:
    data = {"people": [{"name": "Ann", "skills": "sql, sap"}], "project": [{"code": "ERP"}]}
    import_file(store, write(tmp_path / "data.json", json.dumps(data)))
    assert store.project["code"] == "ERP"
    assert people(store)[0]["skills"] == ["sql", "sap"]


def test_json_export_has_sorted_keys_nulls_and_list_syntax(store: Store) -> None:
    store.add("people", {"name": "Ann", "skills": "a, b"})
    text = export_json(store, ["people"])
    assert text.startswith('{\n  "people": [\n    {\n      "approval_limit": null,')
    assert json.loads(text)["people"][0]["skills"] == "a, b"


def test_csv_export_of_an_empty_table_is_its_header(store: Store) -> None:
    assert export_csv(store, "people") == (
        "key,name,role,email,capacity_hours,rate,manager,approval_limit,skills\n"
    )


def round_trip_source(store: Store) -> None:
    rows = generate_rows("people", 30, random.Random(7), {"people": []})
    with store.transaction("seed"):
        for row in rows:
            store.add("people", row)
    store.update("people", "P2", {"manager": "P1"})


def test_json_export_then_import_gives_equal_records(store: Store, tmp_path: Path) -> None:
    round_trip_source(store)
    exported = write(tmp_path / "all.json", export_json(store, ["project", "people"]))
    Store.create(tmp_path / "copy.json", {"name": "Copy"}).close()
    copy = Store.open(tmp_path / "copy.json")
    import_file(copy, exported)
    assert copy.records("people") == store.records("people")
    assert copy.project == store.project


def test_csv_export_then_import_gives_equal_records(store: Store, tmp_path: Path) -> None:
    round_trip_source(store)
    exported = write(tmp_path / "people.csv", export_csv(store, "people"))
    Store.create(tmp_path / "copy.json", {"name": "Copy"}).close()
    copy = Store.open(tmp_path / "copy.json")
    import_file(copy, exported)
    assert copy.records("people") == store.records("people")


def test_computed_fields_are_exported_and_ignored_on_import(
    scored_table: RecordType, store: Store, tmp_path: Path
) -> None:
    store.add("scored", {"title": "One", "score": "4"})
    assert json.loads(export_json(store, ["scored"]))["scored"][0]["double"] == 8
    import_file(store, write(tmp_path / "scored.csv", "key,double,score\nSC1,100,5\n"))
    assert store.records("scored")[0] == {"key": "SC1", "title": "One", "score": 5}


def test_private_tables_are_left_out_unless_asked_for(scored_table: RecordType) -> None:
    chosen, left_out = choose_tables(None, include_private=False)
    assert "scored" not in chosen
    assert "scored" in left_out
    assert all(record_type(table).private for table in left_out)
    assert "scored" in choose_tables(None, include_private=True)[0]
    with pytest.raises(PrivateData, match="--include-private"):
        choose_tables(["scored"], include_private=False)


def test_an_export_holding_private_data_is_written_0600(tmp_path: Path) -> None:
    private, public = tmp_path / "private.json", tmp_path / "public.json"
    write_export(private, "{}\n", private=True)
    write_export(public, "{}\n", private=False)
    assert (private.stat().st_mode & 0o777, public.read_text()) == (0o600, "{}\n")
