from django.urls import path

from strategy import budget_views, theme_views, views
from strategy import indicator_views as indicators

app_name = "strategy"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.StrategyCreate.as_view(), name="strategy_create"),
    path("<int:pk>/", views.strategy_detail, name="strategy"),
    path("<int:pk>/edit/", views.StrategyEdit.as_view(), name="strategy_edit"),
    path("<int:strategy>/objectives/new/", views.ObjectiveCreate.as_view(), name="objective_create"),
    path("objectives/<int:pk>/edit/", views.ObjectiveEdit.as_view(), name="objective_edit"),
    path(
        "objectives/<int:objective>/ways-forward/new/",
        views.WayForwardCreate.as_view(),
        name="way_forward_create",
    ),
    path("ways-forward/<int:pk>/edit/", views.WayForwardEdit.as_view(), name="way_forward_edit"),
    path(
        "objectives/<int:objective>/synopsis/<int:theme>/",
        views.synopsis_entry_edit,
        name="synopsis_entry_edit",
    ),
    path("<int:strategy>/plans/new/", views.action_plan_create, name="action_plan_create"),
    path("plans/<int:pk>/", views.action_plan_detail, name="action_plan"),
    path("plans/<int:pk>/actions.csv", views.action_plan_csv, name="action_plan_csv"),
    path("plans/<int:plan>/actions/new/", views.ActionCreate.as_view(), name="action_create"),
    path("actions/<int:pk>/", views.action_detail, name="action"),
    path("actions/<int:pk>/edit/", views.ActionEdit.as_view(), name="action_edit"),
    path("actions/<int:pk>/update/", views.progress_update_add, name="progress_update"),
    path("<int:strategy>/indicators/", indicators.indicators, name="indicators"),
    path("<int:strategy>/indicators.csv", indicators.indicators_csv, name="indicators_csv"),
    path("<int:strategy>/indicators/new/", indicators.IndicatorCreate.as_view(), name="indicator_create"),
    path("indicators/<int:pk>/edit/", indicators.IndicatorEdit.as_view(), name="indicator_edit"),
    path("indicators/<int:pk>/values/", indicators.indicator_value_record, name="indicator_value"),
    path("themes/", theme_views.themes, name="themes"),
    path("themes/new/", theme_views.ThemeCreate.as_view(), name="theme_create"),
    path("themes/<int:pk>/edit/", theme_views.ThemeEdit.as_view(), name="theme_edit"),
    path("budgets/new/", budget_views.budget_create, name="budget_create"),
    path("budgets/<int:pk>/", budget_views.budget_detail, name="budget"),
    path("budgets/<int:pk>/edit/", budget_views.budget_edit, name="budget_edit"),
]
