"""A cursor move does not redraw the footer when its keys stay the same (issue 13: a
cursor move's bytes; the footer line was a third of them)."""

from __future__ import annotations

from pathlib import Path

from pytest import MonkeyPatch
from textual.content import Content

from pmtui.widgets.key_footer import KeyFooter
from tests.uihelpers import demo_store, isolated_env, make_app


async def test_a_cursor_move_leaves_the_footer_alone(
    tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    drawn: list[str] = []
    real = KeyFooter.render

    def counted(self: KeyFooter) -> Content:
        content = real(self)
        drawn.append(content.plain)
        return content

    monkeypatch.setattr(KeyFooter, "render", counted)
    store = demo_store(tmp_path)
    app = make_app(store, isolated_env(tmp_path), start_area="vendors")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        drawn.clear()
        for _ in range(3):
            await pilot.press("j")
            await pilot.pause()
        assert drawn == []
        app.screen.query_one(KeyFooter).refresh()  # a change it is told of is drawn
        await pilot.pause()
        assert len(drawn) == 1 and "Edit" in drawn[0]
