"""The Today board, where a project opens, driven by keys: its content and order on a seeded
project, the strip, privacy, and that it reads the shared per-revision read models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pmtui import agenda
from pmtui.boards.today.today import TodayBoard
from pmtui.store import Store
from pmtui.widgets.agenda_list import AgendaList
from pmtui.widgets.today_strip import TodayStrip
from tests.today_seed import SECRET, day, seed
from tests.uihelpers import isolated_env, make_app


@pytest.fixture
def seeded(store: Store) -> Store:
    return seed(store)


def _list(app: Any) -> AgendaList:
    return app.screen.query_one("#today-list", AgendaList)


def _strip(app: Any) -> str:
    return str(app.screen.query_one(TodayStrip).render())


class TestContent:
    """What Today lists, in which order, and how each line reads."""

    async def test_the_first_frame_shows_the_groups_in_contract_order(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)):
            # No key pressed, no pause: what the first frame draws.
            assert app.current_mode == "today"
            items = _list(app)
            assert items.keys == [
                "actions/A1",
                "milestones/M1",
                "resource_requests/RR1",
                "deliverables/D1",
                "actions/A3",
                "tasks/T1",
                "notes/N1",
                "candidates/CA1",
                "leave/LV1",
                "actions/A2",
                "open_roles/OR1",
                "vendors/V1",
            ]
            lines = [line.rstrip() for line in items.lines()]
            assert lines[0] == "Overdue · 4"
            assert lines[5] == "Due today · 3"
            assert lines[9] == "Coming up (next 7 days) · 5"
            assert lines[1].split() == [
                "action", "Chase", "SAP", "quote", "Chen", "Wei", "5", "days", "late", "Actions",
            ]  # fmt: skip
            milestone = lines[2]
            assert "Blueprint" in milestone and "Elena Rossi" in milestone
            assert "3 days late" in milestone and milestone.endswith("Milestones")
            assert "Blueprint doc · decision" in lines[4]
            assert "Design · behind plan" in lines[7]
            assert "follow up with Elena Rossi" in lines[8]
            assert "in 45 days" in lines[-1] and "Kofax · notice" in lines[-1]

    async def test_the_strip_shows_rag_finish_target_and_next_milestone(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)):
            shown = _strip(app)
            first, second = shown.splitlines()
            # The 30-day Design task from 2026-11-02 finishes 2026-12-11, a week before target.
            assert first.split() == [
                "●", "green", "finish", "2026-12-11", "target", "2026-12-18", "5", "wd", "early",
            ]  # fmt: skip
            assert second.startswith("next milestone in 40 days: Go-live")
            assert "first check-in" in second
            assert "SPI" not in shown and "CPI" not in shown  # hidden until Money exists

    async def test_no_private_note_text_anywhere_on_today(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("G")  # the whole list seen
            await pilot.pause()
            assert "follow up with Elena Rossi" in "\n".join(_list(app).lines())
            assert SECRET not in app.export_screenshot()
            assert "SECRET" not in "\n".join(_list(app).lines())

    async def test_a_quiet_day_says_so_and_shows_the_next_three(
        self, store: Store, tmp_path: Path
    ) -> None:
        store.update("project", "project", {"due_soon_days": 7})
        for key, due in (("A1", 30), ("A2", 10), ("A3", 20), ("A4", 50)):
            store.add("actions", {"key": key, "text": f"Later {key}", "due": day(due)})
        app = make_app(store, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)):
            lines = [line.rstrip() for line in _list(app).lines()]
            assert lines[:2] == ["Nothing due in the next 7 days.", "Coming later"]
            assert _list(app).keys == ["actions/A2", "actions/A3", "actions/A1"]
            assert "in 10 days" in lines[2]


class TestReadModels:
    """Today reads what the revision built once; moving the cursor rebuilds nothing."""

    async def test_moving_and_coming_back_rebuild_nothing(
        self, seeded: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        calls: list[int] = []
        real = agenda.today_items

        def counting(store: Any, days: int | None = None) -> list[agenda.Item]:
            calls.append(1)
            return real(store, days)

        monkeypatch.setattr(agenda, "today_items", counting)
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("j", "j", "k", "G", "g", "2", "1", "3", "1")
            await pilot.pause()
            assert len(calls) == 1
            assert isinstance(app.screen.query_one(TodayBoard), TodayBoard)
            seeded.update("actions", "A2", {"text": "Book the big room"})
            app.refresh_area()
            await pilot.pause()
            assert len(calls) == 1  # an action's change works out the actions only
            assert any("Book the big room" in line for line in _list(app).lines())
            seeded.update("tasks", "T1", {"title": "Design review"})
            app.refresh_area()
            await pilot.pause()
            assert len(calls) == 2  # a task's change: the whole list again
            assert any("Design review" in line for line in _list(app).lines())


async def _type(pilot: Any, text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])


class TestKeys:
    """x, s, enter and quick add on the chosen item, by keys only; each change one undo."""

    async def test_x_marks_the_first_overdue_action_done_and_u_undoes_it(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            assert _list(app).cursor_key == "actions/A1"
            await pilot.press("x")
            await pilot.pause()
            action = seeded.require("actions", "A1")
            assert (action["status"], action["done_on"]) == ("done", "2026-11-26")
            assert "actions/A1" not in _list(app).keys
            assert _list(app).cursor_key == "milestones/M1"
            await pilot.press("u")
            await pilot.pause()
            assert seeded.require("actions", "A1")["status"] == "open"
            assert "actions/A1" in _list(app).keys

    async def test_x_never_decides_a_deliverable(self, seeded: Store, tmp_path: Path) -> None:
        before = seeded.path.read_bytes()
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("j", "j", "j")
            assert _list(app).cursor_key == "deliverables/D1"
            await pilot.press("x")
            await pilot.pause()
            assert seeded.require("deliverables", "D1")["status"] == "submitted"
            assert seeded.path.read_bytes() == before
            said = [str(n.message) for n in app._notifications]
            assert any("is a decision: open it on its board" in m for m in said), said

    async def test_s_snoozes_to_a_typed_date(self, seeded: Store, tmp_path: Path) -> None:
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("s")
            await _type(pilot, "next week")
            await pilot.press("enter")
            await pilot.pause()
            assert seeded.require("actions", "A1")["due"] == "2026-11-30"  # its Monday
            assert _list(app).keys.index("actions/A1") > _list(app).keys.index("notes/N1")
            assert _list(app).cursor_key == "milestones/M1"  # the cursor stays in place
            await pilot.press("u")
            await pilot.pause()
            assert seeded.require("actions", "A1")["due"] == day(-5)

    async def test_a_bad_snooze_date_keeps_the_prompt_with_the_reason(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        from pmtui.screens.line_prompt import LinePromptModal

        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("s")
            await _type(pilot, "+3x")
            await pilot.press("enter")
            await pilot.pause()
            prompt = app.screen
            assert isinstance(prompt, LinePromptModal)
            assert "Not snoozed" in str(prompt.query_one("#prompt-message").render())
            assert seeded.require("actions", "A1")["due"] == day(-5)
            await pilot.press("escape")
            assert not isinstance(app.screen, LinePromptModal)

    async def test_enter_opens_the_item_on_its_board_selected_there(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("j", "enter")
            await pilot.pause()
            assert app.current_mode == "plan"
            screen = app.screen
            board = screen.board  # type: ignore[attr-defined]
            assert board.spec.id == "plan.milestones"
            assert board.chosen().key == "M1"

    async def test_a_quick_adds_an_action_from_one_line(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("a")
            await _type(pilot, "Chase SAP licence quote @ch")
            await pilot.pause()
            await pilot.press("right")  # accepts the completion: @chen
            await _type(pilot, " fri")
            await pilot.press("enter")
            await pilot.pause()
            added = seeded.records("actions")[-1]
            assert (added["text"], added["owner"], added["due"]) == (
                "Chase SAP licence quote",
                "P1",
                "2026-11-27",
            )
            assert _list(app).cursor_key == f"actions/{added['key']}"
            await pilot.press("u")
            await pilot.pause()
            assert seeded.get("actions", str(added["key"])) is None

    async def test_tab_takes_the_one_name_the_word_after_at_fits(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        from textual.widgets import Input

        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("a")
            await _type(pilot, "Send minutes @e")
            await pilot.pause()
            matches = app.screen.query_one("#prompt-matches")
            assert str(matches.render()) == "Elena Rossi  tab takes it"
            await pilot.press("tab")
            assert app.screen.query_one(Input).value == "Send minutes @elena "
            await _type(pilot, "@zz")
            await pilot.pause()
            assert str(matches.render()) == "no person matches 'zz'"
            await pilot.press(*["backspace"] * 4, "enter")
            await pilot.pause()
            added = seeded.records("actions")[-1]
            assert (added["text"], added["owner"]) == ("Send minutes", "P2")

    async def test_ctrl_o_turns_the_line_into_the_full_form(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        from textual.widgets import Input

        from pmtui.screens.record_form import RecordForm

        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("a")
            await _type(pilot, "Call Kofax @elena +3d")
            await pilot.press("ctrl+o")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, RecordForm)
            values = {name: form.query_one(f"#field-{name}", Input).value for name in
                      ("text", "owner", "due")}  # fmt: skip
            assert values == {"text": "Call Kofax", "owner": "elena", "due": "2026-11-29"}
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert seeded.records("actions")[-1]["owner"] == "P2"

    async def test_every_key_is_in_the_palette_and_help(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        from pmtui.boards.help_lines import help_lines
        from pmtui.boards.palette import action_entries

        class _Provider:
            def __init__(self, app: Any) -> None:
                self.app, self.screen = app, app.screen

        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            titles = {entry.title for entry in action_entries(_Provider(app))}  # type: ignore[arg-type]
            assert {
                "today: Open item on its board",
                "today: Mark item done",
                "today: Snooze item to a date",
                "today: Add action",
                "today: Add action with the full form",
                "today: List changes since last check-in",
            } <= titles
            helped = {line.keys for line in help_lines(app, app.screen)}
            assert {"x", "s", "a", "A", "c"} <= helped
            await pilot.press("j", "j", "j")  # a deliverable: done is a decision, not here;
            await pilot.pause()  # x stays, and says so (test_x_never_decides_a_deliverable)
            titles = {entry.title for entry in action_entries(_Provider(app))}  # type: ignore[arg-type]
            assert "today: Mark item done" in titles


class TestCheckIn:
    """The strip counts the changes since the user's last check-in; c lists them."""

    async def test_changes_since_the_last_check_in_are_counted_and_listed(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        import json
        from datetime import UTC, datetime

        from pmtui import paths
        from pmtui.reports.checkin import remember_checkin
        from pmtui.screens.lines_modal import LinesModal
        from pmtui.store.files import ProjectFiles

        env = isolated_env(tmp_path)
        log = ProjectFiles.for_path(seeded.path).activity
        entries = [json.loads(line) for line in log.read_text().splitlines()]
        for number, entry in enumerate(entries):  # the last two after the check-in
            late = number >= len(entries) - 2
            entry["time"] = f"2026-11-{26 if late else 20}T0{number % 10}:00:00Z"
        log.write_text("".join(json.dumps(e) + "\n" for e in entries))
        remember_checkin(paths.state_file(env), seeded.path, datetime(2026, 11, 25, tzinfo=UTC))
        app = make_app(seeded, env, start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            assert "2 changes since your last check-in (c)" in _strip(app)
            await pilot.press("c")
            await pilot.pause()
            listed = app.screen
            assert isinstance(listed, LinesModal)
            assert listed.lines == [change.line() for change in reversed(_changes(entries[-2:]))]
            assert listed.lines[0].endswith("add action: actions A4")
            await pilot.press("escape")
            assert not isinstance(app.screen, LinesModal)
            await pilot.press("x")  # this session's own change is not news
            await pilot.pause()
            assert seeded.require("actions", "A1")["status"] == "done"
            assert "2 changes since your last check-in (c)" in _strip(app)


def _changes(entries: list[dict[str, Any]]) -> list[Any]:
    from pmtui.reports.checkin import Change, _parse

    return [
        Change(_parse(e["time"]), e["user"], e["label"], (f"actions {e['changes'][0]['key']}",))  # type: ignore[arg-type]
        for e in entries
    ]
