"""The package's shape, checked: stages as subpackages, no import cycles, no oversized module,
Beam only where it belongs, one vocabulary that every name the code writes comes from."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

ROOTS = {
    "newsclean": REPO / "pipeline",
    "newsclean.transforms": REPO / "transforms",
    "newsclean.schemas": REPO / "schemas",
}
MAX_LINES = 600
STAGES = ("reading", "extraction", "cleaning", "fields", "corpus", "beam", "runtime", "scoring")


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package, folder in ROOTS.items():
        for path in folder.rglob("*.py"):
            parts = path.relative_to(folder).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            name = ".".join((package, *parts))
            if package == "newsclean" and name.startswith(("newsclean.transforms", "newsclean.schemas")):
                continue
            found[name] = path
    return found


MODULES = _modules()


def _imports(path: Path, *, top_level_only: bool) -> set[str]:
    """The newsclean modules ``path`` imports (module level only, or everywhere, lazy imports too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    names: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


def test_transforms_is_grouped_by_stage_with_a_docstring_each() -> None:
    for stage in STAGES:
        init = REPO / "transforms" / stage / "__init__.py"
        assert init.exists(), stage
        assert ast.get_docstring(ast.parse(init.read_text())), f"{stage} says what it owns"
    loose = sorted(p.name for p in (REPO / "transforms").glob("*.py") if p.name != "__init__.py")
    assert len(loose) <= 6, loose  # a handful of shared modules directly in transforms/


def test_no_module_is_over_600_lines() -> None:
    long = {name: n for name, path in MODULES.items() if (n := len(path.read_text().splitlines())) > MAX_LINES}
    assert not long, long


def test_no_import_cycles() -> None:
    graph = {
        name: {m for m in _imports(path, top_level_only=True) if m in MODULES and m != name}
        for name, path in MODULES.items()
    }
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, trail: list[str]) -> bool:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle.extend([*trail, node, nxt])
                return True
            if nxt not in state and visit(nxt, [*trail, node]):
                return True
        state[node] = 2
        return False

    for name in sorted(graph):
        if name not in state and visit(name, []):
            break
    assert not cycle, " -> ".join(cycle)


def test_beam_is_imported_only_by_the_beam_layer_and_the_pipeline() -> None:
    allowed = ("newsclean.transforms.beam",)
    offenders = [
        name
        for name, path in MODULES.items()
        if name.startswith(("newsclean.transforms", "newsclean.schemas"))
        and not name.startswith(allowed)
        and any(m == "apache_beam" or m.startswith("apache_beam.") for m in _imports(path, top_level_only=False))
    ]
    assert not offenders, offenders


def test_every_rule_reject_and_source_is_in_the_vocabulary() -> None:
    from newsclean.transforms.cleaning import rules, sections
    from newsclean.transforms.fields import choose
    from newsclean.transforms.vocabulary import FieldSource, RuleName

    for rule in [*rules.LINE_RULES, *rules.PREFIX_RULES, *rules.SECTION_RULES]:
        assert isinstance(rule.name, RuleName), rule.name
    assert set(rules.RULE_NAMES) <= set(RuleName)
    for name in (sections.RULE_PAGE_TITLE, sections.RULE_TABLE_OF_CONTENTS, sections.RULE_AUTHOR_BIO):
        assert isinstance(name, RuleName)
    for source in (*choose.AUTHOR_SOURCES, *choose.STRUCTURED_DATE_SOURCES, *choose.DATE_SOURCES):
        assert isinstance(source, FieldSource), source


@pytest.mark.parametrize(
    "module", ["newsclean", "newsclean.transforms.document", "newsclean.transforms.cleaning.clean"]
)
def test_the_library_needs_no_beam(module: str) -> None:
    import subprocess
    import sys

    code = f"import sys, {module}; print('apache_beam' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert done.stdout.strip() == "False", done.stderr[-2000:]
