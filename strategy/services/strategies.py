"""Writes to a strategy, its objectives, ways forward and synopsis cells."""

from django.db import transaction

from strategy.models import CorporateTheme, Objective, Strategy, SynopsisEntry, WayForward
from strategy.services.common import validated_save


@transaction.atomic
def strategy_save(*, strategy: Strategy) -> Strategy:
    """Validate and save a new or changed strategy."""
    return validated_save(strategy)


@transaction.atomic
def objective_save(*, objective: Objective) -> Objective:
    """Validate and save a numbered objective of a strategy."""
    return validated_save(objective)


@transaction.atomic
def way_forward_save(*, way_forward: WayForward) -> WayForward:
    """Validate and save a lettered way forward of an objective."""
    return validated_save(way_forward)


@transaction.atomic
def synopsis_entry_save(
    *, objective: Objective, theme: CorporateTheme, text: str, source: str | None = None
) -> SynopsisEntry:
    """Set the synopsis sentence saying how an objective serves a corporate theme (one per pair).

    The cell's source is kept unless a new one is given.
    """
    entry = SynopsisEntry.objects.filter(objective=objective, theme=theme).first()
    entry = entry or SynopsisEntry(objective=objective, theme=theme)
    entry.text = text.strip()
    if source is not None:
        entry.source = source
    return validated_save(entry)
