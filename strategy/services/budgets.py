"""Writes to a budget: the budget and its lines are saved together, or not at all."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from strategy.models import Budget, BudgetLine


@transaction.atomic
def budget_save_with_lines(
    *, budget: Budget, lines: Sequence[BudgetLine], removed: Sequence[BudgetLine] = ()
) -> Budget:
    """Save a budget and its lines together; the allocations must add up to the controllable total.

    `lines` are all the lines the budget keeps, `removed` the saved ones it drops. Nothing is saved
    when any part is invalid: the whole write is one transaction and the rule (`Budget.lines_errors`)
    is checked before anything is written.
    """
    errors = {}
    try:
        budget.full_clean()
    except ValidationError as error:
        errors.update(error.message_dict)
    for line in lines:
        line.full_clean(exclude=["budget"], validate_unique=False)
    rule = budget.lines_errors(lines)
    if "controllable_total" in errors:  # an invalid total has its own message; the sum can wait
        rule.pop("controllable_total", None)
    for field, messages in rule.items():
        errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    budget.save()
    for line in removed:
        if line.pk:
            line.delete()
    for line in lines:
        line.budget = budget
        line.save()
    return budget
