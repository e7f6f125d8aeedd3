"""Field kinds: one spec per kind, in one table (specs.py) that every use of values reads."""

from pmtui.domain.calendar import WEEKDAY_NAMES, project_calendar
from pmtui.kinds.formatters import format_money, plain_number
from pmtui.kinds.parsers import FieldError, ParseContext, Resolver
from pmtui.kinds.specs import (
    KINDS,
    LIST_KINDS,
    NUMERIC_KINDS,
    SEARCHABLE_KINDS,
    KindSpec,
    export_value,
    input_hint,
    parse_value,
    to_display,
    to_text,
)

__all__ = [
    "KINDS",
    "LIST_KINDS",
    "NUMERIC_KINDS",
    "SEARCHABLE_KINDS",
    "WEEKDAY_NAMES",
    "FieldError",
    "KindSpec",
    "ParseContext",
    "Resolver",
    "export_value",
    "format_money",
    "input_hint",
    "parse_value",
    "plain_number",
    "project_calendar",
    "to_display",
    "to_text",
]
