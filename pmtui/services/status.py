"""The status report as a read model: every section gathered from one revision of the file.

`build_report(ctx, as_of, activity=..., next_steps=...)` gathers the sections; the activity
log and Today's upcoming items sit above this layer, so the caller hands them in
(pmtui.reports.status.gather does, from the store). `issue_report(store, as_of)` saves a
`report_snapshots` record as one undoable step. Performance notes are never read here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pmtui.context import Context
from pmtui.domain.rag import Rag, Rating
from pmtui.domain.risk import AWAITING
from pmtui.planning.network import as_date
from pmtui.records.control import OPEN_ISSUE, SEVERITIES
from pmtui.schema import Record, record_labels
from pmtui.services.accomplishments import MOVES, accomplishments, moved
from pmtui.services.changes import default_decider
from pmtui.services.closure import CheckItem, checklist
from pmtui.services.control import live_risks
from pmtui.services.issuing import issue_report, read_reasons, snapshot_fields, snapshot_on
from pmtui.services.project_rag import Figures, figures_for, last_report_date, rag_for

#: How many of each list a report shows at most.
TOP_RISKS = 5
NEXT_MILESTONES = 3


@dataclass(frozen=True)
class MilestoneLine:
    """A milestone as the report lists it; `slip` in working days (positive: late), counted
    from `baseline_due` where the milestone has one, else from `due`."""

    key: str
    title: str
    due: date | None
    forecast: date | None
    slip: int | None
    owner: str
    status: str
    baseline_due: date | None = None


@dataclass(frozen=True)
class Step:
    """A next step: an item of Today's agenda (not a private one)."""

    title: str
    due: str | None
    owner: str
    kind: str
    table: str
    key: str


@dataclass(frozen=True)
class RiskLine:
    """A live risk by score."""

    key: str
    title: str
    level: str
    score: float
    owner: str
    review_date: str | None
    strategy: str
    status: str


@dataclass(frozen=True)
class IssueLine:
    """An open issue, most severe first."""

    key: str
    title: str
    severity: str
    owner: str
    due: str | None
    status: str


@dataclass(frozen=True)
class DecisionNeeded:
    """A change awaiting a decision, or a vendor comparison still open."""

    table: str
    key: str
    title: str
    what: str
    who: str


@dataclass(frozen=True)
class StatusReport:
    """Every section of a status report, as of one date."""

    project: str
    manager: str
    currency: str
    as_of: date
    #: The last issued report's date before as_of ("since the last report"), if any.
    since: date | None
    #: "file" (figures computed from the project now) or "snapshot" (the issued report's).
    source: str
    summary: str
    rag: Rag
    figures: Figures
    milestones_done: list[MilestoneLine]
    milestones_next: list[MilestoneLine]
    milestones_slipping: list[MilestoneLine]
    accomplishments: list[str]
    next_steps: list[Step]
    risks: list[RiskLine]
    issues: list[IssueLine]
    decisions_needed: list[DecisionNeeded]
    #: The issued snapshots up to as_of, oldest first.
    trends: list[Record]
    notes: list[str] = field(default_factory=list)
    #: The final report of a closed project: the whole project, not since the last report.
    final: bool = False
    #: The final report's closure checklist (pmtui.services.closure) and lessons learned.
    checklist: list[CheckItem] = field(default_factory=list)
    lessons: list[Record] = field(default_factory=list)


def _snapshots(ctx: Context, day: date) -> list[Record]:
    found = [
        s for s in ctx.records("report_snapshots") if (d := as_date(s.get("date"))) and d <= day
    ]
    return sorted(found, key=lambda s: str(s.get("date")))


def _milestones(
    ctx: Context, names: dict[str, str], day: date, since: date | None, done_keys: set[str]
) -> tuple[list[MilestoneLine], list[MilestoneLine], list[MilestoneLine]]:
    from pmtui.planning.rules import milestone_columns

    # The same model the read path (pmtui.views.computed) builds, so it is built once.
    columns = ctx.model(
        ("computed", "milestones"), lambda c: milestone_columns(c, c.records("milestones"))
    )
    lines = []
    for record in ctx.records("milestones"):
        values = columns.get(str(record["key"]), {})
        lines.append(
            MilestoneLine(
                key=str(record["key"]),
                title=str(record.get("title") or record["key"]),
                due=as_date(record.get("due")),
                forecast=as_date(values.get("forecast")),
                slip=values.get("slip"),
                owner=names.get(str(record.get("owner") or ""), ""),
                status=str(record.get("status") or "planned"),
                baseline_due=as_date(record.get("baseline_due")),
            )
        )
    done = [m for m in lines if m.status == "done" and (since is None or m.key in done_keys)]
    open_ = [m for m in lines if m.status != "done"]
    upcoming = sorted((m for m in open_ if m.due and m.due >= day), key=lambda m: m.due or day)
    slipping = sorted((m for m in open_ if (m.slip or 0) > 0), key=lambda m: -(m.slip or 0))
    return done, upcoming[:NEXT_MILESTONES], slipping


def _risks(ctx: Context, names: dict[str, str]) -> list[RiskLine]:
    live = live_risks(ctx, ctx.project)
    return [
        RiskLine(
            s.key,
            str(s.record.get("title") or s.key),
            s.level,
            s.score,
            names.get(str(s.record.get("owner") or ""), ""),
            s.record.get("review_date"),
            str(s.record.get("strategy") or ""),
            str(s.record.get("status") or "open"),
        )
        for s in live[:TOP_RISKS]
    ]


def _issues(ctx: Context, names: dict[str, str]) -> list[IssueLine]:
    open_ = [i for i in ctx.records("issues") if (i.get("status") or "open") in OPEN_ISSUE]
    rank = {s: -n for n, s in enumerate(SEVERITIES)}
    open_.sort(
        key=lambda i: (rank.get(str(i.get("severity") or "medium"), 0), str(i.get("due") or "9"))
    )
    return [
        IssueLine(
            str(i["key"]),
            str(i.get("title") or i["key"]),
            str(i.get("severity") or "medium"),
            names.get(str(i.get("owner") or ""), ""),
            i.get("due"),
            str(i.get("status") or "open"),
        )
        for i in open_
    ]


def _decisions(ctx: Context, names: dict[str, str]) -> list[DecisionNeeded]:
    from pmtui.kinds import format_money

    found = []
    for change in ctx.records("changes"):
        if change.get("status") not in AWAITING:
            continue
        impact = [f"{change['status']}"]
        if change.get("cost_impact"):
            impact.append(f"cost {format_money(float(change['cost_impact']))}")
        if change.get("schedule_impact"):
            impact.append(f"{float(change['schedule_impact']):g} working days")
        found.append(
            DecisionNeeded(
                "changes",
                str(change["key"]),
                str(change.get("title") or change["key"]),
                "change request, " + ", ".join(impact),
                names.get(str(default_decider(ctx, ctx.project, change) or ""), ""),
            )
        )
    for comparison in ctx.records("comparisons"):
        if comparison.get("chosen_vendor"):
            continue
        found.append(
            DecisionNeeded(
                "comparisons",
                str(comparison["key"]),
                str(comparison.get("title") or comparison["key"]),
                "vendor comparison, no vendor chosen",
                names.get(str(comparison.get("decided_by") or ""), ""),
            )
        )
    return found


def _from_snapshot(snapshot: Record, figures: Figures) -> tuple[Rag, Figures]:
    """The RAG, its reasons and the figures as the report of that date issued them."""
    issued = str(snapshot.get("date"))
    reasons = read_reasons(snapshot.get("reasons"))

    def rating(name: str) -> Rating:
        colour = snapshot.get(name)
        reason = f"{reasons.get(name) or 'not recorded'} (as issued on {issued})"
        return Rating(colour if isinstance(colour, str) else None, reason)

    override = snapshot.get("override")
    rag = Rag(
        rating("schedule"),
        rating("cost"),
        rating("scope"),
        rating("risk"),
        override=override if isinstance(override, str) else None,
        override_reason=str(snapshot.get("override_reason") or ""),
        issued=overall if isinstance(overall := snapshot.get("overall"), str) else None,
        issued_reason=f"{reasons.get('overall') or 'not recorded'} (as issued on {issued})",
    )

    def fraction(name: str) -> float | None:
        value = snapshot.get(name)
        return float(value) / 100 if isinstance(value, int | float) else None

    def number(name: str) -> float | None:
        value = snapshot.get(name)
        return float(value) if isinstance(value, int | float) else None

    why = {k: f"not in the snapshot of {issued}" for k in ("spi", "cpi") if number(k) is None}
    return rag, Figures(
        spi=number("spi"),
        cpi=number("cpi"),
        percent_complete=fraction("percent_complete"),
        budget_used=fraction("budget_used"),
        evm=figures.evm,
        finish=figures.finish,
        target=figures.target,
        late_by=figures.late_by,
        why=why,
    )


def build_report(
    ctx: Context,
    as_of: date | None = None,
    *,
    activity: Sequence[dict[str, Any]] = (),
    next_steps: Sequence[Step] = (),
    final: bool = False,
) -> StatusReport:
    """The report as of `as_of` (default today). `activity`: the activity log's entries
    (oldest first); `next_steps`: Today's coming items, private ones left out. With an
    issued snapshot of that date, the RAG and figures are the snapshot's (source
    "snapshot"); otherwise they are computed from the file (source "file")."""
    day = as_of or ctx.today
    project = ctx.project
    names = record_labels(ctx.records("people"), "name")
    # The final report (closure) covers the whole project: nothing is "since" a report.
    since = None if final else last_report_date(ctx, day)
    until = day if day < ctx.today else None
    rag, figures = rag_for(ctx, day), figures_for(ctx, day)
    summary = str(project.get("report_summary") or "")
    source, notes = "file", []
    snapshot = snapshot_on(ctx, day) if as_of is not None else None
    if snapshot is not None:
        rag, figures = _from_snapshot(snapshot, figures)
        summary = str(snapshot.get("summary") or summary)
        source = "snapshot"
        notes.append(f"RAG and figures from the report issued on {day.isoformat()}")
    elif day < ctx.today:
        notes.append(
            f"no report was issued on {day.isoformat()}: figures computed from the file as "
            "it is now"
        )
    done_move = next(m for m in MOVES if m.table == "milestones")
    done_keys = set(moved(ctx, activity, since, until).get(done_move, []))
    done, upcoming, slipping = _milestones(ctx, names, day, since, done_keys)
    return StatusReport(
        project=str(project.get("name") or ""),
        manager=str(project.get("manager") or ""),
        currency=str(project.get("currency") or ""),
        as_of=day,
        since=since,
        source=source,
        summary=summary,
        rag=rag,
        figures=figures,
        milestones_done=done,
        milestones_next=upcoming,
        milestones_slipping=slipping,
        accomplishments=accomplishments(ctx, activity, since, until),
        next_steps=list(next_steps),
        risks=_risks(ctx, names),
        issues=_issues(ctx, names),
        decisions_needed=_decisions(ctx, names),
        trends=_snapshots(ctx, day),
        notes=notes,
        final=final,
        checklist=checklist(ctx) if final else [],
        lessons=ctx.records("lessons") if final else [],
    )


__all__ = [
    "DecisionNeeded",
    "IssueLine",
    "MilestoneLine",
    "RiskLine",
    "StatusReport",
    "Step",
    "build_report",
    "issue_report",
    "rag_for",
    "snapshot_fields",
    "snapshot_on",
]
