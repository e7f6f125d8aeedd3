"""The Textual app: areas on digit keys, global keys, palette, themes; boards live in boards/."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import BindingType
from textual.command import Provider
from textual.notifications import SeverityLevel
from textual.theme import Theme

from pmtui import paths, themes
from pmtui.boards.area import SYNC_BELOW as RAG_SYNC_BELOW
from pmtui.boards.area import AreaScreen
from pmtui.boards.base import Board
from pmtui.boards.keys import area_bindings, command
from pmtui.boards.project_file import ProjectFileApp
from pmtui.boards.registry import AREAS, BOARDS, area_title, board_by_id
from pmtui.config import Config, load_config
from pmtui.reports.checkin import Session, last_checkin, remember_checkin
from pmtui.services.glance import Finishes
from pmtui.state import load_state, save_state
from pmtui.store import Store, StoreError
from pmtui.widgets.terminal_output import squeezing

if TYPE_CHECKING:
    from textual.driver import Driver

    from pmtui.reports.first_frame import Preview
    from pmtui.search import SearchHit

# Modals, search and the palette's provider are imported when first used, not at start-up:
# the first frame needs none of them.


def _palette_provider() -> type[Provider]:
    from pmtui.boards.palette import PmtuiCommands

    return PmtuiCommands


#: The area the app opens on: Today, the daily check-in.
START_AREA = "today"


class PmtuiApp(ProjectFileApp):
    """pmtui: one project, every board a keystroke away."""

    TITLE = "pmtui"
    COMMANDS = App.COMMANDS | {_palette_provider}
    #: Toasts sit over the three bars at the top, never over a board's rows, and go soon.
    #: The large modals hide what is under them: a 78-cell form on an 80-cell terminal
    #: left a column of stray glyphs (…, ─, the scrollbar) on each side.
    CSS = """
    ToastRack {
        dock: top; align: right top; margin: 0; max-height: 3; overflow: hidden hidden;
    }
    Toast { margin: 0; padding: 0 1; width: auto; max-width: 90%; }
    RecordForm, HelpModal, PersonModal { background: $background; }
    """
    #: Seconds a toast stays: errors a little longer, they say why something failed.
    NOTIFICATION_TIMEOUT = 3
    ERROR_TIMEOUT = 6
    BINDINGS: ClassVar[list[BindingType]] = [
        *area_bindings([(a.number, a.name, a.title) for a in AREAS]),
        command("ctrl+f", "search", "Search", "app: Search everything", id="app-search"),
        command("u", "undo", "Undo", "app: Undo last change", id="app-undo"),
        command("ctrl+r", "redo", "Redo", "app: Redo undone change", id="app-redo", show=False),
        command(
            "ctrl+o",
            "portfolio",
            "Projects",
            "app: Open another project (portfolio)",
            id="app-portfolio",
            show=False,
        ),
        command("question_mark", "help", "Help", "app: Show keys", id="app-help", key_display="?"),
        command("q", "quit", "Quit", "app: Quit pmtui", id="app-quit"),
    ]

    def __init__(
        self,
        store: Store,
        config: Config | None = None,
        *,
        env: Mapping[str, str] | None = None,
        warnings: list[str] | None = None,
        gc_paused: bool = False,
        start_area: str | None = None,
        dim_empty_areas: bool = True,
        save_in_worker: bool = False,
        preview: Preview | None = None,
    ) -> None:
        # The app opens straight on this area's screen (no blank default screen first);
        # Textual reads it while the App is set up.
        self.DEFAULT_MODE = start_area or START_AREA  # type: ignore[misc]
        super().__init__(store, save_in_worker=save_in_worker)
        #: Start-up paused Python's garbage collector (cli.common.open_app); the app
        #: resumes it half a second after mounting, the first frame long drawn.
        self.gc_paused = gc_paused
        #: The project chosen in the portfolio (ctrl+o) to open after this one closes.
        self.next_project: Path | None = None
        #: Today's first frame from the cache while the project is not parsed yet (the
        #: area screen and Today draw it; parsed right after the first frame).
        self.preview = preview
        #: Why the project could not be parsed after the first frame (the app then ends).
        self.refused = ""
        self.config = config or Config()
        self.env = dict(os.environ if env is None else env)
        self.warnings = list(warnings or [])
        self._choose_theme()
        #: The computed RAG every area's status line shows, kept across revisions that
        #: change nothing the rules read (pmtui.services.glance.Finishes).
        self.status_rags = Finishes()
        # Snapshot tests pin the bar (no area dimmed), so a new area's boards change no SVG.
        bar = [(a.number, a.name, a.title, bool(a.boards) or not dim_empty_areas) for a in AREAS]
        for declared in AREAS:
            self.add_mode(declared.name, partial(AreaScreen, self.store, declared.name, bar))

    def get_driver_class(self) -> type[Driver]:
        return squeezing(super().get_driver_class())

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        longest = self.ERROR_TIMEOUT if severity == "error" else self.NOTIFICATION_TIMEOUT
        timeout = longest if timeout is None else min(timeout, longest)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def _choose_theme(self) -> None:
        specs, errors = themes.load_themes(paths.user_themes_dir(self.env))
        for spec in specs.values():
            self.register_theme(Theme(**spec.theme_kwargs(), variables=spec.variables))
        self.state_path = paths.state_file(self.env)
        remembered = load_state(self.state_path)
        #: When this user last closed the project: Today counts the changes since, leaving
        #: out this session's own (pmtui.reports.checkin).
        self.last_checkin = last_checkin(remembered, self.store.path)
        # The log keeps whole seconds: a change in the session's first second is its own.
        self.session = Session(self.store.user, datetime.now(UTC).replace(microsecond=0))
        self.theme, chosen = themes.choose_theme(
            self.config.theme, remembered, self.available_themes
        )
        self.warnings += errors + chosen

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(themes.APP_VARIABLE_DEFAULTS)

    def get_css_variables(self) -> dict[str, str]:
        variables = super().get_css_variables()
        theme = self.current_theme
        # On 16 colours a non-ANSI theme's amber would be drawn red: colours by meaning.
        # Only on a terminal: headless runs (tests, snapshots) draw the theme as it is.
        if self.console.color_system == "standard" and not theme.ansi and not self.is_headless:
            variables = themes.sixteen_colour_variables(variables, dark=theme.dark)
            self.theme_variables = variables
        return variables

    def on_mount(self) -> None:
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            # A dropped SSH link must end the app cleanly: run() then waits for the writes.
            loop.add_signal_handler(signum, self.exit)
        self.set_interval(1.5, self.poll_disk)
        if self.gc_paused:
            self.set_timer(0.5, _resume_gc)
        for warning in self.warnings:
            self.notify(warning, severity="warning", timeout=10)
        if self.preview is not None:
            self.call_after_refresh(self._load_project)

    def _load_project(self) -> None:
        """Parse the project after the first frame (drawn from Today's cache), then draw
        the area from it: the same frame, and the work it starts (the finish, the RAG).
        A key pressed earlier that needed the project parsed it first."""
        try:
            self.store.load_held()
        except StoreError as error:  # not seen: the cache's hash is of bytes that parsed
            self.refused = str(error)
            self.exit(return_code=1)
            return
        self.preview = None
        self.refresh_area()

    def _remember_theme(self, theme: Theme) -> None:
        state = load_state(self.state_path)
        state.update(theme=theme.name, config_theme=self.config.theme)
        save_state(self.state_path, state)

    async def action_switch_area(self, mode: str) -> None:
        """Show an area (mounting its screen the first time); awaited, so a key typed
        straight after the digit (`3]`) reaches the new area."""
        await self.switch_mode(mode)
        if (screen := self.area_screen) is not None:
            screen.focus_board()
        self.call_after_refresh(self.refresh_area, only_if_changed=True)

    async def action_open_board(self, board_id: str) -> Board | None:
        spec = board_by_id(board_id)
        if spec is None:
            return None
        await self.switch_mode(spec.area)
        screen = self.area_screen
        board = await screen.show_board_by_name(spec.name) if screen else None
        self.refresh_area()
        return board

    def action_help(self) -> None:
        from pmtui.boards.help_lines import help_lines
        from pmtui.screens.help import HelpModal

        title = area_title(self.current_mode) if self.current_mode else ""
        self.push_screen(HelpModal(title, help_lines(self, self.screen)))

    def action_portfolio(self) -> None:
        """The portfolio over this project; the project chosen there replaces this one."""
        from pmtui.boards.portfolio import PortfolioScreen

        self.push_screen(PortfolioScreen(paths.projects_dir(self.env)), self._switch_project)

    def _switch_project(self, chosen: str | None) -> None:
        if chosen and Path(chosen).resolve() != self.store.path:
            #: Opened by run() once this session has finished its writes.
            self.next_project = Path(chosen)
            self.exit()

    def action_search(self) -> None:
        from pmtui.screens.search import SearchModal
        from pmtui.search import search

        titles = {b.id: f"{area_title(b.area)} › {b.title}" for b in BOARDS}
        self.push_screen(SearchModal(lambda text: search(self.store, text), titles), self._jump)

    async def _jump(self, hit: SearchHit | None) -> None:
        if hit is None:
            return
        board = await self.action_open_board(hit.board)
        if board is None:
            self.notify(f"No board shows {hit.table} yet", severity="warning")
            return
        self.call_after_refresh(board.focus_record, hit.table, hit.key)


def first_frame(store: Store) -> Preview | None:
    """Today's first frame from the cache, for a project opened unparsed, when it holds one
    for these bytes and the project is big enough that Today and the status line show
    their pending states first (a smaller one is parsed first: it takes little)."""
    from pmtui.boards.today.today import SYNC_BELOW as TODAY_SYNC_BELOW
    from pmtui.reports.first_frame import preview

    found = preview(store)
    if found is None or found.planned < RAG_SYNC_BELOW or found.scheduled < TODAY_SYNC_BELOW:
        return None
    return found


def _resume_gc() -> None:
    """Collect what start-up left behind, then keep the survivors out of later collections."""
    gc.collect()
    gc.freeze()
    gc.enable()


def run(project: Path, env: Mapping[str, str] | None = None) -> int:
    """Open `project` in the app; returns the exit code."""
    environment = dict(os.environ if env is None else env)
    config, warnings = load_config(paths.config_file(environment))
    try:
        # Read and checked under the lock now; parsed after the first frame when Today's
        # cache holds that frame for exactly these bytes, else now (pmtui.store).
        store = Store.open(project, date_order=config.date_order, parse_later=True)
    except StoreError as error:
        print(f"pmtui: {error}")
        return 1
    shown = first_frame(store)
    if shown is None:
        try:
            store.load_held()
        except StoreError as error:
            store.close()
            print(f"pmtui: {error}")
            return 1
    # A caller that paused the collector for start-up (cli.common.open_app) has it
    # resumed by the app after the first frame.
    app = PmtuiApp(
        store,
        config,
        env=environment,
        warnings=warnings,
        gc_paused=not gc.isenabled(),
        save_in_worker=True,
        preview=shown,
    )
    try:
        app.run()
    finally:
        # Quitting, SIGHUP and SIGTERM wait here for the write under way and what is left.
        not_written = app.finish_writes()
        store.close()
    if app.refused:
        print(f"pmtui: {app.refused}")
        return 1
    if not_written:
        print(f"pmtui: {not_written}")
    state = load_state(paths.state_file(environment))
    state["last_project"] = str(store.path)
    save_state(paths.state_file(environment), state)
    remember_checkin(paths.state_file(environment), store.path)
    if app.crash_error:
        where = f"details in {app.crash_report}" if app.crash_report else "no details kept"
        print(f"pmtui: stopped by an unexpected error ({app.crash_error}); {where}")
    if app.next_project is not None and not app.crash_error and not not_written:
        return run(app.next_project, env)
    return app.return_code or 0


def run_portfolio(folder: Path, env: Mapping[str, str] | None = None) -> int:
    """The portfolio screen (pmtui.boards.portfolio); the project chosen there opens next."""
    from pmtui.boards.portfolio import PortfolioApp

    chosen = PortfolioApp(folder, env).run()
    return run(Path(chosen), env) if chosen else 0
