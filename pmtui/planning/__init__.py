"""The planning service: task records in, a scheduled, rolled-up, baselined plan out.

network.py turns records into the scheduler's input, wbs.py holds the task tree and its
moves, plan.py builds the dated plan, baseline.py saves and compares baselines.

Its names load on first use (PEP 562): importing one planning module (the rules the store
attaches at start-up) does not load the scheduler, which the first frame never needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pmtui.planning.baseline import (
        baselines,
        choose_baseline,
        milestone_forecast,
        milestone_planned,
        plan_of,
        save_baseline,
        shared_plan,
        snapshot,
    )
    from pmtui.planning.network import (
        as_date,
        network_problem,
        project_calendar,
        task_inputs,
        task_links,
    )
    from pmtui.planning.plan import (
        Plan,
        PlannedTask,
        Record,
        build_plan,
        schedule_json,
    )
    from pmtui.planning.wbs import (
        OUTLINE_MOVES,
        OutlineRow,
        move_in_outline,
        outline,
        outline_changes,
    )

#: Each name this package offers, and the module that defines it.
_WHERE = {
    "OUTLINE_MOVES": "pmtui.planning.wbs",
    "OutlineRow": "pmtui.planning.wbs",
    "Plan": "pmtui.planning.plan",
    "PlannedTask": "pmtui.planning.plan",
    "Record": "pmtui.planning.plan",
    "as_date": "pmtui.planning.network",
    "baselines": "pmtui.planning.baseline",
    "build_plan": "pmtui.planning.plan",
    "choose_baseline": "pmtui.planning.baseline",
    "milestone_forecast": "pmtui.planning.baseline",
    "milestone_planned": "pmtui.planning.baseline",
    "move_in_outline": "pmtui.planning.wbs",
    "network_problem": "pmtui.planning.network",
    "outline": "pmtui.planning.wbs",
    "outline_changes": "pmtui.planning.wbs",
    "plan_of": "pmtui.planning.baseline",
    "project_calendar": "pmtui.planning.network",
    "save_baseline": "pmtui.planning.baseline",
    "schedule_json": "pmtui.planning.plan",
    "shared_plan": "pmtui.planning.baseline",
    "snapshot": "pmtui.planning.baseline",
    "task_inputs": "pmtui.planning.network",
    "task_links": "pmtui.planning.network",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


__all__ = [
    "OUTLINE_MOVES",
    "OutlineRow",
    "Plan",
    "PlannedTask",
    "Record",
    "as_date",
    "baselines",
    "build_plan",
    "choose_baseline",
    "milestone_forecast",
    "milestone_planned",
    "move_in_outline",
    "network_problem",
    "outline",
    "outline_changes",
    "plan_of",
    "project_calendar",
    "save_baseline",
    "schedule_json",
    "shared_plan",
    "snapshot",
    "task_inputs",
    "task_links",
]
