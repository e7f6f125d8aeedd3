"""The layers of ARCHITECTURE.md hold: imports point down only, no import cycle, and nothing
below the UI line imports Textual. Imports inside functions and under TYPE_CHECKING count:
a lazy import is for start-up time, never to hide a cycle."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pmtui

ROOT = Path(pmtui.__file__).parent

#: Lowest first. A module may import its own layer and the layers below it.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("domain", ("pmtui.domain", "pmtui.clock", "pmtui.paths", "pmtui.state")),
    ("support", ("pmtui.config", "pmtui.themes", "pmtui.crashes", "pmtui.todaycache")),
    ("declarations", ("pmtui.schema", "pmtui.kinds", "pmtui.context", "pmtui.changes")),
    ("areas", ("pmtui.areas",)),
    ("records", ("pmtui.records",)),
    ("services", ("pmtui.services", "pmtui.planning")),
    ("tables", ("pmtui.tables",)),
    ("store", ("pmtui.store",)),
    (
        "reading",
        ("pmtui.views", "pmtui.agenda", "pmtui.search", "pmtui.formatdoc", "pmtui.generate"),
    ),
    ("writing", ("pmtui.transfer", "pmtui.reports", "pmtui.demo")),
    ("widgets", ("pmtui.widgets",)),
    ("screens", ("pmtui.screens",)),
    ("boards", ("pmtui.boards",)),
    ("app", ("pmtui.app",)),
    ("cli", ("pmtui.cli", "pmtui.__main__")),
]
UI_FROM = [name for name, _ in LAYERS].index("widgets")
#: Presentational layers never reach for what they are given.
FORBIDDEN = {
    "pmtui.widgets": ("pmtui.store", "pmtui.boards", "pmtui.screens", "pmtui.tables"),
    "pmtui.screens": ("pmtui.store", "pmtui.boards"),
}


def module_names() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in ROOT.rglob("*.py"):
        parts = ("pmtui", *path.relative_to(ROOT).with_suffix("").parts)
        name = ".".join(parts).removesuffix(".__init__")
        found[name] = path
    return found


MODULES = module_names()


def _resolve(name: str) -> str | None:
    """The pmtui module an import names (a name imported from a package may be a module)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(name: str) -> set[str]:
    """Every pmtui module `name` imports, anywhere in the file, with the packages Python
    runs on the way (importing a.b.c runs a and a.b first)."""
    tree = ast.parse(MODULES[name].read_text())
    package = name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]
    named: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            named.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            named.add(base)
            named.update(f"{base}.{alias.name}" for alias in node.names)
    found: set[str] = set()
    for target in named:
        if not target.startswith("pmtui"):
            continue
        resolved = _resolve(target)
        while resolved:
            if resolved != name and resolved != "pmtui" and not name.startswith(resolved + "."):
                found.add(resolved)
            resolved = resolved.rpartition(".")[0] if "." in resolved else ""
    return found


def textual_imports(name: str) -> bool:
    tree = ast.parse(MODULES[name].read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.startswith("textual") for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual"):
            return True
    return False


def layer_of(name: str) -> int:
    best, rank = "", -1
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > len(best):
                best, rank = prefix, index
    return rank


def test_every_module_has_a_layer() -> None:
    unplaced = sorted(n for n in MODULES if n != "pmtui" and layer_of(n) < 0)
    assert unplaced == []


def test_imports_point_down_only() -> None:
    wrong = []
    for name in MODULES:
        if name == "pmtui":
            continue
        for target in imports_of(name):
            if layer_of(target) > layer_of(name):
                wrong.append(f"{name} ({LAYERS[layer_of(name)][0]}) -> {target}")
            for prefix, banned in FORBIDDEN.items():
                if name.startswith(prefix) and target.startswith(banned):
                    wrong.append(f"{name} must not import {target}")
    assert sorted(wrong) == []


def test_there_is_no_import_cycle() -> None:
    graph = {name: imports_of(name) for name in MODULES}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph.get(name, ())):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert [" -> ".join(c) for c in cycles] == []


def test_nothing_below_the_ui_line_imports_textual() -> None:
    below = [n for n in MODULES if 0 <= layer_of(n) < UI_FROM]
    assert len(below) > 50
    assert sorted(n for n in below if textual_imports(n)) == []


def test_core_modules_run_without_textual() -> None:
    """Every module below the UI line is imported in a fresh interpreter, and the CLI's
    parser built: Textual must not be loaded (what `pmtui today` costs depends on it)."""
    below = sorted(n for n in MODULES if 0 <= layer_of(n) < UI_FROM)
    code = (
        "import importlib, sys\n"
        f"for name in {below!r}:\n"
        "    importlib.import_module(name)\n"
        "    if 'textual' in sys.modules:\n"
        "        print('loads textual:', name); break\n"
        "else:\n"
        "    import pmtui.tables; pmtui.tables.load_all()\n"
        "    importlib.import_module('pmtui.cli.main').build_parser()\n"
        "    print(len(sys.modules), 'textual' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "False", result.stdout


def test_the_checker_sees_a_cycle_and_an_upward_import() -> None:
    """The checks above can fail: a made-up pair of imports is caught by both rules."""
    assert layer_of("pmtui.schema") < layer_of("pmtui.store")
    assert "pmtui.tables" in imports_of("pmtui.store.store")
    assert "pmtui.planning.network" in imports_of("pmtui.planning.rules")
