"""The schedule service: records in the store -> the dated plan the boards and the CLI show."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pmtui import planning
from pmtui.store import Store

# SAS/OR 14.1 User's Guide: Project Management, "The CPM Procedure", Example 4.6 "Changing
# Duration Units", Output 4.6.1 (INTERVAL=WEEKDAY, DATE='1dec03'd), on the WIDGET network.
# https://support.sas.com/documentation/cdl/en/orpmug/67521/HTML/default/orpmug_cpm_examples06.htm
WIDGET = [
    ("AP", "Approve Plan", 5, ""),
    ("DR", "Drawings", 10, "AP"),
    ("SM", "Study Market", 5, "AP"),
    ("WS", "Write Specs", 5, "AP"),
    ("PR", "Prototype", 15, "DR; WS"),
    ("MS", "Mkt. Strat.", 10, "SM"),
    ("MA", "Materials", 10, "PR"),
    ("FA", "Facility", 10, "PR"),
    ("IP", "Init. Prod.", 10, "MA; FA"),
    ("EV", "Evaluate", 10, "IP"),
    ("TM", "Test Market", 15, "MS; IP"),
    ("CH", "Changes", 5, "EV; TM"),
    ("PD", "Production", 0, "CH"),
    ("MK", "Marketing", 0, "MS; IP"),
]
#: (key, early start, early finish, total float) from Output 4.6.1.
SAS_OUTPUT = [
    ("AP", "2003-12-01", "2003-12-05", 0),
    ("DR", "2003-12-08", "2003-12-19", 0),
    ("SM", "2003-12-08", "2003-12-12", 30),
    ("WS", "2003-12-08", "2003-12-12", 5),
    ("PR", "2003-12-22", "2004-01-09", 0),
    ("MS", "2003-12-15", "2003-12-26", 30),
    ("MA", "2004-01-12", "2004-01-23", 0),
    ("FA", "2004-01-12", "2004-01-23", 0),
    ("IP", "2004-01-26", "2004-02-06", 0),
    ("EV", "2004-02-09", "2004-02-20", 5),
]


@pytest.fixture
def widget(tmp_path: Path) -> Store:
    """The SAS widget project typed into a store: weekdays only, no holidays."""
    store = Store.create(
        tmp_path / "widget.json",
        {"name": "Widget", "start": "2003-12-01"},
        today=date(2003, 12, 1),
    )
    with store.transaction("widget"):
        for key, title, duration, predecessors in WIDGET:
            store.add(
                "tasks",
                {
                    "key": key,
                    "title": title,
                    "duration": str(duration),
                    "predecessors": predecessors,
                },
            )
    return store


def test_the_sas_widget_project_scheduled_from_the_store_matches_output_4_6_1(
    widget: Store,
) -> None:
    """SAS Institute, SAS/OR User's Guide: Project Management, CPM Example 4.6, Output 4.6.1:
    early start, early finish and total float of each task, on a weekday calendar."""
    plan = planning.plan_of(widget, widget.project, widget.today)
    shown = [
        (key, str(task.start), str(task.finish), task.times.total_float)
        for key, *_ in SAS_OUTPUT
        for task in [plan.by_key[key]]
    ]
    assert shown == SAS_OUTPUT


def test_the_sas_widget_project_finishes_on_8_march_2004(widget: Store) -> None:
    """SAS/OR CPM Example 4.6: "the project finishes on March 8, 2004" (the Production
    milestone, offset 70, on the first working day after the last task)."""
    plan = planning.plan_of(widget, widget.project, widget.today)
    assert (plan.duration, plan.by_key["PD"].start) == (70, date(2004, 3, 8))


def test_the_schedule_json_has_the_contract_fields_for_every_task(widget: Store) -> None:
    data = planning.schedule_json(planning.plan_of(widget, widget.project, widget.today))
    fields = {"key", "title", "duration", "es", "ef", "ls", "lf", "total_float", "free_float"}
    fields |= {"critical", "start", "finish"}
    assert (set(data["project"]), {frozenset(t) for t in data["tasks"]}, len(data["tasks"])) == (
        {"start", "finish", "duration"},
        {frozenset(fields)},
        14,
    )


class TestCalendar:
    """Dates follow the project calendar: holidays and weekends are skipped."""

    def test_a_holiday_pushes_the_finish_one_working_day(self, store: Store) -> None:
        # Start Mon 2026-11-02; 5 days end Fri 11-06, but Wed 11-04 is a holiday.
        store.update("project", "project", {"holidays": "2026-11-04"})
        store.add("tasks", {"key": "A", "title": "Five days", "duration": "5"})
        task = planning.plan_of(store, store.project, store.today).by_key["A"]
        assert (task.start, task.finish) == (date(2026, 11, 2), date(2026, 11, 9))

    def test_an_all_days_calendar_works_through_weekends(self, store: Store) -> None:
        store.update("project", "project", {"calendar": "all-days"})
        store.add("tasks", {"key": "A", "title": "Ten days", "duration": "10"})
        task = planning.plan_of(store, store.project, store.today).by_key["A"]
        assert task.finish == date(2026, 11, 11)

    def test_start_no_earlier_than_holds_a_task_to_its_date(self, store: Store) -> None:
        store.add(
            "tasks",
            {"key": "A", "title": "Late", "duration": "2", "start_no_earlier_than": "2026-11-14"},
        )
        task = planning.plan_of(store, store.project, store.today).by_key["A"]
        # Sat 11-14 is no working day: the first one after it is Mon 11-16.
        assert (task.start, task.finish) == (date(2026, 11, 16), date(2026, 11, 17))


class TestOutline:
    """WBS order: parents before children, siblings by `order`, then as added."""

    RECORDS = [
        {"key": "P", "title": "Phase"},
        {"key": "B", "title": "Second", "parent": "P", "order": 2},
        {"key": "A", "title": "First", "parent": "P", "order": 1},
        {"key": "C", "title": "Unordered", "parent": "P"},
        {"key": "Q", "title": "Next phase"},
    ]

    def test_siblings_follow_their_order_then_the_order_they_were_added(self) -> None:
        rows = planning.outline(self.RECORDS)
        assert [(r.key, r.wbs, r.depth) for r in rows] == [
            ("P", "1", 0),
            ("A", "1.1", 1),
            ("B", "1.2", 1),
            ("C", "1.3", 1),
            ("Q", "2", 0),
        ]

    def test_moving_up_numbers_the_siblings(self) -> None:
        changes = planning.outline_changes(self.RECORDS, "C", "up")
        assert changes == {"C": {"order": 2}, "B": {"order": 3}}

    def test_indent_puts_the_task_last_under_the_one_above(self) -> None:
        changes = planning.outline_changes(self.RECORDS, "Q", "indent")
        assert changes["Q"] == {"order": 4, "parent": "P"}

    def test_outdent_puts_the_task_after_its_parent(self) -> None:
        changes = planning.outline_changes(self.RECORDS, "A", "outdent")
        assert (changes["A"], changes["Q"]) == ({"order": 2, "parent": None}, {"order": 3})

    def test_the_first_task_cannot_be_indented(self) -> None:
        with pytest.raises(ValueError, match="no task above P"):
            planning.outline_changes(self.RECORDS, "P", "indent")

    def test_a_top_task_cannot_be_outdented(self) -> None:
        with pytest.raises(ValueError, match="already at the top level"):
            planning.outline_changes(self.RECORDS, "Q", "outdent")


class TestBaselines:
    """Saving a baseline snapshots every task; variance compares with the latest or another."""

    @pytest.fixture
    def planned(self, store: Store) -> Store:
        with store.transaction("plan"):
            store.add("tasks", {"key": "A", "title": "A", "duration": "3", "budget": "100"})
            store.add("tasks", {"key": "B", "title": "B", "duration": "2", "predecessors": "A"})
            store.add("milestones", {"key": "M", "title": "Done", "due": "2026-11-30"})
            store.update("milestones", "M", {"tasks": "B"})
        return store

    def test_a_baseline_holds_every_task_and_sets_the_milestones_baseline_due(
        self, planned: Store
    ) -> None:
        saved = planning.save_baseline(planned, "First")
        rows = planned.records("baseline_tasks")
        assert (saved["date"], [(r["task"], r["finish"]) for r in rows]) == (
            "2026-11-26",
            [("A", "2026-11-04"), ("B", "2026-11-06")],
        )
        assert planned.require("milestones", "M")["baseline_due"] == "2026-11-06"

    def test_a_slip_and_a_budget_change_show_against_the_latest_baseline(
        self, planned: Store
    ) -> None:
        planning.save_baseline(planned, "First", "2026-11-02")
        planned.update("tasks", "A", {"duration": "4", "budget": "150"})
        plan = planning.plan_of(planned, planned.project, planned.today)
        a, b = plan.by_key["A"].variance, plan.by_key["B"].variance
        assert a is not None and b is not None
        assert (a.finish_slip, a.budget_change, b.start_slip, b.finish_slip) == (1, 50, 1, 1)

    def test_an_older_baseline_can_be_compared_by_name(self, planned: Store) -> None:
        planning.save_baseline(planned, "First", "2026-11-02")
        planned.update("tasks", "A", {"duration": "5"})
        planning.save_baseline(planned, "Second", "2026-11-10")
        plan = planning.plan_of(planned, planned.project, planned.today, "first")
        variance = plan.by_key["B"].variance
        assert (plan.baseline or {}).get("name") == "First"
        assert variance is not None and variance.finish_slip == 2

    def test_an_unknown_baseline_is_refused_naming_the_known_ones(self, planned: Store) -> None:
        planning.save_baseline(planned, "First")
        with pytest.raises(KeyError, match=r"BL1 \(First\)"):
            planning.plan_of(planned, planned.project, planned.today, "Zeroth")

    def test_a_task_added_after_the_baseline_is_new(self, planned: Store) -> None:
        planning.save_baseline(planned, "First")
        planned.add("tasks", {"key": "C", "title": "C", "duration": "1"})
        variance = planning.plan_of(planned, planned.project, planned.today).by_key["C"].variance
        assert variance is not None and not variance.in_baseline


def test_the_forecast_of_work_not_started_begins_today(store: Store) -> None:
    """A task planned for 11-02 that has not started is forecast from today (Thu 11-26)."""
    store.add("tasks", {"key": "A", "title": "Late", "duration": "3"})
    plan = planning.plan_of(store, store.project, store.today)
    assert plan.forecast("A") == (date(2026, 11, 26), date(2026, 11, 30))


def test_a_milestone_is_forecast_at_the_latest_finish_of_its_tasks(store: Store) -> None:
    with store.transaction("plan"):
        store.add("tasks", {"key": "A", "title": "A", "duration": "3", "actual_start": "11-02"})
        store.add("tasks", {"key": "B", "title": "B", "duration": "1", "percent_complete": "0"})
        store.add("milestones", {"key": "M", "title": "M", "due": "12-01", "tasks": "A; B"})
    plan = planning.plan_of(store, store.project, store.today)
    # A started on time but is 0 % done: its 3 days run from today, Thu 11-26 to Mon 11-30.
    assert planning.milestone_forecast(plan, store.require("milestones", "M")) == date(2026, 11, 30)
