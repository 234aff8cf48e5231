"""Tools (benchmarks, seeding, demonstration data, management commands) never import test code."""

import ast

import pytest
from django.conf import settings

APPS = ("intlinks", "strategy", "partnerships", "reporting")
TOOL_PARTS = {"benchmarks.py", "seeding", "seeding.py", "demo", "demo.py", "management"}


def tool_modules(app: str):
    for path in (settings.BASE_DIR / app).rglob("*.py"):
        parts = set(path.relative_to(settings.BASE_DIR).parts)
        if "tests" not in parts and parts & TOOL_PARTS:
            yield path


def imported_test_code(path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    test_only = ("factory", "pytest")
    return {name for name in found if "tests" in name.split(".") or name.split(".")[0] in test_only}


@pytest.mark.parametrize("app", APPS)
def test_tools_never_import_test_code(app):
    wrong = {
        str(path.relative_to(settings.BASE_DIR)): names
        for path in tool_modules(app)
        if (names := imported_test_code(path))
    }
    assert not wrong, f"tools import test code (move what they need into a seeding module): {wrong}"


def test_the_check_finds_the_tools():
    assert any(path.name == "benchmarks.py" for path in tool_modules("strategy"))
    assert any("seeding" in path.parts for path in tool_modules("partnerships"))
