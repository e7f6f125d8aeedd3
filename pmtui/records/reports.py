"""Reports: the snapshots a status report leaves when it is issued.

Issuing a report (`pmtui report PROJECT --issue`, or the Reports area's issue action) saves
one `report_snapshots` record: the date, the RAG per dimension, overall and override, SPI,
CPI, percent complete, budget used, open risks by level, open issues and the summary text.
Trends come from these records; "since the last report" means after the date of the latest
snapshot before the report's date. The manager's summary for the next report lives in the
project's `report_summary`.
"""

from __future__ import annotations

from pmtui.domain.rag import COLOURS
from pmtui.records.fields import choice_field, today
from pmtui.schema import Field, Kind, RecordType, register


def _colour(name: str, what: str) -> Field:
    return choice_field(name, COLOURS, width=0 if name != "overall" else 7, help=what)


def _count(name: str, label: str, what: str) -> Field:
    return Field(name, Kind.INTEGER, label=label, minimum=0, width=4, help=what)


REPORT_SNAPSHOTS = register(
    RecordType(
        table="report_snapshots",
        singular="report snapshot",
        key_prefix="RS",
        label_field="date",
        board="reports.history",
        help="One issued status report's figures: its RAG, indices and counts, for trends.",
        fields=(
            Field(
                "date",
                Kind.DATE,
                required=True,
                default=today,
                width=10,
                help="The report's date (its as-of date); one snapshot per date.",
            ),
            _colour("overall", "The overall status the report gave (the override if set)."),
            _colour("schedule", "Schedule's colour by the rules."),
            _colour("cost", "Cost's colour by the rules (empty: no CPI yet)."),
            _colour("scope", "Scope's colour by the rules."),
            _colour("risk", "Risk's colour by the rules."),
            _colour("override", "The manager's override, when there was one."),
            Field("override_reason", Kind.TEXT, width=0, help="Why the manager overrode it."),
            Field("spi", Kind.NUMBER, label="SPI", width=5, help="Schedule performance index."),
            Field("cpi", Kind.NUMBER, label="CPI", width=5, help="Cost performance index."),
            Field(
                "percent_complete",
                Kind.PERCENT,
                label="Done %",
                width=6,
                help="Earned value over BAC (the leaf tasks' average by duration without budgets).",
            ),
            Field(
                "budget_used",
                Kind.PERCENT,
                label="Used %",
                width=6,
                help="Actual cost to date over BAC.",
            ),
            _count("risks_high", "High", "Open high risks."),
            _count("risks_medium", "Med", "Open medium risks."),
            _count("risks_low", "Low", "Open low risks."),
            _count("open_issues", "Issues", "Open issues (open, in progress, escalated)."),
            Field(
                "reasons",
                Kind.LONG_TEXT,
                width=0,
                help="Why each colour was what it was, one a line: 'schedule: SPI 0.93 is "
                "below 0.95'.",
            ),
            Field("summary", Kind.LONG_TEXT, width=0, help="The summary the report carried."),
        ),
    )
)

__all__ = ["REPORT_SNAPSHOTS"]
