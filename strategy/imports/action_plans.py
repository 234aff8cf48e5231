"""Import of action-plan actions, matched on their strategy, plan year and reference; a year's plan
that does not exist yet is created through the action plans' service."""

from intlinks.imports.resources import Column
from intlinks.imports.widgets import DateWidget, DecimalWidget, FinancialYearWidget, IntegerWidget, text_of
from strategy import services
from strategy.imports.strategies import StrategyRowsResource
from strategy.models import Action, ActionPlan, Objective, WayForward


class ActionResource(StrategyRowsResource):
    record_model = Action
    key_columns = ("Strategy", "Plan year", "Reference")
    error_columns = {"action_plan": "Plan year", "financial_year": "Plan year", "objective": "Objective"}
    example_rows = (
        {
            "Strategy": "International Strategy 2016-2020",
            "Plan year": "2016/17",
            "Reference": "1a-1",
            "Description": "Agree a schools exchange with Krefeld",
            "Objective": "1",
            "Way forward": "a",
            "Start date": "01/04/2016",
            "Due date": "31/03/2017",
            "Planned cost": "£2,500",
        },
    )

    strategy = Column("Strategy", required=True, help_text="The strategy's title")
    plan_year = Column("Plan year", required=True, widget=FinancialYearWidget())
    reference = Column("Reference", "reference", required=True)
    description = Column("Description", "description", required=True)
    objective = Column("Objective", required=True, widget=IntegerWidget(), help_text="Its number")
    way_forward = Column("Way forward", help_text="Its letter")
    start_date = Column("Start date", "start_date", required=True, widget=DateWidget())
    due_date = Column("Due date", "due_date", required=True, widget=DateWidget())
    planned_cost = Column("Planned cost", "planned_cost", widget=DecimalWidget(), saves_null_values=False)

    def prepare(self, dataset):
        self.read_strategies()
        self.plans = {(p.strategy_id, p.financial_year): p for p in ActionPlan.objects.all()}
        self.objectives = {(o.strategy_id, o.number): o for o in Objective.objects.all()}
        self.ways = {(w.objective_id, w.letter.lower()): w for w in WayForward.objects.all()}
        self.actions = {(a.action_plan_id, a.reference.lower()): a for a in Action.objects.all()}

    def find_existing(self, row):
        strategy = self.strategy_of(row)
        plan = self.plans.get((strategy.pk, self.cleaned(row, "Plan year"))) if strategy else None
        return self.actions.get((plan.pk, text_of(row.get("Reference")).lower())) if plan else None

    def resolve(self, instance, row):
        strategy = self.strategy_of(row)
        if strategy is None:
            return self.unknown_strategy(row)
        errors = {}
        self.year = self.cleaned(row, "Plan year")
        self.strategy = strategy
        plan = self.plans.get((strategy.pk, self.year))
        if plan is not None:
            instance.action_plan = plan
        objective = self.objectives.get((strategy.pk, self.cleaned(row, "Objective")))
        if objective is None:
            errors["Objective"] = "The strategy has no objective of this number"
        else:
            instance.objective = objective
            letter = text_of(row.get("Way forward")).lower()
            instance.way_forward = self.ways.get((objective.pk, letter)) if letter else None
            if letter and instance.way_forward is None:
                errors["Way forward"] = f"Objective {objective.number} has no way forward “{letter}”"
        return errors

    def resolved_values(self, instance):
        return (instance.action_plan_id, instance.objective_id, instance.way_forward_id)

    def save_through_service(self, instance, *, is_create, row):
        if instance.action_plan_id is None:
            plan = services.action_plan_create(strategy=self.strategy, financial_year=self.year)
            self.plans[(self.strategy.pk, self.year)] = plan
            instance.action_plan = plan
        services.action_save(action=instance)
