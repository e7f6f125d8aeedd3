"""The Reports area's Report board: the current status report as it will read, scrolled by
keys; `s` edits the manager's summary, `I` issues the report (a snapshot for the trends),
`w` writes it to a Markdown or HTML file in a worker thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from pmtui.boards.base import Board, Chosen, unexpected
from pmtui.boards.keys import command
from pmtui.boards.registry import BoardSpec
from pmtui.context import Context
from pmtui.kinds.escapes import quoted, visible
from pmtui.reports.status import gather, html, markdown
from pmtui.screens.line_prompt import LinePromptModal, Typed
from pmtui.services.status import StatusReport, issue_report
from pmtui.store import Store, StoreError
from pmtui.store.files import ProjectFiles
from pmtui.transfer import write_export
from pmtui.widgets.report_preview import ReportPreview

#: A file's suffix picks the format it is written in.
FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
#: From this many records in the file, the preview is built in a thread after the frame.
SYNC_BELOW = 2000
#: What the preview says while that thread works.
BUILDING = "Building the report…"
#: The read model the preview shares within one revision of the file.
MODEL = "status-report"


def report_of(store: Store) -> StatusReport:
    """The status report of the store's revision as of today (built once, shared after)."""
    return store.read_context().model(MODEL, lambda _: gather(store))


def shown(path: Path | str) -> str:
    """A path as a message shows it: control characters escaped (a typed name may hold
    them)."""
    return visible(str(path), lines=False)


def default_file(store: Store) -> str:
    """Where `w` proposes to write: status-YYYY-MM-DD.md (today), in the working folder."""
    return f"status-{store.today.isoformat()}.md"


def target_of(typed: str, cwd: Path, project: Path) -> tuple[Path, str]:
    """The file a typed path means (relative to `cwd`, `~` expanded) and its format;
    ValueError with a one-line reason when the suffix names no format, its folder is
    missing, or it is one of the project's own files (as `pmtui report -o` refuses)."""
    text = typed.strip()
    if not text:
        raise ValueError("type a file name, such as status.md or status.html")
    path = Path(text).expanduser()
    path = path if path.is_absolute() else cwd / path
    form = FORMATS.get(path.suffix.casefold())
    if form is None:
        raise ValueError(
            f"{quoted(path.name)}: the suffix picks the format: .md for Markdown, .html for HTML"
        )
    if not path.parent.is_dir():
        raise ValueError(f"there is no folder {quoted(str(path.parent))}")
    if path.is_dir():
        raise ValueError(f"{quoted(str(path))} is a folder: add a file name")
    what = ProjectFiles.for_path(project).part_of(path)
    if what is not None:
        raise ValueError(f"{quoted(str(path))} is {what}: choose another file")
    return path, form


class ReportBoard(Board):
    """The report under a one-line heading; keys: s summary, I issue, w write."""

    DEFAULT_CSS = """
    ReportBoard { layout: vertical; }
    ReportBoard #report-line { height: 1; padding: 0 1; background: $panel; }
    ReportBoard #report-line.-working { color: $warning; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        command("s", "edit_summary", "Summary", "reports: Edit summary", id="report-summary",
                tooltip="Write the summary: your own words at the top of the report."),
        command("I", "issue", "Issue", "reports: Issue report", id="report-issue",
                tooltip="Issue the report: keep today's figures for the trends, and count "
                "'since the last report' from today."),
        command("w", "write", "Write", "reports: Write report to a file", id="report-write",
                tooltip="Write the report to a file: .md Markdown or .html HTML."),
    ]  # fmt: skip

    @dataclass
    class Built(Message):
        """A worker built the report of revision `ctx` (None: it failed, `error` says)."""

        ctx: Context
        report: StatusReport | None
        error: str = ""

    @dataclass
    class WriteProgress(Message):
        """The write under way reached a step."""

        path: Path
        step: str

    @dataclass
    class Written(Message):
        """The write ended: `size` bytes written, or `error` says why not."""

        path: Path
        size: int
        error: str = ""

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        self.report: StatusReport | None = None
        #: The revision a worker builds the preview for (None: none does).
        self._building: Context | None = None
        #: The file a worker is writing (None: none is).
        self.writing: Path | None = None
        #: The file last written (the line under the report names it).
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="report-line")
        yield ReportPreview(id="report-preview")

    @property
    def preview(self) -> ReportPreview:
        """The report on show."""
        return self.query_one(ReportPreview)

    def on_mount(self) -> None:
        self.refresh_data()

    def default_focus(self) -> Widget:
        return self.preview

    def chosen(self) -> Chosen | None:
        return None  # the summary has its own key (s); e and d have nothing to act on

    def detail_parts(self) -> list[tuple[str, str]]:
        if self.written is not None:
            return [("written to", shown(self.written))]
        return [("keys", "s summary · I issue · w write to a file · j/k scroll")]

    # ------------------------------------------------ the preview

    def refresh_data(self) -> None:
        ctx = self.store.read_context()
        if not ctx.has_model(MODEL) and self._big():
            self._build_later(ctx)
            return
        try:
            report = report_of(self.store)
        except Exception as error:  # a plan that cannot be scheduled, a damaged record
            self._show_failure(unexpected(error))
            return
        self._show(report)

    def _big(self) -> bool:
        counted = ("tasks", "milestones", "risks", "issues", "actions", "expenses")
        return sum(len(self.store.stored_records(t)) for t in counted) >= SYNC_BELOW

    def _show(self, report: StatusReport) -> None:
        self.report = report
        self._heading()
        self.preview.show(markdown(report))

    def _show_failure(self, reason: str) -> None:
        self.report = None
        self._heading(f"The report cannot be built: {reason}")
        self.preview.show("")

    def _heading(self, text: str | None = None) -> None:
        line = self.query_one("#report-line", Static)
        line.set_class(self.writing is not None or text == BUILDING, "-working")
        if text is None:
            text = self._as_of_text()
            if self.writing is not None:
                text = f"Writing {shown(self.writing.name)}…"
        line.update(Content(text))  # a file name is text, never markup

    def _as_of_text(self) -> str:
        issued = sorted(str(r.get("date") or "") for r in self.store.records("report_snapshots"))
        today = self.store.today.isoformat()
        if issued and issued[-1] == today:
            last = "issued today (I issues it again)"
        else:
            last = f"last issued {issued[-1]}" if issued else "not issued yet"
        return f"Status report as of {today} · {last}"

    def _build_later(self, ctx: Context) -> None:
        """Show that the report is being built, and build it in a thread after this frame."""
        self._heading(BUILDING)
        self.preview.show(f"*{BUILDING}*")
        if self._building is ctx:
            return
        self._building = ctx

        def work() -> None:
            report: StatusReport | None = None
            error = ""
            try:
                with self.store.steady():  # one revision; a save meanwhile waits
                    if self.store.read_context() is ctx:  # else a change came first
                        report = report_of(self.store)
            except Exception as failed:
                error = unexpected(failed)
            # A message, not call_from_thread: that waits for the UI, which may be gone.
            self.post_message(self.Built(ctx, report, error))

        self.run_worker(work, thread=True, group="report-build", exit_on_error=False)

    def on_report_board_built(self, message: Built) -> None:
        message.stop()
        if self._building is message.ctx:
            self._building = None
        if not self.is_mounted:
            return
        if self.store.read_context() is not message.ctx:
            self.refresh_data()  # a change came meanwhile: build the newer one
        elif message.report is not None:
            self._show(message.report)
        else:
            self._show_failure(message.error or "it did not finish")

    # ------------------------------------------------ summary and issue

    def action_edit_summary(self) -> None:
        """The summary in a text area: paragraphs and lists as the manager writes them
        (a one-line form field could hold neither)."""
        from pmtui.screens.text_modal import TextModal

        key = str(self.store.project["key"])
        before = str(self.store.project.get("report_summary") or "")

        def written(text: str | None) -> None:
            if text is None or text == before.strip():
                return
            change = {"report_summary": text or None}
            done = "Saved the report's summary"
            if self.save(lambda: self.store.update("project", key, change), done) is not None:
                self.refresh_if_changed()

        hint = "Your words at the top of the report: a blank line starts a paragraph, "
        hint += "lines starting with - make a list."
        self.app.push_screen(TextModal("Status summary", before, hint), written)

    def action_issue(self) -> None:
        from pmtui.screens.confirm import ConfirmModal

        today = self.store.today.isoformat()
        question = (
            f"Issue the status report as of {today}?\n"
            "Its figures are kept for the trends, and the next report counts what happened "
            f"since {today}. u undoes it."
        )
        if any(r.get("date") == today for r in self.store.records("report_snapshots")):
            question = (
                f"The report of {today} was issued already. Issue it again with the figures "
                "as they are now? It replaces that one; u undoes it."
            )

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            done = f"Issued the status report of {today}"
            if self.save(lambda: issue_report(self.store, self.store.today), done) is not None:
                self.refresh_if_changed()

        self.app.push_screen(ConfirmModal(question), answered)

    # ------------------------------------------------ writing a file

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "write" and self.is_mounted and self.writing is not None:
            return None  # shown dimmed while a write is under way
        return super().check_action(action, parameters)

    def action_write(self, message: str = "", value: str | None = None) -> None:
        cwd = Path.cwd()
        prompt = LinePromptModal(
            "Write the status report to",
            value=default_file(self.store) if value is None else value,
            placeholder="status.md, status.html, ~/reports/week49.html",
            hint=f"the suffix picks the format: .md Markdown, .html HTML; folder {cwd}",
            message=message,
        )
        self.app.push_screen(prompt, lambda typed: self._typed_path(typed, cwd))

    def _typed_path(self, typed: Typed | None, cwd: Path) -> None:
        if typed is None:
            return
        try:
            path, form = target_of(typed.text, cwd, self.store.path)
        except ValueError as error:
            self.action_write(str(error), typed.text)
            return
        if not path.exists():
            self._write(path, form)
            return
        from pmtui.screens.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                self._write(path, form)
            else:
                self.action_write("", typed.text)

        question = f"{shown(path)} exists. Replace it?"
        self.app.push_screen(ConfirmModal(question), answered)

    def _write(self, path: Path, form: str) -> None:
        """Build, render and write the report in a worker thread; the heading follows."""
        if self.writing is not None:
            self.app.notify(
                f"Still writing {shown(self.writing.name)}", severity="warning", markup=False
            )
            return
        self.writing = path
        self._heading(f"Writing {shown(path.name)}: building the report (1/3)…")
        self.refresh_bindings()
        store = self.store

        def work() -> None:
            try:
                with store.steady():
                    report = report_of(store)
                self.post_message(self.WriteProgress(path, "rendering (2/3)"))
                text = markdown(report) if form == "markdown" else html(report)
                data = text.encode("utf-8")
                self.post_message(self.WriteProgress(path, "writing (3/3)"))
                write_export(path, text, private=False)  # as `pmtui report -o` writes
                self.post_message(self.Written(path, len(data)))
            except StoreError as failed:  # the file could not be written: says why
                self.post_message(self.Written(path, 0, str(failed)))
            except Exception as failed:
                self.post_message(self.Written(path, 0, unexpected(failed)))

        self.run_worker(work, thread=True, group="report-write", exit_on_error=False)

    def on_report_board_write_progress(self, message: WriteProgress) -> None:
        message.stop()
        if self.is_mounted and self.writing == message.path:
            self._heading(f"Writing {shown(message.path.name)}: {message.step}…")

    def on_report_board_written(self, message: Written) -> None:
        message.stop()
        self.writing = None
        if not self.is_mounted:
            return
        self.refresh_bindings()
        self._heading()
        if message.error:
            self.app.notify(
                f"{shown(message.path)}: {message.error}",
                title="Not written",
                severity="error",
                markup=False,
            )
            return
        size = f"{message.size / 1024:.1f} KB" if message.size >= 1024 else f"{message.size} B"
        self.written = message.path
        self.post_message(self.ChoiceMoved(self))  # the line under the report names the file
        self.app.notify(f"{shown(message.path.name)}, {size}", title="Report written", markup=False)
