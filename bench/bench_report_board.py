"""Issue 20's app bench: the Reports area on a 10k-record project, headless (Textual's
Pilot). Not a test; figures go to the report of the branch.

Run:  python bench/bench_report_board.py [--total 10000] [--runs 3]

Per run, on a fresh copy of one generated project (bench/bench_scale.py's generator): the
time from `8` until the key returns (the board shows "Building the report…"), a tab switch
(`]`, `[`) while the report is built (the keys do not wait for it), and the time from `8`
until the preview holds the report (the worker's build). Medians of `--runs`.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_scale import TODAY, generate  # noqa: E402

from pmtui.app import PmtuiApp  # noqa: E402
from pmtui.config import Config  # noqa: E402
from pmtui.store import Store  # noqa: E402
from pmtui.widgets.report_preview import ReportPreview  # noqa: E402


async def one_run(path: Path, folder: Path) -> dict[str, float]:
    """Open the project on Settings, press 8, a tab there and back, wait for the report."""
    env = {"XDG_STATE_HOME": str(folder / "state"), "PMTUI_TODAY": TODAY.isoformat()}
    store = Store.open(path, today=TODAY)
    app = PmtuiApp(store, Config(), env=env, start_area="project")
    figures: dict[str, float] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()  # the status line's RAG, worked out first
        await pilot.pause()
        start = time.perf_counter()
        await pilot.press("8")
        figures["8 returns"] = time.perf_counter() - start
        tab = time.perf_counter()
        await pilot.press("right_square_bracket", "left_square_bracket")
        figures["tab and back while building"] = time.perf_counter() - tab
        while not app.screen.query_one(ReportPreview).text.startswith("# Status report"):
            await asyncio.sleep(0.01)
        figures["8 to the report shown"] = time.perf_counter() - start
    store.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        made = folder / "made.json"
        counts = generate(made, args.total)
        print(f"{sum(counts.values())} records, {counts.get('tasks', 0)} tasks")
        results: dict[str, list[float]] = {}
        for run in range(args.runs):
            path = folder / f"run{run}.json"
            shutil.copy(made, path)
            for name, value in asyncio.run(one_run(path, folder)).items():
                results.setdefault(name, []).append(value)
        for name, values in results.items():
            shown = ", ".join(f"{v * 1000:.0f}" for v in values)
            print(f"{name:30} median {statistics.median(values) * 1000:7.0f} ms  ({shown})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
