"""The command line: argparse in front, one small module per group of commands behind it."""

from pmtui.cli.common import UsageError, UserError, open_app
from pmtui.cli.main import build_parser, main

__all__ = ["UsageError", "UserError", "build_parser", "main", "open_app"]
