"""The Markdown export of vendor comparisons, and the matrix widget the Compare board draws on."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from pmtui.reports.comparison_md import comparison_markdown, comparisons_markdown
from pmtui.store import Store
from pmtui.widgets.matrix import Matrix, MatrixCell, MatrixColumn


@pytest.fixture
def decided(store: Store) -> Store:
    """Two vendors on two criteria (Price weight 3, SLA 1), Acme chosen by Ann Lee."""
    store.add("people", {"name": "Ann Lee", "approval_limit": "50k"})
    for name in ("Acme", "Bolt | Co"):
        store.add("vendors", {"name": name})
    store.add("comparisons", {"title": "Service desk", "question": "Which desk?",
                              "candidates": "V1; V2", "horizon_years": "2"})  # fmt: skip
    store.add("criteria", {"comparison": "CMP1", "name": "Price", "weight": "3"})
    store.add("criteria", {"comparison": "CMP1", "name": "SLA", "weight": "1"})
    for vendor, scores in (("V1", (4, 2)), ("V2", (3, 5))):
        for criterion, score in zip(("CR1", "CR2"), scores, strict=True):
            store.add("scores", {"vendor": vendor, "criterion": criterion, "score": str(score)})
    store.update("scores", "SC1", {"note": "cheapest\nby far"})
    store.add("quotes", {"vendor": "V1", "comparison": "CMP1", "item": "Licences",
                         "one_off": "1000", "recurring_per_year": "500"})  # fmt: skip
    store.update("comparisons", "CMP1", {"chosen_vendor": "Acme", "decided_by": "Ann Lee",
                                         "decided_on": "2026-11-20",
                                         "rationale": "Cheaper."})  # fmt: skip
    return store


def section(store: Store) -> list[str]:
    return comparison_markdown(store, store.require("comparisons", "CMP1"), "EUR").splitlines()


class TestComparisonMarkdown:
    """One comparison: matrix, totals, sensitivity, quotes, notes, decision."""

    def test_the_matrix_has_a_row_per_criterion_then_the_totals(self, decided: Store) -> None:
        """Acme 3 x 4 + 1 x 2 = 14, Bolt 3 x 3 + 1 x 5 = 14: a tie, both rank 1."""
        lines = section(decided)
        start = lines.index("| Criterion | Weight | Acme | Bolt \\| Co |")
        assert lines[start + 2 : start + 8] == [
            "| Price | 3 | 4 | 3 |",
            "| SLA | 1 | 2 | 5 |",
            "| **Weighted total** |  | 14 | 14 |",
            "| **Score** |  | 70.0 % | 70.0 % |",
            "| **Rank** |  | 1 | 1 |",
            "| **TCO** (EUR) |  | 2,000.00 | – |",
        ]

    def test_a_tie_is_reported_instead_of_a_winner(self, decided: Store) -> None:
        assert "No winner yet: Acme and Bolt | Co tie for first." in section(decided)

    def test_the_decision_names_the_approver_and_the_rationale(self, decided: Store) -> None:
        lines = section(decided)
        at = lines.index("### Decision")
        assert lines[at + 2 :] == [
            "Chosen: **Acme**, by Ann Lee on 2026-11-20.",
            "",
            "Cheaper.",
        ]

    def test_score_notes_are_listed_on_one_line_each(self, decided: Store) -> None:
        assert "- Acme, Price (4): cheapest by far" in section(decided)

    def test_the_sensitivity_table_gives_the_weight_where_the_leader_changes(
        self, store: Store
    ) -> None:
        """A leads B 22 to 18 (Price 4: 5 v 2, Support 2: 1 v 5); Support at 3 draws level,
        by hand: 4 x 5 + w x 1 = 4 x 2 + w x 5 gives w = 3 (+50 %)."""
        for name in ("A", "B"):
            store.add("vendors", {"name": name})
        store.add("comparisons", {"title": "Pick"})
        store.add("criteria", {"comparison": "CMP1", "name": "Price", "weight": "4"})
        store.add("criteria", {"comparison": "CMP1", "name": "Support", "weight": "2"})
        for vendor, scores in (("A", (5, 1)), ("B", (2, 5))):
            for criterion, score in zip(("CR1", "CR2"), scores, strict=True):
                store.add("scores", {"vendor": vendor, "criterion": criterion, "score": score})
        assert "| Support | 2 | 3 | +50 % | B |" in section(store)

    def test_the_document_heads_every_comparison_with_the_project_name(
        self, decided: Store
    ) -> None:
        decided.add("comparisons", {"title": "Backup"})
        lines = comparisons_markdown(decided).splitlines()
        headings = [line for line in lines if line.startswith("#") and not line.startswith("###")]
        assert headings == [
            "# Vendor comparisons: Test project",
            "## Service desk (CMP1)",
            "## Backup (CMP2)",
        ]


class _MatrixApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Matrix()

    def on_mount(self) -> None:
        frozen = [MatrixColumn("Name", 6, "left")]
        columns = [MatrixColumn(f"C{i}", 8) for i in range(1, 7)]
        body = [[MatrixCell(f"r{r}"), *(MatrixCell(f"{r}.{c}") for c in range(1, 7))]
                for r in range(1, 4)]  # fmt: skip
        summary = [[MatrixCell("Total"), *(MatrixCell(str(c)) for c in range(1, 7))]]
        self.query_one(Matrix).set_data(frozen, columns, body, summary)
        self.query_one(Matrix).focus()


def lines_of(app: App[None]) -> list[str]:
    matrix = app.query_one(Matrix)
    return [matrix.render_line(y).text.rstrip() for y in range(matrix.size.height)]


class TestMatrix:
    """The grid widget: frozen labels, a cursor over the body only, columns scrolled into view."""

    async def test_the_cursor_stops_at_the_last_body_row(self) -> None:
        app = _MatrixApp()
        async with app.run_test(size=(40, 10)) as pilot:
            await pilot.press("j", "j", "j", "j", "l")
            assert app.query_one(Matrix).cursor == (2, 1)

    async def test_moving_right_scrolls_columns_while_labels_stay(self) -> None:
        app = _MatrixApp()
        async with app.run_test(size=(40, 10)) as pilot:
            await pilot.press(*["l"] * 5)
            header, first = lines_of(app)[:2]
        assert (header.split(), first.split()[0], first.split()[-1]) == (
            ["Name", "C4", "C5", "C6"],
            "r1",
            "1.6",
        )

    async def test_the_summary_follows_a_rule_under_the_body(self) -> None:
        app = _MatrixApp()
        async with app.run_test(size=(40, 10)):
            lines = lines_of(app)
        assert (set(lines[4]), lines[5].split()[:2]) == ({"─"}, ["Total", "1"])
