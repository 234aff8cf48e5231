from django.apps import AppConfig


class StrategyConfig(AppConfig):
    """The plan: strategies, objectives, action plans, indicators and budgets."""

    name = "strategy"
    verbose_name = "Strategy"

    def ready(self):
        from intlinks import data_version

        data_version.watch(self)  # the working party's cached figures follow every write (ADR 0022)

        from intlinks.exports import register
        from strategy.exports import ALL

        register(*ALL)

        from intlinks.imports.kinds import register_import_kind
        from strategy.imports import IMPORT_KINDS

        for kind in IMPORT_KINDS:
            register_import_kind(kind)
