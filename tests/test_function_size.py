"""No function over about 80 lines, none with more than about 8 parameters.

Counted over the package, scripts/ and benchmarks/: a function's lines run from its
``def`` to its last line (docstring included, decorators not); its parameters are every
name it takes (``*args`` and ``**kwargs`` count one each), ``self`` or ``cls`` apart. A
long function is split by meaning (one function per step, a table of named rules); one
with many parameters takes a small dataclass its callers already pass around.
"""

from __future__ import annotations

import ast
from pathlib import Path

from turnout import paths

ROOT = paths.project_root()
FOLDERS = ("src/turnout", "scripts", "benchmarks")
MAX_LINES = 80
MAX_PARAMS = 8

# No known exceptions: every function holds to the limits.
KNOWN: set[str] = set()


def _params(args: ast.arguments) -> int:
    names = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    n = len(names) + (args.vararg is not None) + (args.kwarg is not None)
    first = (args.posonlyargs or args.args or [None])[0]
    return n - 1 if first is not None and first.arg in ("self", "cls") else n


def oversized(root: Path, folders: tuple[str, ...]) -> dict[str, str]:
    """``path::name`` -> "N lines, M parameters" for each function over either limit."""
    found: dict[str, str] = {}
    for folder in folders:
        for path in sorted((root / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                params = _params(node.args)
                if lines > MAX_LINES or params > MAX_PARAMS:
                    key = f"{path.relative_to(root).as_posix()}::{node.name}"
                    found[key] = f"{lines} lines, {params} parameters (line {node.lineno})"
    return found


def test_no_function_is_too_long_or_takes_too_many_parameters():
    found = {k: v for k, v in oversized(ROOT, FOLDERS).items() if k not in KNOWN}
    assert not found, "split these by meaning:\n" + "\n".join(
        f"{k}: {v}" for k, v in sorted(found.items())
    )


def test_a_made_up_long_function_or_many_parameters_is_named(tmp_path):
    body = "\n".join(f"    x{n} = {n}" for n in range(78))
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "made_up.py").write_text(
        f'def long_one():\n    """Eighty-one lines."""\n{body}\n    return x0\n\n\n'
        f"def just_80():\n{body}\n    return x0\n\n\n"
        "def nine(a, b, c, d, e, f, g, h, i):\n    return a\n\n\n"
        "def eight(a, b, c, d, *e, f, **g):\n    return a\n\n\n"
        "class C:\n    def method(self, a, b, c, d, e, f, g, h):\n        return a\n",
        encoding="utf-8",
    )
    found = oversized(tmp_path, ("pkg",))
    assert sorted(found) == ["pkg/made_up.py::long_one", "pkg/made_up.py::nine"]
    assert found["pkg/made_up.py::long_one"].startswith("81 lines, 0 parameters")
    assert found["pkg/made_up.py::nine"].startswith("2 lines, 9 parameters")
