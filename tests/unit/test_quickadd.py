"""Quick add: one typed line to an action (text, @owner, trailing date word)."""

from __future__ import annotations

from datetime import date

import pytest

from pmtui import agenda
from pmtui.domain.quickadd import QuickAdd, QuickAddError, parse_quick_add
from pmtui.store import RecordInvalid, Store

THURSDAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Chase SAP licence quote @chen fri",
            QuickAdd("Chase SAP licence quote", "chen", date(2026, 11, 27)),
        ),
        ("Review blueprint next week", QuickAdd("Review blueprint", None, date(2026, 11, 30))),
        ("Call vendor in 3 days @ana", QuickAdd("Call vendor", "ana", date(2026, 11, 29))),
        ("@priya Send minutes +3d", QuickAdd("Send minutes", "priya", date(2026, 11, 29))),
        ("Review next fri", QuickAdd("Review", None, date(2026, 12, 4))),
        ("Meet on 2026-12-11", QuickAdd("Meet", None, date(2026, 12, 11))),
        ("Report by eow", QuickAdd("Report", None, date(2026, 11, 27))),
        ("Order 2", QuickAdd("Order 2", None, None)),
        ("Update the plan", QuickAdd("Update the plan", None, None)),
        ("fri", QuickAdd("fri", None, None)),  # a date alone is the text
    ],
)
def test_a_line_splits_into_text_owner_and_date(line: str, expected: QuickAdd) -> None:
    assert parse_quick_add(line, THURSDAY) == expected


def test_two_owners_or_no_text_are_refused() -> None:
    with pytest.raises(QuickAddError, match="one owner per item: the line names @a, @b"):
        parse_quick_add("Do it @a @b", THURSDAY)
    with pytest.raises(QuickAddError, match="say what is to be done"):
        parse_quick_add("@chen", THURSDAY)


def test_quick_add_makes_an_action(store: Store) -> None:
    store.add("people", {"key": "P1", "name": "Chen Wei"})
    store.add("people", {"key": "P2", "name": "Ana Costa"})
    store.add("people", {"key": "P3", "name": "Anaïs Roy"})
    record = agenda.quick_add(store, "actions", "Chase SAP licence quote @wei fri")
    assert store.require("actions", record["key"]) == {
        "key": "A1",
        "text": "Chase SAP licence quote",
        "owner": "P1",
        "due": "2026-11-27",
        "status": "open",
    }
    with pytest.raises(RecordInvalid, match="matches 2 people: Ana Costa"):
        agenda.quick_add(store, "actions", "Call @ana tomorrow")
    assert [r["key"] for r in store.records("actions")] == ["A1"]
    store.undo()
    assert store.records("actions") == []
