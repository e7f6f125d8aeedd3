"""The strip on top of Today: RAG, finish against target, next milestone, money (once it
exists) and the changes since the last check-in."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from pmtui.services.glance import Glance
from pmtui.widgets.columns import fit_cell
from pmtui.widgets.status_bar import RAG_STYLES, rag_words


class TodayStrip(Static):
    """Two lines; Today's board updates them when the project changes."""

    DEFAULT_CSS = """
    TodayStrip { height: 2; padding: 0 1; background: $boost; }
    """


def _finish(
    glance: Glance, short: bool = False, tight: bool = False
) -> list[tuple[str, str] | str]:
    """The finish against the target; `short` leaves out the target's date (room for the
    money figures on the same line: the lateness still says how it stands), `tight` the
    finish's date too (room for an override beside the computed colour)."""
    if glance.pending:
        return [("finish: working it out…", "$text-muted")]
    if glance.finish is None:
        return [("no schedule yet", "$text-muted")]
    if tight and glance.target is not None:
        parts: list[tuple[str, str] | str] = ["finish"]
        late = glance.late_by or 0
        if late > 0:
            return [*parts, (f" {late} wd late", "$error")]
        if late < 0:
            return [*parts, (f" {-late} wd early", "$success")]
        return [*parts, (" on target", "$success")]
    parts = [f"finish {glance.finish.isoformat()}"]
    if glance.target is None:
        return parts if short else [*parts, ("  no target set", "$text-muted")]
    if not short:
        parts.append((f"  target {glance.target.isoformat()}", "$text-muted"))
    late = glance.late_by or 0
    if late > 0:
        parts.append((f"  {late} wd late", "$error"))
    elif late < 0:
        parts.append((f"  {-late} wd early", "$success"))
    else:
        parts.append(("  on target", "$success"))
    return parts


def _money(glance: Glance, tight: bool = False) -> list[tuple[str, str] | str]:
    if glance.spi is None and glance.cpi is None and glance.budget_used is None:
        return []  # hidden until Money exists
    shown: list[tuple[str, str] | str] = ["  "]
    for name, value in (("SPI", glance.spi), ("CPI", glance.cpi)):
        if value:
            style = "$error" if value < glance.red else "$warning" if value < glance.amber else ""
            shown += [f" {name} ", (f"{value:.2f}", style)]
    if glance.budget_used is not None:
        budget = "" if tight else " budget"
        shown.append(f"{budget} {glance.budget_used:.0%} used")
    return shown


def strip_lines(glance: Glance, changes: int | None, width: int = 78) -> Content:
    """The strip's text: `changes` since the last check-in (None: no check-in yet); the
    milestone's title is cut so that the second line fits `width` cells."""
    colour, rag = rag_words(glance.rag, glance.computed)
    status: list[tuple[str, str] | str] = [
        ("●", RAG_STYLES.get(colour, "$text-muted")),
        (f" {rag}", "bold"),
        "   ",
    ]
    money = _money(glance)
    first = Content.assemble(*status, *_finish(glance, short=bool(money)), *money)
    if first.cell_length > width:  # an override beside the computed colour takes room
        tight = _finish(glance, short=True, tight=True)
        first = Content.assemble(*status, *tight, *_money(glance, tight=True))
    if changes is None:
        checked = ("first check-in", "$text-muted")
    else:
        noun = "change" if changes == 1 else "changes"
        checked = (
            f"{changes} {noun} since your last check-in (c)",
            "" if changes else "$text-muted",
        )
    if glance.milestone_in is None:
        milestone: list[tuple[str, str] | str] = [("no open milestone ahead", "$text-muted")]
    else:
        days = glance.milestone_in
        when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
        head = f"next milestone {when}: "
        room = max(6, width - len(head) - len(checked[0]) - 3)
        milestone = [head, (fit_cell(glance.next_milestone or "", room).rstrip(), "bold")]
    second = Content.assemble(*milestone, "   ", checked)
    return Content("\n").join([first, second])


__all__ = ["TodayStrip", "strip_lines"]
