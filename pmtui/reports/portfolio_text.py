"""`pmtui portfolio` as printed: the table for people, CONTRACT's JSON, and the fast path
that answers from the cache before the command line is imported (pmtui/__main__.py), as
`pmtui today` does."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from pmtui import paths
from pmtui.reports.portfolio import project_files
from pmtui.reports.portfolio_cache import ProjectLine, cached


def _squeezed(text: object, width: int = 0) -> str:
    """`text` on one line, cut to `width` with an ellipsis (0: not cut). What
    kinds.escapes.one_line does, here so that the fast path below need not import the
    kinds package (most of a warm call's time went to imports)."""
    line = " ".join(str(text).split())
    return line if not width or len(line) <= width else line[: width - 1] + "…"


def ratio(value: float | None) -> str:
    """SPI or CPI as printed: two decimals, empty when undefined."""
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
            f"{line.forecast or '':<10}  {ratio(line.spi):>4}  {ratio(line.cpi):>4}  "
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


__all__ = ["answer", "printed", "ratio", "render"]
