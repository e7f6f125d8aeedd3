"""Theme files (TOML) read into plain ThemeSpecs; the UI turns them into Textual themes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_THEME = "pmtui-dark"

# Colours the app's .tcss uses as $variables. A theme may leave any out; these fill the gap
# and are mid-tones chosen to read on both dark and light backgrounds.
APP_VARIABLE_DEFAULTS: dict[str, str] = {
    "rag-green": "#2EA043",
    "rag-amber": "#D29922",
    "rag-red": "#DA3633",
    "risk-low": "#2EA043",
    "risk-medium": "#D29922",
    "risk-high": "#DA3633",
    "critical": "#E5534B",
    "over-allocation": "#DA3633",
    "under-allocation": "#388BFD",
    "milestone": "#A371F7",
    "baseline": "#8B949E",
    "today-line": "#1F9ED1",
}

#: Where the terminal has 16 colours (TERM=xterm), a colour is drawn as the nearest of the
#: 16 by distance, which turns the default amber (#F2A93B) bright red like red itself. These
#: are exactly the 16-colour palette's entries, so each meaning gets its own ANSI colour:
#: (normal, bright); dark themes take the bright one, light themes the normal one.
_SIXTEEN = {
    "green": ("#00AA00", "#55FF55"),
    "yellow": ("#AA5500", "#FFFF55"),
    "red": ("#AA0000", "#FF5555"),
    "blue": ("#0000AA", "#5555FF"),
    "magenta": ("#AA00AA", "#FF55FF"),
    "cyan": ("#00AAAA", "#55FFFF"),
    "grey": ("#555555", "#AAAAAA"),
}
SIXTEEN_COLOUR_MEANINGS: dict[str, str] = {
    "rag-green": "green",
    "rag-amber": "yellow",
    "rag-red": "red",
    "risk-low": "green",
    "risk-medium": "yellow",
    "risk-high": "red",
    "critical": "red",
    "over-allocation": "red",
    "under-allocation": "cyan",
    "milestone": "magenta",
    "baseline": "grey",
    "today-line": "cyan",
    "warning": "yellow",
    "error": "red",
    "success": "green",
}


def sixteen_colour_variables(variables: Mapping[str, str], dark: bool) -> dict[str, str]:
    """`variables` with the app's colours (RAG, risk, load, $warning...) replaced by their
    16-colour equivalents by meaning; every other variable kept."""
    shade = 1 if dark else 0
    return {
        **variables,
        **{name: _SIXTEEN[meaning][shade] for name, meaning in SIXTEEN_COLOUR_MEANINGS.items()},
    }


# The arguments of textual.theme.Theme (Textual 8.2), except `variables`, which is a table.
COLOUR_FIELDS = (
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
BOOLEAN_FIELDS = ("dark", "ansi")
NUMBER_FIELDS = ("luminosity_spread", "text_alpha")
THEME_FIELDS = ("name", *COLOUR_FIELDS, *BOOLEAN_FIELDS, *NUMBER_FIELDS)

# Mirrors textual.color.Color.parse (and textual._color_constants.ANSI_COLORS) without
# importing Textual, so a theme that passes here also parses there.
ANSI_COLOUR_NAMES = (
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "white",
    "bright_black",
    "bright_red",
    "bright_green",
    "bright_yellow",
    "bright_blue",
    "bright_magenta",
    "bright_cyan",
    "bright_white",
)
_DECIMAL = r"-?\d+\.?\d*"
_PERCENT = r"-?\d+\.?\d*%"
_COMMA = r"\s*,\s*"
_COLOUR = re.compile(
    rf"""^(?:
    \#(?:[0-9a-fA-F]{{3}}|[0-9a-fA-F]{{4}}|[0-9a-fA-F]{{6}}|[0-9a-fA-F]{{8}})
    | rgb\(\s*{_DECIMAL}{_COMMA}{_DECIMAL}{_COMMA}{_DECIMAL}\s*\)
    | rgba\(\s*{_DECIMAL}{_COMMA}{_DECIMAL}{_COMMA}{_DECIMAL}{_COMMA}{_DECIMAL}\s*\)
    | hsl\(\s*{_DECIMAL}{_COMMA}{_PERCENT}{_COMMA}{_PERCENT}\s*\)
    | hsla\(\s*{_DECIMAL}{_COMMA}{_PERCENT}{_COMMA}{_PERCENT}{_COMMA}{_DECIMAL}\s*\)
    | ansi_default
    | ansi_(?:{"|".join(ANSI_COLOUR_NAMES)})
    )$""",
    # ASCII: Textual's regex is Unicode-aware but its float() then chokes on e.g. "\x1f".
    re.VERBOSE | re.ASCII,
)
COLOUR_FORMATS = "#rgb, #rgba, #rrggbb, #rrggbbaa, rgb(r,g,b), rgba(), hsl(), hsla() or ansi_<name>"


def is_colour(text: str) -> bool:
    """True when Textual's Color.parse would accept `text` (named CSS colours aside)."""
    return _COLOUR.match(text) is not None


@dataclass(frozen=True)
class ThemeSpec:
    """One validated theme file: Theme's arguments plus the variables, app colours filled in."""

    name: str
    source: Path
    fields: dict[str, Any]
    variables: dict[str, str]

    def theme_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for textual.theme.Theme, apart from `variables`."""
        return dict(self.fields)


def builtin_themes_dir() -> Path:
    """The shipped themes: pmtui/_themes in a wheel, the repository's themes/ in a checkout."""
    package = Path(__file__).resolve().parent
    in_wheel = package / "_themes"
    if in_wheel.is_dir():
        return in_wheel
    # pyproject.toml beside the package tells a checkout from a site-packages that happens to
    # hold some other project's top-level "themes" folder.
    checkout = package.parent
    if (checkout / "pyproject.toml").is_file():
        return checkout / "themes"
    return in_wheel


def load_themes(user_dir: Path | None) -> tuple[dict[str, ThemeSpec], list[str]]:
    """Built-in then user themes by name (a user theme replaces a built-in of the same name).

    A bad file is skipped and gives exactly one message naming every problem in it.
    """
    errors: list[str] = []
    themes: dict[str, ThemeSpec] = {}
    builtin_dir = builtin_themes_dir()
    if builtin_dir.is_dir():
        themes.update(_load_folder(builtin_dir, errors))
    else:
        errors.append(f"built-in themes folder not found: {builtin_dir}")
    if user_dir is not None and user_dir.is_dir():
        themes.update(_load_folder(user_dir, errors))
    return themes, errors


def choose_theme(
    configured: str, remembered: Mapping[str, object], available: Iterable[str]
) -> tuple[str, list[str]]:
    """The theme to start in, and any warning: the one last chosen in the palette (state
    `remembered`) while config.toml still names the theme it named then, else config.toml's;
    one not `available` falls back to DEFAULT_THEME, saying so."""
    wanted = configured
    if remembered.get("theme") and remembered.get("config_theme") == configured:
        wanted = str(remembered["theme"])
    if wanted not in available:
        return DEFAULT_THEME, [f"theme {wanted!r} not found; using {DEFAULT_THEME}"]
    return wanted, []


def _load_folder(folder: Path, errors: list[str]) -> dict[str, ThemeSpec]:
    themes: dict[str, ThemeSpec] = {}
    for path in sorted(folder.glob("*.toml")):
        if not path.is_file():
            continue
        spec, problems = load_theme_file(path)
        if spec is not None and spec.name in themes:
            problems = [
                f"theme {spec.name!r} is already defined by {themes[spec.name].source.name}"
            ]
        if problems or spec is None:
            errors.append(f"theme file {path}: {'; '.join(problems)} (skipped)")
            continue
        themes[spec.name] = spec
    return themes


def load_theme_file(path: Path) -> tuple[ThemeSpec | None, list[str]]:
    """One theme file: the spec, or None and the list of what is wrong with it."""
    import tomllib  # with the first theme file, not with every command's config

    try:
        with path.open("rb") as file:
            raw = tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        return None, [f"not valid TOML: {error}"]
    except UnicodeDecodeError as error:
        return None, [f"not UTF-8 text ({error.reason})"]
    except OSError as error:
        return None, [f"cannot read ({error.strerror})"]
    problems: list[str] = []
    fields = _check_fields(raw, problems)
    variables = _check_variables(raw.get("variables", {}), problems)
    if problems:
        return None, problems
    return ThemeSpec(fields["name"], path, fields, variables), []


def _check_fields(raw: dict[str, Any], problems: list[str]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "variables":
            continue
        if key not in THEME_FIELDS:
            problems.append(f"unknown key {key!r}")
        elif key == "name":
            if isinstance(value, str) and value.strip():
                fields[key] = value.strip()
            else:
                problems.append(f"name must be a non-empty string, got {value!r}")
        elif key in COLOUR_FIELDS:
            if isinstance(value, str) and is_colour(value.strip()):
                fields[key] = value.strip()
            else:
                problems.append(f"{key} = {value!r} is not a colour ({COLOUR_FORMATS})")
        elif key in BOOLEAN_FIELDS:
            if isinstance(value, bool):
                fields[key] = value
            else:
                problems.append(f"{key} must be true or false, got {value!r}")
        elif isinstance(value, int | float) and not isinstance(value, bool):
            fields[key] = float(value)
        else:
            problems.append(f"{key} must be a number, got {value!r}")
    for required in ("name", "primary"):
        if required not in raw:
            problems.append(f"missing {required!r}")
    return fields


def _check_variables(raw: object, problems: list[str]) -> dict[str, str]:
    """App colours must be plain colours (the .tcss adds its own opacity, e.g. `$rag-red 20%`).

    Textual's own variables pass through unchecked: besides colours they take text styles
    ("reverse") and forms like "auto 87%", which are Textual's to validate.
    """
    if not isinstance(raw, dict):
        problems.append(f"variables must be a table, got {raw!r}")
        return {}
    variables = dict(APP_VARIABLE_DEFAULTS)
    for key, value in raw.items():
        if not isinstance(value, str) or not value.strip():
            problems.append(f"variables.{key} must be a non-empty string, got {value!r}")
        elif key in APP_VARIABLE_DEFAULTS and not is_colour(value.strip()):
            problems.append(f"variables.{key} = {value!r} is not a colour ({COLOUR_FORMATS})")
        else:
            variables[key] = value.strip()
    return variables
