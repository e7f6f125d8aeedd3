"""The Comms tables: a stakeholder's quadrant, the comms plan's next due date and `done`,
needs delivered with their deliverable and awaiting a decision, survey averages and trends,
and the rules that keep scores honest."""

from __future__ import annotations

import pytest

from pmtui import agenda
from pmtui.services.comms import grid, survey_results
from pmtui.store import RecordInvalid, Store
from pmtui.views import row, rows
from tests.conftest import TODAY  # Thursday 2026-11-26


def _add_stakeholder(store: Store, name: str, power: int, interest: int) -> str:
    added = store.add(
        "stakeholders", {"name": name, "power": str(power), "interest": str(interest)}
    )
    return str(added["key"])


class TestStakeholders:
    """Each stakeholder lands in its quadrant of the power/interest grid."""

    def test_quadrant_is_computed(self, store: Store) -> None:
        key = _add_stakeholder(store, "Works council", 4, 4)
        assert row(store, "stakeholders", key)["quadrant"] == "manage closely"  # type: ignore[index]

    def test_grid_sorts_names_into_quadrants(self, store: Store) -> None:
        _add_stakeholder(store, "CFO", 5, 5)
        _add_stakeholder(store, "CIO", 5, 1)
        _add_stakeholder(store, "Key users", 2, 5)
        _add_stakeholder(store, "Bank", 1, 2)
        placed = {name: [p.name for p in found] for name, found in grid(store).items()}
        assert placed == {
            "manage closely": ["CFO"],
            "keep satisfied": ["CIO"],
            "keep informed": ["Key users"],
            "monitor": ["Bank"],
        }

    def test_power_outside_one_to_five_is_refused(self, store: Store) -> None:
        with pytest.raises(RecordInvalid) as raised:
            store.add("stakeholders", {"name": "X", "power": "6", "interest": "1"})
        assert "power" in raised.value.errors
        assert store.records("stakeholders") == []


class TestCommsPlan:
    """Next due follows the frequency from the last time; done moves it on."""

    def test_an_entry_names_its_audience(self, store: Store) -> None:
        with pytest.raises(RecordInvalid) as raised:
            store.add("comm_plan", {"information": "Status", "frequency": "weekly"})
        assert "audience" in raised.value.errors

    def test_next_due_from_last_done(self, store: Store) -> None:
        store.add("comm_plan", {"information": "Status e-mail", "group": "Team",
                                "frequency": "weekly", "last_done": "2026-11-20"})  # fmt: skip
        assert row(store, "comm_plan", "CP1")["next_due"] == "2026-11-27"  # type: ignore[index]

    def test_an_overdue_entry_is_on_today_and_done_moves_it(self, store: Store) -> None:
        assert TODAY == "2026-11-26"
        store.add("comm_plan", {"information": "Status e-mail", "group": "Team",
                                "frequency": "weekly", "last_done": "2026-11-09"})  # fmt: skip
        items = [i for i in agenda.today_items(store) if i.table == "comm_plan"]
        assert [(i.key, i.group, i.days_overdue, i.kind) for i in items] == [
            ("CP1", "overdue", 10, "send")
        ]
        agenda.done(store, "comm_plan", "CP1")
        assert store.require("comm_plan", "CP1")["last_done"] == TODAY
        assert row(store, "comm_plan", "CP1")["next_due"] == "2026-12-03"  # type: ignore[index]
        items = [i for i in agenda.today_items(store) if i.table == "comm_plan"]
        assert [(i.group, i.due) for i in items] == [("upcoming", "2026-12-03")]
        with pytest.raises(agenda.AgendaError, match="done already"):
            agenda.done(store, "comm_plan", "CP1")


class TestNeeds:
    """Delivered with its accepted deliverable; a new need waits a week for a decision."""

    @pytest.fixture
    def deliverable(self, store: Store) -> str:
        store.add("milestones", {"key": "M1", "title": "Go-live", "due": "2027-03-01"})
        added = store.add("deliverables", {"title": "Bank interface", "milestone": "M1"})
        return str(added["key"])

    def test_delivered_when_its_deliverable_is_accepted(
        self, store: Store, deliverable: str
    ) -> None:
        store.add("needs", {"statement": "Bank files automatic", "status": "planned",
                            "deliverable": deliverable})  # fmt: skip
        assert row(store, "needs", "ND1")["status"] == "planned"  # type: ignore[index]
        store.update("deliverables", deliverable, {"status": "accepted"})
        assert row(store, "needs", "ND1")["status"] == "delivered"  # type: ignore[index]

    def test_marking_delivered_before_the_deliverable_is_refused(
        self, store: Store, deliverable: str
    ) -> None:
        store.add("needs", {"statement": "Bank files", "deliverable": deliverable})
        with pytest.raises(RecordInvalid, match="once deliverable Bank interface is accepted"):
            store.update("needs", "ND1", {"status": "delivered"})
        assert store.require("needs", "ND1")["status"] == "new"

    def test_a_need_new_for_more_than_a_week_awaits_a_decision(self, store: Store) -> None:
        store.add("needs", {"statement": "Scanners", "raised_on": "2026-11-16"})  # 10 days
        store.add("needs", {"statement": "Videos", "raised_on": "2026-11-19"})  # 7 days
        store.add("needs", {"statement": "Old", "raised_on": "2026-11-01",
                            "status": "accepted"})  # fmt: skip
        items = [i for i in agenda.today_items(store) if i.table == "needs"]
        assert [(i.key, i.title, i.days_overdue) for i in items] == [("ND1", "decide: Scanners", 3)]


@pytest.fixture
def surveys(store: Store) -> Store:
    """Two pulses asking the same question; the second also asks a new one."""
    _add_stakeholder(store, "Anna Schulz", 2, 5)
    _add_stakeholder(store, "Piotr Nowak", 1, 4)
    store.add("surveys", {"title": "Pulse 2", "sent_on": "2026-11-20"})
    store.add("surveys", {"title": "Pulse 1", "sent_on": "2026-09-01"})
    store.add("survey_questions", {"survey": "SV2", "text": "I know what changes"})
    store.add("survey_questions", {"survey": "SV1", "text": "I know  what changes"})
    store.add("survey_questions", {"survey": "SV1", "text": "Training was useful"})
    store.add("survey_responses", {"question": "SQ1", "score": "2.5", "count": "10"})
    store.add("survey_responses", {"question": "SQ2", "respondent": "S1", "score": "4"})
    store.add("survey_responses", {"question": "SQ2", "respondent": "S2", "score": "3"})
    return store


class TestSurveys:
    """Averages per question; the same text across surveys makes the trend."""

    def test_averages_and_trend_in_order_sent(self, surveys: Store) -> None:
        results = survey_results(surveys)
        assert [r.title for r in results] == ["Pulse 1", "Pulse 2"]
        latest = results[1].questions
        assert [(q.text, q.average, q.trend) for q in latest] == [
            ("I know  what changes", 3.5, (2.5, 3.5)),
            ("Training was useful", None, ()),
        ]
        assert results[1].respondents == 2
        first = [(q.text, q.average, q.answers) for q in results[0].questions]
        assert first == [("I know what changes", 2.5, 10)]

    def test_a_score_beyond_the_scale_is_refused(self, surveys: Store) -> None:
        with pytest.raises(RecordInvalid, match="scale 1-5"):
            surveys.add("survey_responses", {"question": "SQ3", "score": "7"})

    def test_a_respondent_scores_a_question_once(self, surveys: Store) -> None:
        with pytest.raises(RecordInvalid, match="Anna Schulz scored “I know  what changes”"):
            surveys.add("survey_responses", {"question": "SQ2", "respondent": "Anna",
                                             "score": "5"})  # fmt: skip
        assert len(rows(surveys, "survey_responses")) == 3


def test_a_survey_closing_is_on_today_until_it_closes(store: Store) -> None:
    store.add("surveys", {"title": "Pulse", "sent_on": "2026-11-20", "closes_on": "2026-11-29"})
    store.add("surveys", {"title": "Old", "sent_on": "2026-11-01", "closes_on": "2026-11-20"})
    items = [(i.key, i.kind, i.group) for i in agenda.today_items(store) if i.table == "surveys"]
    assert items == [("SV1", "closing", "upcoming")]
    with pytest.raises(agenda.AgendaError, match="nothing to mark done"):
        agenda.done(store, "surveys", "SV1")
