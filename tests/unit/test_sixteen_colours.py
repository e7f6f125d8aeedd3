"""16-colour terminals (TERM=xterm): each RAG level keeps its own colour. The nearest of the
16 colours by distance turns the default amber (#F2A93B) bright red, the same as red, so the
app picks the ANSI colour per level instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color, ColorSystem

from pmtui.app import PmtuiApp
from pmtui.themes import DEFAULT_THEME, load_themes, sixteen_colour_variables
from tests.uihelpers import demo_store, isolated_env, make_app

#: ANSI colour numbers: green, yellow, red (dark themes take the bright ones, 8 higher).
GREEN, YELLOW, RED = 2, 3, 1
BUILTINS, _ = load_themes(None)


def ansi_number(value: str) -> int | None:
    return Color.parse(value).downgrade(ColorSystem.STANDARD).number


def test_the_default_amber_is_drawn_red_without_the_fix() -> None:
    variables = BUILTINS[DEFAULT_THEME].variables
    assert ansi_number(variables["rag-amber"]) == ansi_number(variables["rag-red"])


@pytest.mark.parametrize(("dark", "bright"), [(True, 8), (False, 0)])
def test_each_rag_level_gets_its_own_ansi_colour(dark: bool, bright: int) -> None:
    variables = sixteen_colour_variables(BUILTINS[DEFAULT_THEME].variables, dark=dark)
    shown = [ansi_number(variables[f"rag-{level}"]) for level in ("green", "amber", "red")]
    assert shown == [GREEN + bright, YELLOW + bright, RED + bright]
    risks = [ansi_number(variables[f"risk-{level}"]) for level in ("low", "medium", "high")]
    assert risks == shown
    assert ansi_number(variables["warning"]) == YELLOW + bright


def test_other_variables_are_kept() -> None:
    given = {"rag-amber": "#F2A93B", "footer-key-foreground": "#6CB6FF"}
    assert sixteen_colour_variables(given, dark=True)["footer-key-foreground"] == "#6CB6FF"


async def test_the_app_on_a_sixteen_colour_terminal_draws_amber_yellow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app: PmtuiApp = make_app(demo_store(tmp_path), isolated_env(tmp_path))
    app.console._color_system = ColorSystem.STANDARD  # what TERM=xterm gives
    # run_test is headless, where the theme is drawn as it is; here it stands for a terminal.
    monkeypatch.setattr(PmtuiApp, "is_headless", property(lambda self: False))
    async with app.run_test(size=(80, 24)):
        amber = app.theme_variables["rag-amber"]
        red = app.theme_variables["rag-red"]
    assert (ansi_number(amber), ansi_number(red)) == (YELLOW + 8, RED + 8)


async def test_a_truecolor_terminal_keeps_the_themes_colours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app: PmtuiApp = make_app(demo_store(tmp_path), isolated_env(tmp_path))
    app.console._color_system = ColorSystem.TRUECOLOR
    monkeypatch.setattr(PmtuiApp, "is_headless", property(lambda self: False))
    async with app.run_test(size=(80, 24)):
        amber = app.theme_variables["rag-amber"]
    assert amber.upper() == BUILTINS[DEFAULT_THEME].variables["rag-amber"].upper()
