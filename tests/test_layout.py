"""The package's layout (#14 part 6): no import cycles, MkDocs only in the adapter, a lazy ``import kwsite``."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kwsite"
ADAPTER = {
    "kwsite.plugin",
    "kwsite.preview",
    "kwsite.files",
    "kwsite.servecmd",
    "kwsite.dutch",
    "kwsite.cli",
    "kwsite.mkdocsproject",
    "kwsite.offline",
    "kwsite.latest",
    "kwsite.searchfold",
}
"""The modules that may import MkDocs: the plugin, its generated-file types, the preview, MkDocs' messages in
Dutch, the command line, the project adapter, and the offline build, mike's latest/ and the search index
(they change MkDocs' and mike's output). Everything else is the engine."""


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
ENGINE = sorted(set(MODULES) - ADAPTER)


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(module: str) -> set[str]:
    """Every module ``module`` imports when it runs (also inside functions; not under TYPE_CHECKING)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - child.level + 1] if child.level else []
                target = ".".join(base + ([child.module] if child.module else []))
                for alias in child.names:
                    full = f"{target}.{alias.name}"
                    found.add(full if full in MODULES else target)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def graph() -> dict[str, set[str]]:
    """kwsite module → the kwsite modules it imports, with the packages that importing them runs."""
    out = {}
    for module in MODULES:
        edges = set()
        for target in imports(module):
            while target:
                if target in MODULES and target != module:
                    edges.add(target)
                target = target.rpartition(".")[0]
        out[module] = {e for e in edges if not module.startswith(e + ".")}  # a package's own parents run first
    return out


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                out.append(sorted(part))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_graph_sees_imports_inside_functions_and_packages():
    edges = graph()
    assert "kwsite.pdf" in edges["kwsite.cli"]  # `from . import pdf as edition` inside the pdf command
    assert "kwsite.charts" in edges["kwsite.build"]  # `from .charts.jobs import …` runs charts/__init__


def test_the_package_has_no_import_cycles():
    assert cycles(graph()) == []


@pytest.mark.parametrize("module", ENGINE)
def test_the_engine_never_imports_mkdocs_or_the_adapter(module):
    wrong = sorted(
        name
        for name in imports(module)
        if name.split(".")[0] in ("mkdocs", "material") or any(name == a or name.startswith(a + ".") for a in ADAPTER)
    )
    allowed = {"kwsite.pdf": ["kwsite.mkdocsproject"]}  # collect(folder): reads the folder as a project first
    assert wrong == allowed.get(module, [])


def test_every_engine_module_imports_with_mkdocs_blocked():
    code = (
        "import importlib, sys\n"
        "for name in ('mkdocs', 'material'):\n"
        "    sys.modules[name] = None  # `import mkdocs` now raises ImportError\n"
        f"for module in {ENGINE!r}:\n"
        "    importlib.import_module(module)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material') and sys.modules[m]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip() == "[]"


def test_import_kwsite_and_the_command_line_load_no_engine():
    """``kwsite --help`` imports only click and the command line itself: no pydantic, matplotlib or MkDocs."""
    code = (
        "import sys, kwsite, kwsite.cli\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'matplotlib', 'mkdocs', 'babel', 'yaml'}),"
        " sorted(m for m in sys.modules if m.startswith('kwsite')))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[] ['kwsite', 'kwsite.cli', 'kwsite.dutch', 'kwsite.problems']"


def test_the_public_names_still_resolve():
    import kwsite

    assert kwsite.load_site.__module__ == "kwsite.load"
    assert kwsite.create_site.__name__ == "create" and kwsite.parse_timeline.__name__ == "parse"
    assert sorted(kwsite.__all__) == sorted(n for n in kwsite.__all__ if getattr(kwsite, n) is not None)


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Een\n---\n\n# Kop\n",
        "---\n- lijst\n---\nTekst\n",
        "---\ntitle: [kapot\n---\nTekst\n",
        "title: Een\nsummary: twee\n    regels\n\n# Kop\n",
        "# Geen meta\n\nTekst\n",
        "---\ntitle: x\n...\nTekst",
        "",
    ],
)
def test_front_matter_is_split_as_mkdocs_splits_it(text):
    from mkdocs.utils.meta import get_data as mkdocs_get_data

    from kwsite.frontmatter import get_data

    assert get_data(text) == mkdocs_get_data(text)
