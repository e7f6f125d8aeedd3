"""What the app's first frame on Today shows besides the list, kept in Today's cache beside
it (the answer's "frame"), so that a big project's first frame is drawn before its file is
parsed: the status line's project, the strip's glance as a first frame shows it (the finish
still being worked out), the first item's detail line and which items `x` and `s` can act
on. The app parses the bytes the cache was looked up with right after that frame
(pmtui.store's parse_later).

Written from a parsed, valid file only (by `pmtui today` and by the app when they work
Today out): the cache is keyed by the file's content hash, so a preview read back is true of
exactly the bytes the app holds, and of today.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from pmtui import todaycache
from pmtui.services.glance import Glance

if TYPE_CHECKING:
    from pmtui.store import Store
    from pmtui.views import Names

_GROUPS = ("overdue", "today", "upcoming")


@dataclass(frozen=True)
class Preview:
    """Today's first frame of the project the app holds unparsed, from the cache."""

    #: The answer's items and coming (dicts: `agenda.Item(**d)` rebuilds one), window.
    items: list[dict[str, Any]]
    coming: list[dict[str, Any]]
    window: int
    today: date
    #: The project record's name, status (the manager's override) and archived flag.
    name: str
    status: str
    archived: bool
    #: Records of tasks and milestones (the status line's computed RAG waits for them),
    #: and of the agenda tables whose items need the schedule (Today's list waits).
    planned: int
    scheduled: int
    #: The strip's glance as a big project's first frame shows it (pending).
    glance: Glance
    #: "table/key" -> the detail line's parts beyond the item's own (its record's fields).
    detail: dict[str, list[tuple[str, str]]]
    #: table -> whether `x` (done) and `s` (snooze) act on its items (None: shown dimmed).
    able: dict[str, tuple[bool | None, bool | None]]


def able_of(table: str) -> tuple[bool | None, bool | None]:
    """Whether Today's done and snooze act on `table`'s items: True, or None (the key is
    shown dimmed: this table cannot). A table that refuses with a reason keeps done: it
    says where it is done."""
    from pmtui.tables import record_type

    declared = record_type(table).agenda
    if declared is None:
        return None, None
    done = declared.done or declared.done_on or declared.decide or declared.refuse
    return (True if done else None), (True if declared.snooze else None)


def detail_extra(store: Store, table: str, key: str, names: Names) -> list[tuple[str, str]]:
    """The detail line's parts of Today's item `table/key` beyond the item's own: its
    record's fields (never a private table's or private agenda's text)."""
    from pmtui import views
    from pmtui.tables import record_type

    rt = record_type(table)
    if rt.private or (rt.agenda is not None and rt.agenda.private):
        return []
    whole = views.record_detail(store, table, key, filled=False, names=names)
    return [(label, text) for label, text in whole if label and label != "Owner"]


def frame_of(store: Store, answer: dict[str, Any]) -> dict[str, Any] | None:
    """The "frame" to keep beside `answer` (agenda.answer's, worked out from `store` for
    the project's own window); None when it cannot be worked out (then the app parses the
    project before its first frame, as without a cache: `pmtui today` never fails for it)."""
    try:
        return _frame(store, answer)
    except Exception:  # a speed-up only: never a reason for a command or the app to fail
        return None


def _frame(store: Store, answer: dict[str, Any]) -> dict[str, Any]:
    from pmtui.agenda import agenda_tables
    from pmtui.services.glance import glance_pending
    from pmtui.tables import record_type

    project = store.project
    items, coming = answer["items"], answer["coming"]
    listed = [i for group in _GROUPS for i in items if i["group"] == group] or coming
    detail = {}
    if listed:
        first = listed[0]
        found = detail_extra(store, first["table"], first["key"], {})
        detail[f"{first['table']}/{first['key']}"] = [list(part) for part in found]
    computed = [t for t in agenda_tables() if record_type(t).compute is not None]
    shown = asdict(glance_pending(store.read_context()))
    return {
        "name": str(project.get("name", "")),
        "status": str(project.get("status") or ""),
        "archived": bool(project.get("archived")),
        "planned": sum(len(store.stored_records(t)) for t in ("tasks", "milestones")),
        "scheduled": sum(len(store.stored_records(t)) for t in computed),
        "glance": {k: v.isoformat() if isinstance(v, date) else v for k, v in shown.items()},
        "detail": detail,
        "able": {t: list(able_of(t)) for t in sorted({i["table"] for i in items + coming})},
    }


def preview(store: Store) -> Preview | None:
    """Today's first frame of the project `store` holds unparsed, when the cache holds one
    worked out from exactly its bytes, today, by this version of pmtui; else None."""
    content = store.unparsed_content
    if content is None:
        return None
    digest = todaycache.digest_of(content)
    found = todaycache.read(todaycache.cache_file(store.path), digest, None)
    if found is None or not isinstance(found.get("frame"), dict):
        return None
    try:
        return _preview(found, found["frame"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # damaged: the app parses first, as without a cache


def _preview(answer: dict[str, Any], frame: dict[str, Any]) -> Preview:
    shown = dict(frame["glance"])
    for name in ("finish", "target"):
        shown[name] = date.fromisoformat(shown[name]) if shown[name] else None
    return Preview(
        items=list(answer["items"]),
        coming=list(answer["coming"]),
        window=int(answer["window"]),
        today=date.fromisoformat(answer["as_of"]),
        name=str(frame["name"]),
        status=str(frame["status"]),
        archived=bool(frame["archived"]),
        planned=int(frame["planned"]),
        scheduled=int(frame["scheduled"]),
        glance=Glance(**shown),
        detail={k: [(str(a), str(b)) for a, b in v] for k, v in frame["detail"].items()},
        able={t: (flags[0], flags[1]) for t, flags in frame["able"].items()},
    )
