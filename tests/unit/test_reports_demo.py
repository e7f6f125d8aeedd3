"""The demo's issued reports tell a story that leads into the project's figures today, as
a steering committee reading the trends would check: no week jumps, CPI agrees with the
percent complete and budget used it was issued with, and the minutes quote nearby figures."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from pmtui.reports.status import gather
from pmtui.store import Store


@pytest.mark.parametrize("day", ["2026-12-07", "2027-02-26"])
def test_the_trends_lead_into_todays_figures(tmp_path: Path, day: str) -> None:
    from pmtui.demo import build_demo, demo_project

    today = date.fromisoformat(day)
    path = tmp_path / "demo.json"
    Store.create(path, demo_project(today), today=today).close()
    store = Store.open(path, today=today)
    build_demo(store)
    report = gather(store)
    snapshots = sorted(store.records("report_snapshots"), key=lambda s: str(s["date"]))
    used = [float(s["budget_used"]) for s in snapshots] + [100 * (report.figures.budget_used or 0)]
    done = [float(s["percent_complete"]) for s in snapshots]
    done.append(100 * (report.figures.percent_complete or 0))
    # A week moves budget used and percent complete by a few points, never by 20.
    assert all(0 <= b - a <= 10 for a, b in pairwise(used)), used
    assert all(0 <= b - a <= 10 for a, b in pairwise(done)), done
    for snapshot in snapshots:  # CPI = EV / AC = % complete / % used (PMBOK 6th ed. 7.4.2.2)
        ratio = float(snapshot["percent_complete"]) / float(snapshot["budget_used"])
        assert float(snapshot["cpi"]) == pytest.approx(ratio, abs=0.01), snapshot
    minutes = " ".join(str(o.get("minutes") or "") for o in store.records("occurrences"))
    quoted = re.search(r"(\d+) % used at (\d+) % complete", minutes)
    assert quoted is not None
    assert used[-2] <= float(quoted[1]) <= used[-1] and done[-2] <= float(quoted[2]) <= done[-1]
