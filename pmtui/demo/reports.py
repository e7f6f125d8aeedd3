"""The demo's status reports: the manager's summary for this week, and two reports issued
14 and 7 days ago with different figures, so the trends show a direction."""

from __future__ import annotations

from datetime import date, timedelta

from pmtui.store import Store

SUMMARY = """\
Realisation is on track in finance; logistics build is a week behind after the SD pricing
rework. Mock load 1 rejected 4 % of vendor records (invalid IBANs): cleansing runs this week
and mock load 2 moves two weeks. The bank interface certification is the risk to watch:
the bank has not confirmed a test slot yet. Decision needed from the steering committee on
the VAT report change request."""

#: The manager's override in the second report (the project's status reason since).
OVERRIDE = (
    "Mock load 1 rejected 4 % of vendor records (invalid IBANs); cleansing adds two weeks to "
    "data migration."
)
#: Why each colour was what it was, in each issued report (as `pmtui report --issue` saves).
REASONS = (
    "overall: nothing is amber or red\n"
    "schedule: SPI 0.97 is at or above 0.95; the critical path finishes by the target finish\n"
    "cost: CPI 0.95 is at or above 0.95\n"
    "scope: no scope change approved and no deliverable rejected\n"
    "risk: no high risk open",
    f"overall: set by the manager: {OVERRIDE} (computed: red)\n"
    "schedule: SPI 0.93 is below 0.95; the critical path finishes by the target finish\n"
    "cost: CPI 0.91 is below 0.95\n"
    "scope: 1 approved scope change (SD pricing rework) since the last report\n"
    "risk: 1 high risk (Key users not released for UAT) open past its review date",
)

#: (days ago, overall, schedule, cost, scope, risk, SPI, CPI, % complete, % used, high,
#: medium, low, open issues, summary); the figures lead into the project's own today (45 %
#: complete, 52 % used, CPI 0.87), a few points a week, and CPI is % complete / % used.
ISSUED: tuple[tuple[int, str, str, str, str, str, float, float, float, float, int, int, int, int,
                    str], ...] = (
    (14, "green", "green", "green", "green", "green", 0.97, 0.95, 38.0, 40.0, 0, 6, 6, 4,
     "Blueprint signed off; realisation started in all workstreams."),
    (7, "amber", "amber", "amber", "amber", "red", 0.93, 0.91, 41.0, 45.0, 3, 6, 5, 6,
     "SD pricing rework approved; mock load 1 finished with IBAN errors."),
)  # fmt: skip


def add_demo(store: Store, today: date) -> None:
    """The project's summary text and the two issued reports."""
    key = str(store.records("project")[0]["key"])
    store.update("project", key, {"report_summary": SUMMARY})
    for (ago, overall, schedule, cost, scope, risk, spi, cpi, done, used, high, medium, low,
         issues, summary), reasons in zip(ISSUED, REASONS, strict=True):  # fmt: skip
        store.add(
            "report_snapshots",
            {
                "date": (today - timedelta(days=ago)).isoformat(),
                "overall": overall,
                "schedule": schedule,
                "cost": cost,
                "scope": scope,
                "risk": risk,
                "spi": str(spi),
                "cpi": str(cpi),
                "percent_complete": str(done),
                "budget_used": str(used),
                "risks_high": str(high),
                "risks_medium": str(medium),
                "risks_low": str(low),
                "open_issues": str(issues),
                "summary": summary,
                "reasons": reasons,
                **({"override": "amber", "override_reason": OVERRIDE} if ago == 7 else {}),
            },
        )
