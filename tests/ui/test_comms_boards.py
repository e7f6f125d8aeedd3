"""The Comms boards driven by keys only: add a stakeholder and see it in its quadrant, mark
a comms plan entry done and see its next due date move, record a survey response and see
the average and the trend change."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.pilot import Pilot

from pmtui.app import PmtuiApp
from pmtui.boards.keys import fill
from pmtui.boards.palette import action_entries
from pmtui.screens.help import HelpModal
from pmtui.screens.record_form import RecordForm
from pmtui.store import Store
from pmtui.widgets.power_grid import PowerGrid
from tests.uihelpers import TODAY, isolated_env, make_app, reopened, table_text, type_text

NEXT = "right_square_bracket"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return isolated_env(tmp_path)


@pytest.fixture
def project(tmp_path: Path) -> Store:
    """Two stakeholders; a weekly status e-mail last sent 17 days ago (10 days late); two
    pulses asking the same question, the second with one aggregate score."""
    store = Store.create(tmp_path / "p.json", {"name": "ERP", "start": "2026-09-01"}, today=TODAY)
    store.add("stakeholders", {"name": "Works council", "power": "4", "interest": "4"})
    store.add("stakeholders", {"name": "Hausbank AG", "power": "2", "interest": "2"})
    store.add("comm_plan", {"information": "Status e-mail", "group": "Team",
                            "frequency": "weekly", "last_done": "2026-11-09"})  # fmt: skip
    store.add("surveys", {"title": "Pulse 1", "sent_on": "2026-09-01"})
    store.add("surveys", {"title": "Pulse 2", "sent_on": "2026-11-16"})
    store.add("survey_questions", {"survey": "SV1", "text": "I know what changes"})
    store.add("survey_questions", {"survey": "SV2", "text": "I know what changes"})
    store.add("survey_questions", {"survey": "SV2", "text": "Training was useful"})
    store.add("survey_responses", {"question": "SQ1", "score": "2", "count": "10"})
    store.add("survey_responses", {"question": "SQ2", "score": "3"})
    return store


def grid_text(app: PmtuiApp) -> str:
    """The power/interest grid as drawn."""
    grid = app.screen.query_one(PowerGrid)
    return "\n".join(grid.render_line(y).text for y in range(grid.size.height))


def quadrant_names(app: PmtuiApp, quadrant: str) -> list[str]:
    """The names drawn under a quadrant's title (in the left or the right half)."""
    lines = grid_text(app).splitlines()
    titles = [n for n, line in enumerate(lines) if re.search(r"[A-Z]{4,} \(\d+\)", line)]
    for number in titles:
        at = lines[number].find(f"{quadrant.upper()} (")
        if at < 0:
            continue
        end = next((n for n in titles if n > number), len(lines))
        halves = [line[40:] if at >= 39 else line[:39] for line in lines[number + 1 : end]]
        return [n for n in (h.strip(" │›") for h in halves) if n and n != "(none)"]
    raise AssertionError(grid_text(app))


async def board(pilot: Pilot[None], tabs: int) -> None:
    """Comms, then `tabs` tabs on from Meetings."""
    await pilot.press("7", *[NEXT] * tabs)
    await pilot.pause()


class TestStakeholdersByKeys:
    """A stakeholder typed in lands in its quadrant; the grid moves by arrows."""

    async def test_add_a_stakeholder_and_see_it_in_its_quadrant(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await board(pilot, 1)
            assert quadrant_names(app, "keep satisfied") == []
            await pilot.press("a")
            await type_text(pilot, "Group CIO")
            await pilot.press("enter", "enter", "enter", "5", "enter", "1", "ctrl+s")
            await pilot.pause()
            assert quadrant_names(app, "keep satisfied") == ["Group CIO"]
            assert quadrant_names(app, "manage closely") == ["Works council"]
        saved = reopened(project).require("stakeholders", "S3")
        assert (saved["power"], saved["interest"]) == (5, 1)

    async def test_arrows_move_through_the_grid_and_enter_opens(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await board(pilot, 1)
            grid = app.screen.query_one(PowerGrid)
            await pilot.press("tab")  # tab, like m, goes from the register to the grid
            await pilot.pause()
            assert grid.has_focus
            assert grid.cursor_key == "S1"  # manage closely, top right
            await pilot.press("left")  # keep satisfied is empty: on to monitor below it
            assert (grid.cursor_key, grid.cursor_quadrant) == ("S2", "monitor")
            await pilot.press("right")
            assert grid.cursor_key == "S1"
            await pilot.press("down", "left")
            await pilot.pause()
            assert (grid.cursor_key, grid.cursor_quadrant) == ("S2", "monitor")
            assert "›Hausbank AG" in grid_text(app)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, RecordForm)
            assert app.screen.form_title == "Edit stakeholder Hausbank AG"

    async def test_a_full_quadrant_scrolls_with_the_cursor(
        self, project: Store, env: dict[str, str]
    ) -> None:
        for number in range(1, 6):
            project.add("stakeholders", {"name": f"Board member {number}", "power": "5",
                                         "interest": "5"})  # fmt: skip
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await board(pilot, 1)
            assert quadrant_names(app, "manage closely")[-1].endswith("+3")
            await pilot.press("m", *["down"] * 5)
            await pilot.pause()
            shown = quadrant_names(app, "manage closely")
            assert len(shown) == 3 and "Works council" in shown[-1], shown
            assert "›Works council" in grid_text(app)
            assert app.screen.query_one(PowerGrid).cursor_key == "S1"


class TestCommsPlanByKeys:
    """x marks the entry done today; its next due date moves a week on."""

    async def test_mark_done_and_see_next_due_move(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await board(pilot, 2)
            shown = table_text(app, "#comms-plan #table")
            assert "2026-11-16" in shown and "! 10 days late" in shown
            await pilot.press("x")
            await type_text(pilot, "Sent with the test plan")
            await pilot.press("enter")
            await pilot.pause()
            shown = table_text(app, "#comms-plan #table")
            assert "2026-12-03" in shown and "in 7 days" in shown and "late" not in shown
        saved = reopened(project).require("comm_plan", "CP1")
        assert (saved["last_done"], saved["note"]) == (TODAY.isoformat(), "Sent with the test plan")

    async def test_x_on_today_marks_the_entry_done(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("1")
            await pilot.pause()
            await pilot.press("x")
            await pilot.pause()
        saved = reopened(project).require("comm_plan", "CP1")
        assert saved["last_done"] == TODAY.isoformat()


class TestSurveysByKeys:
    """A response typed in one form moves the average and the trend."""

    async def test_record_a_response_and_see_average_and_trend_change(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await board(pilot, 3)
            before = table_text(app, "#comms-needs #questions")
            assert "I know what changes" in before and "2.0 → 3.0" in before
            await pilot.press("r")
            await type_text(pilot, "Works")
            await pilot.press("enter", "enter", "5", "enter", "4", "ctrl+s")
            await pilot.pause()
            after = table_text(app, "#comms-needs #questions")
            assert "2.0 → 4.0" in after, after
            assert "4.0" in after.splitlines()[2]  # Training was useful: its first score
        scores = reopened(project).records("survey_responses")
        assert [(s["question"], s.get("respondent"), s["score"]) for s in scores[2:]] == [
            ("SQ2", "S1", 5),
            ("SQ3", "S1", 4),
        ]

    async def test_a_score_beyond_the_scale_is_refused_in_the_form(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await board(pilot, 3)
            await pilot.press("r", "enter", "enter", "7", "ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, RecordForm)
            error = app.screen.query_one("#error-score_SQ2")
            assert "outside the question's scale 1-5" in str(error.render())
        assert len(reopened(project).records("survey_responses")) == 2


class _Provider:
    """The bits of a palette Provider that action_entries reads."""

    def __init__(self, app: PmtuiApp) -> None:
        self.app = app
        self.screen = app.screen


class TestKeysEverywhere:
    """Each Comms board's keys, with records to act on, are in the footer or help and the
    palette; the grid's keys are in help once the grid has the focus."""

    @pytest.mark.parametrize(
        ("tabs", "focus", "wanted"),
        [(1, "m", "stakeholder: Go to the power/interest grid"),
         (2, "", "comms: Mark entry done today"),
         (3, "", "survey: Record a response")],
    )  # fmt: skip
    async def test_every_key_is_in_help_and_palette(
        self, project: Store, env: dict[str, str], tabs: int, focus: str, wanted: str
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await board(pilot, tabs)
            if focus:
                await pilot.press(focus)
                await pilot.pause()
            active = [b for b in app.screen.active_bindings.values() if b.enabled]
            entries = action_entries(_Provider(app))  # type: ignore[arg-type]
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpModal)
            in_help = {(line.description, line.tooltip) for line in app.screen.lines}
            await pilot.press("escape")
            for item in active:
                binding = item.binding
                assert (binding.description, fill(binding.tooltip, item.node)) in in_help
                assert binding.action in {entry.action for entry in entries}, binding.id
            assert wanted in {entry.title for entry in entries}
