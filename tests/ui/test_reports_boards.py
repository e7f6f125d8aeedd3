"""The Reports area driven by keys only, on the demo project: 8 opens the report's preview,
s edits the summary and the preview shows it, I issues the report and History lists it
(u takes it back in one step), w writes it to a Markdown or HTML file in a worker, and the
manager's override shows beside the computed colour on the status line and Today."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static, TextArea

from pmtui.app import PmtuiApp
from pmtui.boards.area import AreaScreen
from pmtui.boards.reports import report as report_board
from pmtui.boards.reports.report import ReportBoard
from pmtui.reports.status_layout import TITLES
from pmtui.screens.confirm import ConfirmModal
from pmtui.screens.line_prompt import LinePromptModal
from pmtui.screens.text_modal import TextModal
from pmtui.store import Store
from pmtui.widgets.report_preview import ReportPreview
from pmtui.widgets.status_bar import StatusBar
from pmtui.widgets.today_strip import TodayStrip
from pmtui.widgets.trend_lines import TrendLines
from tests.uihelpers import TODAY, demo_store, isolated_env, make_app, table_text, type_text

HISTORY = ("8", "right_square_bracket")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return demo_store(tmp_path)


@pytest.fixture
def app(store: Store, tmp_path: Path) -> PmtuiApp:
    return make_app(store, isolated_env(tmp_path))


def preview(app: PmtuiApp) -> str:
    """The Markdown the preview shows."""
    return app.screen.query_one(ReportPreview).text


def board(app: PmtuiApp) -> ReportBoard:
    screen = app.screen
    assert isinstance(screen, AreaScreen)
    found = screen.board
    assert isinstance(found, ReportBoard)
    return found


def status_text(app: PmtuiApp) -> str:
    return str(app.screen.query_one(StatusBar).render())


class TestReport:
    """The preview: every section, scrolled by keys; the summary typed in the app."""

    async def test_8_opens_the_report_with_every_section(self, app: PmtuiApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("8")
            await pilot.pause()
            shown = preview(app)
            assert shown.startswith("# Status report: ")
            headings = [line[3:] for line in shown.splitlines() if line.startswith("## ")]
            assert headings == list(TITLES)
            assert "Realisation is on track in finance" in shown  # the demo's summary
            heading = str(app.screen.query_one("#report-line").render())
            last = TODAY.toordinal() - 7
            assert heading == (
                f"Status report as of {TODAY.isoformat()} · last issued "
                f"{TODAY.fromordinal(last).isoformat()}"
            )
            scroller = app.screen.query_one(ReportPreview)
            assert app.focused is scroller
            await pilot.press("j", "j", "j")
            await pilot.pause()
            assert scroller.scroll_y == 3
            await pilot.press("G")
            await pilot.pause()
            assert scroller.scroll_y == scroller.max_scroll_y > 20

    async def test_the_keys_are_in_the_footer_help_and_palette(self, app: PmtuiApp) -> None:
        from types import SimpleNamespace

        from pmtui.boards.palette import action_entries
        from pmtui.screens.help import HelpModal
        from pmtui.widgets.key_footer import KeyFooter

        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("8")
            await pilot.pause()
            footer = app.screen.query_one(KeyFooter).line()[0].plain
            assert footer.startswith("s Summary I Issue w Write ")
            provider = SimpleNamespace(app=app, screen=app.screen)
            titles = {e.title for e in action_entries(provider)}  # type: ignore[arg-type]
            assert {
                "reports: Edit summary",
                "reports: Issue report",
                "reports: Write report to a file",
                "report: Down",
                "report: Page down",
                "report: Top",
                "report: Bottom",
            } <= titles
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpModal)
            lines = {(line.group, line.keys, line.description) for line in app.screen.lines}
            assert ("Report board", "I", "Issue") in lines
            assert ("Report preview", "j, ↓", "Down") in lines

    async def test_s_edits_the_summary_and_the_preview_shows_it(
        self, app: PmtuiApp, store: Store
    ) -> None:
        """The summary is several paragraphs and a list, written in a text area (digits
        are text there), saved with ctrl+s, and the preview shows it as written."""
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("8", "s")
            await pilot.pause()
            assert isinstance(app.screen, TextModal)
            area = app.screen.query_one(TextArea)
            assert area.text.startswith("Realisation is on track")  # the demo's summary
            area.clear()
            await type_text(pilot, "Go-live moved to March 2027; budget holds.")
            await pilot.press("enter", "enter")
            await type_text(pilot, "- Mock load 2 passed")
            await pilot.press("enter")
            await type_text(pilot, "- Bank slot booked")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, AreaScreen)
            assert store.project["report_summary"] == (
                "Go-live moved to March 2027; budget holds.\n\n"
                "- Mock load 2 passed\n- Bank slot booked"
            )
            shown = preview(app)
            summary = shown.split("## Summary", 1)[1].split("## ", 1)[0]
            assert summary.split() == [
                "Go-live", "moved", "to", "March", "2027;", "budget", "holds.",
                "-", "Mock", "load", "2", "passed", "-", "Bank", "slot", "booked",
            ]  # fmt: skip

    async def test_esc_on_a_changed_summary_asks_before_throwing_it_away(
        self, app: PmtuiApp, store: Store
    ) -> None:
        before = store.project["report_summary"]
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("8", "s")
            await pilot.pause()
            await type_text(pilot, " More.")
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, TextModal)  # still there, saying what esc does
            assert "esc again" in str(app.screen.query_one("#text-keys", Static).render())
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, AreaScreen)
            assert store.project["report_summary"] == before


class TestIssue:
    """I issues the report: a snapshot in the store, a row in History, one undo step."""

    async def test_i_issues_and_history_lists_it_and_u_takes_it_back(
        self, app: PmtuiApp, store: Store
    ) -> None:
        before = len(store.records("report_snapshots"))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("8", "I")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmModal)
            await pilot.press("y")
            await pilot.pause()
            issued = [
                r for r in store.records("report_snapshots") if r["date"] == TODAY.isoformat()
            ]
            assert len(store.records("report_snapshots")) == before + 1
            assert len(issued) == 1
            assert issued[0]["summary"].startswith("Realisation is on track")
            heading = str(app.screen.query_one("#report-line").render())
            assert heading.endswith("issued today (I issues it again)")
            await pilot.press("right_square_bracket")
            await pilot.pause()
            rows = table_text(app).splitlines()
            assert rows[1].split()[0] == TODAY.isoformat()  # newest first
            assert len([r for r in rows[1:] if r.strip()]) == before + 1
            trends = app.screen.query_one(TrendLines)
            assert [t.name for t in trends.trends] == ["SPI", "CPI", "% complete", "budget used"]
            assert len(trends.trends[0].values) == before + 1
            await pilot.press("u")
            await pilot.pause()
            assert len(store.records("report_snapshots")) == before
            assert TODAY.isoformat() not in table_text(app)

    async def test_n_issues_nothing(self, app: PmtuiApp, store: Store) -> None:
        before = store.records("report_snapshots")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("8", "I", "n")
            await pilot.pause()
            assert store.records("report_snapshots") == before


class TestHistory:
    """History: newest first, RAG as letters (readable without colours), trends with figures."""

    async def test_the_demos_two_reports_and_their_trends(self, app: PmtuiApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*HISTORY)
            await pilot.pause()
            rows = [r.split() for r in table_text(app).splitlines()[1:] if r.strip()]
            week, fortnight = (TODAY.fromordinal(TODAY.toordinal() - d) for d in (7, 14))
            # Date, overall, schedule, cost, scope, risk, SPI, CPI, done, used, H/M/L, issues
            # The week's overall was the manager's override (*), the rules said red.
            assert rows[0] == [
                week.isoformat(), "amber*", "A", "A", "A", "R", "0.93", "0.91",
                "41", "%", "45", "%", "3/6/5", "6",
            ]  # fmt: skip
            title = str(app.screen.query_one("#history-trends-title").render())
            assert title.endswith(" · * overall set by the manager")
            from pmtui.widgets.detail_line import DetailLine

            detail = app.screen.query_one(DetailLine).text
            # The record whole, as on every board: its date, then the reasons as issued
            # (the override beside the colour the rules gave), then the summary.
            assert detail.startswith(f"{week.isoformat()} · Reasons: overall: set by the manager: ")
            assert "(computed: red)" in detail and "· Summary: " in detail
            assert rows[1][0] == fortnight.isoformat() and rows[1][1] == "green"
            lines = app.screen.query_one(TrendLines).lines()
            assert lines == [
                "SPI 0.97 → 0.93",
                "CPI 0.95 → 0.91",
                "% complete 38 % → 41 %",
                "budget used 40 % → 45 %",
            ]


class TestWrite:
    """w writes the report in a worker; the suffix picks the format."""

    async def _write(self, app: PmtuiApp, pilot: object, typed: str) -> None:
        from textual.pilot import Pilot

        assert isinstance(pilot, Pilot)
        await pilot.press("8", "w")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, LinePromptModal)
        assert prompt.value == f"status-{TODAY.isoformat()}.md"
        await pilot.press("ctrl+u")
        await type_text(pilot, typed)
        await pilot.press("enter")
        await pilot.pause()

    async def test_w_writes_markdown(self, app: PmtuiApp, tmp_path: Path) -> None:
        target = tmp_path / "week48.md"
        async with app.run_test(size=(80, 24)) as pilot:
            await self._write(app, pilot, str(target))
            await app.workers.wait_for_complete()
            await pilot.pause()
            written = target.read_text()
            assert written == preview(app)
            assert written.startswith("# Status report: ")
            assert "## Budget and earned value" in written
            assert board(app).writing is None
            from pmtui.widgets.detail_line import DetailLine

            assert app.screen.query_one(DetailLine).text == f"written to: {target}"
            assert not target.with_name(f".{target.name}.tmp").exists()

    async def test_the_heading_says_each_step_and_the_keys_work_while_it_writes(
        self, app: PmtuiApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import threading

        release = threading.Event()
        real = report_board.write_export

        def slow_write(*args: Any, **kwargs: Any) -> None:
            assert threading.current_thread() is not threading.main_thread()
            release.wait(10)
            real(*args, **kwargs)

        monkeypatch.setattr(report_board, "write_export", slow_write)
        target = tmp_path / "week48.md"
        async with app.run_test(size=(80, 24)) as pilot:
            await self._write(app, pilot, str(target))
            await pilot.pause()
            heading = str(app.screen.query_one("#report-line").render())
            assert heading == "Writing week48.md: writing (3/3)…"
            await pilot.press("w")  # dimmed while a write is under way: nothing opens
            assert isinstance(app.screen, AreaScreen)
            await pilot.press("right_square_bracket", "left_square_bracket")  # keys work
            assert not target.exists()
            release.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert target.read_text().startswith("# Status report: ")
            heading = str(app.screen.query_one("#report-line").render())
            assert heading.startswith("Status report as of ")

    async def test_w_writes_html_by_its_suffix(self, app: PmtuiApp, tmp_path: Path) -> None:
        target = tmp_path / "week48.html"
        async with app.run_test(size=(80, 24)) as pilot:
            await self._write(app, pilot, str(target))
            await app.workers.wait_for_complete()
            await pilot.pause()
            written = target.read_text()
            assert written.lstrip().lower().startswith("<!doctype html>")
            assert "<script" not in written.lower()
            assert "Budget and earned value" in written

    async def test_an_unknown_suffix_asks_again_and_writes_nothing(
        self, app: PmtuiApp, tmp_path: Path
    ) -> None:
        target = tmp_path / "week48.txt"
        async with app.run_test(size=(80, 24)) as pilot:
            await self._write(app, pilot, str(target))
            prompt = app.screen
            assert isinstance(prompt, LinePromptModal)
            message = str(prompt.query_one("#prompt-message").render())
            assert (
                message
                == "'week48.txt': the suffix picks the format: .md for Markdown, .html for HTML"
            )
            assert prompt.value == str(target)  # what was typed stays
            await pilot.press("escape")
            await app.workers.wait_for_complete()
            assert not target.exists()

    async def test_a_missing_folder_asks_again_and_writes_nothing(
        self, app: PmtuiApp, tmp_path: Path
    ) -> None:
        target = tmp_path / "nowhere" / "week48.md"
        async with app.run_test(size=(80, 24)) as pilot:
            await self._write(app, pilot, str(target))
            prompt = app.screen
            assert isinstance(prompt, LinePromptModal)
            message = str(prompt.query_one("#prompt-message").render())
            said = f"there is no folder {str(target.parent)!r}"
            # A long folder name is cut as typed input is quoted (kinds.escapes: the text
            # cut, then quoted, then '…'; tmp paths under pytest-xdist are longer).
            cut = message.removesuffix("…").removesuffix("'")
            assert message == said or (message.endswith("…") and said.startswith(cut)), message
            assert len(cut) > 40
            await pilot.press("escape")
            assert not target.parent.exists()

    async def test_the_projects_own_files_are_refused(self, app: PmtuiApp, store: Store) -> None:
        sidecar = store.path.with_name(f".{store.path.name}.log.md")
        before = store.path.read_bytes()
        async with app.run_test(size=(80, 24)) as pilot:
            await self._write(app, pilot, str(sidecar))
            prompt = app.screen
            assert isinstance(prompt, LinePromptModal)
            message = str(prompt.query_one("#prompt-message").render())
            assert message.endswith(": choose another file")
            await pilot.press("escape")
            assert not sidecar.exists() and store.path.read_bytes() == before

    async def test_an_existing_file_is_replaced_only_when_confirmed(
        self, app: PmtuiApp, tmp_path: Path
    ) -> None:
        target = tmp_path / "week[48].md"  # a [ in a name is text, never markup
        target.write_text("keep me")
        async with app.run_test(size=(80, 24)) as pilot:
            await self._write(app, pilot, str(target))
            assert isinstance(app.screen, ConfirmModal)
            question = str(app.screen.query_one("#question").render())
            assert question == f"{target} exists. Replace it?"
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, LinePromptModal)
            await pilot.press("escape")
            await app.workers.wait_for_complete()
            assert target.read_text() == "keep me"


class TestOverride:
    """The manager's override shows beside the computed colour."""

    async def test_status_line_and_today_show_the_override_beside_the_computed(
        self, store: Store, tmp_path: Path
    ) -> None:
        from pmtui.services.project_rag import rag_for

        computed = rag_for(store.read_context()).computed
        override = "green" if computed != "green" else "red"
        store.update(
            "project",
            str(store.project["key"]),
            {"status": override, "status_reason": "steering committee accepted the slip"},
        )
        app = make_app(store, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            said = f"{override} (computed {computed})"
            assert said in status_text(app)
            assert said in str(app.screen.query_one(TodayStrip).render()).splitlines()[0]
            await pilot.press("8")
            await pilot.pause()
            assert said in status_text(app)

    async def test_without_an_override_the_computed_colour_shows(
        self, store: Store, tmp_path: Path
    ) -> None:
        from pmtui.services.project_rag import rag_for

        computed = rag_for(store.read_context()).computed
        store.update("project", str(store.project["key"]), {"status": ""})
        app = make_app(store, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert f"● {computed}   " in status_text(app)
            assert "computed" not in status_text(app)


def test_the_status_line_cuts_a_long_name_so_status_save_state_and_date_fit() -> None:
    from pmtui.widgets.status_bar import status_line

    name = "A very long project name for the whole finance rollout"
    line = status_line(name, "amber", "not saved", TODAY, "red").plain
    assert line == "A very long project name…  ● amber (computed red)   not saved   Thu 2026-11-26"
    assert len(line) == 78  # the bar's 80 cells less its padding
    short = status_line("ERP", "", "saved", TODAY, None).plain
    assert short == "ERP  ● status…   saved   Thu 2026-11-26"  # computed not known yet


async def test_a_big_project_builds_the_preview_after_the_first_frame(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    monkeypatch.setattr(report_board, "SYNC_BELOW", 1)  # the demo counts as big
    release = threading.Event()
    real = report_board.gather

    def slow_gather(*args: object) -> object:
        assert threading.current_thread() is not threading.main_thread()
        release.wait(10)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(report_board, "gather", slow_gather)
    app = make_app(store, isolated_env(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8")
        await pilot.pause()
        # The keys work while the report is built: the tab moves on and comes back.
        assert str(app.screen.query_one("#report-line").render()) == report_board.BUILDING
        await pilot.press("right_square_bracket", "left_square_bracket")
        assert isinstance(app.screen, AreaScreen) and app.screen.current == 0
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert preview(app).startswith("# Status report: ")


async def test_a_big_projects_status_line_gets_the_computed_colour_after_the_first_frame(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pmtui.boards import area
    from pmtui.services.project_rag import rag_for

    computed = rag_for(store.read_context()).computed
    override = "green" if computed != "green" else "red"
    store.update("project", str(store.project["key"]), {"status": override})
    monkeypatch.setattr(area, "SYNC_BELOW", 1)  # the demo counts as big
    import threading

    from pmtui.services import glance

    release = threading.Event()
    real = glance._money  # earned value: what needs the schedule

    def slow(*args: Any, **kwargs: Any) -> Any:
        assert threading.current_thread() is not threading.main_thread()
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(glance, "_money", slow)
    app = make_app(store, isolated_env(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # The override alone until the rules are worked out; keys work meanwhile.
        assert f"● {override}   " in status_text(app)
        await pilot.press("3")
        assert f"● {override}   " in status_text(app)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"● {override} (computed {computed})   " in status_text(app)


class TestPreviewTables:
    """The preview draws each Markdown table as one block of box lines (Textual's widget
    per cell held the UI thread over a second on a 10k-record project's report)."""

    def test_cells_read_as_written_escapes_resolved(self) -> None:
        from pmtui.widgets.report_preview import TABLE_TOKEN, TableParser

        source = "| Area | Why |\n| --- | --- |\n| Cost | CPI \\| AC &lt; EV \\*now\\* |\n"
        tokens = TableParser().parse(source)
        assert [t.type for t in tokens] == [TABLE_TOKEN]
        assert tokens[0].meta == {
            "header": ["Area", "Why"],
            "rows": [["Cost", "CPI | AC < EV *now*"]],
        }

    def test_a_long_cell_wraps_in_its_column_and_rows_are_ruled_apart(self) -> None:
        from pmtui.widgets.report_preview import table_lines

        lines = table_lines(
            ["Area", "Why"], [["Cost", "CPI 0.87 is below 0.95"], ["Risk", "ok"]], 24
        )
        assert lines == [
            "┌──────┬───────────────┐",
            "│ Area │ Why           │",
            "├──────┼───────────────┤",
            "│ Cost │ CPI 0.87 is   │",
            "│      │ below 0.95    │",
            "├──────┼───────────────┤",
            "│ Risk │ ok            │",
            "└──────┴───────────────┘",
        ]
        assert all(len(line) == 24 for line in lines)

    def test_a_table_that_fits_is_drawn_at_its_natural_width_without_rules(self) -> None:
        from pmtui.widgets.report_preview import table_lines

        assert table_lines(["A", "B"], [["1", "2"], ["3", "4"]], 80) == [
            "┌───┬───┐",
            "│ A │ B │",
            "├───┼───┤",
            "│ 1 │ 2 │",
            "│ 3 │ 4 │",
            "└───┴───┘",
        ]
