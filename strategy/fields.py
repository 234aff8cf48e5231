"""A financial year stored as its start year and typed as "2016/17" in forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from strategy.financial_years import (
    FinancialYear,
    first_bounded_year,
    last_bounded_year,
    validate_financial_year_in_bounds,
)


class FinancialYearFormField(forms.CharField):
    """Accepts "2016/17" and cleans to the start year (an int) within the bounds; shows a stored year
    as its label."""

    default_error_messages = {"invalid": "Enter a financial year like 2016/17"}
    default_validators = [validate_financial_year_in_bounds]

    def __init__(self, *, min_value=None, max_value=None, **kwargs):
        kwargs.pop("max_length", None)
        kwargs.setdefault("help_text", "For example, 2016/17")
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("spellcheck", "false")

    def prepare_value(self, value):
        if isinstance(value, int):
            return FinancialYear(value).label
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return FinancialYear.parse(value).start
        except ValidationError as error:
            raise ValidationError(error.messages[0], code="invalid") from error


class FinancialYearField(models.PositiveSmallIntegerField):
    """A financial year, stored as the calendar year in which it starts (2016 for 2016/17), within the
    bounds: the model refuses others, and `financial_years_in_bounds` adds the database's CHECK."""

    default_validators = [validate_financial_year_in_bounds]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": FinancialYearFormField, **kwargs})


def financial_years_in_bounds(*fields: str) -> list[models.CheckConstraint]:
    """The database half of `validate_financial_year_in_bounds`: one CHECK per named year field."""
    first, last = first_bounded_year(), last_bounded_year()
    return [
        models.CheckConstraint(
            condition=Q(**{f"{field}__range": (first.start, last.start)}),
            name=f"%(class)s_{field}_in_bounds",
            violation_error_message=f"Enter a financial year from {first.label} to {last.label}",
        )
        for field in fields
    ]
