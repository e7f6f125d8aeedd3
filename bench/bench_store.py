"""How fast the store saves a 10k-record project, against the floor of writing the bytes at all.

Usage: python bench/bench_store.py [--people 10000] [--repeat 15]

Measures in one run, side by side: (a) the durable save of one edit through
Store.update; (b) the floor: json.dumps with the options of pmtui.store.store.encode,
then write, fsync, rename and fsync of the folder; (c) `pmtui show PROJECT people` in
a subprocess; (d) `python -c "import pmtui.cli"`. Prints medians and (a)/(b); the goal
is (a) <= 1.5 x (b).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from make_project import TODAY, make_project

from pmtui.store import Store
from pmtui.store.store import encode

GOAL = 1.5


def floor_save(path: Path, data: dict[str, Any]) -> None:
    """Serialise and durably replace `path`, with nothing else: what any save must pay."""
    raw = (json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode()
    temp = path.with_name(f".{path.name}.floor.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, raw)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run_quietly(command: list[str]) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def main(argv: list[str] | None = None) -> int:
    """Generate the project, measure the four figures, print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="pmtui-bench-"))
    try:
        project = make_project(folder / "bench.json", args.people)
        floor_path = folder / "floor.json"
        shutil.copy(project, floor_path)
        store = Store.open(project, today=TODAY)
        floor_data = json.loads(project.read_bytes())
        raw = (json.dumps(floor_data, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode()
        assert raw == encode(floor_data), "the floor must serialise exactly as the store does"
        middle = f"P{args.people // 2}"
        saves: list[float] = []
        floors: list[float] = []
        for number in range(args.repeat):
            # Interleaved, so that a busy moment on the machine hits both alike.
            name = f"Edited {number}"

            def save_one(name: str = name) -> None:
                store.update("people", middle, {"name": name})

            saves.append(timed(save_one))
            floor_data["people"][middle[1:]]["name"] = name
            floors.append(timed(lambda: floor_save(floor_path, floor_data)))
        assert store.get("people", middle) == Store.open(project).get("people", middle)
        pmtui = [sys.executable, "-m", "pmtui", "show", str(project), "people"]
        shows = [timed(lambda: run_quietly(pmtui)) for _ in range(args.repeat)]
        importing = [sys.executable, "-c", "import pmtui.cli"]
        imports = [timed(lambda: run_quietly(importing)) for _ in range(args.repeat)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    save, floor = statistics.median(saves), statistics.median(floors)
    rows = [
        ("(a) durable save of one edit (Store.update)", save),
        ("(b) floor: dumps, write, fsync, rename, fsync dir", floor),
        ("(c) pmtui show PROJECT people", statistics.median(shows)),
        ("(d) python -c 'import pmtui.cli'", statistics.median(imports)),
    ]
    print(f"project: {args.people:,} people, {len(raw):,} bytes; medians of {args.repeat}")
    for label, seconds in rows:
        print(f"{label:<52}{seconds * 1000:8.1f} ms")
    print(f"{'ratio (a)/(b)':<52}{save / floor:8.2f}    (goal <= {GOAL})")
    return 0 if save / floor <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
