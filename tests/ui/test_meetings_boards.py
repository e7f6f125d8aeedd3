"""The Meetings board (Comms, 7) driven by keys only: schedule a weekly meeting by typing
"weekly on mon", write minutes, turn two minutes lines into actions, close one of them on
the Actions board, cancel and move occurrences, close one as held; digits are text in the
minutes and switch areas everywhere else; minutes are never lost."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from pmtui.app import PmtuiApp
from pmtui.boards.area import AreaScreen
from pmtui.boards.comms.meeting_rows import moved_to
from pmtui.boards.comms.meetings import MeetingsBoard
from pmtui.boards.comms.minutes import MinutesEditor
from pmtui.boards.comms.occurrence_lists import agenda_caption
from pmtui.boards.keys import fill
from pmtui.boards.palette import action_entries
from pmtui.screens.help import HelpModal
from pmtui.screens.record_form import RecordForm
from pmtui.services.meetings import occurrences
from pmtui.store import Store
from pmtui.widgets.agenda_list import AgendaList
from pmtui.widgets.key_footer import KeyFooter
from tests.uihelpers import TODAY, isolated_env, make_app, reopened, table_text, type_text

# TODAY is Thursday 2026-11-26: the stand-up's next occurrences are Mondays 11-30, 12-07...
STAND_UP = "M1"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return isolated_env(tmp_path)


@pytest.fixture
def project(tmp_path: Path) -> Store:
    """Ann and Ben; a weekly stand-up on Mondays at 09:30 in Berlin, Room 2."""
    store = Store.create(
        tmp_path / "p.json",
        {"name": "ERP Roll-out", "start": "2026-09-01", "time_zone": "Europe/Berlin"},
        today=TODAY,
    )
    store.add("people", {"key": "ANN", "name": "Ann Lee"})
    store.add("people", {"key": "BEN", "name": "Ben Okafor"})
    store.add(
        "meetings",
        {
            "key": STAND_UP,
            "title": "Weekly stand-up",
            "kind": "stand-up",
            "start": "2026-11-02T09:30",
            "recurrence": "weekly on mon",
            "location": "Room 2",
        },
    )
    return store


def board(app: PmtuiApp) -> MeetingsBoard:
    screen = app.screen
    assert isinstance(screen, AreaScreen), screen
    found = screen.board
    assert isinstance(found, MeetingsBoard), found
    return found


def minutes_text(app: PmtuiApp) -> str:
    return app.screen.query_one(MinutesEditor).text


async def typed_lines(pilot: Pilot[None], *lines: str) -> None:
    for index, line in enumerate(lines):
        if index:
            await pilot.press("enter")
        await type_text(pilot, line)


class TestScheduling:
    """a schedules a meeting through the one record form, its recurrence typed in words."""

    async def test_schedule_a_weekly_meeting_typed_weekly_on_mon(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("7", "a")
            await pilot.pause()
            assert isinstance(app.screen, RecordForm)
            await type_text(pilot, "Vendor sync")
            await pilot.press("enter", *"vendor", "enter")  # kind
            await type_text(pilot, "2026-11-30 14:00")  # a Monday
            await pilot.press("enter", "enter")  # start; zone: the project's
            await pilot.press(*"45m", "enter", *"Teams", "enter")  # length, place
            await pilot.press(*"ann", "enter")  # attendees: Ann Lee taken
            await type_text(pilot, "weekly on mon")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, AreaScreen), app.screen
            shown = table_text(app, "#meetings")
            assert "Mon 2026-11-30 14:00" in shown and "Vendor sync" in shown
            assert "Mon 2026-12-07 14:00" in shown
        saved = [m for m in reopened(project).records("meetings") if m["title"] == "Vendor sync"]
        assert len(saved) == 1
        meeting = saved[0]
        assert "FREQ=WEEKLY" in meeting["recurrence"] and "BYDAY=MO" in meeting["recurrence"]
        assert (meeting["start"], meeting["length"], meeting["attendees"]) == (
            "2026-11-30T14:00",
            45,
            ["ANN"],
        )

    async def test_the_list_shows_each_occurrence_in_the_meetings_zone(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("7")
            await pilot.pause()
            lines = table_text(app, "#meetings").splitlines()
            assert "Mon 2026-11-30 09:30" in lines[1] and "Weekly stand-up" in lines[1]
            assert "Room 2" in lines[1] and "planned" in lines[1]
            assert "Mon 2026-12-07 09:30" in lines[2]
            await pilot.press("p")  # the past ones, newest first
            await pilot.pause()
            lines = table_text(app, "#meetings").splitlines()
            assert "Mon 2026-11-23 09:30" in lines[1] and "none" in lines[1]

    @pytest.mark.parametrize(
        ("size", "shown"),
        [((80, 24), "Architecture review…"), ((120, 30), "Architecture review board ")],
    )
    async def test_a_long_title_takes_the_room_the_list_has(
        self, project: Store, env: dict[str, str], size: tuple[int, int], shown: str
    ) -> None:
        project.update("meetings", STAND_UP, {"title": "Architecture review board"})
        app = make_app(project, env)
        async with app.run_test(size=size) as pilot:
            await pilot.press("7")
            await pilot.pause()
            lines = table_text(app, "#meetings").splitlines()
            assert shown in lines[1] and "Room 2" in lines[1], lines[1]


class TestOccurrence:
    """enter opens an occurrence: minutes, actions from its lines, decisions, held."""

    async def test_minutes_and_two_actions_from_their_lines(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("7", "enter", "w")  # the 11-30 stand-up, into its minutes
            await pilot.pause()
            await typed_lines(
                pilot,
                "Cutover rehearsal went well",
                "- Chase the SAP licence quote",
                "Action: book the room for 3 days",
            )
            await pilot.press("ctrl+s")
            await pilot.pause()
            key = board(app).view.key
            assert key is not None
            assert reopened(project).require("occurrences", key)["minutes"].endswith("3 days")
            assert app.current_mode == "comms"  # the digit was text
            await pilot.press("up", "ctrl+t")  # the licence line
            await pilot.pause()
            form = app.screen
            assert isinstance(form, RecordForm)
            assert [f.name for f in form.fields] == ["text", "owner", "due"]
            await pilot.press(*"ben", "tab", "enter", *"fri", "ctrl+s")
            await pilot.pause()
            await pilot.press("down", "ctrl+t")  # the room line
            await pilot.pause()
            await pilot.press(*"ann", "tab", "ctrl+s")
            await pilot.pause()
            shown = table_text(app, "#occurrence-actions")
            assert "Chase the SAP licence quote" in shown and "Ben Okafor" in shown
            assert "book the room for 3 days" in shown and "Ann Lee" in shown
        actions = {a["text"]: a for a in reopened(project).records("actions")}
        chase = actions["Chase the SAP licence quote"]
        assert (chase["owner"], chase["due"], chase["source"]) == (
            "BEN",
            "2026-11-27",  # the Friday after Thursday 11-26
            f"occurrences:{key}",
        )
        room = actions["book the room for 3 days"]
        assert (room["owner"], room["source"]) == ("ANN", f"occurrences:{key}")

    async def test_an_action_from_a_meeting_is_closed_on_the_actions_board(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("7", "enter", "w")
            await type_text(pilot, "Send the cutover plan")
            await pilot.press("ctrl+t", *"ann", "tab", "ctrl+s")
            await pilot.pause()
            await pilot.press("escape", "escape")  # out of the minutes, back to the list
            await pilot.pause()
            assert "Weekly stand-up" in table_text(app, "#meetings")
            await pilot.press("1", "right_square_bracket")  # Today, its Actions board
            await pilot.pause()
            shown = table_text(app, "#today-actions RecordTable")
            assert "meeting Weekly stand-up 2026-11-30" in shown  # its source, by name
            await pilot.press("x")
            await pilot.pause()
        action = reopened(project).records("actions")[0]
        assert (action["text"], action["status"], action["done_on"]) == (
            "Send the cutover plan",
            "done",
            TODAY.isoformat(),
        )
        occurrence = reopened(project).require("occurrences", action["source"].split(":")[1])
        assert occurrence["minutes"] == "Send the cutover plan"  # leaving saved them

    async def test_held_logs_the_decisions_of_the_minutes(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("7", "enter", "w")
            await typed_lines(pilot, "Go-live stays on 1 March", "Decision: freeze scope")
            await pilot.press("up", "ctrl+g")  # the first line, logged now and marked
            await pilot.pause()
            assert minutes_text(app).startswith("Decision: Go-live stays on 1 March")
            await pilot.press("escape", "H")
            await pilot.pause()
            key = board(app).view.key
        saved = reopened(project)
        assert saved.require("occurrences", str(key))["status"] == "held"
        decisions = sorted(d["decision"] for d in saved.records("decisions"))
        assert decisions == ["Go-live stays on 1 March", "freeze scope"]
        assert {d["link"] for d in saved.records("decisions")} == {f"occurrences:{key}"}

    async def test_digits_are_text_in_the_minutes_and_switch_areas_elsewhere(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("7", "enter", "w", "1", "2", "3")
            await pilot.pause()
            assert minutes_text(app) == "123" and app.current_mode == "comms"
            await pilot.press("escape", "3")  # out of the editor: a digit is an area
            await pilot.pause()
            assert app.current_mode == "people"
            await pilot.press("7")  # back: the occurrence as it was, typed text and all
            await pilot.pause()
            assert minutes_text(app) == "123"
            await pilot.press("w", "alt+9")  # alt+digit switches areas from the editor too
            await pilot.pause()
            assert app.current_mode == "project"

    @pytest.mark.parametrize(
        "leave", [["1"], ["right_square_bracket"], ["q"]], ids=["area", "board", "quit"]
    )
    async def test_leaving_by_an_area_a_board_or_quitting_saves_the_minutes(
        self, project: Store, env: dict[str, str], leave: list[str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("7", "enter", "w")
            await type_text(pilot, "Half-written note")
            await pilot.press("escape", *leave)  # out of the editor, then away unsaved
            await pilot.pause()
            if leave != ["q"]:
                assert app.current_mode == ("today" if leave == ["1"] else "comms")
            rows = reopened(project).records("occurrences")
            key = rows[0]["key"]
            assert rows[0]["minutes"] == "Half-written note"  # in the file, not a draft
        again = make_app(reopened(project), env)
        async with again.run_test(size=(80, 24)) as pilot:
            await pilot.press("7", "enter")
            await pilot.pause()
            assert board(again).view.key == key
            assert minutes_text(again) == "Half-written note"
            await pilot.press("w", *"!")  # writing goes on at their end
            assert minutes_text(again) == "Half-written note!"

    async def test_minutes_refused_on_leaving_stay_as_a_draft_and_say_so(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("7", "enter", "w")
            await type_text(pilot, "Half-written note")
            await pilot.press("escape")
            await pilot.pause()
            key = board(app).view.key
            assert key is not None
            reopened(project).delete("occurrences", key)  # another session removes it
            await pilot.press("1")
            await pilot.pause()
            shown = " ".join(str(n.message) for n in app._notifications)
            assert "kept as a draft" in shown
        assert reopened(project).records("occurrences") == []


class TestOccurrenceSteps:
    """c cancels the chosen occurrence (asking first), m moves it to a typed time."""

    async def test_cancel_one_occurrence(self, project: Store, env: dict[str, str]) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("7", "j", "c")  # the 12-07 stand-up
            await pilot.pause()
            assert "Cancel Weekly stand-up on Mon 2026-12-07 09:30?" in str(
                app.screen.query_one("#question").render()
            )
            await pilot.press("y")
            await pilot.pause()
            lines = table_text(app, "#meetings").splitlines()
            assert "Mon 2026-12-07 09:30" in lines[2] and "cancelled" in lines[2]
            assert "planned" in lines[1] and "planned" in lines[3]
        rows = reopened(project).records("occurrences")
        assert [(r["meeting"], r["scheduled"], r["status"]) for r in rows] == [
            (STAND_UP, "2026-12-07T09:30", "cancelled")
        ]

    async def test_move_one_occurrence_to_a_typed_time(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("7", "m")
            await type_text(pilot, "tue 14:00")
            await pilot.press("enter")
            await pilot.pause()
            lines = table_text(app, "#meetings").splitlines()
            assert "Tue 2026-12-01 14:00" in lines[1] and "moved" in lines[1]
        row = reopened(project).records("occurrences")[0]
        assert (row["scheduled"], row["start"], row["status"]) == (
            "2026-11-30T09:30",
            "2026-12-01T14:00",
            "moved",
        )

    @pytest.mark.parametrize(
        ("typed", "moved"), [("+1d", "Tue 2026-12-15 09:30"), ("tue 15:00", "Tue 2026-12-15 15:00")]
    )
    async def test_a_relative_move_counts_from_the_occurrence_not_today(
        self, project: Store, env: dict[str, str], typed: str, moved: str
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("7", "j", "j", "m")  # the Mon 12-14 stand-up; today is 11-26
            await type_text(pilot, typed)
            await pilot.press("enter")
            await pilot.pause()
            lines = table_text(app, "#meetings").splitlines()
            assert moved in lines[3] and "moved" in lines[3]
        row = reopened(project).records("occurrences")[0]
        assert (row["scheduled"], row["start"]) == (
            "2026-12-14T09:30",
            moved.split(" ", 1)[1].replace(" ", "T"),
        )

    async def test_a_move_to_no_time_keeps_the_prompt_with_the_reason(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("7", "m")
            await type_text(pilot, "someday")
            await pilot.press("enter")
            await pilot.pause()
            message = str(app.screen.query_one("#prompt-message").render())
            assert "someday" in message
        assert reopened(project).records("occurrences") == []


async def test_enter_on_a_meeting_on_today_opens_its_occurrence(
    project: Store, env: dict[str, str]
) -> None:
    app = make_app(project, env, start_area=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listed = app.screen.query_one(AgendaList)
        for _ in range(len(listed.keys)):
            if listed.cursor_key == f"meetings/{STAND_UP}":
                break
            await pilot.press("j")
        assert listed.cursor_key == f"meetings/{STAND_UP}"
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "comms"
        view = board(app).view
        assert board(app).in_occurrence and view.key is not None
        caption = str(app.screen.query_one("#occurrence-caption").render())
        assert caption.startswith("Weekly stand-up on Mon 2026-11-30 09:30")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        lines = {line.keys: line.tooltip for line in app.screen.lines}
        assert lines["esc"] == "Back to Today."
        await pilot.press("escape", "escape")  # help closed; back where enter was pressed
        await pilot.pause()
        assert app.current_mode == "today"
        assert app.screen.query_one(AgendaList).cursor_key == f"meetings/{STAND_UP}"
        await pilot.press("7")  # the Meetings board shows its list again
        await pilot.pause()
        assert not board(app).in_occurrence
        await pilot.press("enter", "escape")  # opened from the list: back to the list
        await pilot.pause()
        assert app.current_mode == "comms" and not board(app).in_occurrence


class _Provider:
    """The bits of a palette Provider that action_entries reads."""

    def __init__(self, app: PmtuiApp) -> None:
        self.app = app
        self.screen = app.screen


@pytest.mark.parametrize("keys", [[], ["w"], ["tab"]], ids=["agenda", "minutes", "actions"])
async def test_every_key_of_an_open_occurrence_is_in_help_and_the_palette(
    project: Store, env: dict[str, str], keys: list[str]
) -> None:
    app = make_app(project, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "enter", "w", *"Book the room", "escape", *keys)
        await pilot.pause()
        active = [b for b in app.screen.active_bindings.values() if b.enabled]
        palette = action_entries(_Provider(app))  # type: ignore[arg-type]
        if keys == ["w"]:  # in the minutes ? is text: help is asked for once out of them
            await pilot.press("escape")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        in_help = {(line.description, line.tooltip) for line in app.screen.lines}
        for item in active:
            binding = item.binding
            assert binding.action in {entry.action for entry in palette}, binding.id
            if not isinstance(item.node, MinutesEditor):  # the editor's own keys
                assert (binding.description, fill(binding.tooltip, item.node)) in in_help
    titles = {entry.title for entry in palette}
    assert {"meeting: Save minutes", "meeting: Turn minutes line into action"} <= titles
    if keys != ["w"]:
        assert {"meeting: Add agenda item", "meeting: Close occurrence as held"} <= titles


async def test_an_occurrences_action_done_by_x_is_in_the_footer_help_and_named(
    project: Store, env: dict[str, str]
) -> None:
    app = make_app(project, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "enter", "w")
        await type_text(pilot, "Book the room")
        await pilot.press("ctrl+t", *"ann", "tab", "ctrl+s")
        await pilot.pause()
        await pilot.press("escape", "tab")  # out of the minutes, onto the actions
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter).render().plain
        assert "x Done" in footer and "esc Back" in footer, footer
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        lines = {line.keys: (line.description, line.tooltip) for line in app.screen.lines}
        assert lines["x"] == ("Done", "Mark action done.")
        assert lines["e"] == ("Edit", "Edit action.")  # what e edits here, not "Series"
        await pilot.press("escape", "x")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert "Done: action Book the room" in said, said
    assert reopened(project).records("actions")[0]["status"] == "done"


@pytest.mark.parametrize("size", [(80, 24), (120, 30)])
async def test_an_actions_text_takes_the_room_there_is_in_the_occurrence(
    project: Store, env: dict[str, str], size: tuple[int, int]
) -> None:
    project.add("people", {"key": "KW", "name": "Dr. Katharina Weber-Schulz"})
    text = "Bring the integrator's re-plan with costs"  # 41 cells
    app = make_app(project, env)
    async with app.run_test(size=size) as pilot:
        await pilot.press("7", "enter", "w")
        await type_text(pilot, text)
        await pilot.press("ctrl+t", *"katharina", "tab", "ctrl+s")
        await pilot.pause()
        shown = table_text(app, "#occurrence-actions").splitlines()
        assert text in shown[1], shown  # whole; the owner's name gives way first
        assert "Dr. Kath" in shown[1]


async def test_enter_on_minutes_due_on_today_opens_that_occurrence(
    project: Store, env: dict[str, str]
) -> None:
    held = project.add(
        "occurrences",
        {
            "meeting": STAND_UP,
            "scheduled": "2026-11-23T09:30",
            "start": "2026-11-23T09:30",
            "status": "held",
        },
    )
    app = make_app(project, env, start_area=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listed = app.screen.query_one(AgendaList)
        wanted = f"occurrences/{held['key']}"
        for _ in range(len(listed.keys)):
            if listed.cursor_key == wanted:
                break
            await pilot.press("j")
        assert listed.cursor_key == wanted
        await pilot.press("enter", "w")
        await type_text(pilot, "Late minutes")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert board(app).view.key == held["key"]
    assert reopened(project).require("occurrences", held["key"])["minutes"] == "Late minutes"


async def test_search_opens_an_agenda_items_occurrence(project: Store, env: dict[str, str]) -> None:
    app = make_app(project, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "enter", "a")
        await type_text(pilot, "Licence audit")
        await pilot.press("ctrl+s", "escape", "escape", "p")  # back, the past list on show
        await pilot.pause()
        await pilot.press("ctrl+f")
        await type_text(pilot, "licence audit")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert board(app).in_occurrence
        assert "Licence audit" in table_text(app, "#agenda")
        assert board(app).view.agenda_table.cursor_row_key == "AI1"


async def test_a_refused_action_form_keeps_its_source(project: Store, env: dict[str, str]) -> None:
    app = make_app(project, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "enter", "w")
        await type_text(pilot, "Renew the firewall licence")
        await pilot.press("ctrl+t", *"zed", "ctrl+s")  # nobody is called zed
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        assert "zed" in str(form.query_one("#error-owner").render())
        await pilot.press("ctrl+u", *"ben", "tab", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AreaScreen)
        key = board(app).view.key
    action = reopened(project).records("actions")[0]
    assert (action["text"], action["owner"], action["source"]) == (
        "Renew the firewall licence",
        "BEN",
        f"occurrences:{key}",
    )


@pytest.mark.parametrize(
    ("typed", "moved"),
    [
        ("tue 14:00", "2026-12-01T14:00"),
        ("wed", "2026-12-02T09:30"),  # a day alone: the same clock time
        ("14:00", "2026-11-30T14:00"),  # a time alone: the same day
        ("4pm", "2026-11-30T16:00"),
        ("2026-12-15 10:00", "2026-12-15T10:00"),
        ("12/3 8:15", "2026-12-03T08:15"),
    ],
)
def test_a_move_is_typed_as_people_say_it(project: Store, typed: str, moved: str) -> None:
    first = occurrences(project, TODAY, TODAY + timedelta(days=7))[0]  # Mon 11-30 09:30
    assert moved_to(project, first, typed) == moved


async def test_a_title_with_brackets_and_escapes_is_shown_as_typed(
    project: Store, env: dict[str, str]
) -> None:
    project.update("meetings", STAND_UP, {"title": "Review [draft]\x1b]0;owned\x07"})
    app = make_app(project, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "c")
        await pilot.pause()
        question = str(app.screen.query_one("#question").render())
        assert question.startswith("Cancel Review [draft]") and "\x1b" not in question
        await pilot.press("n", "enter")
        await pilot.pause()
        caption = str(app.screen.query_one("#occurrence-caption").render())
        assert caption.startswith("Review [draft]") and "\x1b" not in caption


def test_the_agenda_caption_weighs_the_time_set_aside_against_the_length() -> None:
    meeting = {"length": 30}
    assert agenda_caption([], meeting) == "Agenda · empty · a adds an item"
    one = [{"minutes_allowed": 5}]
    assert agenda_caption(one, meeting) == "Agenda · 1 item, 5 of 30 min · a adds one"
    two = [{"minutes_allowed": 10}, {"minutes_allowed": 25}]
    assert agenda_caption(two, meeting) == (
        "Agenda · 2 items, 35 of 30 min, 5 min over · a adds one"
    )


async def test_minutes_another_session_saved_meanwhile_are_a_conflict_not_overwritten(
    project: Store, env: dict[str, str]
) -> None:
    row = project.add(
        "occurrences",
        {
            "meeting": STAND_UP,
            "scheduled": "2026-11-30T09:30",
            "start": "2026-11-30T09:30",
            "minutes": "First notes",
        },
    )
    app = make_app(project, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "enter", "w")
        await pilot.pause()
        other = reopened(project)
        other.update("occurrences", row["key"], {"minutes": "Their notes"})
        await type_text(pilot, " and mine")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert reopened(project).require("occurrences", row["key"])["minutes"] == "Their notes"
        assert minutes_text(app) == "First notes and mine"  # nothing typed is lost
        await pilot.press("ctrl+s")  # again, knowing: theirs replaced
        await pilot.pause()
    saved = reopened(project).require("occurrences", row["key"])["minutes"]
    assert saved == "First notes and mine"
