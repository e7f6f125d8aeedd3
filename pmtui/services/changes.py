"""The change-request workflow: allowed moves only, each kept in change_events; approval
within the decider's approval limit, else escalation to their manager; every decision in the
decision log; approving may extend the change's task and save a new baseline, all as one
undoable step.

Plain data in and out through the store's Writer seam; ControlError (one line) when a move
is refused, leaving the file as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pmtui.changes import Writer
from pmtui.domain.risk import AWAITING, transition_problem, within_limit
from pmtui.kinds import format_money
from pmtui.schema import Reader, Record
from pmtui.services.control import ControlError


@dataclass(frozen=True)
class Outcome:
    """What a workflow step did: the change as it now is, and one line saying so."""

    change: Record
    message: str


def person_name(reader: Reader, key: object) -> str:
    """A person's name by key (the key itself when unknown, "nobody" when empty)."""
    if not key:
        return "nobody"
    return str((reader.get("people", str(key)) or {}).get("name") or key)


def project_manager(reader: Reader, project: Record) -> str | None:
    """The key of the person the project's `manager` names (by key or name), if any."""
    named = str(project.get("manager") or "").strip().casefold()
    if not named:
        return None
    for person in reader.records("people"):
        if named in (str(person["key"]).casefold(), str(person.get("name") or "").casefold()):
            return str(person["key"])
    return None


def find_person(reader: Reader, typed: str) -> str | None:
    """The key of the person `typed` names: their key, their name, or a prefix of a word of
    their name that only they have (case aside); None when nobody or several match."""
    wanted = typed.strip().casefold()
    if not wanted:
        return None
    people = reader.records("people")
    for person in people:
        if wanted in (str(person["key"]).casefold(), str(person.get("name") or "").casefold()):
            return str(person["key"])
    found = [
        str(p["key"])
        for p in people
        if any(w.startswith(wanted) for w in str(p.get("name") or "").casefold().split())
    ]
    return found[0] if len(found) == 1 else None


def default_decider(reader: Reader, project: Record, change: Record) -> str | None:
    """Who decides `change` unless someone is chosen: its decider when escalated to them,
    else the project's manager."""
    if change.get("status") == "escalated" and change.get("decided_by"):
        return str(change["decided_by"])
    return project_manager(reader, project) or (
        str(change["decided_by"]) if change.get("decided_by") else None
    )


def move(
    store: Writer,
    key: str,
    to: str,
    *,
    by: str | None = None,
    why: str = "",
    fields: dict[str, Any] | None = None,
) -> Record:
    """Move change `key` to status `to` (an allowed move only), writing `fields` with it and
    an event saying who, when, from, to and why; one undoable step."""
    change = store.require("changes", key)
    current = str(change.get("status") or "proposed")
    problem = transition_problem(current, to)
    if problem:
        raise ControlError(f"{key}: {problem}")
    with store.transaction(f"change {key} {to}"):
        store.update("changes", key, {**(fields or {}), "status": to})
        event: dict[str, Any] = {
            "change": key,
            "at": store.today.isoformat(),
            "from_status": current,
            "to_status": to,
            "why": why,
        }
        if by:
            event["by"] = by
        store.add("change_events", event)
    return store.require("changes", key)


def _log_decision(store: Writer, change: Record, verb: str, by: str, why: str) -> None:
    store.add(
        "decisions",
        {
            "date": store.today.isoformat(),
            "decision": f"{verb} change {change['key']}: {change.get('title', '')}"[:200],
            "made_by": by,
            "source": "change",
            "link": f"changes:{change['key']}",
            "rationale": why,
        },
    )


def _decider(store: Writer, change: Record, decider: str | None) -> str:
    chosen = decider or default_decider(store, store.project, change)
    if not chosen:
        raise ControlError(
            f"{change['key']}: who decides? set the project's manager or choose a decider"
        )
    if store.get("people", chosen) is None:
        raise ControlError(f"{change['key']}: {chosen!r} is not a person of the project")
    return chosen


def _awaiting(change: Record) -> None:
    status = str(change.get("status") or "proposed")
    if status not in AWAITING:
        if status == "proposed":
            raise ControlError(
                f"{change['key']} is proposed: put it under review (v) before deciding"
            )
        raise ControlError(f"{change['key']} is {status}: it awaits no decision")


def approve(
    store: Writer,
    key: str,
    *,
    decider: str | None = None,
    why: str = "",
    apply_schedule: bool = False,
    new_baseline: bool = False,
    apply_cost: bool = False,
) -> Outcome:
    """Approve change `key` as `decider` (default: the project's manager, or whom it was
    escalated to). When the cost is above their approval limit, the change is escalated to
    their manager instead, named in the message. Approving logs the decision and, when
    asked, extends the change's task by its schedule impact, adds its cost to this month's
    budget line of its category (Money) and saves a new baseline; one undoable step either
    way."""
    change = store.require("changes", key)
    _awaiting(change)
    by = _decider(store, change, decider)
    person = store.require("people", by)
    cost = change.get("cost_impact")
    limit = person.get("approval_limit")
    name = person_name(store, by)
    if not within_limit(cost, limit):
        over = f"{key} costs {format_money(float(cost or 0))}, " + (
            f"and {name} has no approval limit"
            if limit is None
            else f"above {name}'s approval limit of {format_money(float(limit))}"
        )
        boss = person.get("manager")
        if not boss:
            raise ControlError(f"{over}, and {name} has no manager to escalate to")
        if change.get("status") == "escalated":
            raise ControlError(f"{over}: {person_name(store, boss)} ({boss}) must decide")
        why_escalated = why or f"above {name}'s approval limit"
        updated = move(
            store, key, "escalated", by=by, why=why_escalated, fields={"decided_by": boss}
        )
        return Outcome(updated, f"{over}: escalated to {person_name(store, boss)}")
    with store.transaction(f"approve change {key}"):
        updated = move(
            store,
            key,
            "approved",
            by=by,
            why=why,
            fields={"decided_by": by, "decided_on": store.today.isoformat(), "rationale": why},
        )
        _log_decision(store, updated, "Approved", by, why)
        extra = _apply(store, updated, apply_schedule, new_baseline)
        if apply_cost:
            extra += _apply_cost(store, updated)
    return Outcome(store.require("changes", key), f"{key} approved by {name}{extra}")


def _apply(store: Writer, change: Record, schedule: bool, baseline: bool) -> str:
    said = ""
    days = change.get("schedule_impact")
    task_key = change.get("task")
    if schedule and days and task_key:
        task = store.require("tasks", str(task_key))
        duration = float(task.get("duration") or 0) + float(days)
        store.update("tasks", str(task_key), {"duration": f"{duration:g}"})
        said += f"; {task_key} now {duration:g} days"
    if baseline:
        from pmtui.planning.baseline import save_baseline  # the plan loads only when asked

        saved = save_baseline(store, f"After change {change['key']}", note=str(change["title"]))
        said += f"; baseline {saved['key']} saved"
    return said


def _apply_cost(store: Writer, change: Record) -> str:
    """Add an approved change's cost to this month's budget line of its category (a new
    line when the month has none): the annual budget then carries what was approved."""
    cost = float(change.get("cost_impact") or 0)
    category = change.get("budget_category")
    if not cost:
        return ""
    if not category:
        raise ControlError(f"{change['key']} names no budget category to add its cost to")
    month = store.today.strftime("%Y-%m")
    line = next(
        (
            r
            for r in store.records("budget_lines")
            if r.get("month") == month and r.get("category") == category
        ),
        None,
    )
    if line is None:
        note = f"change {change['key']}"
        store.add(
            "budget_lines",
            {"month": month, "category": str(category), "planned": f"{cost:g}", "note": note},
        )
        return f"; {format_money(cost)} planned for {category} in {month}"
    planned = float(line.get("planned") or 0) + cost
    store.update("budget_lines", str(line["key"]), {"planned": f"{planned:g}"})
    return f"; {category} in {month} now {format_money(planned)}"


def reject(store: Writer, key: str, *, decider: str | None = None, why: str = "") -> Outcome:
    """Reject change `key` with a rationale (required), logged as a decision."""
    change = store.require("changes", key)
    _awaiting(change)
    if not why.strip():
        raise ControlError(f"{key}: a rejection needs a rationale")
    by = _decider(store, change, decider)
    with store.transaction(f"reject change {key}"):
        updated = move(
            store,
            key,
            "rejected",
            by=by,
            why=why,
            fields={"decided_by": by, "decided_on": store.today.isoformat(), "rationale": why},
        )
        _log_decision(store, updated, "Rejected", by, why)
    return Outcome(updated, f"{key} rejected by {person_name(store, by)}")


def history(reader: Reader, key: str) -> list[Record]:
    """The change's events in the order they happened."""
    return [e for e in reader.records("change_events") if e.get("change") == key]


def changes_json(reader: Reader) -> dict[str, Any]:
    """CONTRACT's `changes --json` shape, each change with its history."""
    events: dict[str, list[dict[str, Any]]] = {}
    for event in reader.records("change_events"):
        events.setdefault(str(event.get("change")), []).append(
            {
                "at": event.get("at"),
                "by": event.get("by"),
                "from": event.get("from_status"),
                "to": event.get("to_status"),
                "why": event.get("why"),
            }
        )
    return {
        "changes": [
            {
                "key": change["key"],
                "title": change.get("title"),
                "status": change.get("status") or "proposed",
                "requested_by": change.get("requested_by"),
                "cost_impact": change.get("cost_impact"),
                "schedule_impact": change.get("schedule_impact"),
                "decided_by": change.get("decided_by"),
                "decided_on": change.get("decided_on"),
                "history": events.get(str(change["key"]), []),
            }
            for change in reader.records("changes")
        ]
    }
