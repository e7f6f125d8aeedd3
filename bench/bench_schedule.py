"""Time compute_schedule on 10,000 tasks with 15,000 links; prints the median of 5 runs.

Run: .venv/bin/python bench/bench_schedule.py   (goal: well under a second)
"""

from __future__ import annotations

import random
import statistics
import time

from pmtui.domain.links import LINK_TYPES, Link, format_links, parse_links
from pmtui.domain.schedule import TaskInput, compute_schedule

TASKS = 10_000
LINKS = 15_000
PHASE = 25  # every 25th task is a summary over the next 24, so links also go through hubs
RUNS = 5


def make_project(seed: int = 20240304) -> list[TaskInput]:
    """A realistic-ish plan: phases of 24 leaves, links mostly to recent work, some typed."""
    rng = random.Random(seed)
    keys = [f"T{n}" for n in range(TASKS)]
    is_summary = [n % PHASE == 0 for n in range(TASKS)]
    links: list[list[Link]] = [[] for _ in range(TASKS)]
    made = 0
    while made < LINKS:
        successor = rng.randrange(1, TASKS)
        predecessor = max(0, successor - rng.randint(1, 60))
        if is_summary[successor] and successor - predecessor < PHASE:
            continue  # a phase cannot depend on its own leaves
        if (
            not is_summary[successor]
            and is_summary[predecessor]
            and successor < predecessor + PHASE
        ):
            continue  # nor a leaf on its own phase
        kind = LINK_TYPES[0] if rng.random() < 0.8 else rng.choice(LINK_TYPES)
        lag = rng.choice((0.0, 0.0, 0.0, 1.0, -0.5, 2.5))
        links[successor].append(Link(keys[predecessor], kind, lag))
        made += 1
    tasks: list[TaskInput] = []
    for n in range(TASKS):
        parent = None if is_summary[n] else keys[n - n % PHASE]
        # Round-trip through the text syntax, as the store would hand links over.
        typed = tuple(parse_links(format_links(links[n])))
        tasks.append(TaskInput(keys[n], rng.choice((0, 1, 2, 3, 5, 8, 0.5)), typed, parent))
    return tasks


def main() -> None:
    tasks = make_project()
    count = sum(len(t.links) for t in tasks)
    timings: list[float] = []
    for _ in range(RUNS):
        began = time.perf_counter()
        schedule = compute_schedule(tasks)
        timings.append(time.perf_counter() - began)
    critical = sum(1 for t in schedule.tasks.values() if t.critical)
    median_ms = statistics.median(timings) * 1000
    print(
        f"compute_schedule: {len(tasks)} tasks, {count} links, duration {schedule.duration:g} "
        f"days, {critical} critical; median of {RUNS} runs {median_ms:.0f} ms"
    )


if __name__ == "__main__":
    main()
