"""The cores' modules bind each module-level name once: a second ``_PERSON_AFTER`` further
down had silently replaced the first, changing what every earlier rule read."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

import sitrep.core

_CORE = Path(sitrep.core.__file__).parent


@pytest.mark.parametrize("path", sorted(_CORE.rglob("*.py")), ids=lambda p: str(p.relative_to(_CORE)))
def test_no_module_level_name_is_bound_twice(path: Path) -> None:
    names: Counter[str] = Counter()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
        for t in targets:
            for n in ast.walk(t):
                if isinstance(n, ast.Name):
                    names[n.id] += 1
    twice = sorted(n for n, k in names.items() if k > 1 and n != "__all__")
    assert not twice, f"{path.name} binds {twice} more than once"
