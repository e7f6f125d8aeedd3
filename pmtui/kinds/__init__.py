"""Field kinds: one parser (parsers.py) and one formatter (formatters.py) per kind."""

from pmtui.domain.calendar import WEEKDAY_NAMES, project_calendar
from pmtui.kinds.formatters import export_value, format_money, plain_number, to_display, to_text
from pmtui.kinds.parsers import FieldError, ParseContext, Resolver, parse_value

__all__ = [
    "WEEKDAY_NAMES",
    "FieldError",
    "ParseContext",
    "Resolver",
    "export_value",
    "format_money",
    "parse_value",
    "plain_number",
    "project_calendar",
    "to_display",
    "to_text",
]
