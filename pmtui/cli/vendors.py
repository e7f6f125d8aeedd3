"""`pmtui vendors`: every vendor comparison scored: weighted totals, ranks, TCO and the winner."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from pmtui.cli.common import Commands, open_store, print_json
from pmtui.kinds import format_money
from pmtui.store import Store

if TYPE_CHECKING:
    from pmtui.domain.scoring import ComparisonResult


#: The commands `register` adds (main builds only the one being run).
COMMANDS = ("vendors",)


def register(commands: Commands) -> None:
    """Add `vendors`."""
    vendors = commands.add_parser(
        "vendors",
        help="score every vendor comparison",
        description="Every comparison: each vendor's weighted total, share of the maximum, "
        "competition rank, TCO over the horizon and missing scores, then the winner (none "
        "while scores are missing or vendors tie).",
    )
    vendors.add_argument("project", metavar="PROJECT")
    vendors.add_argument(
        "--json",
        action="store_true",
        help='print {"comparisons": [{"key", "title", "criteria", "vendors", "winner", '
        '"complete"}]} (fractions unrounded, null with a "why")',
    )
    vendors.set_defaults(run=run_vendors)


def scored(store: Store) -> list[tuple[dict[str, Any], ComparisonResult]]:
    """Each comparison with its result (ValueError when stored scores break the rules)."""
    from pmtui.services.comparisons import load_comparison  # scoring loads on use

    return [
        (record, load_comparison(store, record).result()) for record in store.records("comparisons")
    ]


def vendors_json(store: Store) -> dict[str, Any]:
    """The `vendors --json` shape of CONTRACT.md."""
    from pmtui.domain.scoring import to_json

    return {
        "comparisons": [
            {"key": record["key"], "title": record.get("title"), **to_json(result)}
            for record, result in scored(store)
        ]
    }


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


def render(record: dict[str, Any], result: ComparisonResult) -> list[str]:
    """One comparison as text: a heading, a line per vendor, the winner."""
    status = "decided" if record.get("chosen_vendor") else "open"
    lines = [f"{record['key']}  {record.get('title', '')}  ({status})"]
    weights = ", ".join(f"{name} {weight:g}" for name, weight in result.criteria)
    lines.append(f"  criteria: {weights or 'none yet'}")
    rows = [
        [
            v.name,
            f"{v.weighted_total:,.2f}".rstrip("0").rstrip("."),
            _percent(v.normalised),
            str(v.rank),
            "–" if v.tco is None else format_money(v.tco),
            ", ".join(v.missing),
        ]
        for v in result.vendors
    ]
    header = ["Vendor", "Weighted", "Score", "Rank", "TCO", "Missing"]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [
            cell.ljust(width) if index in (0, 5) else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append(("  " + "  ".join(cells)).rstrip())
    winner = result.winner or f"none ({result.why.get('winner', '')})"
    lines.append(f"  winner: {winner}")
    return lines


def run_vendors(args: argparse.Namespace) -> int:
    """Print every comparison, as text or as JSON."""
    with open_store(args.project) as store:
        if args.json:
            print_json(vendors_json(store))
            return 0
        results = scored(store)
    if not results:
        print("no comparisons yet (pmtui add PROJECT comparisons title=...)")
    for index, (record, result) in enumerate(results):
        if index:
            print()
        print("\n".join(render(record, result)))
    return 0
