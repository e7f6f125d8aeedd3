"""The Reports area's History board: the issued reports newest first (RAG per dimension as
letters, SPI, CPI, % complete, budget used, open risks and issues) and the trends of SPI,
CPI, % complete and budget used as sparklines with their figures beside them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Static

from pmtui import views
from pmtui.boards.keys import (
    list_filter,
    list_filter_clear,
    record_add,
    record_delete,
    record_edit,
)
from pmtui.boards.table import TableBoard
from pmtui.widgets.list_filter import ListFilter
from pmtui.widgets.record_table import Column, RecordTable
from pmtui.widgets.trend_lines import Trend, TrendLines

TABLE = "report_snapshots"
DIMENSIONS = (("schedule", "Sch"), ("cost", "Cost"), ("scope", "Scope"), ("risk", "Risk"))
#: A colour as one letter: readable without colours (NO_COLOR), coloured where there are.
LETTERS = {"green": "G", "amber": "A", "red": "R"}
_TONES = {"G": "record-table--good", "A": "record-table--warning", "R": "record-table--bad"}
#: An overall colour the manager set (an override) is marked so.
OVERRIDDEN = "*"


def _tone(text: str) -> str | None:
    return _TONES.get(text.rstrip(OVERRIDDEN)[:1].upper()) if text else None


COLUMNS = (
    Column("date", "Date", 10),
    Column("overall", "Overall", 7, style_of=_tone, text=False),
    *(Column(name, label, len(label), style_of=_tone, text=False) for name, label in DIMENSIONS),
    Column("spi", "SPI", 4, "right"),
    Column("cpi", "CPI", 4, "right"),
    Column("percent_complete", "Done", 4, "right"),
    Column("budget_used", "Used", 4, "right"),
    Column("risks", "H/M/L", 5, "right"),
    Column("open_issues", "Issues", 6, "right"),
)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _ratio(value: Any) -> str:
    number = _number(value)
    return "–" if number is None else f"{number:.2f}"


def _percent(value: Any) -> str:
    number = _number(value)
    return "–" if number is None else f"{number:.0f} %"


def _count(value: Any) -> str:
    number = _number(value)
    return "–" if number is None else f"{number:.0f}"


def snapshot_cells(record: dict[str, Any]) -> list[str]:
    """One issued report as the History table shows it (COLUMNS' order)."""
    overall = str(record.get("overall") or "")
    if record.get("override"):
        overall += OVERRIDDEN
    risks = "/".join(_count(record.get(f"risks_{level}")) for level in ("high", "medium", "low"))
    return [
        str(record.get("date") or ""),
        overall or "–",
        *(LETTERS.get(str(record.get(name) or ""), "–") for name, _ in DIMENSIONS),
        _ratio(record.get("spi")),
        _ratio(record.get("cpi")),
        _percent(record.get("percent_complete")),
        _percent(record.get("budget_used")),
        risks,
        _count(record.get("open_issues")),
    ]


def trends_of(records: Sequence[dict[str, Any]]) -> list[Trend]:
    """SPI, CPI, % complete and budget used over the issued reports, oldest first (a report
    without the figure is left out of that trend)."""
    ordered = sorted(records, key=lambda r: str(r.get("date") or ""))
    measures: tuple[tuple[str, str, Callable[[Any], str]], ...] = (
        ("SPI", "spi", _ratio),
        ("CPI", "cpi", _ratio),
        ("% complete", "percent_complete", _percent),
        ("budget used", "budget_used", _percent),
    )
    trends = []
    for name, field, shown in measures:
        values = [(n, r.get(field)) for r in ordered if (n := _number(r.get(field))) is not None]
        trends.append(Trend(name, tuple(n for n, _ in values), tuple(shown(v) for _, v in values)))
    return trends


class HistoryBoard(TableBoard):
    """The issued reports over their trends; a adds a past one by hand, e edits one (its
    reason, its summary), d deletes one (asks; u undoes)."""

    DEFAULT_CSS = """
    HistoryBoard { layout: vertical; }
    HistoryBoard #history-trends-title { height: 1; padding: 0 1; background: $panel; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        # Issuing (Report board, I) makes a snapshot; a adds one by hand: a report issued
        # before the project was in pmtui, so that its trends start earlier.
        record_add("Add past"),
        record_edit(),
        record_delete(),
        list_filter(),
        list_filter_clear(),
    ]

    def compose(self) -> ComposeResult:
        yield ListFilter(id="filter")
        yield RecordTable(id="table")
        yield Static("", id="history-trends-title")
        yield TrendLines(4, id="history-trends")

    def refresh_data(self) -> None:
        records = views.rows(self.store, TABLE)
        newest_first = sorted(
            records, key=lambda r: (str(r.get("date") or ""), str(r["key"])), reverse=True
        )
        self.table.set_data(COLUMNS, [(str(r["key"]), snapshot_cells(r)) for r in newest_first])
        trends = self.query_one(TrendLines)
        title = self.query_one("#history-trends-title", Static)
        if not records:
            title.update("No report issued yet: I on the Report board issues one.")
            trends.show([])
            return
        issued = "1 issued report" if len(records) == 1 else f"{len(records)} issued reports"
        said = f"Trends over {issued}, oldest → newest"
        if any(r.get("override") for r in records):
            said += f" · {OVERRIDDEN} overall set by the manager"
        title.update(said)
        note = "" if len(records) > 1 else "A trend shows from the second issued report."
        trends.show(trends_of(records), note)
