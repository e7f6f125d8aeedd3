"""The verbs every board shares (add, edit, delete, filter, back) have one binding id each,
so one [keymap] line moves a verb on every board that has it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding

from pmtui.areas import BoardSpec
from pmtui.boards.area import AreaScreen
from pmtui.boards.base import Board
from pmtui.boards.registry import BOARDS, area, boards_of
from pmtui.config import Config, load_config
from pmtui.screens.line_prompt import LinePromptModal
from pmtui.screens.record_form import RecordForm
from pmtui.store import Store
from pmtui.tables import record_type
from tests.bindings import declared_bindings
from tests.uihelpers import demo_store, isolated_env, make_app


def _class_of(spec_widget: str) -> type[Board]:
    module, _, name = spec_widget.partition(":")
    return getattr(__import__(module, fromlist=[name]), name)  # type: ignore[no-any-return]


def _ids(spec_widget: str) -> set[str]:
    return {b.id for b in _bindings(_class_of(spec_widget)) if b.id}


def _bindings(board: type[Board]) -> list[Binding]:
    """The bindings a board class declares and inherits."""
    found = [b for cls in board.__mro__ for b in getattr(cls, "BINDINGS", [])]
    return [b for b in found if isinstance(b, Binding)]


def _keys_to(spec: BoardSpec) -> list[str]:
    """The keys a person types to reach the board: its area's digit, then ] to its tab."""
    tabs = boards_of(spec.area)
    return [str(area(spec.area).number), *["right_square_bracket"] * tabs.index(spec)]


#: Boards whose cursor does not start on a record: the keys that reach one (the allocation
#: grid edits what a cell's detail view lists: Chen Wei's week).
TO_A_RECORD = {"allocation": ["j"] * 10 + ["enter"]}

ADDING = [spec for spec in BOARDS if "record-add" in _ids(spec.widget)]
EDITING = [spec for spec in BOARDS if "record-edit" in _ids(spec.widget)]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_store(tmp_path_factory.mktemp("demo")).path


def test_the_shared_verbs_are_declared_on_most_boards() -> None:
    # Every board that adds records says so with the one id; a board with its own "add"
    # binding under another id would escape the keymap line.
    assert {s.name for s in ADDING} >= {
        "wbs",
        "milestones",
        "team",
        "allocation",
        "notes",
        "staffing",
        "leave",
        "directory",
        "compare",
        "quotes",
    }
    for spec in BOARDS:
        for binding in _bindings(_class_of(spec.widget)):
            if binding.action in ("add", "edit", "delete", "filter"):
                shared = ("record-add", "record-edit", "record-delete", "list-filter")
                assert binding.id in shared, (spec.name, binding)


@pytest.mark.parametrize("spec", ADDING, ids=[s.name for s in ADDING])
async def test_keymap_record_add_moves_add_on_every_board(
    spec: BoardSpec, demo: Path, tmp_path: Path
) -> None:
    store = Store.open(demo)
    app = make_app(store, isolated_env(tmp_path), Config(keymap={"record-add": "n"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*_keys_to(spec))
        await pilot.press("a")
        assert isinstance(app.screen, AreaScreen), "a still adds after the keymap moved it"
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        if isinstance(form, LinePromptModal):  # Today and Budget add from one line
            assert str(form.query_one("#prompt-title").render()).startswith("Add ")
            return
        assert isinstance(form, RecordForm), f"n did not add on {spec.name}"
        assert str(form.query_one("#form-title").render()).startswith("Add ")


@pytest.mark.parametrize("spec", EDITING, ids=[s.name for s in EDITING])
async def test_keymap_record_edit_moves_edit_on_every_board(
    spec: BoardSpec, demo: Path, tmp_path: Path
) -> None:
    store = Store.open(demo)
    if spec.table and not store.records(spec.table):  # a table the demo does not fill yet
        store.add(spec.table, {record_type(spec.table).label_field: "One to edit"})
    app = make_app(store, isolated_env(tmp_path), Config(keymap={"record-edit": "o"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*_keys_to(spec))
        screen = app.screen
        assert isinstance(screen, AreaScreen)
        board = screen.board
        assert board is not None
        await pilot.press(*TO_A_RECORD.get(spec.name, ()))
        assert board.chosen() is not None
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm), f"o did not edit on {spec.name}"


def test_an_old_binding_id_in_the_keymap_is_reported_once_with_its_replacement(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keymap]\nteam-add = "n"\nboard-edit = "o"\nrecord-delete = "x"\n')
    config, warnings = load_config(path)
    assert config.keymap == {"record-delete": "x"}
    assert warnings == [
        "config.toml: keymap.team-add no longer exists (ignored): it is now 'record-add'",
        "config.toml: keymap.board-edit no longer exists (ignored): it is now 'record-edit'",
    ]


def test_readme_lists_every_binding_id() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    missing = [i for i in declared_bindings() if f"`{i}`" not in readme]
    assert missing == []
