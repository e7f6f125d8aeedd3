"""The Project area's Closure board: the closing checklist (live, from the file), the lessons
learned below it (a/e/d as on any table), and the project's archive: A archives (asking
first; with items failing, only with a reason), R reopens."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Static

from pmtui.boards.keys import command
from pmtui.boards.table import TableBoard
from pmtui.kinds.escapes import one_line
from pmtui.screens.confirm import ConfirmModal
from pmtui.screens.line_prompt import LinePromptModal, Typed
from pmtui.services.closure import REOPEN_VALUES, CheckItem, archive_values, checklist, failing
from pmtui.widgets.list_filter import ListFilter
from pmtui.widgets.record_table import RecordTable


def checklist_text(items: list[CheckItem], width: int) -> Text:
    """One line per item: [x] or [ ], its name, its count, what is in the way (readable
    without colours: the box says it)."""
    text = Text()
    name_width = max(len(item.name) for item in items)
    for index, item in enumerate(items):
        if index:
            text.append("\n")
        box = "[x]" if item.passed else "[ ]"
        head = f"{box} {item.name:<{name_width}} {item.count:>4}  "
        text.append(head, style="" if item.passed else "bold")
        detail = "" if item.passed else item.detail
        text.append(one_line(detail, max(width - len(head), 8)) if detail else "")
    return text


class ClosureBoard(TableBoard):
    """Closing the project: checklist, lessons learned, archive and reopen."""

    DEFAULT_CSS = """
    ClosureBoard #checklist { height: auto; padding: 0 1; }
    ClosureBoard #closure-state { height: 1; padding: 0 1; color: $text-muted; }
    ClosureBoard #lessons-title { height: 1; padding: 0 1; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *TableBoard.BINDINGS,
        command("A", "archive", "Archive", "project: Archive (close, read-only)",
                id="closure-archive"),
        command("R", "reopen", "Reopen", "project: Reopen the archived project",
                id="closure-reopen"),
        command("F", "final_report", "Final report",
                "project: Write the final report (the whole project)", id="closure-report"),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        yield Static(id="checklist")
        yield Static(id="closure-state")
        yield Static("Lessons learned", id="lessons-title")
        yield ListFilter(id="filter")
        yield RecordTable(id="table")

    def refresh_data(self) -> None:
        super().refresh_data()
        items = checklist(self.store.read_context())
        width = max(self.size.width - 2, 60) if self.size.width else 78
        self.query_one("#checklist", Static).update(checklist_text(items, width))
        project = self.store.project
        failed = len(failing(items))
        if project.get("archived"):
            reason = f" ({project['closed_reason']})" if project.get("closed_reason") else ""
            state = f"Archived on {project.get('closed_on') or '?'}{reason}: read-only; R reopens"
        elif failed:
            state = f"Open: {failed} of {len(items)} items to clear before closing; A archives"
        else:
            state = "Open: every item passes; A archives the project (read-only)"
        self.query_one("#closure-state", Static).update(Text(one_line(state, width)))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.is_mounted and action in ("archive", "reopen"):
            archived = bool(self.store.project.get("archived"))
            return archived if action == "reopen" else not archived
        return super().check_action(action, parameters)

    def action_archive(self) -> None:
        project = self.store.project
        if project.get("archived"):
            self.app.notify("The project is archived already (R reopens it)", severity="warning")
            return
        failed = failing(checklist(self.store.read_context()))
        name = str(project.get("name") or "the project")
        if not failed:

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self._archive("")

            self.app.push_screen(
                ConfirmModal(f"Archive {name}? It becomes read-only until reopened (R)."),
                confirmed,
            )
            return
        listed = ", ".join(f"{item.name.lower()} ({item.count})" for item in failed)

        def answered(typed: Typed | None) -> None:
            if typed is None:
                return
            reason = " ".join(typed.text.split())
            if not reason:
                self.app.notify("Not archived: say why it closes anyway", severity="warning")
                return
            self._archive(reason)

        self.app.push_screen(
            LinePromptModal(
                one_line(f"Archive {name} with {len(failed)} items failing?", 64),
                placeholder="why it closes anyway",
                hint=one_line(f"Failing: {listed}. Why close anyway (esc: keep it open)?", 120),
            ),
            answered,
        )

    def _archive(self, reason: str) -> None:
        key = str(self.store.project["key"])
        self.save(
            lambda: self.store.update(
                "project", key, archive_values(self.store.today, reason), label="archive project"
            ),
            "Archived the project: read-only until reopened (R)",
        )

    def action_reopen(self) -> None:
        project = self.store.project
        if not project.get("archived"):
            self.app.notify("The project is open", severity="warning")
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                key = str(self.store.project["key"])
                self.save(
                    lambda: self.store.update(
                        "project", key, REOPEN_VALUES, label="reopen project"
                    ),
                    "Reopened the project: it can be changed again",
                )

        self.app.push_screen(
            ConfirmModal(f"Reopen {project.get('name')}? It can be changed again."), confirmed
        )

    def action_final_report(self) -> None:
        path = self.store.path
        suggested = path.with_name(f"{path.stem}-final-report.md")

        def answered(typed: Typed | None) -> None:
            if typed is not None and typed.text.strip():
                self._write_final_report(Path(typed.text.strip()).expanduser())

        self.app.push_screen(
            LinePromptModal(
                "Write the final report",
                value=str(suggested),
                hint="Where (.md Markdown, .html one self-contained page):",
            ),
            answered,
        )

    @work(thread=True, exclusive=True, group="final-report")
    def _write_final_report(self, target: Path) -> None:
        """Gather and write the report off the UI thread (a big project's takes a while)."""
        from pmtui.reports.status import gather, html, markdown
        from pmtui.transfer import write_export

        what = self.store.files.part_of(target)
        if what is not None:
            message = f"Not written: {target} is {what}"
            self.app.call_from_thread(self.app.notify, message, severity="error", markup=False)
            return
        try:
            with self.store.steady():
                report = gather(self.store, final=True)
            text = html(report) if target.suffix.lower() in (".html", ".htm") else markdown(report)
            write_export(target, text, private=False)
        except (OSError, ValueError) as error:
            message = f"Not written: {error}"
            self.app.call_from_thread(self.app.notify, message, severity="error", markup=False)
            return
        self.app.call_from_thread(self.app.notify, f"Wrote {target}", markup=False)
