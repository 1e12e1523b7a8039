"""The import-linter contract of `make lint` holds, and would catch an upward import."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _root_packages() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return config["tool"]["importlinter"]["root_packages"]


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def tree_copy(tmp_path: Path) -> Path:
    """The project's Python packages and pyproject.toml, copied so a test may break them."""
    for package in _root_packages():
        shutil.copytree(
            ROOT / package,
            tmp_path / package,
            ignore=shutil.ignore_patterns("*.pyc", "__pycache__", "locale", "static", "data"),
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_every_app_is_in_the_contract():
    """A new app must be placed in the layers, or the contract would not see it."""
    apps = {
        path.parent.name
        for path in ROOT.glob("*/apps.py")
        if (path.parent / "models.py").exists()
        or (path.parent / "models").is_dir()
        or (path.parent / "urls.py").exists()
    }
    # Every domain app, the ones whose models are a package (events, knowledge, ...) too.
    assert {"events", "knowledge", "municipalities", "taxonomy"} <= apps
    assert apps <= set(_root_packages())


def test_the_tree_keeps_its_layers(tree_copy):
    result = _lint(tree_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


@pytest.mark.parametrize(
    ("module", "statement"),
    [
        ("network/probe.py", "import forum.models\n"),  # upward: foundation -> domain app
        ("municipalities/probe.py", "from knowledge import models\n"),  # upward
        ("events/probe.py", "import forum.services\n"),  # sideways, between siblings
        ("taxonomy/probe.py", "import municipalities.models\n"),  # upward
        ("municipalities/probe.py", "import network.demo\n"),  # downward, but demo code
        ("knowledge/management/probe.py", "from knowledge import demo\n"),  # own demo code
    ],
)
def test_an_upward_or_sideways_import_breaks_the_contract(tree_copy, module, statement):
    (tree_copy / module).write_text(statement)
    result = _lint(tree_copy)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert module.replace("/", ".").removesuffix(".py") in result.stdout
