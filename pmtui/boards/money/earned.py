"""The Money area's Earned value board: the figures at an as-of date in plain words ("15 %
over budget, 3 weeks behind"), and the S-curve of PV, EV and AC; `d` types another date."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import Static

from pmtui.boards.base import Board
from pmtui.boards.keys import command
from pmtui.boards.registry import BoardSpec
from pmtui.domain.dates import DateParseError, parse_date
from pmtui.domain.evm import EvmFigures, index_level, schedule_lag, status_text
from pmtui.domain.links import ScheduleError
from pmtui.screens.line_prompt import LinePromptModal, Typed
from pmtui.services.money import EarnedValue, evm_of, evm_series, fiscal_start
from pmtui.store import Store
from pmtui.widgets.s_curve import CurvePoint, SCurve


def _money(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def figure_lines(f: EvmFigures, currency: str) -> list[str]:
    """The figures in three columns of name and value, amounts in whole `currency` units."""
    cells = [
        ("BAC", _money(f.bac)), ("PV", _money(f.pv)), ("EV", _money(f.ev)),
        ("AC", _money(f.ac)), ("SV", _money(f.sv)), ("CV", _money(f.cv)),
        ("SPI", _ratio(f.spi)), ("CPI", _ratio(f.cpi)), ("EAC", _money(f.eac)),
        ("ETC", _money(f.etc)), ("VAC", _money(f.vac)), ("TCPI", _ratio(f.tcpi_bac)),
    ]  # fmt: skip
    lines = []
    for start in range(0, len(cells), 3):
        lines.append(
            "  ".join(f"{name:<4} {value:>12}" for name, value in cells[start : start + 3])
        )
    lines.append(
        f"EAC also: AC + (BAC - EV) {_money(f.eac_formulas['ac_plus_remaining'])} · "
        f"with SPI {_money(f.eac_formulas['ac_plus_remaining_over_cpi_spi'])}"
    )
    lines.append(f"Unallocated expenses {_money(f.unallocated)} {currency} (in AC)")
    return lines


class EarnedValueBoard(Board):
    """d types the as-of date; the figures and the S-curve follow it."""

    DEFAULT_CSS = """
    EarnedValueBoard { layout: vertical; }
    EarnedValueBoard #evm-status { height: 1; padding: 0 1; background: $panel; }
    EarnedValueBoard #evm-status.-green { color: $rag-green; }
    EarnedValueBoard #evm-status.-amber { color: $rag-amber; }
    EarnedValueBoard #evm-status.-red { color: $rag-red; }
    EarnedValueBoard #evm-figures { height: auto; padding: 0 1; }
    EarnedValueBoard #evm-curve { height: 1fr; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        command("d", "as_of", "As of", "money: Earned value as of a date", id="evm-as-of"),
    ]

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        self.as_of: date | None = None
        self.value: EarnedValue | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="evm-status")
        yield Static("", id="evm-figures")
        yield SCurve(id="evm-curve")

    def on_mount(self) -> None:
        self.refresh_data()

    def default_focus(self) -> Widget | None:
        return None

    def refresh_data(self) -> None:
        ctx = self.store.read_context()
        status = self.query_one("#evm-status", Static)
        try:
            self.value = value = evm_of(ctx, self.as_of)
        except (ScheduleError, KeyError) as error:
            status.update(f"The plan cannot be scheduled: {error}")
            return
        f = value.figures
        currency = str(ctx.project.get("currency") or "")
        lag = schedule_lag(value.tasks, f.ev, f.as_of, ctx.calendar)
        line = Text(f"As of {f.as_of.isoformat()}: ")
        line.append(status_text(f.cpi, lag), style="bold")
        line.append(f" · {currency} · planned: {value.planned_from}")
        status.update(line)
        # The worse of SPI and CPI against the project's thresholds colours the status.
        amber = float(ctx.project.get("spi_amber") or 0.95)
        red = float(ctx.project.get("spi_red") or 0.85)
        levels = {index_level(f.spi, amber, red), index_level(f.cpi, amber, red)}
        worst = next((level for level in ("red", "amber", "green") if level in levels), "")
        for level in ("green", "amber", "red"):
            status.set_class(level == worst, f"-{level}")
        notes = [f"{name}: {why}" for name, why in f.why.items() if name in ("ev", "cpi", "spi")]
        self.query_one("#evm-figures", Static).update(
            "\n".join([*figure_lines(f, currency), *notes])
        )
        points = evm_series(ctx, value)
        curve = [CurvePoint(p.day.isoformat(), p.pv, p.ev, p.ac) for p in points]
        marker = next((i for i, p in enumerate(points) if p.day == f.as_of), -1)
        self.query_one(SCurve).show(curve, marker)

    def action_as_of(self, message: str = "") -> None:
        prompt = LinePromptModal(
            "Earned value as of",
            placeholder="2026-11-30, eom, last fri, -2w",
            hint="a past date uses today's percent complete (no history is kept)",
            message=message,
        )
        self.app.push_screen(prompt, self._typed)

    def _typed(self, typed: Typed | None) -> None:
        if typed is None:
            return
        ctx = self.store.read_context()
        try:
            self.as_of = parse_date(
                typed.text,
                self.store.today,
                calendar=ctx.calendar,
                date_order=self.store.date_order,
                fiscal_start_month=fiscal_start(ctx.project),
            )
        except DateParseError as error:
            self.action_as_of(str(error))
            return
        self.refresh_data()
