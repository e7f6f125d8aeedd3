"""The app's hold on the one project file: what the status line says about saving, undo and
redo across every board, and reloading when another session saved. PmtuiApp builds on it."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from rich.console import RenderableType
from textual import events
from textual.app import App
from textual.widget import AwaitMount
from textual.widgets import Input

from pmtui import paths
from pmtui.boards.area import AreaScreen
from pmtui.boards.base import Board, save_state_after, unexpected
from pmtui.crashes import write_crash_report
from pmtui.kinds import to_text
from pmtui.state import load_state, save_state
from pmtui.store import Store, StoreError
from pmtui.store.changes import ChangeSet
from pmtui.store.drafts import discard_draft, save_draft
from pmtui.tables import record_type

#: The screen a key was handed to (an attribute set on the key event).
_AIMED = "_pmtui_aimed_at"


class ProjectFileApp(App[None]):
    """Keeps the area on show in step with the project file `store`."""

    def __init__(self, store: Store, *, save_in_worker: bool = False) -> None:
        super().__init__()
        self.store = store
        #: What the status line says: "saved", "saving", "conflict" or "not saved".
        self.save_state = "saved"
        # Saves written by a worker thread (pmtui.app.run turns it on): a change is checked
        # and shown at once, the status line says "saving" until it is on disk.
        store.defer_writes = save_in_worker
        #: Drafts kept for changes whose write failed (table, key): gone once written.
        self._drafted: set[tuple[str, str | None]] = set()
        self._writing = False
        #: Where the traceback of an unexpected error was written (the app then ends).
        self.crash_report: Path | None = None
        self.crash_error = ""
        #: Keys typed before a form's first box had the focus, in order (on_event).
        self._typed_ahead: list[events.Key] = []

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self.screen_stack:
            if event.is_forwarded:
                aimed = getattr(event, _AIMED, None)
                if aimed is not None and aimed is not self.screen:
                    # Typed in the burst whose earlier key put this screen on top (`a`,
                    # then the title): Textual gave it to the screen below before that key
                    # was handled. It is for this screen, as typed, now: the keys read
                    # after it are behind it in the queue.
                    await self.on_event(events.Key(event.key, event.character))
                    return
            elif await self._in_order(event):
                return
            else:
                setattr(event, _AIMED, self.screen)
        await super().on_event(event)

    async def _in_order(self, event: events.Key) -> bool:
        """Keys for a text box are handled one at a time, in the order they came: Textual
        posts each key to the focused widget and goes on, so in a burst (a slow link, a
        paste of keys) enter, backspace and end ran after the printable keys behind them.
        True when `event` was handled here (or waits for the form's first box)."""
        if not getattr(self.screen, "KEYS_IN_ORDER", False):
            return False
        if self._typed_ahead or self.focused is None:
            # A form opened by a key of this burst, its first box not focused yet: the
            # key waits for it (the form's screen had no use for it), and so do the keys
            # behind it.
            self._typed_ahead.append(event)
            if len(self._typed_ahead) == 1:
                self.call_after_refresh(self._type_ahead, 0)
            return True
        focused = self.focused
        if isinstance(focused, Input):
            await self._typed(focused, event)
            return True
        return False

    async def _type_ahead(self, frames: int) -> None:
        """The keys that came before the form's box took the focus, in order, once it has
        (after 30 frames without, as any key is handled)."""
        waiting = getattr(self.screen, "KEYS_IN_ORDER", False) and self.focused is None
        if waiting and frames < 30:
            self.call_after_refresh(self._type_ahead, frames + 1)
            return
        held, self._typed_ahead = self._typed_ahead, []
        for event in held:
            if self._typed_ahead:  # one of them opened another form: the rest wait for it
                self._typed_ahead.append(event)
            elif waiting:
                await super().on_event(event)
            else:
                await self.on_event(event)

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

    def board_state(self, board: str) -> dict[str, Any]:
        """What board `board` (its id) remembered about this project in a session before
        ({} when nothing): kept in state.toml under the project's path."""
        remembered = load_state(paths.state_file(getattr(self, "env", None))).get("boards")
        project = remembered.get(str(self.store.path)) if isinstance(remembered, dict) else None
        found = project.get(board) if isinstance(project, dict) else None
        return dict(found) if isinstance(found, dict) else {}

    def remember_board_state(self, board: str, values: dict[str, Any]) -> None:
        """Keep `values` for board `board` of this project (a later session reads them back
        with board_state); a state file that cannot be written is no reason to stop."""
        path = paths.state_file(getattr(self, "env", None))
        state = load_state(path)
        found = state.get("boards")
        boards: dict[str, Any] = dict(found) if isinstance(found, dict) else {}
        kept = boards.get(str(self.store.path))
        project: dict[str, Any] = dict(kept) if isinstance(kept, dict) else {}
        project[board] = values
        boards[str(self.store.path)] = project
        state["boards"] = boards
        with contextlib.suppress(OSError):
            save_state(path, state)

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

    def leave_area(self) -> None:
        """The area on show (under any modals) is being left: its board saves what is typed
        on it (a meeting's minutes; Board.leave). Only that area can hold anything unsaved:
        every area left before saved as it went."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, AreaScreen):
                screen.leave()
                return

    def switch_mode(self, mode: str) -> AwaitMount:
        if mode != self.current_mode:
            self.leave_area()  # a digit, a search hit, a jump: nothing typed is left unsaved
        return super().switch_mode(mode)

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        # ctrl+q, q, SIGHUP (a dropped SSH link), SIGTERM: minutes typed on a board are
        # saved; a form left open is kept as a draft.
        with contextlib.suppress(Exception):  # ending matters more; a refusal keeps a draft
            self.leave_area()
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
        self.save_state = "saving" if self.store.unwritten else "saved"
        # Labels name records as typed: "[draft]" is text, not markup.
        self.notify(message.label, timeout=2, markup=False)
        for warning in message.warnings:  # stays longer: something to act on
            self.notify(warning, title="Over capacity", severity="warning", timeout=8)
        # The board that made the change has drawn it; one that did not, draws it now.
        self.refresh_area(only_if_changed=True)
        # The write starts once the change is on screen: the worker thread shares the
        # interpreter with the redraw, and the person waits for the redraw, not the disk.
        self.call_after_refresh(self.write_in_worker)

    # ------------------------------------------------ saving in a worker thread

    def write_in_worker(self) -> None:
        """Write the changes memory holds and the file does not, in a worker thread (one at
        a time; a change made meanwhile goes with the next)."""
        if self._writing or not self.store.unwritten:
            return
        self._writing = True
        self.run_worker(self._write, thread=True, group="save", exit_on_error=False)

    def _write(self) -> None:
        changes = self.store.unwritten_changes()
        failure: Exception | None = None
        try:
            self.store.write_unwritten()
        except Exception as error:  # disk full, a conflict, anything: reported, kept
            failure = error
        finally:
            self._writing = False  # before the report: it may start the next write
        with contextlib.suppress(RuntimeError):  # the app ended meanwhile
            if failure is None:
                self.call_from_thread(self._written)
            else:
                self.call_from_thread(self._write_failed, failure, changes)

    def _written(self) -> None:
        if self.store.unwritten:
            self.write_in_worker()  # made while the last write ran
            return
        if self.save_state == "not saved":
            self.notify("Saved: every change is in the file now", timeout=3)
        if self.save_state in ("saving", "not saved"):
            self.save_state = "saved"
        for table, key in self._drafted:
            discard_draft(self.store.path, table, key, path=self.drafts_path)
        self._drafted.clear()
        self._draw_save_state()

    def _write_failed(self, error: Exception, changes: list[ChangeSet]) -> None:
        state = save_state_after(error) if isinstance(error, StoreError) else None
        state = state or "not saved"
        if state != self.save_state:  # once, not at every retry
            reason = str(error) if isinstance(error, StoreError) else unexpected(error)
            if state == "not saved":
                reason += " (the change is kept and written again with the next save)"
            self.notify(reason, title="Not saved", severity="error", timeout=10)
        self.save_state = state
        self._keep_as_drafts(changes)
        if state == "conflict":
            self._drafted.clear()  # the drafts stay: the file keeps the other values
            self.refresh_area()  # memory is the file again
        else:
            self._draw_save_state()

    def _keep_as_drafts(self, changes: list[ChangeSet]) -> None:
        """Keep what each unwritten change typed as a draft, so ending the app (or a
        conflict) does not lose it: its form offers it back."""
        for change_set in changes:
            for change in change_set.changes:
                if change.after is None:
                    continue
                rt = record_type(change.table)
                values = {f.name: to_text(f, change.after.get(f.name)) for f in rt.input_fields}
                key = None if change.before is None else change.original_key
                with contextlib.suppress(Exception):  # drafts are a safety net
                    save_draft(self.store.path, change.table, key, values, path=self.drafts_path)
                    self._drafted.add((change.table, key))

    def _draw_save_state(self) -> None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, AreaScreen):
                screen.refresh_status(self.save_state)
                return

    def finish_writes(self) -> str | None:
        """After the app ended (quit, SIGHUP): wait for the write under way and write what
        is left; a line to print when some change could not be written."""
        changes = self.store.unwritten_changes()
        try:
            self.store.write_unwritten()
        except Exception as error:
            self._keep_as_drafts(changes)
            reason = str(error) if isinstance(error, StoreError) else unexpected(error)
            return (
                f"{len(changes)} change(s) could not be written ({reason}); what they typed "
                "is kept as drafts, offered again when their form is opened"
            )
        return None

    def on_board_not_saved(self, message: Board.NotSaved) -> None:
        # Stays until a change is saved: the last edit the user made is not in the file.
        self.save_state = message.state
        self.refresh_area()

    def poll_disk(self) -> None:
        """Reload when another session saved the project (the app calls this every 1.5 s);
        a write that failed is tried again."""
        if self.store.unwritten:
            self.write_in_worker()
            return
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
            self.save_state = "saving" if self.store.unwritten else "saved"
        said = f"{verb}: {label}" if label else f"Nothing to {verb.lower()[:-2]}"
        self.notify(said, timeout=3, markup=False)
        self.refresh_area()
        self.write_in_worker()

    def action_undo(self) -> None:
        self._undo_redo(redo=False)

    def action_redo(self) -> None:
        self._undo_redo(redo=True)
