"""Realistic generated projects for the benches: every table of the registry, at any size,
cached under /tmp so reruns are quick. Not a test.

    python bench/generator.py 1000 10000 100000      (prints each file and its counts)

A project "grown for two years": tasks in phases of 25 with ~1.5 links each, assignments,
action items, performance notes, expenses, vendors with comparisons, criteria and one
score per (vendor, criterion), risks, issues, changes moved through their workflow (their
history in change_events), leave ... Each table the registry holds (pmtui.tables.load_all)
gets rows from its declaration (pmtui.generate, made to obey its area's rules by the
area's test_data module); tables with no share below share what is left, so tables added
later join by themselves. An area's test_data may declare HISTORY (run once every table is
filled, e.g. change workflows) and MADE_BY_HISTORY (tables only it fills).

The cache key holds the size, the seed, the shares, and a fingerprint of the registry and
of this generator's code: a new table or field, or a changed generator, makes new files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pmtui.domain.links import Link, format_links  # noqa: E402
from pmtui.generate import generate_rows, histories  # noqa: E402
from pmtui.store import Store, StoreError  # noqa: E402
from pmtui.tables import dependency_order, load_all  # noqa: E402

TODAY = date(2026, 11, 26)
#: issue 13's mix (bench_scale.py): most records tasks and assignments.
SHARES = {"tasks": 0.60, "assignments": 0.25, "people": 0.05, "leave": 0.02, "vendors": 0.01}
#: issue 23's project grown for two years: every table used as a team would use it. Tables
#: not listed (and present in the registry) share what is left.
REALISTIC = {
    "tasks": 0.30,
    "assignments": 0.10,
    "actions": 0.10,
    "expenses": 0.08,
    "notes": 0.04,
    "risks": 0.03,
    "issues": 0.03,
    "changes": 0.02,
    "scores": 0.03,
    "people": 0.02,
    "leave": 0.02,
    "decisions": 0.02,
    "vendors": 0.005,
    "criteria": 0.005,
    "comparisons": 0.001,
    "budget_lines": 0.002,
    "baselines": 0.0002,
    "baseline_tasks": 0.002,
    # Tables other sessions are adding (they join once merged; absent ones are ignored).
    "meetings": 0.005,
    "occurrences": 0.05,
    "agenda_items": 0.04,
    "stakeholders": 0.01,
    "report_snapshots": 0.005,
    "lessons": 0.005,
}
PHASE = 25
CACHE = Path("/tmp/pmtui-bench-projects")


def task_rows(n: int, rng: random.Random) -> list[dict[str, str]]:
    """Tasks T1..Tn: every 25th a phase over the next 24, ~1.5 links each to recent work."""
    rows = generate_rows("tasks", n, rng, {})
    for i, row in enumerate(rows, start=1):
        for name in ("parent", "predecessors", "actual_start", "actual_finish", "owner"):
            row.pop(name, None)
        if (i - 1) % PHASE == 0:
            row.pop("duration", None)
            continue
        row["parent"] = f"T{i - (i - 1) % PHASE}"
        row["duration"] = str(rng.choice((1, 2, 3, 5, 8)))
        phase_start = i - (i - 1) % PHASE
        links = set()
        for _ in range(rng.choice((1, 1, 2, 2, 2, 1))):  # 1.5 on average
            back = rng.randint(1, 60)
            pred = i - back
            if pred >= 1 and pred != phase_start and (pred - 1) % PHASE != 0:
                links.add(pred)
        if links:
            row["predecessors"] = format_links([Link(f"T{p}") for p in sorted(links)])
    return rows


def generate(
    path: Path,
    total: int,
    seed: int = 13,
    shares: dict[str, float] | None = None,
    quiet: bool = False,
) -> dict[str, int]:
    """Write a mixed project of about `total` records; returns the counts per table.
    `shares`: the share of some tables (default SHARES); the rest is spread evenly over
    the registry's other tables."""
    rng = random.Random(seed)
    shares = SHARES if shares is None else shares
    registry = load_all()
    after, made_by_history = histories()
    tables = [t for t in dependency_order(sorted(registry)) if t != "project"]
    tables = [t for t in tables if not t.startswith("_")]
    present = {t: s for t, s in shares.items() if t in tables}
    others = [t for t in tables if t not in present and t not in made_by_history]
    rest = max(0.0, 1 - sum(present.values()))
    wanted = {t: max(1, int(total * present.get(t, rest / max(1, len(others))))) for t in tables}
    store = Store.create(path, {"name": "Scale", "start": "2026-01-05"}, today=TODAY)
    refs: dict[str, list[str]] = {}
    for table in tables:
        if table not in made_by_history:
            _fill(store, table, wanted[table], rng, refs, quiet)
        refs[table] = [str(r["key"]) for r in store.records(table)]
    with store.transaction("history"):
        for make_history in after:
            make_history(store, rng)
    counts = {t: len(store.records(t)) for t in tables}
    store.close()
    return counts


def _fill(
    store: Store,
    table: str,
    n: int,
    rng: random.Random,
    refs: dict[str, list[str]],
    quiet: bool,
) -> None:
    """Add `n` generated rows to `table` in one write; when they break a rule across
    records (more scores than vendor-criterion pairs), try half as many, down to one."""
    while n >= 1:
        rows = task_rows(n, rng) if table == "tasks" else generate_rows(table, n, rng, refs)
        try:
            with store.transaction(f"generate {table}"):
                for row in rows:
                    store.add(table, row)
            return
        except StoreError as error:
            problem = str(error)[:80]
            n //= 2
    if not quiet:
        print(f"  {table}: skipped ({problem})")


def fingerprint(shares: dict[str, float], seed: int) -> str:
    """What a generated file depends on: the registry's tables and fields, the generator's
    code (this file and pmtui/generate), the shares and the seed."""
    digest = hashlib.sha256(json.dumps([sorted(shares.items()), seed]).encode())
    for table, rt in sorted(load_all().items()):
        digest.update(table.encode())
        digest.update(",".join(f"{f.name}:{f.kind}" for f in rt.fields).encode())
    for source in sorted([Path(__file__), *(ROOT / "pmtui" / "generate").glob("*.py")]):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def cached_project(
    total: int, shares: dict[str, float] | None = None, seed: int = 13
) -> tuple[Path, dict[str, int]]:
    """A generated project of `total` records from the cache (made when missing), and its
    counts per table. Callers copy it before writing to it."""
    shares = REALISTIC if shares is None else shares
    folder = CACHE / f"{total}-{fingerprint(shares, seed)}"
    path, counts_file = folder / "project.json", folder / "counts.json"
    if counts_file.exists() and path.exists():
        return path, json.loads(counts_file.read_text())
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    counts = generate(path, total, seed, shares)
    counts_file.write_text(json.dumps(counts))
    return path, counts


def describe(path: Path, counts: dict[str, int]) -> str:
    """'N records (M MB): table n, ...', the line the benches print for a project."""
    listed = ", ".join(f"{t} {n:,}" for t, n in counts.items())
    return f"{sum(counts.values()):,} records ({path.stat().st_size / 1e6:.1f} MB): {listed}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    for total in args.sizes:
        began = time.perf_counter()
        path, counts = cached_project(total, seed=args.seed)
        print(f"{path} ({time.perf_counter() - began:.1f} s)\n  {describe(path, counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
