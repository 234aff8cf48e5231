"""The dashboard's year selector: `?year=2016` (or "2016/17") picks a financial year."""

from django import forms
from django.core.exceptions import ValidationError

from strategy.financial_years import FinancialYear, validate_financial_year_in_bounds


class DashboardYearForm(forms.Form):
    year = forms.CharField(label="Financial year", required=False, max_length=20)

    def clean_year(self) -> FinancialYear | None:
        """A financial year within the council's date bounds, or None when none is named."""
        text = self.cleaned_data["year"].strip()
        if not text:
            return None
        year = FinancialYear.parse(text)
        try:
            validate_financial_year_in_bounds(year.start)
        except ValidationError as error:
            raise ValidationError(error.messages) from error
        return year
