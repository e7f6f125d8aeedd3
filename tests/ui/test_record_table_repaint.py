"""A cursor move redraws the two rows that changed, not the whole table."""

from __future__ import annotations

from pytest import MonkeyPatch
from textual.strip import Strip

from pmtui.widgets import RecordTable
from tests.ui.test_record_table import TableApp, numbered_rows


async def test_a_cursor_move_redraws_only_the_old_and_new_cursor_rows(
    monkeypatch: MonkeyPatch,
) -> None:
    drawn: list[int] = []
    real = RecordTable.render_line

    def counted(self: RecordTable, y: int) -> Strip:
        drawn.append(y)
        return real(self, y)

    monkeypatch.setattr(RecordTable, "render_line", counted)
    app = TableApp(numbered_rows(100))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one(RecordTable)
        table.refresh()
        drawn.clear()
        await pilot.pause()
        full = sorted(set(drawn))
        drawn.clear()
        await pilot.press("j")
        await pilot.pause()
        assert app.highlighted[-1] == "R2"
        assert sorted(set(drawn)) == [1, 2]  # the old and the new cursor rows
        assert len(full) == table.size.height  # a full repaint draws every line
        drawn.clear()
        await pilot.press("G")  # scrolls: the whole table moves
        await pilot.pause()
        assert len(set(drawn)) == table.size.height
        assert "Row 100" in table.render_line(table.size.height - 1).text


async def test_a_row_of_one_style_is_one_segment() -> None:
    # Each segment reaches the terminal with its own colour codes: cells of one style are
    # sent as one (a cursor move was 1.5 KB, now about 300 bytes; bench/bench_scale.py).
    app = TableApp(numbered_rows(10))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one(RecordTable)
        for y in (1, 2):  # the cursor row and a plain one
            segments = list(table.render_line(y))
            assert len({s.style for s in segments}) == len(segments), segments
