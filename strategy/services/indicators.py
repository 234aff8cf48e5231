"""Writes to a strategy's indicators and their yearly targets and actuals."""

from decimal import Decimal

from django.db import transaction

from strategy.models import Indicator, IndicatorValue
from strategy.services.common import validated_save


@transaction.atomic
def indicator_save(*, indicator: Indicator) -> Indicator:
    """Validate and save an indicator."""
    return validated_save(indicator)


@transaction.atomic
def indicator_value_record(
    *,
    indicator: Indicator,
    financial_year: int,
    target: Decimal | None,
    actual: Decimal | None,
    note: str = "",
) -> IndicatorValue:
    """Set the target and actual for one financial year of the strategy (replacing that year's)."""
    value = IndicatorValue.objects.filter(indicator=indicator, financial_year=financial_year).first()
    value = value or IndicatorValue(indicator=indicator, financial_year=financial_year)
    value.target, value.actual, value.note = target, actual, note
    return validated_save(value)
