"""One formatter per field kind: stored values as typed text, as people read them, as exported."""

from __future__ import annotations

from typing import Any

from pmtui.schema import Field, Kind


def plain_number(value: float) -> str:
    """A number without needless decimals: 3.0 -> '3', 2.50 -> '2.5' (up to 6 places)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def format_money(value: float) -> str:
    """1400000 -> '1,400,000.00' (the currency is shown by the caller where it helps)."""
    return f"{value:,.2f}"


def to_text(f: Field, value: Any) -> str:
    """The canonical typed text of a value: parse_value(to_text(v)) == v. Empty -> ''."""
    if value is None or value == []:
        return ""
    if f.kind in (Kind.REFS, Kind.LINKS, Kind.DATES):
        return "; ".join(str(item) for item in value)
    if f.kind in (Kind.TAGS, Kind.WEEKDAYS):
        return ", ".join(str(item) for item in value)
    if f.kind == Kind.BOOL:
        return "yes" if value else "no"
    if f.kind == Kind.MONEY:
        return f"{float(value):.2f}"
    if f.kind in (Kind.NUMBER, Kind.PERCENT, Kind.DURATION, Kind.INTEGER, Kind.RATING):
        return plain_number(float(value))
    return str(value)


def to_display(f: Field, value: Any) -> str:
    """A value as people read it in tables and reports: 1,400,000.00; 92 %; yes."""
    if value is None or value == []:
        return ""
    if f.kind == Kind.MONEY:
        return format_money(float(value))
    if f.kind == Kind.PERCENT:
        return f"{plain_number(round(float(value), 1))} %"
    if f.kind == Kind.NUMBER:
        return plain_number(round(float(value), 2))
    if f.kind == Kind.DURATION:
        return f"{plain_number(float(value))}d"
    if f.kind == Kind.BOOL:
        return "yes" if value else "no"
    if f.kind == Kind.LONG_TEXT:
        return str(value).replace("\n", " ⏎ ")
    return to_text(f, value)


def export_value(f: Field, value: Any) -> Any:
    """A value for a JSON export: lists in their typed text syntax, empty as None."""
    if value is None or value == [] or value == "":
        return None
    if f.kind in (Kind.REFS, Kind.LINKS, Kind.DATES, Kind.TAGS, Kind.WEEKDAYS):
        return to_text(f, value)
    return value
