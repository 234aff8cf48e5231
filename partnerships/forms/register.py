"""Forms for officers. Each validates and normalises; saving goes through partnerships.services."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

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


def date_input() -> forms.DateInput:
    """A browser date picker; a new widget each time, as crispy writes attributes onto it."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def gds_layout(form: forms.BaseForm, submit_label: str) -> FormHelper:
    """A GOV.UK layout for every field of the form, chosen by its widget, and one submit button."""
    fields = []
    for name, field in form.fields.items():
        widget = field.widget
        _add_govuk_class(widget)
        if isinstance(widget, forms.CheckboxSelectMultiple):
            fields.append(Field.checkboxes(name, legend_size=Size.SMALL, small=True))
        elif isinstance(widget, forms.RadioSelect):
            fields.append(Field.radios(name, legend_size=Size.SMALL, inline=len(list(field.choices)) <= 4))
        elif isinstance(widget, forms.Select):
            fields.append(Field.select(name))
        elif isinstance(widget, forms.Textarea):
            fields.append(Field.textarea(name, rows=3))
        elif isinstance(widget, forms.CheckboxInput | forms.FileInput):
            fields.append(Field(name))
        else:
            fields.append(Field.text(name))
    helper = FormHelper()
    helper.layout = Layout(*fields, Submit("submit", submit_label))
    return helper


# The pack styles text, e-mail and password inputs; these widgets need the GOV.UK class themselves.
GOVUK_CLASSES = {
    forms.NumberInput: "govuk-input govuk-input--width-10",
    forms.DateInput: "govuk-input govuk-input--width-10",
    forms.URLInput: "govuk-input",
    forms.FileInput: "govuk-file-upload",
}


def _add_govuk_class(widget: forms.Widget) -> None:
    for widget_class, css_class in GOVUK_CLASSES.items():
        if type(widget) is widget_class:
            widget.attrs["class"] = css_class


def required_messages(form: forms.BaseForm) -> None:
    """GOV.UK style messages for empty required fields: "Enter the date signed", "Select the decision"."""
    for field in form.fields.values():
        label = str(field.label or "")
        label = label[:1].lower() + label[1:]
        verb = "Select" if isinstance(field, forms.ChoiceField | forms.ModelChoiceField) else "Enter"
        field.error_messages["required"] = f"{verb} the {label}"


def apply_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError beside the form's fields; others go in the error summary."""
    for field, messages in (
        error.message_dict.items() if hasattr(error, "error_dict") else [("__all__", error.messages)]
    ):
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


class ServiceModelForm(forms.ModelForm):
    """A model form whose own save is not used: the view passes `form.instance` to a service.

    Model validation (clean, constraints) runs in the service's full_clean, so errors are not doubled.
    """

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = date_input()
            if isinstance(field.widget, forms.RadioSelect) and field.required:
                # A required choice as radios needs no "---------" option.
                field.choices = [(value, label) for value, label in field.choices if value != ""]
        required_messages(self)
        self.helper = gds_layout(self, self.submit_label)

    def _post_clean(self):
        # Copy the cleaned data onto the instance, but leave full validation to the service.
        opts = self._meta
        self.instance = forms.models.construct_instance(self, self.instance, opts.fields, opts.exclude)


class PlaceForm(ServiceModelForm):
    submit_label = "Save place"

    class Meta:
        model = Place
        fields = ["name", "country", "kind", "population", "latitude", "longitude", "notes", "source"]
        widgets = {"kind": forms.RadioSelect}


class PartnershipForm(ServiceModelForm):
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


class AgreementForm(ServiceModelForm):
    submit_label = "Save agreement"

    class Meta:
        model = Agreement
        fields = ["kind", "signed_on", "signatories", "ends_on", "objectives", "document", "source"]
        widgets = {"kind": forms.RadioSelect, "document": forms.FileInput}


class AnnualReviewForm(ServiceModelForm):
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


class AppraisalForm(ServiceModelForm):
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


class LogframeRowForm(ServiceModelForm):
    submit_label = "Save row"

    class Meta:
        model = LogframeRow
        fields = ["level", "position", "summary", "indicators", "verification", "assumptions"]
        widgets = {"level": forms.RadioSelect}


class OrganisationForm(ServiceModelForm):
    submit_label = "Save organisation"

    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "short_name", "kind", "website", "notes", "source"]


class PartnershipOrganisationForm(ServiceModelForm):
    submit_label = "Add organisation"

    class Meta:
        model = PartnershipOrganisation
        fields = ["organisation", "role", "source"]


class ContactForm(ServiceModelForm):
    submit_label = "Save contact"

    class Meta:
        model = Contact
        fields = ["name", "role", "email", "phone", "purpose"]
