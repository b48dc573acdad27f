"""The tests mirror the package: every module is reached by a fast test file of its own.

A module `src/turnout/SUB/NAME.py` is reached when a test file of its own imports it by
its full name (`import turnout.SUB.NAME`, `from turnout.SUB import NAME`, `from
turnout.SUB.NAME import X`; a name the package re-exports does not count) and that file
is fast: no module-level `pytestmark` of `slow`, `browser`, `lab` or `fuzz` (the marks
`make check` leaves out). A file of its own sits in the mirroring folder (`tests/SUB/`;
`tests/` for a module of `src/turnout/` itself) and is named for it: its name, less
`test_`, holds NAME as whole words (`test_NAME.py`, `test_SUB_NAME.py`, `test_NAME_more.py`,
`test_more_NAME.py`); the top package's own is `test_package.py`. Imports are read with
ast, wherever they sit. `__main__` and `__init__` files with no code of their own
(docstring, imports, `__all__`) need no test.
"""

from __future__ import annotations

import ast
from pathlib import Path

from turnout import paths

ROOT = paths.project_root()
NOT_FAST = {"slow", "browser", "lab", "fuzz"}


def _has_code(tree: ast.Module) -> bool:
    """Whether a module does more than document, import and list its names."""
    for i, node in enumerate(tree.body):
        if i == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the docstring
        if isinstance(node, ast.Import | ast.ImportFrom):
            continue
        targets = node.targets if isinstance(node, ast.Assign) else []
        if [getattr(t, "id", None) for t in targets] == ["__all__"]:
            continue
        return True
    return False


def package_modules(src: Path) -> dict[str, tuple[str, ...]]:
    """Dotted name -> the folder under tests/ its own tests belong in, for each module that
    needs a test (`src` holds the top package: `src/turnout`)."""
    found = {}
    for path in sorted(src.rglob("*.py")):
        parts = (src.name, *path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            if not _has_code(ast.parse(path.read_text(encoding="utf-8"))):
                continue
            parts = parts[:-1]
            found[".".join(parts)] = parts[1:]
        else:
            found[".".join(parts)] = parts[1:-1]
    return found


def _marks(tree: ast.Module) -> set[str]:
    """The marker names of a test file's module-level `pytestmark`."""
    marks: set[str] = set()
    for node in tree.body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if value is None or "pytestmark" not in [getattr(t, "id", None) for t in targets]:
            continue
        for sub in ast.walk(value):
            # pytest.mark.slow, or pytest.mark.slow(reason=...)
            if isinstance(sub, ast.Attribute) and getattr(sub.value, "attr", None) == "mark":
                marks.add(sub.attr)
    return marks


def imported_modules(tree: ast.Module, modules: set[str]) -> set[str]:
    """The modules of `modules` a test file imports by full name, anywhere in the file."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                # `from turnout.embeds import words` reaches the module words, `from
                # turnout.embeds import render` the package's own __init__.
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in modules else node.module)
    return found & modules


def named_for(test_file: str, module: str) -> bool:
    """Whether a test file's name says it is the module's own: NAME as whole words of it.

    >>> named_for("test_headline_ranking.py", "turnout.ranking")
    True
    >>> named_for("test_chart_map.py", "turnout.charts.turnout_map")
    False
    """
    name = module.split(".")[-1] if "." in module else "package"
    return f"_{name}_" in f"_{test_file.removeprefix('test_').removesuffix('.py')}_"


def unreached(src: Path, tests: Path) -> list[str]:
    """Each module of `src` that no fast test file of its own imports (in its mirroring
    folder of `tests`, named for it), with where that file belongs."""
    modules = package_modules(src)
    reached: set[str] = set()
    for path in tests.rglob("test_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if _marks(tree) & NOT_FAST:
            continue
        folder = path.parent.relative_to(tests).parts
        reached |= {
            m
            for m in imported_modules(tree, set(modules))
            if modules[m] == folder and named_for(path.name, m)
        }
    return [
        f"{name} (no fast test file of its own in {Path(tests.name, *modules[name])}/ imports it)"
        for name in sorted(set(modules) - reached)
    ]


def test_every_module_is_reached_by_a_fast_test_of_its_own():
    missing = unreached(ROOT / "src" / "turnout", ROOT / "tests")
    assert not missing, "modules without a fast test file of their own:\n" + "\n".join(missing)


def test_the_layout_check_names_a_module_no_fast_test_reaches(tmp_path):
    def write(relative: str, text: str = "") -> None:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    src = tmp_path / "src" / "turnout"
    write("src/turnout/__init__.py", '"""Docs."""\nfrom turnout.a import f\n__all__ = ["f"]\n')
    write("src/turnout/__main__.py", "import sys\nsys.exit(0)\n")
    for name in ["a", "b", "sub/c", "sub/d", "sub/e", "sub/f", "sub/g"]:
        write(f"src/turnout/{name}.py", "def f():\n    return 1\n")
    write("src/turnout/sub/__init__.py", '"""Sub."""\n\ndef render():\n    return 2\n')
    write("tests/test_a.py", "from turnout.a import f\n")
    write("tests/test_b.py", "import pytest\nimport turnout.b\npytestmark = pytest.mark.slow\n")
    write("tests/sub/test_sub_c.py", "def test():\n    from turnout.sub import c\n")
    write("tests/sub/test_sub.py", "from turnout.sub import render\n")
    write("tests/sub/test_d_more.py", "import turnout.sub.d as d\n")
    write("tests/test_e.py", "from turnout.sub import e\n")  # not in tests/sub/
    write(
        "tests/sub/test_f.py",
        "import pytest\npytestmark = [pytest.mark.browser]\nimport turnout.sub.f\n",
    )
    write("tests/sub/helpers.py", "import turnout.sub.g\n")  # not a test file
    write("tests/sub/test_other.py", "import turnout.sub.g\n")  # not named for g
    assert unreached(src, tmp_path / "tests") == [
        f"turnout.{module} (no fast test file of its own in {folder}/ imports it)"
        for module, folder in [("b", "tests"), ("sub.e", "tests/sub"), ("sub.f", "tests/sub"),
                               ("sub.g", "tests/sub")]
    ]  # fmt: skip
    # the package's own __init__ counts once a test reaches it; an __init__ with no code not
    assert set(package_modules(src)) == {"turnout.a", "turnout.b", "turnout.sub"} | {
        f"turnout.sub.{n}" for n in "cdefg"
    }
