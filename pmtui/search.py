"""Search every table's text for the global search (ctrl+f); no Textual here."""

from __future__ import annotations

from dataclasses import dataclass

from pmtui import views
from pmtui.kinds import SEARCHABLE_KINDS, to_text
from pmtui.tables import load_all
from pmtui.views import Readable


@dataclass(frozen=True)
class SearchHit:
    """One record that matches: where it lives and the text that matched."""

    board: str
    table: str
    key: str
    title: str
    field: str
    snippet: str


def _snippet(text: str, at: int, width: int = 40) -> str:
    start = max(0, at - width // 3)
    piece = text[start : start + width].replace("\n", " ")
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def search(store: Readable, text: str, limit: int = 500) -> list[SearchHit]:
    """Records whose key or text fields contain `text` (case-insensitive), by board order."""
    needle = text.strip().lower()
    if not needle:
        return []
    hits: list[SearchHit] = []
    for rt in load_all().values():
        fields = [f for f in rt.fields if f.kind in SEARCHABLE_KINDS]
        for record in views.rows(store, rt.table):
            for f in fields:
                value = to_text(f, record.get(f.name))
                at = value.lower().find(needle)
                if at >= 0:
                    title = str(record.get(rt.label_field) or record.get("key"))
                    # Private text (performance notes) is found but never shown in the list.
                    snippet = "(private)" if rt.private else _snippet(value, at)
                    key = str(record["key"])
                    hits.append(SearchHit(rt.board, rt.table, key, title, f.title, snippet))
                    break
            if len(hits) >= limit:
                return hits
    return hits
