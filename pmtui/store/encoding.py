"""The project file's bytes, re-encoding only the records that changed since the last save.

`indent` rules out the C JSON encoder, so a full encode of a 10k-record project runs
the pure-Python encoder over every value (about 80 ms; 550 ms at 50k). The file is a
map of tables, each a map of numbered records, so its text is the text of each record,
indented two levels, joined: an IncrementalEncoder keeps each record's text and each
table's joined text, and the Store tells it which records a commit changed.

The result is byte-identical to `encode`, the full encode (a hypothesis test holds
the two equal after random edit sequences); anything the layout does not cover falls
back to it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, MutableMapping
from json.decoder import scanstring  # type: ignore[attr-defined]  # (not in typeshed)
from json.encoder import encode_basestring
from typing import Any

#: One more level of the file's indentation (indent=1 below).
_RECORD_INDENT = "\n  "
_INFINITY = float("inf")
_int_text = int.__repr__
_float_text = float.__repr__


def encode(data: Mapping[str, Any]) -> bytes:
    """The file's bytes: sorted keys and indentation, so a project diffs well in git."""
    return (json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode()


def _dumps(value: Any) -> str:
    """The options of loading.encode."""
    return json.dumps(value, sort_keys=True, indent=1, ensure_ascii=False)


def _number(value: float) -> str:
    """A float as json writes it (allow_nan, as json.dumps defaults to)."""
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return _float_text(value)


def _value_text(value: Any, indent: str) -> str:
    """`value` as json.dumps(sort_keys=True, indent=1, ensure_ascii=False) writes it, each
    line after the first starting with `indent` (a newline and the spaces before `value`).

    The same bytes as the standard encoder (a hypothesis test holds them equal on any
    JSON value), about three times faster: `indent` rules out json's C encoder, and the
    pure-Python one runs a generator per value. TypeError for what JSON cannot hold."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return _int_text(value)
    if kind is float:
        return _number(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is not dict and kind is not list:  # subclasses, in json's order of checks
        if isinstance(value, str):
            return encode_basestring(value)
        if isinstance(value, int):
            return _int_text(value)
        if isinstance(value, float):
            return _number(value)
        if not isinstance(value, (list, tuple, dict)):
            raise TypeError(f"{kind.__name__} is not one of the file's JSON types")
    if not value:
        return "{}" if isinstance(value, dict) else "[]"
    inner = indent + " "
    if isinstance(value, dict):
        parts = []
        for name, item in sorted(value.items()):
            if type(name) is not str:
                raise TypeError("a name that is not text")  # json turns it into text
            item_kind = type(item)  # the common cases inline: a call per value costs
            if item_kind is str:
                text = encode_basestring(item)
            elif item_kind is int:
                text = _int_text(item)
            else:
                text = _value_text(item, inner)
            parts.append(f"{encode_basestring(name)}: {text}")
    else:
        parts = [_value_text(item, inner) for item in value]
    opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
    return opening + inner + ("," + inner).join(parts) + indent + closing


def record_text(record: Any) -> str:
    """A record's text as it stands in the file (indented two levels)."""
    try:
        return _value_text(record, _RECORD_INDENT)
    except (TypeError, RecursionError):  # names that are not text, other types: json decides
        return _dumps(record).replace("\n", _RECORD_INDENT)


#: A table's text: _TABLE_OPEN, then each record's piece ('ID": {...}' indented to its
#: place in the file), joined by _RECORD_SEPARATOR, then _TABLE_CLOSE.
_TABLE_OPEN = '{\n  "'
_RECORD_SEPARATOR = ',\n  "'
_TABLE_CLOSE = "\n }"
_RECORD_START = re.compile(r'\n  "(\d+)": ')
#: The `_meta` field that holds the SHA-256 of the file's bytes after the `_meta` table.
DIGEST = "text_sha256"
_META = "_meta"


class IncrementalEncoder:
    """Encodes one data mapping ({table: {doc_id: record}}), reusing what did not change.

    Call `changed(table, doc_ids)` for every record added, replaced, updated in place or
    removed since the last `encode`; a record changed without telling is written stale.

    Each encode stores in `_meta` (DIGEST) the SHA-256 of the file's bytes after the
    `_meta` table. A session that opens the file hands its bytes to `reuse`: when they
    still hold that digest, they are exactly what an encode wrote, so the text of every
    record is taken from them instead of being encoded again (a new process's first save,
    `pmtui set`, re-encodes only what it changed). A hand-edited file no longer matches
    its digest and is encoded in full.
    """

    def __init__(self) -> None:
        # table -> doc_id -> 'doc_id": {...}' (a table's text joins them; see _TABLE_OPEN)
        self._pieces: dict[str, dict[str, str]] = {}
        # table -> (record count, the table's text after its name)
        self._tables: dict[str, tuple[int, str]] = {}
        # Tables whose text came from the file and is not yet cut into records' pieces.
        self._uncut: set[str] = set()
        # The bytes of the file as read, until the first encode or change looks at them.
        self._file: bytes | None = None
        #: Records encoded by the last `encode` (tests count them).
        self.encoded = 0

    def reuse(self, raw: bytes) -> None:
        """Take records' text from the file's bytes `raw` (when its digest holds) instead
        of encoding them; checked on the first `changed` or `encode`, so a session that
        never saves pays nothing."""
        self.forget()
        self._file = raw

    def _take_file(self) -> None:
        raw, self._file = self._file, None
        if raw is None or not raw.startswith(b'{\n "_meta": {'):
            return
        end = raw.find(b"\n }")  # the _meta table's end: deeper lines are indented more
        if end < 0 or not raw.endswith(b"\n}\n"):
            return
        head, body = raw[: end + 3], raw[end + 3 :]
        try:
            meta_table = json.loads(head[len(b'{\n "_meta": ') :])
            (meta,) = meta_table.values()
            wanted = meta.get(DIGEST)
        except (ValueError, TypeError, AttributeError):
            return
        if not isinstance(wanted, str) or _sha256(body) != wanted:
            return
        text = body[:-3].decode()
        # ',\n "' starts a table: inside one every line is indented two spaces or more.
        for chunk in text.split(',\n "')[1:]:
            name, after = scanstring('"' + chunk, 1)
            table_text = chunk[after - 1 :]
            if not table_text.startswith(": "):
                self.forget()
                return
            table_text = table_text[2:]
            count = 0 if table_text == "{}" else table_text.count(_RECORD_SEPARATOR) + 1
            self._tables[name] = (count, table_text)
            self._uncut.add(name)

    def _cut(self, table: str) -> None:
        """The pieces of a table whose text came from the file."""
        self._uncut.discard(table)
        cached = self._tables.get(table)
        if cached is None or cached[1] == "{}":
            return
        text = cached[1]
        # A record starts with ',\n  "ID": ' (inside one every line is indented more).
        pieces = text[len(_TABLE_OPEN) : -len(_TABLE_CLOSE)].split(_RECORD_SEPARATOR)
        doc_ids = _RECORD_START.findall(text)
        if len(doc_ids) != len(pieces):
            self._tables.pop(table, None)  # not the layout this cuts: encode it again
            return
        self._pieces[table] = dict(zip(doc_ids, pieces, strict=True))

    def changed(self, table: str, doc_ids: Iterable[int | str]) -> None:
        """Forget the text of these records (and of their table)."""
        if self._file is not None:
            self._take_file()
        if table in self._uncut:
            self._cut(table)
        self._tables.pop(table, None)
        pieces = self._pieces.get(table)
        if pieces is not None:
            for doc_id in doc_ids:
                pieces.pop(str(doc_id), None)

    def forget(self) -> None:
        """Forget everything (the data was replaced)."""
        self._pieces.clear()
        self._tables.clear()
        self._uncut.clear()
        self._file = None

    def encode(self, data: MutableMapping[str, Any]) -> bytes:
        """The same bytes as encode(data), after `_meta` gets the new digest."""
        self.encoded = 0
        if self._file is not None:
            self._take_file()
        if not data or not all(
            isinstance(name, str) and isinstance(table, dict) for name, table in data.items()
        ):
            return encode(data)
        names = sorted(data)
        meta = _digest_holder(data) if names[0] == _META else None
        texts = {}
        for name in names[1:] if meta is not None else names:
            text = self._table_text(name, data[name])
            if text is None:
                self.forget()
                return encode(data)
            texts[name] = text
        for gone in set(self._pieces) - set(data):
            del self._pieces[gone]
            self._tables.pop(gone, None)
        body = "".join(f",\n {encode_basestring(name)}: {texts[name]}" for name in texts)
        if meta is None:
            return ("{\n" + body[2:] + "\n}\n").encode()
        table, doc_id = meta
        tail = (body + "\n}\n").encode()
        digest = _sha256(tail)
        if table[doc_id].get(DIGEST) != digest:
            table[doc_id][DIGEST] = digest  # in place: a failed save restores the record
            self.changed(_META, [doc_id])
        head = self._table_text(_META, table)
        assert head is not None  # a one-record table with a text id
        return ('{\n "_meta": ' + head).encode() + tail

    def _table_text(self, name: str, table: dict[Any, Any]) -> str | None:
        cached = self._tables.get(name)
        if cached is not None and cached[0] == len(table):
            return cached[1]
        if name in self._uncut:
            self._cut(name)
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
                    record = record_text(table[doc_id])
                    piece = pieces[doc_id] = f"{encode_basestring(doc_id)[1:]}: {record}"
                out.append(piece)
            text = _TABLE_OPEN + _RECORD_SEPARATOR.join(out) + _TABLE_CLOSE
        self._tables[name] = (len(table), text)
        return text


def _sha256(data: bytes) -> str:
    import hashlib  # on the first save or check, not at start-up (2 ms before a first frame)

    return hashlib.sha256(data).hexdigest()


def _digest_holder(data: Mapping[str, Any]) -> tuple[dict[str, Any], str] | None:
    """The `_meta` table and the id of its one record, when the digest can be kept there."""
    table = data[_META]
    if len(table) != 1:
        return None
    (doc_id,) = table
    if not isinstance(doc_id, str) or type(table[doc_id]) is not dict:
        return None
    return table, doc_id
