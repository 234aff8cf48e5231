"""A financial year stored as its start year and typed as "2016/17" in forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from strategy.financial_years import FinancialYear


class FinancialYearFormField(forms.CharField):
    """Accepts "2016/17" and cleans to the start year (an int); shows a stored year as its label."""

    default_error_messages = {"invalid": "Enter a financial year like 2016/17"}

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
    """A financial year, stored as the calendar year in which it starts (2016 for 2016/17)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": FinancialYearFormField, **kwargs})
