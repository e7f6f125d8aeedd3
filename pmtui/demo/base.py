"""The demo's foundation: an SAP S/4HANA roll-out project and the twelve people who run it."""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from pmtui.domain.calendar import WorkCalendar
from pmtui.store import Store

NAME = "ERP Roll-out (S/4HANA)"

OBJECTIVES = """\
Replace the ageing SAP ECC 6.0 system with SAP S/4HANA before ECC maintenance ends.
Close the books in 5 working days instead of 9 (finance, group reporting).
Cut purchase-to-pay cycle time by 30 % with automated invoice matching.
Give 450 users one set of Fiori apps with role-based access."""

SCOPE = """\
In: finance (FI/CO), procurement (MM), sales and distribution (SD), asset accounting,
migration of open items and 3 years of history, interfaces to Salesforce and the bank.
Out: HR and payroll (stays on SuccessFactors), warehouse management (phase 2),
the Polish subsidiary (rolls out a year later)."""

INFORMATION = """\
Master data: 12,400 vendors, 8,900 customers, 31,000 materials, cleansed before mock load 2.
Reporting: Power BI reads the finance data through CDS views; no direct table access."""

#: (name, role, e-mail user@domain, hours a week, rate, manager, approval limit, skills)
PEOPLE: tuple[tuple[str, str, str, int, int, str, int, str], ...] = (
    ("Dr. Katharina Weber", "Sponsor (CFO)", "katharina.weber@nordwerk.example", 2, 180, "",
     500_000, "finance, governance"),
    ("Markus Brandt", "Project manager", "markus.brandt@nordwerk.example", 40, 105,
     "Dr. Katharina Weber", 50_000, "project management, SAP Activate, budgeting"),
    ("Aylin Demir", "Finance lead (FI/CO)", "aylin.demir@nordwerk.example", 32, 95,
     "Markus Brandt", 10_000, "SAP FI, SAP CO, IFRS"),
    ("Jonas Hoffmann", "Logistics lead (MM/SD)", "jonas.hoffmann@nordwerk.example", 40, 95,
     "Markus Brandt", 10_000, "SAP MM, SAP SD, procurement"),
    ("Priya Nair", "Technical lead", "priya.nair@nordwerk.example", 40, 100,
     "Markus Brandt", 10_000, "SAP BTP, integration, ABAP, security"),
    ("Tomasz Kowalski", "Data migration lead", "tomasz.kowalski@nordwerk.example", 40, 90,
     "Markus Brandt", 10_000, "SAP Data Services, SQL, data quality"),
    ("Sophie Martin", "Change and training lead", "sophie.martin@nordwerk.example", 24, 85,
     "Markus Brandt", 10_000, "change management, training, communications"),
    ("Lukas Becker", "Test lead", "lukas.becker@nordwerk.example", 40, 85,
     "Markus Brandt", 10_000, "test management, Tricentis Tosca"),
    ("Elena Rossi", "FI/CO consultant", "elena.rossi@s4partners.example", 40, 120,
     "Aylin Demir", 0, "SAP FI, SAP CO, group reporting"),
    ("Mateo Garcia", "SD consultant", "mateo.garcia@s4partners.example", 40, 115,
     "Jonas Hoffmann", 0, "SAP SD, pricing, output management"),
    ("Chen Wei", "ABAP developer", "chen.wei@nordwerk.example", 40, 90,
     "Priya Nair", 0, "ABAP, RAP, Fiori, OData"),
    ("Samuel Okafor", "Data analyst", "samuel.okafor@nordwerk.example", 40, 70,
     "Tomasz Kowalski", 0, "SQL, Excel, Power BI"),
)  # fmt: skip


def public_holidays(years: range) -> list[date]:
    """German nationwide public holidays in `years` (Easter-based ones from dateutil)."""
    days: list[date] = []
    for year in years:
        sunday = easter(year)
        days += [
            date(year, 1, 1),
            sunday - timedelta(days=2),  # Good Friday
            sunday + timedelta(days=1),  # Easter Monday
            date(year, 5, 1),
            sunday + timedelta(days=39),  # Ascension Day
            sunday + timedelta(days=50),  # Whit Monday
            date(year, 10, 3),
            date(year, 12, 25),
            date(year, 12, 26),
        ]
    return sorted(days)


def demo_project(today: date) -> dict[str, object]:
    """The project record as typed input: started 60 working days ago, 9 months long."""
    holidays = public_holidays(range(today.year - 1, today.year + 2))
    calendar = WorkCalendar(holidays=frozenset(holidays))
    start = calendar.add_working_days(today, -60)
    finish = calendar.previous_working(start + relativedelta(months=9))
    return {
        "name": NAME,
        "code": "ERP-S4",
        "sponsor": "Dr. Katharina Weber",
        "manager": "Markus Brandt",
        "status": "amber",
        "status_reason": "Mock load 1 rejected 4 % of vendor records (invalid IBANs); "
        "cleansing adds two weeks to data migration.",
        "objectives": OBJECTIVES,
        "scope": SCOPE,
        "information_specifications": INFORMATION,
        "technologies": "SAP S/4HANA 2023, SAP Fiori, SAP BTP, ABAP, SAP Data Services",
        "systems": "SAP ECC 6.0, Salesforce, Kofax AP, bank interface (EBICS), Power BI",
        "start": start.isoformat(),
        "target_finish": finish.isoformat(),
        "currency": "EUR",
        # Its people, holidays and meetings are in Germany: a meeting scheduled without a
        # zone meets in Berlin time, whatever the machine's clock says (a jump host in UTC).
        "time_zone": "Europe/Berlin",
        "calendar": "workdays",
        "holidays": "; ".join(day.isoformat() for day in holidays),
        "fiscal_year_start": "4",
    }


def add_demo(store: Store, today: date) -> None:
    """Set the project's fields (if the file was made elsewhere) and add the team."""
    wanted = demo_project(today)
    key = str(store.records("project")[0]["key"])
    if store.validate("project", wanted, key) != store.require("project", key):
        store.update("project", key, wanted)
    for name, role, email, hours, rate, manager, limit, skills in PEOPLE:
        store.add(
            "people",
            {
                "name": name,
                "role": role,
                "email": email,
                "capacity_hours": str(hours),
                "rate": str(rate),
                "manager": manager,
                "approval_limit": str(limit) if limit else "",
                "skills": skills,
            },
        )
    # Lessons noted along the way (Project › Closure), so closing finds them.
    for kind, text, who, days_ago in LESSONS:
        store.add(
            "lessons",
            {
                "kind": kind,
                "text": text,
                "who_should_know": who,
                "noted_on": (today - timedelta(days=days_ago)).isoformat(),
            },
        )


#: (kind, text, who should know, days ago)
LESSONS: tuple[tuple[str, str, str, int], ...] = (
    ("went-well", "Fit-to-standard workshops kept custom code to 40 objects", "PMO", 60),
    ("change", "Cleanse vendor master data before mock load 1, not after", "Data team", 12),
)
