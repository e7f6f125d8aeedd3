"""`pmtui import` of GanttProject and MS Project XML plans, `pmtui export --format mspdi`.

The GanttProject sample is the real file GanttProject ships (GPL data, kept beside the
repository in ../shared/fixtures with its NOTICE; read from there, never copied in).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pmtui.store import Store
from tests.conftest import RunPmtui

REPO = Path(__file__).resolve().parents[2]
GAN = REPO.parent / "shared" / "fixtures" / "HouseBuildingSample.gan"


def records(path: Path, table: str) -> list[dict[str, object]]:
    store = Store.open(path)
    try:
        return store.records(table)
    finally:
        store.close()


def gan_tasks() -> list[ET.Element]:
    """Every <task> of the sample, read here independently of pmtui's reader."""
    return list(ET.parse(GAN).getroot().iter("task"))


def test_the_gantt_sample_imports_every_task_link_resource_allocation_and_the_holiday(
    project_path: Path, run_pmtui: RunPmtui
) -> None:
    done = run_pmtui("import", str(project_path), str(GAN))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "imported HouseBuildingSample.gan (GanttProject):",
        "  project: set start 2024-05-27, weekends sat, sun, holidays 2006-02-14",
        "  tasks: 20 added (T1-T20)",
        "  people: 7 added (P1-P7)",
        "  assignments: 30 added",
        "  leave: 1 added",
    ]
    tasks = records(project_path, "tasks")
    links = [link for task in tasks for link in task.get("predecessors") or []]  # type: ignore[union-attr]
    assert (len(tasks), len(links)) == (20, 17)
    people = {p["name"]: p for p in records(project_path, "people")}
    assert len(people) == 7
    # GanttProject's standard rate is per day; pmtui's is per hour (8-hour days, as MPXJ).
    assert (people["John Black"]["rate"], people["Michelangelo"]["rate"]) == (5, 125)
    assert (people["Jack House"]["role"], people["John Silver"]["role"]) == (
        "project manager",
        "Foreman",
    )
    assert len(records(project_path, "assignments")) == 30
    project = records(project_path, "project")[0]
    assert (project["start"], project["weekends"], project["holidays"]) == (
        "2024-05-27",
        ["sat", "sun"],
        ["2006-02-14"],
    )
    assert [(v["from"], v["to"]) for v in records(project_path, "leave")] == [
        ("2009-02-02", "2009-02-09")
    ]


def test_schedule_gives_the_start_dates_the_gantt_file_holds(
    project_path: Path, run_pmtui: RunPmtui
) -> None:
    assert run_pmtui("import", str(project_path), str(GAN)).returncode == 0
    scheduled = json.loads(run_pmtui("schedule", str(project_path), "--json").stdout)
    starts = {t["title"]: t["start"] for t in scheduled["tasks"]}
    expected = {str(t.get("name")).strip(): t.get("start") for t in gan_tasks()}
    assert len(expected) == 20
    assert starts == expected


def test_the_gantt_outline_durations_milestones_percent_and_links_come_in(
    project_path: Path, run_pmtui: RunPmtui
) -> None:
    assert run_pmtui("import", str(project_path), str(GAN)).returncode == 0
    tasks = {t["title"]: t for t in records(project_path, "tasks")}
    title = {t["key"]: name for name, t in tasks.items()}
    assert title[tasks["Roof"]["parent"]] == "Construction phase"  # type: ignore[index]
    assert tasks["Roof"]["duration"] == 10
    assert tasks["Construction completed"]["duration"] == 0  # a milestone
    assert (
        tasks["Prepare construction documents"]["percent_complete"],
        tasks["Pre-design"]["status"],
    ) == (75, "done")
    # <depend> inside "Roof" names its successor "Construction completed"
    assert tasks["Construction completed"]["predecessors"] == [tasks["Roof"]["key"]]
    # the Rubber link from the "GanttProject 3.3" milestone to a summary: plain FS
    assert tasks["Architectural design"]["predecessors"] == [tasks["GanttProject 3.3"]["key"]]


def small_gan(depends: str = "", extra: str = "") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<project name="Small" version="3.3">
  <calendars><day-types><default-week sun="1" mon="0" tue="0" wed="0" thu="0" fri="1" sat="1"/>
  </day-types></calendars>
  <tasks>
    <task id="1" name="Alpha" start="2026-11-02" duration="4" complete="0">{depends}</task>
    <task id="2" name="Beta" start="2026-11-05" duration="3" complete="50"/>
    <task id="3" name="Gamma" start="2026-11-02" duration="2" complete="0"/>
    <task id="4" name="Delta" start="2026-11-02" duration="1" complete="0"/>
    <task id="5" name="Omega" start="2026-11-02" duration="1" complete="0"/>
  </tasks>
  {extra}
</project>
"""


def test_gantt_link_types_and_lags_become_pmtui_links(
    project_path: Path, tmp_path: Path, run_pmtui: RunPmtui
) -> None:
    depends = (
        '<depend id="2" type="1" difference="2" hardness="Strong"/>'
        '<depend id="3" type="2" difference="0" hardness="Rubber"/>'
        '<depend id="4" type="3" difference="-1" hardness="Strong"/>'
        '<depend id="5" type="4" difference="1" hardness="Strong"/>'
    )
    plan = tmp_path / "small.gan"
    plan.write_text(small_gan(depends))
    done = run_pmtui("import", str(project_path), str(plan))
    assert done.returncode == 0, done.stderr
    tasks = {t["title"]: t for t in records(project_path, "tasks")}
    alpha = tasks["Alpha"]["key"]
    assert [tasks[name].get("predecessors") for name in ("Beta", "Gamma", "Delta", "Omega")] == [
        [f"{alpha} SS+2"],
        [alpha],
        [f"{alpha} FF-1"],
        [f"{alpha} SF+1"],
    ]
    # a four-day week (Fri, Sat, Sun off) from the file
    assert records(project_path, "project")[0]["weekends"] == ["fri", "sat", "sun"]


def test_into_a_project_with_tasks_the_plan_is_added_under_new_keys_and_people_are_matched(
    project_path: Path, run_pmtui: RunPmtui
) -> None:
    assert run_pmtui("import", str(project_path), str(GAN)).returncode == 0
    store = Store.open(project_path)
    with store.transaction("a date of my own"):
        store.update("project", str(store.records("project")[0]["key"]), {"start": "2024-06-03"})
    store.close()
    done = run_pmtui("import", str(project_path), str(GAN))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[1] == "  tasks: 20 added (T21-T40)"
    assert lines[2].startswith("  people: 0 added, 7 matched by name (Jack House, John Black,")
    assert len(records(project_path, "tasks")) == 40
    assert len(records(project_path, "people")) == 7
    assert len(records(project_path, "assignments")) == 60
    # the project's own start and calendar stay
    assert records(project_path, "project")[0]["start"] == "2024-06-03"


def test_replace_swaps_the_plan_and_its_assignments_keeping_people(
    project_path: Path, run_pmtui: RunPmtui
) -> None:
    assert run_pmtui("import", str(project_path), str(GAN)).returncode == 0
    done = run_pmtui("import", str(project_path), str(GAN), "--replace")
    assert done.returncode == 0, done.stderr
    assert "  tasks: 20 added (T21-T40), 20 deleted (--replace)" in done.stdout.splitlines()
    assert len(records(project_path, "tasks")) == 20
    assert len(records(project_path, "assignments")) == 30
    assert len(records(project_path, "people")) == 7


def test_replace_is_refused_while_a_milestone_refers_to_a_task(
    project_path: Path, run_pmtui: RunPmtui
) -> None:
    assert run_pmtui("import", str(project_path), str(GAN)).returncode == 0
    assert (
        run_pmtui(
            "add", str(project_path), "milestones", "title=Keys", "due=2024-10-14", "tasks=T19"
        ).returncode
        == 0
    )
    before = project_path.read_bytes()
    done = run_pmtui("import", str(project_path), str(GAN), "--replace")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "pmtui: HouseBuildingSample.gan: --replace would delete task T19, to which milestones M1 "
        "refers (tasks); unlink it first; nothing was changed"
    ]
    assert project_path.read_bytes() == before


BOMB = """<?xml version="1.0"?>
<!DOCTYPE project [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<project><tasks><task id="1" name="&g;" start="2026-11-02" duration="1"/></tasks></project>
"""

MSPDI_CYCLE = """<?xml version="1.0"?>
<Project xmlns="http://schemas.microsoft.com/project">
 <Tasks>
  <Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>
   <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type></PredecessorLink></Task>
  <Task><UID>2</UID><Name>B</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>
   <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>{type}</Type></PredecessorLink></Task>
 </Tasks>
</Project>
"""


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "plan.gan",
            "this is not XML",
            "plan.gan: is not well-formed XML: line 1, column 1: syntax error",
        ),
        (
            "plan.xml",
            '<svg xmlns="http://www.w3.org/2000/svg"/>',
            "plan.xml: is XML but neither a GanttProject plan (<project>) nor MS Project XML "
            '(<Project xmlns="http://schemas.microsoft.com/project">); its root is '
            "<{http://www.w3.org/2000/svg}svg>",
        ),
        (
            "cycle.gan",
            small_gan('<depend id="2" type="2"/>').replace(
                'complete="50"/>', 'complete="50"><depend id="1" type="2"/></task>'
            ),
            'cycle.gan: the links form a cycle: task id=1 ("Alpha") (line 6) -> task id=2 '
            '("Beta") (line 7) -> task id=1 ("Alpha") (line 6)',
        ),
        (
            "type.gan",
            small_gan('<depend id="2" type="7"/>'),
            "type.gan: task id=1 (\"Alpha\") (line 6), depend type: link type '7' is unknown "
            "(1-4 = SS, FS, FF, SF)",
        ),
        (
            "cycle.xml",
            MSPDI_CYCLE.format(type=1),
            'cycle.xml: the links form a cycle: Task UID 1 ("A") (line 4) -> Task UID 2 ("B") '
            '(line 6) -> Task UID 1 ("A") (line 4)',
        ),
        (
            "type.xml",
            MSPDI_CYCLE.format(type=9),
            "type.xml: Task UID 2 (\"B\") (line 7), Type: link type '9' is unknown "
            "(0-3 = FF, FS, SF, SS)",
        ),
        (
            "bomb.gan",
            BOMB,
            "bomb.gan: line 3: declares the entity 'a'; plan files declare none, and entities "
            "can expand into gigabytes (an entity bomb) or read other files",
        ),
    ],
)
def test_bad_plan_files_are_refused_with_one_line_and_the_project_unchanged(
    project_path: Path,
    tmp_path: Path,
    run_pmtui: RunPmtui,
    name: str,
    content: str,
    message: str,
) -> None:
    plan = tmp_path / name
    plan.write_text(content)
    before = project_path.read_bytes()
    done = run_pmtui("import", str(project_path), str(plan))
    assert (done.returncode, done.stdout, done.stderr.strip().splitlines()) == (
        1,
        "",
        [f"pmtui: {message}"],
    )
    assert "Traceback" not in done.stderr
    assert project_path.read_bytes() == before


def test_a_bad_value_names_the_element_and_the_field(
    project_path: Path, tmp_path: Path, run_pmtui: RunPmtui
) -> None:
    plan = tmp_path / "bad.gan"
    plan.write_text(small_gan().replace('duration="3"', 'duration="three"'))
    done = run_pmtui("import", str(project_path), str(plan))
    assert done.stderr.strip() == (
        "pmtui: bad.gan: task id=2 (\"Beta\") (line 7), duration: 'three' is not a number"
    )


def test_export_mspdi_writes_ms_project_xml_and_refuses_a_table(
    project_path: Path, tmp_path: Path, run_pmtui: RunPmtui
) -> None:
    assert run_pmtui("import", str(project_path), str(GAN)).returncode == 0
    out = tmp_path / "plan.xml"
    done = run_pmtui("export", str(project_path), "-o", str(out))  # .xml chooses mspdi
    assert (done.returncode, done.stdout) == (0, f"wrote {out}\n")
    root = ET.parse(out).getroot()
    ns = {"p": "http://schemas.microsoft.com/project"}
    assert root.tag == "{http://schemas.microsoft.com/project}Project"
    assert len(root.findall("p:Tasks/p:Task", ns)) == 20
    assert len(root.findall("p:Tasks/p:Task/p:PredecessorLink", ns)) == 17
    assert len(root.findall("p:Resources/p:Resource", ns)) == 7
    assert len(root.findall("p:Assignments/p:Assignment", ns)) == 30
    refused = run_pmtui("export", str(project_path), "--format", "mspdi", "--table", "tasks")
    assert (refused.returncode, refused.stderr.strip()) == (
        1,
        "pmtui: --format mspdi holds the whole project, not one table; drop --table",
    )


def test_a_link_between_a_summary_and_its_own_task_is_refused_by_name(
    project_path: Path, tmp_path: Path, run_pmtui: RunPmtui
) -> None:
    plan = tmp_path / "nested.gan"
    plan.write_text(
        small_gan().replace(
            'complete="50"/>',
            'complete="50"><task id="9" name="Inner" start="2026-11-05" duration="1">'
            '<depend id="2" type="2"/></task></task>',
        )
    )
    before = project_path.read_bytes()
    done = run_pmtui("import", str(project_path), str(plan))
    assert done.stderr.strip() == (
        'pmtui: nested.gan: task id=2 ("Beta") (line 7) cannot depend on task id=9 ("Inner") '
        "(line 7): one contains the other"
    )
    assert project_path.read_bytes() == before


def test_a_plan_import_is_one_undo_step(project_path: Path, run_pmtui: RunPmtui) -> None:
    assert run_pmtui("import", str(project_path), str(GAN)).returncode == 0
    done = run_pmtui("undo", str(project_path), "--yes")
    assert done.returncode == 0, done.stderr
    assert [len(records(project_path, t)) for t in ("tasks", "people", "assignments")] == [0, 0, 0]
    assert records(project_path, "project")[0]["start"] == "2026-11-02"


def test_gantt_resources_roles_loads_and_yearly_holidays(
    project_path: Path, tmp_path: Path, run_pmtui: RunPmtui
) -> None:
    extra = """
  <resources>
    <resource id="0" name="Ana  Lima" function="Default:1" contacts="ana@example.com">
      <rate name="standard" value="640"/></resource>
    <resource id="1" name="Bo" function="7" contacts="not an address"/>
  </resources>
  <allocations>
    <allocation task-id="1" resource-id="0" function="Default:1" responsible="true" load="150"/>
    <allocation task-id="2" resource-id="1" function="7" responsible="false" load="40"/>
  </allocations>
  <vacations><vacation start="2026-11-09" end="2026-11-10" resourceid="1"/></vacations>
  <roles roleset-name="Default"/>
"""
    plan = tmp_path / "team.gan"
    plan.write_text(
        small_gan(extra=extra).replace(
            "</day-types>", '</day-types><date month="12" date="25" type="HOLIDAY"/>'
        )
    )
    done = run_pmtui("import", str(project_path), str(plan))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[3:] == [
        "  people: 2 added (P1, P2); skipped 2: resource id=1 (\"Bo\"): role '7' is not in the "
        "file's roles; resource id=1 (\"Bo\"): contacts 'not an address' is not an e-mail address",
        "  assignments: 2 added; skipped 1: allocation of resource 0 to task 1: load 150% "
        "taken as 100%",
        "  leave: 1 added",
    ]
    people = {p["name"]: p for p in records(project_path, "people")}
    assert people["Ana Lima"]["rate"] == 80  # 640 a day at 8 hours
    assert (people["Ana Lima"]["role"], people["Ana Lima"]["email"]) == (
        "project manager",
        "ana@example.com",
    )
    assignments = sorted(
        (a["allocation"], a["responsibility"]) for a in records(project_path, "assignments")
    )
    assert assignments == [(40, "R"), (100, "A")]
    # a holiday without a year recurs: every year the plan spans (and the next)
    assert records(project_path, "project")[0]["holidays"] == ["2026-12-25", "2027-12-25"]


def test_a_plan_file_takes_no_table(project_path: Path, run_pmtui: RunPmtui) -> None:
    done = run_pmtui("import", str(project_path), str(GAN), "--table", "tasks")
    assert (done.returncode, done.stderr.strip()) == (
        1,
        "pmtui: HouseBuildingSample.gan is a plan file; it fills the plan's tables, drop --table",
    )
