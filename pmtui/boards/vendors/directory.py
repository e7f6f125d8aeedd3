"""The Vendors area's directory: the vendors table, with a notice date that needs the manager
(within its lead time, or passed while the contract runs) marked in words and colour."""

from __future__ import annotations

from datetime import date

from pmtui import views
from pmtui.boards.table import TableBoard, columns_for, rows_for
from pmtui.records.vendors import notice_days_left
from pmtui.widgets.record_table import Column

NOTICE = "renewal_notice"
#: The column after the notice date saying how soon it is ('in 56d', 'today', 'passed').
NOTICE_STATE = Column("notice_state", "Notice", 6, style_of=lambda text: notice_style(text))


def notice_text(vendor: dict[str, object], today: date) -> str:
    """'in 56d', 'today', 'passed', or '' when the notice date can wait (or there is none)."""
    left = notice_days_left(vendor, today)
    if left is None:
        return ""
    if left < 0:
        return "passed"
    return "today" if left == 0 else f"in {left}d"


def notice_style(text: str) -> str | None:
    """A passed notice date in the bad style, one coming up in the warning style."""
    if text == "passed":
        return "record-table--bad"
    return "record-table--warning" if text else None


class VendorsBoard(TableBoard):
    """The vendors as a table; notice dates within their lead time stand out."""

    def refresh_data(self) -> None:
        rt = self.record_type
        records = views.rows(self.store, rt.table)
        columns = columns_for(rt)
        at = [c.key for c in columns].index(NOTICE) + 1
        columns.insert(at, NOTICE_STATE)
        rows = rows_for(rt, records, views.reference_names(self.store, rt))
        today = self.store.today
        for (_, cells), record in zip(rows, records, strict=True):
            cells.insert(at, notice_text(record, today))
        self.table.set_data(columns, rows)
