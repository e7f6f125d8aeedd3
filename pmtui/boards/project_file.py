"""The app's hold on the one project file: what the status line says about saving, undo and
redo across every board, and reloading when another session saved. PmtuiApp builds on it."""

from __future__ import annotations

import contextlib
from pathlib import Path

from rich.console import RenderableType
from textual import events
from textual.app import App
from textual.widgets import Input

from pmtui import paths
from pmtui.boards.area import AreaScreen
from pmtui.boards.base import Board, save_state_after
from pmtui.crashes import write_crash_report
from pmtui.store import Store, StoreError
from pmtui.store.drafts import save_draft


class ProjectFileApp(App[None]):
    """Keeps the area on show in step with the project file `store`."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        #: What the status line says: "saved", "conflict" or "not saved".
        self.save_state = "saved"
        #: Where the traceback of an unexpected error was written (the app then ends).
        self.crash_report: Path | None = None
        self.crash_error = ""

    async def on_event(self, event: events.Event) -> None:
        # Keys for a text box are handled one at a time, in the order they came: Textual
        # posts each key to the focused widget and goes on, so in a burst (a slow link, a
        # paste of keys) enter, backspace and end ran after the printable keys behind them.
        if isinstance(event, events.Key) and not event.is_forwarded and self.screen_stack:
            focused = self.focused
            if isinstance(focused, Input) and getattr(self.screen, "KEYS_IN_ORDER", False):
                await self._typed(focused, event)
                return
        await super().on_event(event)

    async def _typed(self, box: Input, event: events.Key) -> None:
        """One key for the text box `box`, done before the next key is read."""
        self.app_focus = True
        if await self._check_bindings(event.key, priority=True):
            return
        if event.is_printable and event.character is not None:
            selection = box.selection
            if selection.is_empty:
                box.insert_text_at_cursor(event.character)
            else:
                box.replace(event.character, *selection)
            return
        submit = getattr(self.screen, "submit_box", None)
        if event.key == "enter" and callable(submit):
            submit(box)  # the form's enter (next field, or save), at once
            return
        if not await self._check_bindings(event.key):
            box._forward_event(event)  # what Textual does with any other key

    @property
    def drafts_path(self) -> Path:
        """Where typed but unsaved forms are kept (pmtui.store.drafts)."""
        return paths.state_dir(getattr(self, "env", None)) / "drafts.json"

    def keep_drafts(self) -> int:
        """Keep what is typed in every open form as a draft (the app is ending); how many."""
        from pmtui.screens.record_form import RecordForm  # loaded with the first form

        kept = 0
        for screen in self.screen_stack:
            if isinstance(screen, RecordForm) and screen.keep_as and screen.typed_anything():
                table, key = screen.keep_as
                path = self.drafts_path
                draft = save_draft(self.store.path, table, key, screen.values(), path=path)
                kept += draft is not None
        return kept

    async def action_quit(self) -> None:
        """ctrl+q (q on a board): quit; from a form with typed changes, ask first (they are
        kept as a draft either way the app ends)."""
        from pmtui.screens.record_form import RecordForm  # loaded with the first form

        form = self.screen
        if not (isinstance(form, RecordForm) and form.typed_anything()):
            self.exit()
            return
        from pmtui.screens.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        question = (
            "Quit pmtui without saving this form?\nWhat you typed is kept as a draft and "
            "offered back when you open the form again."
        )
        self.push_screen(ConfirmModal(question), answered)

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        # ctrl+q, q, SIGHUP (a dropped SSH link), SIGTERM: a form left open is kept as a draft.
        self.keep_drafts()
        super().exit(result, return_code, message)

    def _handle_exception(self, error: Exception) -> None:
        # Textual ends the app on an error nothing caught; keep the details in a file and
        # say one line on exit (pmtui.app.run), with a non-zero exit status.
        with contextlib.suppress(Exception):  # the crash report matters more
            self.keep_drafts()
        self.crash_report = write_crash_report(error, getattr(self, "env", None))
        self.crash_error = " ".join(f"{type(error).__name__}: {error}".split())[:160]
        super()._handle_exception(error)

    @property
    def area_screen(self) -> AreaScreen | None:
        """The area on show (None while a modal is on top)."""
        return self.screen if isinstance(self.screen, AreaScreen) else None

    def refresh_area(self, only_if_changed: bool = False) -> None:
        """Redraw the area on show (under any modals) from the store (`only_if_changed`:
        its board only if the file changed since it was drawn)."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, AreaScreen):
                screen.refresh_data(self.save_state, only_if_changed)
                return

    def on_board_changed(self, message: Board.Changed) -> None:
        self.save_state = "saved"
        # Labels name records as typed: "[draft]" is text, not markup.
        self.notify(message.label, timeout=2, markup=False)
        self.refresh_area()

    def on_board_not_saved(self, message: Board.NotSaved) -> None:
        # Stays until a change is saved: the last edit the user made is not in the file.
        self.save_state = message.state
        self.refresh_area()

    def poll_disk(self) -> None:
        """Reload when another session saved the project (the app calls this every 1.5 s)."""
        try:
            if self.store.refresh():
                self.notify("Reloaded: another session changed the project", timeout=4)
                self.refresh_area()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=10, markup=False)

    def _undo_redo(self, redo: bool) -> None:
        verb = "Redone" if redo else "Undone"
        try:
            label = self.store.redo() if redo else self.store.undo()
        except StoreError as error:
            title = f"Not {verb.lower()}"
            self.notify(str(error), title=title, severity="error", timeout=8, markup=False)
            if (state := save_state_after(error)) is not None:
                self.save_state = state
                self.refresh_area()
            return
        if label:
            self.save_state = "saved"
        said = f"{verb}: {label}" if label else f"Nothing to {verb.lower()[:-2]}"
        self.notify(said, timeout=3, markup=False)
        self.refresh_area()

    def action_undo(self) -> None:
        self._undo_redo(redo=False)

    def action_redo(self) -> None:
        self._undo_redo(redo=True)
