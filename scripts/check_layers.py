#!/usr/bin/env python3
"""The layering rules of axdesk, checked over the import statements of ``axdesk/``.

Run by ``./dev test`` (``python scripts/check_layers.py``); prints one line per
violation and exits 1, or prints a summary and exits 0. Only the standard library
is used (``ast``): nothing is imported, so a broken module cannot hide a rule.

The rules (docs/architecture.md, "Layers"):

1. Qt (``PySide6``, ``shiboken6``) is imported only in ``axdesk/ui``, and not in
   the Qt-free modules of ``axdesk/ui``: those in :data:`QT_FREE_UI_MODULES` and
   every ui module whose docstring says so in parentheses, e.g. "(no Qt)" or
   "(no Qt, unit-testable)". A Qt-free module (any module outside ``axdesk/ui``
   too) also must not reach Qt at run time through another axdesk module.
2. ``axdesk.sandbox`` and ``axdesk.api`` do not import each other (the sandbox is
   an independent reading of the API spec, the ground truth of the client's tests).
3. ``axdesk.store`` does not import ``axdesk.ui``.
4. No import cycle between modules of ``axdesk``.

Which imports count:

* Rules 1 (a direct Qt import), 2 and 3 count every import statement: at module
  level, inside a function, and under ``if TYPE_CHECKING:``. A deferred import or
  one for annotations only is still a dependency of the code on that layer.
* "Reaching Qt through another module" (rule 1) and cycles (rule 4) follow the
  imports that run: module level and inside functions (a function-level import
  hides a cycle from the interpreter, not from the design), but not those under
  ``if TYPE_CHECKING:``, which never run. That is the one way for a helper to name
  the type of the object that builds it (``Helper(tab)``, annotated ``OrdersTab``).
* ``import a.b.c`` and ``from a.b import c`` (``c`` a module) point at ``a.b.c``;
  ``from a.b import name`` points at ``a.b`` (its ``__init__.py``). A submodule
  that imports names from its own package's ``__init__`` while that ``__init__``
  imports the submodule is a cycle (it works only as long as the ``__init__``
  happens to import what is asked for first): import from the defining module.
  Importing a submodule is not counted as importing its parent packages, although
  Python runs their ``__init__`` first: a package whose ``__init__`` imports its own
  submodules is the normal case, not a cycle.
* ``importlib.import_module`` and ``__import__`` with computed names are not seen.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT_PACKAGE = "axdesk"
QT_PACKAGES = ("PySide6", "shiboken6")
UI_PACKAGE = "axdesk.ui"

# The ui modules that must run without Qt (dotted names under axdesk.ui). A module
# whose docstring says "(no Qt)" is Qt-free too, without being listed here.
QT_FREE_UI_MODULES = (
    "axdesk.ui.inventory.index",
    "axdesk.ui.order_entry.state",
    "axdesk.ui.order_entry.rules",
    "axdesk.ui.order_entry.totals",
    "axdesk.ui.order_entry.seats",
    "axdesk.ui.order_entry.request",
    "axdesk.ui.common.money_text",
    "axdesk.ui.common.ts_memory",
    "axdesk.ui.connection.net",
)
NO_QT_DOCSTRING = re.compile(r"\([^()]*\bno Qt\b[^()]*\)")

# (importer, imported, why): a module of the first package never imports the second.
FORBIDDEN = (
    ("axdesk.sandbox", "axdesk.api", "the sandbox is independent of the client"),
    ("axdesk.api", "axdesk.sandbox", "the client is independent of the sandbox"),
    ("axdesk.store", "axdesk.ui", "the store never imports the ui"),
)


@dataclass(frozen=True)
class Import:
    """One imported module, as written in a module of the tree."""

    target: str  # dotted name: the module, or the package for ``from package import name``
    line: int
    runs: bool  # False under ``if TYPE_CHECKING:``


@dataclass
class Module:
    name: str
    path: Path
    is_package: bool
    docstring: str
    imports: list[Import] = field(default_factory=list)

    @property
    def qt_imports(self) -> list[Import]:
        return [i for i in self.imports if is_within(i.target, QT_PACKAGES)]

    @property
    def loads_qt(self) -> bool:
        """True when importing this module imports Qt itself (not for annotations only)."""
        return any(found.runs for found in self.qt_imports)


def is_within(name: str, packages: str | Iterable[str]) -> bool:
    """True when ``name`` is one of ``packages`` or a module inside one."""
    if isinstance(packages, str):
        packages = (packages,)
    return any(name == package or name.startswith(package + ".") for package in packages)


def module_name(path: Path, source_root: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(source_root).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def read_tree(source_root: Path, package: str = ROOT_PACKAGE) -> dict[str, Module]:
    """Every module of ``package`` under ``source_root`` with the imports it writes."""
    modules: dict[str, Module] = {}
    for path in sorted((source_root / package).rglob("*.py")):
        name, is_package = module_name(path, source_root)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        modules[name] = Module(name, path, is_package, ast.get_docstring(tree) or "")
        modules[name].imports = list(_imports(tree, name, is_package))
    known = set(modules)
    for module in modules.values():
        resolved = (_to_submodule(found, known) for found in module.imports)
        module.imports = list(dict.fromkeys(resolved))  # one per name and line, in order
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.Module, name: str, is_package: bool) -> Iterator[Import]:
    def walk(node: ast.AST, runs: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for statement in child.body:
                    yield from walk_one(statement, False)
                for statement in child.orelse:
                    yield from walk_one(statement, runs)
            else:
                yield from walk_one(child, runs)

    def walk_one(node: ast.AST, runs: bool) -> Iterator[Import]:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(alias.name, node.lineno, runs)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, name, is_package)
            for alias in node.names:
                # Marked with "|name": resolved to base.name later if that is a module.
                yield Import(f"{base}|{alias.name}", node.lineno, runs)
        yield from walk(node, runs)

    yield from walk(tree, True)


def _absolute(node: ast.ImportFrom, name: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    package = name.split(".") if is_package else name.split(".")[:-1]
    if node.level > 1:
        package = package[: len(package) - (node.level - 1)]
    return ".".join([*package, *([node.module] if node.module else [])])


def _to_submodule(found: Import, known: set[str]) -> Import:
    if "|" not in found.target:
        return found
    base, imported = found.target.split("|", 1)
    candidate = f"{base}.{imported}"
    target = candidate if candidate in known else base
    return Import(target, found.line, found.runs)


def _owner(target: str, modules: dict[str, Module]) -> str | None:
    """The module of the tree that ``target`` names (``a.b.c`` or its nearest package)."""
    name = target
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def is_qt_free(module: Module, listed: Sequence[str] = QT_FREE_UI_MODULES) -> bool:
    if not is_within(module.name, UI_PACKAGE):
        return True
    return module.name in listed or bool(NO_QT_DOCSTRING.search(module.docstring))


def _runtime_graph(modules: dict[str, Module]) -> dict[str, list[tuple[str, int]]]:
    graph: dict[str, list[tuple[str, int]]] = {}
    for module in modules.values():
        edges: dict[str, int] = {}
        for found in module.imports:
            if not found.runs:
                continue
            owner = _owner(found.target, modules)
            if owner is not None and owner != module.name:
                edges.setdefault(owner, found.line)
        graph[module.name] = sorted(edges.items())
    return graph


def _path_to_qt(
    start: str, graph: dict[str, list[tuple[str, int]]], uses_qt: set[str]
) -> list[str] | None:
    """The shortest chain of run-time imports from ``start`` to a module that imports Qt."""
    previous: dict[str, str | None] = {start: None}
    queue = [start]
    for current in queue:
        if current in uses_qt:
            chain = [current]
            while (step := previous[chain[-1]]) is not None:
                chain.append(step)
            return chain[::-1]
        for target, _line in graph[current]:
            if target not in previous:
                previous[target] = current
                queue.append(target)
    return None


def _cycles(graph: dict[str, list[tuple[str, int]]]) -> list[list[str]]:
    """One cycle (a list of modules, first == last) per strongly connected group."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(node: str) -> None:  # Tarjan; the tree is small, recursion is fine
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target, _line in graph[node]:
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [_one_cycle(group, graph) for group in sorted(groups)]


def _one_cycle(group: list[str], graph: dict[str, list[tuple[str, int]]]) -> list[str]:
    """A shortest cycle through the group's first module, staying inside the group."""
    members = set(group)
    start = group[0]
    previous: dict[str, str] = {}
    queue = [start]
    for current in queue:
        for target, _line in graph[current]:
            if target not in members:
                continue
            if target == start:
                chain = [start, current]
                while chain[-1] != start:
                    chain.append(previous[chain[-1]])
                return chain[::-1]
            if target not in previous:
                previous[target] = current
                queue.append(target)
    return [*group, start]  # not reached: a strongly connected group has a cycle


def check(
    source_root: Path,
    package: str = ROOT_PACKAGE,
    qt_free_ui_modules: Sequence[str] = QT_FREE_UI_MODULES,
) -> list[str]:
    """Every violation of the rules in the tree under ``source_root``, one sentence each."""
    modules = read_tree(source_root, package)
    problems: list[str] = []

    def where(module: Module, line: int) -> str:
        return f"{module.path.relative_to(source_root).as_posix()}:{line}"

    for name in qt_free_ui_modules:
        if name not in modules:
            problems.append(
                f"scripts/check_layers.py: the Qt-free module {name} is listed but does not "
                "exist; update QT_FREE_UI_MODULES"
            )
    uses_qt = {module.name for module in modules.values() if module.loads_qt}
    graph = _runtime_graph(modules)
    for module in modules.values():
        qt_free = is_qt_free(module, qt_free_ui_modules)
        for found in module.qt_imports:
            if not is_within(module.name, UI_PACKAGE):
                problems.append(
                    f"{where(module, found.line)}: {module.name} imports {found.target}; "
                    "Qt belongs in axdesk/ui only"
                )
            elif qt_free:
                problems.append(
                    f"{where(module, found.line)}: {module.name} imports {found.target}, "
                    "but it is a Qt-free module"
                )
        if qt_free:
            # Each import of a module that may use Qt and does (itself or further on) is
            # one violation; an import of another Qt-free module is that module's business.
            for target, line in graph[module.name]:
                if is_qt_free(modules[target], qt_free_ui_modules):
                    continue
                chain = _path_to_qt(target, graph, uses_qt)
                if chain is not None:
                    problems.append(
                        f"{where(module, line)}: {module.name} is Qt-free but reaches Qt "
                        "through " + " -> ".join(chain)
                    )
        for importer, imported, why in FORBIDDEN:
            if not is_within(module.name, importer):
                continue
            for found in module.imports:
                if is_within(found.target, imported):
                    problems.append(
                        f"{where(module, found.line)}: {module.name} imports {found.target}; {why}"
                    )
    for cycle in _cycles(graph):
        first = modules[cycle[0]]
        line = dict(graph[cycle[0]])[cycle[1]]
        problems.append(f"{where(first, line)}: import cycle: " + " -> ".join(cycle))
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "source_root",
        nargs="?",
        type=Path,
        default=Path(__file__).resolve().parents[1],
        help="the folder that holds the axdesk package (default: this checkout)",
    )
    args = parser.parse_args(argv)
    problems = check(args.source_root)
    for problem in problems:
        print(problem)
    sys.stdout.flush()  # the lines first, then the summary on stderr
    if problems:
        print(f"check_layers: {len(problems)} violation(s) of the layering rules", file=sys.stderr)
        return 1
    count = len(read_tree(args.source_root))
    print(f"layering rules hold for {count} modules")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
