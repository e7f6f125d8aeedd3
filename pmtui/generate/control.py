"""Test data of the Control area: make random rows obey its tables' rules."""

from __future__ import annotations

import random

from pmtui.changes import Writer
from pmtui.generate.rows import RefFixer, RowFixer
from pmtui.records.control import OPPORTUNITY_STRATEGIES, THREAT_STRATEGIES


def _fix_risk(row: dict[str, str], rng: random.Random) -> None:
    kind = row.get("kind") or "threat"
    if "strategy" in row:
        row["strategy"] = rng.choice(
            THREAT_STRATEGIES if kind == "threat" else OPPORTUNITY_STRATEGIES
        )
    row.pop("issue", None)  # the link both ways is made when a risk occurs


def _fix_issue(row: dict[str, str], rng: random.Random) -> None:
    if row.get("status") in ("resolved", "closed"):
        row["resolution"] = "Fixed."


def _fix_change(row: dict[str, str], rng: random.Random) -> None:
    # A change's status is where its history ends: random rows have none, so proposed.
    row.pop("status", None)
    if row.get("schedule_impact") and not row.get("task"):
        row.pop("schedule_impact")


def _fix_change_event(row: dict[str, str], rng: random.Random) -> None:
    # A change's status is where its history ends (services.control.change_rules), and
    # generated changes are proposed: a generated step of history ends there too, or the
    # change could not be added back by undo after its delete.
    row["to_status"] = "proposed"


FIXERS: dict[str, RowFixer] = {
    "risks": _fix_risk,
    "issues": _fix_issue,
    "changes": _fix_change,
    "change_events": _fix_change_event,
}
REF_FIXERS: dict[str, RefFixer] = {}


def history(store: Writer, rng: random.Random) -> None:
    """Give the generated changes a history through the workflow (as users move them):
    a quarter stay proposed, the others go under review, and of those a third are
    approved, a third rejected. Runs inside the generator's transaction."""
    from pmtui.services.changes import move

    people = [str(p["key"]) for p in store.records("people")]
    for index, change in enumerate(list(store.records("changes"))):
        key = str(change["key"])
        if index % 4 == 0:
            continue
        by = rng.choice(people) if people else None
        move(store, key, "under review", by=by, why="Impact assessed.")
        if index % 4 == 3:
            continue
        verdict = "approved" if index % 4 == 1 else "rejected"
        fields = {"decided_by": by, "decided_on": store.today.isoformat()} if by else {}
        move(store, key, verdict, by=by, why="Steering committee.", fields=fields)


#: Run after every table is filled (pmtui.generate.rows.histories).
HISTORY = history
#: Tables whose rows only a HISTORY makes (no random rows of their own).
MADE_BY_HISTORY = ("change_events",)
