"""ARCHITECTURE.md matches the code: every module named, every name a module, the import rules hold."""

import ast
import re
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "src" / "instnet"
MODULES = sorted(str(p.relative_to(PKG)) for p in PKG.rglob("*.py"))


def _named() -> list[str]:
    text = (ROOT / "ARCHITECTURE.md").read_text()
    table = text.split("## Code map", 1)[1].split("\n## ", 1)[0]
    return sorted(re.findall(r"^\| `([a-z_/]+\.py)` \|", table, re.M))


def _dotted(module: str) -> str:
    parts = ["instnet", *module.removesuffix(".py").split("/")]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(module: str, top_level_only: bool = False) -> set[str]:
    """The instnet modules (dotted) and third-party roots that ``module`` imports."""
    tree = ast.parse((PKG / module).read_text())
    package = _dotted(module) if module.endswith("__init__.py") else _dotted(module).rsplit(".", 1)[0]
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found |= {f"{target}.{alias.name}" for alias in node.names}
    return found


def _instnet(found: set[str]) -> set[str]:
    """The instnet modules among imported names (a name imported from a module counts as that module)."""
    known = {_dotted(m) for m in MODULES}
    out = set()
    for name in found:
        while name and name not in known:
            name = name.rpartition(".")[0]
        if name and name != "instnet":
            out.add(name)
    return out


def test_every_module_is_named_and_every_name_is_a_module():
    assert _named() == MODULES


@pytest.mark.parametrize(
    ("module", "allowed"),
    [
        ("model.py", set()),
        ("errors.py", set()),
        ("atomic.py", {"instnet.errors"}),
        ("validate.py", {"instnet.model"}),
        ("sheets.py", {"instnet.model"}),
    ],
)
def test_pure_modules_import_only_what_they_may(module, allowed):
    assert _instnet(_imports(module)) <= allowed


def test_layout_imports_model_only():
    for module in MODULES:
        if module.startswith("layout/"):
            others = {m for m in _instnet(_imports(module)) if not m.startswith("instnet.layout")}
            assert others <= {"instnet.model"}, module


def test_analysis_never_imports_pages_site_or_cli():
    for module in MODULES:
        if module.split("/")[0] in ("metrics", "diff", "classify", "agree.py", "layers.py"):
            bad = {
                m for m in _instnet(_imports(module)) if m.startswith(("instnet.render", "instnet.site", "instnet.cli"))
            }
            assert not bad, (module, bad)


def test_only_cli_imports_click_and_nothing_imports_cli():
    for module in MODULES:
        found = _imports(module)
        if not module.startswith("cli/"):
            assert not any(n == "click" or n.startswith("click.") for n in found), module
        if not module.startswith("cli/") and module != "__main__.py":
            assert not any(m.startswith("instnet.cli") for m in _instnet(found)), module


def test_no_import_cycle_between_modules():
    graph = nx.DiGraph()
    for module in MODULES:
        source = _dotted(module)
        for target in _instnet(_imports(module, top_level_only=True)):
            if target != source and not source.startswith(target + "."):  # a module imports its own package
                graph.add_edge(source, target)
    cycles = list(nx.simple_cycles(graph))
    assert not cycles, cycles


def test_the_public_functions_named_like_their_packages_work_either_way():
    """``instnet.classify`` and ``instnet.diff`` are packages and functions: importing a submodule first changes nothing."""
    import subprocess
    import sys

    code = (
        "import instnet.classify.scoring, instnet.diff.compute\n"
        "from instnet import classify, diff, load_network\n"
        "G = load_network('korea-1961')\n"
        "print(classify(G).best, diff(G, G).mode)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["technocrat-group", "identity"]
