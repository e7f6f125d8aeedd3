"""The project file's bytes, re-encoding only the records that changed since the last save.

`indent` rules out the C JSON encoder, so a full encode of a 10k-record project runs
the pure-Python encoder over every value (about 80 ms; 550 ms at 50k). The file is a
map of tables, each a map of numbered records, so its text is the text of each record,
indented two levels, joined: an IncrementalEncoder keeps each record's text and each
table's joined text, and the Store tells it which records a commit changed.

The result is byte-identical to loading.encode, the full encode (a hypothesis test holds
the two equal after random edit sequences); anything the layout does not cover falls
back to it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from pmtui.store.loading import encode as full_encode

#: One more level of the file's indentation (indent=1 below).
_RECORD_INDENT = "\n  "


def _dumps(value: Any) -> str:
    """The options of loading.encode."""
    return json.dumps(value, sort_keys=True, indent=1, ensure_ascii=False)


class IncrementalEncoder:
    """Encodes one data mapping ({table: {doc_id: record}}), reusing what did not change.

    Call `changed(table, doc_ids)` for every record added, replaced, updated in place or
    removed since the last `encode`; a record changed without telling is written stale.
    """

    def __init__(self) -> None:
        # table -> doc_id -> '  "doc_id": {...}' (indented to its place in the file)
        self._pieces: dict[str, dict[str, str]] = {}
        # table -> (record count, the table's text after its name)
        self._tables: dict[str, tuple[int, str]] = {}
        #: Records encoded by the last `encode` (tests count them).
        self.encoded = 0

    def changed(self, table: str, doc_ids: Iterable[int | str]) -> None:
        """Forget the text of these records (and of their table)."""
        self._tables.pop(table, None)
        pieces = self._pieces.get(table)
        if pieces is not None:
            for doc_id in doc_ids:
                pieces.pop(str(doc_id), None)

    def forget(self) -> None:
        """Forget everything (the data was replaced)."""
        self._pieces.clear()
        self._tables.clear()

    def encode(self, data: Mapping[str, Any]) -> bytes:
        """The same bytes as loading.encode(data)."""
        self.encoded = 0
        if not data or not all(
            isinstance(name, str) and isinstance(table, dict) for name, table in data.items()
        ):
            return full_encode(data)
        parts = []
        for name in sorted(data):
            text = self._table_text(name, data[name])
            if text is None:
                self.forget()
                return full_encode(data)
            parts.append(f" {_dumps(name)}: {text}")
        for gone in set(self._pieces) - set(data):
            del self._pieces[gone]
            self._tables.pop(gone, None)
        return ("{\n" + ",\n".join(parts) + "\n}\n").encode()

    def _table_text(self, name: str, table: dict[Any, Any]) -> str | None:
        cached = self._tables.get(name)
        if cached is not None and cached[0] == len(table):
            return cached[1]
        if not table:
            text = "{}"
        else:
            pieces = self._pieces.setdefault(name, {})
            if len(pieces) > 2 * len(table) + 16:  # pieces of removed records pile up
                pieces = self._pieces[name] = {k: v for k, v in pieces.items() if k in table}
            out = []
            for doc_id in sorted(table):
                if not isinstance(doc_id, str):
                    return None
                piece = pieces.get(doc_id)
                if piece is None:
                    self.encoded += 1
                    record = _dumps(table[doc_id]).replace("\n", _RECORD_INDENT)
                    piece = pieces[doc_id] = f"  {_dumps(doc_id)}: {record}"
                out.append(piece)
            text = "{\n" + ",\n".join(out) + "\n }"
        self._tables[name] = (len(table), text)
        return text
