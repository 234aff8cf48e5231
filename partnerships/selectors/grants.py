"""Reads for grant applications: the list with its totals, one application, and the awarded grants
that the 360Giving and Transparency Code exports publish."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet, Sum
from django.db.models.functions import Coalesce

from intlinks.money import ZERO_MONEY
from partnerships.models import GrantApplication, GrantStateChange
from strategy.selectors.budgets import budget_line_remaining


def grant_list() -> QuerySet[GrantApplication]:
    """Every current application with its organisation, link, budget line and meeting (fixed queries)."""
    return (
        GrantApplication.objects.current()
        .select_related("organisation", "partnership__place", "budget_line__budget", "meeting")
        .order_by("-pk")
    )


@dataclass(frozen=True)
class GrantTotals:
    requested: Decimal
    approved: Decimal
    paid: Decimal


def grant_totals(applications: QuerySet[GrantApplication]) -> GrantTotals:
    """What the applications shown asked for, were approved and were paid, in one query."""
    totals = applications.order_by().aggregate(
        requested=Coalesce(Sum("amount_requested"), ZERO_MONEY),
        approved=Coalesce(Sum("amount_approved"), ZERO_MONEY),
        paid=Coalesce(Sum("amount_paid"), ZERO_MONEY),
    )
    return GrantTotals(**totals)


def grant_detail(pk: int) -> GrantApplication:
    """One application with its facts, objectives, state log and the meetings whose agenda hold it."""
    application = (
        GrantApplication.objects.select_related(
            "organisation",
            "partnership__place",
            "budget_line__budget",
            "meeting",
            "recorded_by",
            "submitted_by",
            "decided_by",
            "paid_by",
            "archived_by",
        )
        .prefetch_related(
            "objectives",
            "agenda_items__meeting",
            Prefetch("state_changes", queryset=GrantStateChange.objects.select_related("changed_by")),
        )
        .get(pk=pk)
    )
    application.line_remaining = budget_line_remaining(line=application.budget_line)
    return application


def awarded_grants() -> QuerySet[GrantApplication]:
    """Grants the working party awarded (approved, paid, monitored or closed), oldest award first."""
    return (
        GrantApplication.objects.current()
        .filter(state__in=GrantApplication.AWARDED)
        .select_related("organisation", "partnership__place", "budget_line__budget", "meeting")
        .prefetch_related("objectives")
        .order_by("meeting__held_on", "pk")
    )
