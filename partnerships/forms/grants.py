"""Forms of grant applications: the draft, and the steps (payment, monitoring report, decision)."""

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size, Submit
from django import forms

from intlinks.bounds import DATE_BOUNDS, TEXT_MAX_LENGTH
from intlinks.date_input import GovukDateField
from intlinks.forms import GovukModelForm, gds_layout, govuk_fields
from intlinks.money import MONEY, MONEY_BOUNDS
from partnerships.models import GrantApplication, Organisation, Partnership
from strategy.models import BudgetLine, Objective


class GrantForm(GovukModelForm):
    submit_label = "Save the draft"

    class Meta:
        model = GrantApplication
        fields = [
            "organisation",
            "registration_number",
            "partnership",
            "title",
            "purpose",
            "objectives",
            "amount_requested",
            "budget_line",
        ]
        widgets = {"objectives": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Pickers offer current records only, and whatever this record already points at.
        self.fields["organisation"].queryset = Organisation.objects.current(
            keep=self.instance.organisation_id
        )
        self.fields["partnership"].queryset = Partnership.objects.current(
            keep=self.instance.partnership_id
        ).select_related("place")
        self.fields["budget_line"].queryset = BudgetLine.objects.filter(
            budget__archived_at__isnull=True
        ).select_related("budget")
        self.fields["budget_line"].label_from_instance = lambda line: f"{line.budget.year_label}: {line.name}"
        self.fields["objectives"].queryset = Objective.objects.select_related("strategy")
        self.fields["objectives"].required = False


def money_field(label: str, **kwargs) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=MONEY["max_digits"],
        decimal_places=MONEY["decimal_places"],
        validators=MONEY_BOUNDS,
        **kwargs,
    )


def date_field(label: str) -> forms.DateField:
    return GovukDateField(label=label, validators=DATE_BOUNDS)


def text_field(label: str, *, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": 3}), max_length=TEXT_MAX_LENGTH
    )


class StepForm(forms.Form):
    """A step's form laid out the GOV.UK way, with one button."""

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_fields(self)
        self.helper = gds_layout(self, self.submit_label)


class PaymentForm(StepForm):
    submit_label = "Record the payment"
    amount = money_field("Amount paid (£)")
    paid_on = date_field("Date paid")


class MonitoringForm(StepForm):
    submit_label = "Record the monitoring report"
    received_on = date_field("Date the report was received")
    notes = text_field("What the report says")


class DecisionForm(StepForm):
    """The working party's decision on one application: approve an amount or decline with reasons."""

    submit_label = "Record the decision"
    conditionally_required = ("amount", "reasons")  # by the decision (intlinks.forms.GovukBoundField)
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("approve", "Approve"), ("decline", "Decline")],
        widget=forms.RadioSelect,
    )
    amount = money_field("Amount approved (£)", required=False)
    conditions = text_field("Conditions of the grant")
    reasons = text_field("Reasons for declining")
    override_reason = text_field(
        "If the amount is more than the budget line has left: why the working party approves it"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The questions of each choice are grouped under it. GOV.UK's conditional reveal would hide the
        # other choice's, but its script marks the radios aria-expanded, which axe-core refuses on a radio.
        self.helper.layout = Layout(
            Field.radios("decision", legend_size=Size.SMALL, inline=True),
            Fieldset(
                Field.text("amount"),
                Field.textarea("conditions", rows=3),
                Field.textarea("override_reason", rows=3),
                legend="If the working party approves",
                legend_size=Size.SMALL,
            ),
            Fieldset(Field.textarea("reasons", rows=3), legend="If it declines", legend_size=Size.SMALL),
            Submit("submit", self.submit_label),
        )
