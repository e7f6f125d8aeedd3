"""Paths, config.toml and state.toml, with temp folders and env mappings (never the real home)."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from pmtui.config import Config, load_config
from pmtui.paths import (
    config_dir,
    config_file,
    data_dir,
    projects_dir,
    resolve_project,
    state_dir,
    state_file,
    user_themes_dir,
)
from pmtui.state import load_state, save_state
from pmtui.themes import DEFAULT_THEME

HOME = {"HOME": "/home/pat"}


# --- paths -------------------------------------------------------------------------------


def test_config_dir_uses_xdg_config_home() -> None:
    assert config_dir({"XDG_CONFIG_HOME": "/cfg", **HOME}) == Path("/cfg/pmtui")


def test_config_dir_defaults_to_dot_config_under_home() -> None:
    assert config_dir(HOME) == Path("/home/pat/.config/pmtui")


def test_relative_xdg_value_is_ignored_as_the_spec_says() -> None:
    assert config_dir({"XDG_CONFIG_HOME": "relative/cfg", **HOME}) == Path(
        "/home/pat/.config/pmtui"
    )


def test_empty_xdg_value_falls_back_to_default() -> None:
    assert data_dir({"XDG_DATA_HOME": "", **HOME}) == Path("/home/pat/.local/share/pmtui")


def test_config_file_and_user_themes_sit_in_config_dir() -> None:
    env = {"XDG_CONFIG_HOME": "/cfg"}
    assert (config_file(env), user_themes_dir(env)) == (
        Path("/cfg/pmtui/config.toml"),
        Path("/cfg/pmtui/themes"),
    )


def test_state_file_uses_xdg_state_home() -> None:
    assert state_file({"XDG_STATE_HOME": "/st"}) == Path("/st/pmtui/state.toml")


def test_state_dir_defaults_to_dot_local_state() -> None:
    assert state_dir(HOME) == Path("/home/pat/.local/state/pmtui")


def test_projects_dir_uses_xdg_data_home() -> None:
    assert projects_dir({"XDG_DATA_HOME": "/data"}) == Path("/data/pmtui/projects")


def test_projects_dir_defaults_to_dot_local_share() -> None:
    assert projects_dir(HOME) == Path("/home/pat/.local/share/pmtui/projects")


def test_resolve_project_name_is_a_file_in_projects_dir() -> None:
    assert resolve_project("acme", {"XDG_DATA_HOME": "/data"}) == Path(
        "/data/pmtui/projects/acme.json"
    )


def test_resolve_project_with_slash_is_a_path() -> None:
    assert resolve_project("work/acme", {"XDG_DATA_HOME": "/data"}) == Path("work/acme")


def test_resolve_project_ending_in_json_is_a_path() -> None:
    assert resolve_project("acme.json", {"XDG_DATA_HOME": "/data"}) == Path("acme.json")


def test_resolve_project_refuses_an_empty_name() -> None:
    with pytest.raises(ValueError, match="empty"):
        resolve_project("", HOME)


# --- config.toml -------------------------------------------------------------------------


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_config_gives_defaults_and_no_warning(tmp_path: Path) -> None:
    assert load_config(tmp_path / "config.toml") == (Config(), [])


def test_default_theme_is_the_themes_default() -> None:
    assert Config().theme == DEFAULT_THEME


def test_config_reads_every_known_key(tmp_path: Path) -> None:
    path = write(
        tmp_path / "config.toml",
        'theme = "pmtui-16"\ndate_order = "dmy"\ndefault_project = "acme"\n'
        '[keymap]\nadd-record = "n"\nquit = "ctrl+q,q"\n',
    )
    assert load_config(path) == (
        Config(
            theme="pmtui-16",
            keymap={"add-record": "n", "quit": "ctrl+q,q"},
            date_order="dmy",
            default_project="acme",
        ),
        [],
    )


def test_unknown_key_is_warned_and_the_rest_still_applies(tmp_path: Path) -> None:
    path = write(tmp_path / "config.toml", 'colour = "blue"\ntheme = "pmtui-light"\n')
    config, warnings = load_config(path)
    assert (config.theme, len(warnings), "'colour'" in warnings[0]) == ("pmtui-light", 1, True)


def test_bad_date_order_warns_and_keeps_the_default(tmp_path: Path) -> None:
    path = write(tmp_path / "config.toml", 'date_order = "xyz"\n')
    assert load_config(path) == (
        Config(),
        ["config.toml: date_order must be 'mdy' or 'dmy', got 'xyz'"],
    )


def test_theme_of_wrong_type_warns_and_keeps_the_default(tmp_path: Path) -> None:
    config, warnings = load_config(write(tmp_path / "config.toml", "theme = 3\n"))
    assert (config.theme, warnings) == (
        DEFAULT_THEME,
        ["config.toml: theme must be a theme name, got 3"],
    )


def test_default_project_of_wrong_type_warns_and_stays_none(tmp_path: Path) -> None:
    config, warnings = load_config(write(tmp_path / "config.toml", "default_project = true\n"))
    assert (config.default_project, len(warnings)) == (None, 1)


def test_keymap_that_is_not_a_table_warns_and_is_empty(tmp_path: Path) -> None:
    config, warnings = load_config(write(tmp_path / "config.toml", 'keymap = "n"\n'))
    assert (config.keymap, len(warnings), "keymap" in warnings[0]) == ({}, 1, True)


def test_bad_keymap_entry_is_dropped_and_good_ones_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "config.toml", '[keymap]\nadd-record = "n"\nquit = 7\n')
    config, warnings = load_config(path)
    assert (config.keymap, warnings) == (
        {"add-record": "n"},
        ['config.toml: keymap.quit must be keys such as "n" or "ctrl+n", got 7'],
    )


def test_config_that_is_not_toml_gives_defaults_and_one_message_with_position(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / "config.toml", 'theme = "pmtui-dark"\ndate_order mdy\n')
    config, warnings = load_config(path)
    assert (config, len(warnings)) == (Config(), 1)
    assert "line 2" in warnings[0] and "column" in warnings[0]


def test_config_that_is_not_utf8_gives_defaults_and_one_message(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "\xff"\n')
    config, warnings = load_config(path)
    assert (config, len(warnings), "UTF-8" in warnings[0]) == (Config(), 1, True)


# --- state.toml --------------------------------------------------------------------------


def test_missing_state_is_empty(tmp_path: Path) -> None:
    assert load_state(tmp_path / "state.toml") == {}


def test_damaged_state_is_empty(tmp_path: Path) -> None:
    assert load_state(write(tmp_path / "state.toml", "last_theme = \n")) == {}


def test_state_round_trips_strings_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "state.toml"
    data = {
        "last_theme": "pmtui-16",
        "last_check_in": dt.date(2026, 3, 2),
        "last_project": "/p.json",
    }
    save_state(path, data)
    assert load_state(path) == data


def test_save_state_creates_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "state" / "pmtui" / "state.toml"
    save_state(path, {"last_theme": "pmtui-dark"})
    assert load_state(path) == {"last_theme": "pmtui-dark"}


def test_state_file_is_private_to_the_user(tmp_path: Path) -> None:
    path = tmp_path / "state.toml"
    save_state(path, {"last_theme": "pmtui-dark"})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_state_keys_set_to_none_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "state.toml"
    save_state(path, {"last_theme": "pmtui-dark", "last_project": None})
    assert load_state(path) == {"last_theme": "pmtui-dark"}


def test_save_state_leaves_no_temp_file(tmp_path: Path) -> None:
    save_state(tmp_path / "state.toml", {"last_theme": "pmtui-dark"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.toml"]


def test_failed_save_keeps_the_old_state_and_removes_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "state.toml"
    save_state(path, {"last_theme": "old"})

    def crash(source: str, target: Path) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk gone"):
        save_state(path, {"last_theme": "new"})
    monkeypatch.undo()
    assert (load_state(path), os.listdir(tmp_path)) == ({"last_theme": "old"}, ["state.toml"])
