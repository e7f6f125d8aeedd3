"""`pmtui vendors` and the comparison exports, run as a user runs them (subprocess)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pmtui.store import Store
from pmtui.transfer import import_file
from tests.conftest import RunPmtui

# Guffey & Loewy car matrix, table 2: weights 4, 5, 3, 2, 4, 3 (sum 21), scores 1-5.
CAR_CRITERIA = [("Price", 4), ("Cargo", 5), ("Fuel", 3), ("Comfort", 2), ("Look", 4),
                ("Quality", 3)]  # fmt: skip
CAR_SCORES = {
    "Station wagon": [3, 4, 3, 4, 1, 2],
    "4-door sedan": [4, 2, 5, 3, 1, 4],
    "SUV": [1, 5, 1, 4, 3, 2],
    "Sports car": [1, 1, 1, 1, 5, 4],
}


def load(store: Store, tmp_path: Path, tables: dict[str, list[dict[str, object]]]) -> None:
    """Import tables as a user would (a JSON file)."""
    source = tmp_path / "in.json"
    source.write_text(json.dumps(tables), encoding="utf-8")
    import_file(store, source)


@pytest.fixture
def cars(project_path: Path, tmp_path: Path) -> Path:
    """The car matrix as comparison CMP1, with one quote for the sedan, and an approver."""
    store = Store.open(project_path)
    load(
        store,
        tmp_path,
        {
            "people": [{"key": "P1", "name": "Ann Lee", "approval_limit": 20000},
                       {"key": "P2", "name": "Ben Okafor", "approval_limit": 5000}],
            "vendors": [{"name": name} for name in CAR_SCORES],
            "comparisons": [{"key": "CMP1", "title": "Family car",
                             "candidates": "; ".join(CAR_SCORES), "horizon_years": 4}],
            "criteria": [{"key": name, "comparison": "CMP1", "name": name, "weight": weight}
                         for name, weight in CAR_CRITERIA],
            "scores": [{"vendor": vendor, "criterion": name, "score": score}
                       for vendor, row in CAR_SCORES.items()
                       for (name, _), score in zip(CAR_CRITERIA, row, strict=True)],
            "quotes": [{"vendor": "4-door sedan", "comparison": "CMP1", "item": "Car",
                        "one_off": 14000, "recurring_per_year": 1000}],
        },
    )  # fmt: skip
    store.close()
    return project_path


def vendors_json(run_pmtui: RunPmtui, project: Path) -> dict[str, object]:
    result = run_pmtui("vendors", str(project), "--json")
    assert (result.returncode, result.stderr) == (0, "")
    data: dict[str, object] = json.loads(result.stdout)
    return data


def first(data: dict[str, object]) -> dict[str, object]:
    comparisons = data["comparisons"]
    assert isinstance(comparisons, list)
    comparison: dict[str, object] = comparisons[0]
    return comparison


class TestVendorsJson:
    """The `vendors --json` shape of CONTRACT.md, with unrounded figures."""

    def test_the_car_matrix_gives_the_published_totals_and_ranks(
        self, run_pmtui: RunPmtui, cars: Path
    ) -> None:
        """Mary Ellen Guffey & Dana Loewy, Business Communication: Process and Product,
        exercise "Buying a Car: Create a Decision Matrix", worked answer, Table 2 "Weighted
        Matrix", https://tutorsglobe.com/question/then-consider-which-weights-are-probably-most-important-to-51216065.aspx
        Printed totals: 4-door sedan 63, station wagon 59, SUV 58, sports car 46.
        """
        vendors = first(vendors_json(run_pmtui, cars))["vendors"]
        assert isinstance(vendors, list)
        assert [(v["name"], v["weighted_total"], v["rank"]) for v in vendors] == [
            ("4-door sedan", 63, 1),
            ("Station wagon", 59, 2),
            ("SUV", 58, 3),
            ("Sports car", 46, 4),
        ]

    def test_normalised_is_an_unrounded_fraction(self, run_pmtui: RunPmtui, cars: Path) -> None:
        """Guffey & Loewy (source above): the sedan's 63 of 21 x 5 = 105 is 0.6."""
        vendors = first(vendors_json(run_pmtui, cars))["vendors"]
        assert isinstance(vendors, list)
        assert [v["normalised"] for v in vendors] == pytest.approx(
            [0.6, 59 / 105, 58 / 105, 46 / 105]
        )

    def test_the_shape_follows_the_contract(self, run_pmtui: RunPmtui, cars: Path) -> None:
        data = vendors_json(run_pmtui, cars)
        comparison = first(data)
        vendors = comparison["vendors"]
        assert isinstance(vendors, list)
        assert (list(data), sorted(comparison), sorted(vendors[0])) == (
            ["comparisons"],
            ["complete", "criteria", "key", "title", "vendors", "why", "winner"],
            ["missing", "name", "normalised", "rank", "tco", "weighted_total", "why"],
        )

    def test_the_criteria_list_names_and_weights(self, run_pmtui: RunPmtui, cars: Path) -> None:
        criteria = first(vendors_json(run_pmtui, cars))["criteria"]
        assert criteria == [{"name": name, "weight": weight} for name, weight in CAR_CRITERIA]

    def test_a_complete_comparison_names_its_winner(self, run_pmtui: RunPmtui, cars: Path) -> None:
        comparison = first(vendors_json(run_pmtui, cars))
        assert (comparison["winner"], comparison["complete"]) == ("4-door sedan", True)

    def test_tco_is_one_off_plus_yearly_cost_over_the_horizon(
        self, run_pmtui: RunPmtui, cars: Path
    ) -> None:
        """14,000 + 4 years x 1,000 = 18,000; a vendor without quotes has null and a why."""
        vendors = first(vendors_json(run_pmtui, cars))["vendors"]
        assert isinstance(vendors, list)
        assert [(v["tco"], v["why"].get("tco")) for v in vendors[:2]] == [
            (18000, None),
            (None, "no quotes"),
        ]

    def test_a_missing_score_leaves_no_winner_and_lists_it(
        self, run_pmtui: RunPmtui, cars: Path
    ) -> None:
        store = Store.open(cars)
        score = next(s for s in store.records("scores") if s["criterion"] == "Look")
        store.delete("scores", score["key"])
        store.close()
        comparison = first(vendors_json(run_pmtui, cars))
        vendors = comparison["vendors"]
        assert isinstance(vendors, list)
        missing = {v["name"]: v["missing"] for v in vendors if v["missing"]}
        assert (comparison["winner"], comparison["complete"], missing) == (
            None,
            False,
            {"Station wagon": ["Look"]},
        )

    def test_a_tie_for_first_shares_rank_one_and_leaves_no_winner(
        self, run_pmtui: RunPmtui, cars: Path
    ) -> None:
        """The wagon gains 4 on Price (weight 4): 59 + 4 = 63, level with the sedan."""
        store = Store.open(cars)
        store.update("comparisons", "CMP1", {"candidates": "; ".join(CAR_SCORES)})
        wagon = next(
            s for s in store.records("scores") if s["criterion"] == "Price" and s["vendor"] == "V1"
        )
        store.update("scores", wagon["key"], {"score": "4"})
        store.close()
        comparison = first(vendors_json(run_pmtui, cars))
        vendors = comparison["vendors"]
        assert isinstance(vendors, list)
        assert ([v["rank"] for v in vendors], comparison["winner"]) == ([1, 1, 3, 4], None)

    def test_an_empty_project_has_no_comparisons(
        self, run_pmtui: RunPmtui, project_path: Path
    ) -> None:
        assert vendors_json(run_pmtui, project_path) == {"comparisons": []}


class TestVendorsText:
    """Without --json: one block per comparison, for people."""

    def test_each_vendor_has_a_line_and_the_winner_is_named(
        self, run_pmtui: RunPmtui, cars: Path
    ) -> None:
        result = run_pmtui("vendors", str(cars))
        lines = result.stdout.splitlines()
        assert (result.returncode, lines[0], lines[3].split()[:3], lines[-1]) == (
            0,
            "CMP1  Family car  (open)",
            ["4-door", "sedan", "63"],
            "  winner: 4-door sedan",
        )


class TestDecisionFromTheShell:
    """`pmtui set` obeys the approval rule, as the app does."""

    def test_an_approver_below_the_tco_is_refused_in_one_line(
        self, run_pmtui: RunPmtui, cars: Path
    ) -> None:
        result = run_pmtui(
            "set", str(cars), "comparisons", "CMP1",
            "chosen_vendor=4-door sedan", "decided_by=Ben Okafor", "decided_on=today",
        )  # fmt: skip
        assert (result.returncode, result.stdout, result.stderr) == (
            1,
            "",
            "pmtui: comparisons CMP1: decided_by: cannot approve: the chosen vendor's TCO "
            "18,000.00 exceeds the approver's limit 5,000.00\n",
        )

    def test_an_approver_within_the_limit_records_it(self, run_pmtui: RunPmtui, cars: Path) -> None:
        result = run_pmtui(
            "set", str(cars), "comparisons", "CMP1",
            "chosen_vendor=4-door sedan", "decided_by=Ann Lee", "decided_on=2026-11-20",
        )  # fmt: skip
        shown = run_pmtui("vendors", str(cars))
        assert (result.returncode, shown.stdout.splitlines()[0]) == (
            0,
            "CMP1  Family car  (decided)",
        )


class TestComparisonExport:
    """`export --table comparisons` as Markdown, and the table as CSV."""

    def test_markdown_holds_the_matrix_with_totals(self, run_pmtui: RunPmtui, cars: Path) -> None:
        result = run_pmtui("export", str(cars), "--table", "comparisons", "--format", "md")
        lines = result.stdout.splitlines()
        assert (result.returncode, lines[0]) == (0, "# Vendor comparisons: Test project")
        assert "| **Weighted total** |  | 59 | 63 | 58 | 46 |" in lines

    def test_an_md_file_name_chooses_markdown(
        self, run_pmtui: RunPmtui, cars: Path, tmp_path: Path
    ) -> None:
        out = tmp_path / "cars.md"
        result = run_pmtui("export", str(cars), "--table", "comparisons", "-o", str(out))
        assert (result.returncode, out.read_text().splitlines()[2]) == (
            0,
            "## Family car (CMP1)",
        )

    def test_markdown_of_another_table_is_refused(self, run_pmtui: RunPmtui, cars: Path) -> None:
        result = run_pmtui("export", str(cars), "--table", "people", "--format", "md")
        assert (result.returncode, result.stderr) == (
            1,
            "pmtui: --format md is for --table comparisons only\n",
        )

    def test_csv_of_the_comparisons_table_has_the_computed_status(
        self, run_pmtui: RunPmtui, cars: Path
    ) -> None:
        result = run_pmtui("export", str(cars), "--table", "comparisons", "--format", "csv")
        header, row = result.stdout.splitlines()
        assert (header.split(",")[:4], row.split(",")[:4]) == (
            ["key", "title", "question", "status"],
            ["CMP1", "Family car", "", "open"],
        )
