"""environment.yml and pyproject.toml list the same dependencies with the same bounds."""

import re
import tomllib

from turnout import paths

ROOT = paths.project_root()


def _norm(spec: str) -> tuple[str, str]:
    spec = spec.split(";")[0].strip()
    m = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", spec)
    assert m, spec
    name = re.sub(r"[-_.]+", "-", m.group(1)).lower()
    return name, m.group(2).replace(" ", "")


def pyproject_deps() -> set[tuple[str, str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        deps += extra
    return {_norm(d) for d in deps}


def conda_deps() -> set[tuple[str, str]]:
    deps = set()
    in_deps = False
    for line in (ROOT / "environment.yml").read_text().splitlines():
        if re.match(r"^dependencies:\s*$", line):
            in_deps = True
            continue
        if in_deps and re.match(r"^\S", line):
            break
        m = re.match(r"^  - ([^\s#:][^#]*?)\s*(#.*)?$", line)  # top-level items
        # and pip's (a package conda-forge lacks comes from PyPI); "-e ." is the project itself
        m = m or re.match(r"^      - ([A-Za-z][^#]*?)\s*(#.*)?$", line)
        if in_deps and m:
            deps.add(_norm(m.group(1)))
    return {d for d in deps if d[0] not in {"python", "pip"}}


def test_same_dependencies_and_bounds():
    py, conda = pyproject_deps(), conda_deps()
    assert py, "no dependencies read from pyproject.toml"
    assert py == conda, f"only in pyproject: {py - conda}; only in environment.yml: {conda - py}"


def test_pins_the_issue_requires():
    py = dict(pyproject_deps())
    assert py["pandas"] == ">=3"
    assert py["matplotlib"] == "<3.13"  # seaborn 0.13.2 uses an API matplotlib 3.13 removes


def test_environment_python_matches_requires_python():
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert f"- python{requires}" in (ROOT / "environment.yml").read_text()
