from datetime import date
from decimal import Decimal

import factory
from django.utils import timezone

from strategy.models import (
    Action,
    ActionPlan,
    Budget,
    BudgetLine,
    CorporateTheme,
    Indicator,
    IndicatorValue,
    Objective,
    ProgressUpdate,
    Strategy,
    SynopsisEntry,
    WayForward,
)


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strategy

    title = factory.Sequence(lambda n: f"International strategy {n}")
    first_year = 2024
    last_year = 2027
    aims = "To work with our international links\nTo raise public awareness of global issues"


class CorporateThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CorporateTheme
        django_get_or_create = ("council", "name")

    council = ""
    name = factory.Sequence(lambda n: f"Theme {n}")
    position = factory.Sequence(int)


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    strategy = factory.SubFactory(StrategyFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Objective {n}")


class WayForwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WayForward

    objective = factory.SubFactory(ObjectiveFactory)
    letter = factory.Sequence(lambda n: "abcdefghijklmnopqrstuvwxyz"[n % 26])
    text = factory.Sequence(lambda n: f"Way forward {n}")


class SynopsisEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SynopsisEntry

    objective = factory.SubFactory(ObjectiveFactory)
    theme = factory.SubFactory(CorporateThemeFactory)
    text = factory.Sequence(lambda n: f"By doing {n} we will help")


class ActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan

    strategy = factory.SubFactory(StrategyFactory)
    financial_year = 2025


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    action_plan = factory.SubFactory(ActionPlanFactory)
    objective = factory.SubFactory(ObjectiveFactory, strategy=factory.SelfAttribute("..action_plan.strategy"))
    reference = factory.Sequence(lambda n: f"A{n}")
    description = factory.Sequence(lambda n: f"Action {n}")
    start_date = date(2026, 4, 1)
    due_date = date(2027, 3, 31)
    planned_cost = Decimal("100.00")


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    recorded_at = factory.LazyFunction(timezone.now)
    status = "on_track"
    rag = "green"


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    strategy = factory.SubFactory(StrategyFactory)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "%"


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    financial_year = 2025
    target = Decimal("60.00")


class BudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Budget

    financial_year = 2025
    controllable_total = Decimal("1000.00")


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    budget = factory.SubFactory(BudgetFactory)
    name = factory.Sequence(lambda n: f"Line {n}")
    allocation = Decimal("500.00")
