"""Reads for the gifts and hospitality register."""

from datetime import date, timedelta
from decimal import Decimal

from django.db.models import (
    DateField,
    ExpressionWrapper,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from intlinks.money import MONEY_FIELD
from partnerships.models import (
    ConductPolicy,
    Gift,
)


def _policies() -> list[ConductPolicy]:
    return list(ConductPolicy.objects.order_by("-in_force_from"))


def policy_among(policies: list[ConductPolicy], day: date) -> ConductPolicy | None:
    """The policy in force on `day` among `policies` (newest first): one query for a whole list."""
    return next((policy for policy in policies if policy.in_force_from <= day), None)


def gift_register() -> tuple[QuerySet[Gift], list[ConductPolicy]]:
    """Gifts with their link and activity, each with the 12-month total of gifts from its source.

    The total counts gifts received from the same source (same name) in the 12 months up to the gift.
    """
    same_source = (
        Gift.objects.filter(
            counterparty__iexact=OuterRef("counterparty"),
            direction=Gift.Direction.RECEIVED,
            given_on__lte=OuterRef("given_on"),
            given_on__gt=OuterRef("year_before"),
        )
        .order_by()
        .annotate(group=Value(1))
        .values("group")
        .annotate(total=Sum("value"))
        .values("total")
    )
    gifts = (
        Gift.objects.select_related("partnership__place", "activity")
        .annotate(
            year_before=ExpressionWrapper(F("given_on") - timedelta(days=365), output_field=DateField())
        )
        .annotate(
            source_total=Coalesce(Subquery(same_source[:1]), Value(Decimal("0.00")), output_field=MONEY_FIELD)
        )
        .order_by("-given_on", "-pk")
    )
    return gifts, _policies()
