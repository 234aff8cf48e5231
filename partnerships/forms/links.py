"""Forms for links: recording one, moving it along its life cycle, agreements and organisations."""

from django import forms

from intlinks.date_input import GovukDateField
from intlinks.forms import GovukModelForm, gds_layout, govuk_fields
from intlinks.templatetags.intlinks import person_name
from partnerships.models import (
    STARTING_STATUSES,
    Agreement,
    Partnership,
    PartnershipOrganisation,
    Place,
    Status,
    StatusChange,
)

LINK_FORM_ID = "link-form"


class PartnershipForm(GovukModelForm):
    submit_label = "Save link"

    class Meta:
        model = Partnership
        fields = [
            "place",
            "kind",
            "depth",
            "status",
            "began_year",
            "began_on",
            "lead_officer",
            "lead_councillor",
            "themes",
            "summary",
            "source",
        ]
        widgets = {"themes": forms.CheckboxSelectMultiple, "depth": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = Place.objects.current(keep=self.instance.place_id).order_by("name")
        self.fields["lead_officer"].label_from_instance = person_name
        self.fields["depth"].choices = [("", "Not assessed"), *Partnership.Depth.choices]
        if self.instance.pk:
            # After creation the status moves only through "Change status", which records why.
            del self.fields["status"]
        else:
            self.fields["status"].choices = [(s.value, s.label) for s in STARTING_STATUSES]
            self.fields["status"].label = "Status when recorded"
        self.helper = gds_layout(self, self.submit_label)
        # Named, so that "Add a new place" (outside the form, above it) can submit what is typed so far.
        self.helper.form_id = LINK_FORM_ID


class LifeCycleChoiceField(forms.ChoiceField):
    """Offers the moves allowed from the current status but passes any status on to the service,
    which refuses an impossible move with a message naming the moves that are allowed."""

    def valid_value(self, value):
        return value in Status.values


class StatusChangeForm(forms.Form):
    to = LifeCycleChoiceField(label="New status", widget=forms.RadioSelect)
    on = GovukDateField(label="Date of the change")
    reason = forms.CharField(
        label="Why is the status changing?",
        widget=forms.Textarea,
        max_length=StatusChange._meta.get_field("reason").max_length,
    )

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = partnership.allowed_moves()
        self.fields["to"].error_messages["invalid_choice"] = "Choose a status from the list"
        govuk_fields(self)
        self.fields["reason"].error_messages["required"] = "Enter why the status is changing"
        self.helper = gds_layout(self, "Change status")


class AgreementForm(GovukModelForm):
    submit_label = "Save agreement"

    class Meta:
        model = Agreement
        fields = ["kind", "signed_on", "signatories", "ends_on", "objectives", "document", "source"]
        widgets = {"kind": forms.RadioSelect, "document": forms.FileInput}


class PartnershipOrganisationForm(GovukModelForm):
    submit_label = "Add organisation"

    class Meta:
        model = PartnershipOrganisation
        fields = ["organisation", "role", "source"]
