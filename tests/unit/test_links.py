"""Predecessor text: `A; B SS+2; C FF-1.5; D SF+3` read and written back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmtui.domain.links import LINK_TYPES, Link, LinkParseError, format_links, parse_links


def test_parse_reads_every_link_type_with_its_lag() -> None:
    assert parse_links("A; B SS+2; C FF-1.5; D SF+3") == [
        Link("A"),
        Link("B", "SS", 2.0),
        Link("C", "FF", -1.5),
        Link("D", "SF", 3.0),
    ]


def test_parse_reads_a_bare_key_as_finish_to_start_without_lag() -> None:
    assert parse_links("T12") == [Link("T12", "FS", 0.0)]


def test_parse_reads_a_type_without_lag_as_zero_lag() -> None:
    assert parse_links("B SS") == [Link("B", "SS", 0.0)]


def test_parse_accepts_lower_case_types_spaces_and_a_day_suffix() -> None:
    assert parse_links("B ss + 2.5d") == [Link("B", "SS", 2.5)]


def test_parse_accepts_commas_and_skips_empty_pieces() -> None:
    assert parse_links(" A ,, B FS-1 ;") == [Link("A"), Link("B", "FS", -1.0)]


def test_parse_of_empty_text_gives_no_links() -> None:
    assert parse_links("   ") == []


def test_parse_refuses_an_unknown_type_and_says_how_to_write_a_link() -> None:
    with pytest.raises(LinkParseError) as caught:
        parse_links("A; B XX+2")
    assert str(caught.value) == "'B XX+2' is not a link: write KEY, KEY SS+2, KEY FF-1.5"


def test_parse_refuses_a_sign_without_a_number() -> None:
    with pytest.raises(LinkParseError, match="'B SS\\+' is not a link"):
        parse_links("B SS+")


def test_link_parse_error_is_a_value_error() -> None:
    assert issubclass(LinkParseError, ValueError)


def test_format_writes_finish_to_start_without_lag_as_the_key() -> None:
    assert format_links([Link("A"), Link("B", "FS", 0.0)]) == "A; B"


def test_format_writes_whole_lags_without_trailing_zero() -> None:
    assert format_links([Link("B", "SS", 2.0), Link("C", "FS", 3.0)]) == "B SS+2; C FS+3"


def test_format_writes_negative_fractional_lags() -> None:
    assert format_links([Link("C", "FF", -1.5)]) == "C FF-1.5"


def test_format_writes_zero_lag_of_other_types_as_the_type_alone() -> None:
    assert format_links([Link("D", "SF", 0.0)]) == "D SF"


def test_format_never_uses_an_exponent() -> None:
    assert format_links([Link("E", "SS", 1e-7)]) == "E SS+0.0000001"


_keys = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789_-.", min_size=1, max_size=6)
_lags = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
_links = st.builds(Link, _keys, st.sampled_from(LINK_TYPES), _lags)


@given(st.lists(_links, max_size=6))
def test_format_then_parse_gives_the_same_links(links: list[Link]) -> None:
    assert parse_links(format_links(links)) == links


@given(st.lists(_links, max_size=6))
def test_formatted_text_is_canonical(links: list[Link]) -> None:
    text = format_links(links)
    assert format_links(parse_links(text)) == text


@given(st.text(max_size=8) | st.from_regex(r"[A-Za-z0-9_.+é\-]{1,6}", fullmatch=True))
def test_a_bare_key_reads_as_the_pattern_reads_it(text: str) -> None:
    """parse_links' shortcut for one bare key gives what the full pattern gives (the
    trailing space sends the same text down the pattern's way)."""
    try:
        expected: list[Link] | str = parse_links(text + " ")
    except LinkParseError as error:
        expected = str(error)
    try:
        found: list[Link] | str = parse_links(text)
    except LinkParseError as error:
        found = str(error)
    assert found == expected
