"""Activity costs as a source of committed and spent amounts for the strategy's budget page."""

from collections.abc import Sequence

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce

from intlinks.money import ZERO_MONEY
from strategy.spending import Spending


def activity_cost_spending(*, budget_lines: Sequence) -> dict[int, Spending]:
    """Planned costs (committed) and actual costs (spent) charged to each line, in one query.

    A line belongs to one budget, of one financial year, and a cost may only be charged to a line of
    its own year's budget, so summing by line is summing by line and year. An archived cost was
    withdrawn from the register (recorded by mistake, or removed from its activity): it is not spend.
    """
    from partnerships.models import Cost

    rows = (
        Cost.objects.current()
        .filter(budget_line__in=[line.pk for line in budget_lines])
        .values("budget_line_id")
        .annotate(
            committed=Coalesce(Sum("amount_gbp", filter=Q(stage=Cost.Stage.PLANNED)), ZERO_MONEY),
            spent=Coalesce(Sum("amount_gbp", filter=Q(stage=Cost.Stage.ACTUAL)), ZERO_MONEY),
        )
        .order_by()
    )
    return {row["budget_line_id"]: Spending(committed=row["committed"], spent=row["spent"]) for row in rows}


def grant_spending(*, budget_lines: Sequence) -> dict[int, Spending]:
    """Grants to local organisations charged to each line, in one query: an approved grant not yet paid
    is committed (its amount approved), a paid one is spent (its amount paid; what was approved and not
    paid is released). An archived application is not spending."""
    from partnerships.models import GrantApplication

    State = GrantApplication.State
    rows = (
        GrantApplication.objects.current()
        .filter(budget_line__in=[line.pk for line in budget_lines])
        .values("budget_line_id")
        .annotate(
            committed=Coalesce(Sum("amount_approved", filter=Q(state=State.APPROVED)), ZERO_MONEY),
            spent=Coalesce(Sum("amount_paid", filter=Q(state__in=GrantApplication.PAID_STATES)), ZERO_MONEY),
        )
        .order_by()
    )
    return {row["budget_line_id"]: Spending(committed=row["committed"], spent=row["spent"]) for row in rows}
