"""Forms for officers. Each validates and normalises; saving goes through partnerships.services."""

from django import forms
from django.utils import timezone

from intlinks.forms import GovukModelForm, date_input, gds_layout, required_messages
from partnerships.models import (
    Agreement,
    AnnualReview,
    Appraisal,
    Contact,
    LogframeRow,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Place,
    Status,
)
from partnerships.services import STARTING_STATUSES, allowed_moves_from


class PlaceForm(GovukModelForm):
    submit_label = "Save place"

    class Meta:
        model = Place
        fields = ["name", "country", "kind", "population", "latitude", "longitude", "notes", "source"]
        widgets = {"kind": forms.RadioSelect}


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
        self.fields["place"].queryset = Place.objects.order_by("name")
        self.fields["lead_officer"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
        self.fields["depth"].choices = [("", "Not assessed"), *Partnership.Depth.choices]
        if self.instance.pk:
            # After creation the status moves only through "Change status", which records why.
            del self.fields["status"]
        else:
            self.fields["status"].choices = [(s.value, s.label) for s in STARTING_STATUSES]
            self.fields["status"].label = "Status when recorded"
        self.helper = gds_layout(self, self.submit_label)


class LifeCycleChoiceField(forms.ChoiceField):
    """Offers the moves allowed from the current status but passes any status on to the service,
    which refuses an impossible move with a message naming the moves that are allowed."""

    def valid_value(self, value):
        return value in Status.values


class StatusChangeForm(forms.Form):
    to = LifeCycleChoiceField(label="New status", widget=forms.RadioSelect)
    on = forms.DateField(label="Date of the change", widget=date_input())
    reason = forms.CharField(label="Why is the status changing?", widget=forms.Textarea)

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = allowed_moves_from(partnership.status)
        self.fields["to"].error_messages["invalid_choice"] = "Choose a status from the list"
        required_messages(self)
        self.fields["reason"].error_messages["required"] = "Enter why the status is changing"
        self.helper = gds_layout(self, "Change status")


class AgreementForm(GovukModelForm):
    submit_label = "Save agreement"

    class Meta:
        model = Agreement
        fields = ["kind", "signed_on", "signatories", "ends_on", "objectives", "document", "source"]
        widgets = {"kind": forms.RadioSelect, "document": forms.FileInput}


class AnnualReviewForm(GovukModelForm):
    submit_label = "Save review"

    supports_objectives = forms.TypedChoiceField(
        label="Does the link still support the council's objectives?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewed_on"].initial = timezone.localdate()
        self.fields["supports_objectives"].error_messages["required"] = (
            "Select yes if the link still supports the council's objectives"
        )

    class Meta:
        model = AnnualReview
        fields = ["reviewed_on", "supports_objectives", "outcomes", "rag", "decision", "next_review_due"]
        widgets = {"rag": forms.RadioSelect, "decision": forms.RadioSelect}


class AppraisalForm(GovukModelForm):
    submit_label = "Save appraisal"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["appraised_on"].initial = timezone.localdate()
        for key, criterion in Appraisal.CRITERIA:
            # Four "Evidence" labels would read the same to a screen reader: name each criterion.
            would = f"the partner would {criterion[0].lower()}{criterion[1:]}"
            self.fields[f"{key}_evidence"].label = f"Evidence that {would}"
            self.fields[f"{key}_evidence"].error_messages["required"] = f"Enter the evidence that {would}"
            self.fields[f"{key}_score"].error_messages["required"] = f"Select how far {would}"

    class Meta:
        model = Appraisal
        fields = [
            "appraised_on",
            "similar_characteristics_score",
            "similar_characteristics_evidence",
            "similar_opportunities_score",
            "similar_opportunities_evidence",
            "accessible_score",
            "accessible_evidence",
            "local_relevance_score",
            "local_relevance_evidence",
            "external_funding",
            "external_funding_evidence",
            "estimated_yearly_cost",
            "cost_basis",
            "recommendation",
            "recommendation_reason",
        ]
        widgets = {
            name: forms.RadioSelect
            for name in [
                "similar_characteristics_score",
                "similar_opportunities_score",
                "accessible_score",
                "local_relevance_score",
                "external_funding",
                "recommendation",
            ]
        }


class LogframeRowForm(GovukModelForm):
    submit_label = "Save row"

    class Meta:
        model = LogframeRow
        fields = ["level", "position", "summary", "indicators", "verification", "assumptions"]
        widgets = {"level": forms.RadioSelect}


class OrganisationForm(GovukModelForm):
    submit_label = "Save organisation"

    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "short_name", "kind", "website", "notes", "source"]


class PartnershipOrganisationForm(GovukModelForm):
    submit_label = "Add organisation"

    class Meta:
        model = PartnershipOrganisation
        fields = ["organisation", "role", "source"]


class ContactForm(GovukModelForm):
    submit_label = "Save contact"

    class Meta:
        model = Contact
        fields = ["name", "role", "email", "phone", "purpose"]
