"""The Today board, where a project opens: what needs the manager (overdue, due today,
coming up) with the project at a glance on top; x done, s snooze, enter open, a quick add.

Its items come from pmtui.agenda (every table's agenda declaration) and its strip from
pmtui.services.glance, both built once per revision of the file and shared, so moving the
cursor or coming back to the area never rebuilds the schedule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.widget import Widget

from pmtui import agenda
from pmtui.agenda import AgendaError, Item, QuickAddError, refreshed_tables
from pmtui.boards.base import Board, NewRecord
from pmtui.boards.keys import command, record_add
from pmtui.boards.registry import BoardSpec, board_by_id
from pmtui.context import Context
from pmtui.domain.quickadd import parse_quick_add
from pmtui.reports.checkin import Change, Session, changes_since
from pmtui.reports.first_frame import Preview, able_of, detail_extra, frame_of
from pmtui.reports.today import cached_answer, keep_answer
from pmtui.services.glance import Finishes, glance, glance_pending
from pmtui.store import Store
from pmtui.tables import record_type
from pmtui.widgets.agenda_list import AgendaGroup, AgendaList, AgendaRow
from pmtui.widgets.today_strip import TodayStrip, strip_lines

if TYPE_CHECKING:
    from pmtui.screens.line_prompt import Typed

T = TypeVar("T")
#: From this many records in the tables whose agenda needs the schedule (tasks,
#: milestones), a cold Today is worked out in a thread after the first frame.
SYNC_BELOW = 2000
#: What the list says while that thread works.
WORKING = "working out what is due…"
#: Where quick add puts what it adds.
ACTIONS = "actions"
_TONES = {"overdue": "bad", "today": "warning", "upcoming": ""}


def row_of(item: Item, where: dict[str, str] | None = None) -> AgendaRow:
    """One item as Today lists it: what it is, its title (with why it is here when the
    title does not say), its owner's name, how late or soon, and the board it lives on
    (`where`: board id -> title, filled as boards are looked up, shared by a whole list)."""
    title = item.title
    kind = item.kind.replace("-", " ").casefold()
    said = f" {item.singular} {item.title} ".replace("-", " ").casefold()
    if kind != "due" and not set(kind.split()) & set(item.singular.split()) and kind not in said:
        title = f"{title} · {item.kind}"
    where = {} if where is None else where
    if item.board not in where:
        spec = board_by_id(item.board) if item.board else None
        where[item.board] = spec.title if spec else ""
    return AgendaRow(
        key=f"{item.table}/{item.key}",
        what=item.singular,
        title=title,
        owner=item.owner_name or item.owner or "",
        # An item without a date of its own (a task behind plan) counts as due today.
        when="today" if item.due is None else agenda.relative(item.days_overdue, item.due),
        where=where[item.board],
        tone=_TONES.get(item.group, ""),
    )


def groups_of(items: list[Item], days: int) -> list[AgendaGroup]:
    """Overdue, due today and coming up, in CONTRACT's order (empty ones drop out later)."""
    titles = {
        "overdue": "Overdue",
        "today": "Due today",
        "upcoming": f"Coming up (next {days} days)",
    }
    where: dict[str, str] = {}
    grouped = {g: tuple(row_of(i, where) for i in items if i.group == g) for g in titles}
    return [AgendaGroup(f"{titles[g]} · {len(rows)}", rows) for g, rows in grouped.items()]


def agenda_change(board: Board, change: Callable[[], T], done: str) -> T | None:
    """Run an agenda change (done, snooze, quick add) through the board's save; a refusal
    of the agenda (done never decides, a date before today) is one line for the user and
    leaves the file as it was."""
    failed: Exception | None = None
    outcome: T | None = None
    try:
        outcome = change()
    except (AgendaError, QuickAddError) as refused:
        board.app.notify(str(refused), title="Not changed", severity="warning", timeout=8)
        return None
    except Exception as error:  # the store's refusals, reported by save as always
        failed = error

    def replay() -> T | None:
        if failed is not None:
            raise failed
        return outcome

    return board.save(replay, done)


class TodayBoard(Board):
    """Today's items under the strip; the keys act on the item under the cursor."""

    DEFAULT_CSS = """
    TodayBoard { layout: vertical; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        command("enter", "open_item", "Open", "today: Open item on its board", id="today-open"),
        command("x", "done_item", "Done", "today: Mark item done", id="today-done"),
        command("s", "snooze_item", "Snooze", "today: Snooze item to a date", id="today-snooze"),
        record_add("Add"),
        command(
            "A", "add_form", "Form", "today: Add action with the full form", id="today-add-form",
            show=False,
        ),
        command(
            "c", "show_changes", "Changes", "today: List changes since last check-in",
            id="today-changes", show=False,  # the strip says (c); the footer has no room
        ),
    ]  # fmt: skip

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        self.items: dict[str, Item] = {}
        #: Where the cursor goes at the next redraw (a snoozed item moves down the list;
        #: the cursor stays where it was, on the item that followed it).
        self._then_key: str | None = None
        #: The strip's finish, kept while neither tasks nor the project change.
        self.finishes = Finishes()
        #: The revision a worker is working Today out for (None: none is).
        self._working: Context | None = None
        self._in_place = False
        #: The first frame drawn from the cache, until the parsed project replaces it.
        self._previewed: Preview | None = None

    def compose(self) -> ComposeResult:
        yield TodayStrip(id="today-strip")
        yield AgendaList(id="today-list")

    @property
    def items_list(self) -> AgendaList:
        """The items."""
        return self.query_one("#today-list", AgendaList)

    def on_mount(self) -> None:
        self.refresh_data()
        self.items_list.focus()

    def default_focus(self) -> Widget:
        return self.items_list

    # ------------------------------------------------ reading

    @property
    def last_checkin(self) -> datetime | None:
        """When this user last closed the project (the app read it from state.toml)."""
        found = getattr(self.app, "last_checkin", None)
        return found if isinstance(found, datetime) else None

    def changes(self) -> list[Change]:
        """The changes since the last check-in, but this session's own."""
        session = getattr(self.app, "session", None)
        own = session if isinstance(session, Session) else None
        return changes_since(self.store.path, self.last_checkin, own)

    @property
    def preview(self) -> Preview | None:
        """Today's first frame from the cache while the project is not parsed yet."""
        found = getattr(self.app, "preview", None)
        return found if isinstance(found, Preview) and not self.store.loaded else None

    def refresh_data(self) -> None:
        if (preview := self.preview) is not None:
            self._show_preview(preview)
            return
        ctx = self.store.read_context()
        days = agenda.window(self.store)
        key = ("today", days)
        if not ctx.has_model(key) and not self._quick(ctx, days) and self._big():
            self._work_out_later(ctx, days)
            return
        if not ctx.has_model(key):
            self.app.call_after_refresh(self._keep, ctx, days)
        items = ctx.model(key, lambda _: agenda.today_items(self.store, days))
        self._show(ctx, days, items)

    def _show(self, ctx: Context, days: int, items: list[Item]) -> None:
        self._list(items, lambda: ctx.model(("today-coming", days), self._coming(days)), days)
        since = self.last_checkin
        changes = len(self.changes()) if since else None
        if not self._big() or self.finishes.known(ctx):
            shown = glance(ctx, self.finishes)
        else:
            shown = glance_pending(ctx)
            self._work_out_later(ctx, days)
        self.query_one(TodayStrip).update(strip_lines(shown, changes))
        self._choice_moved()  # the detail line shows the item now under the cursor

    def _coming(self, days: int) -> Callable[[Context], list[Item]]:
        return lambda _: agenda.coming(self.store, days)

    def _list(self, items: list[Item], coming: Callable[[], list[Item]], days: int) -> None:
        """Show `items` in their groups; on a day without any, what is `coming` later."""
        note = ""
        groups = groups_of(items, days)
        if not items:
            later = coming()
            note = f"Nothing due in the next {days} days."
            if later:
                groups = [AgendaGroup("Coming later", tuple(row_of(i) for i in later))]
                items = later
        self.items = {f"{i.table}/{i.key}": i for i in items}
        self.items_list.show(groups, note)
        if self._then_key is not None:
            self.items_list.move_to_key(self._then_key)
            self._then_key = None

    def _show_preview(self, preview: Preview) -> None:
        """The first frame from the cache, the project not parsed yet: what refresh_data
        draws once it is (the app then calls it), with the finish still being worked out."""
        self._previewed = preview
        items = [Item(**d) for d in preview.items]
        self._list(items, lambda: [Item(**d) for d in preview.coming], preview.window)
        changes = len(self.changes()) if self.last_checkin else None
        self.query_one(TodayStrip).update(strip_lines(preview.glance, changes))
        self._choice_moved()

    # ------------------------------------------------ working the list out

    def _big(self) -> bool:
        """Whether working Today out may take long enough to hold up a frame (the tables
        whose agenda needs the schedule hold SYNC_BELOW records or more; not right after
        a worker failed, when it is worked out in place)."""
        if self._in_place:
            self._in_place = False
            return False
        computed = (t for t in agenda.agenda_tables() if record_type(t).compute is not None)
        return sum(len(self.store.stored_records(t)) for t in computed) >= SYNC_BELOW

    def _quick(self, ctx: Context, days: int) -> bool:
        """Put Today's items of this revision in place without the full list when that is
        possible: from the cache `pmtui today` shares (the file unchanged since), or from
        the last revision's items with only the tables a change touched worked out again
        (agenda.refresh). False when the full list must be worked out."""
        key = ("today", days)
        carried = ctx.carried(key)
        if carried is not None:
            tables = refreshed_tables(carried[1])
            if tables is not None:
                before = cast(list[Item], carried[0])
                ctx.model(key, lambda _: agenda.refresh(self.store, before, tables, days))
                self.app.call_after_refresh(self._keep, ctx, days)
                return True
        if days != agenda.window(self.store, None):
            return False
        previewed, self._previewed = self._previewed, None
        found: dict[str, Any] | None = None
        if previewed is not None and self.store.holds_what_was_read():
            # The revision parsed from the bytes the first frame's cache was looked up
            # with: its answer, without hashing and reading the cache again.
            found = {"items": previewed.items, "coming": previewed.coming}
            found["window"] = previewed.window
        if found is None:
            found = cached_answer(self.store)
        if found is None or found.get("window") != days:
            return False
        ctx.model(key, lambda _: [Item(**d) for d in found["items"]])
        if not found["items"]:
            ctx.model(("today-coming", days), lambda _: [Item(**d) for d in found["coming"]])
        return True

    def _keep(self, ctx: Context, days: int) -> None:
        """Write this revision's answer to the cache `pmtui today` reads (when the file
        still holds exactly this revision)."""
        if self.store.read_context() is not ctx or not ctx.has_model(("today", days)):
            return
        content = self.store.held_content()
        if content is None:
            return
        items: list[Item] = ctx.model(("today", days), lambda _: [])
        coming: list[Item] = []
        if not items:
            coming = ctx.model(("today-coming", days), lambda _: agenda.coming(self.store, days))
        project = self.store.project
        answer = {
            "project": str(project.get("name") or ""),
            "time_zone": project.get("time_zone"),
            "as_of": self.store.today.isoformat(),
            "window": days,
            "items": [asdict(i) for i in items],
            "coming": [asdict(i) for i in coming],
        }
        answer["frame"] = frame_of(self.store, answer)  # the next session's first frame
        keep_answer(self.store, answer, content)

    def _work_out_later(self, ctx: Context, days: int) -> None:
        """Show what is at hand now and work the rest out in a thread after this frame:
        the list (when not yet there) says so until then; the keys work once it is."""
        if not ctx.has_model(("today", days)):
            self.items = {}
            self.items_list.show([], WORKING)
            changes = len(self.changes()) if self.last_checkin else None
            self.query_one(TodayStrip).update(strip_lines(glance_pending(ctx), changes))
        if self._working is ctx:
            return
        self._working = ctx

        def work() -> None:
            failed = False
            try:
                with self.store.steady():  # a save meanwhile waits (at most this long)
                    if self.store.read_context() is ctx:  # else a change came first: redo
                        ctx.model(("today", days), lambda _: agenda.today_items(self.store, days))
                        glance(ctx, self.finishes)
            except Exception:  # unexpected: worked out again on the UI thread, which says it
                failed = True
            # A message, not call_from_thread: that waits for the UI, which may be gone.
            self.post_message(self.WorkedOut(ctx, days, failed))

        self.app.call_after_refresh(
            lambda: self.run_worker(work, thread=True, group="today", exit_on_error=False)
        )

    class WorkedOut(Message):
        """The worker has worked Today out for revision `ctx` (or `failed`)."""

        def __init__(self, ctx: Context, days: int, failed: bool) -> None:
            super().__init__()
            self.ctx, self.days, self.failed = ctx, days, failed

    def on_today_board_worked_out(self, message: WorkedOut) -> None:
        message.stop()
        self._worked_out(message.ctx, message.days, message.failed)

    def _worked_out(self, ctx: Context, days: int, failed: bool) -> None:
        if self._working is ctx:
            self._working = None
        if not self.is_mounted:
            return
        current = self.store.read_context() is ctx
        if failed and current:
            self._in_place = True  # a race with another thread's change: once, in place
        if not failed and current:
            self.app.call_after_refresh(self._keep, ctx, days)
        self.refresh_data()

    @property
    def item(self) -> Item | None:
        """The item under the cursor."""
        key = self.items_list.cursor_key
        return self.items.get(key) if key else None

    def focus_record(self, table: str, key: str) -> bool:
        found = self.items_list.move_to_key(f"{table}/{key}")
        self.items_list.focus()
        return found

    def new_record(self) -> NewRecord:
        return NewRecord(ACTIONS)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        item = self.item
        if action in ("open_item", "done_item", "snooze_item") and item is None:
            return False
        if item is not None and action in ("done_item", "snooze_item"):
            preview = self.preview
            known = preview.able.get(item.table) if preview else None
            done, snooze = known or able_of(item.table)
            return done if action == "done_item" else snooze  # None: shown dimmed
        return super().check_action(action, parameters)

    def on_agenda_list_highlighted(self, _: AgendaList.Highlighted) -> None:
        self.refresh_bindings()
        self._choice_moved()  # the detail line follows the cursor

    def detail_parts(self) -> list[tuple[str, str]]:
        """The item under the cursor whole: what it is and its full title, its owner by
        name, how late or soon, and the board it lives on (never a private note's text:
        the item's title is already the agenda's)."""
        item = self.item
        if item is None:
            return []
        spec = board_by_id(item.board) if item.board else None
        when = "today" if item.due is None else agenda.relative(item.days_overdue, item.due)
        parts = [
            ("", f"{item.singular} {row_of(item).title}".strip()),
            ("Owner", item.owner_name or item.owner or ""),
            ("On", spec.title if spec else ""),
            ("Due", f"{when} ({item.due})" if item.due else when),
        ]
        preview = self.preview
        extra = preview.detail.get(f"{item.table}/{item.key}") if preview else None
        if extra is None:
            extra = detail_extra(self.store, item.table, item.key, self.detail_names())
        return [part for part in parts + extra if part[1]]

    # ------------------------------------------------ keys

    def _change(self, change: Callable[[], T], done: str) -> T | None:
        return agenda_change(self, change, done)

    async def action_open_item(self) -> None:
        item = self.item
        if item is not None:
            await self._open(item)

    async def _open(self, item: Item, then: str = "") -> None:
        """Open `item` on its board, chosen there; `then` names a board action to run on it
        once it is chosen (the decision a table declares)."""
        open_board = getattr(self.app, "action_open_board", None)
        board = await open_board(item.board) if item.board and open_board else None
        if board is None:
            self.app.notify(f"No board shows {item.table} yet", severity="warning")
            return

        def chosen() -> None:
            if not then:
                # Its own view, where it has one; esc there comes back here.
                board.open_record(item.table, item.key, came_from=self.spec.area)
                return
            board.focus_record(item.table, item.key)
            board.call_after_refresh(getattr(board, f"action_{then}"))

        self.app.call_after_refresh(chosen)

    async def action_done_item(self) -> None:
        item = self.item
        if item is None:
            return
        declared = record_type(item.table).agenda
        if declared is not None and declared.decide and not (declared.done or declared.done_on):
            await self._open(item, then=declared.decide)  # the manager decides there
            return
        if declared is not None and not (declared.done or declared.done_on):
            reason = declared.refuse or "it cannot be marked done from Today"
            self.app.notify(f"{item.title}: {reason}", title="Not changed", severity="warning")
            return
        label = f"Done: {item.singular} {item.title}"
        self._change(lambda: agenda.done(self.store, item.table, item.key), label)

    def action_snooze_item(self, message: str = "", value: str = "") -> None:
        item = self.item
        if item is None:
            return
        target = (item.table, item.key)

        def answered(typed: Typed | None) -> None:
            if typed is None:
                return
            keys = self.items_list.keys
            at = keys.index(f"{item.table}/{item.key}") if self.item is item else -1
            following = keys[at + 1 :] + keys[:at][::-1] if at >= 0 else []
            self._then_key = following[0] if following else None
            moved = self._change(
                lambda: agenda.snooze(self.store, *target, typed.text),
                f"Snoozed {item.singular} {item.title} to {typed.text}",
            )
            if moved is None:
                self._then_key = None
            if moved is None and self.store.get(*target) is not None:
                self._ask_snooze(item, "Not snoozed; see the message.", typed.text, answered)

        self._ask_snooze(item, message, value, answered)

    def _ask_snooze(
        self, item: Item, message: str, value: str, then: Callable[[Typed | None], None]
    ) -> None:
        from pmtui.screens.line_prompt import LinePromptModal  # a modal: loaded on first use

        prompt = LinePromptModal(
            f"Snooze {item.singular}: {item.title}"[:64],
            value=value,
            placeholder="fri, +3d, next week, 2026-12-14",
            hint=f"Now {agenda.relative(item.days_overdue, item.due)}; move it to:",
            message=message,
        )
        self.app.push_screen(prompt, then)

    def action_add(self) -> None:
        self._quick_add()

    def action_add_form(self) -> None:
        self.add_record(ACTIONS)

    def _quick_add(self, message: str = "", value: str = "") -> None:
        from pmtui.screens.line_prompt import LinePromptModal  # a modal: loaded on first use

        names = [str(p.get("name") or "") for p in self.store.records("people")]
        prompt = LinePromptModal(
            "Add action",
            value=value,
            placeholder="Chase SAP licence quote @chen fri",
            hint="text @owner date (tab takes a name; fri, +3d, next week)",
            message=message,
            names=[name for name in names if name],
            full_form=True,
        )
        self.app.push_screen(prompt, self._added)

    def _added(self, typed: Typed | None) -> None:
        if typed is None:
            return
        if typed.full_form:
            self.add_record(ACTIONS, self._prefill(typed.text))
            return
        added = self._change(
            lambda: agenda.quick_add(self.store, ACTIONS, typed.text), "Added action"
        )
        if added is None:
            self._quick_add("Not added; see the message.", typed.text)
            return
        self.refresh_data()
        self.items_list.move_to_key(f"{ACTIONS}/{added['key']}")

    def _prefill(self, line: str) -> dict[str, str]:
        """The full form's values from a quick-add line typed so far (what parses)."""
        if not line.strip():
            return {}
        ctx = self.store.context()
        try:
            said = parse_quick_add(line, self.store.today, calendar=ctx.calendar)
        except QuickAddError:
            return {"text": line.strip()}
        values = {"text": said.text}
        if said.owner:
            values["owner"] = said.owner
        if said.due:
            values["due"] = said.due.isoformat()
        return values

    def action_show_changes(self) -> None:
        from pmtui.screens.lines_modal import LinesModal

        since = self.last_checkin
        lines = [change.line() for change in self.changes()]
        if since is None:
            title, empty = "Changes since your last check-in", "This is your first check-in here."
        else:
            shown = since.astimezone().strftime("%Y-%m-%d %H:%M")
            title, empty = f"Changes since your last check-in ({shown})", "No changes since."
        self.app.push_screen(LinesModal(title, lines, empty))
