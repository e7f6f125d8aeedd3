"""Test data from the schema: rows of typed text that the parsers accept, for any table.

rows.py makes rows from the declarations; one module per area (named by the area's
test_data) makes them obey that area's rules.
"""

from pmtui.generate.rows import RefFixer, Row, RowFixer, fixers, generate_rows, value_for

__all__ = ["RefFixer", "Row", "RowFixer", "fixers", "generate_rows", "value_for"]
