"""The shape of the code: the core never loads Qt, no import circles, small modules, few loose modules in ui/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("beautifulletters", "ui")
MAX_LINES = 600
MAX_LOOSE_UI_MODULES = 5


def _modules() -> dict[str, Path]:
    """Every module of the two packages by dotted name (a package by its own name, for its __init__)."""
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            parts = list(path.relative_to(REPO).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The project modules `name` imports anywhere in its code: at the top, in functions, in methods.

    Imports under `if TYPE_CHECKING:` count as well: a circle of types is still a circle to
    follow. `from package import name` counts as importing the submodule when `name` is one,
    else the package.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                targets.add(submodule if submodule in modules else base)
    result = set()
    for target in targets:
        while target and target not in modules:  # `import a.b.c` of a non-module name: its module
            target = target.rpartition(".")[0]
        if target and target != name:
            result.add(target)
    return result


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph[node]):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(components)


def _path_within(graph: dict[str, set[str]], component: list[str]) -> str:
    """The shortest circle through the component's first module, for the failure message."""
    members = set(component)
    start = component[0]
    previous: dict[str, str] = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for successor in sorted(graph[node] & members):
            if successor == start:
                trail = [node]
                while trail[-1] != start:
                    trail.append(previous[trail[-1]])
                return " -> ".join([*reversed(trail), start])
            if successor not in previous:
                previous[successor] = node
                queue.append(successor)
    return start


def test_core_imports_no_pyside6() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import beautifulletters\n"
        "for module in pkgutil.walk_packages(beautifulletters.__path__, 'beautifulletters.'):\n"
        "    if module.name.endswith('__main__'):\n"
        "        continue\n"
        "    importlib.import_module(module.name)\n"
        "loaded = sorted(name for name in sys.modules if name.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core modules loaded Qt: {result.stdout}"


def test_core_source_never_mentions_qtwidgets() -> None:
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "beautifulletters").rglob("*.py")
        if "PySide6" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_no_import_circles_including_imports_inside_functions() -> None:
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    circles = [_path_within(graph, component) for component in _cycles(graph)]
    assert circles == [], "import circles (function-level imports count too):\n" + "\n".join(circles)


def test_no_module_is_over_600_lines() -> None:
    long = {
        str(path.relative_to(REPO)): count
        for path in _modules().values()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"modules over {MAX_LINES} lines (split them by job): {long}"


def test_ui_keeps_its_modules_in_rooms() -> None:
    loose = sorted(path.name for path in (REPO / "ui").glob("*.py") if path.name != "__init__.py")
    assert len(loose) <= MAX_LOOSE_UI_MODULES, f"loose modules at the top of ui/: {loose}"


def test_the_circle_check_sees_function_level_and_type_only_imports(tmp_path: Path) -> None:
    """The check itself: a circle closed only by an import inside a function, or under
    TYPE_CHECKING, is found; a one-way import is not."""
    (tmp_path / "a.py").write_text("def f():\n    from b import g\n", encoding="utf-8")
    (tmp_path / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import a\n", encoding="utf-8"
    )
    (tmp_path / "c.py").write_text("import a\n", encoding="utf-8")
    modules = {name: tmp_path / f"{name}.py" for name in ("a", "b", "c")}
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    assert graph == {"a": {"b"}, "b": {"a"}, "c": {"a"}}
    assert _cycles(graph) == [["a", "b"]]
