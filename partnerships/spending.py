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
