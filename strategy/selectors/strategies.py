"""Reads for the strategy pages: a strategy with its contents, and the synopsis table (fixed queries)."""

from django.db.models import Prefetch

from strategy.models import CorporateTheme, Objective, Strategy, SynopsisEntry, WayForward


def strategies_with_plans():
    """Every current strategy with its action plans, for the section's landing page (2 queries)."""
    return Strategy.objects.current().prefetch_related("action_plans")


def strategy_with_contents(*, strategy_id: int) -> Strategy:
    """A strategy with its objectives, ways forward, synopsis cells and action plans (5 queries)."""
    return (
        Strategy.objects.select_related("archived_by")
        .prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.order_by("number")),
            Prefetch("objectives__ways_forward", queryset=WayForward.objects.order_by("letter")),
            Prefetch("objectives__synopsis_entries", queryset=SynopsisEntry.objects.select_related("theme")),
            "action_plans",
        )
        .filter(pk=strategy_id)
        .get()
    )


def synopsis_rows(*, strategy: Strategy, themes: list[CorporateTheme]) -> list[tuple[Objective, list]]:
    """The synopsis table: one row per objective, one (theme, text or "") cell per theme, in order."""
    rows = []
    for objective in strategy.objectives.all():
        by_theme = {entry.theme_id: entry.text for entry in objective.synopsis_entries.all()}
        rows.append((objective, [(theme, by_theme.get(theme.pk, "")) for theme in themes]))
    return rows
