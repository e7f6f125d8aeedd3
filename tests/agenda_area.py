"""A throwaway table that declares an agenda and nothing else: the proof that a table
appears on Today (pmtui.agenda) by its declaration alone, with no change to Today's code."""

from __future__ import annotations

from pmtui.areas import Area, board
from pmtui.schema import Agenda, Due, Field, Kind, RecordType, register

CHORES = register(
    RecordType(
        table="chores",
        singular="chore",
        key_prefix="CH",
        board="control.chores",
        help="Test only: recurring chores.",
        agenda=Agenda(
            due=(Due("chore", "next_on", lambda r: not r.get("retired"), ahead=30),),
            title="{title} for {owner}",
            done=(("retired", True),),
            snooze="next_on",
        ),
        fields=(
            Field("title", Kind.TEXT, required=True, width=20, help="What."),
            Field("owner", Kind.REF, target="people", width=10, help="Who."),
            Field("next_on", Kind.DATE, width=10, help="When next."),
            Field("retired", Kind.BOOL, default=False, width=4, help="No longer done."),
        ),
    )
)

AREA = Area(
    6,
    "control",
    "Control",
    records=("tests.agenda_area",),
    boards=(board("chores", "Chores", table="chores"),),
)
