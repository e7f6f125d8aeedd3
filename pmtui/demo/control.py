"""The demo's control records: a RAID log across the heat map (some reviews overdue), open
and closed issues, assumptions, dependencies, change requests in every state with their
history, and the decision log; dated relative to today."""

from __future__ import annotations

from datetime import date, timedelta

from pmtui.store import Store

#: (title, probability, impact, strategy, owner, status, review in days, category)
RISKS: tuple[tuple[str, int, int, str, str, str, int, str], ...] = (
    ("Key users not released for UAT", 4, 4, "mitigate", "Aylin Demir", "open", -3, "people"),
    ("Vendor IBANs fail bank validation", 4, 3, "mitigate", "Tomasz Kowalski", "open", -1,
     "data"),
    ("Bank interface certification slips", 3, 5, "escalate", "Priya Nair", "open", 2,
     "technical"),
    ("Integrator loses senior FI consultant", 2, 4, "transfer", "Markus Brandt", "monitoring",
     10, "vendor"),
    ("Performance of month-end close jobs", 3, 3, "mitigate", "Priya Nair", "open", 5,
     "technical"),
    ("Custom code backlog exceeds capacity", 4, 2, "mitigate", "Chen Wei", "open", 4,
     "technical"),
    ("Training rooms unavailable in March", 2, 2, "accept", "Sophie Martin", "monitoring", 20,
     "logistics"),
    ("Auditor demands extra controls", 2, 3, "accept", "Aylin Demir", "open", 14,
     "compliance"),
    ("Licence audit finds over-use", 1, 4, "transfer", "Markus Brandt", "monitoring", 30,
     "vendor"),
    ("Cutover weekend clashes with plant shutdown", 3, 4, "avoid", "Markus Brandt", "open",
     -6, "schedule"),
    ("Data volume doubles mock load time", 2, 3, "mitigate", "Tomasz Kowalski", "open", 7,
     "data"),
    ("Works council delays go-live", 1, 5, "escalate", "Dr. Katharina Weber", "monitoring",
     21, "people"),
    ("SD pricing conditions incomplete", 3, 2, "mitigate", "Mateo Garcia", "open", 3,
     "functional"),
    ("Hypercare desk understaffed", 3, 3, "mitigate", "Priya Nair", "open", 12, "people"),
    ("Test automation licences late", 5, 1, "accept", "Lukas Becker", "closed", 40, "vendor"),
    ("Legacy archive read-only access lost", 1, 2, "accept", "Tomasz Kowalski", "open", 45,
     "technical"),
    ("Reuse integrator's test scripts", 3, 2, "exploit", "Lukas Becker", "open", 9,
     "opportunity"),
)  # fmt: skip
OPPORTUNITIES = {"Reuse integrator's test scripts"}
OCCURRED = ("Interface IDoc errors in mock load", 5, 3, "mitigate", "Priya Nair")

#: (title, severity, owner, status, raised days ago, due in days, resolution)
ISSUES: tuple[tuple[str, str, str, str, int, int | None, str], ...] = (
    ("Test client refresh overwrote config", "critical", "Priya Nair", "in progress", 2, 1,
     ""),
    ("Cost centre hierarchy not agreed", "high", "Aylin Demir", "open", 12, -2, ""),
    ("VPN access for integrator staff", "medium", "Markus Brandt", "escalated", 6, 3, ""),
    ("Duplicate vendor master records", "medium", "Samuel Okafor", "resolved", 30, -10,
     "Merged 214 duplicates with the Data Services match rule."),
    ("Printer for delivery notes missing", "low", "Jonas Hoffmann", "closed", 40, -20,
     "Plant 2 printer added to the output configuration."),
)  # fmt: skip

#: (statement, owner, validate by in days, status)
ASSUMPTIONS = (
    ("Key users are free 50 % during UAT", "Aylin Demir", -2, "unvalidated"),
    ("Legacy system stays read-only after go-live", "Tomasz Kowalski", 6, "unvalidated"),
    ("Integrator keeps the same team through hypercare", "Markus Brandt", 25, "unvalidated"),
    ("Bank accepts ISO 20022 files from the test client", "Priya Nair", -15, "valid"),
    ("No new legal entity before go-live", "Dr. Katharina Weber", -30, "invalid"),
)
#: (what, from whom, owner, needed by in days, status)
DEPENDENCIES = (
    ("Production firewall rules", "Group IT networks", "Priya Nair", 4, "waiting"),
    ("Bank certification slot", "Hausbank AG", "Priya Nair", -1, "confirmed"),
    ("Plant shutdown calendar 2027", "Operations", "Markus Brandt", 12, "waiting"),
    ("SSO tenant for the service desk", "TOPdesk", "Lukas Becker", -20, "delivered"),
)

#: (key, title, requested by, days ago asked, cost, days, task, scope, history), the history
#: as (days ago, by, to, why); the change's status is where its history ends.
CHANGES: tuple[tuple[str, str, str, int, int, int, str, str, tuple[tuple[int, str, str, str], ...]], ...] = (  # noqa: E501
    ("CH1", "Add e-invoicing (XRechnung) output", "Aylin Demir", 3, 6_500, 4, "T15",
     "New output type for public-sector customers.", ()),
    ("CH2", "Extra mock load before cutover", "Tomasz Kowalski", 8, 14_000, 5, "T18",
     "A third mock load with production volumes.",
     ((6, "Markus Brandt", "under review", "Impact assessed with the integrator"),)),
    ("CH3", "Second data centre for disaster recovery", "Priya Nair", 20, 120_000, 10, "T28",
     "Hot standby in the Frankfurt data centre.",
     ((15, "Markus Brandt", "under review", "Needs sponsor input"),
      (4, "Markus Brandt", "escalated", "above Markus Brandt's approval limit"))),
    ("CH4", "Fiori launchpad for warehouse staff", "Jonas Hoffmann", 35, 9_000, 3, "T13",
     "Six apps for goods receipt and picking.",
     ((30, "Markus Brandt", "under review", "Scope check"),
      (25, "Markus Brandt", "approved", "Cuts paper picking lists; within budget"))),
    ("CH5", "Migrate 10 years of open items", "Samuel Okafor", 45, 30_000, 8, "T17",
     "Open items back to 2016 instead of 2022.",
     ((40, "Markus Brandt", "under review", "Data volume estimate"),
      (38, "Markus Brandt", "rejected", "Archive access covers the audit need"))),
    ("CH6", "Credit check in order entry", "Mateo Garcia", 60, 7_500, 2, "T13",
     "Credit management check on sales order save.",
     ((55, "Markus Brandt", "under review", "Finance consulted"),
      (50, "Markus Brandt", "approved", "Reduces bad debt risk"),
      (20, "Markus Brandt", "implemented", "In the build, tested in SIT"))),
    ("CH7", "Mobile approval app for managers", "Sophie Martin", 28, 18_000, 6, "T15",
     "Approve purchase requisitions on the phone.",
     ((22, "Sophie Martin", "withdrawn", "Covered by the standard Fiori app"),)),
)  # fmt: skip

#: (days ago, decision, made by, source, link, rationale) besides those of changes.
DECISIONS = (
    (70, "Go with SAP Activate and three releases", "Dr. Katharina Weber", "meeting", "",
     "Steering committee: lower risk than a big bang."),
    (9, "Choose TOPdesk for the hypercare service desk", "Markus Brandt", "vendor comparison",
     "comparisons:CMP1", "Best ITSM fit and GDPR terms within the PM's limit."),
    (16, "Freeze the chart of accounts", "Aylin Demir", "meeting", "",
     "No more changes after the blueprint sign-off."),
)  # fmt: skip


def _day(today: date, offset: int) -> str:
    return (today + timedelta(days=offset)).isoformat()


def add_demo(store: Store, today: date) -> None:
    """Add the RAID log, the decision log and change requests with their history."""
    for title, p, i, strategy, owner, status, review, category in RISKS:
        store.add("risks", {
            "title": title, "probability": str(p), "impact": str(i), "strategy": strategy,
            "owner": owner, "status": status, "review_date": _day(today, review),
            "category": category,
            "kind": "opportunity" if title in OPPORTUNITIES else "threat",
        })  # fmt: skip
    title, p, i, strategy, owner = OCCURRED
    occurred = store.add("risks", {
        "title": title, "probability": str(p), "impact": str(i), "strategy": strategy,
        "owner": owner, "status": "occurred", "review_date": _day(today, -4),
        "category": "technical",
    })  # fmt: skip
    issue = store.add("issues", {
        "title": title, "severity": "high", "owner": owner, "status": "in progress",
        "raised_on": _day(today, -4), "due": _day(today, 2), "related_risk": occurred["key"],
        "raised_by": "Tomasz Kowalski",
    })  # fmt: skip
    store.update("risks", str(occurred["key"]), {"issue": issue["key"]})
    for title, severity, owner, status, raised, due, resolution in ISSUES:
        store.add("issues", {
            "title": title, "severity": severity, "owner": owner, "status": status,
            "raised_on": _day(today, -raised), "due": _day(today, due) if due is not None
            else "", "resolution": resolution, "raised_by": "Markus Brandt",
        })  # fmt: skip
    for statement, owner, validate, status in ASSUMPTIONS:
        store.add(
            "assumptions",
            {
                "statement": statement,
                "owner": owner,
                "validate_by": _day(today, validate),
                "status": status,
            },
        )
    for what, whom, owner, needed, status in DEPENDENCIES:
        store.add(
            "dependencies",
            {
                "what": what,
                "on_whom": whom,
                "owner": owner,
                "needed_by": _day(today, needed),
                "status": status,
            },
        )
    for days, decision, by, source, link, rationale in DECISIONS:
        store.add("decisions", {"date": _day(today, -days), "decision": decision,
                                "made_by": by, "source": source, "link": link,
                                "rationale": rationale})  # fmt: skip
    _add_changes(store, today)


def _add_changes(store: Store, today: date) -> None:
    for key, title, asked_by, asked, cost, days, task, scope, history in CHANGES:
        status = history[-1][2] if history else "proposed"
        change = {
            "key": key, "title": title, "requested_by": asked_by, "date": _day(today, -asked),
            "cost_impact": str(cost), "schedule_impact": str(days), "task": task,
            "scope_impact": scope, "status": status, "budget_category": "services",
        }  # fmt: skip
        if status in ("under review", "escalated"):
            change["decided_by"] = "Dr. Katharina Weber" if status == "escalated" else (
                "Markus Brandt")  # fmt: skip
        previous = "proposed"
        decided = [step for step in history if step[2] in ("approved", "rejected")]
        for ago, by, _, why in decided:
            change |= {"decided_by": by, "decided_on": _day(today, -ago), "rationale": why}
        store.add("changes", change)
        for ago, by, to, why in decided:
            store.add("decisions", {
                    "date": _day(today, -ago), "decision": f"{to.capitalize()} change {key}: "
                    f"{title}", "made_by": by, "source": "change", "link": f"changes:{key}",
                "rationale": why,
            })  # fmt: skip
        for ago, by, to, why in history:
            store.add(
                "change_events",
                {
                    "change": key,
                    "at": _day(today, -ago),
                    "by": by,
                    "from_status": previous,
                    "to_status": to,
                    "why": why,
                },
            )
            previous = to
