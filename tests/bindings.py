"""Every binding id the app declares, found by importing the UI packages (tests only)."""

from __future__ import annotations

import importlib
import pkgutil

from textual.binding import Binding
from textual.dom import DOMNode


def declared_bindings() -> dict[str, tuple[str, Binding]]:
    """Binding id -> (the class that declares it, the binding), the app's included."""
    for package in ("pmtui.boards", "pmtui.screens", "pmtui.widgets"):
        found = importlib.import_module(package)
        for module in pkgutil.walk_packages(found.__path__, f"{package}."):
            importlib.import_module(module.name)
    from pmtui.app import PmtuiApp

    seen: dict[str, tuple[str, Binding]] = {}

    def walk(cls: type) -> None:
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("pmtui"):
                for binding in sub.__dict__.get("BINDINGS", []):
                    if isinstance(binding, Binding) and binding.id:
                        seen.setdefault(binding.id, (sub.__name__, binding))
            walk(sub)

    walk(DOMNode)
    for binding in PmtuiApp.BINDINGS:
        if isinstance(binding, Binding) and binding.id:
            seen.setdefault(binding.id, ("PmtuiApp", binding))
    return seen
