"""Reads for grant applications: the list with its totals, one application, and the awarded grants
that the 360Giving and Transparency Code exports publish."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, Max, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from intlinks.money import ZERO_MONEY
from partnerships.models import GrantApplication, GrantStateChange
from strategy.selectors.budgets import budget_line_remaining

# The states in which the working party has taken its decision, either way.
DECIDED = (*GrantApplication.AWARDED, GrantApplication.State.DECLINED)


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


@dataclass(frozen=True)
class GrantYear:
    """A financial year's grant decisions and payments (grants charged to that year's budget)."""

    awarded: int
    amount_awarded: Decimal
    declined: int
    last_decided_on: date | None
    paid: int
    amount_paid: Decimal
    last_paid_on: date | None

    @property
    def decided(self) -> int:
        return self.awarded + self.declined


def grant_year(*, financial_year: int) -> GrantYear:
    """What the working party decided and the council paid on `financial_year`'s budget, in one query."""
    awarded = Q(state__in=GrantApplication.AWARDED)
    decided = Q(state__in=DECIDED)
    paid = Q(state__in=GrantApplication.PAID_STATES)
    totals = (
        GrantApplication.objects.current()
        .filter(budget_line__budget__financial_year=financial_year)
        .aggregate(
            awarded=Count("pk", filter=awarded),
            amount_awarded=Coalesce(Sum("amount_approved", filter=awarded), ZERO_MONEY),
            declined=Count("pk", filter=Q(state=GrantApplication.State.DECLINED)),
            last_decided_on=Max("meeting__held_on", filter=decided),
            paid=Count("pk", filter=paid),
            amount_paid=Coalesce(Sum("amount_paid", filter=paid), ZERO_MONEY),
            last_paid_on=Max("paid_on", filter=paid),
        )
    )
    return GrantYear(**totals)
