"""Fewer bytes to the terminal for the same screen: colour changes instead of resets.

Textual writes every run of text as `ESC[<whole style>m text ESC[0m`, so a line of five
colours costs five full styles and five resets, and a row written in two pieces (a table's
cells, then its scrollbar cell) repeats its style after the cursor move between them. Over
SSH those bytes are most of a cursor move. `squeeze` rewrites a frame so that each run of
text is preceded only by what changes from the style the terminal has (a foreground of 11
bytes instead of a reset and a whole style of 23), drops styles no text is written in (and
a foreground change before spaces, which show no foreground), and drops a newline that an
absolute cursor move follows at once. The screen it draws is the
same, cell for cell and attribute for attribute (tests/unit/test_terminal_output.py draws
both through a terminal emulator); the frame still ends with the style reset, as Textual's
does. A newline is taken as a cursor move (Textual in application mode writes one only
between two lines of the screen, never on the bottom line, where it would scroll).

Anything it does not recognise is left as it is: a frame with an escape sequence cut short
is written unchanged, and any escape sequence other than a cursor move is preceded by the
style Textual's frame had there. Of two cursor moves in a row (a piece cut to nothing
between them) only the second is sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.driver import Driver

_TOKENS = re.compile(
    r"(?P<sgr>\x1b\[(?P<params>[0-9;]*)m)"
    r"|(?P<move>\x1b\[[0-9;]*[ABCDGHfd])"
    r"|(?P<escape>\x1b\[[0-9;?<=>!]*[ -/]*[@-~]"  # any other CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC (a link, the clipboard), to BEL or ST
    r"|\x1b[P_^X][^\x1b]*\x1b\\"  # DCS, APC, PM, SOS: a string to ST, kept whole
    r"|\x1b[^\[\]P_^X])"  # a two-character escape
    r"|(?P<text>[^\x1b]+)"
)

_ABSOLUTE = re.compile(r"\x1b\[[0-9;]*[Hf]")

#: The code that turns each attribute off, and the attributes each such code turns off.
_OFF = {
    "1": "22", "2": "22", "3": "23", "4": "24", "21": "24", "5": "25", "6": "25",
    "7": "27", "8": "28", "9": "29", "51": "54", "52": "54", "53": "55",
}  # fmt: skip
_TURNS_OFF: dict[str, frozenset[str]] = {}
for _attribute, _code in _OFF.items():
    _TURNS_OFF[_code] = _TURNS_OFF.get(_code, frozenset()) | {_attribute}


@dataclass(frozen=True)
class _Style:
    attributes: frozenset[str] = frozenset()
    foreground: str = ""
    background: str = ""

    def codes(self) -> list[str]:
        """The codes that set this style from the reset one."""
        codes = sorted(self.attributes, key=int)
        return codes + [c for c in (self.foreground, self.background) if c]


_RESET = _Style()
#: Attributes that draw something on a space, so a space's foreground shows.
_MARKS_BLANKS = frozenset({"4", "7", "9", "21", "51", "52", "53"})


def _apply(style: _Style, params: str) -> _Style | None:
    """`style` after `ESC[<params>m`; None for codes this module does not know."""
    codes = params.split(";")
    attributes, foreground, background = set(style.attributes), style.foreground, style.background
    index = 0
    while index < len(codes):
        code = codes[index]
        if code in ("38", "48"):
            mode = codes[index + 1] if index + 1 < len(codes) else ""
            width = {"5": 3, "2": 5}.get(mode)
            if width is None or index + width > len(codes):
                return None
            colour = ";".join(codes[index : index + width])
            if not all(part.isdigit() for part in codes[index : index + width]):
                return None
            if code == "38":
                foreground = colour
            else:
                background = colour
            index += width
            continue
        if code in ("", "0"):
            attributes, foreground, background = set(), "", ""
        elif not code.isdigit():
            return None
        elif 30 <= int(code) <= 37 or 90 <= int(code) <= 97:
            foreground = code
        elif 40 <= int(code) <= 47 or 100 <= int(code) <= 107:
            background = code
        elif code == "39":
            foreground = ""
        elif code == "49":
            background = ""
        elif code in _TURNS_OFF:
            attributes -= _TURNS_OFF[code]
        elif code in _OFF:
            attributes.add(code)
        else:
            return None
        index += 1
    return _Style(frozenset(attributes), foreground, background)


def _change(have: _Style, want: _Style) -> str:
    """The shortest sequence this module knows that takes the terminal from `have` to `want`."""
    if want == _RESET:
        return "\x1b[0m"
    whole = "\x1b[" + ";".join(["0", *want.codes()]) + "m"
    off = sorted({_OFF[a] for a in have.attributes - want.attributes}, key=int)
    kept = set(have.attributes)
    for code in off:
        kept -= _TURNS_OFF[code]
    codes = off + sorted(want.attributes - kept, key=int)
    if want.foreground != have.foreground:
        codes.append(want.foreground or "39")
    if want.background != have.background:
        codes.append(want.background or "49")
    step = "\x1b[" + ";".join(codes) + "m" if codes else ""
    return step if len(step) <= len(whole) else whole


def _same_blanks(have: _Style, want: _Style) -> bool:
    """Whether spaces look the same in both styles: only the foreground differs, and no
    attribute draws on a space (underline, strike-through, reverse, overline...)."""
    return (
        have.background == want.background
        and have.attributes == want.attributes
        and not have.attributes & _MARKS_BLANKS
    )


def squeeze(frame: str) -> str:
    """`frame` (what Textual writes for one screen update, starting and ending with the
    style reset) with fewer bytes for the same screen; unchanged when not understood."""
    out: list[str] = []
    have = want = _RESET
    position = 0
    pending_newline = ""
    for match in _TOKENS.finditer(frame):
        if match.start() != position:
            return frame  # something no token covers: leave the frame alone
        position = match.end()
        kind = match.lastgroup
        if kind == "sgr":
            changed = _apply(want, match.group("params"))
            if changed is None:
                return frame
            want = changed
            continue
        token = match.group()
        if pending_newline:
            if not (kind == "move" and token.endswith(("H", "f"))):
                # Kept, so written in the style Textual's frame had there.
                out.append(_change(have, want) if have != want else "")
                have = want
                out.append(pending_newline)
            pending_newline = ""  # else the move puts the cursor where it goes anyway
        if kind == "move":
            if token.endswith(("H", "f")) and out and _ABSOLUTE.fullmatch(out[-1]):
                out[-1] = token  # a move straight after a move: only the last one counts
            else:
                out.append(token)
            continue
        if kind == "text" and token.strip("\r\n") == "":
            pending_newline = token
            continue
        if have != want and not (token.strip(" ") == "" and _same_blanks(have, want)):
            out.append(_change(have, want))
            have = want
        out.append(token)
    if position != len(frame):
        return frame
    if have != want:
        out.append(_change(have, want))
    return "".join(out) + pending_newline


@cache
def squeezing(driver_class: type[Driver]) -> type[Driver]:
    """`driver_class` writing every frame through `squeeze` (an app's get_driver_class)."""

    class Squeezing(driver_class):  # type: ignore[valid-type,misc]
        def write(self, data: str) -> None:
            super().write(squeeze(data))

    Squeezing.__name__ = Squeezing.__qualname__ = f"Squeezing{driver_class.__name__}"
    return Squeezing
