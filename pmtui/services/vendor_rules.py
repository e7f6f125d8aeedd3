"""The vendors area's rules across records and computed fields (pmtui.tables attaches them;
the store enforces the rules for every way in: app, CLI, CSV/JSON import).

One score per comparison, vendor and criterion; scores within the comparison's scale; a
decision only by someone whose approval limit covers the TCO; names unique where people
pick records by name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pmtui.context import Context
from pmtui.schema import Reader, Record

Errors = dict[int, dict[str, str]]


# ---------------------------------------------------------------- rules across records


def _same_name_elsewhere(
    reader: Reader, table: str, records: Sequence[Record], group: str | None
) -> Errors:
    """Records whose name another record of the table (in the same `group`) already has."""
    holders: dict[tuple[str, str], set[str]] = {}
    for other in reader.records(table):
        name = str(other.get("name") or "").strip().casefold()
        holders.setdefault((str(other.get(group)) if group else "", name), set()).add(
            str(other.get("key"))
        )
    errors: Errors = {}
    for index, record in enumerate(records):
        name = str(record.get("name") or "").strip()
        where = str(record.get(group)) if group else ""
        others = holders.get((where, name.casefold()), set()) - {str(record.get("key"))}
        if name and others:
            scope = f" in {where}" if group else ""
            errors[index] = {"name": f"{name!r} is taken{scope} by {', '.join(sorted(others))}"}
    return errors


def vendor_rules(reader: Reader, records: Sequence[Record]) -> Errors:
    """Vendor names are unique."""
    return _same_name_elsewhere(reader, "vendors", records, None)


def comparison_rules(reader: Reader, records: Sequence[Record]) -> Errors:
    """Scores fit the scale; the chosen vendor is in the comparison; the approver's limit
    covers its TCO."""
    from pmtui.domain.scoring import check_decision
    from pmtui.services.comparisons import load_comparison  # scoring loads only when a rule runs

    errors: Errors = {}
    for index, record in enumerate(records):
        found: dict[str, str] = {}
        data = load_comparison(reader, record)
        top = max((float(s.get("score") or 0) for s in data.scores.values()), default=0.0)
        if top > data.scale:
            found["scale"] = (
                f"scores up to {top:g} exist in this comparison; lower them before the scale"
            )
        chosen = record.get("chosen_vendor")
        if chosen:
            if chosen not in {str(v["key"]) for v in data.vendors}:
                found["chosen_vendor"] = (
                    f"{chosen} is not one of this comparison's vendors "
                    "(its candidates, or a vendor scored or quoted in it)"
                )
            elif record.get("decided_by"):
                approver = reader.get("people", str(record["decided_by"])) or {}
                limit = approver.get("approval_limit")
                reason = check_decision(
                    data.tco(str(chosen)), None if limit is None else float(limit)
                )
                if reason:
                    found["decided_by"] = f"cannot approve: {reason}"
        if found:
            errors[index] = found
    return errors


def criterion_rules(reader: Reader, records: Sequence[Record]) -> Errors:
    """Criterion names are unique in a comparison; a scored criterion stays in its own."""
    errors = _same_name_elsewhere(reader, "criteria", records, "comparison")
    scored_in: dict[str, set[str]] = {}
    for score in reader.records("scores"):
        if score.get("comparison"):
            scored_in.setdefault(str(score.get("criterion")), set()).add(str(score["comparison"]))
    for index, record in enumerate(records):
        elsewhere = scored_in.get(str(record.get("key")), set()) - {str(record.get("comparison"))}
        if elsewhere:
            errors.setdefault(index, {})["comparison"] = (
                f"it has scores in {', '.join(sorted(elsewhere))}; "
                "a scored criterion cannot move to another comparison"
            )
    return errors


def score_rules(reader: Reader, records: Sequence[Record]) -> Errors:
    """A score's criterion is of its comparison, within its scale, one per vendor each."""
    from pmtui.domain.scoring import DEFAULT_SCALE

    holders: dict[tuple[str, str], set[str]] = {}
    for other in reader.records("scores"):
        cell = (str(other.get("vendor")), str(other.get("criterion")))
        holders.setdefault(cell, set()).add(str(other.get("key")))
    errors: Errors = {}
    for index, record in enumerate(records):
        found: dict[str, str] = {}
        criterion = reader.get("criteria", str(record.get("criterion"))) or {}
        comparison_key = str(criterion.get("comparison") or record.get("comparison"))
        if record.get("comparison") and criterion and record["comparison"] != comparison_key:
            found["criterion"] = (
                f"{criterion['key']} ({criterion.get('name')}) belongs to "
                f"{comparison_key}, not {record['comparison']}"
            )
        comparison = reader.get("comparisons", comparison_key) or {}
        scale = float(comparison.get("scale") or DEFAULT_SCALE)
        score = record.get("score")
        if score is not None and not 0 <= float(score) <= scale:
            found["score"] = f"{score:g} is outside 0-{scale:g}, the scale of {comparison_key}"
        vendor, criterion_key = str(record.get("vendor")), str(record.get("criterion"))
        others = holders.get((vendor, criterion_key), set()) - {str(record.get("key"))}
        if others:
            vendor_name = (reader.get("vendors", vendor) or {}).get("name", vendor)
            found["criterion"] = (
                f"{vendor_name} already has a score on {criterion.get('name', criterion_key)} "
                f"({', '.join(sorted(others))}); change that one"
            )
        if found:
            errors[index] = found
    return errors


# ---------------------------------------------------------------- computed fields


def comparison_status(ctx: Context, records: Sequence[Record]) -> dict[str, dict[str, Any]]:
    """Each comparison's computed status: decided once a vendor is chosen, else open."""
    # Computed, so a comparison can never be "decided" without a chosen vendor or vice versa.
    return {
        str(r["key"]): {"status": "decided" if r.get("chosen_vendor") else "open"} for r in records
    }


RULES = {
    "vendors": vendor_rules,
    "comparisons": comparison_rules,
    "criteria": criterion_rules,
    "scores": score_rules,
}
#: The fields of a changed record each rule reads (the key is always watched): an edit
#: touching none of them (a vendor's contact, a score's note) runs no rule.
RULES_WATCH = {
    "vendors": ("name",),
    "comparisons": ("scale", "horizon_years", "candidates", "chosen_vendor", "decided_by"),
    "criteria": ("name", "comparison"),
    "scores": ("comparison", "vendor", "criterion", "score"),
}
COMPUTED = {"comparisons": comparison_status}
