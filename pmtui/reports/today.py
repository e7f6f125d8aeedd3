"""Today as text and JSON (what `pmtui today` prints), and Today's answer for a store read
from the same content-keyed cache `pmtui today` writes (pmtui.todaycache).

The app and the command line share one cache: a project whose file has not changed since
the last `pmtui today` or app session opens Today without building its schedule.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pmtui import todaycache
from pmtui.kinds.escapes import one_line

if TYPE_CHECKING:
    from pmtui.store import Store

WIDTH = 80
_HEADINGS = {"overdue": "Overdue", "today": "Due today", "upcoming": "Coming up"}
_CONTRACT = ("group", "table", "key", "kind", "title", "owner", "due", "days_overdue", "board")


def contract_item(item: dict[str, Any]) -> dict[str, Any]:
    """CONTRACT's item of an answer's item (no owner name, no singular)."""
    return {k: item[k] for k in _CONTRACT}


def printed(answer: dict[str, Any], path: Path) -> dict[str, Any]:
    """`answer` (agenda.answer's) with "text" and "json" as `pmtui today` prints them (the
    cache holds both); a project without a name is called by its file's name."""
    from pmtui.kinds.escapes import visible

    answer["project"] = answer["project"] or path.stem
    answer["text"] = visible("\n".join(render(answer))) + "\n"
    data = {"as_of": answer["as_of"], "items": [contract_item(i) for i in answer["items"]]}
    answer["json"] = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return answer


def cached_answer(store: Store) -> dict[str, Any] | None:
    """Today's answer for the project's own window (`pmtui today PROJECT`'s) from the cache,
    when it was worked out from exactly the bytes this session holds, today, by this
    version of pmtui; else None."""
    content = store.held_content()
    if content is None:
        return None
    found = todaycache.read(todaycache.cache_file(store.path), todaycache.digest_of(content), None)
    if found is None or found.get("as_of") != store.today.isoformat():
        return None  # a fixed PMTUI_TODAY, or the project's zone read another day
    return found


def keep_answer(store: Store, answer: dict[str, Any], content: bytes | None) -> None:
    """Cache `answer`, worked out from `content` (store.held_content() before working it
    out), for the next `pmtui today` or app session; nothing when the store has moved on
    since (a change saved meanwhile) or held no content."""
    if content is None or store.held_content() != content:
        return
    todaycache.write(
        todaycache.cache_file(store.path),
        printed(dict(answer), store.path),
        todaycache.digest_of(content),
        None,
    )


def render(answer: dict[str, Any], width: int = WIDTH) -> list[str]:
    """Today as plain text lines of at most `width` columns (readable in a mail)."""
    from pmtui.agenda import relative

    day = date.fromisoformat(answer["as_of"])
    lines = [_cut(f"{answer['project']}: today {day:%a %Y-%m-%d}", width)]
    items: list[dict[str, Any]] = answer["items"]
    if not items:
        lines.append(f"Nothing due in the next {answer['window']} days.")
        if answer.get("coming"):
            lines.append("Coming next:")
            lines.extend(_line(item, relative, width) for item in answer["coming"])
        return lines
    for group in ("overdue", "today", "upcoming"):
        chosen = [item for item in items if item["group"] == group]
        if chosen:
            lines.append("")
            lines.append(f"{_HEADINGS[group]} ({len(chosen)})")
            lines.extend(_line(item, relative, width) for item in chosen)
    return lines


def _line(item: dict[str, Any], relative: Any, width: int) -> str:
    when = relative(item["days_overdue"], item["due"])
    singular = item.get("singular") or item["table"]
    what = singular if item["kind"] in (singular, "action") else f"{singular} {item['kind']}"
    owner = item.get("owner_name") or ""
    head = f"  {when:<12} {item['key']:<6} {_cut(what, 20):<20} "
    room = width - len(head) - (len(owner) and 13)
    title = _cut(item["title"], max(room - 1, 10))
    text = f"{head}{title:<{room - 1}} {_cut(owner, 12)}" if owner else f"{head}{title}"
    text = text.rstrip()
    return text if len(text) <= width else text[: width - 1] + "…"


_cut = one_line
