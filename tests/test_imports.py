"""The package's import structure: no private names across modules, no import cycles.

Every module under src/storybrief is parsed with ast (nothing is imported), and every
import statement anywhere in a file counts: module level, inside functions (lazy
imports), inside classes, try/except and ``if TYPE_CHECKING:`` blocks.

* Private names: ``from storybrief.x import _name`` (one leading underscore, not a
  dunder) is an error when storybrief.x is another module. TYPE_CHECKING imports
  are checked too: a private name is private for annotations as well.
* Cycles: the graph is built on modules. An import of storybrief.a.b is an edge to
  storybrief.a.b; ``from storybrief.a import b`` is an edge to storybrief.a.b when that
  is a module and to storybrief.a (its ``__init__``) otherwise. Importing a submodule
  also executes its parent packages' ``__init__``, so it is an edge to each parent
  package too, except the packages the importer itself lives in: Python has already
  started executing those before the importer runs, so a package ``__init__`` that
  re-exports its submodules, and siblings that import each other, are not cycles
  through the package (a sibling that imports from the package itself is a direct edge
  to the package and does count). Imports under ``if TYPE_CHECKING:`` never execute at
  run time, so they are left out of the cycle check.
"""

from __future__ import annotations

import ast
import itertools
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "storybrief"
SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE_DIR = SRC / PACKAGE


@dataclass(frozen=True)
class ImportRecord:
    """One imported name: ``import m`` gives name None, ``from m import n`` gives name n."""

    importer: str
    module: str
    name: str | None
    line: int
    lazy: bool  # inside a function body: runs when the function is called
    type_only: bool  # under ``if TYPE_CHECKING:``: never runs


def find_modules(package_dir: Path = PACKAGE_DIR) -> dict[str, Path]:
    """Dotted module name -> file, for every .py file of the package (``__init__`` = package)."""
    modules: dict[str, Path] = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _resolve_relative(importer: str, *, is_package: bool, level: int, module: str | None) -> str:
    package = importer if is_package else importer.rpartition(".")[0]
    for _ in range(level - 1):
        package = package.rpartition(".")[0]
    if not package:
        raise ValueError(f"{importer}: relative import beyond the top-level package")
    return f"{package}.{module}" if module else package


def collect_imports(importer: str, source: str, *, is_package: bool) -> list[ImportRecord]:
    """Every import in a module's source, relative imports resolved to absolute names."""
    records: list[ImportRecord] = []

    def walk(node: ast.AST, *, lazy: bool, type_only: bool) -> None:
        if isinstance(node, ast.Import):
            records.extend(
                ImportRecord(importer, alias.name, None, node.lineno, lazy, type_only)
                for alias in node.names
            )
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                module = _resolve_relative(
                    importer, is_package=is_package, level=node.level, module=node.module
                )
            records.extend(
                ImportRecord(importer, module, alias.name, node.lineno, lazy, type_only)
                for alias in node.names
            )
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                walk(child, lazy=lazy, type_only=True)
            for child in node.orelse:
                walk(child, lazy=lazy, type_only=type_only)
            return
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            lazy = True
        for child in ast.iter_child_nodes(node):
            walk(child, lazy=lazy, type_only=type_only)

    walk(ast.parse(source), lazy=False, type_only=False)
    return records


def package_imports(modules: Mapping[str, Path]) -> list[ImportRecord]:
    records: list[ImportRecord] = []
    for name, path in modules.items():
        source = path.read_text(encoding="utf-8")
        records.extend(collect_imports(name, source, is_package=path.name == "__init__.py"))
    return records


def _in_package(module: str) -> bool:
    return module == PACKAGE or module.startswith(PACKAGE + ".")


def private_imports(records: Iterable[ImportRecord]) -> list[str]:
    """``importer -> module._name`` for each private name imported from another module."""
    offenders = {
        f"{record.importer} -> {record.module}.{record.name}"
        for record in records
        if _in_package(record.module)
        and record.module != record.importer
        and record.name is not None
        and record.name.startswith("_")
        and not record.name.startswith("__")
    }
    return sorted(offenders)


def _target(record: ImportRecord, modules: Mapping[str, Path]) -> str | None:
    """The module an import executes (the submodule when a from-import names one)."""
    if record.name is not None and f"{record.module}.{record.name}" in modules:
        return f"{record.module}.{record.name}"
    module = record.module
    while module and module not in modules:
        module = module.rpartition(".")[0]
    return module or None


def import_graph(
    records: Iterable[ImportRecord], modules: Mapping[str, Path]
) -> dict[str, dict[str, list[str]]]:
    """importer -> imported module -> where (``line N``), for the imports that run."""
    graph: dict[str, dict[str, list[str]]] = {name: {} for name in modules}
    for record in records:
        if record.type_only or not _in_package(record.module):
            continue
        target = _target(record, modules)
        if target is None:
            continue
        where = f"line {record.line}" + (" in a function" if record.lazy else "")
        edges = {target: where}
        parent = target.rpartition(".")[0]
        while parent:
            inside = record.importer == parent or record.importer.startswith(parent + ".")
            if parent in modules and not inside:
                edges.setdefault(parent, f"{where}, runs the package for {target}")
            parent = parent.rpartition(".")[0]
        for module, site in edges.items():
            if module != record.importer:
                graph[record.importer].setdefault(module, []).append(site)
    return graph


def strongly_connected(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in graph.get(node, ()):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def _shortest_path(
    graph: Mapping[str, Iterable[str]], start: str, goal: str, within: set[str]
) -> list[str] | None:
    previous: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path = [node]
            while (step := previous[path[-1]]) is not None:
                path.append(step)
            return path[::-1]
        for succ in sorted(graph.get(node, ())):
            if succ in within and succ not in previous:
                previous[succ] = node
                queue.append(succ)
    return None


def find_cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Cycles as chains [a, b, ..., a]: for every edge inside a strongly connected component,
    the shortest cycle through it (so every edge that takes part in a cycle is shown once
    at least), each cycle listed once, starting from its smallest module name."""
    cycles: set[tuple[str, ...]] = set()
    for component in strongly_connected(graph):
        members = set(component)
        for node in component:
            for succ in graph.get(node, ()):
                if succ not in members:
                    continue
                back = _shortest_path(graph, succ, node, members)
                assert back is not None  # same component: there is a way back
                ring = [node, *back[:-1]] if succ != node else [node]
                start = ring.index(min(ring))
                ring = ring[start:] + ring[:start]
                cycles.add((*ring, ring[0]))
    return sorted(list(cycle) for cycle in cycles)


@pytest.fixture(scope="module")
def modules() -> dict[str, Path]:
    return find_modules()


@pytest.fixture(scope="module")
def records(modules: dict[str, Path]) -> list[ImportRecord]:
    return package_imports(modules)


def test_imports_no_private_names_from_other_modules(records: list[ImportRecord]) -> None:
    offenders = private_imports(records)
    assert not offenders, "private names imported from another module:\n" + "\n".join(offenders)


def test_imports_no_cycles_among_the_package_modules(
    modules: dict[str, Path], records: list[ImportRecord]
) -> None:
    graph = import_graph(records, modules)
    cycles = find_cycles(graph)
    lines: list[str] = []
    for cycle in cycles:
        lines.append(" -> ".join(cycle))
        lines.extend(
            f"    {a} -> {b}: {'; '.join(dict.fromkeys(graph[a][b]))}"
            for a, b in itertools.pairwise(cycle)
        )
    assert not cycles, f"{len(cycles)} import cycles:\n" + "\n".join(lines)


def test_imports_walker_finds_the_package_and_its_edges(
    modules: dict[str, Path], records: list[ImportRecord]
) -> None:
    assert len(modules) > 30
    assert PACKAGE in modules
    assert f"{PACKAGE}.ingest.sources" in modules
    assert modules[PACKAGE].name == "__init__.py"
    graph = import_graph(records, modules)
    assert sum(len(targets) for targets in graph.values()) > 0


def test_imports_cycle_finder_on_a_tiny_graph() -> None:
    assert find_cycles({"a": {"b"}, "b": {"a"}}) == [["a", "b", "a"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []
    assert find_cycles({"a": {"b"}}) == []
    assert find_cycles({"c": {"a"}, "a": {"b"}, "b": {"c"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def test_imports_underscore_rule_on_a_snippet() -> None:
    source = (
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "from os import _exit\n"
        "from storybrief.x import _hidden, visible, __version__\n"
        "from . import _sibling, public\n"
        "from .. import _top\n"
        "import storybrief._private_module\n"
        "def f():\n"
        "    from storybrief.y import _lazy\n"
        "if TYPE_CHECKING:\n"
        "    from storybrief.z import _Typed\n"
    )
    records = collect_imports("storybrief.pkg.mod", source, is_package=False)
    assert private_imports(records) == [
        "storybrief.pkg.mod -> storybrief._top",
        "storybrief.pkg.mod -> storybrief.pkg._sibling",
        "storybrief.pkg.mod -> storybrief.x._hidden",
        "storybrief.pkg.mod -> storybrief.y._lazy",
        "storybrief.pkg.mod -> storybrief.z._Typed",
    ]
    own = collect_imports("storybrief.pkg", "from . import _helpers\n", is_package=True)
    assert private_imports(own) == []


def test_imports_graph_rule_for_packages_and_type_checking() -> None:
    sources = {
        # a package re-exporting its submodules, which import each other: no cycle
        "storybrief.ingest": "from storybrief.ingest.sources import load\n",
        "storybrief.ingest.sources": "from storybrief.ingest import clean\n",
        "storybrief.ingest.clean": "",
        # outside the package: importing a submodule runs the package __init__ first
        "storybrief.cli": "from storybrief.ingest.clean import tidy\n",
        # an annotation-only import back: not executed, not a cycle
        "storybrief.model": (
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n"
            "    from storybrief.cli import App\n"
        ),
        "storybrief": "",
    }
    modules = {name: Path(name.replace(".", "/") + ".py") for name in sources}
    records = [
        record
        for name, source in sources.items()
        for record in collect_imports(name, source, is_package=name == "storybrief.ingest")
    ]
    records += collect_imports(
        "storybrief.cli", "def main():\n    import storybrief.model\n", is_package=False
    )
    graph = import_graph(records, modules)
    assert set(graph["storybrief.ingest"]) == {"storybrief.ingest.sources"}
    assert set(graph["storybrief.ingest.sources"]) == {"storybrief.ingest.clean"}
    assert set(graph["storybrief.cli"]) == {
        "storybrief.ingest",
        "storybrief.ingest.clean",
        "storybrief.model",
    }
    assert graph["storybrief.model"] == {}
    assert find_cycles(graph) == []

    # the clean module importing the CLI lazily closes a real cycle through the package
    records += collect_imports(
        "storybrief.ingest.clean", "def f():\n    from storybrief import cli\n", is_package=False
    )
    cli, package, sources, clean = (
        "storybrief.cli",
        "storybrief.ingest",
        "storybrief.ingest.sources",
        "storybrief.ingest.clean",
    )
    assert find_cycles(import_graph(records, modules)) == [
        [cli, package, sources, clean, cli],
        [cli, clean, cli],
    ]
