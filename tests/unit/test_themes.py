"""Theme files: built-ins work in real Textual, bad files are skipped and reported once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.color import Color
from textual.theme import Theme
from textual.widgets import Static

from pmtui.themes import (
    _COLOUR,
    APP_VARIABLE_DEFAULTS,
    COLOUR_FIELDS,
    DEFAULT_THEME,
    ThemeSpec,
    builtin_themes_dir,
    is_colour,
    load_themes,
)

REPO = Path(__file__).resolve().parents[2]
BUILTINS, BUILTIN_ERRORS = load_themes(None)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def errors_naming(errors: list[str], file_name: str) -> list[str]:
    return [error for error in errors if file_name in error]


# --- built-in themes ---------------------------------------------------------------------


def test_builtin_themes_dir_is_the_repository_themes_folder_in_a_checkout() -> None:
    assert builtin_themes_dir() == REPO / "themes"


def test_builtin_themes_load_without_errors() -> None:
    assert (BUILTIN_ERRORS, {"pmtui-dark", "pmtui-light", "pmtui-16"} <= BUILTINS.keys()) == (
        [],
        True,
    )


def test_default_theme_is_a_builtin() -> None:
    assert DEFAULT_THEME in BUILTINS


@pytest.mark.parametrize("name", sorted(BUILTINS))
def test_builtin_becomes_a_textual_theme_with_every_app_variable(name: str) -> None:
    spec = BUILTINS[name]
    theme = Theme(**spec.theme_kwargs(), variables=spec.variables)
    # As App.get_css_variables does: the generated colour system, then the theme's variables.
    generated = {**theme.to_color_system().generate(), **theme.variables}
    for variable in APP_VARIABLE_DEFAULTS:
        Color.parse(generated[variable])  # raises if Textual cannot use it
    assert (theme.name, APP_VARIABLE_DEFAULTS.keys() <= generated.keys()) == (name, True)


@pytest.mark.parametrize("name", sorted(BUILTINS))
def test_builtin_spells_out_every_app_variable_itself(name: str) -> None:
    source = BUILTINS[name].source.read_text(encoding="utf-8")
    assert [v for v in APP_VARIABLE_DEFAULTS if f"\n{v} =" not in source] == []


def test_sixteen_colour_theme_uses_only_ansi_colours() -> None:
    spec = BUILTINS["pmtui-16"]
    colours = [spec.fields[key] for key in COLOUR_FIELDS if key in spec.fields]
    colours += [spec.variables[key] for key in APP_VARIABLE_DEFAULTS]
    assert ([c for c in colours if not c.startswith("ansi_")], spec.fields["ansi"]) == ([], True)


class ThemedApp(App[None]):
    """Registers one ThemeSpec and paints a widget with an app colour variable."""

    CSS = ".rag-red { color: $rag-red; background: $rag-red 20%; }"

    def __init__(self, spec: ThemeSpec) -> None:
        super().__init__()
        self.spec = spec

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # The CSS is parsed under Textual's startup theme too, before ours is registered.
        return dict(APP_VARIABLE_DEFAULTS)

    def compose(self) -> ComposeResult:
        yield Static("Late", classes="rag-red")

    def on_mount(self) -> None:
        spec = self.spec
        self.register_theme(Theme(**spec.theme_kwargs(), variables=spec.variables))
        self.theme = spec.name


@pytest.mark.parametrize("name", sorted(BUILTINS))
async def test_builtin_registers_and_paints_app_colours_in_a_running_app(name: str) -> None:
    spec = BUILTINS[name]
    app = ThemedApp(spec)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        colour = app.query_one(".rag-red", Static).styles.color
        assert (app.theme, colour) == (name, Color.parse(spec.variables["rag-red"]))


# --- colour syntax -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["#abc", "#abcd", "#AABBCC", "#aabbcc80", "rgb(1, 2, 3)", "rgba(1,2,3,0.5)",
     "hsl(120,50%,40%)", "ansi_red", "ansi_bright_blue", "ansi_default"],
)  # fmt: skip
def test_colour_forms_textual_parses_are_accepted(text: str) -> None:
    assert (is_colour(text), Color.parse(text) is not None) == (True, True)


@pytest.mark.parametrize(
    "text", ["#ab", "#abcde", "#ggg", "rgb(1,2)", "ansi_purple", "ansi_", "blue-ish", ""]
)
def test_malformed_colours_are_rejected(text: str) -> None:
    assert is_colour(text) is False


@given(st.from_regex(_COLOUR, fullmatch=True))
def test_every_accepted_colour_parses_in_textual(text: str) -> None:
    assert isinstance(Color.parse(text), Color)


def test_app_variable_defaults_are_opaque_colours_textual_parses() -> None:
    # Opaque, so the .tcss can add its own opacity ("$rag-red 20%") and mean it.
    alphas = {name: Color.parse(value).a for name, value in APP_VARIABLE_DEFAULTS.items()}
    assert set(alphas.values()) == {1.0}


# --- user themes and bad files -----------------------------------------------------------


def test_theme_without_app_variables_gets_the_defaults(tmp_path: Path) -> None:
    write(tmp_path, "plain.toml", 'name = "plain"\nprimary = "#336699"\n')
    themes, errors = load_themes(tmp_path)
    assert (themes["plain"].variables, errors) == (APP_VARIABLE_DEFAULTS, [])


def test_theme_keeps_its_own_app_variable_and_fills_the_rest(tmp_path: Path) -> None:
    write(tmp_path, "t.toml", 'name = "t"\nprimary = "#336699"\n[variables]\nrag-red = "#ff0000"\n')
    variables = load_themes(tmp_path)[0]["t"].variables
    assert (variables["rag-red"], variables["rag-green"]) == (
        "#ff0000",
        APP_VARIABLE_DEFAULTS["rag-green"],
    )


def test_user_theme_overrides_a_builtin_of_the_same_name(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.toml", f'name = "{DEFAULT_THEME}"\nprimary = "#123456"\n')
    themes, errors = load_themes(tmp_path)
    spec = themes[DEFAULT_THEME]
    assert (spec.source, spec.fields["primary"], errors) == (path, "#123456", [])


def test_user_theme_joins_the_builtins(tmp_path: Path) -> None:
    write(tmp_path, "sea.toml", 'name = "sea"\nprimary = "#006994"\ndark = true\n')
    themes, _ = load_themes(tmp_path)
    assert set(themes) == set(BUILTINS) | {"sea"}


def test_missing_user_folder_is_not_an_error(tmp_path: Path) -> None:
    themes, errors = load_themes(tmp_path / "nowhere")
    assert (set(themes), errors) == (set(BUILTINS), [])


def test_file_that_is_not_toml_is_skipped_and_reported_once_with_position(
    tmp_path: Path,
) -> None:
    write(tmp_path, "broken.toml", 'name = "broken"\nprimary = \n')
    themes, errors = load_themes(tmp_path)
    (message,) = errors_naming(errors, "broken.toml")
    assert ("broken" in themes, "line 2" in message) == (False, True)


def test_unknown_key_skips_the_file_and_says_which(tmp_path: Path) -> None:
    write(tmp_path, "odd.toml", 'name = "odd"\nprimary = "#123"\nprimry = "#456"\n')
    themes, errors = load_themes(tmp_path)
    (message,) = errors_naming(errors, "odd.toml")
    assert ("odd" in themes, "'primry'" in message) == (False, True)


def test_unparseable_colour_skips_the_file_and_says_which(tmp_path: Path) -> None:
    write(tmp_path, "muddy.toml", 'name = "muddy"\nprimary = "#12345"\n')
    themes, errors = load_themes(tmp_path)
    (message,) = errors_naming(errors, "muddy.toml")
    assert ("muddy" in themes, "primary = '#12345' is not a colour" in message) == (False, True)


def test_bad_app_colour_variable_skips_the_file(tmp_path: Path) -> None:
    write(tmp_path, "v.toml", 'name = "v"\nprimary = "#123"\n[variables]\nrag-red = "reddish"\n')
    themes, errors = load_themes(tmp_path)
    (message,) = errors_naming(errors, "v.toml")
    assert ("v" in themes, "variables.rag-red" in message) == (False, True)


def test_textual_text_style_variable_passes_through(tmp_path: Path) -> None:
    write(
        tmp_path,
        "s.toml",
        'name = "s"\nprimary = "#123"\n[variables]\nblock-cursor-text-style = "none"\n',
    )
    themes, errors = load_themes(tmp_path)
    assert (themes["s"].variables["block-cursor-text-style"], errors) == ("none", [])


def test_missing_name_skips_the_file(tmp_path: Path) -> None:
    write(tmp_path, "anon.toml", 'primary = "#123"\n')
    themes, errors = load_themes(tmp_path)
    (message,) = errors_naming(errors, "anon.toml")
    assert (set(themes), "missing 'name'" in message) == (set(BUILTINS), True)


def test_several_problems_in_one_file_make_one_message(tmp_path: Path) -> None:
    write(tmp_path, "worse.toml", 'dark = "yes"\nprimary = "nope"\nglow = 1\n')
    _, errors = load_themes(tmp_path)
    assert len(errors_naming(errors, "worse.toml")) == 1


def test_bad_file_does_not_stop_the_good_ones(tmp_path: Path) -> None:
    write(tmp_path, "a_bad.toml", "primary = 1\n")
    write(tmp_path, "b_good.toml", 'name = "good"\nprimary = "#123"\n')
    themes, errors = load_themes(tmp_path)
    assert ("good" in themes, len(errors)) == (True, 1)


def test_second_user_file_with_the_same_name_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "one.toml", 'name = "twin"\nprimary = "#111"\n')
    write(tmp_path, "two.toml", 'name = "twin"\nprimary = "#222"\n')
    themes, errors = load_themes(tmp_path)
    (message,) = errors_naming(errors, "two.toml")
    assert (themes["twin"].fields["primary"], "one.toml" in message) == ("#111", True)


# --- layering ----------------------------------------------------------------------------


def test_modules_below_the_ui_line_do_not_import_textual() -> None:
    code = (
        "import sys, pmtui.paths, pmtui.config, pmtui.state, pmtui.themes\n"
        "pmtui.themes.load_themes(None)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.strip() == "[]"
