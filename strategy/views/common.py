"""What the strategy section's pages share: their breadcrumbs, and the parent of a strategy's parts."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from intlinks.editing import ServiceFormMixin
from strategy.models import ActionPlan, Strategy


def section_crumb() -> tuple[str, str]:
    return ("Strategy", reverse("strategy:index"))


def strategy_crumbs(strategy: Strategy, *more) -> list[tuple[str, str | None]]:
    return [section_crumb(), (strategy.title, strategy.get_absolute_url()), *more]


def plan_crumbs(plan: ActionPlan, *more) -> list[tuple[str, str | None]]:
    plan_crumb = (f"Action plan {plan.year_label}", plan.get_absolute_url())
    return [*strategy_crumbs(plan.strategy), plan_crumb, *more]


class SectionFormMixin(ServiceFormMixin):
    """A form page of the strategy section: its breadcrumbs start at the section's landing page."""

    def crumbs(self):
        return [section_crumb(), (self.title, None)]


class StrategyPartFormMixin(ServiceFormMixin):
    """A form for a part of a strategy (an objective, an indicator), reached from the strategy's page."""

    def get_strategy(self) -> Strategy:
        if not hasattr(self, "_strategy"):
            self._strategy = get_object_or_404(Strategy, pk=self.kwargs["strategy"])
        return self._strategy

    def crumbs(self):
        return strategy_crumbs(self.get_strategy(), (self.title, None))

    def get_success_url(self):
        return self.get_strategy().get_absolute_url()
