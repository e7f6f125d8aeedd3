"""Issue 14, forms: names not keys in forms and messages, reference completion, asking before
typed changes are thrown away, deletes that check dependants first, the user's date order in
the date hint, and accepting a resubmitted deliverable."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from pmtui.app import PmtuiApp
from pmtui.config import Config
from pmtui.screens.confirm import ConfirmModal
from pmtui.screens.record_form import RecordForm
from pmtui.store import Store
from tests.uihelpers import TODAY, demo_store, isolated_env, make_app, reopened, type_text

MILESTONES = ("2", "right_square_bracket", "right_square_bracket")
RACI = ("3", "right_square_bracket", "right_square_bracket")
WBS = ("2",)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return demo_store(tmp_path)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return isolated_env(tmp_path)


@pytest.fixture
def app(store: Store, env: dict[str, str]) -> PmtuiApp:
    return make_app(store, env)


def messages(app: PmtuiApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def field(form: RecordForm, name: str) -> Input:
    return form.query_one(f"#field-{name}", Input)


def text_of(app: PmtuiApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def go_to(pilot: Pilot[None], name: str) -> Input:
    """Move down (or up) the open form to field `name`, as a person does."""
    form = pilot.app.screen
    assert isinstance(form, RecordForm)
    names = [f.name for f in form.fields]
    for _ in range(len(names)):
        focused = pilot.app.focused
        assert isinstance(focused, Input) and focused.id
        at = names.index(focused.id.removeprefix("field-"))
        if names[at] == name:
            return focused
        await pilot.press("down" if names.index(name) > at else "up")
    raise AssertionError(f"no field {name}")


class TestNames:
    """Forms, toasts and the RACI status line name people and records."""

    async def test_a_milestone_form_shows_its_owner_by_name_and_saving_names_it(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*MILESTONES, "e")  # Planned: M5 first
            form = app.screen
            assert isinstance(form, RecordForm)
            assert form.form_title == "Edit milestone Go/no-go decision"
            assert field(form, "owner").value == "Dr. Katharina Weber"
            assert field(form, "tasks").value == "Go/no-go decision"
            await go_to(pilot, "notes")
            await type_text(pilot, "Steering committee")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "Saved Go/no-go decision" in messages(app)
            saved = reopened(store).require("milestones", "M5")
            assert (saved["owner"], saved["tasks"], saved["notes"]) == (
                "P1",
                ["T26"],
                "Steering committee",
            )
            await pilot.press("u")
            await pilot.pause()
            assert "Undone: edit milestone Go/no-go decision" in messages(app)
        assert "notes" not in reopened(store).require("milestones", "M5")

    async def test_adding_a_person_names_them_in_the_toast(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("3", "a")
            await type_text(pilot, "Dana Fox")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "Added Dana Fox" in messages(app)

    async def test_the_raci_status_line_shows_names_not_assignment_keys(
        self, app: PmtuiApp
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*RACI)
            await pilot.pause()
            await pilot.press("n")  # to D6, on the first person holding A
            caption = text_of(app, "#raci-caption")
            assert caption.startswith("Interface specifications × Markus Brandt: A")
            assert "AS" not in caption
            await pilot.press("space")
            await pilot.pause()
            assert "Interface specifications × Markus Brandt: C" in messages(app)
            await pilot.press("u")
            await pilot.pause()
            assert "Undone: RACI Interface specifications × Markus Brandt: C" in messages(app)

    async def test_two_people_of_one_name_show_their_keys_and_keep_them(
        self, store: Store, env: dict[str, str]
    ) -> None:
        store.add("people", {"name": "Chen Wei", "role": "Tester"})  # P13
        store.update("milestones", "M5", {"owner": "P13"})
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*MILESTONES, "e")
            form = app.screen
            assert isinstance(form, RecordForm)
            assert field(form, "owner").value == "Chen Wei (P13)"
            await go_to(pilot, "due")
            await pilot.press("ctrl+u")
            await type_text(pilot, "2027-03-26")
            await pilot.press("ctrl+s")
            await pilot.pause()
        saved = reopened(store).require("milestones", "M5")
        assert (saved["owner"], saved["due"]) == ("P13", "2027-03-26")

    async def test_saving_the_project_settings_names_the_project(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("9", "e")
            form = app.screen
            assert isinstance(form, RecordForm)
            await go_to(pilot, "sponsor")
            await pilot.press("ctrl+u")
            await type_text(pilot, "Board of Directors")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "Saved ERP Roll-out (S/4HANA)" in messages(app)
        assert reopened(store).project["sponsor"] == "Board of Directors"

    async def test_a_name_with_brackets_is_shown_as_typed_in_the_toasts(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await add_milestone_form(pilot)
            await type_text(pilot, "Budget [draft] [/b]")
            await pilot.press("enter")
            await type_text(pilot, "fri")
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("u")
            await pilot.pause()
            assert app.is_running
            shown = {str(n.message): n.markup for n in app._notifications}
            # Shown as typed: not read as markup (which dropped the toast).
            assert shown["Added Budget [draft] [/b]"] is False
            assert shown["Undone: add milestone Budget [draft] [/b]"] is False

    async def test_a_persons_page_is_headed_by_their_name(self, app: PmtuiApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("3", "slash", *"chen", "enter", "enter")
            heading = text_of(app, "#person-heading")
            assert heading == "Chen Wei — ABAP developer"


async def add_milestone_form(pilot: Pilot[None]) -> RecordForm:
    await pilot.press(*MILESTONES, "a")
    form = pilot.app.screen
    assert isinstance(form, RecordForm)
    return form


class TestCompletion:
    """Reference fields offer what CONTRACT's matching finds; tab (or enter) takes it."""

    async def test_a_unique_prefix_is_offered_and_tab_takes_it(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            form = await add_milestone_form(pilot)
            await type_text(pilot, "Cutover rehearsal")
            await pilot.press("enter")
            await type_text(pilot, "fri")
            await pilot.press("enter", "enter")
            await type_text(pilot, "mark")
            assert "Markus Brandt" in str(form.query_one("#matches-owner", Static).render())
            await pilot.press("tab")
            assert field(form, "owner").value == "Markus Brandt"
            assert app.focused is field(form, "owner")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "Added Cutover rehearsal" in messages(app)
        [added] = [m for m in reopened(store).records("milestones") if m["title"].startswith("Cut")]
        assert (added["owner"], added["due"]) == ("P2", "2026-11-27")

    async def test_several_matches_are_listed_and_one_is_picked(
        self, store: Store, env: dict[str, str]
    ) -> None:
        store.add("people", {"name": "Chen Li"})  # P13
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            form = await add_milestone_form(pilot)
            await type_text(pilot, "Interfaces live")
            await pilot.press("enter")
            await type_text(pilot, "eom")
            await go_to(pilot, "owner")
            await type_text(pilot, "chen")
            listed = str(form.query_one("#matches-owner", Static).render())
            assert "Chen Wei" in listed and "Chen Li" in listed
            await pilot.press("down", "enter")  # the second; enter takes it and goes on
            assert field(form, "owner").value == "Chen Li"
            assert app.focused is field(form, "status")
            await pilot.press("ctrl+s")
            await pilot.pause()
        [added] = [
            m for m in reopened(store).records("milestones") if m["title"] == "Interfaces live"
        ]
        assert added["owner"] == "P13"

    async def test_no_match_says_so_while_typing(self, app: PmtuiApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            form = await add_milestone_form(pilot)
            await go_to(pilot, "owner")
            await type_text(pilot, "zz")
            assert "no person matches 'zz'" in str(
                form.query_one("#matches-owner", Static).render()
            )

    async def test_a_list_of_references_completes_its_last_item(self, app: PmtuiApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            form = await add_milestone_form(pilot)
            await go_to(pilot, "tasks")
            await type_text(pilot, "T26; mock load 2")
            await pilot.press("tab")
            assert field(form, "tasks").value == "T26; Mock load 2"

    async def test_enter_does_not_pick_one_of_several_names_for_you(
        self, store: Store, env: dict[str, str]
    ) -> None:
        store.add("people", {"name": "Chen Li"})
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            form = await add_milestone_form(pilot)
            await go_to(pilot, "owner")
            await type_text(pilot, "chen")
            await pilot.press("enter")
            assert field(form, "owner").value == "chen"
            await pilot.press("up", "backspace")  # back to it: "che" lists them again
            await pilot.press("tab")  # tab takes the one highlighted
            assert field(form, "owner").value == "Chen Wei"

    async def test_a_predecessor_is_found_by_name_and_put_in_as_its_key(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*WBS)
            await jump_to(pilot, "Configure FI/CO")
            await pilot.press("e")
            form = app.screen
            assert isinstance(form, RecordForm)
            box = await go_to(pilot, "predecessors")
            assert box.value == "T10"
            await pilot.press("end")
            await type_text(pilot, "; data migration s")
            assert "T9 Data migration strategy" in str(
                form.query_one("#matches-predecessors").render()
            )
            await pilot.press("tab")
            assert box.value == "T10; T9"
            await type_text(pilot, " SS+2")
            assert not form.query_one("#matches-predecessors").has_class("shown")
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert reopened(store).require("tasks", "T12")["predecessors"] == ["T10", "T9 SS+2"]


async def jump_to(pilot: Pilot[None], text: str) -> None:
    """Find a record with ctrl+f and jump to it, as a person does."""
    await pilot.press("ctrl+f")
    await type_text(pilot, text)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


class TestDelete:
    """d checks dependants first: it offers what CONTRACT allows, or says why it cannot."""

    async def test_a_milestone_is_offered_with_its_deliverables_as_one_undoable_step(
        self, store: Store, env: dict[str, str]
    ) -> None:
        with store.transaction("dry run"):
            store.add("milestones", {"key": "M8", "title": "Dry run", "due": "2026-12-15"})
            store.add("deliverables", {"key": "D9", "title": "Dry-run report", "milestone": "M8"})
            store.add("acceptance_criteria", {"deliverable": "D9", "text": "Signed"})
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*MILESTONES)
            await jump_to(pilot, "Dry run")
            await pilot.press("d")
            assert isinstance(app.screen, ConfirmModal)
            question = app.screen.question
            assert "Delete milestone Dry run with its deliverable Dry-run report" in question
            await pilot.press("y")
            await pilot.pause()
            assert "Deleted Dry run" in messages(app)
            gone = reopened(store)
            assert gone.get("milestones", "M8") is None and gone.get("deliverables", "D9") is None
            await pilot.press("u")
            await pilot.pause()
        back = reopened(store)
        assert back.get("deliverables", "D9") is not None
        assert [c["text"] for c in back.records("acceptance_criteria")][-1] == "Signed"

    async def test_a_person_others_refer_to_is_not_asked_about_but_told_why(
        self, app: PmtuiApp, store: Store
    ) -> None:
        before = store.path.read_bytes()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("3", "slash", *"chen", "enter", "d")
            await pilot.pause()
            assert not isinstance(app.screen, ConfirmModal)
            [said] = [m for m in messages(app) if "Chen Wei" in m]
            assert said.startswith("Cannot delete person Chen Wei: ")
            assert "6 assignments" in said and "2 notes" in said
            assert "Bank and CRM interfaces" in said  # a task Chen Wei owns, by title
        assert store.path.read_bytes() == before

    async def test_a_record_nobody_refers_to_is_asked_about_by_name(
        self, store: Store, env: dict[str, str]
    ) -> None:
        store.add("people", {"name": "Dana Fox"})
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("3", "slash", *"dana", "enter", "d")
            assert isinstance(app.screen, ConfirmModal)
            assert app.screen.question.startswith("Delete person Dana Fox?")
            await pilot.press("y")
            await pilot.pause()
            assert "Deleted Dana Fox" in messages(app)
        assert [p["name"] for p in reopened(store).records("people")][-1] == "Samuel Okafor"


class TestUnsavedForms:
    """esc or ctrl+q on a form with typed changes asks first; what was typed is kept as a
    draft and the next a or e on that record offers it back."""

    async def test_esc_asks_keeps_a_draft_and_the_next_add_offers_it_back(
        self, app: PmtuiApp, store: Store, env: dict[str, str]
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            form = await add_milestone_form(pilot)
            await type_text(pilot, "Cutover rehearsal")
            await pilot.press("escape")
            assert isinstance(app.screen, ConfirmModal)
            assert "kept as a draft" in app.screen.question
            await pilot.press("n")  # no: back to the form, nothing lost
            assert app.screen is form and field(form, "title").value == "Cutover rehearsal"
            await pilot.press("escape", "y")
            await pilot.pause()
            assert not isinstance(app.screen, (RecordForm, ConfirmModal))
            drafts = Path(env["XDG_STATE_HOME"]) / "pmtui" / "drafts.json"
            assert "Cutover rehearsal" in drafts.read_text()
            await pilot.press("a")
            assert isinstance(app.screen, ConfirmModal)
            assert "You typed in this new milestone form (Cutover rehearsal)" in app.screen.question
            await pilot.press("y")
            await pilot.pause()
            again = app.screen
            assert isinstance(again, RecordForm)
            assert field(again, "title").value == "Cutover rehearsal"
            await type_text(pilot, " 2")  # what was typed is not replaced by typing
            assert field(again, "title").value == "Cutover rehearsal 2"
        assert all(m["title"] != "Cutover rehearsal" for m in reopened(store).records("milestones"))

    async def test_esc_on_an_untouched_form_just_closes(self, app: PmtuiApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await add_milestone_form(pilot)
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, (RecordForm, ConfirmModal))

    async def test_ctrl_q_asks_before_leaving_a_typed_form(
        self, app: PmtuiApp, env: dict[str, str]
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            form = await add_milestone_form(pilot)
            await type_text(pilot, "Go-live rehearsal")
            await pilot.press("ctrl+q")
            assert isinstance(app.screen, ConfirmModal)
            await pilot.press("n")
            assert app.screen is form and app.is_running
            await pilot.press("ctrl+q", "y")
            await pilot.pause()
        drafts = Path(env["XDG_STATE_HOME"]) / "pmtui" / "drafts.json"
        assert "Go-live rehearsal" in drafts.read_text()

    async def test_an_edit_kept_as_a_draft_is_offered_back_by_the_records_name(
        self, app: PmtuiApp
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*MILESTONES, "e")
            await go_to(pilot, "notes")
            await type_text(pilot, "Board meets on the 19th")
            await pilot.press("escape", "y", "e")
            assert isinstance(app.screen, ConfirmModal)
            assert "this milestone Go/no-go decision form" in app.screen.question
            await pilot.press("y")
            form = app.screen
            assert isinstance(form, RecordForm)
            assert field(form, "notes").value == "Board meets on the 19th"

    async def test_a_form_reopened_after_a_refused_save_asks_before_esc(
        self, app: PmtuiApp, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            form = await add_milestone_form(pilot)
            await type_text(pilot, "Cutover rehearsal")
            await pilot.press("enter")
            await type_text(pilot, "fri")

            def refuse(*args: object, **kwargs: object) -> None:
                raise PermissionError(13, "Permission denied")

            monkeypatch.setattr("os.replace", refuse)
            await pilot.press("ctrl+s")  # the file cannot be written: the form comes back
            await pilot.pause()
            monkeypatch.undo()
            again = app.screen
            assert isinstance(again, RecordForm) and again is not form
            await pilot.press("escape")
            assert isinstance(app.screen, ConfirmModal)
            await pilot.press("y")
            await pilot.pause()
        drafts = Path(env["XDG_STATE_HOME"]) / "pmtui" / "drafts.json"
        assert "Cutover rehearsal" in drafts.read_text()


class TestDateHint:
    """A date field's hint shows the user's date order (config `date_order`)."""

    async def test_day_first_users_see_day_first_examples(
        self, store: Store, env: dict[str, str]
    ) -> None:
        day_first = Store.open(store.path, today=TODAY, date_order="dmy")
        app = make_app(day_first, env, Config(date_order="dmy"))
        async with app.run_test(size=(80, 24)) as pilot:
            form = await add_milestone_form(pilot)
            hint = str(field(form, "due").placeholder)
            assert "24/12" in hint and "24.12." in hint and "12/24" not in hint
            await type_text(pilot, "Cutover rehearsal")
            await pilot.press("enter")
            await type_text(pilot, "24.12.")
            await pilot.press("ctrl+s")
            await pilot.pause()
        saved = reopened(store).records("milestones")
        assert [m["due"] for m in saved if m["title"] == "Cutover rehearsal"] == ["2026-12-24"]

    async def test_month_first_users_see_month_first_examples(self, app: PmtuiApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            form = await add_milestone_form(pilot)
            hint = str(field(form, "due").placeholder)
            assert "12/24" in hint and "24/12" not in hint


class TestAcceptingAResubmittedDeliverable:
    """A new decision starts without the last rejection's comment, and names the criteria
    not met yet before anything is saved."""

    async def test_accept_after_resubmitting_starts_clean_and_names_unmet_criteria(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*MILESTONES)
            await jump_to(pilot, "Vendor master cleansing report")
            await pilot.press("p")  # resubmitted
            await pilot.pause()
            assert "Submitted Vendor master cleansing report" in messages(app)
            await pilot.press("u")
            await pilot.pause()
            assert "Undone: submit deliverable Vendor master cleansing report" in messages(app)
            await pilot.press("p")
            await pilot.pause()
            await pilot.press("A")
            form = app.screen
            assert isinstance(form, RecordForm)
            assert field(form, "reviewer_comment").value == ""
            said = str(form.query_one("#form-message", Static).render())
            assert "Not met yet: Fewer than 0.5 % invalid IBANs" in said
            await pilot.press("ctrl+s")
            await pilot.pause()
            error = str(form.query_one("#form-message", Static).render())
            assert "Fewer than 0.5 % invalid IBANs" in error and "AC7" not in error
        assert reopened(store).require("deliverables", "D4")["status"] == "submitted"

    async def test_who_decided_is_completed_like_any_reference(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*MILESTONES)
            await jump_to(pilot, "Configured system")
            await pilot.press("R")
            form = app.screen
            assert isinstance(form, RecordForm)
            await go_to(pilot, "decided_by")
            await type_text(pilot, "priya")
            await pilot.press("tab")
            assert field(form, "decided_by").value == "Priya Nair"
            await go_to(pilot, "reviewer_comment")
            await type_text(pilot, "Transports missing")
            await pilot.press("ctrl+s")
            await pilot.pause()
        saved = reopened(store).require("deliverables", "D5")
        assert (saved["status"], saved["decided_by"]) == ("rejected", "P5")


class TestFewKeys:
    """The check-in's two chores take few keys (issue 14: at most 8 and 10 beyond the text)."""

    async def test_a_concern_note_for_chen_with_a_follow_up_next_week(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("3")
            keys = 0
            await pilot.press("slash")
            await type_text(pilot, "chen")
            await pilot.press("enter", "enter", "n")  # the person's page, a note
            keys += 4
            await type_text(pilot, "concern")  # replaces the proposed kind
            await pilot.press("enter")
            await type_text(pilot, "Missed the interface review")
            await pilot.press("enter", "enter")
            await type_text(pilot, "next week")
            await pilot.press("ctrl+s")
            keys += 4
            await pilot.pause()
            assert keys <= 10
        [note] = [n for n in reopened(store).records("notes") if n["text"].startswith("Missed")]
        assert (note["person"], note["kind"], note["follow_up"]) == ("P11", "concern", "2026-11-30")

    async def test_a_milestone_due_friday_owned_by_markus(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*MILESTONES, "a")
            await type_text(pilot, "Cutover rehearsal")
            await pilot.press("enter")
            await type_text(pilot, "fri")
            await pilot.press("enter", "enter")
            await type_text(pilot, "markus")
            await pilot.press("ctrl+s")
            await pilot.pause()  # 3 + 5 keys beyond the text
        saved = reopened(store).records("milestones")
        assert [(m["due"], m["owner"]) for m in saved if m["title"] == "Cutover rehearsal"] == [
            ("2026-11-27", "P2")
        ]


async def test_a_summary_task_is_offered_with_its_subtasks_as_one_step(
    tmp_path: Path, env: dict[str, str]
) -> None:
    store = Store.create(tmp_path / "p.json", {"name": "ERP", "start": "2026-11-02"}, today=TODAY)
    with store.transaction("plan"):
        store.add("tasks", {"key": "T1", "title": "Build"})
        store.add("tasks", {"key": "T2", "title": "Configure", "parent": "T1", "duration": "3"})
        store.add("tasks", {"key": "T3", "title": "Test", "parent": "T1", "duration": "2"})
        store.add("tasks", {"key": "T4", "title": "Go-live", "predecessors": "T3"})
    app = make_app(store, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*WBS, "g", "d")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmModal)  # Go-live waits for Test
        [said] = [m for m in messages(app) if m.startswith("Cannot delete")]
        assert said.startswith(
            "Cannot delete task Build with its 2 subtasks (Configure, Test): they are referred "
            "to by task Go-live."
        )
        store.update("tasks", "T4", {"predecessors": ""})
        await pilot.pause(1.8)  # the app reloads the file another session changed
        await pilot.press("g", "d")
        assert isinstance(app.screen, ConfirmModal)
        assert app.screen.question.startswith(
            "Delete task Build with its 2 subtasks (Configure, Test)?"
        )
        await pilot.press("y")
        await pilot.pause()
        assert [t["key"] for t in reopened(store).records("tasks")] == ["T4"]
        await pilot.press("u")
        await pilot.pause()
    assert [t["key"] for t in reopened(store).records("tasks")] == ["T1", "T2", "T3", "T4"]
