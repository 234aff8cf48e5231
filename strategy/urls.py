from django.urls import path

from intlinks.exports import export_urls
from strategy.views import action_plans, budgets, indicators, strategies, themes

app_name = "strategy"

urlpatterns = [
    path("", strategies.index, name="index"),
    path("new/", strategies.StrategyCreate.as_view(), name="strategy_create"),
    path("<int:pk>/", strategies.strategy_detail, name="strategy"),
    path("<int:pk>/edit/", strategies.StrategyEdit.as_view(), name="strategy_edit"),
    path("<int:strategy>/objectives/new/", strategies.ObjectiveCreate.as_view(), name="objective_create"),
    path("objectives/<int:pk>/edit/", strategies.ObjectiveEdit.as_view(), name="objective_edit"),
    path(
        "objectives/<int:objective>/ways-forward/new/",
        strategies.WayForwardCreate.as_view(),
        name="way_forward_create",
    ),
    path("ways-forward/<int:pk>/edit/", strategies.WayForwardEdit.as_view(), name="way_forward_edit"),
    path(
        "objectives/<int:objective>/synopsis/<int:theme>/",
        strategies.SynopsisEntryEdit.as_view(),
        name="synopsis_entry_edit",
    ),
    path("<int:strategy>/plans/new/", action_plans.ActionPlanCreate.as_view(), name="action_plan_create"),
    path("plans/<int:pk>/", action_plans.action_plan_detail, name="action_plan"),
    *export_urls("plans/<int:pk>/actions", action_plans.action_plan_export, name="action_plan_csv"),
    path("plans/<int:plan>/actions/new/", action_plans.ActionCreate.as_view(), name="action_create"),
    path("actions/<int:pk>/", action_plans.action_detail, name="action"),
    path("actions/<int:pk>/edit/", action_plans.ActionEdit.as_view(), name="action_edit"),
    path("actions/<int:pk>/update/", action_plans.ProgressUpdateAdd.as_view(), name="progress_update"),
    path("<int:strategy>/indicators/", indicators.indicators, name="indicators"),
    *export_urls("<int:strategy>/indicators", indicators.indicators_export, name="indicators_csv"),
    path("<int:strategy>/indicators/new/", indicators.IndicatorCreate.as_view(), name="indicator_create"),
    path("indicators/<int:pk>/edit/", indicators.IndicatorEdit.as_view(), name="indicator_edit"),
    path("indicators/<int:pk>/values/", indicators.IndicatorValueRecord.as_view(), name="indicator_value"),
    path("themes/", themes.themes, name="themes"),
    path("themes/new/", themes.ThemeCreate.as_view(), name="theme_create"),
    path("themes/<int:pk>/edit/", themes.ThemeEdit.as_view(), name="theme_edit"),
    path("budgets/new/", budgets.BudgetCreate.as_view(), name="budget_create"),
    path("budgets/<int:pk>/", budgets.budget_detail, name="budget"),
    path("budgets/<int:pk>/edit/", budgets.BudgetEdit.as_view(), name="budget_edit"),
]
