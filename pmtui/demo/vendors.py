"""The demo's vendors: the directory, a decided service-desk comparison and an open one."""

from __future__ import annotations

from datetime import date, timedelta

from pmtui.store import Store

#: (name, category, contact, website, status, contract start, end, renewal notice) with
#: dates as days from today (None: no date).
VENDORS: tuple[tuple[str, str, str, str, str, int | None, int | None, int | None], ...] = (
    ("S/4 Partners", "SAP integrator", "Elena Rossi, +49 89 5550 1200",
     "s4partners.example", "contracted", -120, 240, 150),
    ("Kofax", "AP automation", "renewals@kofax.example", "kofax.example",
     "contracted", -700, 75, 45),
    ("Zendesk", "service desk", "sales@zendesk.example", "zendesk.example",
     "rejected", None, None, None),
    ("TOPdesk", "service desk", "Jan de Vries, +31 15 555 0100", "topdesk.example",
     "selected", None, None, None),
    ("Jira SM", "service desk", "atlassian-partner@example.com", "atlassian.example",
     "rejected", None, None, None),
    ("HaloITSM", "service desk", "uk-sales@halo.example", "haloitsm.example",
     "rejected", None, None, None),
    ("Tricentis", "test automation", "dach@tricentis.example", "tricentis.example",
     "shortlisted", None, None, None),
    ("Worksoft", "test automation", "emea@worksoft.example", "worksoft.example",
     "shortlisted", None, None, None),
    ("Panaya", "test automation", "info@panaya.example", "panaya.example",
     "candidate", None, None, None),
)  # fmt: skip

DESK = ("Zendesk", "TOPdesk", "Jira SM", "HaloITSM")
#: (criterion, weight, description, scores for Zendesk, TOPdesk, Jira SM, HaloITSM)
DESK_CRITERIA: tuple[tuple[str, int, str, tuple[int, int, int, int]], ...] = (
    ("ITSM fit", 20, "Incident, problem and change out of the box.", (4, 5, 4, 4)),
    ("SAP link", 15, "Tickets from SAP Solution Manager and Fiori.", (3, 4, 3, 3)),
    # TOPdesk leads Zendesk by 6; Zendesk is 2 points better here: 30 % more weight flips it.
    ("Support SLA", 10, "Vendor response times, German-speaking support.", (5, 3, 3, 4)),
    ("Usability", 14, "Agents and key users work without training.", (5, 4, 3, 4)),
    ("Reporting", 10, "SLA and backlog reports without exports.", (4, 4, 4, 3)),
    ("GDPR", 15, "EU hosting, data processing agreement, SSO.", (4, 5, 4, 4)),
    ("Go-live time", 10, "Ready for hypercare in six weeks.", (4, 4, 5, 3)),
    ("Viability", 10, "Financial strength, references in DACH.", (5, 4, 5, 3)),
)
#: (vendor, item, one-off, per year)
DESK_QUOTES = (
    ("Zendesk", "Suite Professional, 40 agents", 8_000, 14_400),
    ("TOPdesk", "Professional, 40 agents, SaaS", 12_000, 11_400),
    ("Jira SM", "Premium, 40 agents", 5_000, 9_600),
    ("Jira SM", "Partner set-up", 9_500, 0),
    ("HaloITSM", "40 agents, EU cloud", 15_000, 12_000),
)

TEST = ("Tricentis", "Worksoft", "Panaya")
#: (criterion, weight, scores for Tricentis, Worksoft, Panaya; None: not scored yet)
TEST_CRITERIA: tuple[tuple[str, int, tuple[int | None, int | None, int | None]], ...] = (
    ("SAP Fiori coverage", 30, (9, 8, None)),
    ("Model-based tests", 20, (9, 6, 5)),
    ("Skills in team", 15, (7, None, None)),
    ("Licence model", 15, (5, 7, 8)),
    ("Change impact", 20, (7, 6, None)),
)
TEST_QUOTES = (
    ("Tricentis", "Tosca, 5 floating licences", 20_000, 42_000),
    ("Worksoft", "Certify, 5 users", 15_000, 36_000),
)


def _day(today: date, offset: int | None) -> str:
    return (today + timedelta(days=offset)).isoformat() if offset is not None else ""


def add_demo(store: Store, today: date) -> None:
    """Add the vendor directory and two comparisons (one decided, one still being scored)."""
    for name, category, contact, site, status, start, end, notice in VENDORS:
        store.add(
            "vendors",
            {
                "name": name,
                "category": category,
                "contact": contact,
                "website": site,
                "status": status,
                "contract_start": _day(today, start),
                "contract_end": _day(today, end),
                "renewal_notice": _day(today, notice),
            },
        )
    desk = store.add(
        "comparisons",
        {
            "title": "Hypercare service desk",
            "question": "Which service desk runs hypercare tickets for the 450 SAP users?",
            "scale": "5",
            "horizon_years": "3",
            "candidates": "; ".join(DESK),
        },
    )
    _add_criteria(store, str(desk["key"]), DESK, [(n, w, d, s) for n, w, d, s in DESK_CRITERIA])
    for vendor, item, one_off, yearly in DESK_QUOTES:
        store.add(
            "quotes",
            {
                "vendor": vendor,
                "comparison": desk["key"],
                "item": item,
                "one_off": str(one_off),
                "recurring_per_year": str(yearly),
            },
        )
    store.update(
        "comparisons",
        str(desk["key"]),
        {
            "chosen_vendor": "TOPdesk",
            "decided_by": "Markus Brandt",
            "decided_on": _day(today, -9),
            "rationale": "Best ITSM fit and GDPR terms; TCO 46,200 over 3 years is within the "
            "PM's limit. Support SLA is its weak spot: a 4-hour response is in the contract.",
        },
    )
    tests = store.add(
        "comparisons",
        {
            "title": "Test automation tool",
            "question": "Which tool automates the SAP regression tests from mock load 2 on?",
            "scale": "10",
            "horizon_years": "2",
            "candidates": "; ".join(TEST),
        },
    )
    _add_criteria(store, str(tests["key"]), TEST, [(n, w, "", s) for n, w, s in TEST_CRITERIA])
    for vendor, item, one_off, yearly in TEST_QUOTES:
        store.add(
            "quotes",
            {
                "vendor": vendor,
                "comparison": tests["key"],
                "item": item,
                "one_off": str(one_off),
                "recurring_per_year": str(yearly),
            },
        )


def _add_criteria(
    store: Store,
    comparison: str,
    vendors: tuple[str, ...],
    criteria: list[tuple[str, int, str, tuple[int | None, ...]]],
) -> None:
    for name, weight, description, scores in criteria:
        criterion = store.add(
            "criteria",
            {
                "comparison": comparison,
                "name": name,
                "weight": str(weight),
                "description": description,
            },
        )
        for vendor, score in zip(vendors, scores, strict=True):
            if score is not None:
                store.add(
                    "scores",
                    {
                        "comparison": comparison,
                        "vendor": vendor,
                        "criterion": criterion["key"],
                        "score": str(score),
                    },
                )
