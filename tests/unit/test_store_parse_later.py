"""Store.open(parse_later=True): the file is read and held under the lock at once, parsed
later from exactly the bytes read (the app draws Today's first frame from the cache keyed
by their hash meanwhile); every promise of an ordinary open still holds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pmtui.store import ProjectError, Store, migrations
from pmtui.store.files import ProjectFiles
from tests.unit.test_store import DAY, make


@pytest.fixture
def project(tmp_path: Path) -> Path:
    make(tmp_path / "demo.json").close()
    return tmp_path / "demo.json"


class TestParsedLater:
    """Nothing is parsed until something reads the project, then exactly the bytes read."""

    def test_the_bytes_are_read_and_held_but_not_parsed(self, project: Path) -> None:
        store = Store.open(project, today=DAY, parse_later=True)
        try:
            assert not store.loaded
            assert store.unparsed_content == project.read_bytes()
            assert store.held_content() == project.read_bytes()
            assert not store.changed_on_disk()
        finally:
            store.close()

    def test_the_first_read_parses_it_and_finds_what_an_ordinary_open_finds(
        self, project: Path
    ) -> None:
        store = Store.open(project, today=DAY, parse_later=True)
        ordinary = Store.open(project, today=DAY)
        try:
            assert store.get("people", "P2") == ordinary.get("people", "P2")
            assert store.loaded and store.unparsed_content is None
            assert [p["name"] for p in store.records("people")] == [
                "Person 1",
                "Person 2",
                "Person 3",
            ]
        finally:
            store.close()
            ordinary.close()

    def test_load_held_parses_the_bytes_read_not_the_file_saved_since(self, project: Path) -> None:
        store = Store.open(project, today=DAY, parse_later=True)
        other = Store.open(project, today=DAY, user="other")
        other.update("people", "P1", {"name": "Renamed elsewhere"})
        other.close()
        try:
            store.load_held()
            assert store.require("people", "P1")["name"] == "Person 1"  # what was read
            assert store.changed_on_disk()  # ... and the store knows the file moved on
            assert store.refresh()
            assert store.require("people", "P1")["name"] == "Renamed elsewhere"
        finally:
            store.close()

    def test_an_edit_after_another_session_saved_keeps_both_changes(self, project: Path) -> None:
        store = Store.open(project, today=DAY, parse_later=True)
        other = Store.open(project, today=DAY, user="other")
        other.update("people", "P1", {"name": "Renamed elsewhere"})
        other.close()
        try:
            store.update("people", "P2", {"role": "lead"})  # parses, then saves
        finally:
            store.close()
        people = json.loads(project.read_bytes())["people"]
        by_key = {p["key"]: p for p in people.values()}
        assert by_key["P1"]["name"] == "Renamed elsewhere"
        assert by_key["P2"]["role"] == "lead"


class TestHoldsWhatWasRead:
    """Whether memory is still the bytes read (what a cache looked up by them stays true of)."""

    def test_until_a_change_lands(self, project: Path) -> None:
        store = Store.open(project, today=DAY, parse_later=True)
        try:
            assert store.holds_what_was_read()
            store.load_held()
            assert store.holds_what_was_read()
            store.update("people", "P1", {"name": "Renamed"})
            assert not store.holds_what_was_read()
        finally:
            store.close()

    def test_not_after_a_reload(self, project: Path) -> None:
        store = Store.open(project, today=DAY, parse_later=True)
        other = Store.open(project, today=DAY, user="other")
        other.update("people", "P1", {"name": "Renamed elsewhere"})
        other.close()
        try:
            assert store.refresh()
            assert not store.holds_what_was_read()
        finally:
            store.close()

    def test_never_for_an_ordinary_open(self, project: Path) -> None:
        store = Store.open(project, today=DAY)
        try:
            assert not store.holds_what_was_read()
        finally:
            store.close()


class TestRefusals:
    """A file parsed later is refused as an ordinary open refuses it, and never changed."""

    def test_a_damaged_file_is_refused_when_parsed_and_left_as_it_was(self, project: Path) -> None:
        damaged = project.read_bytes().replace(b'"people"', b'"people" 1', 1)
        project.write_bytes(damaged)
        store = Store.open(project, today=DAY, parse_later=True)
        try:
            with pytest.raises(ProjectError, match="is not valid JSON at line"):
                store.load_held()
            with pytest.raises(ProjectError, match="is not valid JSON at line"):
                store.records("people")  # still refused: nothing half-read is used
        finally:
            store.close()
        assert project.read_bytes() == damaged

    def test_a_file_that_is_no_project_is_refused_at_open(self, tmp_path: Path) -> None:
        other = tmp_path / "hosts.json"
        other.write_text('{"hosts": ["localhost"]}')
        with pytest.raises(ProjectError, match="is not a pmtui project"):
            Store.open(other, today=DAY, parse_later=True)
        assert not ProjectFiles.for_path(other).lock.exists()

    def test_a_missing_file_is_refused_at_open(self, tmp_path: Path) -> None:
        with pytest.raises(ProjectError, match="no project at"):
            Store.open(tmp_path / "gone.json", today=DAY, parse_later=True)


class TestOlderFiles:
    def test_an_older_file_parsed_later_is_backed_up_then_migrated(
        self, project: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        original = project.read_bytes()

        def shout(data: dict[str, Any]) -> dict[str, Any]:
            for person in data["people"].values():
                person["role"] = person["role"].upper()
            return data

        now = migrations.SCHEMA_VERSION
        monkeypatch.setattr(migrations, "SCHEMA_VERSION", now + 1)
        monkeypatch.setattr(migrations, "MIGRATIONS", {now: shout})
        store = Store.open(project, today=DAY, parse_later=True)
        try:
            assert project.read_bytes() == original  # nothing written before the parse
            store.load_held()
            assert store.require("people", "P1")["role"] == "DEV"
        finally:
            store.close()
        backup = ProjectFiles.for_path(project).backups / f"demo.schema-v{now}.json"
        assert backup.read_bytes() == original
        data = json.loads(project.read_bytes())
        assert data["_meta"]["1"]["schema_version"] == now + 1

    def test_a_migration_that_fails_refuses_every_read_after_it(
        self, project: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        original = project.read_bytes()

        def broken(data: dict[str, Any]) -> dict[str, Any]:
            raise KeyError("tasks")

        now = migrations.SCHEMA_VERSION
        monkeypatch.setattr(migrations, "SCHEMA_VERSION", now + 1)
        monkeypatch.setattr(migrations, "MIGRATIONS", {now: broken})
        store = Store.open(project, today=DAY, parse_later=True)
        try:
            with pytest.raises(ProjectError, match="cannot be upgraded"):
                store.load_held()
            with pytest.raises(ProjectError, match="cannot be upgraded"):
                store.records("people")  # not an empty project: refused again
        finally:
            store.close()
        assert project.read_bytes() == original
