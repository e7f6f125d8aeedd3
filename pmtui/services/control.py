"""The control area's read models and rules across records (pmtui.tables attaches RULES and
COMPUTED): risk scores from the project's matrix, the heat map, a risk becoming an issue,
and the rule that a change's status is the one its history reached.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pmtui.changes import Writer
from pmtui.context import Context
from pmtui.domain.risk import RiskMatrix, matrix_of
from pmtui.records.control import LIVE_RISK
from pmtui.schema import Reader, Record

Errors = dict[int, dict[str, str]]


# ---------------------------------------------------------------- risks


@dataclass(frozen=True)
class ScoredRisk:
    """A risk as the register shows it: its record, the values of its ratings, the cell."""

    record: Record
    probability_value: float
    impact_value: float
    score: float
    score_exact: float
    level: str

    @property
    def key(self) -> str:
        """The risk's key."""
        return str(self.record["key"])

    @property
    def probability(self) -> int:
        """The probability rating 1-5."""
        return int(self.record["probability"])

    @property
    def impact(self) -> int:
        """The impact rating 1-5."""
        return int(self.record["impact"])


def score_risk(matrix: RiskMatrix, record: Record) -> ScoredRisk | None:
    """A risk scored on `matrix`; None when a rating is missing."""
    probability, impact = record.get("probability"), record.get("impact")
    if not isinstance(probability, int) or not isinstance(impact, int):
        return None
    p_value, i_value = matrix.values(probability, impact)
    score = matrix.score(probability, impact)
    return ScoredRisk(
        record, p_value, i_value, score, matrix.exact(probability, impact), matrix.level(score)
    )


def scored_risks(reader: Reader, project: Record) -> list[ScoredRisk]:
    """Every rated risk, highest score first (then key)."""
    matrix = matrix_of(project)
    found = [s for r in reader.records("risks") if (s := score_risk(matrix, r)) is not None]
    return sorted(found, key=lambda s: (-s.score, s.key))


def live_risks(reader: Reader, project: Record) -> list[ScoredRisk]:
    """The rated risks still watched (open or monitoring), highest score first."""
    return [
        s for s in scored_risks(reader, project) if (s.record.get("status") or "open") in LIVE_RISK
    ]


def heat_map(risks: Sequence[ScoredRisk], live_only: bool = True) -> dict[tuple[int, int], int]:
    """(probability, impact) -> how many risks sit in that cell (closed ones left out)."""
    counts: dict[tuple[int, int], int] = {}
    for risk in risks:
        if live_only and risk.record.get("status") in ("closed", "occurred"):
            continue
        cell = (risk.probability, risk.impact)
        counts[cell] = counts.get(cell, 0) + 1
    return counts


def risks_json(reader: Reader, project: Record) -> dict[str, Any]:
    """CONTRACT's `risks --json` shape."""
    matrix = matrix_of(project)
    return {
        "matrix": matrix.to_json(),
        "risks": [
            {
                "key": s.key,
                "title": s.record.get("title"),
                "probability": s.probability,
                "impact": s.impact,
                "probability_value": s.probability_value,
                "impact_value": s.impact_value,
                "score": s.score,
                "score_exact": s.score_exact,
                "level": s.level,
                "owner": s.record.get("owner"),
                "review_date": s.record.get("review_date"),
                "status": s.record.get("status") or "open",
            }
            for s in scored_risks(reader, project)
        ],
    }


def risk_scores(ctx: Context, records: Sequence[Record]) -> dict[str, dict[str, Any]]:
    """Computed: each rated risk's score, unrounded product and level."""
    matrix = matrix_of(ctx.project)
    out: dict[str, dict[str, Any]] = {}
    for record in records:
        scored = score_risk(matrix, record)
        if scored is not None:
            out[scored.key] = {
                "score": scored.score,
                "score_exact": scored.score_exact,
                "level": scored.level,
            }
    return out


class ControlError(ValueError):
    """Why a control step (a risk to an issue, a change's move) cannot be taken; one line."""


def risk_to_issue(store: Writer, key: str, severity: str = "high") -> Record:
    """The risk `key` occurred: a new issue linked to it and it to the issue, the risk
    marked occurred; one undoable step. ControlError when it already became one."""
    risk = store.require("risks", key)
    if risk.get("issue"):
        raise ControlError(f"{key} already became issue {risk['issue']}")
    with store.transaction(f"risk {key} occurred"):
        fields = {
            "title": risk.get("title"),
            "severity": severity,
            "status": "open",
            "related_risk": key,
            "description": risk.get("description") or "",
        }
        if risk.get("owner"):
            fields["owner"] = risk["owner"]
        issue = store.add("issues", fields)
        store.update("risks", key, {"status": "occurred", "issue": issue["key"]})
    return issue


# ---------------------------------------------------------------- rules across records


def change_rules(reader: Reader, records: Sequence[Record]) -> Errors:
    """A change's status is where its history ends (proposed without history): the
    workflow moves it, never a bare edit."""
    reached: dict[str, str] = {}
    for event in reader.records("change_events"):
        reached[str(event.get("change"))] = str(event.get("to_status"))
    errors: Errors = {}
    for index, record in enumerate(records):
        status = record.get("status") or "proposed"
        expected = reached.get(str(record.get("key")), "proposed")
        if status != expected:
            errors[index] = {
                "status": f"is {expected} by its history; a change moves through the "
                "workflow (Changes board: A approve, R reject, ...), never by a bare edit"
            }
    return errors


def change_event_rules(reader: Reader, records: Sequence[Record]) -> Errors:
    """The same from the history's side: a step added or edited leaves its change's
    history ending at the change's status (the workflow writes both in one step)."""
    reached: dict[str, str] = {}
    for event in reader.records("change_events"):
        reached[str(event.get("change"))] = str(event.get("to_status"))
    errors: Errors = {}
    for index, record in enumerate(records):
        key = str(record.get("change"))
        change = reader.get("changes", key)
        status = (change.get("status") if change else None) or "proposed"
        if change is not None and reached.get(key, "proposed") != status:
            errors[index] = {
                "to_status": f"{key} is {status}, so its history cannot end "
                f"{reached.get(key)}; a change moves through the workflow (Changes board: "
                "A approve, R reject, ...)"
            }
    return errors


RULES = {"changes": change_rules, "change_events": change_event_rules}
RULES_WATCH = {"changes": ("status",), "change_events": ("change", "to_status")}
COMPUTED = {"risks": risk_scores}
