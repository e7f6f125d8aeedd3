"""The demo's Comms records hold what the issue asks: stakeholders in all four quadrants,
one comms plan entry overdue, needs of each priority and status, and two surveys with the
same questions, so a trend shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmtui import agenda
from pmtui.records.stakeholders import NEED_STATUSES, PRIORITIES
from pmtui.services.comms import grid, survey_results
from pmtui.store import Store
from pmtui.views import rows
from tests.uihelpers import demo_store


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return demo_store(Path(tmp_path_factory.mktemp("demo")))


def test_stakeholders_in_all_four_quadrants(demo: Store) -> None:
    placed = grid(demo)
    assert all(placed[name] for name in placed), placed


def test_one_comms_entry_overdue(demo: Store) -> None:
    late = [i for i in agenda.today_items(demo) if i.table == "comm_plan" and i.group == "overdue"]
    assert [i.title for i in late] == ["Steering committee status report"]


def test_needs_of_each_priority_and_status(demo: Store) -> None:
    needs = rows(demo, "needs")
    assert {n["priority"] for n in needs} == set(PRIORITIES)
    assert {n["status"] for n in needs} == set(NEED_STATUSES)


def test_two_surveys_with_the_same_questions_show_a_trend(demo: Store) -> None:
    first, second = survey_results(demo)
    assert [q.text for q in first.questions] == [q.text for q in second.questions]
    assert all(len(q.trend) == 2 for q in second.questions)


def test_the_steering_committee_names_its_guests(demo: Store) -> None:
    [meeting] = [m for m in demo.records("meetings") if m["title"] == "Steering committee"]
    assert meeting["guests"] == ["S1", "S3"]
