"""Rules about the shape of the code that a reviewer would otherwise have to remember (ADR 0006).

Only the domain apps are constrained. `intlinks` is the project's shell (settings, URLs, navigation, the
page kit, and the templates outside an app's folder such as base.html and includes/): it may name every
app, and every app may use it.
"""

import ast
import functools
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from simple_history.models import registered_models

BASE_DIR = settings.BASE_DIR

# Each app may import only from the apps before it: the plan, then what happens, then the evaluation.
ALLOWED_IMPORTS = {
    "strategy": set(),
    "partnerships": {"strategy"},
    "reporting": {"strategy", "partnerships"},
}

# The packages every domain app splits by subject, with the same subject names across them.
LAYERS = ["models", "services", "selectors", "views", "forms"]

# Our own packages (not .venv or node_modules, which hold no __init__.py at the top).
PROJECT_PACKAGES = sorted(path.parent.name for path in BASE_DIR.glob("*/__init__.py"))


def later_apps(app: str) -> list[str]:
    return sorted(other for other, allowed in ALLOWED_IMPORTS.items() if app in allowed)


@functools.cache
def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(), filename=str(path))


def relative(path: Path) -> str:
    return str(path.relative_to(BASE_DIR))


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, made absolute; `from x import y` counts as both x and x.y."""
    parts = path.relative_to(BASE_DIR).with_suffix("").parts
    package = parts[:-1]
    found = set()
    for node in ast.walk(parsed(path)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def imported_apps(app: str) -> set[tuple[str, str]]:
    found = set()
    for path in (BASE_DIR / app).rglob("*.py"):
        for module in imported_modules(path):
            top = module.split(".")[0]
            if top in ALLOWED_IMPORTS and top != app:
                found.add((relative(path), top))
    return found


@pytest.mark.parametrize("app", sorted(ALLOWED_IMPORTS))
def test_imports_go_only_from_plan_to_evaluation(app):
    wrong = {(path, target) for path, target in imported_apps(app) if target not in ALLOWED_IMPORTS[app]}
    assert not wrong, f"{app} imports against the direction strategy <- partnerships <- reporting: {wrong}"


def names_of_later_apps(app: str) -> re.Pattern:
    """A reference to a later app's model label, permission, URL name, template or path:
    "partnerships.Activity", "partnerships.view_activity", "partnerships:activities",
    "partnerships/activity_list.html", "/reporting/". Prose ("our partnerships.") does not match."""
    return re.compile(rf"(?<![\w-])(?:{'|'.join(later_apps(app))})[.:/]\w[\w.:/-]*")


def string_constants(tree: ast.Module) -> list[str]:
    # Docstrings may explain how a later app plugs in (strategy/spending.py's registry); code may not.
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and ast.get_docstring(node, clean=False) is not None
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


@pytest.mark.parametrize("app", [app for app in sorted(ALLOWED_IMPORTS) if later_apps(app)])
def test_no_app_names_a_later_one_in_a_string_or_template(app):
    pattern = names_of_later_apps(app)
    wrong = [
        (relative(path), text)
        for path in sorted((BASE_DIR / app).rglob("*.py"))
        for text in string_constants(parsed(path))
        if pattern.search(text)
    ]
    templates = [*(BASE_DIR / "templates" / app).rglob("*"), *(BASE_DIR / app / "templates").rglob("*")]
    wrong += [
        (relative(path), match.group())
        for path in sorted(templates)
        if path.is_file()
        for match in pattern.finditer(path.read_text())
    ]
    assert not wrong, (
        f"{app} names {' or '.join(later_apps(app))}, which come after it: {wrong}. "
        "Let the later app register into this one instead (see strategy/spending.py)."
    )


def layer_modules(layer: str) -> list[Path]:
    """Every module of `layer` in our packages, whether a package (forms/...) or one file (forms.py)."""
    return sorted(
        path
        for package in PROJECT_PACKAGES
        for path in [*(BASE_DIR / package).glob(f"{layer}.py"), *(BASE_DIR / package / layer).rglob("*.py")]
    )


@pytest.mark.parametrize("layer", ["selectors", "forms"])
def test_selectors_and_forms_never_import_services(layer):
    wrong = {
        (relative(path), module)
        for path in layer_modules(layer)
        for module in imported_modules(path)
        if module.split(".")[0] in PROJECT_PACKAGES and "services" in module.split(".")
    }
    assert not wrong, (
        f"{layer} must not import services (a read or a validation must not write): {wrong}. "
        "Move the rule to the model or a selector, or call the service from the view."
    )


@pytest.mark.parametrize("app", sorted(ALLOWED_IMPORTS))
def test_every_layer_is_a_package_not_a_flat_module(app):
    flat = sorted(
        path.name
        for path in (BASE_DIR / app).glob("*.py")
        if any(path.stem == layer or path.stem.endswith(f"_{layer}") for layer in LAYERS)
    )
    assert not flat, f"{app} keeps {flat} beside its packages: move each into <layer>/<subject>.py (ADR 0006)"


@pytest.mark.parametrize("app", sorted(ALLOWED_IMPORTS))
def test_layer_modules_are_named_after_a_subject_not_a_verb(app):
    # A subject (places, links, budgets...) names a module in more than one layer; `editing.py` or
    # `reading.py` would be named after what the pages do. `common` holds one package's shared helpers.
    modules = {layer: {path.stem for path in (BASE_DIR / app / layer).glob("*.py")} for layer in LAYERS}
    wrong = sorted(
        f"{layer}/{name}.py"
        for layer in LAYERS
        if layer != "models"  # a model may be a subject of its own, kept in the admin only
        for name in modules[layer] - {"__init__", "common"}
        if not any(name in modules[other] for other in LAYERS if other != layer)
    )
    assert not wrong, (
        f"{app}'s {wrong} share no subject with its other layers: split pages and rules by subject "
        "(the same module names in models/, services/, selectors/, forms/ and views/), not by verb"
    )


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
