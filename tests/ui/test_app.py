"""The app shell driven as a person does: keys in, then the store and the screen checked."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from pmtui.app import PmtuiApp
from pmtui.boards.area import AreaScreen
from pmtui.boards.keys import fill
from pmtui.boards.palette import action_entries
from pmtui.boards.registry import AREAS, boards_of
from pmtui.config import Config
from pmtui.screens.confirm import ConfirmModal
from pmtui.screens.help import HelpModal
from pmtui.screens.record_form import RecordForm
from pmtui.screens.search import SearchModal
from pmtui.store import Store
from pmtui.widgets.key_footer import KeyFooter
from pmtui.widgets.record_table import RecordTable
from pmtui.widgets.status_bar import StatusBar
from tests.uihelpers import TODAY, isolated_env, make_app, reopened, table_text, type_text


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return isolated_env(tmp_path)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A small project with three people and their leave."""
    s = Store.create(
        tmp_path / "p.json", {"name": "ERP Roll-out", "start": "2026-09-01"}, today=TODAY
    )
    for name, role, rate in [
        ("Anna Berg", "PM", 120),
        ("Bob Smith", "Developer", 85),
        ("Chen Li", "Architect", 110),
    ]:
        s.add("people", {"name": name, "role": role, "rate": rate})
    for person, start, finish, note in [
        ("P1", "2026-12-21", "2026-12-31", "Christmas"),
        ("P2", "2027-01-11", "2027-01-15", "Ski trip"),
        ("P3", "2027-02-01", "2027-02-02", "Moving house"),
    ]:
        s.add("leave", {"person": person, "from": start, "to": finish, "note": note})
    return s


#: The People area's generic board (built only from the leave table's schema) is its last
#: tab: 3 opens the area on Team, [ goes round to Leave.
GENERIC_BOARD = ("3", "left_square_bracket")
LEAVE_TABLE = "#people-leave RecordTable"


class TestGenericBoard:
    """Add, edit, delete, undo and redo on a board made only of generic pieces, by keys."""

    async def test_add_saves_to_the_file(self, store: Store, env: dict[str, str]) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*GENERIC_BOARD, "a")
            assert isinstance(app.screen, RecordForm)
            await type_text(pilot, "Bob Smith")  # the first field a person fills
            await pilot.press("down")
            await type_text(pilot, "2026-12-07")
            await pilot.press("down")
            await type_text(pilot, "2026-12-09")
            await pilot.press("up", "up", "up", "up")  # round to the key, which comes last
            await pilot.press("ctrl+u", "L", "9")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, AreaScreen)
            assert "2026-12-07" in table_text(app, LEAVE_TABLE)
        saved = reopened(store).require("leave", "L9")
        assert (saved["person"], saved["from"], saved["to"]) == ("P2", "2026-12-07", "2026-12-09")

    async def test_edit_shows_the_parser_message_then_saves_the_fix(
        self, store: Store, env: dict[str, str]
    ) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*GENERIC_BOARD, "j", "e")  # Bob Smith's ski trip
            form = app.screen
            assert isinstance(form, RecordForm)
            until = form.query_one("#field-to", Input)
            until.focus()
            await pilot.press("ctrl+u", *"abc", "ctrl+s")
            assert app.screen is form
            error = str(form.query_one("#error-to").render())
            assert "is not a date" in error
            assert reopened(store).require("leave", "LV2")["to"] == "2027-01-15"
            await pilot.press("ctrl+u", *"2027-01-22", "ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, AreaScreen)
        assert reopened(store).require("leave", "LV2")["to"] == "2027-01-22"

    async def test_escape_closes_the_form_without_saving(
        self, store: Store, env: dict[str, str]
    ) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*GENERIC_BOARD, "e", "ctrl+u", *"Zed", "escape")
            assert isinstance(app.screen, ConfirmModal)  # typed changes: asks first
            await pilot.press("y")
            assert isinstance(app.screen, AreaScreen)
        assert reopened(store).require("leave", "LV1")["key"] == "LV1"
        assert reopened(store).require("leave", "LV1")["note"] == "Christmas"

    async def test_delete_undo_redo(self, store: Store, env: dict[str, str]) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*GENERIC_BOARD, "G", "d")
            assert "Delete leave Moving house?" in str(app.screen.query_one("#question").render())
            await pilot.press("y")
            await pilot.pause()
            assert reopened(store).get("leave", "LV3") is None
            assert "Moving house" not in table_text(app, LEAVE_TABLE)
            await pilot.press("u")
            await pilot.pause()
            assert reopened(store).require("leave", "LV3")["note"] == "Moving house"
            assert "Moving house" in table_text(app, LEAVE_TABLE)
            await pilot.press("ctrl+r")
            await pilot.pause()
            assert reopened(store).get("leave", "LV3") is None

    async def test_declining_the_confirmation_keeps_the_record(
        self, store: Store, env: dict[str, str]
    ) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*GENERIC_BOARD, "d", "n")
            await pilot.pause()
        assert reopened(store).require("leave", "LV1")["note"] == "Christmas"

    async def test_filter_narrows_the_list(self, store: Store, env: dict[str, str]) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*GENERIC_BOARD, "slash", *"ski")
            table = app.screen.query_one(LEAVE_TABLE, RecordTable)
            assert table.row_count == 1
            await pilot.press("escape")
            assert table.row_count == 3


class TestProjectSettings:
    """The Project area edits the one project record."""

    async def test_e_on_a_setting_opens_the_form_on_that_field(
        self, store: Store, env: dict[str, str]
    ) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("9", "j", "j", "e")  # Name, Code, Sponsor
            form = app.screen
            assert isinstance(form, RecordForm)
            assert str(form.query_one("#form-title").render()) == "Edit project"
            assert form.focused is form.query_one("#field-sponsor", Input)


class TestAreas:
    """Every area answers its digit, alt+digit and the palette."""

    @pytest.mark.parametrize("number", [a.number for a in AREAS])
    async def test_digit_and_alt_digit_switch_area(
        self, store: Store, env: dict[str, str], number: int
    ) -> None:
        mode = AREAS[number - 1].name
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(str(number))
            assert app.current_mode == mode
            await pilot.press("9" if number != 9 else "1")
            await pilot.press(f"alt+{number}")
            assert app.current_mode == mode

    async def test_a_key_typed_straight_after_the_digit_reaches_the_new_area(
        self, store: Store, env: dict[str, str]
    ) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            # Both keys arrive before the People screen is mounted (a fast typist, a paste).
            for key, character in (("3", "3"), ("right_square_bracket", "]")):
                app.post_message(events.Key(key, character))
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, AreaScreen) and screen.area == "people"
            assert screen.boards[screen.current].name == "allocation"

    async def test_moves_typed_straight_after_the_digit_move_the_new_areas_cursor(
        self, store: Store, env: dict[str, str]
    ) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            for key in ("3", "j", "j"):
                app.post_message(events.Key(key, key))
            await pilot.pause()
            assert app.screen.query_one("#team", RecordTable).cursor_row_key == "P3"

    async def test_alt_digit_works_while_typing_in_a_filter(
        self, store: Store, env: dict[str, str]
    ) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*GENERIC_BOARD, "slash", "1")
            assert app.current_mode == "people"  # the digit went into the filter
            await pilot.press("alt+9")
            assert app.current_mode == "project"

    async def test_palette_lists_each_command_once(self, store: Store, env: dict[str, str]) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*GENERIC_BOARD)
            await pilot.pause()
            titles = [entry.title for entry in action_entries(_Provider(app))]  # type: ignore[arg-type]
            assert len(titles) == len(set(titles))
            assert titles.count("area: Go to People") == 1

    async def test_palette_switches_area(self, store: Store, env: dict[str, str]) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+p")
            await type_text(pilot, "Go to People")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause(0.2)
            assert app.current_mode == "people"

    async def test_opens_on_today(self, store: Store, env: dict[str, str]) -> None:
        app = make_app(store, env, start_area=None)
        async with app.run_test(size=(80, 24)):
            assert app.current_mode == "today"
            assert app.screen.query_one("#tabs").render().plain.startswith("Today")

    async def test_opens_on_the_start_area_it_is_given(
        self, store: Store, env: dict[str, str]
    ) -> None:
        app = make_app(store, env, start_area="vendors")
        async with app.run_test(size=(80, 24)):
            assert app.current_mode == "vendors"
            assert "Vendors │ Compare │ Quotes" in app.screen.query_one("#tabs").render().plain

    async def test_the_area_bar_dims_areas_without_boards_unless_pinned(
        self, store: Store, env: dict[str, str]
    ) -> None:
        for pinned in (False, True):
            app = make_app(store, env, pinned=pinned)
            async with app.run_test(size=(80, 24)):
                bar = app.screen.query_one("#areas").render()
                dimmed = {
                    bar.plain[span.start : span.end]
                    for span in bar.spans
                    if "text-muted" in str(span.style)
                }
                empty = {a.title for a in AREAS if not a.boards}
                assert dimmed == (set() if pinned else empty)


class TestSearch:
    """ctrl+f finds a record in any table and enter jumps to it."""

    async def test_search_jumps_to_the_record(self, store: Store, env: dict[str, str]) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+f")
            assert isinstance(app.screen, SearchModal)
            await type_text(pilot, "archit")
            await pilot.press("enter")
            await pilot.pause(0.2)
            assert app.current_mode == "people"
            assert app.screen.query_one(RecordTable).cursor_row_key == "P3"


class TestKeys:
    """Keymaps, help and palette agree with the bindings."""

    async def test_keymap_remaps_a_binding(self, store: Store, env: dict[str, str]) -> None:
        app = make_app(store, env, Config(keymap={"record-add": "n"}))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*GENERIC_BOARD, "a")
            assert isinstance(app.screen, AreaScreen)
            await pilot.press("n")
            assert isinstance(app.screen, RecordForm)
            await pilot.press("escape")
            keys, _palette = app.screen.query_one(KeyFooter).line()
            assert "n Add " in keys.plain and "a Add" not in keys.plain

    async def test_footer_shows_the_focused_boards_keys_and_the_palette_key_on_the_right(
        self, store: Store, env: dict[str, str]
    ) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            footer = app.screen.query_one(KeyFooter)
            # Project has two boards (Settings, Closure): the tab keys follow the board's.
            assert (
                footer.line()[0].plain
                == "e Edit [ Prev tab ] Next tab ^f Search u Undo ? Help q Quit "
            )
            await pilot.press(*GENERIC_BOARD)
            await pilot.pause()
            footer = app.screen.query_one(KeyFooter)
            line = footer.render().plain
            # The board's own keys first; cut at the palette key, which keeps the last columns.
            assert line.startswith("a Add e Edit d Delete / Filter [ Prev tab ] Next tab")
            assert (len(line), line[-12:]) == (80, "▏^p palette ")

    async def test_footer_dims_a_key_that_cannot_act_now(
        self, store: Store, env: dict[str, str]
    ) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("3")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, AreaScreen)

            def dimmed() -> set[str]:
                keys = screen.query_one(KeyFooter).line()[0]
                return {keys.plain[s.start : s.end] for s in keys.spans if "dim" in str(s.style)}

            assert dimmed() == set()
            # Textual's rule: check_action returning None shows the key disabled (dim).
            screen.check_action = lambda action, parameters: None if action == "tab" else True  # type: ignore[method-assign]
            screen.refresh_bindings()
            await pilot.pause()
            assert dimmed() == {"[", " Prev tab ", "]", " Next tab "}

    @pytest.mark.parametrize("number", [a.number for a in AREAS])
    async def test_every_binding_of_every_board_is_in_help_and_palette(
        self, store: Store, env: dict[str, str], number: int
    ) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(str(number))
            await pilot.pause()
            for _tab in range(max(1, len(boards_of(AREAS[number - 1].name)))):
                screen = app.screen
                active = [b for b in screen.active_bindings.values() if b.enabled]
                entries = action_entries(_Provider(app))  # type: ignore[arg-type]
                palette = {entry.action for entry in entries}
                await pilot.press("question_mark")
                assert isinstance(app.screen, HelpModal)
                in_help = {(line.description, line.tooltip) for line in app.screen.lines}
                await pilot.press("escape")
                for item in active:
                    binding = item.binding
                    assert (binding.description, fill(binding.tooltip, item.node)) in in_help
                    assert binding.action in palette, binding.id
                titles = {entry.title for entry in entries}
                assert {"app: Undo last change", "app: Search everything"} <= titles
                if number == 9 and _tab == 0:  # Settings, the Project area's first board
                    assert "project: Edit settings" in titles
                await pilot.press("right_square_bracket")
                await pilot.pause()


class _Provider:
    """The bits of a palette Provider that action_entries reads."""

    def __init__(self, app: PmtuiApp) -> None:
        self.app = app
        self.screen = app.screen


class TestSessions:
    """Another session's save reloads the view without losing an open form."""

    async def test_external_change_reloads_and_keeps_the_form(
        self, store: Store, env: dict[str, str]
    ) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*GENERIC_BOARD, "a", *"Half")
            other = Store.open(store.path, today=TODAY)
            other.add("leave", {"person": "P1", "from": "2027-03-01", "to": "2027-03-05",
                                "note": "Conference"})  # fmt: skip
            await pilot.pause(1.8)
            form = app.screen
            assert isinstance(form, RecordForm)
            assert form.query_one("#field-person", Input).value == "Half"
            await pilot.press("escape", "y")  # typed changes: asks first
            await pilot.pause()
            assert "Conference" in table_text(app, LEAVE_TABLE)

    @staticmethod
    def status(app: PmtuiApp) -> str:
        return str(app.screen.query_one(StatusBar).render())

    async def _edit_note(self, pilot: Pilot[None], text: str) -> None:
        await pilot.press("e")
        form = pilot.app.screen
        assert isinstance(form, RecordForm)
        form.query_one("#field-note", Input).focus()
        await pilot.press("ctrl+u", *text, "ctrl+s")
        await pilot.pause()

    async def test_an_edit_another_session_beat_says_conflict_until_a_save_lands(
        self, store: Store, env: dict[str, str]
    ) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*GENERIC_BOARD)
            assert "saved" in self.status(app)
            other = Store.open(store.path, today=TODAY)
            other.update("leave", "LV1", {"note": "Xmas"})  # before this session polls
            await self._edit_note(pilot, "Holiday")
            assert isinstance(app.screen, RecordForm)  # reopened, with what was typed
            await pilot.press("escape", "y")  # not saved: asks, keeps it as a draft
            await pilot.pause()
            assert "conflict" in self.status(app)
            assert reopened(store).require("leave", "LV1")["note"] == "Xmas"
            await pilot.press("j")
            await self._edit_note(pilot, "Skiing")
            assert isinstance(app.screen, AreaScreen)
            assert "saved" in self.status(app) and "conflict" not in self.status(app)

    async def test_a_file_that_cannot_be_written_says_not_saved(
        self, store: Store, env: dict[str, str]
    ) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*GENERIC_BOARD)
            store.path.chmod(0o400)
            try:
                await self._edit_note(pilot, "Holiday")
                await pilot.press("escape", "y")  # not saved: asks, keeps it as a draft
                await pilot.pause()
                assert "not saved" in self.status(app)
            finally:
                store.path.chmod(0o600)
            await pilot.press("e")
            assert isinstance(app.screen, ConfirmModal)  # the draft is offered back
            await pilot.press("y")
            form = app.screen
            assert isinstance(form, RecordForm)
            assert form.query_one("#field-note", Input).value == "Holiday"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "not saved" not in self.status(app) and "saved" in self.status(app)
        assert reopened(store).require("leave", "LV1")["note"] == "Holiday"


class TestThemes:
    """Themes come from TOML files; the palette's choice is remembered in state.toml."""

    async def test_theme_chosen_in_the_palette_is_remembered(
        self, store: Store, env: dict[str, str]
    ) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.theme == "pmtui-dark"
            await pilot.press("ctrl+p")
            await type_text(pilot, "theme")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause(0.2)
            await type_text(pilot, "pmtui-light")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause(0.2)
            assert app.theme == "pmtui-light"
        state = (Path(env["XDG_STATE_HOME"]) / "pmtui" / "state.toml").read_text()
        assert 'theme = "pmtui-light"' in state
        again = make_app(store, env)
        async with again.run_test(size=(80, 24)):
            assert again.theme == "pmtui-light"

    async def test_unknown_theme_in_config_falls_back_and_says_so(
        self, store: Store, env: dict[str, str]
    ) -> None:
        app = make_app(store, env, Config(theme="no-such-theme"))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.theme == "pmtui-dark"
            messages = [n.message for n in app._notifications]
            assert sum("no-such-theme" in m for m in messages) == 1

    async def test_a_bad_user_theme_is_reported_once(
        self, store: Store, env: dict[str, str]
    ) -> None:
        themes = Path(env["XDG_CONFIG_HOME"]) / "pmtui" / "themes"
        themes.mkdir(parents=True)
        (themes / "broken.toml").write_text('name = "broken"\nprimary = "not a colour"\n')
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            assert sum("broken.toml" in m for m in messages) == 1
            assert app.theme == "pmtui-dark"


class TestStartUp:
    """What `pmtui PROJECT` does around the first frame."""

    async def test_a_collector_paused_for_start_up_is_resumed_after_the_first_frame(
        self, store: Store, env: dict[str, str]
    ) -> None:
        gc.disable()
        try:
            app = PmtuiApp(store, Config(), env=env, gc_paused=True)
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                assert not gc.isenabled()  # the first frame is drawn with it paused
                await pilot.pause(0.7)
                assert gc.isenabled()
                assert gc.get_freeze_count() > 0  # start-up's survivors are left out
        finally:
            gc.unfreeze()
            gc.enable()

    async def test_an_app_not_told_of_a_pause_leaves_the_collector_alone(
        self, store: Store, env: dict[str, str]
    ) -> None:
        gc.disable()
        try:
            async with make_app(store, env).run_test(size=(80, 24)) as pilot:
                await pilot.pause(0.7)
                assert not gc.isenabled()
        finally:
            gc.enable()
