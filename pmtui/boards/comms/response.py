"""One survey response in one form: the respondent (empty for an aggregate, with the
number of answers it stands for) and a score per question; saved as one row per score
(pmtui.records.surveys), one undoable step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmtui import views
from pmtui.schema import Field, Kind
from pmtui.services.comms import SurveyResult
from pmtui.store import RecordInvalid, StoreError
from pmtui.tables import record_type

if TYPE_CHECKING:
    from pmtui.boards.base import Board

PREFIX = "score_"


def response_fields(survey: SurveyResult) -> list[Field]:
    """The form's fields: who answered, how many answers it stands for, one per question."""
    responses = record_type("survey_responses")
    fields = [responses.field("respondent"), responses.field("count")]
    for number, question in enumerate(survey.questions, start=1):
        fields.append(
            Field(
                PREFIX + question.key,
                Kind.NUMBER,
                label=f"{number}. {views.short(question.text)}"[:28],
                minimum=1,
                maximum=question.scale,
                help=f"{question.text} (1-{question.scale}; empty: not answered)",
            )
        )
    return fields


def scores_of(typed: dict[str, str]) -> tuple[dict[str, str], list[dict[str, str]]]:
    """(field -> message for the form, the rows to add) from what the form holds."""
    respondent, count = typed.get("respondent", "").strip(), typed.get("count", "").strip()
    rows = []
    for name, text in typed.items():
        if name.startswith(PREFIX) and text.strip():
            row = {"question": name.removeprefix(PREFIX), "score": text.strip()}
            if respondent:
                row["respondent"] = respondent
            if count:
                row["count"] = count
            rows.append(row)
    if not rows:
        return {"": "score at least one question"}, []
    return {}, rows


def record_response(board: Board, survey: SurveyResult) -> None:
    """Open the response form for `survey` on `board`; save every score as one step."""
    from pmtui.screens.record_form import RecordForm  # loaded on first use

    store = board.store
    fields = response_fields(survey)
    labels = views.reference_labels(store, "survey_responses", fields[:1])

    def errors_of(typed: dict[str, str]) -> dict[str, str]:
        problems, rows = scores_of(views.refs_as_keys(typed, labels))
        for row in rows:
            try:
                store.validate("survey_responses", row)
            except RecordInvalid as invalid:
                for name, message in invalid.errors.items():
                    where = PREFIX + row["question"] if name in ("score", "question") else name
                    problems.setdefault(where, message)
            except StoreError as error:
                problems.setdefault("", str(error))
        return problems

    def save(rows: list[dict[str, str]]) -> int:
        with store.transaction(f"record a response to {survey.title}"):
            for row in rows:
                store.add("survey_responses", row)
        return len(rows)

    def done(typed: dict[str, str] | None) -> None:
        if typed is None:
            return
        _, rows = scores_of(views.refs_as_keys(typed, labels))
        if rows:
            board.save(lambda: save(rows), lambda n: f"Recorded {n} scores for {survey.title}")
            board.refresh_if_changed()

    board.app.push_screen(
        RecordForm(
            f"Response to {survey.title}"[:60],
            fields,
            {"count": "1"},
            errors_of,
            complete=board.completer("survey_responses", labels),
            date_order=store.date_order,
            select_prefilled=True,
        ),
        done,
    )
