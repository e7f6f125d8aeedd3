"""The status report laid out once, as sections of paragraphs, lists and tables, with the
figures rounded for people; the Markdown and HTML writers only render this layout, so both
say the same thing in the same order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from pmtui.kinds import format_money
from pmtui.services.status import MilestoneLine, StatusReport


@dataclass(frozen=True)
class Table:
    """A table: header cells, then rows of cells (plain text)."""

    header: tuple[str, ...]
    rows: Sequence[Sequence[str]]


@dataclass(frozen=True)
class Section:
    """A titled section: paragraphs, a bullet list and tables, in that order; `empty`
    is said when it has none of them."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    tables: list[tuple[str, Table]] = field(default_factory=list)
    empty: str = "None."
    #: Lines after the tables (why a figure is undefined).
    footnotes: list[str] = field(default_factory=list)


#: The sections' titles, in order (tests and the app's preview find them by these).
TITLES = (
    "Summary",
    "Status",
    "Milestones",
    "Accomplishments",
    "Next steps",
    "Risks",
    "Issues",
    "Decisions needed",
    "Budget and earned value",
    "Trends",
)


def list_items(paragraph: str) -> list[str] | None:
    """A paragraph typed as a list ("- a" or "* a" on each line): its items; else None."""
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
    if lines and all(line[:2] in ("- ", "* ") for line in lines):
        return [line[2:].strip() for line in lines]
    return None


def colour_word(colour: str | None) -> str:
    """'Green', 'Amber', 'Red', or 'Not rated'."""
    return colour.capitalize() if colour else "Not rated"


def ratio(value: float | None) -> str:
    """An index as people read it: 0.93 (two decimals), '-' when undefined."""
    return "-" if value is None else f"{value:.2f}"


def percent(value: float | None) -> str:
    """A fraction as a whole percent: '30 %', '-' when undefined."""
    return "-" if value is None else f"{value * 100:.0f} %"


def _day(value: date | str | None) -> str:
    if value is None or value == "":
        return "-"
    return value.isoformat() if isinstance(value, date) else str(value)


def heading(report: StatusReport) -> tuple[str, str]:
    """The title and the line under it (date, period, manager, where figures come from)."""
    kind = "Final report" if report.final else "Status report"
    title = f"{kind}: {report.project}" if report.project else kind
    parts = [f"As of {report.as_of.isoformat()}"]
    if report.final:
        parts.append("the whole project")
    else:
        parts.append(
            f"since the last report on {report.since.isoformat()}"
            if report.since
            else "first report"
        )
    if report.manager:
        parts.append(f"project manager {report.manager}")
    return title, " · ".join(parts)


def _status(report: StatusReport) -> Section:
    rag = report.rag
    rows = [("Overall", colour_word(rag.overall), rag.overall_reason())]
    rows += [(d.capitalize(), colour_word(r.colour), r.reason) for d, r in rag.ratings.items()]
    return Section("Status", tables=[("", Table(("Area", "Status", "Why"), rows))])


def _milestone_rows(
    lines: list[MilestoneLine], slip: bool, baseline: bool = False
) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for m in lines:
        row = [m.title, _day(m.due)]
        if baseline:
            row.append(_day(m.baseline_due or m.due))
        row.append(_day(m.forecast))
        row.append(f"+{m.slip} wd" if slip and m.slip else m.owner or "-")
        rows.append(tuple(row))
    return rows


def _slipping(lines: list[MilestoneLine]) -> Table:
    """The slip counts from the baseline due: where one differs from the due shown, the
    table names it, so that 'Late by' adds up for the reader."""
    baseline = any(m.baseline_due and m.baseline_due != m.due for m in lines)
    head = ("Milestone", "Due") + (("Baseline due",) if baseline else ()) + ("Forecast", "Late by")
    return Table(head, _milestone_rows(lines, True, baseline))


def _milestones(report: StatusReport) -> Section:
    tables = []
    if report.milestones_done:
        done = [(m.title, _day(m.due), m.owner or "-") for m in report.milestones_done]
        label = "Done" if report.final else "Done since the last report"
        tables.append((label, Table(("Milestone", "Due", "Owner"), done)))
    if report.milestones_next:
        rows = _milestone_rows(report.milestones_next, False)
        tables.append(("Next", Table(("Milestone", "Due", "Forecast", "Owner"), rows)))
    if report.milestones_slipping:
        tables.append(("Slipping", _slipping(report.milestones_slipping)))
    return Section("Milestones", tables=tables, empty="No milestones yet.")


def _money(report: StatusReport) -> Section:
    figures, evm = report.figures, report.figures.evm
    currency = f" {report.currency}" if report.currency else ""

    def money(value: float | None) -> str:
        return "-" if value is None else format_money(value) + currency

    rows = [
        ("Budget at completion (BAC)", money(evm.bac if evm else None)),
        ("Planned value (PV)", money(evm.pv if evm else None)),
        ("Earned value (EV)", money(evm.ev if evm else None)),
        ("Actual cost (AC)", money(evm.ac if evm else None)),
        ("Estimate at completion (EAC)", money(evm.eac if evm else None)),
        ("SPI", ratio(figures.spi)),
        ("CPI", ratio(figures.cpi)),
        ("Complete", percent(figures.percent_complete)),
        ("Budget used", percent(figures.budget_used)),
    ]
    named = {"spi": "SPI", "cpi": "CPI", "percent_complete": "Complete", "ev": "EV",
             "budget_used": "Budget used"}  # fmt: skip
    why = [
        f"{named.get(name, name)}: {reason}."
        for name, reason in sorted(figures.why.items(), key=lambda i: list(named).index(i[0])
                                   if i[0] in named else len(named))
    ]  # fmt: skip
    return Section(
        "Budget and earned value", tables=[("", Table(("Figure", "Value"), rows))], footnotes=why
    )


def _trends(report: StatusReport) -> Section:
    def row(day: str, s: dict[str, object]) -> tuple[str, ...]:
        def index(name: str) -> str:
            value = s.get(name)
            return ratio(float(value)) if isinstance(value, int | float) else "-"

        def share(name: str) -> str:
            value = s.get(name)
            return percent(float(value) / 100) if isinstance(value, int | float) else "-"

        return (
            day,
            colour_word(s.get("overall") if isinstance(s.get("overall"), str) else None),  # type: ignore[arg-type]
            index("spi"),
            index("cpi"),
            share("percent_complete"),
            share("budget_used"),
            str(s.get("risks_high") if s.get("risks_high") is not None else "-"),
            str(s.get("open_issues") if s.get("open_issues") is not None else "-"),
        )

    rows = [row(str(s.get("date")), s) for s in report.trends]
    issued_today = any(s.get("date") == report.as_of.isoformat() for s in report.trends)
    if report.source == "file" and not issued_today:
        figures = report.figures
        rows.append(
            (
                f"{report.as_of.isoformat()} (this report)",
                colour_word(report.rag.overall),
                ratio(figures.spi),
                ratio(figures.cpi),
                percent(figures.percent_complete),
                percent(figures.budget_used),
                str(sum(r.level == "high" for r in report.risks)),
                str(len(report.issues)),
            )
        )
    if len(rows) < 2:
        return Section("Trends", empty="Trends show once a report has been issued.")
    header = ("Date", "Overall", "SPI", "CPI", "Complete", "Budget used", "High risks", "Issues")
    return Section("Trends", tables=[("", Table(header, rows))])


def _listing(
    title: str, header: tuple[str, ...], rows: Sequence[Sequence[str]], empty: str = "None."
) -> Section:
    """A section holding one table, or saying `empty` when it has no rows."""
    return Section(title, tables=[("", Table(header, rows))] if rows else [], empty=empty)


def layout(report: StatusReport) -> list[Section]:
    """Every section, in TITLES order."""
    summary = [p.strip() for p in report.summary.split("\n\n") if p.strip()]
    as_of = report.as_of.isoformat()  # a written report is read on other days
    steps = [(s.due or as_of, s.title, s.owner or "-") for s in report.next_steps]
    risks = [
        (r.title, r.level, f"{r.score:g}", r.owner or "-", r.review_date or "-")
        for r in report.risks
    ]
    issues = [(i.title, i.severity, i.owner or "-", i.due or "-", i.status) for i in report.issues]
    decisions = [(d.title, d.what, d.who or "-") for d in report.decisions_needed]
    done = "Nothing recorded as done since the last report."
    return [
        Section("Summary", paragraphs=summary, empty="No summary written yet."),
        _status(report),
        _milestones(report),
        Section("Accomplishments", bullets=list(report.accomplishments), empty=done),
        _listing("Next steps", ("Due", "What", "Owner"), steps),
        _listing("Risks", ("Risk", "Level", "Score", "Owner", "Review"), risks, "No open risks."),
        _listing(
            "Issues", ("Issue", "Severity", "Owner", "Due", "Status"), issues, "No open issues."
        ),
        _listing("Decisions needed", ("Decision", "What", "Who decides"), decisions),
        _money(report),
        _trends(report),
        *(_closure(report) if report.final else []),
    ]


def _closure(report: StatusReport) -> list[Section]:
    """The final report's closing checklist and lessons learned."""
    items = [
        (item.name, "passed" if item.passed else "open", str(item.count), item.detail)
        for item in report.checklist
    ]
    kinds = {"went-well": "Went well", "change": "Change next time"}
    lessons = [
        (kinds.get(str(r.get("kind")), str(r.get("kind") or "")), str(r.get("text") or ""),
         str(r.get("who_should_know") or "-"))
        for r in report.lessons
    ]  # fmt: skip
    return [
        _listing("Closure checklist", ("Item", "Result", "Open", "What"), items),
        _listing("Lessons learned", ("Kind", "Lesson", "Who should know"), lessons,
                 "No lessons recorded."),
    ]  # fmt: skip


__all__ = [
    "TITLES",
    "Section",
    "Table",
    "colour_word",
    "heading",
    "layout",
    "list_items",
    "percent",
    "ratio",
]
