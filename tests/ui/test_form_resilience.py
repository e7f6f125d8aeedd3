"""Ordinary typos and a file that cannot be written never end the app nor lose the form:
the form stays open with the reason, the status line says when the file was not written."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from pmtui.boards.area import AreaScreen
from pmtui.screens.confirm import ConfirmModal
from pmtui.screens.record_form import RecordForm
from pmtui.store import Store
from tests.uihelpers import TODAY, isolated_env, make_app, reopened, type_text


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.create(
        tmp_path / "p.json", {"name": "ERP Roll-out", "start": "2026-09-01"}, today=TODAY
    )


async def _fill(pilot: object, form: RecordForm, field: str, text: str) -> None:
    form.query_one(f"#field-{field}", Input).focus()
    await pilot.press("ctrl+u")  # type: ignore[attr-defined]
    await type_text(pilot, text)  # type: ignore[arg-type]


async def test_a_bracket_in_a_website_keeps_the_form_open_with_the_reason(
    store: Store, tmp_path: Path
) -> None:
    before = store.path.read_bytes()
    app = make_app(store, isolated_env(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "a")
        form = app.screen
        assert isinstance(form, RecordForm)
        await _fill(pilot, form, "name", "Acme")
        await _fill(pilot, form, "website", "http://[x")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and app.screen is form
        shown = str(form.query_one("#error-website").render()) + str(
            form.query_one("#form-message").render()
        )
        assert "website" in shown or "URL" in shown
        assert form.values()["name"] == "Acme"
    assert store.path.read_bytes() == before


async def test_a_time_zone_that_names_a_folder_keeps_the_app_running(
    store: Store, tmp_path: Path
) -> None:
    app = make_app(store, isolated_env(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "e")
        form = app.screen
        assert isinstance(form, RecordForm)
        await _fill(pilot, form, "time_zone", "Europe")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape", "2", "3", "9")
        await pilot.pause()
        assert app.is_running


async def test_a_file_that_cannot_be_written_says_not_saved_and_keeps_the_app(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(store, isolated_env(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a")
        form = app.screen
        assert isinstance(form, RecordForm)
        await _fill(pilot, form, "name", "Dana Fox")

        def refuse(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied", str(store.path))

        monkeypatch.setattr("os.replace", refuse)
        monkeypatch.setattr("os.rename", refuse)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, (AreaScreen, RecordForm))
        status = (
            str(app.screen.query_one("#status").render())
            if isinstance(app.screen, AreaScreen)
            else ""
        )
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "not saved" in status or "Permission denied" in messages
    assert [p["name"] for p in reopened(store).records("people")] == []


async def test_an_unexpected_error_ends_the_app_non_zero_with_its_traceback_kept(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pmtui.boards.project.settings import ProjectBoard

    def broken(self: object) -> None:
        raise RuntimeError("a bug nobody foresaw")

    monkeypatch.setattr(ProjectBoard, "action_edit", broken)
    env = isolated_env(tmp_path)
    app = make_app(store, env)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("9", "e")
            await pilot.pause()
    assert app.return_code == 1
    assert app.crash_report is not None
    assert app.crash_report.is_relative_to(Path(env["XDG_STATE_HOME"]))
    assert app.crash_report.stat().st_mode & 0o777 == 0o600
    report = app.crash_report.read_text()
    assert "RuntimeError: a bug nobody foresaw" in report and "def broken" not in report
    assert "in broken" in report
    assert app.crash_error == "RuntimeError: a bug nobody foresaw"


async def test_keys_arriving_in_one_burst_land_in_order(store: Store, tmp_path: Path) -> None:
    # Over a slow link several keys arrive in one read; Textual 8.2.8 (the newest) runs
    # enter, backspace and end after the printable keys of the same burst.
    app = make_app(store, isolated_env(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a")
        form = app.screen
        assert isinstance(form, RecordForm)
        first, second = form.fields[0].name, form.fields[1].name
        burst = [*"Danx", "backspace", "a", "home", "X", "end", "!", "enter", *"PM"]
        for key in burst:
            character = key if len(key) == 1 else None
            app.post_message(events.Key(key, character))
        await pilot.pause()
        assert (form.values()[first], form.values()[second]) == ("XDana!", "PM")


async def test_a_form_open_when_the_app_ends_is_offered_back_next_time(
    store: Store, tmp_path: Path
) -> None:
    env = isolated_env(tmp_path)
    app = make_app(store, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a")
        form = app.screen
        assert isinstance(form, RecordForm)
        await _fill(pilot, form, "name", "Dana Fox")
        app.exit()  # what ctrl+q, SIGHUP (a dropped link) and SIGTERM do
        await pilot.pause()
    drafts = Path(env["XDG_STATE_HOME"]) / "pmtui" / "drafts.json"
    assert "Dana Fox" in drafts.read_text()
    assert drafts.stat().st_mode & 0o777 == 0o600
    assert reopened(store).records("people") == []

    again = make_app(reopened(store), env)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a")
        assert isinstance(again.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        form = again.screen
        assert isinstance(form, RecordForm)
        assert form.values()["name"] == "Dana Fox"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [p["name"] for p in reopened(store).records("people")] == ["Dana Fox"]
    assert "Dana Fox" not in drafts.read_text()


async def test_a_crash_keeps_the_open_form_and_no_forgets_it(store: Store, tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    app = make_app(store, env)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("9", "e")
            form = app.screen
            assert isinstance(form, RecordForm)
            await _fill(pilot, form, "sponsor", "Board of Directors")
            app.call_later(_crash)
            await pilot.pause()
    drafts = Path(env["XDG_STATE_HOME"]) / "pmtui" / "drafts.json"
    assert "Board of Directors" in drafts.read_text()
    again = make_app(reopened(store), env)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "e")
        assert isinstance(again.screen, ConfirmModal)
        await pilot.press("n")  # no: the form opens as the record is, the draft is gone
        await pilot.pause()
        form = again.screen
        assert isinstance(form, RecordForm)
        assert form.values()["sponsor"] == ""
    assert "Board of Directors" not in drafts.read_text()


def _crash() -> None:
    raise RuntimeError("a bug nobody foresaw")
