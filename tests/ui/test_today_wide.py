"""On a wide terminal Today gives the owner and the board their whole names (the title
had all the spare width while 'Samuel Okaf…' and 'Needs & s…' were cut); at 80 columns
the title keeps its share."""

from __future__ import annotations

from pathlib import Path

from pmtui.widgets.agenda_list import AgendaList
from tests.uihelpers import demo_store, isolated_env, make_app


async def test_owner_and_board_whole_at_120_columns(tmp_path: Path) -> None:
    app = make_app(demo_store(tmp_path), isolated_env(tmp_path), start_area=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = app.screen.query_one("#today-list", AgendaList).lines()
        shown = "\n".join(lines)
        assert "Dr. Katharina Weber" in shown
        assert any("Needs & surveys" in line for line in lines), shown
        assert "…" not in next(line for line in lines if "Chase the bank" in line)


async def test_at_80_columns_the_title_keeps_its_share(tmp_path: Path) -> None:
    app = make_app(demo_store(tmp_path), isolated_env(tmp_path), start_area=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = app.screen.query_one("#today-list", AgendaList).lines()
        row = next(line for line in lines if "Chase the bank" in line)
        assert "Chase the bank for the IBAN…" in row
