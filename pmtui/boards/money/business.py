"""The Money area's Business case board: the options side by side, their NPV, IRR, ROI and
payback over their cash flows; enter edits a flow or the rate in place, `+`/`-` move the
option's discount rate a point, and the figures follow."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import Static

from pmtui.boards.base import Board, Chosen, NewRecord
from pmtui.boards.keys import command, record_add, record_edit
from pmtui.boards.registry import BoardSpec
from pmtui.screens.line_prompt import LinePromptModal, Typed
from pmtui.services.money import OptionFigures, business_case_of
from pmtui.store import Store
from pmtui.widgets.matrix import Matrix, MatrixCell, MatrixColumn

OPTION_WIDTH = 20
#: The figure rows above the flows: (label, key of OptionFigures.to_json, how it is shown).
FIGURES = (
    ("Rate", "rate", "percent"),
    ("NPV", "npv", "money"),
    ("IRR", "irr", "percent"),
    ("ROI", "roi", "percent"),
    ("Payback", "payback", "periods"),
    ("Disc. payback", "discounted_payback", "periods"),
    ("Total cost", "total_cost", "money"),
    ("Total benefit", "total_benefit", "money"),
)


def shown(value: Any, how: str) -> str:
    """A figure as people read it."""
    if value is None:
        return "–"
    if how == "percent":
        return f"{value * 100:.1f} %"
    if how == "periods":
        return f"{value:.2f}"
    return f"{value:,.0f}"


class BusinessBoard(Board):
    """Options side by side; enter edits the cell (a flow, or the rate); +/- move the rate."""

    DEFAULT_CSS = """
    BusinessBoard { layout: vertical; }
    BusinessBoard #case-grid { height: 1fr; }
    BusinessBoard #case-caption { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        command("enter", "change", "Change", "money: Change cash flow or rate", id="case-change"),
        command("plus", "rate(1)", "Rate +1", "money: Raise discount rate", id="case-rate-up",
                key_display="+"),
        command("minus", "rate(-1)", "Rate -1", "money: Lower discount rate",
                id="case-rate-down", key_display="-"),
        record_add("Option"),
        record_edit(show=False),
    ]  # fmt: skip

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        self.options: list[OptionFigures] = []
        #: The row kinds under the figures: (period, "cost" or "benefit").
        self.flow_rows: list[tuple[int, str]] = []

    def compose(self) -> ComposeResult:
        yield Matrix(id="case-grid")
        yield Static("", id="case-caption")

    @property
    def grid(self) -> Matrix:
        """Figures and flows x options."""
        return self.query_one(Matrix)

    def on_mount(self) -> None:
        self.refresh_data()
        self.grid.focus()

    def default_focus(self) -> Widget:
        return self.grid

    def refresh_data(self) -> None:
        self.options = business_case_of(self.store.read_context())
        periods = max((len(o.costs) for o in self.options), default=0)
        self.flow_rows = [(p, kind) for p in range(periods) for kind in ("cost", "benefit")]
        frozen = [MatrixColumn("", 14, "left")]
        columns = [
            MatrixColumn(str(o.record.get("name"))[:OPTION_WIDTH], OPTION_WIDTH)
            for o in self.options
        ]
        data = [o.to_json() for o in self.options]
        body = [
            [MatrixCell(label, "strong"), *(self._figure(d, key, how) for d in data)]
            for label, key, how in FIGURES
        ]
        for period, kind in self.flow_rows:
            cells = []
            for option in self.options:
                values = option.costs if kind == "cost" else option.benefits
                value = values[period] if period < len(values) else 0.0
                text, tone = (f"{value:,.0f}", "") if value else ("·", "muted")
                cells.append(MatrixCell(text, tone))
            body.append([MatrixCell(f"P{period} {kind}", "muted"), *cells])
        self.grid.set_data(frozen, columns, body)
        self._show_caption()

    @staticmethod
    def _figure(data: dict[str, Any], key: str, how: str) -> MatrixCell:
        value = data[key]
        tone = ""
        if key == "npv" and value is not None:
            tone = "good" if value > 0 else "bad"
        return MatrixCell(shown(value, how), tone if value is not None else "muted")

    def _at(self) -> tuple[OptionFigures, int] | None:
        at = self.grid.cursor
        if at is None or at[1] >= len(self.options):
            return None
        return self.options[at[1]], at[0]

    def _show_caption(self) -> None:
        caption = self.query_one("#case-caption", Static)
        at = self._at()
        if at is None:
            caption.update("No business options yet: a adds one.")
            return
        option, row = at
        why = option.to_json()["why"]
        if row < len(FIGURES) and (reason := why.get(FIGURES[row][1])):
            caption.update(f"{option.record.get('name')}: {reason}")
            return
        caption.update(
            f"{option.record.get('name')} · period: {option.record.get('period_length') or 'year'}"
            " · enter: change · +/-: rate"
        )

    @on(Matrix.CursorMoved)
    def _moved(self, event: Matrix.CursorMoved) -> None:
        event.stop()
        self._show_caption()
        self.refresh_bindings()

    # ------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action in ("change", "rate"):
            at = self._at()
            return at is not None and (action == "rate" or at[1] == 0 or at[1] >= len(FIGURES))
        return super().check_action(action, parameters)

    def chosen(self) -> Chosen | None:
        at = self._at()
        return Chosen("business_options", str(at[0].record["key"])) if at else None

    def new_record(self) -> NewRecord | None:
        return NewRecord("business_options")

    def _set_rate(self, option: OptionFigures, typed: str) -> None:
        key = str(option.record["key"])
        if self.save(
            lambda: self.store.update("business_options", key, {"discount_rate": typed}),
            f"Discount rate of {option.record.get('name')}: {typed}",
        ):
            self.refresh_data()

    def action_rate(self, step: int) -> None:
        at = self._at()
        if at is not None:
            current = float(at[0].record.get("discount_rate") or 0)
            self._set_rate(at[0], f"{max(0.0, current + step):g}")

    def action_change(self, message: str = "") -> None:
        at = self._at()
        if at is None:
            return
        option, row = at
        name = str(option.record.get("name"))
        if row == 0:
            title, hint = f"Discount rate of {name} (% a year)", "8, 8.5, 10%"
        elif row >= len(FIGURES):
            period, kind = self.flow_rows[row - len(FIGURES)]
            title, hint = f"{name}: {kind} in period {period}", "120000, 120k, 0"
        else:
            return
        prompt = LinePromptModal(title, placeholder=hint, message=message)
        self.app.push_screen(prompt, lambda typed: self._changed(option, row, typed))

    def _changed(self, option: OptionFigures, row: int, typed: Typed | None) -> None:
        if typed is None:
            return
        if row == 0:
            self._set_rate(option, typed.text)
            return
        period, kind = self.flow_rows[row - len(FIGURES)]
        key = str(option.record["key"])
        flow = next(
            (
                r
                for r in self.store.records("cash_flows")
                if r.get("option") == key and r.get("period") == period
            ),
            None,
        )
        store = self.store

        def change() -> object:
            if flow is None:
                return store.add(
                    "cash_flows", {"option": key, "period": str(period), kind: typed.text}
                )
            return store.update("cash_flows", str(flow["key"]), {kind: typed.text})

        if self.save(change, f"{option.record.get('name')}: {kind} in period {period}"):
            self.refresh_data()
