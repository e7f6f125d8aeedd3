"""`python -m pmtui` and the `pmtui` script."""

from __future__ import annotations

from pmtui.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
