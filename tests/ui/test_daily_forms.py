"""Issue 14, forms: names not keys in forms and messages, reference completion, asking before
typed changes are thrown away, deletes that check dependants first, the user's date order in
the date hint, and accepting a resubmitted deliverable."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from pmtui.app import PmtuiApp
from pmtui.screens.record_form import RecordForm
from pmtui.store import Store
from tests.uihelpers import demo_store, isolated_env, make_app, reopened, type_text

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
