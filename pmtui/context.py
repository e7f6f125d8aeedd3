"""What computed fields, rules across records and read models read: one context per revision.

The store hands out one Context for each revision of the file (`Store.read_context()`): a
reader of every table, the project, the store's today (never the clock), the project
calendar, and read models (the plan, staffing, comparisons) built on first use and shared by
everyone reading that revision. Rules checking a change get a fresh context over the project
as the change leaves it. No Textual, no store, no services: they are handed in.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

if TYPE_CHECKING:
    from pmtui.domain.calendar import WorkCalendar

T = TypeVar("T")

#: A record as stored: field name -> JSON value. The one alias every layer uses.
Record = dict[str, Any]


class Reader(Protocol):
    """What a rule across records may read: the project as the change being checked leaves it."""

    def get(self, table: str, key: str) -> Record | None: ...

    def records(self, table: str) -> list[Record]: ...


class Context:
    """One revision of a project as read models see it; each model is built once."""

    def __init__(
        self,
        reader: Reader,
        today: date,
        previous: tuple[Context, Sequence[Any]] | None = None,
    ) -> None:
        self.reader = reader
        self.today = today
        #: The revision before this one and the changes (pmtui.changes.Change) that made
        #: this one from it, when the store knows them: a read model those changes cannot
        #: affect may be carried over instead of built again (see `carried`).
        self.previous = previous
        self._models: dict[Hashable, Any] = {}
        self._project: Record | None = None

    def carried(self, name: Hashable) -> tuple[Any, Sequence[Any]] | None:
        """The read model `name` as the previous revision built it, and the changes since;
        None when there is no previous revision, it did not build that model, or the day
        moved on."""
        if self.previous is None:
            return None
        before, changes = self.previous
        if before.today != self.today or name not in before._models:
            return None
        return before._models[name], changes

    def records(self, table: str) -> list[Record]:
        """Every record of `table` (copies)."""
        return self.reader.records(table)

    def get(self, table: str, key: str) -> Record | None:
        """One record, or None."""
        return self.reader.get(table, key)

    @property
    def project(self) -> Record:
        """The project record (settings, calendar, currency...)."""
        if self._project is None:
            found = self.reader.records("project")
            self._project = dict(found[0]) if found else {}
        return self._project

    @property
    def calendar(self) -> WorkCalendar:
        """The project's working calendar (weekends, holidays, all-days)."""
        from pmtui.domain.calendar import project_calendar  # loads with the first date

        return self.model("calendar", lambda ctx: project_calendar(ctx.project))

    def has_model(self, name: Hashable) -> bool:
        """Whether the read model called `name` is built already in this revision."""
        return name in self._models

    def model(self, name: Hashable, build: Callable[[Context], T]) -> T:
        """The read model called `name`, built by `build(self)` the first time it is asked
        for in this revision and shared after (with the cycle collector paused)."""
        if name not in self._models:
            with collector_paused():
                self._models[name] = build(self)
        return cast(T, self._models[name])


_pauses = 0
_pauses_lock = threading.Lock()
_resume = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off inside (nested and from several threads alike; it is
    back on when the last pause ends, if it was on before the first). A read model of a
    big project (a 100k-record plan) makes hundreds of thousands of objects and almost
    no cycles, and each collection meanwhile walks them all again: about a quarter of
    Today's answer at 100k records (BENCHMARKS.md). Reference counting frees the rest as
    usual; the collector's state is restored even when the build raises."""
    global _pauses, _resume
    with _pauses_lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()
