"""The layering holds inside apps too: no import hidden in a function to get round a circle.

Imports belong at the top of a module, where import-linter (`make lint`) sees them. Allowed
inside functions: `apps.py` (`AppConfig.ready` and the signal handlers it connects run before or
while the models load) and migrations. Type-checking blocks are not functions.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = (
    "network",
    "taxonomy",
    "municipalities",
    "knowledge",
    "events",
    "forum",
    "matchcentrum",
    "news",
    "voices",
    "commitments",
    "internships",
)


def _imports_in_functions(path: Path, root: Path = ROOT) -> set[tuple[str, str, int]]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if node.name == "ready":
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Import | ast.ImportFrom):
                found.add((str(path.relative_to(root)), node.name, inner.lineno))
    return found


def test_no_imports_inside_functions_outside_ready_and_migrations():
    found = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts or path.name == "apps.py":
                continue
            found |= _imports_in_functions(path)
    assert found == set(), "imports inside functions (move them to the top):\n" + "\n".join(
        f"{file}:{line} in {function}()" for file, function, line in sorted(found)
    )


def test_the_check_finds_an_import_inside_a_function(tmp_path):
    module = tmp_path / "views.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from network.models import BasePage\n"
        "def handler():\n    from network.models import BasePage\n"
        "class Page:\n    def serve(self):\n        import json\n"
    )
    assert _imports_in_functions(module, root=tmp_path) == {
        ("views.py", "handler", 5),
        ("views.py", "serve", 8),
    }
