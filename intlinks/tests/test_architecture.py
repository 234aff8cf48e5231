"""Rules about the shape of the code that a reviewer would otherwise have to remember."""

import ast

import pytest
from django.apps import apps
from django.conf import settings
from simple_history.models import registered_models

# Each app may import only from the apps before it: the plan, then what happens, then the evaluation.
ALLOWED_IMPORTS = {
    "strategy": set(),
    "partnerships": {"strategy"},
    "reporting": {"strategy", "partnerships"},
}


def imported_apps(app: str) -> set[tuple[str, str]]:
    found = set()
    for path in (settings.BASE_DIR / app).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top in ALLOWED_IMPORTS and top != app:
                    found.add((str(path.relative_to(settings.BASE_DIR)), top))
    return found


@pytest.mark.parametrize("app", sorted(ALLOWED_IMPORTS))
def test_imports_go_only_from_plan_to_evaluation(app):
    wrong = {(path, target) for path, target in imported_apps(app) if target not in ALLOWED_IMPORTS[app]}
    assert not wrong, f"{app} imports against the direction strategy <- partnerships <- reporting: {wrong}"


def test_every_model_holding_council_data_keeps_its_history():
    unrecorded = [
        model._meta.label
        for app in ALLOWED_IMPORTS
        for model in apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical")
        and model not in registered_models.values()
        and not getattr(model, "history_exempt_reason", None)
    ]
    assert not unrecorded, f"add HistoricalRecords() to {unrecorded}"
