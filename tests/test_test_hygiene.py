"""Tests that cannot fail for the right reason do not come back (browser tests excepted)."""

import ast
from pathlib import Path

TESTS = Path(__file__).parent

# test function ("path::name") -> why it asserts nothing itself
ALLOWED_WITHOUT_ASSERT: dict[str, str] = {}

CHECKS = {"raises", "warns", "fail"}


def _test_modules():
    for path in sorted(TESTS.rglob("test_*.py")):
        if "e2e" not in path.relative_to(TESTS).parts:
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _checks_something(function: ast.FunctionDef) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.Assert):
            return True
        if isinstance(node, ast.Call):
            name = _called_name(node)
            if "assert" in name.lower() or name in CHECKS:
                return True
    return False


def test_every_test_asserts_something():
    silent = [
        f"{path.relative_to(TESTS)}::{node.name}"
        for path, tree in _test_modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test")
        if not _checks_something(node)
    ]
    assert [name for name in silent if name not in ALLOWED_WITHOUT_ASSERT] == []


def test_no_response_is_read_straight_from_a_request():
    """`client.get(url).content` never sees the status: a 500 page would pass."""
    unchecked = [
        f"{path.relative_to(TESTS)}:{node.lineno}"
        for path, tree in _test_modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in {"content", "context", "json"}
        and isinstance(node.value, ast.Call)
        and _called_name(node.value) in {"get", "post"}
    ]
    assert unchecked == [], "check the status first: tests.utils.get_html or assertContains"
