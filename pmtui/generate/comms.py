"""Test data of the Comms area: make random rows obey its tables' rules (the meetings'
fixers come from pmtui.generate.meetings; the area names this module)."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from pmtui.generate import meetings
from pmtui.generate.rows import RefFixer, RowFixer


def _fix_comm_plan(row: dict[str, str], rng: random.Random) -> None:
    # An entry names whom it informs; a group by text needs no other table.
    row.setdefault("group", "Steering committee")


def _fix_need(row: dict[str, str], rng: random.Random) -> None:
    # Delivered comes from an accepted deliverable, and random deliverables are drafts; a
    # random row (also one set on an existing need that names a deliverable) is planned.
    if row.get("status") == "delivered":
        row["status"] = "planned"


def _fix_survey(row: dict[str, str], rng: random.Random) -> None:
    if "sent_on" in row and "closes_on" in row:
        row["sent_on"], row["closes_on"] = "2026-03-02", "2026-03-16"


def _fix_response(
    row: dict[str, str], rng: random.Random, refs: Mapping[str, Sequence[str]], index: int
) -> None:
    questions, people = refs.get("survey_questions", []), refs.get("stakeholders", [])
    if questions and people:
        # Row n gets the n-th (respondent, question) pair: one score each, by construction.
        row["respondent"] = people[(index - 1) % len(people)]
        row["question"] = questions[(index - 1) // len(people) % len(questions)]
        if index > len(people) * len(questions):
            row.pop("respondent")  # more rows than pairs: aggregates
    row["score"] = str(rng.randint(1, 2))  # within every scale (2 to 10)
    row.pop("count", None)


FIXERS: dict[str, RowFixer] = {
    **meetings.FIXERS,
    "comm_plan": _fix_comm_plan,
    "needs": _fix_need,
    "surveys": _fix_survey,
}
REF_FIXERS: dict[str, RefFixer] = {
    **meetings.REF_FIXERS,
    "survey_responses": _fix_response,
}
