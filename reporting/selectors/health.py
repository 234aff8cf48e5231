"""The partnership health table: every link's state at a glance, each figure worked out by the database.

One query for the table however many links, activities, costs and reviews there are: the drift rule
comes from `PartnershipQuerySet.with_drift` (its one home), the rest are subqueries per link.
"""

from datetime import date

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from intlinks.money import MONEY_FIELD, ZERO_MONEY
from partnerships.models import Activity, AnnualReview, Cost, Partnership
from partnerships.selectors.activities import COUNCIL_SPEND
from strategy.financial_years import FinancialYear, financial_year_of


def _per_link(queryset, aggregate, output_field, zero):
    """A subquery giving one figure per link (a count or a sum) from rows of `queryset`."""
    return Coalesce(
        Subquery(queryset.order_by().values("link").annotate(figure=aggregate).values("figure")[:1]),
        zero,
        output_field=output_field,
    )


def partnership_health(*, today: date | None = None) -> tuple[QuerySet[Partnership], FinancialYear]:
    """Every current link with its status, depth, last activity, last review and its RAG rating, next
    review due, this financial year's activities and council spend, and whether it is drifting.

    This year's activities are those starting in the current financial year, not cancelled; their
    council spend is counted as on the matrix (actual costs paid by the council, with the activity).
    """
    today = today or timezone.localdate()
    year = financial_year_of(today)
    latest_review = AnnualReview.objects.filter(partnership=OuterRef("pk")).order_by("-reviewed_on", "-pk")
    this_year = {"starts_on__gte": year.first_day, "starts_on__lte": year.last_day}
    activities = (
        Activity.objects.current()
        .exclude(state=Activity.State.CANCELLED)
        .filter(partnership=OuterRef("pk"), **this_year)
        .annotate(link=Value(1))
    )
    costs = (
        Cost.objects.current()
        .filter(COUNCIL_SPEND, activity__partnership=OuterRef("pk"), activity__archived_at__isnull=True)
        .exclude(activity__state=Activity.State.CANCELLED)
        .filter(**{f"activity__{name}": value for name, value in this_year.items()})
        .annotate(link=Value(1))
    )
    links = (
        Partnership.objects.current()
        .with_drift(today)
        .select_related("place")
        .annotate(
            last_review_rag=Subquery(latest_review.values("rag")[:1]),
            next_review_due=Subquery(latest_review.values("next_review_due")[:1]),
            year_activities=_per_link(activities, Count("pk"), IntegerField(), Value(0)),
            year_spend=_per_link(costs, Sum("amount_gbp"), MONEY_FIELD, ZERO_MONEY),
        )
        .order_by("place__name", "kind", "pk")
    )
    return links, year
