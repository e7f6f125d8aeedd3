"""A message under a field is about what was typed there when the form was saved: once the
field is changed, the message goes (the next save checks it again), so a corrected field
never reads "'tom' is not a date" under "wed". Keys only."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from pmtui.screens.record_form import RecordForm
from pmtui.store import Store
from tests.uihelpers import TODAY, isolated_env, make_app, type_text


async def test_a_corrected_field_loses_its_old_message(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "p.json", {"name": "P", "start": "2026-09-01"}, today=TODAY)
    app = make_app(store, isolated_env(tmp_path), start_area=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("A")  # Today: the full action form
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        await type_text(pilot, "Book the UAT rooms")
        await pilot.press("enter", "enter")  # owner left empty; due
        await type_text(pilot, "tom")
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = form.query_one("#error-due", Static)
        assert "'tom' is not a date" in str(error.render()) and error.has_class("shown")
        await pilot.press("backspace", "backspace", "backspace")
        await type_text(pilot, "wed")
        await pilot.pause()
        assert not error.has_class("shown")
        assert "tom" not in str(error.render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, RecordForm)
    assert [a["due"] for a in store.records("actions")] == ["2026-12-02"]
