"""Generate a project file with many people (the one big table so far), for benchmarks.

Usage: python bench/make_project.py OUT.json [--people 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date
from pathlib import Path

from pmtui.generate import generate_rows
from pmtui.store import Store

TODAY = date(2026, 3, 2)
#: The first people have no manager; everyone after reports to one of them.
MANAGERS = 100


def make_project(path: Path, people: int = 10_000, seed: int = 1) -> Path:
    """Create `path` holding a project and `people` generated people, in one write."""
    rng = random.Random(seed)
    store = Store.create(path, {"name": "Benchmark project", "start": "2026-01-05"}, today=TODAY)
    bosses = min(MANAGERS, people)
    rows = generate_rows("people", bosses, rng, {"people": []})
    rows += generate_rows(
        "people", people - bosses, rng, {"people": [f"P{n}" for n in range(1, bosses + 1)]}
    )
    with store.transaction(f"generate {people} people"):
        for row in rows:
            store.add("people", row)
    store.close()
    return path


def main(argv: list[str] | None = None) -> int:
    """Write the project named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.out.exists():
        parser.error(f"{args.out} exists; remove it first")
    make_project(args.out, args.people, args.seed)
    print(f"{args.out}: {args.people} people, {args.out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
