"""Test data from the schema: rows of typed text that the parsers accept, for any table.

rows.py makes rows from the declarations; one module per area (named by the area's
test_data) makes them obey that area's rules.
"""

from pmtui.generate.rows import (
    History,
    RefFixer,
    Row,
    RowFixer,
    fixers,
    generate_rows,
    histories,
    value_for,
)

__all__ = [
    "History",
    "RefFixer",
    "Row",
    "RowFixer",
    "fixers",
    "generate_rows",
    "histories",
    "value_for",
]
