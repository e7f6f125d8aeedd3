"""CSV and JSON import and export of project tables, driven by the schema; pure, no printing.

reading.py reads import files into rows, importing.py applies them to the store,
exporting.py writes tables out.
"""

from pmtui.transfer.exporting import (
    PrivateData,
    choose_tables,
    export_csv,
    export_json,
    export_records,
    holds_private,
    table_records,
    write_export,
)
from pmtui.transfer.importing import ImportResult, import_file, import_tables
from pmtui.transfer.reading import (
    ImportProblem,
    Row,
    TableRows,
    match_field,
    read_csv,
    read_import,
    read_json,
)

FORMATS = ("csv", "json")

__all__ = [
    "FORMATS",
    "ImportProblem",
    "ImportResult",
    "PrivateData",
    "Row",
    "TableRows",
    "choose_tables",
    "export_csv",
    "export_json",
    "export_records",
    "holds_private",
    "import_file",
    "import_tables",
    "match_field",
    "read_csv",
    "read_import",
    "read_json",
    "table_records",
    "write_export",
]
