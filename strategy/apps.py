from django.apps import AppConfig


class StrategyConfig(AppConfig):
    """The plan: strategies, objectives, action plans, indicators and budgets."""

    name = "strategy"
    verbose_name = "Strategy"

    def ready(self):
        from intlinks.exports import register
        from strategy.exports import ALL

        register(*ALL)
