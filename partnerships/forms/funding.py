"""The form of a bid or grant, with its reporting deadlines as rows."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms

from intlinks.forms import GovukModelForm, govuk_fields
from partnerships.models import Activity, ExternalFunding, Partnership, ReportingDeadline


class FundingForm(GovukModelForm):
    submit_label = None  # the page's one button follows the deadlines

    class Meta:
        model = ExternalFunding
        fields = [
            "funder",
            "programme",
            "title",
            "partnership",
            "status",
            "bid_on",
            "amount_bid",
            "amount_awarded",
            "awarded_on",
            "activities",
            "notes",
            "source",
        ]
        widgets = {"status": forms.RadioSelect, "source": forms.TextInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Pickers offer current records only, and whatever this record already points at.
        self.fields["partnership"].queryset = Partnership.objects.current(
            keep=self.instance.partnership_id
        ).select_related("place")
        linked = self.instance.activities.values("pk") if self.instance.pk else None
        self.fields["activities"].queryset = Activity.objects.current(keep=linked).order_by("-starts_on")
        self.fields["activities"].required = False


class ReportingDeadlineForm(forms.ModelForm):
    class Meta:
        model = ReportingDeadline
        fields = ["description", "due_on", "done"]
        labels = {"due_on": "Due", "done": "Report sent"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_fields(self)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.text("description"), Field.text("due_on", field_width=10), Field("done")
        )


DeadlineFormSet = forms.inlineformset_factory(
    ExternalFunding, ReportingDeadline, form=ReportingDeadlineForm, extra=2, can_delete=True
)
DeadlineFormSet.row_label = "Deadline"
