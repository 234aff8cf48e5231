"""Forms for a strategy's indicators and for recording a year's target and actual."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms

from intlinks.forms import GovukModelForm, govuk_fields
from strategy.models import Indicator, IndicatorValue, Strategy


class IndicatorForm(GovukModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "national_indicator",
            "objective",
            "unit",
            "direction",
            "baseline",
            "baseline_year",
            "source",
        ]
        widgets = {"direction": forms.RadioSelect}

    def __init__(self, *args, strategy: Strategy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = strategy.objectives.order_by("number")
        self.helper.layout = Layout(
            Field.textarea("name", rows=2),
            Field.text("national_indicator", field_width=10),
            Field.select("objective"),
            Field.text("unit", field_width=20),
            Field.radios("direction", legend_size=Size.SMALL, inline=True),
            Field.text("baseline", field_width=10),
            Field.text("baseline_year", field_width=5),
            Field.textarea("source", rows=2),
            Submit("submit", self.submit_label),
        )


class IndicatorValueForm(forms.Form):
    financial_year = IndicatorValue._meta.get_field("financial_year").formfield()
    target = IndicatorValue._meta.get_field("target").formfield()
    actual = IndicatorValue._meta.get_field("actual").formfield()
    note = IndicatorValue._meta.get_field("note").formfield()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["financial_year"].help_text = "For example, 2008/09. A year already recorded is replaced."
        govuk_fields(self)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("financial_year", field_width=5),
            Field.text("target", field_width=10),
            Field.text("actual", field_width=10),
            Field.textarea("note", rows=3),
            Submit("submit", "Save"),
        )
