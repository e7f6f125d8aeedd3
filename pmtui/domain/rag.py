"""RAG status from explicit rules: schedule, cost, scope and risk, each with its reason.

The rules (every threshold is a project setting, defaults in brackets):

- **Schedule**: SPI below `spi_amber` (0.95) is amber, below `spi_red` (0.85) red; and the
  critical path's finish against the target finish: late by more than 0 working days is
  amber, red when late by more than `schedule_red_days` (10) working days or by more than
  `schedule_red_percent` (10) % of the working days left until the target finish. The
  worse of the two counts.
- **Cost**: CPI below `spi_amber` amber, below `spi_red` red (the same thresholds as SPI).
- **Scope**: since the last report, each approved change with a scope impact and each
  rejected deliverable is an event: one or two are amber, SCOPE_RED_EVENTS (3) or more red.
- **Risk**: a high risk still open is amber; a high risk open past its review date is red.
- **Overall**: the worst of the four, unless the manager overrides it (the project's
  `status`, with `status_reason`).

"Below" means strictly less: an SPI of exactly 0.95 is green, exactly 0.85 amber. A
dimension with nothing to judge (no budgets: no CPI) has no colour (None) and says why.
Pure: plain values in, plain values out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

COLOURS = ("green", "amber", "red")
DIMENSIONS = ("schedule", "cost", "scope", "risk")
#: Scope events (approved scope changes, rejected deliverables) since the last report
#: from which scope is red.
SCOPE_RED_EVENTS = 3


@dataclass(frozen=True)
class Thresholds:
    """The project's RAG thresholds (project settings of the same names)."""

    spi_amber: float = 0.95
    spi_red: float = 0.85
    schedule_red_days: float = 10
    schedule_red_percent: float = 10

    @classmethod
    def of(cls, project: dict[str, object]) -> Thresholds:
        """The thresholds a project record sets, defaults for what it leaves empty."""

        def number(name: str, default: float) -> float:
            value = project.get(name)
            return float(value) if isinstance(value, int | float) else default

        return cls(
            number("spi_amber", cls.spi_amber),
            number("spi_red", cls.spi_red),
            number("schedule_red_days", cls.schedule_red_days),
            number("schedule_red_percent", cls.schedule_red_percent),
        )


@dataclass(frozen=True)
class Rating:
    """One dimension's colour (None: nothing to judge) and the reason in words."""

    colour: str | None
    reason: str


def worst(colours: Sequence[str | None]) -> str | None:
    """The worst colour of `colours` (red over amber over green); None when none is known."""
    known = [COLOURS.index(c) for c in colours if c in COLOURS]
    return COLOURS[max(known)] if known else None


def _combine(ratings: Sequence[Rating], none_reason: str) -> Rating:
    """The worst of `ratings`; the reasons of every known one, worst first."""
    known = [r for r in ratings if r.colour is not None]
    if not known:
        return Rating(None, none_reason)
    known.sort(key=lambda r: -COLOURS.index(str(r.colour)))
    return Rating(worst([r.colour for r in known]), "; ".join(r.reason for r in known))


def shown(value: float, threshold: float) -> str:
    """`value` with two decimals, or as many more as it takes (up to six) not to read as
    `threshold` when it is not: an SPI of 0.948 is "0.948", never "0.95 is below 0.95"."""
    for places in range(2, 7):
        text = f"{value:.{places}f}"
        if (float(text) == threshold) == (value == threshold):
            return text
    return repr(value)


def index_rating(name: str, value: float | None, thresholds: Thresholds) -> Rating:
    """SPI or CPI (`name`) against the thresholds; None when the index is undefined."""
    if value is None:
        return Rating(None, f"no {name} yet")
    amber, red = thresholds.spi_amber, thresholds.spi_red
    if value < red:
        return Rating("red", f"{name} {shown(value, red)} is below {red:g}")
    if value < amber:
        return Rating("amber", f"{name} {shown(value, amber)} is below {amber:g}")
    return Rating("green", f"{name} {shown(value, amber)} is at or above {amber:g}")


def finish_rating(late_by: int | None, remaining: int | None, thresholds: Thresholds) -> Rating:
    """The critical path's finish: `late_by` working days after the target finish
    (negative: before it), `remaining` working days from the as-of date to the target."""
    if late_by is None:
        return Rating(None, "no critical-path finish or no target finish")
    if late_by <= 0:
        early = f" ({-late_by} working days early)" if late_by < 0 else ""
        return Rating("green", f"the critical path finishes by the target finish{early}")
    days = "working day" if late_by == 1 else "working days"
    said = f"the critical path finishes {late_by} {days} after the target finish"
    share = thresholds.schedule_red_percent / 100 * max(0, remaining or 0)
    if late_by > thresholds.schedule_red_days:
        return Rating("red", f"{said} (more than {thresholds.schedule_red_days:g})")
    if late_by > share:
        left = max(0, remaining or 0)
        return Rating(
            "red",
            f"{said} (more than {thresholds.schedule_red_percent:g} % of the {left} "
            "working days left)",
        )
    return Rating("amber", said)


def schedule_rating(
    spi: float | None, late_by: int | None, remaining: int | None, thresholds: Thresholds
) -> Rating:
    """The worse of SPI and the critical path's finish against the target."""
    return _combine(
        [index_rating("SPI", spi, thresholds), finish_rating(late_by, remaining, thresholds)],
        "no SPI, and no critical-path finish against a target finish",
    )


def cost_rating(cpi: float | None, thresholds: Thresholds) -> Rating:
    """CPI against the thresholds; None without a CPI (no budgets or no work yet)."""
    rating = index_rating("CPI", cpi, thresholds)
    if rating.colour is None:
        return Rating(None, "no CPI yet: tasks need budgets and earned value")
    return rating


def _listed(what: str, names: Sequence[str]) -> str:
    count = len(names)
    shown = ", ".join(names[:3]) + (f" and {count - 3} more" if count > 3 else "")
    return f"{count} {what}{'' if count == 1 else 's'} ({shown})"


def scope_rating(approved_changes: Sequence[str], rejected_deliverables: Sequence[str]) -> Rating:
    """Scope from the events since the last report: approved changes with a scope impact
    and rejected deliverables (their titles)."""
    events = len(approved_changes) + len(rejected_deliverables)
    if not events:
        return Rating("green", "no scope change approved and no deliverable rejected")
    parts = []
    if approved_changes:
        parts.append(_listed("approved scope change", approved_changes))
    if rejected_deliverables:
        parts.append(_listed("rejected deliverable", rejected_deliverables))
    colour = "red" if events >= SCOPE_RED_EVENTS else "amber"
    return Rating(colour, " and ".join(parts) + " since the last report")


def risk_rating(high_open: Sequence[str], high_overdue: Sequence[str]) -> Rating:
    """Risk from the high risks still open (titles) and those of them past their review."""
    if high_overdue:
        past = "its review date" if len(high_overdue) == 1 else "their review dates"
        return Rating("red", f"{_listed('high risk', high_overdue)} open past {past}")
    if high_open:
        return Rating("amber", _listed("high risk", high_open) + " open, reviewed on time")
    return Rating("green", "no high risk open")


@dataclass(frozen=True)
class Rag:
    """The four ratings, the manager's override (a colour or None) and its reason."""

    schedule: Rating
    cost: Rating
    scope: Rating
    risk: Rating
    override: str | None = None
    override_reason: str = ""
    #: The overall colour an issued report recorded (a snapshot read back), which stands
    #: when there is no override; `issued_reason` says so.
    issued: str | None = None
    issued_reason: str = ""

    @property
    def ratings(self) -> dict[str, Rating]:
        """Dimension name -> its rating, in DIMENSIONS order."""
        return {d: getattr(self, d) for d in DIMENSIONS}

    @property
    def computed(self) -> str:
        """The worst of the four (green when none can be judged)."""
        return worst([r.colour for r in self.ratings.values()]) or "green"

    @property
    def overall(self) -> str:
        """The override when the manager set one, else the issued or computed colour."""
        return self.override or self.issued or self.computed

    def shown(self) -> str:
        """The overall colour in a few words, the computed one beside an override that
        differs from it: "amber", "amber (set by the manager; computed red)"."""
        if self.override and self.override != self.computed:
            return f"{self.override} (set by the manager; computed {self.computed})"
        return self.overall

    def overall_reason(self) -> str:
        """Why the overall colour is what it is."""
        if self.override:
            why = f": {self.override_reason}" if self.override_reason else ""
            return f"set by the manager{why} (computed: {self.computed})"
        if self.issued:
            return self.issued_reason or "as issued"
        if self.computed == "green":
            return "nothing is amber or red"
        judged = [d for d, r in self.ratings.items() if r.colour == self.computed]
        return f"the worst of the four: {', '.join(judged)}"

    def to_json(self) -> dict[str, str | None]:
        """CONTRACT's `rag` object, plus `computed` (the colour before any override)."""
        data: dict[str, str | None] = {d: r.colour for d, r in self.ratings.items()}
        data.update(overall=self.overall, override=self.override, computed=self.computed)
        return data

    def reasons(self) -> dict[str, str]:
        """CONTRACT's `reasons`: each dimension's, the overall's and the override's."""
        data = {d: r.reason for d, r in self.ratings.items()}
        data["overall"] = self.overall_reason()
        if self.override:
            data["override"] = self.override_reason
        return data


def override_of(status: object, reason: object) -> tuple[str | None, str]:
    """The manager's override from the project's `status` and `status_reason`: a colour,
    or None when the status is empty ("computed")."""
    colour = str(status) if status in COLOURS else None
    return colour, str(reason or "") if colour else ""


__all__ = [
    "COLOURS",
    "DIMENSIONS",
    "SCOPE_RED_EVENTS",
    "Rag",
    "Rating",
    "Thresholds",
    "cost_rating",
    "finish_rating",
    "index_rating",
    "override_of",
    "risk_rating",
    "schedule_rating",
    "scope_rating",
    "shown",
    "worst",
]
