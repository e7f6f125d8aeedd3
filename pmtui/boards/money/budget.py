"""The Money area's Budget board: a fiscal year's category x month grid (plan, actual,
variance) with totals; `<`/`>` switch years, enter plans a cell in place, `a` adds an expense
from one typed line (`120 travel Taxi to the airport`)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import Static

from pmtui.boards.base import Board, Chosen, NewRecord
from pmtui.boards.keys import command, record_add
from pmtui.boards.registry import BoardSpec
from pmtui.domain.budget import BudgetYear, CategoryRow
from pmtui.domain.links import ScheduleError
from pmtui.kinds import format_money
from pmtui.kinds.months import month_display
from pmtui.records.money import DEFAULT_CATEGORY
from pmtui.screens.line_prompt import LinePromptModal, Typed
from pmtui.services.money import budget_of, budget_years, categories
from pmtui.store import Store
from pmtui.widgets.matrix import Matrix, MatrixCell, MatrixColumn

ROWS = ("plan", "actual", "variance")
MONTH_WIDTH = 9
EXPENSES = "expenses"


def whole(value: float) -> str:
    """An amount rounded to whole units with thousands separators: 12,400."""
    return f"{value:,.0f}"


def parse_quick_expense(line: str, known: list[str]) -> dict[str, str]:
    """`120 travel Taxi` -> amount 120, category travel (when it is one), description Taxi;
    ValueError saying what is missing."""
    words = line.split()
    if len(words) < 2:
        raise ValueError("type an amount, then what it was for: 120 travel Taxi to the airport")
    values = {"amount": words[0]}
    rest = words[1:]
    if rest[0].casefold() in known and len(rest) > 1:
        values["category"] = rest[0].casefold()
        rest = rest[1:]
    values["description"] = " ".join(rest)
    return values


class BudgetBoard(Board):
    """`<`/`>` change the fiscal year; enter on a plan row plans that cell; a adds an expense."""

    DEFAULT_CSS = """
    BudgetBoard { layout: vertical; }
    BudgetBoard #budget-heading { height: 1; padding: 0 1; background: $panel; }
    BudgetBoard #budget-years { height: 1; padding: 0 1; color: $text-muted; }
    BudgetBoard #budget-grid { height: 1fr; }
    BudgetBoard #budget-caption { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        command("enter", "plan", "Plan", "money: Plan budget cell", id="budget-plan"),
        command("less_than_sign", "year(-1)", "Prev year", "money: Previous fiscal year",
                id="budget-previous-year", key_display="<"),
        command("greater_than_sign", "year(1)", "Next year", "money: Next fiscal year",
                id="budget-next-year", key_display=">"),
        record_add("Expense"),
    ]  # fmt: skip

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        self.year: int | None = None
        self.data: BudgetYear | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="budget-heading")
        yield Static("", id="budget-years")
        yield Matrix(id="budget-grid")
        yield Static("", id="budget-caption")

    @property
    def grid(self) -> Matrix:
        """Categories x months."""
        return self.query_one(Matrix)

    def on_mount(self) -> None:
        self.refresh_data()
        this_month = f"{self.store.today.year:04d}-{self.store.today.month:02d}"
        if self.data is not None and this_month in self.data.months:
            self.grid.move_to(0, self.data.months.index(this_month))
        self.grid.focus()

    def default_focus(self) -> Widget:
        return self.grid

    # ------------------------------------------------ reading

    def refresh_data(self) -> None:
        ctx = self.store.read_context()
        try:
            self.data = data = budget_of(ctx, self.year)
        except (ScheduleError, KeyError):
            self.data = data = budget_of(ctx, self.year, bac=0.0)
        self.year = data.fiscal_year
        currency = str(ctx.project.get("currency") or "")
        total = data.totals
        used = "–" if total.used is None else f"{total.used:.0%}"
        self.query_one("#budget-heading", Static).update(
            f"FY{data.fiscal_year} · {currency} · actual {whole(total.actual_total)} of "
            f"{whole(total.plan_total)} planned ({used} used) · "
            f"forecast {'–' if total.forecast is None else whole(total.forecast)}"
        )
        self.query_one("#budget-years", Static).update(self._years_line(data.bac))
        frozen = [MatrixColumn("Category", 10, "left"), MatrixColumn("", 4, "left")]
        columns = [
            MatrixColumn(f"{month_display(month)[:3]} {month[2:4]}", MONTH_WIDTH)
            for month in data.months
        ]
        columns.append(MatrixColumn("Total", 10))
        body = [cells for row in data.categories for cells in self._rows(row)]
        summary = self._rows(total)
        self.grid.set_data(frozen, columns, body, summary)
        self._show_caption()

    def _years_line(self, bac: float) -> str:
        """Each fiscal year's actual over its annual plan."""
        ctx = self.store.read_context()
        shown = []
        for year in budget_years(ctx):
            total = budget_of(ctx, year, bac=bac).totals
            used = "–" if total.used is None else f"{total.used:.0%}"
            shown.append(f"FY{year} {whole(total.actual_total)}/{whole(total.plan_total)} {used}")
        return "Years: " + " · ".join(shown)

    def _rows(self, row: CategoryRow) -> list[list[MatrixCell]]:
        found = []
        for kind, values, total in (
            ("plan", row.plan, row.plan_total),
            ("act", row.actual, row.actual_total),
            ("var", row.variance, row.plan_total - row.actual_total),
        ):
            label = MatrixCell(row.category if kind == "plan" else "", "strong")
            cells = [self._cell(kind, value) for value in [*values, total]]
            found.append([label, MatrixCell(kind, "muted"), *cells])
        return found

    @staticmethod
    def _cell(kind: str, value: float) -> MatrixCell:
        if kind == "var" and value < 0:
            return MatrixCell(whole(value), "bad")
        if not value:
            return MatrixCell("·", "muted")
        return MatrixCell(whole(value), "good" if kind == "var" else "")

    def _at(self) -> tuple[CategoryRow, str, str] | None:
        """The category, row kind and month under the cursor (month '' on Total)."""
        at = self.grid.cursor
        if at is None or self.data is None or at[0] >= 3 * len(self.data.categories):
            return None
        row = self.data.categories[at[0] // 3]
        month = self.data.months[at[1]] if at[1] < 12 else ""
        return row, ROWS[at[0] % 3], month

    def _show_caption(self) -> None:
        at = self._at()
        caption = self.query_one("#budget-caption", Static)
        if at is None:
            caption.update("No categories: set them on the project (9).")
            return
        row, kind, month = at
        where = f"{row.category} · {month_display(month) if month else 'the year'}"
        if kind == "plan" and month:
            caption.update(f"{where} · enter plans it · a adds an expense")
        elif not month and self.data is not None:
            # The Total column: the budget lines of every year reconciled with the tasks' BAC.
            lines, bac = self.data.all_years_plan, self.data.bac
            caption.update(
                f"All budget lines {whole(lines)} against the tasks' BAC {whole(bac)}: "
                f"difference {whole(lines - bac)}"
            )
        else:
            used = "–" if row.used is None else f"{row.used:.0%}"
            caption.update(f"{where} · {used} of the year's plan used · a adds an expense")

    @on(Matrix.CursorMoved)
    def _moved(self, event: Matrix.CursorMoved) -> None:
        event.stop()
        self._show_caption()
        self.refresh_bindings()

    # ------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action == "plan":
            at = self._at()
            return at is not None and at[1] == "plan" and bool(at[2])
        return super().check_action(action, parameters)

    def _line(self, category: str, month: str) -> dict[str, object] | None:
        return next(
            (
                r
                for r in self.store.records("budget_lines")
                if r.get("month") == month and r.get("category") == category
            ),
            None,
        )

    def chosen(self) -> Chosen | None:
        at = self._at()
        if at is None or not at[2]:
            return None
        line = self._line(at[0].category, at[2])
        return Chosen("budget_lines", str(line["key"])) if line else None

    def new_record(self) -> NewRecord | None:
        return NewRecord(EXPENSES)

    def action_year(self, step: int) -> None:
        years = budget_years(self.store.read_context())
        current = self.year if self.year is not None else years[0]
        wanted = max(years[0], min(years[-1], current + step))
        if wanted == current:
            self.app.notify(f"No budget or expenses beyond FY{current}", timeout=3)
            return
        self.year = wanted
        self.refresh_data()

    def action_plan(self, message: str = "") -> None:
        at = self._at()
        if at is None or at[1] != "plan" or not at[2]:
            return
        row, _, month = at
        line = self._line(row.category, month)
        current = format_money(float(str(line.get("planned") or 0))) if line else "nothing"
        prompt = LinePromptModal(
            f"Plan {row.category}, {month_display(month)}",
            placeholder="12000, 12k, 0",
            hint=f"Planned now: {current}",
            message=message,
        )
        self.app.push_screen(prompt, lambda typed: self._planned(row.category, month, typed))

    def _planned(self, category: str, month: str, typed: Typed | None) -> None:
        if typed is None:
            return
        line = self._line(category, month)
        store = self.store

        def change() -> object:
            if line is None:
                values = {"month": month, "category": category, "planned": typed.text}
                return store.add("budget_lines", values)
            return store.update("budget_lines", str(line["key"]), {"planned": typed.text})

        if self.save(change, f"Planned {category}, {month_display(month)}") is not None:
            self.refresh_data()

    def action_add(self, message: str = "", value: str = "") -> None:
        known = categories(self.store.project)
        prompt = LinePromptModal(
            "Add expense (today)",
            value=value,
            placeholder="120 travel Taxi to the airport",
            hint=f"amount, a category ({', '.join(known) or DEFAULT_CATEGORY}), what it was for",
            message=message,
            full_form=True,
        )
        self.app.push_screen(prompt, self._expense_typed)

    def _expense_typed(self, typed: Typed | None) -> None:
        if typed is None:
            return
        known = categories(self.store.project)
        try:
            values = parse_quick_expense(typed.text, known)
        except ValueError as error:
            if typed.full_form:
                self.add_record(EXPENSES)
            else:
                self.action_add(str(error), typed.text)
            return
        if typed.full_form:
            self.add_record(EXPENSES, values)
            return
        added = self.save(
            lambda: self.store.add(EXPENSES, values),
            lambda record: f"Added expense {record['key']}",
        )
        if added is None:
            self.action_add("Not added; see the message.", typed.text)
            return
        self.refresh_data()
