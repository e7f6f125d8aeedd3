"""pmtui: a keyboard-first terminal app for IT project managers."""

__version__ = "0.1.0"
