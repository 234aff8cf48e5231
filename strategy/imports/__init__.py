"""The strategy app's spreadsheet imports, registered with `intlinks.imports` by the app config."""

from intlinks.imports.kinds import ImportKind
from strategy.imports.action_plans import ActionResource
from strategy.imports.indicators import IndicatorResource

IMPORT_KINDS = (
    ImportKind(
        "actions",
        "Action-plan actions",
        ActionResource,
        ("strategy.add_action", "strategy.change_action"),
        "The actions of a strategy's annual action plans; a year's plan is created if it does not exist. "
        "Progress is recorded on each action's page.",
        order=60,
    ),
    ImportKind(
        "indicators",
        "Indicators",
        IndicatorResource,
        ("strategy.add_indicator", "strategy.change_indicator"),
        "A strategy's indicators with their baseline.",
        order=70,
    ),
)
