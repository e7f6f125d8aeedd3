"""The Control tables on Today: risks by review date, open issues by due date and critical
ones always, assumptions to validate, dependencies by need date, changes awaiting a
decision (for whoever decides); `done` on a change never decides."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pmtui import agenda
from pmtui.agenda import AgendaError
from pmtui.services.changes import move
from pmtui.store import Store


def day(store: Store, offset: int) -> str:
    return (store.today + timedelta(days=offset)).isoformat()


@pytest.fixture
def raid(store: Store) -> Store:
    """One record of each kind due, and one of each that is not."""
    store.add("people", {"key": "ANN", "name": "Ann Lee"})
    store.add("risks", {"key": "R1", "title": "Past review", "probability": "3", "impact": "3",
                        "review_date": day(store, -2)})  # fmt: skip
    store.add("risks", {"key": "R2", "title": "Closed", "probability": "3", "impact": "3",
                        "review_date": day(store, -2), "status": "closed"})  # fmt: skip
    store.add("risks", {"key": "R3", "title": "Far off", "probability": "3", "impact": "3",
                        "review_date": day(store, 60)})  # fmt: skip
    store.add("issues", {"key": "I1", "title": "Due soon", "due": day(store, 2)})
    store.add("issues", {"key": "I2", "title": "Critical, far off", "severity": "critical",
                         "due": day(store, 90)})  # fmt: skip
    store.add("issues", {"key": "I3", "title": "Resolved", "status": "resolved",
                         "resolution": "done", "due": day(store, -1)})  # fmt: skip
    store.add("assumptions", {"key": "ASM1", "statement": "Users free",
                              "validate_by": day(store, 1)})  # fmt: skip
    store.add("assumptions", {"key": "ASM2", "statement": "Checked", "status": "valid",
                              "validate_by": day(store, 1)})  # fmt: skip
    store.add("dependencies", {"key": "DEP1", "what": "Firewall", "needed_by": day(store, -1)})
    store.add("changes", {"key": "CH1", "title": "Awaiting", "cost_impact": "10"})
    store.add("changes", {"key": "CH2", "title": "Only proposed"})
    move(store, "CH1", "under review", by="ANN", fields={"decided_by": "ANN"})
    return store


def listed(store: Store) -> dict[str, str]:
    return {i.key: i.kind for i in agenda.today_items(store) if i.table != "actions"}


def test_each_table_lists_what_needs_the_manager(raid: Store) -> None:
    assert listed(raid) == {
        "R1": "review",
        "I1": "due",
        "I2": "critical",
        "ASM1": "validate",
        "DEP1": "needed",
        "CH1": "decision",
    }


def test_a_change_awaiting_a_decision_is_for_the_decider(raid: Store) -> None:
    [item] = [i for i in agenda.today_items(raid) if i.key == "CH1"]
    assert (item.owner, item.group, item.board) == ("ANN", "today", "control.changes")


def test_done_on_a_change_never_decides(raid: Store) -> None:
    with pytest.raises(AgendaError, match="approving or rejecting a change is a decision"):
        agenda.done(raid, "changes", "CH1")
    assert raid.require("changes", "CH1")["status"] == "under review"


def test_done_on_a_dependency_marks_it_delivered(raid: Store) -> None:
    agenda.done(raid, "dependencies", "DEP1")
    assert raid.require("dependencies", "DEP1")["status"] == "delivered"


def test_a_risk_review_can_be_snoozed(raid: Store) -> None:
    agenda.snooze(raid, "risks", "R1", "+3d")
    assert raid.require("risks", "R1")["review_date"] == day(raid, 3)
