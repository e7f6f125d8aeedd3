"""The actions table: its source refers to any record as `table:key`, is typed by key or
name, follows renames, guards deletes and is shown by name."""

from __future__ import annotations

import pytest

from pmtui import views
from pmtui.store import InUse, RecordInvalid, Store
from pmtui.tables import record_type


@pytest.fixture
def with_source(store: Store) -> Store:
    store.add("milestones", {"key": "M1", "title": "Blueprint signed", "due": "2026-12-01"})
    store.add("vendors", {"key": "V1", "name": "Kofax"})
    store.add("actions", {"key": "A1", "text": "Chase sign-off", "source": "milestones:blue"})
    return store


def test_source_is_stored_as_table_key(with_source: Store) -> None:
    assert with_source.require("actions", "A1")["source"] == "milestones:M1"
    with_source.update("actions", "A1", {"source": "vendors:V1"})
    assert with_source.require("actions", "A1")["source"] == "vendors:V1"


def test_a_bad_source_says_why(with_source: Store) -> None:
    with pytest.raises(RecordInvalid) as raised:
        with_source.update("actions", "A1", {"source": "M1"})
    assert "write table:key" in str(raised.value)
    with pytest.raises(RecordInvalid) as raised:
        with_source.update("actions", "A1", {"source": "milestone:M1"})
    assert "no table 'milestone' (did you mean 'milestones'?)" in str(raised.value)
    with pytest.raises(RecordInvalid) as raised:
        with_source.update("actions", "A1", {"source": "vendors:nobody"})
    assert "no vendor 'nobody' in vendors" in str(raised.value)
    assert with_source.require("actions", "A1")["source"] == "milestones:M1"


def test_renaming_the_source_follows_it(with_source: Store) -> None:
    with_source.update("milestones", "M1", {"key": "M9"})
    assert with_source.require("actions", "A1")["source"] == "milestones:M9"
    # A record of another table with the same key is not touched.
    with_source.add("vendors", {"key": "M9x", "name": "Other"})
    with_source.update("vendors", "M9x", {"key": "M1"})
    assert with_source.require("actions", "A1")["source"] == "milestones:M9"


def test_deleting_the_source_is_refused(with_source: Store) -> None:
    with pytest.raises(InUse, match=r"referred to by actions A1 \(source\)"):
        with_source.delete("milestones", "M1")
    with_source.delete("vendors", "V1")  # nothing refers to it
    assert with_source.get("milestones", "M1") is not None


def test_the_source_is_shown_by_name(with_source: Store) -> None:
    rt = record_type("actions")
    names = views.reference_names(with_source, rt)
    value = with_source.require("actions", "A1")["source"]
    assert views.shown_text(rt, rt.field("source"), value, names) == "milestone Blueprint signed"


def test_show_filters_by_the_sources_name(
    with_source: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    from pmtui.cli import main

    with_source.add("actions", {"key": "A2", "text": "Ask for the quote", "source": "vendors:V1"})
    assert main(["show", str(with_source.path), "actions", "source~kofax"]) == 0
    out = capsys.readouterr().out
    assert "Ask for the quote" in out and "Chase sign-off" not in out
    assert main(["show", str(with_source.path), "actions", "source=milestones:blueprint"]) == 0
    out = capsys.readouterr().out
    assert "Chase sign-off" in out and "Ask for the quote" not in out
