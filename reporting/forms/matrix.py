"""The matrix's choice of financial year and of columns, read from the page's address (a GET form)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from intlinks.forms import gds_layout
from reporting.selectors.matrix import BY_OBJECTIVE, BY_THEME
from strategy.financial_years import (
    FinancialYear,
    financial_year_of,
    validate_financial_year_in_bounds,
)


class MatrixForm(forms.Form):
    year = forms.IntegerField(
        label="Financial year starting in",
        help_text="For 2016/17, enter 2016",
        error_messages={"invalid": "Enter the year the financial year starts in, like 2016"},
    )
    by = forms.ChoiceField(
        label="Columns",
        choices=[(BY_OBJECTIVE, "Strategic objectives"), (BY_THEME, "Corporate themes")],
        widget=forms.RadioSelect,
    )

    def __init__(self, query=None):
        # An address without a year or columns opens on this financial year, by objective.
        data = {"year": str(financial_year_of(timezone.localdate()).start), "by": BY_OBJECTIVE}
        data.update({name: query[name] for name in data if query and name in query})
        super().__init__(data)
        self.helper = gds_layout(self, "Show the matrix")
        self.helper.form_method = "get"

    def clean_year(self) -> FinancialYear:
        start = self.cleaned_data["year"]
        try:
            validate_financial_year_in_bounds(start)
        except ValidationError as error:
            raise ValidationError(error.messages) from error
        return FinancialYear(start)
