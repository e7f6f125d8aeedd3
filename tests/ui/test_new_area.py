"""A new table with a board needs one record module and one line in its area's declaration:
the form, the board (computed column filled), show, export, search, the palette and the
file-format documentation all follow, and no existing snapshot changes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pmtui import formatdoc, tables
from pmtui.boards.palette import action_entries
from pmtui.cli import main
from pmtui.schema import Kind, RecordType
from pmtui.search import search
from pmtui.store import Store
from tests.uihelpers import make_app, table_text, type_text

REPO = Path(__file__).resolve().parents[2]


class _Provider:
    """The bits of a palette Provider that action_entries reads."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.screen = app.screen


@pytest.mark.usefixtures("throwaway_area")
class TestThrowawayArea:
    """Everything the declarations drive finds the throwaway table."""

    async def test_form_board_and_palette(self, store: Store, isolated_env: dict[str, str]) -> None:
        app = make_app(store, isolated_env, start_area="project")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("7", "left_square_bracket")  # its last tab: Gadgets
            assert app.current_mode == "comms"
            assert "Gadgets" in app.screen.query_one("#tabs").render().plain
            titles = {entry.title for entry in action_entries(_Provider(app))}  # type: ignore[arg-type]
            assert {"comms: Add gadget", "board: Open Comms › Gadgets"} <= titles
            await pilot.press("a")
            assert app.screen.query_one("#form-title").render().plain == "Add gadget"
            await type_text(pilot, "Docking station")
            await pilot.press("tab")
            await type_text(pilot, "120")
            await pilot.press("tab")
            await type_text(pilot, "3")
            await pilot.press("ctrl+s")
            await pilot.pause()
            saved = store.records("gadgets")
            assert [(r["title"], r["price"], r["quantity"]) for r in saved] == [
                ("Docking station", 120.0, 3)
            ]
            assert "total" not in saved[0]  # computed: shown, never stored
            assert "Docking station" in table_text(app, "#comms-gadgets RecordTable")
            assert "360.00" in table_text(app, "#comms-gadgets RecordTable")

    def test_show_export_search_and_format(
        self, store: Store, capsys: pytest.CaptureFixture[str]
    ) -> None:
        store.add("gadgets", {"title": "Headset", "price": "80", "quantity": "5"})
        assert main(["show", str(store.path), "gadgets"]) == 0
        shown = capsys.readouterr().out
        assert "Headset" in shown and "400.00" in shown
        assert main(["show", str(store.path), "gadgets", "--json"]) == 0
        record = json.loads(capsys.readouterr().out)["gadgets"][0]
        assert (record["title"], record["total"]) == ("Headset", 400.0)
        assert main(["export", str(store.path), "--table", "gadgets", "--format", "csv"]) == 0
        assert capsys.readouterr().out.splitlines() == [
            "key,title,price,quantity,total",
            "G1,Headset,80.00,5,400.00",
        ]
        hits = search(store, "headset")
        assert [(h.board, h.table, h.key) for h in hits] == [("comms.gadgets", "gadgets", "G1")]
        document = formatdoc.generate()
        assert "## gadgets" in document and "Price times quantity." in document


def test_every_record_type_names_a_board_that_exists() -> None:
    assert tables.undeclared_boards() == {}


def test_a_record_type_naming_no_board_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = tables.load_all()
    wrong = RecordType("widgets", "widget", "W", (), board="money.widgets")
    monkeypatch.setitem(registry, "widgets", wrong)
    assert tables.undeclared_boards() == {"widgets": "money.widgets"}


def test_the_throwaway_area_changes_no_existing_snapshot() -> None:
    """Every snapshot test passes unchanged with the throwaway board declared (Comms' own
    are skipped: its tabs line shows the throwaway board, so their snapshots go unused)."""
    env = {**os.environ, "PMTUI_TEST_THROWAWAY_AREA": "1"}
    command = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "--snapshot-warn-unused"]
    result = subprocess.run(
        [sys.executable, *command, "tests/snapshots"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout and "failed" not in result.stdout


def test_the_throwaway_kinds_are_plain() -> None:
    """The throwaway table uses kinds every area already has (nothing special-cased)."""
    from tests import throwaway_area

    assert {f.kind for f in throwaway_area.GADGETS.fields} <= set(Kind)
