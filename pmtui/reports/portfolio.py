"""The portfolio: every project of a folder at a glance (name, RAG, next milestone and its
forecast, SPI/CPI, overdue count, last report), read without scheduling 50 projects.

Each project's figures are cached in `$XDG_CACHE_HOME/pmtui/portfolio/` (one 0600 file per
project path), trusted only while the project file's stat signature (size, mtime and ctime
in nanoseconds, inode, device: every save replaces the file by rename, so each save gives
a new inode and ctime), the date in the project's time zone and pmtui's version are those
the cache holds. A project without a fitting cache is worked out from a read-only look at
it (`Store.peek`: no lock, no file made beside it, nothing written) and cached then.

A file that cannot be read (not JSON, not a project, newer pmtui, no permission) is listed
with its error and never written; errors are not cached (they are quick to find again).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pmtui import __version__, clock, paths
from pmtui.todaycache import digest_of

#: The cache's layout; a file of another layout is never read.
LAYOUT = 1


@dataclass(frozen=True)
class ProjectLine:
    """One project of the portfolio, as plain data (CONTRACT's `portfolio --json` entry)."""

    name: str
    path: str
    #: The colour that counts: the manager's override when set, else the computed one.
    rag: str | None = None
    rag_computed: str | None = None
    rag_override: str | None = None
    next_milestone: str | None = None
    #: The next milestone's forecast (its linked tasks' latest forecast finish), else its due.
    forecast: str | None = None
    spi: float | None = None
    cpi: float | None = None
    #: Items overdue on the project's Today.
    overdue: int | None = None
    last_report: str | None = None
    archived: bool = False
    error: str | None = None
    #: Figures not worked out yet (the app fills them in a worker).
    pending: bool = False
    why: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """CONTRACT's entry: name, path, rag, next_milestone, forecast, spi, cpi, overdue,
        last_report, error; plus rag_computed, rag_override, archived and why."""
        data = asdict(self)
        data.pop("pending")
        if not data["why"]:
            data.pop("why")
        return data


# ---------------------------------------------------------------- finding projects


def project_files(folder: Path) -> list[Path]:
    """The project files of a folder (`pmtui list`'s discovery): every *.json, by name."""
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


# ---------------------------------------------------------------- the cache


def _signature(path: Path) -> list[int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev]


def cache_file(path: Path) -> Path:
    """Where the portfolio's figures of the project at `path` are kept."""
    where = str(path.resolve()).encode("utf-8", "surrogateescape")
    return paths.cache_dir() / "portfolio" / f"{digest_of(where)[:32]}.json"


def cached(path: Path) -> ProjectLine | None:
    """The project's figures from the cache when they fit the file as it is and today."""
    try:
        kept = json.loads(cache_file(path).read_bytes())
    except (OSError, ValueError):
        return None
    try:
        if kept["layout"] != LAYOUT or kept["version"] != __version__:
            return None
        if kept["signature"] != _signature(path):
            return None
        if kept["as_of"] != clock.today(kept.get("time_zone") or None).isoformat():
            return None
        return ProjectLine(**{**kept["line"], "path": str(path)})
    except (KeyError, TypeError, ValueError):
        return None  # damaged, or of an older shape


def _keep(path: Path, line: ProjectLine, signature: list[int], as_of: date, zone: str) -> None:
    """Write the cache (0600 in 0700 folders); one that cannot be written is no error."""
    target = cache_file(path)
    kept = {
        "layout": LAYOUT,
        "version": __version__,
        "signature": signature,
        "as_of": as_of.isoformat(),
        "time_zone": zone,
        "line": asdict(line),
    }
    try:
        folder = target.parent
        missing = [f for f in (folder, *folder.parents) if not f.exists()]
        for made in reversed(missing):
            made.mkdir(mode=0o700, exist_ok=True)
            os.chmod(made, 0o700)
        import tempfile  # only to write: a call answered from the cache never needs it

        handle, temp = tempfile.mkstemp(dir=folder, prefix=".portfolio-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w") as out:
                json.dump(kept, out)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        pass


# ---------------------------------------------------------------- working figures out


def _error_text(error: BaseException) -> str:
    text = str(error) if not isinstance(error, OSError) else (error.strerror or str(error))
    return " ".join(text.split()) or type(error).__name__


def work_out(path: Path) -> ProjectLine:
    """The project's figures from a read-only look at the file, cached when the file did not
    change meanwhile; a file that cannot be read gives a line with its error."""
    from pmtui.store import Store, StoreError

    signature = _signature(path)
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
    if signature is not None and _signature(path) == signature:
        _keep(path, line, signature, store.today, str(store.project.get("time_zone") or ""))
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


# ---------------------------------------------------------------- text for people


def _squeezed(text: object, width: int = 0) -> str:
    """`text` on one line, cut to `width` with an ellipsis (0: not cut). What
    kinds.escapes.one_line does, here so that the fast path below need not import the
    kinds package (most of a warm call's time went to imports)."""
    line = " ".join(str(text).split())
    return line if not width or len(line) <= width else line[: width - 1] + "…"


def _ratio(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


#: RAG, Set, Forecast, SPI, CPI, Late, Report and the gaps between the nine columns.
_FIXED = 5 + 5 + 10 + 4 + 4 + 4 + 10 + 8 * 2


def render(lines: list[ProjectLine], width: int = 0) -> list[str]:
    """The table for people: one line per project (`width` 0: nothing is cut)."""
    if width:
        spare = max(width - _FIXED, 20)
        name_width = max(10, spare * 3 // 5)
        milestone_width = spare - name_width
    else:
        name_width = max([7, *(len(_squeezed(line.name)) for line in lines)])
        milestone_width = max([14, *(len(_squeezed(line.next_milestone or "")) for line in lines)])
    head = (
        f"{'Project':<{name_width}}  RAG    Set    {'Next milestone':<{milestone_width}}  "
        f"{'Forecast':<10}  SPI   CPI   Late  Report"
    )
    out = [head.rstrip()]
    for line in lines:
        name = _squeezed(line.name, name_width)
        if line.error:
            out.append(f"{name:<{name_width}}  cannot read it: {_squeezed(line.error)}")
            continue
        flag = " (archived)" if line.archived else ""
        out.append(
            f"{name:<{name_width}}  {line.rag_computed or '-':<5}  {line.rag_override or '':<5}  "
            f"{_squeezed(line.next_milestone or '-', milestone_width):<{milestone_width}}  "
            f"{line.forecast or '':<10}  {_ratio(line.spi):>4}  {_ratio(line.cpi):>4}  "
            f"{line.overdue if line.overdue is not None else '':>4}  "
            f"{line.last_report or 'none'}{flag}".rstrip()
        )
    return out


def printed(lines: list[ProjectLine], folder: Path, as_json: bool, width: int) -> str:
    """What `pmtui portfolio` prints (without the last newline)."""
    if as_json:
        data = {"projects": [line.to_json() for line in lines]}
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)
    if not lines:
        return f"no projects in {folder} (pmtui new NAME makes one; --all shows archived ones)"
    return "\n".join(render(lines, width))


# ---------------------------------------------------------------- the fast path


def answer(words: list[str]) -> int | None:
    """Print `pmtui portfolio WORDS` when every project's figures are in the cache and
    return 0; None when they are not, or for anything unusual (then the full command runs:
    it works the rest out, says what is wrong, escapes what a terminal must not get).
    pmtui/__main__.py calls this before importing the command line."""
    folder_arg: str | None = None
    as_json = show_all = False
    for word in words:
        if word == "--json":
            as_json = True
        elif word == "--all":
            show_all = True
        elif word.startswith("-") or folder_arg is not None:
            return None
        else:
            folder_arg = word
    folder = Path(folder_arg).expanduser() if folder_arg else paths.projects_dir()
    if not folder.is_dir() or (as_json and sys.stdout.isatty()):
        return None
    lines = []
    for path in project_files(folder):
        line = cached(path)
        if line is None:
            return None
        if show_all or not line.archived:
            lines.append(line)
    lines.sort(key=lambda line: (line.name.casefold(), line.path))
    width = 0
    if sys.stdout.isatty():
        import shutil

        width = shutil.get_terminal_size().columns
    text = printed(lines, folder, as_json, width)
    if not as_json and not all(part.isprintable() for part in text.split("\n")):
        return None  # a control character in a name: the full command shows it escaped
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return 0


__all__ = [
    "ProjectLine",
    "answer",
    "cached",
    "figures_of",
    "portfolio",
    "printed",
    "project_files",
    "render",
    "work_out",
]
