from django.apps import AppConfig


class StrategyConfig(AppConfig):
    """The plan: strategies, objectives, action plans, indicators and budgets."""

    name = "strategy"
    verbose_name = "Strategy"

    def ready(self):
        from intlinks.exports import register
        from strategy.exports import ALL

        register(*ALL)

        from intlinks.imports.kinds import register_import_kind
        from strategy.imports import IMPORT_KINDS

        for kind in IMPORT_KINDS:
            register_import_kind(kind)
