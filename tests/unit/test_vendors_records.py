"""The Vendors tables in the store: their rules hold for every way in (API, import, undo)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmtui.services.comparisons import load_comparison
from pmtui.store import Change, RecordInvalid, Store
from pmtui.transfer import ImportProblem, export_records, import_file, table_records


@pytest.fixture
def desk(store: Store) -> Store:
    """Three vendors, a comparison of them on two criteria, one approver of up to 50k."""
    store.add("people", {"name": "Ann Lee", "approval_limit": "50k"})
    store.add("people", {"name": "Ben Okafor", "approval_limit": "10k"})
    store.add("people", {"name": "Chen Wei"})
    for name in ("Acme", "Bolt", "Core"):
        store.add("vendors", {"name": name})
    store.add("comparisons", {"title": "Service desk", "candidates": "Acme; Bolt; Core"})
    store.add("criteria", {"comparison": "CMP1", "name": "Price", "weight": "30"})
    store.add("criteria", {"comparison": "CMP1", "name": "SLA", "weight": "20"})
    store.add("quotes", {"vendor": "Acme", "comparison": "CMP1", "item": "Licences",
                         "one_off": "6000", "recurring_per_year": "12000"})  # fmt: skip
    return store


def errors_of(call: object) -> dict[str, str]:
    """The field messages of a RecordInvalid raised by `call()`."""
    with pytest.raises(RecordInvalid) as raised:
        call()  # type: ignore[operator]
    return raised.value.errors


class TestVendors:
    """The directory: names are unique, contract dates are in order."""

    def test_a_new_vendor_is_a_candidate(self, store: Store) -> None:
        assert store.add("vendors", {"name": "Acme"})["status"] == "candidate"

    def test_a_name_taken_in_another_case_is_refused(self, desk: Store) -> None:
        errors = errors_of(lambda: desk.add("vendors", {"name": "ACME"}))
        assert errors == {"name": "'ACME' is taken by V1"}

    def test_a_vendor_keeps_its_own_name_when_edited(self, desk: Store) -> None:
        assert desk.update("vendors", "V1", {"category": "ITSM"})["name"] == "Acme"

    def test_a_contract_ending_before_it_starts_is_refused(self, store: Store) -> None:
        errors = errors_of(
            lambda: store.add(
                "vendors",
                {"name": "Acme", "contract_start": "2027-01-01", "contract_end": "2026-12-31"},
            )
        )
        assert errors == {"contract_end": "2026-12-31 is before the contract start 2027-01-01"}

    def test_a_renewal_notice_after_the_contract_end_is_refused(self, store: Store) -> None:
        raw = {"name": "Acme", "contract_end": "2027-06-30", "renewal_notice": "2027-07-01"}
        assert "renewal_notice" in errors_of(lambda: store.add("vendors", raw))


class TestScores:
    """One score per vendor and criterion, within the comparison's scale."""

    def test_a_second_score_for_the_same_cell_is_refused(self, desk: Store) -> None:
        desk.add("scores", {"vendor": "Acme", "criterion": "CR1", "score": "4"})
        errors = errors_of(
            lambda: desk.add("scores", {"vendor": "Acme", "criterion": "CR1", "score": "3"})
        )
        assert errors == {"criterion": "Acme already has a score on Price (SC1); change that one"}

    def test_two_scores_for_one_cell_in_one_change_set_are_refused(self, desk: Store) -> None:
        with pytest.raises(RecordInvalid, match="already has a score"), desk.transaction("two"):
            for key in ("X1", "X2"):
                record = {"key": key, "vendor": "V1", "criterion": "CR1", "score": 3}
                desk.stage(Change("scores", None, record))
        assert desk.records("scores") == []

    def test_a_score_above_the_scale_is_refused(self, desk: Store) -> None:
        errors = errors_of(
            lambda: desk.add("scores", {"vendor": "Acme", "criterion": "CR1", "score": "6"})
        )
        assert errors == {"score": "6 is outside 0-5, the scale of CMP1"}

    def test_a_ten_is_accepted_on_a_ten_point_scale(self, desk: Store) -> None:
        desk.update("comparisons", "CMP1", {"scale": "10"})
        record = desk.add("scores", {"vendor": "Acme", "criterion": "CR1", "score": "10"})
        assert record["score"] == 10

    def test_the_scale_cannot_drop_below_a_score_given(self, desk: Store) -> None:
        desk.update("comparisons", "CMP1", {"scale": "10"})
        desk.add("scores", {"vendor": "Acme", "criterion": "CR1", "score": "8"})
        errors = errors_of(lambda: desk.update("comparisons", "CMP1", {"scale": "5"}))
        assert errors == {
            "scale": "scores up to 8 exist in this comparison; lower them before the scale"
        }

    def test_a_score_naming_another_comparison_than_its_criterion_is_refused(
        self, desk: Store
    ) -> None:
        desk.add("comparisons", {"title": "Backup"})
        raw = {"comparison": "CMP2", "vendor": "Acme", "criterion": "CR1", "score": "2"}
        errors = errors_of(lambda: desk.add("scores", raw))
        assert errors == {"criterion": "CR1 (Price) belongs to CMP1, not CMP2"}

    def test_a_score_without_a_comparison_belongs_to_its_criterions(self, desk: Store) -> None:
        desk.add("scores", {"vendor": "Bolt", "criterion": "CR2", "score": "5"})
        data = load_comparison(desk, desk.require("comparisons", "CMP1"))
        assert data.result().vendors[0].name == "Bolt"


class TestCriteria:
    """Criteria: positive weights, names unique within their comparison."""

    def test_a_weight_of_zero_is_refused(self, desk: Store) -> None:
        errors = errors_of(lambda: desk.update("criteria", "CR1", {"weight": "0"}))
        assert errors["weight"].startswith("must be more than 0")

    def test_weights_need_not_sum_to_100(self, desk: Store) -> None:
        assert desk.update("criteria", "CR1", {"weight": "0.35"})["weight"] == 0.35

    def test_a_name_twice_in_one_comparison_is_refused(self, desk: Store) -> None:
        errors = errors_of(
            lambda: desk.add("criteria", {"comparison": "CMP1", "name": "price", "weight": "1"})
        )
        assert errors == {"name": "'price' is taken in CMP1 by CR1"}

    def test_the_same_name_in_another_comparison_is_fine(self, desk: Store) -> None:
        desk.add("comparisons", {"title": "Backup"})
        record = desk.add("criteria", {"comparison": "CMP2", "name": "Price", "weight": "1"})
        assert record["key"] == "CR3"

    def test_a_scored_criterion_cannot_move_to_another_comparison(self, desk: Store) -> None:
        desk.add("scores", {"comparison": "CMP1", "vendor": "Acme", "criterion": "CR1",
                            "score": "2"})  # fmt: skip
        desk.add("comparisons", {"title": "Backup"})
        errors = errors_of(lambda: desk.update("criteria", "CR1", {"comparison": "CMP2"}))
        assert "it has scores in CMP1" in errors["comparison"]

    def test_deleting_a_criterion_deletes_its_scores(self, desk: Store) -> None:
        desk.add("scores", {"vendor": "Acme", "criterion": "CR1", "score": "2"})
        desk.delete("criteria", "CR1")
        assert desk.records("scores") == []

    def test_deleting_a_comparison_deletes_what_it_owns_and_undo_restores_it(
        self, desk: Store
    ) -> None:
        desk.add("scores", {"comparison": "CMP1", "vendor": "Acme", "criterion": "CR1",
                            "score": "2"})  # fmt: skip
        desk.delete("comparisons", "CMP1")
        left = [len(desk.records(t)) for t in ("criteria", "scores", "quotes")]
        desk.undo()
        assert (left, len(desk.records("scores")), len(desk.records("criteria"))) == (
            [0, 0, 0],
            1,
            2,
        )


class TestDecision:
    """A decision needs an approver whose limit covers the chosen vendor's TCO."""

    def test_an_approver_within_the_limit_records_the_decision(self, desk: Store) -> None:
        record = desk.update(
            "comparisons",
            "CMP1",
            {"chosen_vendor": "Acme", "decided_by": "Ann Lee", "decided_on": "today"},
        )
        assert (record["chosen_vendor"], record["decided_by"]) == ("V1", "P1")

    def test_an_approver_below_the_tco_is_refused_with_the_reason(self, desk: Store) -> None:
        """Acme's TCO over the default 3 years: 6,000 + 3 x 12,000 = 42,000 > 10,000."""
        errors = errors_of(
            lambda: desk.update(
                "comparisons",
                "CMP1",
                {"chosen_vendor": "Acme", "decided_by": "Ben Okafor", "decided_on": "today"},
            )
        )
        assert errors == {
            "decided_by": "cannot approve: the chosen vendor's TCO 42,000.00 exceeds "
            "the approver's limit 10,000.00"
        }

    def test_an_approver_without_a_limit_is_refused(self, desk: Store) -> None:
        raw = {"chosen_vendor": "Acme", "decided_by": "Chen Wei", "decided_on": "today"}
        errors = errors_of(lambda: desk.update("comparisons", "CMP1", raw))
        assert errors == {
            "decided_by": "cannot approve: the approver (decided_by) has no approval limit"
        }

    def test_a_vendor_without_quotes_cannot_be_chosen(self, desk: Store) -> None:
        raw = {"chosen_vendor": "Bolt", "decided_by": "Ann Lee", "decided_on": "today"}
        errors = errors_of(lambda: desk.update("comparisons", "CMP1", raw))
        assert errors == {
            "decided_by": "cannot approve: the chosen vendor has no quotes, so its TCO is unknown"
        }

    def test_a_vendor_outside_the_comparison_cannot_be_chosen(self, desk: Store) -> None:
        desk.add("vendors", {"name": "Dune"})
        raw = {"chosen_vendor": "Dune", "decided_by": "Ann Lee", "decided_on": "today"}
        errors = errors_of(lambda: desk.update("comparisons", "CMP1", raw))
        assert list(errors) == ["chosen_vendor"]

    def test_a_choice_needs_who_decided_and_when(self, desk: Store) -> None:
        errors = errors_of(lambda: desk.update("comparisons", "CMP1", {"chosen_vendor": "Acme"}))
        assert set(errors) == {"decided_by", "decided_on"}

    def test_a_longer_horizon_can_take_the_tco_over_the_limit(self, desk: Store) -> None:
        """Acme over 4 years: 6,000 + 4 x 12,000 = 54,000 > Ann's 50,000."""
        raw = {"chosen_vendor": "Acme", "decided_by": "Ann Lee", "decided_on": "today"}
        desk.update("comparisons", "CMP1", raw)
        errors = errors_of(lambda: desk.update("comparisons", "CMP1", {"horizon_years": "4"}))
        assert "54,000.00 exceeds the approver's limit 50,000.00" in errors["decided_by"]

    def test_the_status_is_computed_from_the_choice(self, desk: Store) -> None:
        raw = {"chosen_vendor": "Acme", "decided_by": "Ann Lee", "decided_on": "today"}
        desk.add("comparisons", {"title": "Backup"})
        desk.update("comparisons", "CMP1", raw)
        statuses = [r["status"] for r in table_records(desk, "comparisons")]
        assert statuses == ["decided", "open"]

    def test_the_status_cannot_be_typed(self, desk: Store) -> None:
        errors = errors_of(lambda: desk.update("comparisons", "CMP1", {"status": "decided"}))
        assert errors == {"status": "is computed; it cannot be set"}


class TestImport:
    """CSV and JSON imports obey the same rules, naming the row where they can."""

    def test_a_csv_score_for_a_taken_cell_names_row_and_column(
        self, desk: Store, tmp_path: Path
    ) -> None:
        desk.add("scores", {"vendor": "Acme", "criterion": "CR1", "score": "4"})
        source = tmp_path / "scores.csv"
        source.write_text("vendor,criterion,score\nBolt,CR1,3\nAcme,CR1,2\n", encoding="utf-8")
        with pytest.raises(ImportProblem) as raised:
            import_file(desk, source)
        assert str(raised.value) == (
            "scores.csv: row 3, column criterion: Acme already has a score on Price (SC1); "
            "change that one"
        )

    def test_a_csv_holding_one_cell_twice_is_rejected_whole(
        self, desk: Store, tmp_path: Path
    ) -> None:
        source = tmp_path / "scores.csv"
        source.write_text("vendor,criterion,score\nAcme,CR1,3\nAcme,CR1,2\n", encoding="utf-8")
        with pytest.raises(ImportProblem, match="row 2, column criterion: Acme already has"):
            import_file(desk, source)
        assert desk.records("scores") == []

    def test_a_json_score_above_the_scale_names_record_and_field(
        self, desk: Store, tmp_path: Path
    ) -> None:
        source = tmp_path / "in.json"
        source.write_text('{"scores": [{"vendor": "Acme", "criterion": "CR2", "score": 9}]}')
        with pytest.raises(ImportProblem, match="scores record 1, field score: 9 is outside"):
            import_file(desk, source)

    def test_exported_vendor_tables_import_into_a_new_project(
        self, desk: Store, tmp_path: Path
    ) -> None:
        desk.add("scores", {"vendor": "Acme", "criterion": "CR1", "score": "4", "note": "cheap"})
        tables = ("people", "vendors", "comparisons", "criteria", "scores", "quotes")
        source = tmp_path / "all.json"
        import json

        source.write_text(json.dumps({t: export_records(desk, t) for t in tables}))
        other = Store.create(tmp_path / "other.json", {"name": "Copy", "start": "2026-11-02"})
        import_file(other, source)
        assert [export_records(other, t) for t in tables] == [
            export_records(desk, t) for t in tables
        ]
