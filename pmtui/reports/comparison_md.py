"""Vendor comparisons as Markdown: the scored matrix, TCO, sensitivity, quotes and decision."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pmtui.domain.scoring import SENSITIVITY_FACTOR
from pmtui.kinds import format_money
from pmtui.schema import Reader
from pmtui.services.comparisons import ComparisonData, load_comparison


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _table(header: Sequence[str], align: str, rows: Iterable[Sequence[object]]) -> list[str]:
    """A Markdown table; `align` has one letter per column, l or r."""
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def comparison_markdown(reader: Reader, comparison: dict[str, Any], currency: str = "") -> str:
    """One comparison as a Markdown section (## heading)."""
    data = load_comparison(reader, comparison)
    money = f" ({currency})" if currency else ""
    record = data.record
    status = "decided" if record.get("chosen_vendor") else "open"
    lines = [f"## {_cell(record.get('title', ''))} ({data.key})", ""]
    if record.get("question"):
        lines += [str(record["question"]).strip(), ""]
    lines += [
        f"Status: {status} · scores 0-{_number(data.scale)} · "
        f"TCO over {_number(data.horizon_years)} years",
        "",
    ]
    try:
        result = data.result()
        sensitivities = data.sensitivity()
    except ValueError as error:
        return "\n".join([*lines, f"Cannot be scored: {error}", ""])
    vendors = list(data.vendor_names.items())
    by_name = {v.name: v for v in result.vendors}
    rows: list[list[object]] = []
    for criterion in data.criteria:
        key = str(criterion["key"])
        cells: list[object] = [data.criterion_names[key], _number(float(criterion["weight"]))]
        for vendor_key, _ in vendors:
            score = data.scores.get((vendor_key, key))
            cells.append("–" if score is None else _number(float(score["score"])))
        rows.append(cells)
    found = [by_name[name] for _, name in vendors]
    rows += [
        ["**Weighted total**", "", *(_number(v.weighted_total) for v in found)],
        [
            "**Score**",
            "",
            *("–" if v.normalised is None else f"{v.normalised * 100:.1f} %" for v in found),
        ],
        ["**Rank**", "", *(v.rank for v in found)],
        [
            f"**TCO**{money}",
            "",
            *("–" if v.tco is None else format_money(v.tco) for v in found),
        ],
    ]
    header = ["Criterion", "Weight", *(name for _, name in vendors)]
    lines += _table(header, "lr" + "r" * len(vendors), rows)
    lines.append("")
    if result.winner:
        lines.append(f"Highest weighted score: **{result.winner}**.")
    else:
        lines.append(f"No winner yet: {result.why.get('winner', '')}.")
    lines += ["", "### Sensitivity", ""]
    lines += _table(
        ["Criterion", "Weight", "Leader changes at weight", "Change", "New leader"],
        "lrrrl",
        (
            [
                s.criterion,
                _number(s.current_weight),
                "–" if s.flip_weight is None else _number(s.flip_weight),
                _change(s.flip_ratio, s.robust, s.why),
                s.overtaker or "",
            ]
            for s in sensitivities
        ),
    )
    lines += _quotes(data, money)
    lines += _notes(data)
    lines += _decision(reader, data)
    return "\n".join(lines) + "\n"


def _change(ratio: float | None, robust: bool, why: str | None) -> str:
    if why:
        return why
    if robust or ratio is None:
        return f"none from 0 to {_number(SENSITIVITY_FACTOR)}x"
    return f"{(ratio - 1) * 100:+.0f} %"


def _quotes(data: ComparisonData, money: str) -> list[str]:
    if not data.quotes:
        return []
    names = data.vendor_names
    rows = [
        [
            names.get(str(q["vendor"]), str(q["vendor"])),
            q.get("item", ""),
            format_money(float(q.get("one_off") or 0)),
            format_money(float(q.get("recurring_per_year") or 0)),
        ]
        for q in data.quotes
    ]
    return [
        "",
        "### Quotes",
        "",
        *_table(["Vendor", "Item", f"One-off{money}", f"Per year{money}"], "llrr", rows),
    ]


def _notes(data: ComparisonData) -> list[str]:
    vendors, criteria = data.vendor_names, data.criterion_names
    notes = [
        f"- {vendors.get(v, v)}, {criteria.get(c, c)} ({_number(float(s['score']))}): "
        f"{' '.join(str(s['note']).split())}"
        for (v, c), s in data.scores.items()
        if s.get("note")
    ]
    return ["", "### Why these scores", "", *notes] if notes else []


def _decision(reader: Reader, data: ComparisonData) -> list[str]:
    record = data.record
    chosen = record.get("chosen_vendor")
    if not chosen:
        return []
    approver = reader.get("people", str(record.get("decided_by"))) or {}
    lines = [
        "",
        "### Decision",
        "",
        f"Chosen: **{data.vendor_names.get(str(chosen), str(chosen))}**, "
        f"by {approver.get('name', record.get('decided_by'))} on {record.get('decided_on')}.",
    ]
    if record.get("rationale"):
        lines += ["", str(record["rationale"]).strip()]
    return lines


def comparisons_markdown(reader: Reader) -> str:
    """Every comparison of the project as one Markdown document."""
    projects = reader.records("project")
    project = projects[0] if projects else {}
    currency = str(project.get("currency") or "")
    parts = [f"# Vendor comparisons: {_cell(project.get('name', ''))}", ""]
    comparisons = reader.records("comparisons")
    if not comparisons:
        parts.append("No comparisons yet.\n")
    for comparison in comparisons:
        parts.append(comparison_markdown(reader, comparison, currency))
    return "\n".join(parts)
