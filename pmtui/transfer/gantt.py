"""GanttProject's XML (.gan) read into a PlanFile.

What the format says (GanttProject 2.x-3.x, as its own sample and MPXJ's reader have it):
- `<task>` elements nest for the outline; `start` is a date, `duration` working days,
  `complete` percent, `meeting="true"` a milestone; `thirdDate` with
  `thirdDate-constraint="0"` is an earliest start.
- A `<depend>` inside task P names P's *successor* (`id`); `type` 1-4 = SS, FS, FF, SF;
  `difference` is the lag in days; `hardness` "Rubber" (the successor may start later) and
  "Strong" both make a link of the given type, which pmtui's schedule reads as a minimum.
- `<resource>`: `function` is its role (`Default:1` = the built-in "project manager",
  else the id of a `<role>`), `contacts` an e-mail, `<rate name="standard">` per day
  (turned into per hour at 8 hours a day, as MPXJ does).
- `<allocation>`: `load` is the allocation in percent; `responsible="true"` marks the
  task's coordinator, taken as RACI A (the others R).
- `<default-week>`: `1` marks a day off; `<date type="HOLIDAY">` a holiday (without a
  `year` it recurs every year: taken for each year the plan spans);
  `<vacation>` a resource's days away (both days included).
"""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path
from typing import cast
from xml.etree.ElementTree import Element

from pmtui.domain.calendar import WEEKDAY_NAMES
from pmtui.domain.links import LinkType
from pmtui.kinds.escapes import one_line
from pmtui.transfer.plans import (
    PlanAssignment,
    PlanFile,
    PlanLeave,
    PlanLink,
    PlanPerson,
    PlanTask,
)
from pmtui.transfer.reading import ImportProblem
from pmtui.transfer.xmlsafe import XMLDocument, read_xml

KIND = "GanttProject"
#: GanttProject's `type` of a depend element.
LINK_TYPES: dict[str, LinkType] = {"1": "SS", "2": "FS", "3": "FF", "4": "SF"}
#: Roles of GanttProject's built-in "Default" role set.
DEFAULT_ROLES = {"0": None, "1": "project manager"}
HOURS_PER_DAY = 8.0


def is_gantt(doc: XMLDocument) -> bool:
    """Whether the parsed file is a GanttProject plan (root `<project>` without namespace)."""
    return doc.root.tag == "project"


def read_gantt(path: Path) -> PlanFile:
    """Read a .gan file (ImportProblem when it is not one, naming the element at fault)."""
    doc = read_xml(path)
    if not is_gantt(doc):
        raise ImportProblem(
            path.name, f"is XML but not a GanttProject plan (its root is <{doc.root.tag}>)"
        )
    return GanttReader(doc, path.name).read()


def _short(text: str) -> str:
    return one_line(text, 40)


class GanttReader:
    """One reading of one file."""

    def __init__(self, doc: XMLDocument, source: str) -> None:
        self.doc = doc
        self.plan = PlanFile(source, KIND)
        #: Links read so far: (successor id, link, element); resolved once all tasks are read.
        self.links: list[tuple[str, PlanLink, Element]] = []

    def where(self, element: Element, what: str) -> str:
        line = self.doc.line(element)
        return f"{what} (line {line})" if line else what

    def fail(self, element: Element, what: str, attribute: str, reason: str) -> ImportProblem:
        problem = ImportProblem(
            self.plan.source, f"{self.where(element, what)}, {attribute}: {reason}"
        )
        problem.column = attribute
        return problem

    # ------------------------------------------------------------ values

    def text(
        self,
        element: Element,
        what: str,
        attribute: str,
        required: bool = False,
        label: str | None = None,
    ) -> str | None:
        value = element.get(attribute)
        if value is None or not value.strip():
            if required:
                raise self.fail(element, what, label or attribute, "is missing")
            return None
        return value.strip()

    def number(
        self,
        element: Element,
        what: str,
        attribute: str,
        *,
        low: float = 0.0,
        label: str | None = None,
    ) -> float | None:
        value = self.text(element, what, attribute)
        if value is None:
            return None
        label = label or attribute
        try:
            number = float(value)
        except ValueError:
            raise self.fail(element, what, label, f"{value!r} is not a number") from None
        if not math.isfinite(number) or number < low or abs(number) > 1e9:
            raise self.fail(element, what, label, f"{value!r} is out of range")
        return number

    def day(self, element: Element, what: str, attribute: str) -> date | None:
        value = self.text(element, what, attribute)
        if value is None:
            return None
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            raise self.fail(
                element, what, attribute, f"{value!r} is not a date (YYYY-MM-DD)"
            ) from None

    # ------------------------------------------------------------ reading

    def read(self) -> PlanFile:
        root = self.doc.root
        tasks = root.find("tasks")
        if tasks is not None:
            for child in tasks.findall("task"):
                self.task(child, None)
        self.resolve_links()
        starts = [t.start for t in self.plan.tasks if t.start]
        self.plan.start = min(starts, default=None)
        self.calendar(root, starts)
        roles = self.roles(root)
        resources = root.find("resources")
        people = {}
        if resources is not None:
            for element in resources.findall("resource"):
                person = self.person(element, roles)
                people[person.ref] = person
                self.plan.people.append(person)
        allocations = root.find("allocations")
        if allocations is not None:
            for element in allocations.findall("allocation"):
                self.allocation(element)
        vacations = root.find("vacations")
        if vacations is not None:
            for element in vacations.findall("vacation"):
                self.vacation(element, people)
        return self.plan

    def task(self, element: Element, parent: str | None) -> None:
        # An explicit stack, not recursion: the nesting depth is the file's to choose.
        stack = [(element, parent)]
        while stack:
            current, parent_ref = stack.pop()
            self.plan.tasks.append(self.one_task(current, parent_ref))
            ref = self.plan.tasks[-1].ref
            stack.extend((child, ref) for child in reversed(current.findall("task")))

    def one_task(self, element: Element, parent: str | None) -> PlanTask:
        ref = element.get("id")
        what = f"task id={ref}" if ref else "a task"
        ref = self.text(element, what, "id", required=True)
        assert ref is not None
        title = " ".join((element.get("name") or "").split())  # one line, as typed titles
        if title.strip():
            what = f'task id={ref} ("{_short(title)}")'
        else:
            title = f"Task {ref}"
        milestone = element.get("meeting") == "true"
        duration = self.number(element, what, "duration")
        percent = self.number(element, what, "complete")
        if percent is not None and percent > 100:
            raise self.fail(element, what, "complete", f"{percent:g} is over 100 percent")
        constraint = None
        if element.get("thirdDate") and element.get("thirdDate-constraint", "0") == "0":
            constraint = self.day(element, what, "thirdDate")
        notes = element.find("notes")
        task = PlanTask(
            ref=ref,
            title=title,
            where=self.where(element, what),
            parent=parent,
            duration=0.0 if milestone else (duration or 0.0),
            start=self.day(element, what, "start"),
            percent=percent,
            start_no_earlier_than=constraint,
            notes=(notes.text or "").strip() or None if notes is not None else None,
        )
        self.successors(element, what, task)
        return task

    def successors(self, element: Element, what: str, task: PlanTask) -> None:
        for depend in element.findall("depend"):
            successor = self.text(depend, what, "id", required=True, label="depend id")
            kind = depend.get("type", "2").strip()
            if kind not in LINK_TYPES:
                reason = f"link type {kind!r} is unknown (1-4 = SS, FS, FF, SF)"
                raise self.fail(depend, what, "depend type", reason)
            lag = (
                self.number(depend, what, "difference", low=-1e9, label="depend difference") or 0.0
            )
            self.links.append(
                (cast(str, successor), PlanLink(task.ref, LINK_TYPES[kind], lag), depend)
            )

    def resolve_links(self) -> None:
        """Hang each link on its successor (a depend names a task later in the file)."""
        by_ref = {t.ref: t for t in self.plan.tasks}
        for successor, link, element in self.links:
            task = by_ref.get(successor)
            if task is None:
                reason = f"names task {successor} as its successor; the file has no such task"
                raise self.fail(element, by_ref[link.task].where, "depend id", reason)
            task.links.append(link)

    def calendar(self, root: Element, starts: list[date]) -> None:
        calendars = root.find("calendars")
        if calendars is None:
            return
        week = calendars.find("day-types/default-week")
        if week is not None:
            self.plan.weekends = [day for day in WEEKDAY_NAMES if week.get(day) == "1"]
            if len(self.plan.weekends) == 7:
                raise self.fail(week, "the default week", "days", "every day is off")
        years = range(min(starts).year, max(starts).year + 2) if starts else range(0)
        for element in calendars.findall("date"):
            kind = element.get("type", "HOLIDAY")
            year, month_text = element.get("year", "every year"), element.get("month")
            when = f"calendar date {year}-{month_text}-{element.get('date')}"
            if kind != "HOLIDAY":
                self.plan.skip("project", f"{when} of type {kind}: only holidays are kept")
                continue
            try:
                month, day = int(element.get("month", "")), int(element.get("date", ""))
                if element.get("year"):
                    self.plan.holidays.append(date(int(element.get("year", "")), month, day))
                else:
                    self.plan.holidays.extend(date(year, month, day) for year in years)
            except ValueError:
                raise self.fail(element, when, "date", "is not a date") from None

    def roles(self, root: Element) -> dict[str, str | None]:
        roles: dict[str, str | None] = {}
        for element in root.findall("roles"):
            if element.get("roleset-name") == "Default":
                roles.update({f"Default:{k}": v for k, v in DEFAULT_ROLES.items()})
            for role in element.findall("role"):
                if role.get("id") is not None:
                    roles[role.get("id", "")] = (role.get("name") or "").strip() or None
        return roles

    def person(self, element: Element, roles: dict[str, str | None]) -> PlanPerson:
        ref = element.get("id")
        what = f"resource id={ref}"
        ref = self.text(element, what, "id", required=True)
        assert ref is not None
        name = " ".join((element.get("name") or "").split())
        if not name:
            raise self.fail(element, what, "name", "is missing")
        what = f'resource id={ref} ("{_short(name)}")'
        function = element.get("function")
        role = roles.get(function or "")
        if function and function not in roles:
            self.plan.skip("people", f"{what}: role {function!r} is not in the file's roles")
        rate = None
        for element_rate in element.findall("rate"):
            if element_rate.get("name") == "standard":
                per_day = self.number(element_rate, what, "value", label="rate value")
                rate = None if per_day is None else round(per_day / HOURS_PER_DAY, 4)
        email = (element.get("contacts") or "").strip() or None
        if email is not None and not _EMAIL.fullmatch(email):
            self.plan.skip("people", f"{what}: contacts {email!r} is not an e-mail address")
            email = None
        return PlanPerson(ref, name, self.where(element, what), role, rate, email)

    def allocation(self, element: Element) -> None:
        task, person = element.get("task-id"), element.get("resource-id")
        what = f"allocation of resource {person} to task {task}"
        task = self.text(element, what, "task-id", required=True)
        person = self.text(element, what, "resource-id", required=True)
        load = self.number(element, what, "load")
        if load is not None and load > 100:
            self.plan.skip("assignments", f"{what}: load {load:g}% taken as 100%")
            load = 100.0
        self.plan.assignments.append(
            PlanAssignment(
                task=cast(str, task),
                person=cast(str, person),
                where=self.where(element, what),
                allocation=load,
                responsibility="A" if element.get("responsible") == "true" else "R",
            )
        )

    def vacation(self, element: Element, people: dict[str, PlanPerson]) -> None:
        person = element.get("resourceid")
        what = f"vacation of resource {person}"
        first, last = self.day(element, what, "start"), self.day(element, what, "end")
        if person not in people:
            raise self.fail(element, what, "resourceid", "names no resource of the file")
        if first is None or last is None:
            raise self.fail(element, what, "start" if first is None else "end", "is missing")
        if last < first:
            raise self.fail(element, what, "end", f"{last} is before the start {first}")
        self.plan.leave.append(PlanLeave(person, first, last, self.where(element, what)))


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
