"""Forms of a report's versions: generate, finalise (a confirmation) and supersede (with the reason)."""

from django import forms

from intlinks.bounds import TEXT_MAX_LENGTH
from intlinks.forms import gds_layout, govuk_fields


class ActionForm(forms.Form):
    """A form laid out the GOV.UK way with one button; the kit adds its one-time token."""

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_fields(self)
        self.helper = gds_layout(self, self.submit_label)


class GenerateForm(ActionForm):
    submit_label = "Generate PDF"


class FinaliseForm(ActionForm):
    submit_label = "Finalise this version"


class SupersedeForm(ActionForm):
    submit_label = "Supersede the final version"
    reason = forms.CharField(
        label="Why the final version is being superseded",
        help_text="This is kept with the final version, which stays as Cabinet received it.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT_MAX_LENGTH,
    )
