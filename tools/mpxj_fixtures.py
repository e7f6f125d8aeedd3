"""Make the MSPDI test fixtures with MPXJ, a third-party writer, and read pmtui's export back.

Not part of pmtui or its tests: it needs MPXJ (PyPI `mpxj`, with JPype1) and a Java
runtime, e.g. in a separate virtual environment:

    python3 -m venv /tmp/mpxj-venv && /tmp/mpxj-venv/bin/pip install mpxj JPype1
    apt-get install -y default-jre-headless            # if there is no java yet
    /tmp/mpxj-venv/bin/python tools/mpxj_fixtures.py DEMO_EXPORT.xml [DEMO_SCHEDULE.json]

It writes into tests/fixtures/interop/:
- house-building.mspdi.xml: ../shared/fixtures/HouseBuildingSample.gan converted by MPXJ;
- demo-via-mpxj.mspdi.xml: DEMO_EXPORT.xml (`pmtui export DEMO --format mspdi`) read by
  MPXJ and written again by MPXJ's MSPDI writer;
- edge-cases.mspdi.xml: a small plan built with MPXJ's API (link types and lags, a
  multi-day holiday, a working Saturday, a material resource, 150% units);
- rollout.mspdi.xml: tests/fixtures/interop/rollout.planner (a GNOME Planner file written
  by hand) converted by MPXJ: its milestone starts at 17:00, the end of a working day, as
  MS Project writes milestones.
and prints what MPXJ read from each file (tasks, links, resources, assignments). Given
DEMO_SCHEDULE.json (`pmtui schedule DEMO --json`), it also compares every task MPXJ read
from pmtui's export (start, finish, duration) with pmtui's schedule, and counts the link
types and calendar exceptions MPXJ saw.
"""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

import jpype  # type: ignore[import-not-found]
import mpxj  # type: ignore[import-not-found]  # noqa: F401  (puts MPXJ's jars on the class path)

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "tests" / "fixtures" / "interop"
GAN = REPO.parent / "shared" / "fixtures" / "HouseBuildingSample.gan"


def counts(project: object) -> str:
    tasks = [t for t in project.getTasks() if t.getUniqueID() and t.getUniqueID().intValue() != 0]
    links = sum(len(list(t.getPredecessors())) for t in tasks)
    resources = [r for r in project.getResources() if r.getName()]
    return (
        f"{len(tasks)} tasks, {links} links, {len(resources)} resources, "
        f"{project.getResourceAssignments().size()} assignments"
    )


def compare(project: object, schedule_json: str) -> None:
    """MPXJ's reading of pmtui's export against pmtui's own schedule."""
    import json
    from collections import Counter

    scheduled = {t["title"]: t for t in json.loads(Path(schedule_json).read_text())["tasks"]}
    differences = 0
    tasks = [t for t in project.getTasks() if t.getUniqueID().intValue() != 0]
    for task in tasks:
        mine = scheduled[str(task.getName())]
        theirs = (
            str(task.getStart())[:10],
            str(task.getFinish())[:10],
            float(task.getDuration().getDuration()),
        )
        if theirs != (mine["start"], mine["finish"], float(mine["duration"])):
            differences += 1
            print("  differs:", task.getName(), theirs, "pmtui:", mine)
    links = [r for t in tasks for r in t.getPredecessors()]
    kinds = Counter(str(r.getType()) for r in links)
    exceptions = project.getDefaultCalendar().getCalendarExceptions().size()
    print(
        f"  MPXJ vs pmtui schedule: {len(tasks)} tasks compared (start, finish, duration), "
        f"{differences} differ; link types {dict(kinds)}; {exceptions} calendar exceptions"
    )


def main(demo_export: str, schedule_json: str | None = None) -> None:
    jpype.startJVM()
    from org.mpxj.reader import UniversalProjectReader  # type: ignore[import-not-found]
    from org.mpxj.writer import FileFormat, UniversalProjectWriter  # type: ignore[import-not-found]

    print("MPXJ", version("mpxj"), "JPype1", version("JPype1"))
    reader = UniversalProjectReader()
    writer = UniversalProjectWriter(FileFormat.MSPDI)

    house = reader.read(str(GAN))
    print("read", GAN.name, "->", counts(house))
    writer.write(house, str(OUT / "house-building.mspdi.xml"))
    print(
        "  wrote house-building.mspdi.xml; read back:",
        counts(reader.read(str(OUT / "house-building.mspdi.xml"))),
    )

    demo = reader.read(demo_export)
    print("read pmtui's export", demo_export, "->", counts(demo))
    if schedule_json:
        compare(demo, schedule_json)
    writer.write(demo, str(OUT / "demo-via-mpxj.mspdi.xml"))
    print(
        "  wrote demo-via-mpxj.mspdi.xml; read back:",
        counts(reader.read(str(OUT / "demo-via-mpxj.mspdi.xml"))),
    )

    planner = reader.read(str(OUT / "rollout.planner"))
    print("read rollout.planner ->", counts(planner))
    writer.write(planner, str(OUT / "rollout.mspdi.xml"))
    print(
        "  wrote rollout.mspdi.xml; read back:", counts(reader.read(str(OUT / "rollout.mspdi.xml")))
    )

    edge = edge_cases()
    writer.write(edge, str(OUT / "edge-cases.mspdi.xml"))
    print(
        "  wrote edge-cases.mspdi.xml; read back:",
        counts(reader.read(str(OUT / "edge-cases.mspdi.xml"))),
    )
    jpype.shutdownJVM()


def edge_cases() -> object:
    from java.time import DayOfWeek, LocalDate, LocalDateTime  # type: ignore[import-not-found]
    from org.mpxj import (  # type: ignore[import-not-found]
        Duration,
        ProjectFile,
        Relation,
        RelationType,
        ResourceType,
        TimeUnit,
    )

    project = ProjectFile()
    calendar = project.addDefaultBaseCalendar()
    project.getProjectProperties().setDefaultCalendar(calendar)
    project.getProjectProperties().setStartDate(LocalDateTime.of(2027, 1, 4, 8, 0))
    project.getProjectProperties().setName("Edge cases")
    holiday = calendar.addCalendarException(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 2, 17))
    del holiday
    saturday = calendar.addCalendarException(LocalDate.of(2027, 3, 6), LocalDate.of(2027, 3, 6))
    saturday.add(calendar.getCalendarHours(DayOfWeek.MONDAY).get(0))

    def task(parent: object, name: str, days: float, start: tuple[int, int, int]) -> object:
        item = (parent or project).addTask()
        item.setName(name)
        item.setDuration(Duration.getInstance(days, TimeUnit.DAYS))
        item.setStart(LocalDateTime.of(*start, 8, 0))
        return item

    phase = task(None, "Phase", 0, (2027, 1, 4))
    design = task(phase, "Design", 5, (2027, 1, 4))
    build = task(phase, "Build", 10, (2027, 1, 6))
    test = task(phase, "Test", 4.5, (2027, 1, 20))
    docs = task(phase, "Docs", 3, (2027, 1, 13))
    done = task(None, "Go-live", 0, (2027, 2, 1))
    done.setMilestone(True)
    design.setPercentageComplete(40)

    def link(successor: object, predecessor: object, kind: object, lag_days: float) -> None:
        successor.addPredecessor(
            Relation.Builder()
            .predecessorTask(predecessor)
            .type(kind)
            .lag(Duration.getInstance(lag_days, TimeUnit.DAYS))
        )

    link(build, design, RelationType.START_START, 2)
    link(test, build, RelationType.FINISH_START, 0)
    link(docs, build, RelationType.FINISH_FINISH, -3)
    link(done, test, RelationType.START_FINISH, 1.5)
    alice = project.addResource()
    alice.setName("Alice Example")
    alice.setGroup("Developer")
    cement = project.addResource()
    cement.setName("Cement")
    cement.setType(ResourceType.MATERIAL)
    first = build.addResourceAssignment(alice)
    first.setUnits(java_number(150))
    second = design.addResourceAssignment(alice)
    second.setUnits(java_number(50))
    build.addResourceAssignment(cement)
    return project


def java_number(value: float) -> object:
    from java.lang import Double  # type: ignore[import-not-found]

    return Double(value)


if __name__ == "__main__":
    main(*sys.argv[1:3])
