"""Plan files written by other tools, and pmtui's MSPDI export read back by pmtui.

The MSPDI fixtures in tests/fixtures/interop were written by MPXJ (see NOTE.md there).
Each test counts what a file holds from its XML, independently of pmtui's reader, and
asserts that the import brings in exactly that, with the start dates the file states.
"""

from __future__ import annotations

import tempfile
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pmtui.demo import build_demo, demo_project
from pmtui.planning.plan import build_plan
from pmtui.store import RecordInvalid, Store
from pmtui.transfer.interop import import_plan
from pmtui.transfer.mspdi import write_mspdi
from pmtui.transfer.plans import PlanImport
from pmtui.transfer.reading import ImportProblem
from pmtui.transfer.xmlsafe import parse_xml
from tests.environment import TODAY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "interop"
NS = {"p": "http://schemas.microsoft.com/project"}


def new_project(folder: Path, name: str = "plan.json") -> Store:
    return Store.create(folder / name, {"name": "Imported", "start": "2026-11-02"})


def file_holds(path: Path) -> dict[str, Any]:
    """What an MSPDI file holds, read with plain ElementTree."""
    root = ET.parse(path).getroot()
    tasks = [
        t
        for t in root.findall("p:Tasks/p:Task", NS)
        if t.findtext("p:UID", "", NS) != "0" and t.findtext("p:OutlineLevel", "1", NS) != "0"
    ]
    people = {
        r.findtext("p:UID", "", NS)
        for r in root.findall("p:Resources/p:Resource", NS)
        if r.findtext("p:Name", "", NS) and r.findtext("p:Type", "1", NS) == "1"
    }
    assignments = [
        a
        for a in root.findall("p:Assignments/p:Assignment", NS)
        if a.findtext("p:ResourceUID", "", NS) in people
    ]
    return {
        "tasks": len(tasks),
        "links": sum(len(t.findall("p:PredecessorLink", NS)) for t in tasks),
        "people": len(people),
        "assignments": len(assignments),
        "starts": {
            t.findtext("p:Name", "", NS).strip(): t.findtext("p:Start", "", NS)[:10] for t in tasks
        },
        "moments": {
            t.findtext("p:Name", "", NS).strip(): (
                t.findtext("p:Start", "", NS)[:10],
                t.findtext("p:Start", "", NS)[11:16],
            )
            for t in tasks
        },
        "holidays": {
            e.findtext("p:TimePeriod/p:FromDate", "", NS)[:10]
            for e in root.iter(f"{{{NS['p']}}}Exception")
            if e.findtext("p:DayWorking", "0", NS) == "0"
        },
    }


def scheduled(store: Store) -> dict[str, Any]:
    project = store.records("project")[0]
    plan = build_plan(store.records("tasks"), project, store.today)
    return {
        "tasks": len(plan.tasks),
        "links": sum(len(t.links) for t in plan.tasks),
        "people": len(store.records("people")),
        "assignments": len(store.records("assignments")),
        "starts": {t.title: t.start.isoformat() for t in plan.tasks},
    }


@pytest.mark.parametrize(
    ("name", "counts"),
    [
        # MPXJ wrote only 3 of the .gan's 17 links (see NOTE.md); 2 "unassigned" rows left out
        ("house-building.mspdi.xml", (20, 3, 7, 30)),
        ("demo-via-mpxj.mspdi.xml", (35, 45, 12, 58)),
        # a material resource is not a person; its assignment is left out
        ("edge-cases.mspdi.xml", (6, 4, 1, 2)),
        ("rollout.mspdi.xml", (5, 3, 2, 4)),
    ],
)
def test_each_mpxj_file_imports_with_the_tasks_links_and_dates_it_holds(
    tmp_path: Path, name: str, counts: tuple[int, int, int, int]
) -> None:
    holds = file_holds(FIXTURES / name)
    assert (holds["tasks"], holds["links"], holds["people"]) == counts[:3]
    store = new_project(tmp_path)
    result = import_plan(store, FIXTURES / name)
    got = scheduled(store)
    wanted = {k: v for k, v in holds.items() if k not in ("moments", "holidays")}
    assert got == {**wanted, "assignments": counts[3], "starts": expected_starts(holds)}
    assert result.moved == []
    store.close()


def expected_starts(holds: dict[str, Any]) -> dict[str, str]:
    """The file's start dates in pmtui's terms: a start at 17:00, the end of a working day
    (where MS Project puts a milestone after its predecessor), is the same instant as the
    start of the next working day, the date pmtui shows."""
    starts = {}
    for title, (day, time) in holds["moments"].items():
        when = date.fromisoformat(day)
        if time >= "17:00" and when.weekday() < 5:
            when = date.fromordinal(when.toordinal() + 1)
            while when.weekday() >= 5 or when.isoformat() in holds["holidays"]:
                when = date.fromordinal(when.toordinal() + 1)
        starts[title] = when.isoformat()
    return starts


def test_the_house_building_conversion_keeps_rates_roles_and_the_holiday(tmp_path: Path) -> None:
    store = new_project(tmp_path)
    result = import_plan(store, FIXTURES / "house-building.mspdi.xml")
    people = {p["name"]: p for p in store.records("people")}
    assert (people["Michelangelo"]["rate"], people["Michelangelo"]["role"]) == (125, "Architect")
    assert store.records("project")[0]["holidays"] == ["2006-02-14"]
    # MPXJ dropped this task's link, so an earliest start holds the date the file states
    # (later than the constraint of 2022-02-24 the file also gives it)
    tasks = {t["title"]: t for t in store.records("tasks")}
    assert tasks["Prepare construction documents"]["start_no_earlier_than"] == "2024-06-10"
    # the milestone keeps the file's own earliest start: its date needs no more
    assert tasks["GanttProject 3.3"]["start_no_earlier_than"] == "2018-02-06"
    assert result.kind == "MS Project XML"
    store.close()


def test_the_edge_cases_file_brings_link_types_lags_and_says_what_it_skipped(
    tmp_path: Path,
) -> None:
    store = new_project(tmp_path)
    result = import_plan(store, FIXTURES / "edge-cases.mspdi.xml")
    tasks = {t["title"]: t for t in store.records("tasks")}
    key = {title: t["key"] for title, t in tasks.items()}
    assert [tasks[n].get("predecessors") for n in ("Build", "Test", "Docs", "Go-live")] == [
        [f"{key['Design']} SS+2"],
        [key["Build"]],
        [f"{key['Build']} FF-3"],
        [f"{key['Test']} SF+1.5"],
    ]
    assert tasks["Test"]["duration"] == 4.5
    assert store.records("project")[0]["holidays"] == ["2027-02-15", "2027-02-16", "2027-02-17"]
    assert result.skipped == {
        "project": ["Calendar UID 1: working time on 2027-03-06 (only days off are kept)"],
        "people": ['Resource UID 2 ("Cement"): a material resource, not a person'],
        "assignments": [
            "Assignment UID 1: 150% taken as 100%",
            "Assignment UID 3: resource 2 is not imported",
        ],
    }
    store.close()


# ---------------------------------------------------------------- round trips


def plan_of(store: Store) -> dict[str, Any]:
    """Everything a round trip must keep, with tasks named by title (keys may differ)."""
    project = store.records("project")[0]
    plan = build_plan(store.records("tasks"), project, store.today)
    title = {t.key: t.title for t in plan.tasks}
    return {
        "start": plan.start,
        "finish": plan.finish,
        "weekends": project.get("weekends"),
        "holidays": project.get("holidays") or [],
        "tasks": [
            (
                t.title,
                title.get(str(t.record.get("parent") or "")),
                t.duration,
                t.start,
                t.finish,
                sorted((title[link.predecessor], link.type, link.lag) for link in t.links),
            )
            for t in plan.tasks
        ],
    }


def people_of(store: Store) -> list[tuple[object, ...]]:
    return sorted((p["name"], p.get("role"), p.get("rate")) for p in store.records("people"))


def round_trip(store: Store, folder: Path) -> Store:
    out = folder / "plan.xml"
    out.write_text(write_mspdi(store), encoding="utf-8")
    again = new_project(folder, "again.json")
    import_plan(again, out)
    return again


def test_the_demo_round_trips_through_mspdi(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "demo.json", demo_project(TODAY))
    build_demo(store)
    again = round_trip(store, tmp_path)
    assert plan_of(again) == plan_of(store)
    assert people_of(again) == people_of(store)
    on_tasks = [a for a in store.records("assignments") if a.get("task")]
    assert len(again.records("assignments")) == len(on_tasks)
    store.close()
    again.close()


@st.composite
def plans(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Small random plans: an outline, durations (half days too), links of every type with
    lags, and now and then an earliest start."""
    count = draw(st.integers(1, 7))
    tasks: list[dict[str, Any]] = []
    for i in range(count):
        parent = draw(st.one_of(st.none(), st.integers(0, i - 1))) if i else None
        links = draw(
            st.lists(
                st.tuples(
                    st.integers(0, max(0, i - 1)),
                    st.sampled_from(["FS", "SS", "FF", "SF"]),
                    st.sampled_from([0, 0.5, 1, 2, -1]),
                ),
                max_size=2 if i else 0,
                unique_by=lambda link: link[0],
            )
        )
        snet = draw(st.one_of(st.none(), st.integers(0, 20)))
        tasks.append(
            {
                "key": f"K{i}",
                "title": f"Task {i}",
                "parent": f"K{parent}" if parent is not None else None,
                "duration": draw(st.sampled_from([0, 0.5, 1, 2, 3.5, 5])),
                "predecessors": [
                    f"K{p} {kind}{'+' if lag >= 0 else '-'}{abs(lag)}" for p, kind, lag in links
                ],
                "start_no_earlier_than": (
                    date.fromordinal(date(2026, 11, 2).toordinal() + snet).isoformat()
                    if snet is not None
                    else None
                ),
            }
        )
    return tasks


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_plan_round_trips_through_mspdi(tasks: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = new_project(Path(folder))
        try:
            with store.transaction("plan"):
                for task in tasks:
                    store.add("tasks", {k: v for k, v in task.items() if v not in (None, [])})
        except RecordInvalid:
            store.close()
            assume(False)
        again = round_trip(store, Path(folder))
        try:
            assert plan_of(again) == plan_of(store)
        finally:
            store.close()
            again.close()


# ---------------------------------------------------------------- MSPDI details


def mspdi(tasks: str, header: str = "") -> bytes:
    return (
        '<Project xmlns="http://schemas.microsoft.com/project">'
        f"{header}<Tasks>{tasks}</Tasks></Project>"
    ).encode()


def test_durations_and_lags_use_the_files_minutes_per_day(tmp_path: Path) -> None:
    path = tmp_path / "short-days.xml"
    path.write_bytes(
        mspdi(
            "<Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel>"
            "<Duration>PT12H0M0S</Duration></Task>"
            "<Task><UID>2</UID><Name>B</Name><OutlineLevel>1</OutlineLevel>"
            "<Duration>PT2H30M0S</Duration><PredecessorLink><PredecessorUID>1</PredecessorUID>"
            "<Type>3</Type><LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink></Task>",
            "<MinutesPerDay>240</MinutesPerDay>",
        )
    )
    store = new_project(tmp_path)
    import_plan(store, path)
    tasks = store.records("tasks")
    # 12 h of 4-hour days = 3 days; 2.5 h = 0.625 days; 4800 tenths of a minute = 2 days
    assert [(t["duration"], t.get("predecessors")) for t in tasks] == [
        (3, None),
        (0.625, [f"{tasks[0]['key']} SS+2"]),
    ]
    store.close()


def test_without_minutes_per_day_a_day_is_480_minutes(tmp_path: Path) -> None:
    path = tmp_path / "plain.xml"
    path.write_bytes(
        mspdi(
            "<Task><UID>0</UID><Name>Project</Name><OutlineLevel>0</OutlineLevel></Task>"
            "<Task><UID>7</UID><Name>Parent</Name><OutlineLevel>1</OutlineLevel></Task>"
            "<Task><UID>8</UID><Name>Child</Name><OutlineLevel>2</OutlineLevel>"
            "<Duration>PT20H0M0S</Duration><PercentComplete>30</PercentComplete></Task>"
        )
    )
    store = new_project(tmp_path)
    import_plan(store, path)
    parent, child = store.records("tasks")
    assert (parent["title"], child["parent"], child["duration"], child["percent_complete"]) == (
        "Parent",
        parent["key"],
        2.5,
        30,
    )
    store.close()


@pytest.mark.parametrize(
    ("tasks", "message"),
    [
        (
            "<Task><UID>1</UID><Name>A</Name><Duration>eight hours</Duration></Task>",
            "x.xml: Task UID 1 (\"A\") (line 1), Duration: 'eight hours' is not a duration: "
            "MSPDI writes PT8H0M0S",
        ),
        (
            "<Task><UID>1</UID><Name>A</Name><OutlineLevel>3</OutlineLevel></Task>",
            'x.xml: Task UID 1 ("A") (line 1), OutlineLevel: level 3 follows a task of level 0',
        ),
        (
            "<Task><UID>1</UID><Name>A</Name><PredecessorLink><PredecessorUID>5</PredecessorUID>"
            "</PredecessorLink></Task>",
            'x.xml: Task UID 1 ("A") (line 1), PredecessorUID: 5 is not a task of the file',
        ),
        (
            "<Task><UID>1</UID><Name>A</Name><PercentComplete>140</PercentComplete></Task>",
            'x.xml: Task UID 1 ("A") (line 1), PercentComplete: 140 is over 100',
        ),
    ],
)
def test_bad_mspdi_values_name_the_element_and_the_field(
    tmp_path: Path, tasks: str, message: str
) -> None:
    path = tmp_path / "x.xml"
    path.write_bytes(mspdi(tasks))
    store = new_project(tmp_path)
    with pytest.raises(ImportProblem) as caught:
        import_plan(store, path)
    assert str(caught.value) == message
    assert store.records("tasks") == []
    store.close()


def test_entity_declarations_are_refused_before_anything_expands() -> None:
    bomb = b'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><x>&b;</x>'
    with pytest.raises(ImportProblem, match="declares the entity 'a'"):
        parse_xml(bomb, "bomb.xml")
    external = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    with pytest.raises(ImportProblem, match="declares the entity 'e'"):
        parse_xml(external, "ext.xml")
    with pytest.raises(ImportProblem, match="undefined entity"):
        parse_xml(b"<x>&nowhere;</x>", "undefined.xml")


def test_deep_nesting_is_refused() -> None:
    deep = b"<project>" + b"<task>" * 500 + b"</task>" * 500 + b"</project>"
    with pytest.raises(ImportProblem, match="nests elements more than 200 deep"):
        parse_xml(deep, "deep.gan")


def test_a_start_that_the_links_push_later_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "late.xml"
    path.write_bytes(
        mspdi(
            "<Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel>"
            "<Start>2026-11-02T08:00:00</Start><Duration>PT40H0M0S</Duration></Task>"
            "<Task><UID>2</UID><Name>B\n  late</Name><OutlineLevel>1</OutlineLevel>"
            "<Start>2026-11-04T08:00:00</Start><Duration>PT8H0M0S</Duration>"
            "<PredecessorLink><PredecessorUID>1</PredecessorUID></PredecessorLink></Task>",
            "<StartDate>2026-11-02T08:00:00</StartDate>",
        )
    )
    store = new_project(tmp_path)
    result = import_plan(store, path)
    assert result.moved == [("T2", date(2026, 11, 4), date(2026, 11, 9))]
    assert result.lines()[-1] == "  note: T2 starts 2026-11-09 here, the file says 2026-11-04"
    assert store.records("tasks")[1]["title"] == "B late"
    store.close()


def test_the_report_names_ten_late_tasks_and_counts_the_rest() -> None:
    report = PlanImport("big.xml", "MS Project XML")
    report.moved = [(f"T{i}", date(2027, 1, 4), date(2027, 1, 5)) for i in range(1, 13)]
    notes = [line for line in report.lines() if line.startswith("  note:")]
    assert notes[0] == "  note: T1 starts 2027-01-05 here, the file says 2027-01-04"
    assert notes[10:] == ["  note: 2 more tasks start later here than the file says"]


def test_keys_are_chosen_after_another_sessions_save(tmp_path: Path) -> None:
    """A session opened before another one added a task must not reuse that task's key."""
    path = tmp_path / "plan.json"
    new_project(tmp_path).close()
    mine = Store.open(path)
    mine.records("tasks")  # loaded: no tasks yet
    other = Store.open(path)
    other.add("tasks", {"title": "Someone else's task"})
    other.close()
    result = import_plan(mine, FIXTURES / "edge-cases.mspdi.xml")
    titles = {t["key"]: t["title"] for t in mine.records("tasks")}
    assert titles["T1"] == "Someone else's task"
    assert result.keys["tasks"] == ["T2", "T3", "T4", "T5", "T6", "T7"]
    mine.close()


def test_text_that_xml_cannot_hold_is_replaced_in_the_export(tmp_path: Path) -> None:
    store = new_project(tmp_path)
    store.add("tasks", {"title": "Cut\x1b[31mover\x00", "notes": "bell\x07 & <tag>"})
    store.add("people", {"name": "Zo\x0cë"})
    out = tmp_path / "plan.xml"
    out.write_text(write_mspdi(store), encoding="utf-8")
    root = ET.parse(out).getroot()  # well-formed XML
    assert root.findtext("p:Tasks/p:Task/p:Name", None, NS) == "Cut\ufffd[31mover\ufffd"
    assert root.findtext("p:Tasks/p:Task/p:Notes", None, NS) == "bell\ufffd & <tag>"
    assert root.findtext("p:Resources/p:Resource/p:Name", None, NS) == "Zo\ufffdë"
    store.close()


def test_two_resources_with_one_uid_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "twice.xml"
    path.write_bytes(
        mspdi(
            "<Task><UID>1</UID><Name>A</Name></Task></Tasks><Resources>"
            "<Resource><UID>3</UID><Name>Ann</Name></Resource>"
            "<Resource><UID>3</UID><Name>Ben</Name></Resource></Resources><Tasks>"
        )
    )
    store = new_project(tmp_path)
    with pytest.raises(ImportProblem) as caught:
        import_plan(store, path)
    assert str(caught.value) == (
        'twice.xml: Resource UID 3 ("Ben") (line 1): the id 3 is also Resource UID 3 ("Ann") '
        "(line 1)"
    )
    store.close()


def test_a_task_before_the_files_project_start_moves_the_start_back(tmp_path: Path) -> None:
    path = tmp_path / "early.xml"
    path.write_bytes(
        mspdi(
            "<Task><UID>1</UID><Name>Early</Name><Start>2026-11-02T08:00:00</Start>"
            "<Duration>PT8H0M0S</Duration></Task>",
            "<StartDate>2026-11-09T08:00:00</StartDate>",
        )
    )
    store = Store.create(tmp_path / "p.json", {"name": "P", "start": "2026-12-01"})
    result = import_plan(store, path)
    assert (result.moved, store.records("project")[0]["start"]) == ([], "2026-11-02")
    assert scheduled(store)["starts"] == {"Early": "2026-11-02"}
    store.close()
