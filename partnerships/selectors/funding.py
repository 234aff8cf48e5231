"""Reads for external funding and leverage by financial year."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from intlinks.money import PENNY, ZERO
from partnerships.models import Cost, ExternalFunding
from strategy.financial_years import FinancialYear, financial_year_expression

# Money secured: an award with its amount and date (awarded, or closed after an award). One rule for the
# leverage table, the list's "awarded in" filter and the dashboard's figure.
AWARDED = Q(
    status__in=[ExternalFunding.Status.AWARDED, ExternalFunding.Status.CLOSED],
    amount_awarded__isnull=False,
    awarded_on__isnull=False,
)


def funding_list() -> QuerySet[ExternalFunding]:
    """Every bid and grant with its link's place, the activities it pays for and its deadlines."""
    return (
        ExternalFunding.objects.current()
        .select_related("partnership__place")
        .prefetch_related("activities", "deadlines")
        .order_by("-bid_on", "funder", "pk")
    )


@dataclass(frozen=True)
class Leverage:
    year: FinancialYear
    external: Decimal
    council: Decimal

    @property
    def per_council_pound(self) -> Decimal | None:
        """External pounds per council pound, to the penny; None when the council spent nothing."""
        if not self.council:
            return None
        return (self.external / self.council).quantize(PENNY)


def _by_financial_year(queryset, date_field: str, amount_field: str, years=None) -> dict[int, Decimal]:
    queryset = queryset.annotate(fy=financial_year_expression(date_field))
    if years is not None:
        # On the same expression as the covering index of council costs by year: read only those years.
        queryset = queryset.filter(fy__in=sorted(years))
    rows = queryset.values("fy").annotate(total=Sum(amount_field)).order_by()
    return {row["fy"]: row["total"] for row in rows}


def leverage_by_year(*, years: Iterable[int] | None = None) -> list[Leverage]:
    """External money awarded and the council's own spending (actual costs it paid), per financial year:
    every year with either, or only `years` (financial years' start years), which reads only their costs.

    An award counts in the year of its award date; the council's money in the year of each cost.
    """
    years = None if years is None else set(years)
    external = _by_financial_year(
        ExternalFunding.objects.current().filter(AWARDED), "awarded_on", "amount_awarded", years
    )
    council = _by_financial_year(
        Cost.objects.current().filter(paid_by=Cost.PaidBy.COUNCIL, stage=Cost.Stage.ACTUAL),
        "incurred_on",
        "amount_gbp",
        years,
    )
    return [
        Leverage(FinancialYear(start), external.get(start, ZERO), council.get(start, ZERO))
        for start in sorted(set(external) | set(council), reverse=True)
    ]
