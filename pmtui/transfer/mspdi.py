"""MS Project XML (MSPDI, namespace http://schemas.microsoft.com/project): read and write.

Reading (into a PlanFile):
- Tasks in file order, the outline from OutlineLevel (the project summary task, UID 0 or
  OutlineLevel 0, is the project itself and is left out; so are blank rows, IsNull 1).
- A Start at 17:00 or later (MS Project's milestone right after its predecessor) is the
  same instant as the next working day's start, the date pmtui shows.
- Duration is ISO 8601 work time (`PT40H0M0S`), turned into working days by the file's
  MinutesPerDay (480 when absent); a `D` counts as one working day. Milestone 1 makes a
  0-day task when its duration is 0.
- PredecessorLink: Type 0-3 = FF, FS, SF, SS (FS when absent); LinkLag in tenths of a
  minute, in working days by MinutesPerDay (elapsed LagFormats by 24 hours a day).
- ConstraintType 4 (start no earlier than) and 2 (must start on) keep their date as the
  task's earliest start; other constraints are reported as skipped.
- Work resources (Type 1) become people: Name, Group as role, EmailAddress, StandardRate
  (per hour in MSPDI); material and cost resources are skipped. Assignments: Units 1 = 100%.
- The project calendar (CalendarUID, else the first base calendar): WeekDays that are not
  working are weekends; exceptions that are not working days are holidays. Working-day
  exceptions and work weeks have no place in pmtui's calendar and are reported as skipped.

Writing: write_mspdi(store) gives a file that MS Project, ProjectLibre and MPXJ open: the
project's calendar (8-hour days 08:00-12:00, 13:00-17:00), every task with UID, ID, WBS,
OutlineNumber, OutlineLevel, Start, Finish, Duration, links and earliest-start constraints,
people as work resources and task assignments.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from pmtui.domain.calendar import WEEKDAY_NAMES
from pmtui.domain.links import Link, LinkType
from pmtui.kinds.escapes import one_line
from pmtui.planning.network import as_date
from pmtui.planning.plan import Plan, build_plan
from pmtui.store import Store
from pmtui.transfer.plans import (
    PlanAssignment,
    PlanFile,
    PlanLink,
    PlanPerson,
    PlanTask,
)
from pmtui.transfer.reading import ImportProblem
from pmtui.transfer.xmlsafe import XMLDocument, read_xml

KIND = "MS Project XML"
NAMESPACE = "http://schemas.microsoft.com/project"
_NS = "{" + NAMESPACE + "}"
#: MSPDI's link Type -> pmtui's link type.
LINK_TYPES: dict[str, LinkType] = {"0": "FF", "1": "FS", "2": "SF", "3": "SS"}
LINK_CODES = {kind: code for code, kind in LINK_TYPES.items()}
#: LagFormat values that are elapsed (wall-clock) time.
_ELAPSED_FORMATS = {"4", "6", "8", "10", "12", "36", "38", "40", "42", "44"}
_PERCENT_FORMATS = {"19", "20", "51", "52"}
#: MSPDI's DayType 1-7 is Sunday-Saturday.
_DAY_TYPES = {"1": "sun", "2": "mon", "3": "tue", "4": "wed", "5": "thu", "6": "fri", "7": "sat"}
_DURATION = re.compile(
    r"(-)?P(?:(?P<d>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?"
)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
MINUTES_PER_DAY = 480
#: The end of a working day in MS Project's standard calendar (08:00-12:00, 13:00-17:00).
_DAY_END = time(17, 0)
#: The longest holiday exception taken day by day.
_MAX_EXCEPTION_DAYS = 3660


def is_mspdi(doc: XMLDocument) -> bool:
    """Whether the parsed file is MS Project XML (root <Project> in MSPDI's namespace)."""
    return doc.root.tag == _NS + "Project"


def read_mspdi(path: Path) -> PlanFile:
    """Read an MSPDI file (ImportProblem when it is not one, naming the element at fault)."""
    doc = read_xml(path)
    if not is_mspdi(doc):
        raise ImportProblem(
            path.name, f"is XML but not MS Project XML (its root is <{doc.root.tag}>)"
        )
    return MSPDIReader(doc, path.name).read()


def _short(text: str) -> str:
    return one_line(text, 40)


class MSPDIReader:
    """One reading of one file."""

    def __init__(self, doc: XMLDocument, source: str) -> None:
        self.doc = doc
        self.plan = PlanFile(source, KIND)
        self.minutes_per_day = float(MINUTES_PER_DAY)

    # ------------------------------------------------------------ values

    def where(self, element: Element, what: str) -> str:
        line = self.doc.line(element)
        return f"{what} (line {line})" if line else what

    def fail(self, element: Element, what: str, name: str, reason: str) -> ImportProblem:
        problem = ImportProblem(self.plan.source, f"{self.where(element, what)}, {name}: {reason}")
        problem.column = name
        return problem

    def text(self, element: Element, name: str) -> str | None:
        child = element.find(_NS + name)
        if child is None or child.text is None or not child.text.strip():
            return None
        return child.text.strip()

    def number(self, element: Element, what: str, name: str, *, low: float = 0.0) -> float | None:
        value = self.text(element, name)
        if value is None:
            return None
        try:
            number = float(value)
        except ValueError:
            raise self.fail(element, what, name, f"{value!r} is not a number") from None
        if not math.isfinite(number) or number < low or abs(number) > 1e12:
            raise self.fail(element, what, name, f"{value!r} is out of range")
        return number

    def moment(self, element: Element, what: str, name: str) -> datetime | None:
        value = self.text(element, name)
        if value is None:
            return None
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            reason = f"{value!r} is not a date and time (YYYY-MM-DDThh:mm:ss)"
            raise self.fail(element, what, name, reason) from None

    def minutes(self, element: Element, what: str, name: str) -> float | None:
        value = self.text(element, name)
        if value is None:
            return None
        match = _DURATION.fullmatch(value)
        if match is None or match.group(1) or value in ("P", "PT"):
            reason = f"{value!r} is not a duration: MSPDI writes PT8H0M0S"
            raise self.fail(element, what, name, reason)
        days, hours, mins, secs = (float(match.group(g) or 0) for g in "dhms")
        total = days * self.minutes_per_day + hours * 60 + mins + secs / 60
        if total > 1e9:
            raise self.fail(element, what, name, f"{value!r} is out of range")
        return total

    def flag(self, element: Element, name: str) -> bool:
        return self.text(element, name) in ("1", "true")

    # ------------------------------------------------------------ reading

    def read(self) -> PlanFile:
        root = self.doc.root
        per_day = self.number(root, "the project", "MinutesPerDay")
        if per_day is not None:
            if not 0 < per_day <= 1440:
                raise self.fail(
                    root, "the project", "MinutesPerDay", f"{per_day:g} is out of range"
                )
            self.minutes_per_day = per_day
        start = self.moment(root, "the project", "StartDate")
        self.plan.start = start.date() if start else None
        self.calendar(root)
        tasks = self.tasks(root)
        people = self.resources(root)
        self.assignments(root, tasks, people)
        if self.plan.start is None:
            self.plan.start = min((t.start for t in self.plan.tasks if t.start), default=None)
        return self.plan

    def tasks(self, root: Element) -> set[str]:
        stack: list[tuple[int, str]] = []  # (outline level, ref) of the open summaries
        container = root.find(_NS + "Tasks")
        elements = [] if container is None else container.findall(_NS + "Task")
        kept: set[str] = set()
        links: list[tuple[PlanTask, Element, str, PlanLink]] = []
        for element in elements:
            uid = self.text(element, "UID")
            what = f"Task UID {uid}" if uid else "a Task"
            if uid is None:
                raise self.fail(element, what, "UID", "is missing")
            name = " ".join((self.text(element, "Name") or "").split())  # one line
            if name:
                what = f'Task UID {uid} ("{_short(name)}")'
            level_number = self.number(element, what, "OutlineLevel")
            if level_number is None:
                outline = self.text(element, "OutlineNumber")
                level_number = float(len(outline.split("."))) if outline else 1.0
            level = int(level_number)
            if self.flag(element, "IsNull"):
                self.plan.skip("tasks", f"{what}: a blank row (IsNull)")
                continue
            if level == 0 or uid == "0":
                continue  # the project summary task: the project itself
            while stack and stack[-1][0] >= level:
                stack.pop()
            if level > (stack[-1][0] if stack else 0) + 1:
                reason = f"level {level} follows a task of level {stack[-1][0] if stack else 0}"
                raise self.fail(element, what, "OutlineLevel", reason)
            task = self.task(element, what, uid, name, stack[-1][1] if stack else None)
            self.plan.tasks.append(task)
            kept.add(uid)
            stack.append((level, uid))
            for link_element in element.findall(_NS + "PredecessorLink"):
                link = self.link(link_element, what)
                if link is not None:
                    links.append((task, link_element, what, link))
        for task, element, what, link in links:
            if link.task in kept:
                task.links.append(link)
            elif link.task == "0":
                self.plan.skip("tasks", f"{what}: a link to the project summary task")
            else:
                reason = f"{link.task} is not a task of the file"
                raise self.fail(element, what, "PredecessorUID", reason)
        return kept

    def task(
        self, element: Element, what: str, uid: str, name: str, parent: str | None
    ) -> PlanTask:
        minutes = self.minutes(element, what, "Duration") or 0.0
        duration = round(minutes / self.minutes_per_day, 6)
        start = self.moment(element, what, "Start")
        percent = self.number(element, what, "PercentComplete")
        if percent is not None and percent > 100:
            raise self.fail(element, what, "PercentComplete", f"{percent:g} is over 100")
        constraint = self.text(element, "ConstraintType") or "0"
        earliest = None
        if constraint in ("2", "4"):
            when = self.moment(element, what, "ConstraintDate")
            earliest = when.date() if when else None
        elif constraint not in ("0", "1"):
            self.plan.skip(
                "tasks",
                f"{what}: constraint type {constraint} (only start no earlier than is kept)",
            )
        return PlanTask(
            ref=uid,
            title=name or f"Task {uid}",
            where=self.where(element, what),
            parent=parent,
            duration=duration,
            start=start.date() if start else None,
            starts_at_day_end=start is not None and start.time() >= _DAY_END,
            percent=percent,
            start_no_earlier_than=earliest,
            notes=self.text(element, "Notes"),
        )

    def link(self, element: Element, what: str) -> PlanLink | None:
        uid = self.text(element, "PredecessorUID")
        if uid is None:
            raise self.fail(element, what, "PredecessorUID", "is missing")
        if self.flag(element, "CrossProject"):
            self.plan.skip("tasks", f"{what}: a link to another project ({uid})")
            return None
        code = self.text(element, "Type") or "1"
        if code not in LINK_TYPES:
            raise self.fail(
                element, what, "Type", f"link type {code!r} is unknown (0-3 = FF, FS, SF, SS)"
            )
        lag_tenths = self.number(element, what, "LinkLag", low=-1e12) or 0.0
        lag_format = self.text(element, "LagFormat") or "7"
        if lag_format in _PERCENT_FORMATS:
            self.plan.skip("tasks", f"{what}: a lag in percent on the link from {uid}, taken as 0")
            lag = 0.0
        else:
            per_day = 1440.0 if lag_format in _ELAPSED_FORMATS else self.minutes_per_day
            lag = round(lag_tenths / 10.0 / per_day, 6)
        return PlanLink(uid, LINK_TYPES[code], lag)

    def resources(self, root: Element) -> set[str]:
        container = root.find(_NS + "Resources")
        kept: set[str] = set()
        for element in [] if container is None else container.findall(_NS + "Resource"):
            uid = self.text(element, "UID")
            what = f"Resource UID {uid}"
            if uid is None:
                raise self.fail(element, "a Resource", "UID", "is missing")
            name = " ".join((self.text(element, "Name") or "").split()) or None
            if self.flag(element, "IsNull") or (name is None and uid == "0"):
                continue  # a blank row, or MS Project's unnamed resource 0
            if name is None:
                raise self.fail(element, what, "Name", "is missing")
            what = f'Resource UID {uid} ("{_short(name)}")'
            kind = self.text(element, "Type") or "1"
            if kind != "1":
                sort = {"0": "a material", "2": "a cost"}.get(kind, f"a type {kind}")
                self.plan.skip("people", f"{what}: {sort} resource, not a person")
                continue
            email = self.text(element, "EmailAddress")
            if email is not None and not _EMAIL.fullmatch(email):
                self.plan.skip("people", f"{what}: EmailAddress {email!r} is not an e-mail address")
                email = None
            rate = self.number(element, what, "StandardRate")
            self.plan.people.append(
                PlanPerson(
                    uid,
                    name,
                    self.where(element, what),
                    self.text(element, "Group"),
                    rate or None,
                    email,
                )
            )
            kept.add(uid)
        return kept

    def assignments(self, root: Element, tasks: set[str], people: set[str]) -> None:
        container = root.find(_NS + "Assignments")
        for element in [] if container is None else container.findall(_NS + "Assignment"):
            task, person = self.text(element, "TaskUID"), self.text(element, "ResourceUID")
            what = f"Assignment UID {self.text(element, 'UID')}"
            if task is None or person is None:
                name = "TaskUID" if task is None else "ResourceUID"
                raise self.fail(element, what, name, "is missing")
            if person not in people or task not in tasks:
                if person == "-65535":
                    continue  # MS Project's "unassigned" placeholder
                missing = f"resource {person}" if person not in people else f"task {task}"
                self.plan.skip("assignments", f"{what}: {missing} is not imported")
                continue
            units = self.number(element, what, "Units")
            allocation = None if units is None else round(units * 100, 4)
            if allocation is not None and allocation > 100:
                self.plan.skip("assignments", f"{what}: {allocation:g}% taken as 100%")
                allocation = 100.0
            self.plan.assignments.append(
                PlanAssignment(task, person, self.where(element, what), allocation)
            )

    def calendar(self, root: Element) -> None:
        container = root.find(_NS + "Calendars")
        calendars = {}
        for element in [] if container is None else container.findall(_NS + "Calendar"):
            uid = self.text(element, "UID")
            if uid is not None:
                calendars[uid] = element
        wanted = self.text(root, "CalendarUID")
        chosen = calendars.get(wanted or "")
        if chosen is None:
            chosen = next((c for c in calendars.values() if self.flag(c, "IsBaseCalendar")), None)
        if chosen is None:
            return
        chain = [chosen]
        base = calendars.get(self.text(chosen, "BaseCalendarUID") or "")
        if base is not None and base is not chosen:
            chain.append(base)
        working: dict[str, bool] = {}
        for calendar in reversed(chain):  # the base first, the chosen one overrides it
            what = f"Calendar UID {self.text(calendar, 'UID')}"
            weekdays = calendar.find(_NS + "WeekDays")
            for day in [] if weekdays is None else weekdays.findall(_NS + "WeekDay"):
                kind = self.text(day, "DayType")
                if kind in _DAY_TYPES:
                    working[_DAY_TYPES[kind]] = self.flag(day, "DayWorking")
                elif kind == "0":
                    self.exception(day, what)
            exceptions = calendar.find(_NS + "Exceptions")
            for day in [] if exceptions is None else exceptions.findall(_NS + "Exception"):
                self.exception(day, what)
            if calendar.find(_NS + "WorkWeeks") is not None:
                self.plan.skip("project", f"{what}: work weeks other than the default are not kept")
        if working:
            self.plan.weekends = [
                d for d in WEEKDAY_NAMES if not working.get(d, d not in ("sat", "sun"))
            ]
            if len(self.plan.weekends) == 7:
                raise self.fail(
                    chosen, "the project calendar", "WeekDays", "no day is a working day"
                )

    def exception(self, element: Element, what: str) -> None:
        period = element.find(_NS + "TimePeriod")
        first = self.moment(period, what, "FromDate") if period is not None else None
        last = self.moment(period, what, "ToDate") if period is not None else None
        if first is None or last is None:
            raise self.fail(element, what, "TimePeriod", "an exception needs FromDate and ToDate")
        span = (
            f"{first.date()} to {last.date()}" if last.date() != first.date() else str(first.date())
        )
        if self.flag(element, "DayWorking"):
            self.plan.skip("project", f"{what}: working time on {span} (only days off are kept)")
            return
        occurrences = self.text(element, "Occurrences") or "1"
        kind = self.text(element, "Type") or "1"
        if kind != "1" and occurrences != "1":
            self.plan.skip("project", f"{what}: a recurring exception from {span} (type {kind})")
            return
        days = (last.date() - first.date()).days + 1
        if days < 1 or days > _MAX_EXCEPTION_DAYS:
            self.plan.skip("project", f"{what}: an exception of {days} days ({span})")
            return
        self.plan.holidays.extend(first.date() + timedelta(days=n) for n in range(days))


# ---------------------------------------------------------------- writing


def _clock(day: date, minutes: float) -> str:
    """The date and time `minutes` into a working day of 08:00-12:00, 13:00-17:00."""
    minutes = max(0.0, min(float(MINUTES_PER_DAY), minutes))
    at = 8 * 60 + minutes + (60 if minutes > 240 else 0)
    moment = datetime(day.year, day.month, day.day) + timedelta(minutes=round(at))
    return moment.isoformat(timespec="seconds")


def _duration(days: float) -> str:
    total = round(days * MINUTES_PER_DAY * 60)  # seconds
    hours, rest = divmod(total, 3600)
    return f"PT{hours}H{rest // 60}M{rest % 60}S"


#: Characters XML 1.0 cannot hold (C0 controls but tab and line ends, surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _add(parent: Element, name: str, value: object) -> Element:
    child = SubElement(parent, name)
    text = value if isinstance(value, str) else _text(value)
    # A record may hold control characters (shown escaped on screens); XML cannot, and
    # a file with them would open nowhere: each becomes U+FFFD.
    child.text = _NOT_XML.sub("\ufffd", text)
    return child


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return format(value, ".10g") if not value.is_integer() else str(int(value))
    return str(value)


def write_mspdi(store: Store, name: str = "plan.xml") -> str:
    """The project's plan as MSPDI text (UTF-8 XML)."""
    project = store.records("project")[0]
    tasks = store.records("tasks")
    plan = build_plan(tasks, project, store.today)
    root = Element("Project", {"xmlns": NAMESPACE})
    _header(root, project, plan, name)
    _calendar(root, project, plan)
    uids = {task.key: index for index, task in enumerate(plan.tasks, start=1)}
    _tasks(root, plan, uids)
    people = store.records("people")
    resources = {str(p["key"]): index for index, p in enumerate(people, start=1)}
    _resources(root, people)
    _assignments(root, store.records("assignments"), plan, uids, resources)
    indent(root, space="  ")
    body = tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body + "\n"


def _header(root: Element, project: dict[str, Any], plan: Plan, name: str) -> None:
    _add(root, "SaveVersion", 14)
    _add(root, "Name", name)
    _add(root, "Title", str(project.get("name") or "Project"))
    if project.get("manager"):
        _add(root, "Manager", str(project["manager"]))
    _add(root, "ScheduleFromStart", 1)
    _add(root, "StartDate", _clock(plan.start, 0))
    _add(root, "FinishDate", _clock(plan.finish, MINUTES_PER_DAY))
    _add(root, "FYStartDate", int(project.get("fiscal_year_start") or 1))
    _add(root, "CriticalSlackLimit", 0)
    _add(root, "CurrencyDigits", 2)
    _add(root, "CurrencyCode", str(project.get("currency") or "EUR"))
    _add(root, "CalendarUID", 1)
    _add(root, "DefaultStartTime", "08:00:00")
    _add(root, "DefaultFinishTime", "17:00:00")
    _add(root, "MinutesPerDay", MINUTES_PER_DAY)
    per_week = 7 if plan.calendar.all_days else 7 - len(plan.calendar.weekends)
    _add(root, "MinutesPerWeek", MINUTES_PER_DAY * per_week)
    _add(root, "DaysPerMonth", 20)
    _add(root, "DefaultTaskType", 1)
    _add(root, "DurationFormat", 7)
    _add(root, "WorkFormat", 2)
    _add(root, "HonorConstraints", 0)
    _add(root, "WeekStartDay", 1)


def _calendar(root: Element, project: dict[str, Any], plan: Plan) -> None:
    calendars = SubElement(root, "Calendars")
    calendar = SubElement(calendars, "Calendar")
    _add(calendar, "UID", 1)
    _add(calendar, "Name", "Standard")
    _add(calendar, "IsBaseCalendar", 1)
    _add(calendar, "IsBaselineCalendar", 0)
    _add(calendar, "BaseCalendarUID", -1)
    weekdays = SubElement(calendar, "WeekDays")
    for code, day in sorted(_DAY_TYPES.items()):
        working = plan.calendar.all_days or WEEKDAY_NAMES.index(day) not in plan.calendar.weekends
        element = SubElement(weekdays, "WeekDay")
        _add(element, "DayType", code)
        _add(element, "DayWorking", working)
        if working:
            times = SubElement(element, "WorkingTimes")
            for first, last in (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")):
                period = SubElement(times, "WorkingTime")
                _add(period, "FromTime", first)
                _add(period, "ToTime", last)
    holidays = [] if plan.calendar.all_days else sorted(plan.calendar.holidays)
    if holidays:
        exceptions = SubElement(calendar, "Exceptions")
        for holiday in holidays:
            element = SubElement(exceptions, "Exception")
            _add(element, "EnteredByOccurrences", 0)
            period = SubElement(element, "TimePeriod")
            _add(period, "FromDate", f"{holiday.isoformat()}T00:00:00")
            _add(period, "ToDate", f"{holiday.isoformat()}T23:59:00")
            _add(element, "Occurrences", 1)
            _add(element, "Name", "Holiday")
            _add(element, "Type", 1)
            _add(element, "DayWorking", 0)


def _moments(plan: Plan, es: float, ef: float, milestone: bool) -> tuple[str, str]:
    first = math.floor(es + 1e-9)
    start = _clock(plan.date_at(first), (es - first) * MINUTES_PER_DAY)
    if milestone:
        return start, start
    last = math.ceil(ef - 1e-9) - 1
    into = ef - last
    return start, _clock(plan.date_at(max(first, last)), into * MINUTES_PER_DAY)


def _tasks(root: Element, plan: Plan, uids: dict[str, int]) -> None:
    container = SubElement(root, "Tasks")
    for task in plan.tasks:
        record = task.record
        element = SubElement(container, "Task")
        _add(element, "UID", uids[task.key])
        _add(element, "ID", uids[task.key])
        _add(element, "Name", task.title)
        _add(element, "Active", 1)
        _add(element, "Manual", 0)
        _add(element, "Type", 1)
        _add(element, "IsNull", 0)
        _add(element, "WBS", task.wbs)
        _add(element, "OutlineNumber", task.wbs)
        _add(element, "OutlineLevel", task.depth + 1)
        start, finish = _moments(plan, task.times.es, task.times.ef, task.milestone)
        _add(element, "Start", start)
        _add(element, "Finish", finish)
        _add(element, "Duration", _duration(task.duration))
        _add(element, "DurationFormat", 7)
        _add(element, "EffortDriven", 0)
        _add(element, "Estimated", 0)
        _add(element, "Milestone", task.milestone)
        _add(element, "Summary", task.summary)
        _add(element, "Critical", task.critical)
        _add(element, "PercentComplete", round(task.percent_complete))
        earliest = as_date(record.get("start_no_earlier_than"))
        _add(element, "ConstraintType", 4 if earliest else 0)
        if earliest:
            _add(element, "ConstraintDate", _clock(earliest, 0))
        if record.get("notes"):
            _add(element, "Notes", str(record["notes"]))
        for link in task.links:
            _link(element, link, uids)


def _link(parent: Element, link: Link, uids: dict[str, int]) -> None:
    element = SubElement(parent, "PredecessorLink")
    _add(element, "PredecessorUID", uids[link.predecessor])
    _add(element, "Type", LINK_CODES[link.type])
    _add(element, "CrossProject", 0)
    _add(element, "LinkLag", round(link.lag * MINUTES_PER_DAY * 10))
    _add(element, "LagFormat", 7)


def _resources(root: Element, people: Iterable[dict[str, Any]]) -> None:
    container = SubElement(root, "Resources")
    for index, person in enumerate(people, start=1):
        element = SubElement(container, "Resource")
        _add(element, "UID", index)
        _add(element, "ID", index)
        _add(element, "Name", str(person.get("name") or person["key"]))
        _add(element, "Type", 1)
        _add(element, "IsNull", 0)
        if person.get("role"):
            _add(element, "Group", str(person["role"]))
        if person.get("email"):
            _add(element, "EmailAddress", str(person["email"]))
        _add(element, "MaxUnits", 1)
        if isinstance(person.get("rate"), int | float):
            _add(element, "StandardRate", float(person["rate"]))
        _add(element, "StandardRateFormat", 2)


def _assignments(
    root: Element,
    assignments: Iterable[dict[str, Any]],
    plan: Plan,
    uids: dict[str, int],
    resources: dict[str, int],
) -> None:
    container = SubElement(root, "Assignments")
    number = 0
    for assignment in assignments:
        task = plan.by_key.get(str(assignment.get("task") or ""))
        person = resources.get(str(assignment.get("person") or ""))
        if task is None or person is None:
            continue  # a milestone's or deliverable's assignment: no task in MSPDI
        number += 1
        units = (
            float(assignment["allocation"]) / 100
            if assignment.get("allocation") is not None
            else 1.0
        )
        start, finish = _moments(plan, task.times.es, task.times.ef, task.milestone)
        element = SubElement(container, "Assignment")
        _add(element, "UID", number)
        _add(element, "TaskUID", uids[task.key])
        _add(element, "ResourceUID", person)
        _add(element, "Finish", finish)
        _add(element, "Start", start)
        _add(element, "Units", units)
        _add(element, "Work", _duration(task.duration * units))
