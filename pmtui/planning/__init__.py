"""The planning service: task records in, a scheduled, rolled-up, baselined plan out.

network.py turns records into the scheduler's input, wbs.py holds the task tree and its
moves, plan.py builds the dated plan, baseline.py saves and compares baselines.
"""

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
from pmtui.planning.wbs import OUTLINE_MOVES, OutlineRow, move_in_outline, outline, outline_changes

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
