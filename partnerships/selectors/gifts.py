"""Reads for the gifts and hospitality register: the gifts, and the conduct rules each one breaks."""

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import DateField, ExpressionWrapper, F, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Greatest

from intlinks.money import MONEY_FIELD, ZERO_MONEY
from partnerships.conduct import Flag, check_gift, check_source_total
from partnerships.models import ConductPolicy, Gift, policy_in_force

# The window's start is worked out in SQL from the gift's date. A date in the first year of the
# calendar (one the bounds now refuse, but older rows or another database might hold) would give a
# window starting before year 1, which Python cannot read back: the register answered 500. Such a
# date is counted from here instead.
EARLIEST_WINDOW_END = date.min + timedelta(days=365)


def gift_register() -> QuerySet[Gift]:
    """Gifts with their link and activity, each with the 12-month total of gifts from its source.

    The total counts gifts received from the same source (same name) in the 12 months up to the gift.
    """
    same_source = (
        Gift.objects.current()
        .filter(
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
    return (
        Gift.objects.current()
        .select_related("partnership__place", "activity", "approved_by", "justified_by")
        .annotate(
            year_before=ExpressionWrapper(
                Greatest(F("given_on"), Value(EARLIEST_WINDOW_END)) - timedelta(days=365),
                output_field=DateField(),
            )
        )
        .annotate(source_total=Coalesce(Subquery(same_source[:1]), ZERO_MONEY, output_field=MONEY_FIELD))
        .order_by("-given_on", "-pk")
    )


def _register_flags(gift: Gift, policy: ConductPolicy | None) -> list[Flag]:
    flags = check_gift(gift, policy)
    # Gifts from one source count together only when the council's people received them.
    if gift.direction == Gift.Direction.RECEIVED:
        source_flag = check_source_total(gift.source_total, policy)
        if source_flag:
            flags.append(source_flag)
    return flags


def flagged_gifts(gifts: Iterable[Gift]) -> Iterator[Gift]:
    """The gifts of `gift_register`, each with `flags` (what it breaks under the policy in force on its
    date), one at a time as they are read: an export streams them. Every policy is loaded once, in one
    query, when the first gift is asked for."""
    policies = list(ConductPolicy.objects.current())
    for gift in gifts:
        gift.flags = _register_flags(gift, policy_in_force(policies, gift.given_on))
        yield gift


def with_gift_flags(gifts: Iterable[Gift]) -> list[Gift]:
    """The gifts of `gift_register` (a page of them), each with `flags`, as a list."""
    return list(flagged_gifts(gifts))


def total_value_of(gifts: QuerySet[Gift]) -> Decimal:
    """The estimated value of the given gifts added up, by the database in one query."""
    return Gift.objects.filter(pk__in=gifts.order_by().values("pk")).aggregate(
        total=Coalesce(Sum("value"), ZERO_MONEY)
    )["total"]
