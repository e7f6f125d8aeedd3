"""Which changes are checked for over-capacity warnings (pmtui.services.overloads)."""

from pmtui.services.overloads import may_overload


def test_a_change_that_cannot_move_load_is_not_checked() -> None:
    # A title, owner or status of a task moves no date: no second schedule for a warning.
    assert not may_overload("tasks", {"title", "notes"})
    assert not may_overload("milestones", {"due"})


def test_a_change_that_moves_dates_or_load_is_checked() -> None:
    assert may_overload("tasks", {"duration"})
    assert may_overload("tasks", {"predecessors"})
    assert may_overload("assignments", {"percent"})
    assert may_overload("leave", {"start"})
    assert may_overload("people", {"capacity"})
