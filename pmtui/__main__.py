"""`python -m pmtui` and the `pmtui` script."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. `pmtui today` is answered from its cache when the project file has
    not changed, and `pmtui portfolio` when every project's figures are cached, before the
    command line (and the rest of pmtui) is imported."""
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["today"]:
        from pmtui import todaycache

        status = todaycache.answer(words[1:])
        if status is not None:
            return status
    if words[:1] == ["portfolio"]:
        from pmtui.reports import portfolio_text

        status = portfolio_text.answer(words[1:])
        if status is not None:
            return status
    from pmtui.cli import main as run

    return run(words)


if __name__ == "__main__":
    raise SystemExit(main())
