"""Today's content from the agenda declarations (pmtui.agenda): order, groups, privacy,
a throwaway table, done and snooze as one undo step each."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from pmtui import agenda, tables
from pmtui.store import RecordInvalid, Store
from pmtui.tables import record_type
from tests.environment import TODAY  # Thursday 2026-11-26
from tests.today_seed import seed


def _day(offset: int) -> str:
    return date.fromordinal(TODAY.toordinal() + offset).isoformat()


@pytest.fixture
def seeded(store: Store) -> Store:
    """One record of every declared agenda, dated around today (tests.today_seed)."""
    return seed(store)


def test_items_and_order_on_a_seeded_project(seeded: Store) -> None:
    items = agenda.today_items(seeded)
    got = [(i.group, i.table, i.key, i.kind, i.days_overdue) for i in items]
    assert got == [
        ("overdue", "actions", "A1", "action", 5),
        ("overdue", "milestones", "M1", "due", 3),
        ("overdue", "resource_requests", "RR1", "request", 2),
        ("overdue", "deliverables", "D1", "decision", 1),
        ("today", "actions", "A3", "action", 0),
        ("today", "tasks", "T1", "behind plan", 0),
        ("today", "notes", "N1", "follow-up", 0),
        ("upcoming", "candidates", "CA1", "next step", -1),
        ("upcoming", "leave", "LV1", "leave", -2),
        ("upcoming", "actions", "A2", "action", -3),
        ("upcoming", "open_roles", "OR1", "role needed", -5),
        ("upcoming", "vendors", "V1", "notice", -45),
    ]
    first = items[0]
    assert (first.title, first.owner, first.owner_name, first.due, first.board) == (
        "Chase SAP quote",
        "P1",
        "Chen Wei",
        _day(-5),
        record_type("actions").board,
    )
    leave = next(i for i in items if i.table == "leave")
    assert leave.title == f"Chen Wei away {_day(2)} to {_day(4)}"


def test_critical_tasks_finishing_in_the_window(seeded: Store) -> None:
    seeded.update("tasks", "T1", {"duration": 20})  # finishes 2026-11-27, tomorrow
    found = [i for i in agenda.today_items(seeded) if i.table == "tasks"]
    assert [(i.group, i.kind, i.due) for i in found] == [("upcoming", "finishing", _day(1))]
    agenda.done(seeded, "tasks", "T1")
    assert seeded.require("tasks", "T1")["status"] == "done"
    assert seeded.require("tasks", "T1")["actual_finish"] == TODAY.isoformat()
    assert [i for i in agenda.today_items(seeded) if i.table == "tasks"] == []


def test_days_widens_the_window_and_an_own_ahead_stays(seeded: Store) -> None:
    keys = [i.key for i in agenda.today_items(seeded, days=1)]
    assert "A2" not in keys and "V1" in keys  # the notice's own 60 days
    assert "A2" in [i.key for i in agenda.today_items(seeded, days=3)]


def test_private_follow_ups_never_show_their_text(seeded: Store) -> None:
    items = agenda.today_items(seeded)
    note = next(i for i in items if i.table == "notes")
    assert note.title == "follow up with Elena Rossi"
    shown = json.dumps(agenda.today_json(seeded)) + repr(items) + repr(agenda.coming(seeded))
    assert "SECRET" not in shown and "migration" not in shown and "concern" not in shown


def test_json_shape(seeded: Store) -> None:
    data = agenda.today_json(seeded)
    assert data["as_of"] == TODAY.isoformat()
    assert data["items"][0] == {
        "group": "overdue",
        "table": "actions",
        "key": "A1",
        "kind": "action",
        "title": "Chase SAP quote",
        "owner": "P1",
        "due": _day(-5),
        "days_overdue": 5,
        "board": record_type("actions").board,
    }


def test_done_closes_an_action_in_one_undo_step(seeded: Store) -> None:
    agenda.done(seeded, "actions", "A1")
    assert seeded.get("actions", "A1") == {
        "key": "A1",
        "text": "Chase SAP quote",
        "owner": "P1",
        "due": _day(-5),
        "status": "done",
        "done_on": TODAY.isoformat(),
    }
    assert "A1" not in [i.key for i in agenda.today_items(seeded)]
    seeded.undo()
    assert seeded.require("actions", "A1")["status"] == "open"
    assert "done_on" not in seeded.require("actions", "A1")


def test_done_never_decides(seeded: Store) -> None:
    with pytest.raises(agenda.AgendaError, match="decision: open it on its board"):
        agenda.done(seeded, "deliverables", "D1")
    assert seeded.require("deliverables", "D1")["status"] == "submitted"
    with pytest.raises(agenda.AgendaError, match="done already"):
        agenda.done(seeded, "actions", "A4")


def test_snooze_moves_the_date_by_a_typed_word(seeded: Store) -> None:
    agenda.snooze(seeded, "actions", "A1", "+3d")
    assert seeded.require("actions", "A1")["due"] == _day(3)
    agenda.snooze(seeded, "notes", "N1", "fri")  # 2026-11-26 is a Thursday
    assert seeded.require("notes", "N1")["follow_up"] == _day(1)
    with pytest.raises(agenda.AgendaError, match="before today"):
        agenda.snooze(seeded, "actions", "A1", "yesterday")
    with pytest.raises(RecordInvalid):
        agenda.snooze(seeded, "actions", "A1", "someday")
    with pytest.raises(agenda.AgendaError, match="cannot be snoozed"):
        agenda.snooze(seeded, "milestones", "M1", "fri")
    seeded.undo()
    assert seeded.require("notes", "N1")["follow_up"] == _day(0)


def test_find_takes_a_unique_key_or_table_slash_key(seeded: Store) -> None:
    assert agenda.find(seeded, "A1") == ("actions", "A1")
    seeded.add("candidates", {"key": "A1", "name": "Same key"})
    with pytest.raises(agenda.AgendaError, match="actions/A1, candidates/A1"):
        agenda.find(seeded, "A1")
    assert agenda.find(seeded, "candidates/A1") == ("candidates", "A1")
    with pytest.raises(agenda.AgendaError, match="no record with key 'ZZ'"):
        agenda.find(seeded, "ZZ")


def test_a_quiet_day_shows_what_comes_next(store: Store) -> None:
    store.add("actions", {"key": "A1", "text": "Far away", "due": _day(20)})
    store.add("actions", {"key": "A2", "text": "Further", "due": _day(30)})
    assert agenda.today_items(store) == []
    assert [i.key for i in agenda.coming(store)] == ["A1", "A2"]


@pytest.fixture
def chores_area(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from pmtui import areas
    from tests import agenda_area

    original = areas.AREAS
    monkeypatch.setattr(
        areas, "AREAS", tuple(agenda_area.AREA if a.name == "control" else a for a in original)
    )
    tables.reload()
    yield
    monkeypatch.setattr(areas, "AREAS", original)
    tables.reload()


@pytest.mark.usefixtures("chores_area")
def test_a_table_appears_on_today_by_declaring_its_agenda(store: Store) -> None:
    store.add("people", {"key": "P1", "name": "Chen Wei"})
    chore = {"key": "CH1", "title": "Rotate keys", "owner": "chen", "next_on": _day(20)}
    store.add("chores", chore)
    store.add("chores", {"key": "CH2", "title": "Old chore", "next_on": _day(1), "retired": True})
    items = agenda.today_items(store)
    assert [(i.table, i.key, i.kind, i.title, i.group, i.board) for i in items] == [
        ("chores", "CH1", "chore", "Rotate keys for Chen Wei", "upcoming", "control.chores")
    ]
    agenda.snooze(store, "chores", "CH1", "+40d")
    assert agenda.today_items(store) == []
    agenda.done(store, "chores", "CH1")
    assert store.require("chores", "CH1")["retired"] is True


@pytest.mark.parametrize("day", ["2026-12-07", "2027-01-02", "2027-06-30"])
def test_the_demo_has_something_in_every_group_on_any_day(tmp_path: Path, day: str) -> None:
    from pmtui.demo import build_demo, demo_project

    today = date.fromisoformat(day)
    path = tmp_path / "demo.json"
    Store.create(path, demo_project(today), today=today).close()
    store = Store.open(path, today=today)
    try:
        build_demo(store)
        items = agenda.today_items(store)
        kinds = {group: {i.table for i in items if i.group == group} for group in agenda.GROUPS}
        assert all(len(tables) >= 2 for tables in kinds.values()), kinds
        sources = {
            str(store.require("actions", i.key).get("source")).partition(":")[0]
            for i in items
            if i.table == "actions"
        }
        assert len(sources) >= 4, sources
    finally:
        store.close()


def test_refresh_works_out_only_the_changed_table(
    seeded: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = agenda.today_items(seeded)
    agenda.done(seeded, "actions", "A1")
    agenda.snooze(seeded, "actions", "A2", "+1d")
    import pmtui.agenda as module

    def no_plan(*args: object, **kwargs: object) -> object:
        raise AssertionError("the other tables' computed fields were worked out again")

    real = module.computed
    monkeypatch.setattr(module, "computed", no_plan)  # actions have none: never called
    refreshed = agenda.refresh(seeded, before, ["actions"])
    monkeypatch.setattr(module, "computed", real)
    assert refreshed == agenda.today_items(seeded)
    assert [i.key for i in refreshed if i.table == "actions"] == ["A3", "A2"]
