"""Editing records: reads that see staged changes, and transactions that stage them."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from pmtui.context import Context
from pmtui.kinds import ParseContext
from pmtui.store.changes import Change, ChangeSet, Record
from pmtui.store.errors import NotFound
from pmtui.store.parsing import Lookup, Parsing
from pmtui.store.references import References, ref_keys, rename_reference
from pmtui.tables import record_type


class Editing(References, Parsing):
    """The editing half of the Store: a transaction stages changes that commit as one step."""

    date_order: str

    def __init__(self) -> None:
        # One change per record, under the record's identity: (table, its key in the file),
        # or (table, "+n") for a record added in this transaction ("+" is never in a key).
        self._pending: dict[tuple[str, str], Change] = {}
        # (table, key the record has now) -> its identity, for every staged record that exists.
        self._current: dict[tuple[str, str], tuple[str, str]] = {}
        self._added = 0
        self._depth = 0
        self._lookup: dict[str, Lookup] = {}
        self._counters: dict[str, int] = {}
        self._order: dict[str, list[Record]] = {}
        self._context: ParseContext | None = None
        self._read_context: Context | None = None
        self._carried: tuple[Context, list[Change]] | None = None

    if TYPE_CHECKING:  # the Store provides these

        def stored(self, table: str, key: str) -> Record | None: ...

        def stored_records(self, table: str) -> list[Record]: ...

        def commit(self, changes: list[Change], label: str, **extra: Any) -> ChangeSet | None: ...

        def refresh(self) -> bool: ...

        def _push_undo(self, change_set: ChangeSet | None) -> None: ...

        @property
        def project(self) -> Record: ...

        @property
        def today(self) -> date: ...

    def forget_caches(self) -> None:
        """Drop everything derived from the data (after a reload or a commit)."""
        self._lookup.clear()
        self._counters.clear()
        self._order.clear()
        self._context = None
        self._read_context = None
        self._carried = None

    def _carry_forward(self, previous: Context | None, landed: list[Change]) -> None:
        """The next read context may carry read models over from `previous`, the context of
        the revision `landed` changed (call right after forget_caches)."""
        self._carried = (previous, landed) if previous is not None else None

    # ------------------------------------------------------------ reading with pending changes

    def read_context(self) -> Context:
        """The context of this revision (computed fields, rules and read models read it):
        built once, and again after any change, reload or commit; staged changes included."""
        if self._read_context is None or self._pending:
            carried, self._carried = self._carried, None
            if carried is not None:
                carried[0].previous = None  # one revision back at most: no chain of plans
            self._read_context = Context(self, self.today, carried if not self._pending else None)
        return self._read_context

    def get(self, table: str, key: str) -> Record | None:
        """The record as this session sees it (staged changes included); a copy."""
        identity = self._current.get((table, key))
        if identity is not None:
            after = self._pending[identity].after
            return dict(after) if after is not None else None
        if (table, key) in self._pending:
            return None  # the file's record of that key was renamed or deleted meanwhile
        record = self.stored(table, key)
        return dict(record) if record is not None else None

    def require(self, table: str, key: str) -> Record:
        """The record, or NotFound naming the table and key."""
        record = self.get(table, key)
        if record is None:
            raise NotFound(f"no {record_type(table).singular} with key {key!r} in {table}")
        return record

    def records(self, table: str) -> list[Record]:
        """Every record of `table` in order, staged changes included; copies."""
        if not self._pending:
            cached = self._order.get(table)
            if cached is None:
                cached = self._order[table] = self.stored_records(table)
            return [dict(r) for r in cached]
        out: list[Record] = []
        for record in self.stored_records(table):
            staged = self._pending.get((table, str(record["key"])))
            if staged is None:
                out.append(dict(record))
            elif staged.after is not None:
                out.append(dict(staged.after))
        for (pending_table, _), change in self._pending.items():
            if pending_table == table and change.before is None and change.after is not None:
                out.append(dict(change.after))
        return out

    # ------------------------------------------------------------ staging

    @contextlib.contextmanager
    def transaction(self, label: str) -> Iterator[None]:
        """Group every change made inside into one saved, undoable step (one write)."""
        outermost = self._depth == 0
        if outermost:
            self.refresh()
        # Staging changes nothing stored: the revision's context stays valid until the
        # commit, which hands it on to the next (read models an edit cannot affect).
        before = self._read_context if outermost else None
        self._depth += 1
        try:
            yield
        except BaseException:
            if outermost:
                self._discard()
            raise
        finally:
            self._depth -= 1
        if outermost:
            changes = list(self._pending.values())
            self._discard()
            self._read_context = before
            self._push_undo(self.commit(changes, label))

    def _discard(self) -> None:
        self._pending.clear()
        self._current.clear()
        self.forget_caches()

    def stage(self, change: Change) -> None:
        """Add a change to the open transaction, merged with earlier ones to the same record."""
        if self._depth == 0:
            raise RuntimeError("stage() needs an open transaction")
        table = change.table
        if change.before is None:
            staged = self._current.get((table, change.key))
            identity = staged or (table, change.key)
            previous = self._pending.get(identity)
            if staged is not None and previous is not None:
                # Staged again under a key it already has (an import's placeholder, then
                # the full record): the later one wins.
                change = Change(
                    table, previous.before, change.after, previous.doc_id, previous.generated_key
                )
            elif previous is not None and previous.after is None:
                # Re-adding a key deleted in this transaction replaces that record.
                change = Change(table, previous.before, change.after, previous.doc_id)
            else:
                self._added += 1
                identity = (table, f"+{self._added}")
        else:
            identity = self._current.pop((table, change.original_key), (table, change.original_key))
            previous = self._pending.get(identity)
            if previous is not None:
                change = Change(
                    table, previous.before, change.after, previous.doc_id, previous.generated_key
                )
        if change.before is None and change.after is None:
            self._pending.pop(identity, None)  # added, then deleted: nothing happened
        else:
            self._pending[identity] = change
        if change.after is not None:
            self._current[(table, change.key)] = identity
        self._lookup.pop(table, None)
        self._order.pop(table, None)
        if change.after is not None and table in self._counters:
            rt = record_type(table)
            self._counters[table] = max(
                self._counters[table], self._highest(rt, iter([change.key]))
            )

    def add(self, table: str, raw: Mapping[str, object], label: str | None = None) -> Record:
        """Add a record from typed input; returns it with its key. The rules across records
        are checked once, when the change set commits (validate checks them beforehand)."""
        with self.transaction(label or f"add {record_type(table).singular}"):
            record = self.parse_new(table, raw, rules=False)
            generated = not raw.get("key")
            if generated:
                record["key"] = self.next_key(table)
            self.stage(Change(table, None, record, generated_key=generated))
        return record

    def update(
        self,
        table: str,
        key: str,
        raw: Mapping[str, object],
        *,
        base: Mapping[str, Any] | None = None,
        label: str | None = None,
    ) -> Record:
        """Edit fields of a record. `base` is the record as the user saw it when editing began:
        a field someone else changed since then is a conflict, not a silent overwrite.
        The rules across records are checked once, when the change set commits."""
        with self.transaction(label or f"edit {table} {key}"):
            current = self.require(table, key)
            merged = self.validate(table, raw, key, rules=False)
            before = dict(base) if base is not None else current
            after = {**before, **{f: merged.get(f) for f in raw}}
            after = {k: v for k, v in after.items() if v is not None and v != []}
            self.stage(Change(table, before, after))
            new_key = str(after["key"])
            if new_key != key:
                self._rename_references(table, key, new_key)
        return self.require(table, str(after["key"]))


__all__ = ["Editing", "ref_keys", "rename_reference"]
