"""The portfolio screen: every project of the data folder at a glance; `enter` opens one.

Figures come from each project's cache (pmtui.reports.portfolio); a project without one is
listed at once as "working out…" and filled in by a worker thread, one project at a time,
so 50 big projects are never scheduled before the first frame. A file that cannot be read
is listed with its error and never written."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.screen import ModalScreen
from textual.theme import Theme
from textual.widgets import Footer, Static

from pmtui import paths, themes
from pmtui.boards.keys import command, list_filter
from pmtui.config import load_config
from pmtui.kinds.escapes import one_line
from pmtui.reports.portfolio import ProjectLine, portfolio, project_files, work_out
from pmtui.reports.portfolio_text import ratio
from pmtui.state import load_state
from pmtui.widgets.columns import Column
from pmtui.widgets.list_filter import ListFilter
from pmtui.widgets.record_table import RecordTable
from pmtui.widgets.terminal_output import squeezing

if TYPE_CHECKING:
    from textual.driver import Driver

_RAG_STYLES = {"green": "record-table--good", "amber": "record-table--warning"}


def _rag_style(text: str) -> str | None:
    return _RAG_STYLES.get(text, "record-table--bad" if text == "red" else None)


COLUMNS = [
    Column("name", "Project", 24),
    Column("rag", "RAG", 5, style_of=_rag_style),
    Column("set", "Set", 5, style_of=_rag_style),
    Column("milestone", "Next milestone", 20),
    Column("forecast", "Forecast", 10),
    Column("spi", "SPI", 4, "right"),
    Column("cpi", "CPI", 4, "right"),
    Column("overdue", "Late", 4, "right"),
    Column("report", "Report", 10),
]


def cells(line: ProjectLine) -> list[str]:
    """The row of one project, as people read it."""
    name = f"{line.name} (archived)" if line.archived else line.name
    if line.error:
        return [name, "", "", f"cannot read it: {line.error}", "", "", "", "", ""]
    if line.pending:
        return [name, "", "", "working out…", "", "", "", "", ""]
    return [
        name,
        line.rag_computed or "",
        line.rag_override or "",
        line.next_milestone or "-",
        line.forecast or "",
        ratio(line.spi),
        ratio(line.cpi),
        "" if line.overdue is None else str(line.overdue),
        line.last_report or "none",
    ]


class PortfolioScreen(ModalScreen[str | None]):
    """Every project: RAG (computed, and set by the manager), next milestone, SPI, CPI,
    items overdue, last report. Dismisses with the chosen project's path, or None. Modal,
    so that over a project (ctrl+o) the digits do not switch areas beneath it."""

    DEFAULT_CSS = """
    PortfolioScreen { background: $background; }
    PortfolioScreen #portfolio-title { height: 1; padding: 0 1; text-style: bold; }
    PortfolioScreen #portfolio-detail { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        command("o", "open", "Open", "portfolio: Open the project (or enter)",
                id="portfolio-open"),
        command("full_stop", "toggle_archived", "Archived",
                "portfolio: Show or hide archived projects", id="portfolio-archived",
                key_display="."),
        command("r", "reload", "Reload", "portfolio: Work the figures out again",
                id="portfolio-reload"),
        list_filter(),
        command("question_mark", "help", "Help", "portfolio: Show keys", id="portfolio-help",
                key_display="?"),
        command("escape,q", "close", "Close", "portfolio: Close (esc in a filtered list: "
                "show every project)", id="portfolio-close"),
    ]  # fmt: skip

    def __init__(self, folder: Path, *, files: Callable[[Path], list[Path]] = project_files):
        super().__init__()
        self.folder = folder
        self.files = files
        self.show_archived = False
        self.lines: list[ProjectLine] = []

    def compose(self) -> ComposeResult:
        yield Static(id="portfolio-title")
        yield ListFilter(id="filter")
        yield RecordTable(id="portfolio")
        yield Static(id="portfolio-detail")
        yield Footer()

    @property
    def table(self) -> RecordTable:
        """The list of projects."""
        return self.query_one("#portfolio", RecordTable)

    def on_mount(self) -> None:
        self.load()
        self.table.focus()

    def load(self) -> None:
        """List every project from its cache; work the missing ones out in a worker."""
        self.lines = portfolio(self.files(self.folder), work_out_missing=False, show_archived=True)
        self.show_lines()
        if any(line.pending for line in self.lines):
            self.work_out_pending()

    def show_lines(self) -> None:
        """Show the lines (archived ones only when asked), keeping the cursor's project."""
        shown = [line for line in self.lines if self.show_archived or not line.archived]
        rows = [(line.path, cells(line)) for line in shown]
        chosen = self.table.cursor_row_key if self.table.row_count else None
        self.table.set_data(COLUMNS, rows)
        if chosen is not None:
            self.table.move_to_key(chosen)
        hidden = sum(1 for line in self.lines if line.archived and not self.show_archived)
        waiting = sum(1 for line in self.lines if line.pending)
        parts = [f"Portfolio: {len(shown)} project{'s' if len(shown) != 1 else ''}"]
        if hidden:
            parts.append(f"{hidden} archived hidden (. shows)")
        if waiting:
            parts.append(f"working out {waiting}…")
        if not self.lines:
            parts = [f"No projects in {self.folder} yet: pmtui new NAME makes one"]
        self.query_one("#portfolio-title", Static).update(" · ".join(parts))
        self._detail()

    def _detail(self) -> None:
        key = self.table.cursor_row_key if self.table.row_count else None
        line = next((line for line in self.lines if line.path == key), None)
        text = ""
        if line is not None:
            path = Path(line.path)
            where = path.name if path.parent == self.folder else line.path
            text = where if not line.error else f"{where}: {line.error}"
            text = one_line(text, max(self.size.width - 2, 20))
        self.query_one("#portfolio-detail", Static).update(text)

    @on(RecordTable.RowHighlighted)
    def _moved(self) -> None:
        self._detail()

    @work(thread=True, exclusive=True)
    def work_out_pending(self) -> None:
        """Work out, one project at a time, the figures no cache holds; each fills in."""
        for line in list(self.lines):
            if not line.pending:
                continue
            done = work_out(Path(line.path))
            self.app.call_from_thread(self._replace, line, done)

    def _replace(self, old: ProjectLine, new: ProjectLine) -> None:
        self.lines = [new if line is old else line for line in self.lines]
        self.lines.sort(key=lambda line: (line.name.casefold(), line.path))
        self.show_lines()

    def action_open(self) -> None:
        key = self.table.cursor_row_key if self.table.row_count else None
        line = next((line for line in self.lines if line.path == key), None)
        if line is None:
            return
        if line.error:
            self.app.notify(f"Cannot open it: {line.error}", severity="error", markup=False)
            return
        self.dismiss(line.path)

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.show_lines()

    def action_reload(self) -> None:
        self.load()

    def action_filter(self) -> None:
        self.query_one(ListFilter).open(self.table)

    def action_help(self) -> None:
        from pmtui.boards.help_lines import help_lines
        from pmtui.screens.help import HelpModal

        self.app.push_screen(HelpModal("Portfolio", help_lines(self.app, self)))

    def action_close(self) -> None:
        line = self.query_one(ListFilter)
        if line.has_class("shown") or self.table.filter_text:
            line.action_clear()
            return
        self.dismiss(None)

    @on(RecordTable.RowSelected)
    def _selected(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        self.action_open()


class PortfolioApp(App[str | None]):
    """What `pmtui` alone opens when the data folder holds several projects: the portfolio
    screen alone; it returns the path of the project to open, or None."""

    TITLE = "pmtui portfolio"

    def __init__(self, folder: Path, env: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.env = dict(os.environ if env is None else env)
        specs, _ = themes.load_themes(paths.user_themes_dir(self.env))
        for spec in specs.values():
            self.register_theme(Theme(**spec.theme_kwargs(), variables=spec.variables))

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(themes.APP_VARIABLE_DEFAULTS)

    def get_driver_class(self) -> type[Driver]:
        return squeezing(super().get_driver_class())

    def on_mount(self) -> None:
        remembered = load_state(paths.state_file(self.env))
        self.theme, _ = themes.choose_theme(
            load_config(paths.config_file(self.env))[0].theme, remembered, self.available_themes
        )
        self.push_screen(PortfolioScreen(self.folder), self.exit)
