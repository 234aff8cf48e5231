"""Forms of the activity log: an activity and its costs, a breach's justification, the checklist, evidence."""

import dataclasses
import textwrap
from dataclasses import dataclass

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Fieldset, Layout, Size
from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode

from intlinks.bounds import currency_choices
from intlinks.forms import GovukModelForm, gds_layout, govuk_fields
from partnerships.forms.grants import StepForm, date_field, money_field
from partnerships.models import Activity, ActivityStateChange, Cost, Evidence
from strategy.financial_years import FinancialYear, financial_year_of
from strategy.models import Action, BudgetLine, Objective, WayForward
from strategy.selectors import budget_line_groups

NUMBER_INPUT = {"class": "govuk-input govuk-input--width-4", "inputmode": "numeric"}


def shortened(text: str, width: int = 60) -> str:
    """Text cut to `width` characters on a word boundary, with an ellipsis when anything is cut."""
    return textwrap.shorten(" ".join(text.split()), width=width, placeholder="…")


def section(heading: str) -> HTML:
    """A section of a long form: a heading the reader can take in at once, not a fieldset."""
    return HTML(format_html('<h2 class="govuk-heading-m govuk-!-margin-top-6">{}</h2>', heading))


class TitledSelect(forms.Select):
    """A select whose options carry their full text as a title (`full_texts` by value), so that a short
    label can stand for a long sentence; the page's script shows the chosen one's in the hint."""

    def __init__(self, *args, full_texts: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.full_texts = full_texts or {}

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        full_text = self.full_texts.get(str(value))
        if full_text:
            option["attrs"]["title"] = full_text
        return option


@dataclass
class WaysForwardGroup:
    """The ways forward of one objective, shown in a <details> that is open when one is chosen."""

    objective: Objective
    choices: list = dataclasses.field(default_factory=list)  # (id, value, label, checked)

    @property
    def is_open(self) -> bool:
        return any(checked for _, _, _, checked in self.choices)


class ActivityForm(GovukModelForm):
    # Required of every activity paid from public funds (LGIB), which is the form's starting answer.
    conditionally_required = ("purpose", "expected_benefit")
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
        # Two strategies may both be current (one ending, one beginning): each objective says its own.
        self.fields["objectives"].label_from_instance = lambda o: (
            f"Objective {o.number} ({o.strategy.period_label}): {o.title}"
        )
        ways_forward = WayForward.objects.filter(
            Q(objective__strategy__archived_at__isnull=True)
            | Q(pk__in=self.instance.ways_forward.values("pk") if chosen else [])
        )
        self.fields["ways_forward"].queryset = ways_forward.select_related("objective__strategy").order_by(
            "objective__strategy__first_year", "objective__number", "letter"
        )
        self.fields["ways_forward"].label_from_instance = lambda w: (
            f"{w.objective.number}{w.letter}. {w.text}"
        )
        self._choose_action_by_reference()
        for name in Activity.PARTICIPANT_FIELDS:
            self.fields[name].widget.attrs.update(NUMBER_INPUT)
        self.helper.layout = Layout(*self._sections_before_costs())
        # The outcomes follow the costs, so they have a helper of their own for the page to place.
        self.outcomes_helper = FormHelper()
        self.outcomes_helper.form_tag = False
        self.outcomes_helper.disable_csrf = True
        self.outcomes_helper.layout = Layout(
            section("Outcomes"),
            Field.textarea("outcomes", rows=3),
            Field.text("source"),
        )

    def _sections_before_costs(self) -> list:
        return [
            section("What and when"),
            Field.select("kind"),
            Field.text("title"),
            Field.text("starts_on", field_width=10),
            Field.text("ends_on", field_width=10),
            section("Where and why"),
            Field.text("places"),
            Field("paid_from_public_funds"),
            Field.textarea("purpose", rows=2),
            Field.textarea("expected_benefit", rows=2),
            section("Strategy"),
            Field.checkboxes("objectives", legend_size=Size.SMALL, small=True),
            Field("ways_forward", template="partnerships/includes/ways_forward.html"),
            Field.select("action"),
            section("People"),
            Fieldset(
                *(Field.text(name) for name in Activity.PARTICIPANT_FIELDS),
                legend="Participants",
                legend_size=Size.SMALL,
            ),
            Field.textarea("named_travellers", rows=2),
        ]

    def _choose_action_by_reference(self) -> None:
        """The action by its reference and short text, grouped by action plan year, with a prompt; the
        full text is each option's title and, for the chosen one, the field's hint."""
        field = self.fields["action"]
        actions = Action.objects.filter(
            Q(action_plan__strategy__archived_at__isnull=True) | Q(pk=self.instance.action_id)
        )
        field.queryset = actions.select_related("action_plan").order_by(
            "-action_plan__financial_year", "reference"
        )
        groups: dict[str, list] = {}
        full_texts = {}
        for action in field.queryset:
            label = f"Action plan {action.action_plan.year_label}"
            groups.setdefault(label, []).append(
                (action.pk, f"{action.reference}: {shortened(action.description)}")
            )
            full_texts[str(action.pk)] = f"{action.reference}: {action.description}"
        standing = "The action-plan action it delivers, if any"
        # The full width of its column: long option texts would otherwise widen it past a phone's screen.
        attrs = {"class": "govuk-select govuk-!-width-full", "data-chosen-hint": standing}
        field.widget = TitledSelect(full_texts=full_texts, attrs=attrs)
        field.choices = [("", "Choose an action"), *groups.items()]
        value = self.data.get(self.add_prefix("action")) if self.is_bound else self.initial.get("action")
        chosen = full_texts.get(str(value or ""))
        field.help_text = chosen or standing

    @property
    def ways_forward_groups(self) -> list[WaysForwardGroup]:
        """The ways forward under their objectives, each group open when one of its ways is chosen."""
        bound = self["ways_forward"]
        chosen = {str(value) for value in bound.value() or []}
        groups: dict[int, WaysForwardGroup] = {}
        for index, (value, label) in enumerate(bound.field.choices):
            way = value.instance
            group = groups.setdefault(way.objective_id, WaysForwardGroup(way.objective))
            element_id = bound.auto_id if index == 0 else f"{bound.auto_id}_{index}"
            group.choices.append((element_id, value, label, str(value) in chosen))
        return list(groups.values())


class CostForm(forms.ModelForm):
    # Required by the category, the currency or who pays (the conduct rules), so not marked "(optional)".
    conditionally_required = (
        "meal_amounts",
        "budget_line",
        "rate_to_gbp",
        "travel_class",
        "journey_hours",
        "region",
        "nights",
        "meals",
        "days",
    )

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

    def __init__(self, *args, line_groups=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # Only ISO 4217 codes: a list to choose from, so "XXX", "ÄÖÜ" or "ｅｕｒ" cannot be typed.
        self.fields["currency"] = forms.ChoiceField(
            label="Currency",
            choices=currency_choices(),
            initial="GBP",
            error_messages={"invalid_choice": "Select a currency from the list"},
        )
        # The kit's fields first: the budget lines are ordered by the cost's date, read through them.
        govuk_fields(self)
        self._group_budget_lines(line_groups)
        for name in ("amount", "rate_to_gbp", "journey_hours"):
            self.fields[name].widget.attrs["inputmode"] = "decimal"
        self.fields["meal_amounts"].help_text = (
            "For two or more meals: each meal's amount in the currency, separated by commas, like "
            "20.00, 25.00, 45.00. They must add up to the amount; each is checked against the cap a meal."
        )
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

    def _group_budget_lines(self, groups) -> None:
        """The budget lines grouped by year (read once for the page, `line_groups`), the year of
        the cost's date first, so that the officer sees the lines of the cost's year at the top."""
        field = self.fields["budget_line"]
        lines = BudgetLine.objects.filter(
            Q(budget__archived_at__isnull=True) | Q(pk=self.instance.budget_line_id)
        )
        field.queryset = lines
        if groups is None:  # a form on its own: read the groups now
            groups = budget_line_groups(
                keep=[self.instance.budget_line_id] if self.instance.budget_line_id else []
            )
        year = self._cost_year()
        first = [group for group in groups if group.year == year]
        field.choices = [
            ("", "Choose a budget line"),
            *(group.choice for group in first + [g for g in groups if g.year != year]),
        ]

    def _cost_year(self) -> int | None:
        """The financial year of the cost's date, as typed or saved (None while there is none)."""
        try:
            day = self.fields["incurred_on"].clean(self["incurred_on"].value())
        except forms.ValidationError:
            return None
        return financial_year_of(day).start if day else None

    def _post_clean(self):
        super()._post_clean()
        self._offer_the_way_to_a_budget()

    def _offer_the_way_to_a_budget(self) -> None:
        """A cost of a year with no budget (or no lines) to charge: beside the field, for a person who
        may add budgets, a link to add it (or its lines). The summary shows the words only."""
        errors = (self._errors or {}).get("budget_line")
        if not errors:
            return
        shown = []
        for error in errors.as_data():
            link = self._budget_link(error)
            shown.append(forms.ValidationError(link, code=error.code) if link else error)
        self._errors["budget_line"] = self.error_class(shown, renderer=self.renderer)

    def _budget_link(self, error: forms.ValidationError):
        params = error.params or {}
        year = params.get("financial_year")
        if error.code == "no_budget" and self._may("strategy.add_budget"):
            label = FinancialYear(year).label
            url = f"{reverse('strategy:budget_create')}?{urlencode({'financial_year': label})}"
            return format_html(
                '{}: <a class="govuk-link" href="{}">add the {} budget</a>', error.message, url, label
            )
        if error.code == "no_budget_lines" and self._may("strategy.change_budget"):
            url = reverse("strategy:budget_edit", args=[params["budget"]])
            return format_html('{}: <a class="govuk-link" href="{}">add its lines</a>', error.message, url)
        return None

    def _may(self, permission: str) -> bool:
        return self.user is not None and self.user.has_perm(permission)


class CurrentCostsFormSet(forms.BaseInlineFormSet):
    """An activity's current costs: an archived one (removed earlier) is no longer edited here."""

    def get_queryset(self):
        # Kept, so that every row reads its cost from the one query (as the formset's own does).
        if not hasattr(self, "_current_costs"):
            self._current_costs = super().get_queryset().filter(archived_at__isnull=True)
        return self._current_costs


CostFormSet = forms.inlineformset_factory(
    Activity, Cost, form=CostForm, formset=CurrentCostsFormSet, extra=0, can_delete=True
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
        govuk_fields(self)
        self.fields["justification"].error_messages["required"] = "Enter why the breach is necessary"
        self.helper = gds_layout(self, "Save the justification")


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
        govuk_fields(self)
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
