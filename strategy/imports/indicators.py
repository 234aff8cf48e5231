"""Import of a strategy's indicators, matched on their strategy and name (indicators have no code of
their own; the national indicator they cite is optional and may repeat)."""

from intlinks.imports.resources import Column
from intlinks.imports.widgets import ChoiceWidget, DecimalWidget, FinancialYearWidget, IntegerWidget, text_of
from strategy import services
from strategy.imports.strategies import StrategyRowsResource
from strategy.models import Indicator, Objective


class IndicatorResource(StrategyRowsResource):
    record_model = Indicator
    key_columns = ("Strategy", "Name")
    error_columns = {"objective": "Objective", "strategy": "Strategy"}
    example_rows = (
        {
            "Strategy": "International Strategy 2016-2020",
            "Name": "Residents who feel the city is open to the world",
            "Unit": "% of people surveyed",
            "National indicator": "NI 1",
            "Direction": "Higher is better",
            "Baseline": "62.5",
            "Baseline year": "2015/16",
            "Objective": "1",
        },
    )

    strategy = Column("Strategy", required=True, help_text="The strategy's title")
    name = Column("Name", "name", required=True)
    unit = Column("Unit", "unit", required=True)
    national_indicator = Column("National indicator", "national_indicator")
    direction = Column(
        "Direction", "direction", widget=ChoiceWidget(Indicator.Direction.choices), saves_null_values=False
    )
    baseline = Column("Baseline", "baseline", widget=DecimalWidget(what="a figure"))
    baseline_year = Column("Baseline year", "baseline_year", widget=FinancialYearWidget())
    objective = Column("Objective", widget=IntegerWidget(), help_text="Its number, if it serves one")
    source = Column("Source", "source")

    def prepare(self, dataset):
        self.read_strategies()
        self.objectives = {(o.strategy_id, o.number): o for o in Objective.objects.all()}
        self.indicators = {(i.strategy_id, i.name.strip().lower()): i for i in Indicator.objects.all()}

    def find_existing(self, row):
        strategy = self.strategy_of(row)
        return self.indicators.get((strategy.pk, text_of(row.get("Name")).lower())) if strategy else None

    def resolve(self, instance, row):
        strategy = self.strategy_of(row)
        if strategy is None:
            return self.unknown_strategy(row)
        instance.strategy = strategy
        number = self.cleaned(row, "Objective")
        instance.objective = self.objectives.get((strategy.pk, number)) if number else None
        if number and instance.objective is None:
            return {"Objective": "The strategy has no objective of this number"}
        return {}

    def resolved_values(self, instance):
        return (instance.strategy_id, instance.objective_id)

    def save_through_service(self, instance, *, is_create, row):
        services.indicator_save(indicator=instance)
