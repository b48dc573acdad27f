"""The tools see every room: doctests collected everywhere, ruff's scope, the pre-commit hooks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from turnout import paths

ROOT = paths.project_root()
SRC = ROOT / "src" / "turnout"
BIN = Path(sys.executable).parent


def _modules_with_examples() -> set[str]:
    return {
        str(p.relative_to(ROOT))
        for p in SRC.rglob("*.py")
        if re.search(r"^\s*>>> ", p.read_text(encoding="utf-8"), re.M)
    }


def test_every_module_with_a_docstring_example_is_collected():
    # pytest's own rules decide (testpaths, norecursedirs, ignores): a folder named like one
    # it skips by default (`build/`, `dist/`, `*.egg`) once hid eleven examples from the suite.
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-p",
         "no:xdist", str(SRC)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    collected = {line.split("::")[0] for line in out.stdout.splitlines() if "::" in line}
    want = _modules_with_examples()
    assert len(want) > 40, want  # the package has examples in most modules
    assert want <= collected, (
        f"examples never run: {sorted(want - collected)}\n{out.stdout[-2000:]}"
    )


def test_ruff_sees_the_package_tests_benchmarks_scripts_and_notebooks():
    out = subprocess.run(
        [str(BIN / "ruff"), "check", "--show-files", "."],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    seen = {str(Path(line.strip()).resolve().relative_to(ROOT)) for line in out.stdout.splitlines()}
    for folder, pattern in [("src", "*.py"), ("tests", "test_*.py"), ("benchmarks", "*.py"),
                            ("scripts", "*.py"), ("notebooks", "*.ipynb")]:  # fmt: skip
        files = {str(p.relative_to(ROOT)) for p in (ROOT / folder).rglob(pattern)}
        assert files, folder
        assert files <= seen, f"ruff does not check {sorted(files - seen)}"


def test_pre_commit_hooks_run_tools_the_dev_extra_installs():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [h for repo in config["repos"] for h in repo["hooks"]]
    assert {h["id"] for h in hooks} >= {"ruff", "ruff-format", "nbstripout"}
    for hook in hooks:
        # Local hooks only: a hook from a repository would be downloaded on first use.
        assert hook["language"] == "system", hook
        tool = hook["entry"].split()[0].removeprefix(".venv/bin/")
        assert shutil.which(tool, path=str(BIN)), f"{hook['id']}: {tool} is not in {BIN}"


def test_the_notebook_hook_strips_outputs(tmp_path):
    hook = next(
        h
        for repo in yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"]
        for h in repo["hooks"]
        if h["id"] == "nbstripout"
    )
    nb = json.loads((ROOT / "notebooks" / "02-turnout-by-city.ipynb").read_text(encoding="utf-8"))
    code = next(c for c in nb["cells"] if c["cell_type"] == "code")
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["a saved output\n"]}]
    code["execution_count"] = 7
    path = tmp_path / "02.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    args = hook["entry"].split()
    subprocess.run([str(BIN / Path(args[0]).name), *args[1:], str(path)], check=True)
    stripped = json.loads(path.read_text(encoding="utf-8"))
    assert all(not c.get("outputs") for c in stripped["cells"] if c["cell_type"] == "code")
    assert all(
        c.get("execution_count") is None for c in stripped["cells"] if c["cell_type"] == "code"
    )
    assert [c["source"] for c in stripped["cells"]] == [c["source"] for c in nb["cells"]]
