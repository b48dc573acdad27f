"""Layers only import downward, as docs/architecture.md draws them.

The doc is the source of truth: its layer table ranks the layers, its module table puts
every module in one, and its picture shows each module in its layer's band. This test
reads all three, so a new module must be placed before the suite passes, and the picture
cannot drift from the imports again. Every import counts: module level, inside a function
(lazy), or under TYPE_CHECKING.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from turnout import paths

ROOT = paths.project_root()
SRC = ROOT / "src"
DOC = ROOT / "docs" / "architecture.md"


def _rows(heading: str) -> list[list[str]]:
    """The body rows of the first Markdown table under `## heading`, cells stripped."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    lines = [ln for ln in section.splitlines() if ln.startswith("|")]
    return [[c.strip() for c in ln.strip("|").split("|")] for ln in lines[2:]]


def _name(cell: str) -> str:
    return re.fullmatch(r"`([^`]+)`", cell).group(1)


def layer_ranks() -> dict[str, int]:
    """Layer name -> rank, from the doc's layer table (`| rank | layer | knows about |`)."""
    return {_name(layer): int(rank) for rank, layer, *_ in _rows("Layers")}


def module_layers() -> dict[str, str]:
    """Dotted module (or package) name -> layer, from the doc's module table."""
    out = {}
    for module, layer, *_ in _rows("Modules"):
        name = _name(module).removesuffix("/").replace("/", ".")
        out["turnout" if name == "turnout" else f"turnout.{name}"] = _name(layer)
    return out


def source_modules() -> dict[str, Path]:
    """Every module under src/turnout, by dotted name (a package by its own name)."""
    found = {}
    for path in sorted((SRC / "turnout").rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _resolve(name: str, modules: dict[str, Path]) -> str:
    """The module an import reaches: the longest dotted prefix that is a module."""
    parts = name.split(".")
    while parts and ".".join(parts) not in modules:
        parts.pop()
    return ".".join(parts)


def imports(module: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, int]]:
    """The turnout modules `module` imports, each with its line, wherever the import sits."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(up + ([node.module] if node.module else []))
            # `from turnout import style` imports the module turnout.style.
            targets = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            if target == "turnout" or target.startswith("turnout."):
                found.append((_resolve(target, modules), node.lineno))
    return found


def row_of(module: str, layers: dict[str, str]) -> str | None:
    """A module's row: its own, else its package's (longest prefix wins). The row `turnout`
    is the package's own __init__ (the public API), not everything inside it."""
    parts = module.split(".")
    package_only = module != "turnout"
    while parts and (".".join(parts) not in layers or (parts == ["turnout"] and package_only)):
        parts.pop()
    return ".".join(parts) or None


def layer_of(module: str, layers: dict[str, str]) -> str:
    row = row_of(module, layers)
    assert row, f"{module} is in no layer of docs/architecture.md"
    return layers[row]


def test_every_module_has_a_layer_and_every_row_a_module():
    ranks, layers, modules = layer_ranks(), module_layers(), source_modules()
    assert set(ranks) >= {"words", "tables", "pictures", "output"}
    assert sorted(ranks.values()) == list(range(len(ranks))), "ranks run 0, 1, 2, ..."
    for name, layer in layers.items():
        assert name in modules, f"docs/architecture.md lists {name}, which does not exist"
        assert layer in ranks, f"{name}: {layer!r} is not a layer of the Layers table"
    unplaced = [m for m in modules if row_of(m, layers) is None]
    assert not unplaced, f"put these in a layer in docs/architecture.md: {unplaced}"


def test_the_picture_shows_each_module_in_its_layer():
    text = DOC.read_text(encoding="utf-8")
    picture = text.split("\n## Layers\n", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    ranks, layers = layer_ranks(), module_layers()
    bands: dict[str, str] = {}
    current = None
    for line in picture.splitlines():
        label = line.split(maxsplit=1)[0] if line.strip() else ""
        if label in ranks:
            current = label
        if current:
            bands[current] = bands.get(current, "") + line + "\n"
    # Drawn top down: output first, the lowest layer last.
    assert list(bands) == sorted(ranks, key=ranks.get, reverse=True)
    for module, layer in layers.items():
        top = module.split(".")[1] if "." in module else module
        assert re.search(rf"(?<![\w.]){re.escape(top)}(?![\w])", bands[layer]), (
            f"the picture does not show {top} among the {layer}"
        )


ARROW = re.compile(r"(\w+)/?(?: \([^)]*\))? ──> ([\w/, ]+?)(?: {2,}|$)", re.M)


def test_every_arrow_in_the_picture_is_an_import():
    text = DOC.read_text(encoding="utf-8")
    picture = text.split("\n## Layers\n", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    modules = source_modules()
    drawn = 0
    for source, targets in ARROW.findall(picture):
        prefix = "turnout" if source == "turnout" else f"turnout.{source}"
        reached = {
            target
            for module, path in modules.items()
            if module == prefix or module.startswith(prefix + ".")
            for target, _ in imports(module, path, modules)
        }
        for target in targets.split(","):
            name = "turnout." + target.strip().removesuffix("/")
            drawn += 1
            assert any(t == name or t.startswith(name + ".") for t in reached), (
                f"the picture draws {source} ──> {target.strip()}, but {source} does not import it"
            )
    assert drawn >= 10


def test_no_module_imports_one_above_its_layer():
    ranks, layers, modules = layer_ranks(), module_layers(), source_modules()
    upward = []
    for module, path in modules.items():
        mine = layer_of(module, layers)
        for target, line in imports(module, path, modules):
            theirs = layer_of(target, layers)
            if ranks[theirs] > ranks[mine]:
                where = f"{path.relative_to(ROOT)}:{line}"
                upward.append(f"{where}: {module} ({mine}) imports {target} ({theirs})")
    assert not upward, "imports that go up a layer:\n" + "\n".join(upward)


def test_the_import_reader_sees_lazy_relative_and_from_imports(tmp_path):
    """The checker itself can fail: it finds imports in functions, relative ones, submodules."""
    pkg = tmp_path / "turnout"
    (pkg / "charts").mkdir(parents=True)
    for name in ["__init__.py", "sizes.py", "style.py", "charts/__init__.py"]:
        (pkg / name).write_text("")
    (pkg / "charts" / "base.py").write_text(
        "def f():\n    from turnout import style\n    from ..sizes import parse_size\n"
        "    import turnout.charts\n"
    )
    modules = {
        m: p
        for m, p in {
            "turnout": pkg / "__init__.py",
            "turnout.sizes": pkg / "sizes.py",
            "turnout.style": pkg / "style.py",
            "turnout.charts": pkg / "charts" / "__init__.py",
            "turnout.charts.base": pkg / "charts" / "base.py",
        }.items()
    }
    found = imports("turnout.charts.base", modules["turnout.charts.base"], modules)
    assert found == [("turnout.style", 2), ("turnout.sizes", 3), ("turnout.charts", 4)]
    layers = {"turnout": "tables", "turnout.sizes": "words", "turnout.charts": "pictures"}
    assert layer_of("turnout.charts.base", layers) == "pictures"
    assert row_of("turnout.style", layers) is None  # the package row covers only __init__
