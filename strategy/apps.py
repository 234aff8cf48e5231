from django.apps import AppConfig


class StrategyConfig(AppConfig):
    """The plan: strategies, objectives, action plans, indicators and budgets."""

    name = "strategy"
    verbose_name = "Strategy"
