"""The shape of the code: stages import one way, no cycles, and tests mirror the modules.

Each stage is a sub-package of ``worksheet``; a module may import from its own stage and
from the stages listed for it below, never from a later one. Every module has a test
module at the same place under tests/ (``src/worksheet/render/flow.py`` ->
``tests/render/test_flow.py``), except those listed with the reason they have none.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT, TESTS

SRC = ROOT / "src" / "worksheet"
TOP = {"errors", "defaults", "__init__", "__main__"}  # shared by every stage
ALLOWED = {
    "illustrate": set(),  # figures from pose data: pure geometry, used by the model, the schema and render
    "i18n": set(),  # printed words per language: used by the schema (frequencies), render and the CLI
    "model": {"illustrate"},
    "read": set(),
    "schema": {"model", "read", "illustrate", "i18n"},
    "render": {"model", "read", "illustrate", "i18n"},
    "build": {"model", "read", "schema", "render", "illustrate", "i18n"},
    "cli": {"model", "read", "build", "render", "schema", "i18n", "web"},
    "web": {"model", "read", "build", "render", "schema", "i18n", "illustrate"},  # a front end beside cli
}
NO_TEST_MODULE = {
    "__main__.py": "two lines; `python -m worksheet` runs in tests/acceptance/test_faults.py",
    "build/results.py": "plain dataclasses; every test of tests/build/test_pipeline.py matches on them",
}


def modules() -> dict[str, Path]:
    return {p.relative_to(SRC).with_suffix("").as_posix().replace("/", "."): p for p in SRC.rglob("*.py")}


def imports(path: Path, name: str) -> set[str]:
    """The worksheet modules ``path`` imports (anywhere in the file), as dotted names under worksheet."""
    package = name.split(".")[:-1]  # a/b/c.py -> a.b; a/b/__init__.py (a.b.__init__) -> a.b
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            if node.module:
                module = ".".join([*base, node.module])
                found.add(module)
                found.update(f"{module}.{a.name}" for a in node.names)  # "from ..render import fonts": a module
            else:
                found.update(".".join([*base, a.name]) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("worksheet."):
            module = node.module.removeprefix("worksheet.")
            found.add(module)
            found.update(f"{module}.{a.name}" for a in node.names)
    return {f for f in found if f}


def stage(module: str) -> str:
    return module.split(".")[0]


def test_stages_import_only_earlier_stages() -> None:
    wrong = []
    for name, path in modules().items():
        own = stage(name)
        if own in TOP:  # the package's own top (errors, the entry point) may use any stage
            continue
        for target in imports(path, name):
            other = stage(target)
            if other in TOP or other == own or other not in ALLOWED:
                continue
            if other not in ALLOWED.get(own, set()):
                wrong.append(f"{name} imports {target}")
    assert not wrong, wrong


def test_no_import_cycle_between_modules() -> None:
    mods = modules()
    graph = {name: {t for t in imports(path, name) if t in mods or f"{t}.__init__" in mods} for name, path in mods.items()}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            nxt = nxt if nxt in mods else f"{nxt}.__init__"
            if state.get(nxt) == 1 and not nxt.endswith("__init__"):
                raise AssertionError("import cycle: " + " -> ".join([*trail, node, nxt]))
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [])


def test_every_module_has_a_test_module_at_the_same_place() -> None:
    missing = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC)
        if path.name == "__init__.py" or rel.as_posix() in NO_TEST_MODULE:
            continue
        test = TESTS / rel.parent / f"test_{path.name}"
        if not test.exists():
            missing.append(f"{rel} -> {test.relative_to(ROOT)}")
    assert not missing, missing


def test_no_module_is_over_400_lines_unless_it_says_why() -> None:
    long = [p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py")
            if len(p.read_text(encoding="utf-8").splitlines()) > 400 and "one cohesive" not in p.read_text(encoding="utf-8")[:2000]]
    assert not long, long
