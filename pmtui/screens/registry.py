"""The areas (digit keys) and the boards inside them; a new board is one line in BOARDS."""

from __future__ import annotations

from dataclasses import dataclass

#: Area number -> (mode name, title). The digit keys switch to them.
AREAS: dict[int, tuple[str, str]] = {
    1: ("today", "Today"),
    2: ("plan", "Plan"),
    3: ("people", "People"),
    4: ("vendors", "Vendors"),
    5: ("money", "Money"),
    6: ("control", "Control"),
    7: ("comms", "Comms"),
    8: ("reports", "Reports"),
    9: ("project", "Project"),
}


@dataclass(frozen=True)
class BoardSpec:
    """A board: where it lives, its tab title, and the widget class that draws it."""

    area: str
    name: str
    title: str
    #: "module:Class" of a Board widget, imported when the board is first shown.
    widget: str
    #: For generic table boards: the table it lists.
    table: str = ""

    @property
    def id(self) -> str:
        """'area.name', as RecordType.board refers to it."""
        return f"{self.area}.{self.name}"


BOARDS: list[BoardSpec] = [
    BoardSpec("project", "settings", "Settings", "pmtui.screens.project_board:ProjectBoard"),
    BoardSpec("people", "team", "Team", "pmtui.screens.team_board:TeamBoard"),
    BoardSpec(
        "people", "allocation", "Allocation", "pmtui.screens.allocation_board:AllocationBoard"
    ),
    BoardSpec("people", "raci", "RACI", "pmtui.screens.raci_board:RaciBoard"),
    BoardSpec("people", "notes", "Notes", "pmtui.screens.notes_board:NotesBoard"),
    BoardSpec("people", "staffing", "Staffing", "pmtui.screens.staffing_board:StaffingBoard"),
    BoardSpec("people", "leave", "Leave", "pmtui.widgets.table_board:TableBoard", "leave"),
    BoardSpec("plan", "wbs", "WBS", "pmtui.screens.wbs_board:WbsBoard", "tasks"),
    BoardSpec("plan", "gantt", "Gantt", "pmtui.screens.gantt_board:GanttBoard", "tasks"),
    BoardSpec("plan", "milestones", "Milestones", "pmtui.screens.milestones_board:MilestonesBoard"),
    BoardSpec("vendors", "directory", "Vendors", "pmtui.widgets.table_board:TableBoard", "vendors"),
    BoardSpec("vendors", "compare", "Compare", "pmtui.screens.compare_board:CompareBoard"),
    BoardSpec("vendors", "quotes", "Quotes", "pmtui.widgets.table_board:TableBoard", "quotes"),
]


def boards_of(area: str) -> list[BoardSpec]:
    """The boards of an area, in tab order."""
    return [b for b in BOARDS if b.area == area]


def board_by_id(board_id: str) -> BoardSpec | None:
    """The board with id 'area.name', if any."""
    return next((b for b in BOARDS if b.id == board_id), None)


def area_number(area: str) -> int:
    """The digit of an area mode."""
    return next(n for n, (mode, _) in AREAS.items() if mode == area)
