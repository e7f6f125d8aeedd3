"""The power/interest grid shows more names per quadrant on a tall terminal (at 120x40 it
showed three and '+1' above twenty empty lines); at 80x24 it keeps three."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmtui.widgets.power_grid import PowerGrid
from tests.uihelpers import demo_store, isolated_env, make_app


@pytest.mark.parametrize(("size", "whole"), [((80, 24), False), ((120, 40), True)])
async def test_names_per_quadrant_follow_the_height(
    tmp_path: Path, size: tuple[int, int], whole: bool
) -> None:
    store = demo_store(tmp_path)
    for name in ("Lena Vogt", "Jan Berg"):  # five in "keep informed"
        store.add("stakeholders", {"name": name, "power": 2, "interest": 4})
    app = make_app(store, isolated_env(tmp_path))
    async with app.run_test(size=size) as pilot:
        await pilot.press("7", "]")
        await pilot.pause()
        grid = app.screen.query_one(PowerGrid)
        drawn = "\n".join(grid.render_line(y).text for y in range(grid.size.height))
        assert ("Piotr Nowak" in drawn and "Warehouse staff" in drawn) == whole, drawn
        assert ("+2" in drawn) != whole, drawn
