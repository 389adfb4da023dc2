"""Every module binds each module-level name once, and every class each method name once.

A second ``_PERSON_AFTER`` further down a core module had silently replaced the first,
changing what every earlier rule read; a second ``_real_events`` helper in a test module
silently broke 22 tests. So the check covers the tests as well as the code.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

_REPO = Path(__file__).resolve().parents[2]
_FILES = sorted(p for root in ("src", "services", "schemas", "tests") for p in (_REPO / root).rglob("*.py"))


def _redefines(node: ast.AST) -> bool:
    """``@x.setter`` and ``@overload`` rebind a name on purpose."""
    decorators = getattr(node, "decorator_list", [])
    return any(
        (isinstance(d, ast.Attribute) and d.attr in {"setter", "deleter"})
        or (isinstance(d, ast.Name) and d.id == "overload")
        for d in decorators
    )


def _bound_twice(body: list[ast.stmt]) -> list[str]:
    names: Counter[str] = Counter()
    for node in body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not _redefines(node):
            names[node.name] += 1
        for t in targets:
            for n in ast.walk(t):
                if isinstance(n, ast.Name):
                    names[n.id] += 1
    return sorted(n for n, k in names.items() if k > 1 and n != "__all__")


def test_the_check_sees_the_tests_too() -> None:
    assert any(p.parts[-3:-1] == ("tests", "core") for p in _FILES)
    assert any(p.name == "places.py" and "extract" in p.parts for p in _FILES)


def test_a_second_binding_is_caught() -> None:
    tree = ast.parse("def f(): pass\nclass C:\n    def m(self): pass\n    def m(self): pass\ndef f(): pass\n")
    assert _bound_twice(tree.body) == ["f"]
    assert _bound_twice(tree.body[1].body) == ["m"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", _FILES, ids=lambda p: str(p.relative_to(_REPO)))
def test_no_name_is_bound_twice(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    twice = {"<module>": _bound_twice(tree.body)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            twice[node.name] = _bound_twice(node.body)
    twice = {where: names for where, names in twice.items() if names}
    assert not twice, f"{path.name} binds a name more than once: {twice}"
