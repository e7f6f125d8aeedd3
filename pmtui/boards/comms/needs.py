"""Needs by priority and status above one survey's results: each question's average and
its trend across the surveys that asked it (a sparkline, with the numbers while there are
one or two). v shows the next survey, n adds one asking the shown one's questions again,
E edits it, r records a response in one form."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import Static

from pmtui import views
from pmtui.boards.base import Chosen, NewRecord
from pmtui.boards.comms.response import record_response
from pmtui.boards.keys import command
from pmtui.boards.registry import BoardSpec
from pmtui.boards.table import TableBoard, columns_for, rows_for
from pmtui.records.stakeholders import NEED_STATUSES, PRIORITIES
from pmtui.schema import Record
from pmtui.services.comms import QuestionResult, SurveyResult, ask_again, survey_results
from pmtui.store import Store
from pmtui.widgets.list_filter import ListFilter
from pmtui.widgets.record_table import Column, RecordTable

BARS = "▁▂▃▄▅▆▇█"
QUESTION_COLUMNS = [
    Column("text", "Question", 34),
    Column("average", "Avg", 5, "right"),
    Column("answers", "Answers", 7, "right"),
    Column("trend", "Trend (oldest first)", 20),
]


def spark(values: tuple[float, ...], scale: int) -> str:
    """Values 1..scale as bars, one per survey; the numbers beside them while there are
    one or two (a short line shows no shape), else the latest."""
    if not values:
        return ""
    span = max(1, scale - 1)
    bars = "".join(
        BARS[max(0, min(len(BARS) - 1, round((v - 1) / span * (len(BARS) - 1))))] for v in values
    )
    shown = values if len(values) <= 2 else values[-1:]
    return f"{bars} {' → '.join(f'{v:.1f}' for v in shown)}"


def need_order(need: Record) -> tuple[int, int, str]:
    """Must first, then should, could, won't; within each, new first."""
    priority = str(need.get("priority") or "should")
    status = str(need.get("status") or "new")
    return PRIORITIES.index(priority), NEED_STATUSES.index(status), str(need["key"])


class NeedsBoard(TableBoard):
    """Needs above, the survey on show below; tab moves between the lists."""

    DEFAULT_CSS = """
    NeedsBoard { layout: vertical; }
    NeedsBoard #survey { height: 1; padding: 0 1; text-style: bold; }
    NeedsBoard RecordTable { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *TableBoard.BINDINGS,
        command("v", "next_survey", "Survey", "survey: Show the next survey", id="survey-next"),
        command("r", "record_response", "Response", "survey: Record a response",
                id="survey-response"),
        command("n", "add_survey", "New survey", "survey: Add a survey", id="survey-add",
                show=False),
        command("E", "edit_survey", "Edit survey", "survey: Edit the survey shown",
                id="survey-edit", show=False),
    ]  # fmt: skip

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        #: The key of the survey on show; None: the latest sent.
        self.survey: str | None = None
        self._results: list[SurveyResult] = []

    def compose(self) -> ComposeResult:
        yield ListFilter(id="filter")
        yield RecordTable(id="table")
        yield Static(id="survey")
        yield RecordTable(id="questions")

    @property
    def questions(self) -> RecordTable:
        """The survey's questions."""
        return self.query_one("#questions", RecordTable)

    def shown_survey(self) -> SurveyResult | None:
        """The survey on show: the one chosen, else the latest sent."""
        for result in self._results:
            if result.key == self.survey:
                return result
        return self._results[-1] if self._results else None

    def refresh_data(self) -> None:
        rt = self.record_type
        records = sorted(views.rows(self.store, rt.table), key=need_order)
        self.table.set_data(
            columns_for(rt), rows_for(rt, records, views.reference_names(self.store, rt))
        )
        self._results = survey_results(self.store)
        survey = self.shown_survey()
        rows = [(q.key, self._cells(q)) for q in survey.questions] if survey else []
        self.questions.set_data(QUESTION_COLUMNS, rows)
        self.query_one("#survey", Static).update(self._heading(survey))

    @staticmethod
    def _cells(question: QuestionResult) -> list[str]:
        average = "" if question.average is None else f"{question.average:.1f}"
        return [
            question.text,
            average,
            str(question.answers),
            spark(question.trend, question.scale),
        ]

    def _heading(self, survey: SurveyResult | None) -> str:
        if survey is None:
            return "No survey yet (n adds one)"
        at = [r.key for r in self._results].index(survey.key) + 1
        dates = f"sent {survey.sent_on or '-'}, closes {survey.closes_on or '-'}"
        return f"Survey {at}/{len(self._results)}: {survey.title} · {dates}"

    # ------------------------------------------------ which list acts

    def _on_questions(self) -> bool:
        return self.is_mounted and self.questions.has_focus

    def default_focus(self) -> Widget:
        return self.table

    def focus_record(self, table: str, key: str) -> bool:
        if table == "surveys" and any(r.key == key for r in self._results):
            self.survey = key
            self.refresh_data()
            self.questions.focus()
            return True
        if table == "survey_questions":
            question = self.store.get(table, key)
            if question is not None:
                self.survey = str(question.get("survey"))
                self.refresh_data()
                found = self.reveal(self.questions, key)
                self.questions.focus()
                return found
        return super().focus_record(table, key)

    def chosen(self) -> Chosen | None:
        if self._on_questions():
            key = self.questions.cursor_row_key
            return Chosen("survey_questions", key) if key is not None else None
        return super().chosen()

    def new_record(self) -> NewRecord | None:
        if self._on_questions():
            survey = self.shown_survey()
            return NewRecord("survey_questions", {"survey": survey.key}) if survey else None
        return super().new_record()

    def filter_target(self) -> RecordTable:
        return self.questions if self._on_questions() else self.table

    # ------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_survey":
            return self.is_mounted and len(self._results) > 1
        if action == "edit_survey":
            return self.is_mounted and bool(self._results)
        if action == "record_response":
            survey = self.shown_survey() if self.is_mounted else None
            return survey is not None and bool(survey.questions)
        return super().check_action(action, parameters)

    def action_next_survey(self) -> None:
        survey = self.shown_survey()
        if survey is None:
            return
        keys = [r.key for r in self._results]
        self.survey = keys[(keys.index(survey.key) + 1) % len(keys)]
        self.refresh_data()

    def action_edit_survey(self) -> None:
        survey = self.shown_survey()
        if survey is not None:
            self.edit_record("surveys", survey.key)

    def action_add_survey(self) -> None:
        shown = self.shown_survey()  # its questions are asked again in the new one
        self.add_record("surveys", then=lambda: self._ask_again(shown))

    def _ask_again(self, earlier: SurveyResult | None) -> None:
        survey = self.survey  # the new survey, chosen once saved
        if earlier is None or survey is None or survey == earlier.key:
            return
        self.save(
            lambda: ask_again(self.store, earlier.key, survey),
            lambda asked: (
                f"Asks the {len(asked)} questions of {earlier.title} again; u takes them off"
            ),
        )
        self.refresh_data()

    def action_record_response(self) -> None:
        survey = self.shown_survey()
        if survey is not None and survey.questions:
            record_response(self, survey)

    @on(RecordTable.RowSelected)
    def _open(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        table = "survey_questions" if event.table is self.questions else "needs"
        self.edit_record(table, event.row_key)
