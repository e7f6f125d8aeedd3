"""Today's first frame kept beside its cached answer (pmtui.reports.first_frame): written
from the parsed project by `pmtui today`, read back only for exactly the bytes it was
worked out from, and never a reason for a command to fail."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pmtui import todaycache
from pmtui.cli.today import today_of
from pmtui.reports import first_frame
from pmtui.store import Store
from tests.today_seed import seed


@pytest.fixture
def cached(store: Store) -> Path:
    """The seeded project, its Today cached by `pmtui today PROJECT`."""
    seed(store)
    store.update("project", "project", {"status": "amber"})
    today_of(store.path, None)
    return store.path


def _preview(path: Path) -> first_frame.Preview | None:
    opened = Store.open(path, parse_later=True)
    try:
        return first_frame.preview(opened)
    finally:
        opened.close()


def test_pmtui_today_keeps_the_frame_and_the_app_reads_it_back(cached: Path) -> None:
    shown = _preview(cached)
    assert shown is not None
    assert (shown.name, shown.status, shown.archived) == ("Test project", "amber", False)
    assert shown.today == date(2026, 11, 26)
    assert shown.window == 7
    assert shown.items[0]["key"] == "A1"
    assert shown.glance.pending and shown.glance.rag == "amber"
    assert shown.glance.target == date(2026, 12, 18)
    assert shown.planned == 4  # two tasks, two milestones
    assert shown.able["actions"] == (True, True)
    assert list(shown.detail) == ["actions/A1"]  # the item the cursor starts on


def test_the_frame_is_not_read_for_other_bytes(store: Store, cached: Path) -> None:
    store.update("actions", "A1", {"text": "Chase the Oracle quote"})
    assert _preview(cached) is None


def test_a_damaged_frame_is_no_preview(cached: Path) -> None:
    cache = todaycache.cache_file(cached)
    digest = todaycache.digest_of(cached.read_bytes())
    kept = todaycache.read(cache, digest, None)
    assert kept is not None
    del kept["frame"]["glance"]["finish"]
    todaycache.write(cache, kept, digest, None)
    assert _preview(cached) is None


def test_a_frame_that_cannot_be_worked_out_fails_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(store)

    def broken(*args: object) -> None:
        raise ValueError("no calendar")

    monkeypatch.setattr("pmtui.services.glance.glance_pending", broken)
    answer = today_of(store.path, None)
    assert "Chase SAP quote" in answer["text"]
    assert answer["frame"] is None
    assert _preview(store.path) is None
