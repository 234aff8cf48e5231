"""Forms of the activity log: an activity and its costs, a breach's justification, the checklist, evidence."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms
from django.db.models import Q

from intlinks.bounds import currency_choices
from intlinks.forms import GovukModelForm, date_input, gds_layout, required_messages
from partnerships.forms.grants import StepForm, date_field, money_field
from partnerships.models import Activity, ActivityStateChange, Cost, Evidence
from strategy.models import Action, BudgetLine, Objective, WayForward

NUMBER_INPUT = {"class": "govuk-input govuk-input--width-4", "inputmode": "numeric"}


class ActivityForm(GovukModelForm):
    submit_label = None  # the page's one button follows the costs

    class Meta:
        model = Activity
        fields = [
            "kind",
            "title",
            "starts_on",
            "ends_on",
            "places",
            "paid_from_public_funds",
            "purpose",
            "expected_benefit",
            "objectives",
            "ways_forward",
            "action",
            "councillors",
            "officers",
            "young_people",
            "community_members",
            "businesses",
            "named_travellers",
            "outcomes",
            "source",
        ]
        labels = {"starts_on": "Start or departure date", "ends_on": "End or return date"}
        widgets = {
            "objectives": forms.CheckboxSelectMultiple,
            "ways_forward": forms.CheckboxSelectMultiple,
            "source": forms.TextInput,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The objectives, ways forward and actions of current strategies, and those already chosen.
        chosen = self.instance.pk is not None
        objectives = Objective.objects.filter(
            Q(strategy__archived_at__isnull=True)
            | Q(pk__in=self.instance.objectives.values("pk") if chosen else [])
        )
        self.fields["objectives"].queryset = objectives.select_related("strategy").order_by(
            "strategy__first_year", "number"
        )
        self.fields["objectives"].label_from_instance = lambda o: f"{o.number}. {o.title}"
        ways_forward = WayForward.objects.filter(
            Q(objective__strategy__archived_at__isnull=True)
            | Q(pk__in=self.instance.ways_forward.values("pk") if chosen else [])
        )
        self.fields["ways_forward"].queryset = ways_forward.select_related("objective").order_by(
            "objective__number", "letter"
        )
        self.fields["ways_forward"].label_from_instance = lambda w: (
            f"{w.objective.number}{w.letter}. {w.text}"
        )
        actions = Action.objects.filter(
            Q(action_plan__strategy__archived_at__isnull=True) | Q(pk=self.instance.action_id)
        )
        self.fields["action"].queryset = actions.select_related("action_plan").order_by("reference")
        self.fields["action"].label_from_instance = lambda a: f"{a.reference}: {a.description}"
        for name in ("councillors", "officers", "young_people", "community_members", "businesses"):
            self.fields[name].widget.attrs.update(
                {"class": "govuk-input govuk-input--width-4", "inputmode": "numeric"}
            )
        self.helper.layout = Layout(
            Field.select("kind"),
            Field.text("title"),
            Field.text("starts_on", field_width=10),
            Field.text("ends_on", field_width=10),
            Field.text("places"),
            Field("paid_from_public_funds"),
            Field.textarea("purpose", rows=2),
            Field.textarea("expected_benefit", rows=2),
            Field.checkboxes("objectives", legend_size=Size.SMALL, small=True),
            Field.checkboxes("ways_forward", legend_size=Size.SMALL, small=True),
            Field.select("action"),
            Fieldset(
                Field.text("councillors"),
                Field.text("officers"),
                Field.text("young_people"),
                Field.text("community_members"),
                Field.text("businesses"),
                legend="Participants",
                legend_size=Size.SMALL,
            ),
            Field.textarea("named_travellers", rows=2),
            Field.textarea("outcomes", rows=2),
            Field.text("source"),
        )


class CostForm(forms.ModelForm):
    class Meta:
        model = Cost
        fields = [
            "category",
            "description",
            "incurred_on",
            "stage",
            "amount",
            "currency",
            "rate_to_gbp",
            "paid_by",
            "budget_line",
            "travel_class",
            "journey_hours",
            "region",
            "nights",
            "meals",
            "meal_amounts",
            "days",
        ]
        labels = {"incurred_on": "Date", "amount": "Amount in the currency"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only ISO 4217 codes: a list to choose from, so "XXX", "ÄÖÜ" or "ｅｕｒ" cannot be typed.
        self.fields["currency"] = forms.ChoiceField(
            label="Currency",
            choices=currency_choices(),
            initial="GBP",
            error_messages={"invalid_choice": "Select a currency from the list"},
        )
        self.fields["incurred_on"].widget = date_input()
        # Lines of current budgets, and the line this cost is already charged to.
        lines = BudgetLine.objects.filter(
            Q(budget__archived_at__isnull=True) | Q(pk=self.instance.budget_line_id)
        )
        self.fields["budget_line"].queryset = lines.select_related("budget").order_by(
            "-budget__financial_year", "position", "pk"
        )
        self.fields["budget_line"].label_from_instance = lambda line: f"{line.budget.year_label}: {line.name}"
        for name in ("amount", "rate_to_gbp", "journey_hours"):
            self.fields[name].widget.attrs["inputmode"] = "decimal"
        self.fields["meal_amounts"].help_text = (
            "For two or more meals: each meal's amount in the currency, separated by commas, like "
            "20.00, 25.00, 45.00. They must add up to the amount; each is checked against the cap a meal."
        )
        required_messages(self)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.select("category"),
            Field.text("description"),
            Field.text("incurred_on", field_width=10),
            Field.select("stage"),
            Field.text("amount", field_width=10),
            Field.select("currency"),
            Field.text("rate_to_gbp", field_width=10),
            Field.select("paid_by"),
            Field.select("budget_line"),
            # The rules need these details of some categories only; cost-details.js shows the set that
            # fits the chosen category, and without JavaScript all three stay visible.
            Fieldset(
                Field.select("travel_class"),
                Field.text("journey_hours", field_width=4),
                legend="Travel: class and journey length",
                legend_size=Size.SMALL,
                data_cost_details="travel",
            ),
            Fieldset(
                Field.select("region"),
                Field.text("nights", field_width=4),
                legend="Accommodation: region and nights",
                legend_size=Size.SMALL,
                data_cost_details="accommodation",
            ),
            Fieldset(
                Field.text("meals", field_width=4),
                Field.text("meal_amounts", field_width=20),
                Field.text("days", field_width=4),
                legend="Subsistence: meals and days",
                legend_size=Size.SMALL,
                data_cost_details="subsistence",
            ),
        )


class CurrentCostsFormSet(forms.BaseInlineFormSet):
    """An activity's current costs: an archived one (removed earlier) is no longer edited here."""

    def get_queryset(self):
        return super().get_queryset().filter(archived_at__isnull=True)


CostFormSet = forms.inlineformset_factory(
    Activity, Cost, form=CostForm, formset=CurrentCostsFormSet, extra=3, can_delete=True
)
CostFormSet.row_label = "Cost"


class JustificationForm(forms.Form):
    justification = forms.CharField(
        label="Why is the breach necessary?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=Cost._meta.get_field("justification").max_length,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        required_messages(self)
        self.fields["justification"].error_messages["required"] = "Enter why the breach is necessary"


class RepaymentForm(StepForm):
    """What the traveller repaid of a breaching cost, in pounds, and when."""

    submit_label = "Record the repayment"
    repaid_amount = money_field("Amount repaid (£)")
    repaid_on = date_field("Date repaid")


class StateReasonForm(forms.Form):
    """Why an activity is reopened or cancelled: required, and kept with who and when."""

    reason = forms.CharField(
        label="Why?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=ActivityStateChange._meta.get_field("reason").max_length,
    )

    def __init__(self, *args, label: str, submit_label: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = label
        required_messages(self)
        self.fields["reason"].error_messages["required"] = "Enter the reason"
        self.helper = gds_layout(self, submit_label)


class SafeguardingForm(GovukModelForm):
    """The checklist before travel: insurance for every party that travels, the youth checks on top."""

    submit_label = "Save the checklist"
    YOUTH_FIELDS = ("parental_consents", "code_of_behaviour_agreed", "coordinators")

    class Meta:
        model = Activity
        fields = [
            "insurance_confirmed",
            "young_people",
            "parental_consents",
            "code_of_behaviour_agreed",
            "coordinators",
        ]
        labels = {"insurance_confirmed": "Insurance for travelling and public liability confirmed"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.has_young_people:
            # Adults only: the youth checks do not apply (they appear once young people are counted).
            for name in self.YOUTH_FIELDS:
                del self.fields[name]
            self.helper = gds_layout(self, self.submit_label)


class EvidenceForm(GovukModelForm):
    submit_label = "Upload"

    class Meta:
        model = Evidence
        fields = ["kind", "title", "file"]
        widgets = {"kind": forms.RadioSelect}
