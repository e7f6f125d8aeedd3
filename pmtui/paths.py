"""Where pmtui keeps its config, remembered state and projects (XDG base directories)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

# Plain os.path rather than platformdirs: platformdirs reads os.environ itself and cannot be
# handed an env mapping, so tests could not keep the developer's home out of the picture.

APP_NAME = "pmtui"


def _home(env: Mapping[str, str]) -> Path:
    home = env.get("HOME")
    if home:
        return Path(home)
    # Only reached when the mapping has no HOME; the real home is then the best we can do.
    return Path.home()


def _xdg_base(variable: str, default_under_home: str, env: Mapping[str, str] | None) -> Path:
    """The XDG base folder named by `variable`, or its default under the home folder."""
    env = os.environ if env is None else env
    value = env.get(variable, "")
    # The XDG spec says relative values are invalid and must be ignored.
    if value and os.path.isabs(value):
        return Path(value)
    return _home(env) / default_under_home


def config_dir(env: Mapping[str, str] | None = None) -> Path:
    """`$XDG_CONFIG_HOME/pmtui` (default `~/.config/pmtui`)."""
    return _xdg_base("XDG_CONFIG_HOME", ".config", env) / APP_NAME


def config_file(env: Mapping[str, str] | None = None) -> Path:
    """The hand-edited `config.toml`; the app never writes it."""
    return config_dir(env) / "config.toml"


def user_themes_dir(env: Mapping[str, str] | None = None) -> Path:
    """The user's own theme files, beside config.toml."""
    return config_dir(env) / "themes"


def state_dir(env: Mapping[str, str] | None = None) -> Path:
    """`$XDG_STATE_HOME/pmtui` (default `~/.local/state/pmtui`)."""
    return _xdg_base("XDG_STATE_HOME", ".local/state", env) / APP_NAME


def state_file(env: Mapping[str, str] | None = None) -> Path:
    """`state.toml`: what the app remembers between sessions."""
    return state_dir(env) / "state.toml"


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """`$XDG_DATA_HOME/pmtui` (default `~/.local/share/pmtui`)."""
    return _xdg_base("XDG_DATA_HOME", ".local/share", env) / APP_NAME


def cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """`$XDG_CACHE_HOME/pmtui` (default `~/.cache/pmtui`): what can be worked out again;
    safe to delete."""
    return _xdg_base("XDG_CACHE_HOME", ".cache", env) / APP_NAME


def projects_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where projects named without a path live."""
    return data_dir(env) / "projects"


def resolve_project(arg: str, env: Mapping[str, str] | None = None) -> Path:
    """PROJECT as typed: a path if it has "/" or ends in ".json", else a name in projects_dir."""
    if not arg:
        raise ValueError("project name is empty")
    if "/" in arg or arg.endswith(".json"):
        return Path(arg)
    return projects_dir(env) / f"{arg}.json"
