"""CSV and JSON import and export of project tables, driven by the schema; pure, no printing.

reading.py reads import files into rows, importing.py applies them to the store,
exporting.py writes tables out. Plans of other tools: gantt.py (GanttProject) and
mspdi.py (MS Project XML) read them into plans.PlanFile, which plans.apply_plan brings in;
mspdi.py also writes the plan out; interop.py chooses the reader; xmlsafe.py parses XML.
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
from pmtui.transfer.interop import import_plan, plan_kind
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
    "import_plan",
    "import_tables",
    "match_field",
    "plan_kind",
    "read_csv",
    "read_import",
    "read_json",
    "table_records",
    "write_export",
]
