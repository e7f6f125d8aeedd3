"""The status report against a seeded project with known figures (tests/report_seed.py):
RAG with reasons, earned value, each Markdown section, the HTML parsed, snapshots and
trends, --as-of with and without a snapshot, and performance notes never shown."""

from __future__ import annotations

import json
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pmtui.reports.status import gather, html, markdown, to_json
from pmtui.reports.status_layout import TITLES
from pmtui.services.status import issue_report
from pmtui.store import Store
from tests.environment import TODAY
from tests.report_seed import LAST_REPORT, SECRET, seed


@pytest.fixture
def seeded(store: Store) -> Store:
    return seed(store)


def sections(text: str) -> dict[str, str]:
    """Markdown '## Title' -> the section's text up to the next '## '."""
    found: dict[str, str] = {}
    for part in text.split("\n## ")[1:]:
        title, _, body = part.partition("\n")
        found[title] = body.strip()
    return found


class TestFigures:
    """The seeded project's RAG and money, worked out by hand in tests/report_seed.py."""

    def test_rag_and_reasons(self, seeded: Store) -> None:
        data = to_json(gather(seeded))
        assert data["rag"] == {"schedule": "amber", "cost": "red", "scope": "amber",
                               "risk": "red", "overall": "red", "override": None,
                               "computed": "red"}  # fmt: skip
        assert data["reasons"] == {
            "schedule": "SPI 0.93 is below 0.95; the critical path finishes by the target finish",
            "cost": "CPI 0.80 is below 0.85",
            "scope": "1 approved scope change (Add VAT report) since the last report",
            "risk": "1 high risk (Key user leaves) open past its review date",
            "overall": "the worst of the four: cost, risk",
        }

    def test_money_is_pmbok_earned_value_unrounded(self, seeded: Store) -> None:
        # PMBOK 6th ed. 7.4.2.2: SPI = EV / PV = 26,000 / 28,000; CPI = EV / AC = 26,000 / 32,500.
        money = to_json(gather(seeded))["money"]
        assert (money["bac"], money["pv"], money["ev"], money["ac"]) == (35000, 28000, 26000, 32500)
        assert money["spi"] == pytest.approx(26000 / 28000, abs=1e-12)
        assert money["cpi"] == pytest.approx(0.8, abs=1e-12)
        assert money["budget_used"] == pytest.approx(32500 / 35000, abs=1e-12)
        assert money["percent_complete"] == pytest.approx(26000 / 35000, abs=1e-12)

    def test_an_override_is_shown_beside_the_computed_colour(self, seeded: Store) -> None:
        seeded.update("project", "project", {"status": "amber", "status_reason": "Agreed"})
        data = to_json(gather(seeded))
        assert (data["rag"]["overall"], data["rag"]["override"], data["rag"]["computed"]) == (
            "amber", "amber", "red")  # fmt: skip
        status = sections(markdown(gather(seeded)))["Status"]
        assert "| Overall | Amber | set by the manager: Agreed (computed: red) |" in status


class TestMarkdown:
    """Each section of the Markdown, compared whole."""

    def test_the_sections_come_in_order(self, seeded: Store) -> None:
        assert list(sections(markdown(gather(seeded)))) == list(TITLES)

    def test_heading_and_summary(self, seeded: Store) -> None:
        text = markdown(gather(seeded))
        assert text.startswith(
            "# Status report: Payroll &lt;Upgrade&gt; \\| 2027\n\n"
            "As of 2026-11-26 · since the last report on 2026-11-19 · project manager Chen Wei\n"
        )
        assert sections(text)["Summary"] == "Build is nearly done.\n\nTest starts on Monday."

    def test_a_summary_typed_as_a_list_stays_a_list(self, seeded: Store) -> None:
        summary = "Good week.\n\n- Build *done*\n- Test <next>"
        seeded.update("project", "project", {"report_summary": summary})
        report = gather(seeded)
        assert sections(markdown(report))["Summary"] == (
            "Good week.\n\n- Build \\*done\\*\n- Test &lt;next&gt;"
        )
        assert "<ul>\n<li>Build *done*</li>\n<li>Test &lt;next&gt;</li>\n</ul>" in html(report)

    def test_status_section(self, seeded: Store) -> None:
        assert sections(markdown(gather(seeded)))["Status"] == "\n".join([
            "| Area | Status | Why |",
            "| --- | --- | --- |",
            "| Overall | Red | the worst of the four: cost, risk |",
            "| Schedule | Amber | SPI 0.93 is below 0.95; the critical path finishes by the target finish |",  # noqa: E501
            "| Cost | Red | CPI 0.80 is below 0.85 |",
            "| Scope | Amber | 1 approved scope change (Add VAT report) since the last report |",
            "| Risk | Red | 1 high risk (Key user leaves) open past its review date |",
        ])  # fmt: skip

    def test_milestones_section(self, seeded: Store) -> None:
        assert sections(markdown(gather(seeded)))["Milestones"] == "\n".join([
            "### Done since the last report", "",
            "| Milestone | Due | Owner |", "| --- | --- | --- |",
            "| Design signed off | 2026-11-13 | Chen Wei |", "",
            "### Next", "",
            "| Milestone | Due | Forecast | Owner |", "| --- | --- | --- | --- |",
            "| Go-live | 2026-12-02 | 2026-12-04 | Elena Rossi |", "",
            "### Slipping", "",
            "| Milestone | Due | Forecast | Late by |", "| --- | --- | --- | --- |",
            "| Go-live | 2026-12-02 | 2026-12-04 | +2 wd |",
        ])  # fmt: skip

    def test_slipping_reads_late_by_against_the_baseline_shown(self, seeded: Store) -> None:
        """The slip is counted from the baseline due (a milestone's commitment) where there
        is one: the table names that date, so 'Late by' adds up for the reader."""
        seeded.update("milestones", "M2", {"baseline_due": "2026-12-03"})
        slipping = sections(markdown(gather(seeded)))["Milestones"].split("### Slipping")[1]
        assert slipping.strip().splitlines() == [
            "| Milestone | Due | Baseline due | Forecast | Late by |",
            "| --- | --- | --- | --- | --- |",
            "| Go-live | 2026-12-02 | 2026-12-03 | 2026-12-04 | +1 wd |",
        ]

    def test_accomplishments_are_sentences_grouped_by_what_was_done(self, seeded: Store) -> None:
        assert sections(markdown(gather(seeded)))["Accomplishments"] == "\n".join([
            "- Reached milestone Design signed off",
            "- Finished task Design",
            "- Approved change Add VAT report",
            "- Resolved issue Old printer",
            "- Recorded decision Approved change CH1: Add VAT report",
        ])  # fmt: skip

    def test_work_done_before_the_last_report_is_not_news(self, seeded: Store) -> None:
        """A record brought in already done (a plan imported, the demo built) is logged on
        the day it came in; where it keeps the day it was done (a task's actual finish, a
        baseline's date; a milestone by its tasks), work done on or before the last report
        is not reported as done since it."""
        seeded.add("tasks", {"key": "T9", "title": "Legacy analysis", "duration": 3,
                             "status": "done", "actual_start": "2026-11-02",
                             "actual_finish": "2026-11-04"})  # fmt: skip
        seeded.add("milestones", {"key": "M9", "title": "Analysis signed off",
                                  "due": "2026-11-05", "tasks": "T9",
                                  "status": "done"})  # fmt: skip
        seeded.add("baselines", {"name": "Kick-off plan", "date": "2026-11-02"})
        report = gather(seeded)
        said = "\n".join(report.accomplishments)
        assert "Legacy analysis" not in said
        assert "Analysis signed off" not in said
        assert "Kick-off plan" not in said
        assert [m.title for m in report.milestones_done] == ["Design signed off"]
        assert "- Finished task Design" in sections(markdown(report))["Accomplishments"]

    def test_risks_issues_and_decisions(self, seeded: Store) -> None:
        found = sections(markdown(gather(seeded)))
        assert found["Risks"] == "\n".join([
            "| Risk | Level | Score | Owner | Review |", "| --- | --- | --- | --- | --- |",
            "| Key user leaves | high | 0.72 | Elena Rossi | 2026-11-20 |",
            "| Test data late | medium | 0.1 | - | 2026-12-06 |",
        ])  # fmt: skip
        assert found["Issues"] == "\n".join([
            "| Issue | Severity | Owner | Due | Status |", "| --- | --- | --- | --- | --- |",
            "| Interface errors | high | Chen Wei | 2026-11-29 | open |",
        ])  # fmt: skip
        assert found["Decisions needed"] == "\n".join([
            "| Decision | What | Who decides |", "| --- | --- | --- |",
            "| Second test cycle | change request, under review, cost 4,000.00 | Chen Wei |",
            "| Test tool | vendor comparison, no vendor chosen | - |",
        ])  # fmt: skip

    def test_next_steps_are_the_coming_agenda(self, seeded: Store) -> None:
        steps = sections(markdown(gather(seeded)))["Next steps"].splitlines()
        assert "| 2026-11-28 | Book the test room | Elena Rossi |" in steps
        assert "| 2026-12-02 | Go-live | Elena Rossi |" in steps

    def test_next_steps_without_a_date_of_their_own_are_dated_as_of(self, seeded: Store) -> None:
        """A written report is read on other days: an item Today counts as due today (a
        task behind plan) carries the report's date, never the word 'today'."""
        report = gather(seeded)
        assert any(step.due is None for step in report.next_steps)
        rows = sections(markdown(report))["Next steps"].splitlines()[2:]
        dues = [row.split(" | ")[0].removeprefix("| ") for row in rows]
        assert dues and all(date.fromisoformat(due) >= report.as_of for due in dues)

    def test_budget_and_trends(self, seeded: Store) -> None:
        found = sections(markdown(gather(seeded)))
        budget = found["Budget and earned value"].splitlines()
        assert "| Budget at completion (BAC) | 35,000.00 EUR |" in budget
        assert "| SPI | 0.93 |" in budget and "| Budget used | 93 % |" in budget
        assert found["Trends"].splitlines()[2:] == [
            "| 2026-11-19 | Green | 0.97 | 0.90 | 55 % | 60 % | 1 | 1 |",
            "| 2026-11-26 (this report) | Red | 0.93 | 0.80 | 74 % | 93 % | 1 | 1 |",
        ]

    def test_record_text_cannot_break_a_table_or_open_html(self, seeded: Store) -> None:
        seeded.update("issues", "I1", {"title": "a | b <script>x</script>\nc"})
        line = sections(markdown(gather(seeded)))["Issues"].splitlines()[2]
        assert line.startswith("| a \\| b &lt;script&gt;x&lt;/script&gt; c | high |")


class _Parsed(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.h2: list[str] = []
        self.style = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs
        self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "h2":
            self.h2.append(data)
        elif self._in == "style":
            self.style += data


class TestHtml:
    """One self-contained file: no script, nothing fetched, the sections, print CSS."""

    def test_self_contained_with_every_section(self, seeded: Store) -> None:
        seeded.update("issues", "I1", {"title": '<script>alert(1)</script><img src="http://x">'})
        parsed = _Parsed()
        parsed.feed(html(gather(seeded)))
        assert "script" not in parsed.tags and "img" not in parsed.tags
        assert not {"link", "iframe", "object", "embed"} & set(parsed.tags)
        assert not [v for k, v in parsed.attributes if k in ("src", "href")]
        assert parsed.h2 == list(TITLES)
        assert "@page" in parsed.style and "@media print" in parsed.style
        assert "url(" not in parsed.style and "@import" not in parsed.style

    def test_the_figures_are_there(self, seeded: Store) -> None:
        text = html(gather(seeded))
        assert '<td class="rag rag-red">Red</td>' in text
        assert "<td>CPI 0.80 is below 0.85</td>" in text
        assert "<h1>Status report: Payroll &lt;Upgrade&gt; | 2027</h1>" in text


def test_performance_notes_never_appear(seeded: Store) -> None:
    report = gather(seeded)
    for text in (markdown(report), html(report), json.dumps(to_json(report))):
        assert SECRET not in text and "SECRET" not in text
        assert "follow up with" not in text
        assert "concern" not in text  # the note's kind


class TestSnapshots:
    """Issuing saves a snapshot (one undo step); two issued reports make a trend."""

    def test_issuing_saves_the_figures(self, seeded: Store) -> None:
        key = issue_report(seeded)
        snapshot = seeded.require("report_snapshots", key)
        assert snapshot["date"] == TODAY.isoformat()
        assert (snapshot["overall"], snapshot["schedule"], snapshot["cost"]) == (
            "red", "amber", "red")  # fmt: skip
        assert snapshot["spi"] == pytest.approx(26000 / 28000, abs=1e-9)
        assert snapshot["percent_complete"] == pytest.approx(74.2857, abs=1e-3)
        assert (snapshot["risks_high"], snapshot["risks_medium"], snapshot["open_issues"]) == (
            1, 1, 1)  # fmt: skip
        assert snapshot["summary"] == "Build is nearly done.\n\nTest starts on Monday."

    def test_issuing_twice_on_a_day_replaces_and_undo_takes_it_back(self, seeded: Store) -> None:
        first = issue_report(seeded)
        assert issue_report(seeded) == first
        assert len(seeded.records("report_snapshots")) == 2
        seeded.undo()
        seeded.undo()
        assert [s["date"] for s in seeded.records("report_snapshots")] == [LAST_REPORT]

    def test_the_last_issued_report_counts_today(self, seeded: Store) -> None:
        from pmtui.services.project_rag import last_issued, last_report_date

        assert last_issued(seeded.read_context()) == date(2026, 11, 19)
        issue_report(seeded)
        assert last_issued(seeded.read_context()) == TODAY
        assert last_report_date(seeded.read_context()) == date(2026, 11, 19)

    def test_a_trend_after_two_issued_reports(self, seeded: Store, project_path: Path) -> None:
        issue_report(seeded)
        seeded.close()
        later = Store.open(project_path, today=date(2026, 12, 3))
        later.update("tasks", "T2", {"percent_complete": 100})
        issue_report(later)
        report = gather(later)
        assert report.since == TODAY
        trend = to_json(report)["trends"]
        assert [t["date"] for t in trend] == [LAST_REPORT, "2026-11-26", "2026-12-03"]
        assert trend[1]["percent_complete"] == pytest.approx(26000 / 35000, abs=1e-6)
        assert trend[2]["percent_complete"] == pytest.approx(30000 / 35000, abs=1e-6)
        rows = sections(markdown(report))["Trends"].splitlines()
        assert len(rows) == 5 and rows[-1].startswith("| 2026-12-03 | ")
        later.close()


class TestAsOf:
    """--as-of: the issued snapshot's figures where one exists, else the file's."""

    def test_with_a_snapshot_of_that_date(self, seeded: Store) -> None:
        report = gather(seeded, date(2026, 11, 19))
        data = to_json(report)
        assert data["source"] == "snapshot"
        assert data["rag"]["overall"] == "green" and data["rag"]["cost"] == "amber"
        assert (data["money"]["spi"], data["money"]["cpi"]) == (0.97, 0.9)
        assert data["money"]["percent_complete"] == pytest.approx(0.55)
        assert report.summary == "Design done."
        assert report.notes == ["RAG and figures from the report issued on 2026-11-19"]

    def test_an_issued_report_read_back_keeps_its_reasons(self, seeded: Store) -> None:
        issue_report(seeded)
        seeded.update("tasks", "T2", {"percent_complete": 100})  # the file moves on
        reasons = to_json(gather(seeded, TODAY))["reasons"]
        assert reasons["cost"] == "CPI 0.80 is below 0.85 (as issued on 2026-11-26)"
        assert reasons["overall"] == ("the worst of the four: cost, risk (as issued on 2026-11-26)")
        assert to_json(gather(seeded))["source"] == "file"  # without --as-of: the file

    def test_without_a_snapshot_of_that_date(self, seeded: Store) -> None:
        report = gather(seeded, date(2026, 11, 24))
        assert report.source == "file"
        assert report.notes == [
            "no report was issued on 2026-11-24: figures computed from the file as it is now"
        ]
        assert report.since == date(2026, 11, 19)
        assert to_json(report)["as_of"] == "2026-11-24"
