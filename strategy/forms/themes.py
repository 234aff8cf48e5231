"""The form for a corporate theme, a column of every synopsis matrix."""

from crispy_forms_gds.layout import Field, Layout, Submit
from django import forms

from intlinks.forms import GovukModelForm
from strategy.models import CorporateTheme


class CorporateThemeForm(GovukModelForm):
    class Meta:
        model = CorporateTheme
        fields = ["name", "description", "position", "is_active", "source"]
        labels = {"position": "Column in the synopsis matrix", "is_active": "Show in the synopsis matrix"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("name", field_width=20),
            Field.textarea("description", rows=3),
            Field.text("position", field_width=2),
            Field.checkbox("is_active"),
            Field.textarea("source", rows=2),
            Submit("submit", self.submit_label),
        )

    def clean_name(self):
        # The database's unique constraint spans council and name, so Django would report a clash above
        # the form; the officer needs it beside the name.
        name = self.cleaned_data["name"].strip()
        clashes = CorporateTheme.objects.filter(council=self.instance.council, name__iexact=name)
        if clashes.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"There is already a corporate theme called {name}")
        return name
