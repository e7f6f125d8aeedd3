"""Task records as the scheduler's input: the project calendar, links, and whether they schedule."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from pmtui.domain.calendar import WorkCalendar
from pmtui.domain.links import Link, ScheduleError, TaskInput, build_network, parse_links
from pmtui.kinds import project_calendar


def as_date(value: object) -> date | None:
    """A stored ISO date (or a date) as a date; None when empty or not a date."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def task_links(record: Mapping[str, Any]) -> list[Link]:
    """A task's stored predecessor texts as links (a damaged text is skipped)."""
    links: list[Link] = []
    for text in record.get("predecessors") or []:
        try:
            links += parse_links(str(text))
        except ValueError:
            continue
    return links


def task_inputs(
    records: Sequence[Mapping[str, Any]],
    calendar: WorkCalendar | None = None,
    start: date | None = None,
) -> list[TaskInput]:
    """The scheduler's view of task records; start-no-earlier-than needs calendar and start."""
    inputs: list[TaskInput] = []
    for record in records:
        # A record being checked before it is added has no key yet; nothing refers to it.
        key = str(record.get("key") or "(new task)")
        floor: float | None = None
        snet = as_date(record.get("start_no_earlier_than"))
        if snet is not None and calendar is not None and start is not None:
            floor = float(calendar.offset_of(start, snet))
        parent = record.get("parent")
        inputs.append(
            TaskInput(
                key,
                float(record.get("duration") or 0),
                tuple(task_links(record)),
                str(parent) if parent else None,
                floor,
            )
        )
    return inputs


def network_problem(records: Sequence[Mapping[str, Any]]) -> tuple[str, tuple[str, ...]] | None:
    """Why these tasks cannot be scheduled (message, keys at fault), or None if they can.

    References to tasks that are not there are left to the store's reference check (while
    a key is renamed, its referrers still name the old key for a moment)."""
    inputs = task_inputs(records)
    keys = {task.key for task in inputs}
    known = [
        replace(
            task,
            links=tuple(link for link in task.links if link.predecessor in keys),
            parent=task.parent if task.parent in keys else None,
        )
        for task in inputs
    ]
    try:
        build_network(known)
    except ScheduleError as error:
        return str(error), error.keys
    return None


__all__ = ["as_date", "network_problem", "project_calendar", "task_inputs", "task_links"]
