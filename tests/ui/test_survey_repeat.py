"""n on the Needs & surveys board adds a survey that asks the questions of the one shown
again (the same text and scale), so a pulse survey's trend goes on without retyping each
question word for word; u takes the copied questions off. Keys only."""

from __future__ import annotations

from pathlib import Path

from pmtui.store import Store
from tests.uihelpers import demo_store, isolated_env, make_app, reopened, table_text, type_text


async def test_a_new_survey_asks_the_shown_surveys_questions_again(tmp_path: Path) -> None:
    store = demo_store(tmp_path)
    shown = max(store.records("surveys"), key=lambda s: str(s.get("sent_on")))
    asked = sorted(
        (str(q["text"]), q.get("scale"))
        for q in store.records("survey_questions")
        if q.get("survey") == shown["key"]
    )
    assert len(asked) == 3
    app = make_app(store, isolated_env(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "]", "]", "]", "n")
        await pilot.pause()
        await type_text(pilot, "Key user readiness pulse 3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        listed = table_text(app, "#questions")
        assert "I know what changes for me at go-live" in listed
        said = [str(n.message) for n in app._notifications]
        assert any("Asks the 3 questions of" in m for m in said), said
    saved: Store = reopened(store)
    new = next(s for s in saved.records("surveys") if s["title"] == "Key user readiness pulse 3")
    again = sorted(
        (str(q["text"]), q.get("scale"))
        for q in saved.records("survey_questions")
        if q.get("survey") == new["key"]
    )
    assert again == asked


async def test_u_takes_the_questions_asked_again_off(tmp_path: Path) -> None:
    store = demo_store(tmp_path)
    app = make_app(store, isolated_env(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "]", "]", "]", "n")
        await pilot.pause()
        await type_text(pilot, "Pulse 3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
    saved = reopened(store)
    new = next(s for s in saved.records("surveys") if s["title"] == "Pulse 3")
    assert [q for q in saved.records("survey_questions") if q.get("survey") == new["key"]] == []
