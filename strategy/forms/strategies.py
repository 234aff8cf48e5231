"""Forms for a strategy, its objectives, ways forward and synopsis cells."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms

from intlinks.forms import GovukModelForm, govuk_fields
from strategy.models import Objective, Strategy, SynopsisEntry, WayForward


class StrategyForm(GovukModelForm):
    class Meta:
        model = Strategy
        fields = ["title", "first_year", "last_year", "status", "adopted_on", "aims", "source"]
        widgets = {"status": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("title"),
            Field.text("first_year", field_width=5),
            Field.text("last_year", field_width=5),
            Field.radios("status", legend_size=Size.SMALL, inline=True),
            Field.text("adopted_on", field_width=10),
            Field.textarea("aims", rows=5),
            Field.textarea("source", rows=2),
            Submit("submit", self.submit_label),
        )


class ObjectiveForm(GovukModelForm):
    class Meta:
        model = Objective
        fields = ["number", "title", "source"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("number", field_width=2),
            Field.textarea("title", rows=3),
            Field.textarea("source", rows=2),
            Submit("submit", self.submit_label),
        )


class WayForwardForm(GovukModelForm):
    class Meta:
        model = WayForward
        fields = ["letter", "text", "source"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("letter", field_width=2),
            Field.textarea("text", rows=4),
            Field.textarea("source", rows=2),
            Submit("submit", self.submit_label),
        )


class SynopsisEntryForm(forms.Form):
    text = SynopsisEntry._meta.get_field("text").formfield(label="How the objective serves the theme")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_fields(self)
        self.helper = FormHelper()
        self.helper.layout = Layout(Field.textarea("text", rows=4), Submit("submit", "Save"))
