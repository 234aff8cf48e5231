"""Forms for annual reviews, appraisals and the logical framework. Saving goes through the services."""

from django import forms
from django.utils import timezone

from intlinks.forms import GovukModelForm
from partnerships.models import AnnualReview, Appraisal, LogframeRow


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
