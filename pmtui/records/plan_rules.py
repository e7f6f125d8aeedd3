"""The Plan area's rules, enforced by the store for every way in (app, CLI, import).

Within a record: actual dates in order. Across records: the tasks' links and parents form
no cycle (the message names the keys in it); a deliverable cannot be accepted while one of
its acceptance criteria is unmet, and a criterion of an accepted deliverable stays met.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pmtui.schema import Reader, dates_in_order

Record = dict[str, Any]
Errors = dict[int, dict[str, str]]


# ---------------------------------------------------------------- rules within one record


def task_check(record: Record) -> dict[str, str]:
    return dates_in_order(record, "actual_start", "actual_finish", "the actual start")


# ---------------------------------------------------------------- rules across records


def task_rules(reader: Reader, records: Sequence[Record]) -> Errors:
    """The whole table, as the change leaves it, must schedule: no cycle through links or
    parents, no link between a summary and its own tasks. One pass per change set."""
    from pmtui import planning  # the scheduling service loads only when tasks are checked

    problem = planning.network_problem(reader.records("tasks"))
    if problem is None:
        return {}
    message, keys = problem
    field = "parent" if message.startswith("parent") else "predecessors"
    index = next((i for i, r in enumerate(records) if r.get("key") in keys), 0)
    return {index: {field: message}}


def _unmet_by_deliverable(reader: Reader) -> dict[str, list[str]]:
    unmet: dict[str, list[str]] = {}
    for criterion in reader.records("acceptance_criteria"):
        if not criterion.get("met"):
            unmet.setdefault(str(criterion.get("deliverable")), []).append(str(criterion["key"]))
    return unmet


def deliverable_rules(reader: Reader, records: Sequence[Record]) -> Errors:
    if not any(r.get("status") == "accepted" for r in records):
        return {}
    unmet = _unmet_by_deliverable(reader)
    errors: Errors = {}
    for index, record in enumerate(records):
        open_items = unmet.get(str(record.get("key")), [])
        if record.get("status") == "accepted" and open_items:
            shown = ", ".join(open_items)
            errors[index] = {
                "status": f"cannot be accepted while criteria are unmet ({shown}); "
                "mark them met or reject it"
            }
    return errors


def criterion_rules(reader: Reader, records: Sequence[Record]) -> Errors:
    errors: Errors = {}
    for index, record in enumerate(records):
        if record.get("met"):
            continue
        deliverable = reader.get("deliverables", str(record.get("deliverable"))) or {}
        if deliverable.get("status") == "accepted":
            errors[index] = {
                "met": f"{deliverable['key']} is accepted, so its criteria stay met; "
                "set it back to submitted first"
            }
    return errors


# ---------------------------------------------------------------- computed columns


def task_columns(records: list[Record], project: Record) -> dict[str, dict[str, Any]]:
    from pmtui import planning

    return planning.computed_task_fields(records, project)
