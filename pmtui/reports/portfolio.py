"""The portfolio: every project of a folder at a glance (name, RAG, next milestone and its
forecast, SPI/CPI, overdue count, last report), read without scheduling 50 projects.

Each project's figures come from its cache (pmtui.reports.portfolio_cache) when it fits the
file as it is and today; a project without one is worked out from a read-only look at it
(`Store.peek`: no lock, no file made beside it, nothing written) and cached then. A file
that cannot be read (not JSON, not a project, newer pmtui, no permission) is listed with its
error and never written; errors are not cached (they are quick to find again). The table
for people and the fast path of `pmtui portfolio` are in pmtui.reports.portfolio_text.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from pmtui.reports.portfolio_cache import ProjectLine, cache_file, cached, keep, signature_of

# ---------------------------------------------------------------- finding projects


def project_files(folder: Path) -> list[Path]:
    """The project files of a folder (`pmtui list`'s discovery): every *.json, by name."""
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


# ---------------------------------------------------------------- working figures out


def _error_text(error: BaseException) -> str:
    text = str(error) if not isinstance(error, OSError) else (error.strerror or str(error))
    return " ".join(text.split()) or type(error).__name__


def work_out(path: Path) -> ProjectLine:
    """The project's figures from a read-only look at the file, cached when the file did not
    change meanwhile; a file that cannot be read gives a line with its error."""
    from pmtui.store import Store, StoreError

    signature = signature_of(path)
    try:
        store = Store.peek(path)
    except StoreError as error:
        # The line names the file already: the message need not start with it.
        text = _error_text(error)
        for prefix in (f"{path}: ", f"{path.resolve()}: "):
            text = text.removeprefix(prefix)
        return ProjectLine(name=path.stem, path=str(path), error=text)
    try:
        line = figures_of(store, path)
    except Exception as error:  # one broken project never hides the others
        return ProjectLine(name=path.stem, path=str(path), error=_error_text(error))
    finally:
        store.close()
    if signature is not None and signature_of(path) == signature:
        keep(path, line, signature, store.today, str(store.project.get("time_zone") or ""))
    return line


def _iso(value: object) -> str | None:
    try:
        return date.fromisoformat(str(value)[:10]).isoformat() if value else None
    except ValueError:
        return None


def figures_of(store: Any, path: Path) -> ProjectLine:
    """The portfolio line of an open store (a peek, or the app's own store): the status
    report's RAG and figures (pmtui.services.project_rag: one plan, one earned value),
    the next milestone, Today's overdue count, the last issued report."""
    from pmtui import agenda, views
    from pmtui.services.project_rag import figures_for, last_issued, rag_for

    project = store.project
    ctx = store.read_context()
    rag = rag_for(ctx)
    figures = figures_for(ctx)
    why = {k: v for k, v in figures.why.items() if k in ("spi", "cpi")}
    milestone, forecast = _next_milestone(views.rows(store, "milestones"))
    if milestone is None:
        why["next_milestone"] = "no open milestone"
    overdue = sum(1 for item in agenda.today_items(store) if item.group == "overdue")
    issued = last_issued(ctx)
    return ProjectLine(
        name=str(project.get("name") or path.stem),
        path=str(path),
        rag=rag.overall,
        rag_computed=rag.computed,
        rag_override=rag.override,
        next_milestone=milestone,
        forecast=forecast,
        spi=figures.spi,
        cpi=figures.cpi,
        overdue=overdue,
        last_report=issued.isoformat() if issued else None,
        archived=bool(project.get("archived")),
        why=why,
    )


def _next_milestone(milestones: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    """The first open milestone by due date (an overdue one first), and its forecast."""
    open_ones = sorted(
        (m for m in milestones if m.get("status") != "done"),
        key=lambda m: (str(m.get("due") or "9999"), str(m.get("key"))),
    )
    if not open_ones:
        return None, None
    first = open_ones[0]
    title = str(first.get("title") or first.get("key"))
    return title, _iso(first.get("forecast")) or _iso(first.get("due"))


# ---------------------------------------------------------------- the portfolio


def portfolio(
    files: Iterable[Path],
    *,
    work_out_missing: bool = True,
    show_archived: bool = False,
    progress: Callable[[ProjectLine], None] | None = None,
) -> list[ProjectLine]:
    """Every project's line, by name. From the cache where it fits; else worked out (or,
    without `work_out_missing`, a line marked pending: the app works those out in a
    worker). Archived projects are left out unless `show_archived`."""
    found = {path: cached(path) for path in files}
    missing = [path for path, line in found.items() if line is None]
    if work_out_missing:
        found.update(zip(missing, _work_out_all(missing), strict=True))
    lines = []
    for path, line in found.items():
        line = line or _pending(path)
        if progress is not None:
            progress(line)
        if line.archived and not show_archived:
            continue
        lines.append(line)
    return sorted(lines, key=lambda line: (line.name.casefold(), line.path))


#: From this many projects to work out, the cores share them (a process each).
PARALLEL_FROM = 4


def _work_out_all(paths_: list[Path]) -> list[ProjectLine]:
    """work_out of each path; on several cores, several at once (each in its own process:
    scheduling is pure Python, threads would take turns)."""
    cores = os.cpu_count() or 1
    if len(paths_) < PARALLEL_FROM or cores < 2:
        return [work_out(path) for path in paths_]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(cores, len(paths_))) as pool:
        return list(pool.map(work_out, paths_))


def _pending(path: Path) -> ProjectLine:
    return ProjectLine(name=path.stem, path=str(path), pending=True)


__all__ = [
    "PARALLEL_FROM",
    "ProjectLine",
    "cache_file",
    "cached",
    "figures_of",
    "portfolio",
    "project_files",
    "work_out",
]
