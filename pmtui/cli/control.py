"""`pmtui risks` (the register scored on the project's matrix) and `pmtui changes` (each
change request with its history)."""

from __future__ import annotations

import argparse

from pmtui.cli.common import Commands, open_store, print_json, report_command
from pmtui.kinds import format_money
from pmtui.schema import record_labels

#: The commands `register` adds (main builds only the one being run).
COMMANDS = ("risks", "changes")


def register(commands: Commands) -> None:
    """Add `risks` and `changes`."""
    report_command(
        commands,
        "risks",
        run_risks,
        help="the risk register, highest score first",
        description="Every risk scored on the project's probability-impact matrix (PMBOK "
        "values unless the project sets its own, or the 1-25 product), with its level.",
        json_shape='{"matrix": {...}, "risks": [{"key", "title", "probability", "impact", '
        '"probability_value", "impact_value", "score", "score_exact", "level", "owner", '
        '"review_date", "status"}]}',
    )
    report_command(
        commands,
        "changes",
        run_changes,
        help="change requests with their history",
        description="Every change request: status, cost and schedule impact, who decided, "
        "and each step it went through.",
        json_shape='{"changes": [{"key", "title", "status", "requested_by", "cost_impact", '
        '"schedule_impact", "decided_by", "decided_on", "history": [{"at", "by", "from", '
        '"to", "why"}]}]}',
    )


def _table(rows: list[list[str]], left: set[int]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.ljust(width) if index in left else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


def run_risks(args: argparse.Namespace) -> int:
    """Print the register as text or JSON."""
    from pmtui.services.control import risks_json

    with open_store(args.project) as store:
        data = risks_json(store, store.project)
        names = record_labels(store.records("people"), "name")
    if args.json:
        print_json(data)
        return 0
    if not data["risks"]:
        print("no risks yet (pmtui add PROJECT risks title=... probability=4 impact=3)")
        return 0
    rows = [["Key", "Risk", "P", "I", "Score", "Level", "Owner", "Review", "Status"]]
    for risk in data["risks"]:
        rows.append(
            [
                risk["key"],
                str(risk["title"] or "")[:40],
                str(risk["probability"]),
                str(risk["impact"]),
                f"{risk['score']:g}",
                risk["level"],
                names.get(str(risk["owner"]), "") if risk["owner"] else "",
                risk["review_date"] or "",
                risk["status"],
            ]
        )
    print("\n".join(_table(rows, {0, 1, 5, 6, 7, 8})))
    return 0


def run_changes(args: argparse.Namespace) -> int:
    """Print each change and its history as text, or JSON."""
    from pmtui.services.changes import changes_json

    with open_store(args.project) as store:
        data = changes_json(store)
        names = record_labels(store.records("people"), "name")
    if args.json:
        print_json(data)
        return 0
    if not data["changes"]:
        print("no change requests yet (pmtui add PROJECT changes title=...)")
        return 0
    for index, change in enumerate(data["changes"]):
        if index:
            print()
        cost = change["cost_impact"]
        days = change["schedule_impact"]
        impact = ", ".join(
            part
            for part in (
                format_money(float(cost)) if cost else "",
                f"{days:g} working days" if days else "",
            )
            if part
        )
        print(f"{change['key']}  {change['title'] or ''}  ({change['status']})")
        if impact:
            print(f"  impact: {impact}")
        if change["decided_by"]:
            print(f"  decider: {names.get(str(change['decided_by']), '')}")
        for step in change["history"]:
            who = names.get(str(step["by"]), "") if step["by"] else ""
            why = f": {step['why']}" if step["why"] else ""
            print(f"  {step['at']}  {step['from'] or '':>12} -> {step['to']:<12} {who}{why}")
    return 0
