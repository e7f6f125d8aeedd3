"""Text from records and input made safe to print: control characters shown, never obeyed.

A record's text may carry terminal escape sequences (OSC 52 writes the clipboard, CSI
sequences clear the screen or make the terminal type into the shell). Whatever pmtui
prints for people goes through `visible`; messages quote input with `quoted`.
"""

from __future__ import annotations

import re

#: C0 controls but tab and newline, DEL, C1 controls, bidi overrides and isolates (they
#: reorder what a reader sees), and lone surrogates (no terminal encoding takes them).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_UNSAFE_LINES = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)

#: How much of a typed value a message quotes.
QUOTE_LIMIT = 80


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, lines: bool = True) -> str:
    """`text` with every control character written out (`\\x1b`); newlines and tabs kept
    when `lines`, escaped too when not (text that must stay on one line)."""
    return (_UNSAFE if lines else _UNSAFE_LINES).sub(_escape, text)


def one_line(text: object, width: int) -> str:
    """`text` on one line (runs of white space squeezed to one space), cut to `width`
    characters with an ellipsis: names in messages, titles in reports, elements named in
    import problems."""
    line = " ".join(str(text).split())
    return line if len(line) <= width else line[: width - 1] + "…"


def has_control(text: str) -> bool:
    """Whether `text` holds a character `visible` would escape (newlines and tabs count)."""
    return _UNSAFE_LINES.search(text) is not None


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A typed value quoted for a message: repr-style, escaped, cut at `limit` characters."""
    if isinstance(value, str):
        text = value
    else:
        try:
            text = str(value)
        except ValueError:  # an integer of more than 4,300 digits has no str()
            return "a number of more than 4300 digits"
    cut = len(text) > limit
    shown = repr(text[:limit])
    if not text.isascii() or not shown.isascii():
        # repr keeps printable non-ASCII as is; make sure bidi marks are escaped too
        shown = shown[0] + visible(shown[1:-1], lines=False) + shown[-1]
    return shown + ("…" if cut else "")
