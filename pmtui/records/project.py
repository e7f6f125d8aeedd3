"""The project record: name, scope, and the project's own rules (calendar, money, thresholds)."""

from __future__ import annotations

from typing import Any

from pmtui.domain.risk import check_matrix_settings
from pmtui.kinds.escapes import quoted
from pmtui.records.fields import choice_field, status_field, time_zone_problem, today
from pmtui.schema import Field, Kind, RecordType, register

#: ISO 4217 currency codes in use (no dependency holds them; the list changes rarely).
_CODES = """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN
    BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP
    GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS
    KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR
    MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF
    SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD
    TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG"""
CURRENCIES = frozenset(_CODES.split())


def check_settings(record: dict[str, Any]) -> dict[str, str]:
    """The project's settings, checked on every way in (form, CLI, import)."""
    problems: dict[str, str] = {}
    currency = record.get("currency")
    if currency is not None and currency not in CURRENCIES:
        problems["currency"] = (
            f"{quoted(currency)} is not an ISO 4217 currency code: write EUR, USD, GBP ..."
        )
    zone = record.get("time_zone")
    if zone is not None and (problem := time_zone_problem(str(zone))):
        problems["time_zone"] = problem
    amber, red = record.get("spi_amber"), record.get("spi_red")
    if isinstance(amber, int | float) and isinstance(red, int | float) and red > amber:
        problems["spi_red"] = (
            f"{red:g} is above the amber threshold {amber:g}: red must be at or below amber"
        )
    problems.update(check_matrix_settings(record))
    if record.get("archived") and not record.get("closed_on"):
        problems["archived"] = (
            "archive with pmtui archive PROJECT (or A on Project › Closure): it goes "
            "through the closing checklist and dates the closure"
        )
    return problems


MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip

PROJECT = register(
    RecordType(
        table="project",
        singular="project",
        key_prefix="PRJ",
        label_field="name",
        singleton=True,
        board="project.settings",
        help="The one project this file holds, and the rules it runs by.",
        check=check_settings,
        fields=(
            Field("name", Kind.TEXT, required=True, width=24, help="The project's name."),
            Field("code", Kind.TEXT, width=8, help="Short code used in reports and file names."),
            Field("sponsor", Kind.TEXT, width=16, help="Who owns the business case and decides."),
            Field("manager", Kind.TEXT, width=16, help="The project manager."),
            status_field(
                ("green", "amber", "red"),
                None,
                width=6,
                help="The manager's override of the overall RAG status; empty: the colour "
                "computed from the rules (pmtui.domain.rag) is the status.",
            ),
            Field(
                "status_reason",
                Kind.TEXT,
                width=0,
                help="Why the manager overrides the computed status (shown beside it).",
            ),
            Field(
                "report_summary",
                Kind.LONG_TEXT,
                width=0,
                help="The manager's summary for the next status report, in their own words.",
            ),
            Field("objectives", Kind.LONG_TEXT, width=0, help="What the project must achieve."),
            Field("scope", Kind.LONG_TEXT, width=0, help="What is in and out of scope."),
            Field("technologies", Kind.TAGS, width=0, help="Technologies used, comma-separated."),
            Field("systems", Kind.TAGS, width=0, help="Systems affected, comma-separated."),
            Field(
                "information_specifications",
                Kind.LONG_TEXT,
                width=0,
                help="Data and information requirements.",
            ),
            Field(
                "start",
                Kind.DATE,
                required=True,
                default=today,
                width=10,
                help="The first day of the project; schedule offsets count from it.",
            ),
            Field(
                "target_finish", Kind.DATE, width=10, help="The date the project must finish by."
            ),
            Field(
                "currency",
                Kind.TEXT,
                default="EUR",
                width=4,
                help="ISO currency code.",
            ),
            choice_field(
                "calendar",
                ("workdays", "all-days"),
                default="workdays",
                width=9,
                help="Durations count working days (weekends and holidays off) or all days.",
            ),
            Field(
                "weekends",
                Kind.WEEKDAYS,
                default=["sat", "sun"],
                width=0,
                help="Days off every week, e.g. sat, sun.",
            ),
            Field(
                "holidays",
                Kind.DATES,
                width=0,
                help="Days off, separated by ';' (dates in any form).",
            ),
            Field(
                "fiscal_year_start",
                Kind.INTEGER,
                default=1,
                minimum=1,
                maximum=12,
                width=0,
                help="Month (1-12) in which the fiscal year starts; a fiscal year is named "
                "by the calendar year in which it ends.",
            ),
            Field(
                "time_zone",
                Kind.TEXT,
                width=0,
                help="IANA time zone that decides 'today' (default: the machine's).",
            ),
            Field(
                "expense_categories",
                Kind.TAGS,
                width=0,
                default=["labour", "software", "hardware", "services", "travel", "other"],
                help="Categories for budget lines and expenses.",
            ),
            Field(
                "spi_amber",
                Kind.NUMBER,
                default=0.95,
                minimum=0,
                width=0,
                help="SPI or CPI below this is amber.",
            ),
            Field(
                "spi_red",
                Kind.NUMBER,
                default=0.85,
                minimum=0,
                width=0,
                help="SPI or CPI below this is red.",
            ),
            Field(
                "schedule_red_days",
                Kind.NUMBER,
                default=10,
                minimum=0,
                width=0,
                help="Schedule is red when the critical path finishes more than this many "
                "working days after the target finish (any lateness is amber).",
            ),
            Field(
                "schedule_red_percent",
                Kind.NUMBER,
                default=10,
                minimum=0,
                width=0,
                help="Schedule is also red when the critical path finishes later than the "
                "target by more than this percent of the working days left until it.",
            ),
            Field(
                "due_soon_days",
                Kind.INTEGER,
                default=7,
                minimum=0,
                maximum=3650,
                width=0,
                help="How many days ahead Today lists items as upcoming.",
            ),
            Field(
                "backups_kept",
                Kind.INTEGER,
                default=14,
                minimum=1,
                maximum=365,
                width=0,
                help="How many daily backups to keep beside the file.",
            ),
            # The risk matrix (pmtui.domain.risk): empty values keep PMBOK's.
            choice_field(
                "risk_scale",
                ("pmbok", "product"),
                default="pmbok",
                width=0,
                help="Risk score: PMBOK values per rating (cell rounded half-up to 2 "
                "decimals), or the plain 1-25 product of the ratings.",
            ),
            Field(
                "risk_probability_values",
                Kind.TEXT,
                width=0,
                help="Five increasing probabilities for ratings 1-5 (default 0.1, 0.3, 0.5, "
                "0.7, 0.9).",
            ),
            Field(
                "risk_impact_values",
                Kind.TEXT,
                width=0,
                help="Five increasing impacts for ratings 1-5 (default 0.05, 0.1, 0.2, 0.4, 0.8).",
            ),
            Field(
                "risk_medium",
                Kind.NUMBER,
                minimum=0,
                width=0,
                help="A risk scoring at least this is medium (default 0.05; 5 on the product "
                "scale).",
            ),
            Field(
                "risk_high",
                Kind.NUMBER,
                minimum=0,
                width=0,
                help="A risk scoring at least this is high (default 0.18; 12 on the product "
                "scale).",
            ),
            # Closure (pmtui.services.closure): an archived project opens read-only.
            Field(
                "archived",
                Kind.BOOL,
                default=False,
                width=0,
                help="Closed and archived: read-only, hidden from the portfolio unless asked "
                "(pmtui reopen reopens it).",
            ),
            Field("closed_on", Kind.DATE, width=0, help="When the project was archived."),
            Field(
                "closed_reason",
                Kind.TEXT,
                width=0,
                help="Why it was archived with checklist items failing (empty: none failed).",
            ),
        ),
    )
)
