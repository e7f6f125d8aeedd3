"""Record text holding terminal escapes is drawn neutralised by the app (issue 12, item 1)."""

from __future__ import annotations

import re
from pathlib import Path

from pmtui.screens.confirm import ConfirmModal
from pmtui.store import Store
from tests.uihelpers import TODAY, isolated_env, make_app, table_text

HOSTILE = "Ann\x1b]52;c;cHduZWQ=\x07\x1b[2J\u009b6nLee"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


async def test_the_app_draws_record_text_without_live_control_characters(
    tmp_path: Path,
) -> None:
    store = Store.create(tmp_path / "p.json", {"name": "X", "start": "2026-09-01"}, today=TODAY)
    store.add("people", {"name": HOSTILE})
    store.add(
        "leave",
        {"person": "P1", "from": "2026-12-21", "to": "2026-12-22", "note": "Off\x1b]0;owned\x07"},
    )
    app = make_app(store, isolated_env(tmp_path))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("3", "left_square_bracket")  # People, its generic Leave board
        await pilot.pause()
        drawn = table_text(app, "#people-leave RecordTable")
        assert "Ann" in drawn and "Off" in drawn
        assert not RAW_CONTROL.search(drawn), repr(drawn)


async def test_a_name_with_markup_in_it_is_asked_about_as_typed(tmp_path: Path) -> None:
    """ConfirmModal shows its question as text: deleting a person called "[/]Ann" asked
    nothing and stopped the app with a MarkupError."""
    store = Store.create(tmp_path / "p.json", {"name": "P", "start": "2026-11-02"}, today=TODAY)
    store.add("people", {"name": "[/]Ann [b]Lee"})
    app = make_app(store, isolated_env(tmp_path), start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        question = str(app.screen.query_one("#question").render())
        assert question.startswith("Delete person [/]Ann [b]Lee?")
        await pilot.press("y")
        await pilot.pause()
        assert store.records("people") == []
