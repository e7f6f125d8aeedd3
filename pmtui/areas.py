"""Every area of pmtui declared once: its digit, title, tables, services, boards, demo and
commands. The registry of tables, the boards, the demo, the CLI and the test data all derive
from this list; adding a table with a board is a record module plus one line here.

Modules and classes are named as text ("module:name") and imported when first needed, so
this declaration costs nothing to import and sits below every layer that reads it.
"""

from __future__ import annotations

from dataclasses import dataclass


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


#: The board that lists any one table from its declaration alone.
TABLE_BOARD = "pmtui.boards.table:TableBoard"


def board(name: str, title: str, widget: str = TABLE_BOARD, table: str = "") -> BoardSpec:
    """A board of the area it is declared in (the area fills itself in)."""
    return BoardSpec("", name, title, widget, table)


@dataclass(frozen=True)
class Area:
    """One area (a digit key): what it declares, each part named by module."""

    number: int
    name: str
    title: str
    #: Modules that declare this area's tables (pmtui.records.<area>).
    records: tuple[str, ...] = ()
    #: Service modules whose RULES and COMPUTED (table -> function) attach to the tables.
    services: tuple[str, ...] = ()
    #: The area's boards, in tab order.
    boards: tuple[BoardSpec, ...] = ()
    #: "module:function" adding the area's demo records: (store, today) -> None.
    demo: str = ""
    #: Areas whose demo records this area's demo refers to (built first).
    demo_needs: tuple[str, ...] = ()
    #: CLI modules (each lists its COMMANDS and has register(commands)).
    commands: tuple[str, ...] = ()
    #: Module under pmtui.generate whose FIXERS/REF_FIXERS make random rows obey the rules.
    test_data: str = ""

    def __post_init__(self) -> None:
        # Each board learns its area here, so a declaration does not repeat the area's name.
        placed = tuple(
            BoardSpec(self.name, b.name, b.title, b.widget, b.table) for b in self.boards
        )
        object.__setattr__(self, "boards", placed)


AREAS: tuple[Area, ...] = (
    Area(
        1,
        "today",
        "Today",
        # Where a project opens (pmtui.app.START_AREA).
        boards=(
            board("today", "Today", "pmtui.boards.today.today:TodayBoard"),
            board("actions", "Actions", "pmtui.boards.today.actions:ActionsBoard", "actions"),
        ),
        records=("pmtui.records.actions",),
        demo="pmtui.demo.today:add_demo",
        demo_needs=("plan", "people", "vendors"),
        commands=("pmtui.cli.today",),
    ),
    Area(
        2,
        "plan",
        "Plan",
        records=("pmtui.records.plan",),
        services=("pmtui.planning.rules",),
        boards=(
            board("wbs", "WBS", "pmtui.boards.plan.wbs:WbsBoard", "tasks"),
            board("gantt", "Gantt", "pmtui.boards.plan.gantt:GanttBoard", "tasks"),
            board("milestones", "Milestones", "pmtui.boards.plan.milestones:MilestonesBoard"),
        ),
        demo="pmtui.demo.plan:add_demo",
        demo_needs=("project",),
        commands=("pmtui.cli.plan",),
        test_data="pmtui.generate.plan",
    ),
    Area(
        3,
        "people",
        "People",
        records=(
            "pmtui.records.people",
            "pmtui.records.staffing",
            "pmtui.records.resourcing",
        ),
        boards=(
            board("team", "Team", "pmtui.boards.people.team:TeamBoard"),
            board("allocation", "Allocation", "pmtui.boards.people.allocation:AllocationBoard"),
            board("raci", "RACI", "pmtui.boards.people.raci:RaciBoard"),
            board("notes", "Notes", "pmtui.boards.people.notes:NotesBoard"),
            board("staffing", "Staffing", "pmtui.boards.people.staffing:StaffingBoard"),
            board("leave", "Leave", table="leave"),
        ),
        demo="pmtui.demo.people:add_demo",
        demo_needs=("project", "plan", "vendors"),
        test_data="pmtui.generate.people",
    ),
    Area(
        4,
        "vendors",
        "Vendors",
        records=("pmtui.records.vendors",),
        services=("pmtui.services.vendor_rules",),
        boards=(
            board("directory", "Vendors", "pmtui.boards.vendors.directory:VendorsBoard", "vendors"),
            board("compare", "Compare", "pmtui.boards.vendors.compare:CompareBoard"),
            board("quotes", "Quotes", table="quotes"),
        ),
        demo="pmtui.demo.vendors:add_demo",
        demo_needs=("project",),
        commands=("pmtui.cli.vendors",),
        test_data="pmtui.generate.vendors",
    ),
    Area(
        5,
        "money",
        "Money",
        records=("pmtui.records.money",),
        services=("pmtui.services.money",),
        test_data="pmtui.generate.money",
        commands=("pmtui.cli.money",),
        demo="pmtui.demo.money:add_demo",
        demo_needs=("project", "plan", "vendors"),
        boards=(
            board("budget", "Budget", "pmtui.boards.money.budget:BudgetBoard"),
            board("expenses", "Expenses", table="expenses"),
            board("evm", "Earned value", "pmtui.boards.money.earned:EarnedValueBoard"),
            board("business", "Business case", "pmtui.boards.money.business:BusinessBoard"),
        ),
    ),
    Area(
        6,
        "control",
        "Control",
        records=("pmtui.records.control", "pmtui.records.decisions"),
        services=("pmtui.services.control",),
        boards=(
            board("risks", "Risks", "pmtui.boards.control.risks:RisksBoard", "risks"),
            board("issues", "Issues", "pmtui.boards.control.issues:IssuesBoard", "issues"),
            board("raid", "RAID", "pmtui.boards.control.raid:RaidBoard", "assumptions"),
            board("changes", "Changes", "pmtui.boards.control.changes:ChangesBoard", "changes"),
            board(
                "decisions",
                "Decisions",
                "pmtui.boards.control.decisions:DecisionsBoard",
                "decisions",
            ),
        ),
        demo="pmtui.demo.control:add_demo",
        demo_needs=("project", "plan", "people", "vendors"),
        commands=("pmtui.cli.control",),
        test_data="pmtui.generate.control",
    ),
    Area(7, "comms", "Comms"),
    Area(
        8,
        "reports",
        "Reports",
        records=("pmtui.records.reports",),
        services=("pmtui.services.report_rules",),
        demo="pmtui.demo.reports:add_demo",
        demo_needs=("project", "plan", "people", "vendors", "money", "control"),
        commands=("pmtui.cli.reports",),
        test_data="pmtui.generate.reports",
    ),
    Area(
        9,
        "project",
        "Project",
        records=("pmtui.records.project", "pmtui.records.closure"),
        boards=(
            board("settings", "Settings", "pmtui.boards.project.settings:ProjectBoard"),
            board("closure", "Closure", "pmtui.boards.project.closure:ClosureBoard", "lessons"),
        ),
        demo="pmtui.demo.base:add_demo",
        commands=("pmtui.cli.closure",),
        test_data="pmtui.generate.project",
    ),
)


def area(name: str) -> Area:
    """The area called `name`; KeyError naming the areas."""
    for candidate in AREAS:
        if candidate.name == name:
            return candidate
    raise KeyError(f"no area {name!r}; areas: {', '.join(a.name for a in AREAS)}")
