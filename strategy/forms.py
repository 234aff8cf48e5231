"""Forms for officers: GOV.UK layouts; each cleans to typed values and has no side effects."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.contrib.auth import get_user_model

from strategy.models import (
    Action,
    ActionPlan,
    ActionStatus,
    Budget,
    BudgetLine,
    CorporateTheme,
    Indicator,
    Objective,
    ProgressUpdate,
    Rag,
    Strategy,
    WayForward,
)

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _helper(*fields, submit: str = "Save") -> FormHelper:
    helper = FormHelper()
    helper.layout = Layout(*fields, Submit("submit", submit))
    return helper


class StrategyForm(forms.ModelForm):
    class Meta:
        model = Strategy
        fields = ["title", "first_year", "last_year", "status", "adopted_on", "aims", "source"]
        widgets = {"adopted_on": DATE_INPUT, "status": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("title"),
            Field.text("first_year", field_width=5),
            Field.text("last_year", field_width=5),
            Field.radios("status", legend_size=Size.SMALL, inline=True),
            Field.text("adopted_on", field_width=10),
            Field.textarea("aims", rows=5),
            Field.textarea("source", rows=2),
        )


class ObjectiveForm(forms.ModelForm):
    class Meta:
        model = Objective
        fields = ["number", "title", "source"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("number", field_width=2),
            Field.textarea("title", rows=3),
            Field.textarea("source", rows=2),
        )


class CorporateThemeForm(forms.ModelForm):
    class Meta:
        model = CorporateTheme
        fields = ["name", "description", "position", "is_active", "source"]
        labels = {"position": "Column in the synopsis matrix", "is_active": "Show in the synopsis matrix"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("name", field_width=20),
            Field.textarea("description", rows=3),
            Field.text("position", field_width=2),
            Field.checkbox("is_active"),
            Field.textarea("source", rows=2),
        )

    def clean_name(self):
        # The database's unique constraint spans council and name, so Django would report a clash above
        # the form; the officer needs it beside the name.
        name = self.cleaned_data["name"].strip()
        clashes = CorporateTheme.objects.filter(council=self.instance.council, name__iexact=name)
        if clashes.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"There is already a corporate theme called {name}")
        return name


class WayForwardForm(forms.ModelForm):
    class Meta:
        model = WayForward
        fields = ["letter", "text", "source"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("letter", field_width=2),
            Field.textarea("text", rows=4),
            Field.textarea("source", rows=2),
        )


class SynopsisEntryForm(forms.Form):
    text = forms.CharField(label="How the objective serves the theme", widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.textarea("text", rows=4))


class ActionPlanForm(forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["financial_year", "title", "source"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("financial_year", field_width=5), Field.text("title"), Field.textarea("source", rows=2)
        )


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = [
            "reference",
            "description",
            "objective",
            "way_forward",
            "lead_officer",
            "start_date",
            "due_date",
            "planned_cost",
        ]
        widgets = {"start_date": DATE_INPUT, "due_date": DATE_INPUT}
        labels = {"planned_cost": "Planned cost (£)"}

    def __init__(self, *args, strategy: Strategy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = strategy.objectives.order_by("number")
        self.fields["way_forward"].queryset = WayForward.objects.filter(
            objective__strategy=strategy
        ).select_related("objective")
        self.fields["lead_officer"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("username")
        )
        self.fields["planned_cost"].widget.attrs["inputmode"] = "decimal"
        self.helper = _helper(
            Field.text("reference", field_width=10),
            Field.textarea("description", rows=3),
            Field.select("objective"),
            Field.select("way_forward"),
            Field.select("lead_officer"),
            Field.text("start_date", field_width=10),
            Field.text("due_date", field_width=10),
            Field.text("planned_cost", field_width=10),
        )


class ProgressUpdateForm(forms.ModelForm):
    """The quick update: status, RAG and a note; under a minute."""

    class Meta:
        model = ProgressUpdate
        fields = ["status", "rag", "note"]
        widgets = {"status": forms.RadioSelect, "rag": forms.RadioSelect}
        labels = {"rag": "RAG rating", "note": "What has happened"}
        help_texts = {"note": "Needed when the action is red: say why, and what will be done."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = ActionStatus.choices
        self.fields["rag"].choices = Rag.choices
        self.helper = _helper(
            Field.radios("status", legend_size=Size.SMALL),
            Field.radios("rag", legend_size=Size.SMALL, inline=True),
            Field.textarea("note", rows=4),
            submit="Add update",
        )


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "national_indicator",
            "objective",
            "unit",
            "direction",
            "baseline",
            "baseline_year",
            "source",
        ]
        widgets = {"direction": forms.RadioSelect}

    def __init__(self, *args, strategy: Strategy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = strategy.objectives.order_by("number")
        self.helper = _helper(
            Field.textarea("name", rows=2),
            Field.text("national_indicator", field_width=10),
            Field.select("objective"),
            Field.text("unit", field_width=20),
            Field.radios("direction", legend_size=Size.SMALL, inline=True),
            Field.text("baseline", field_width=10),
            Field.text("baseline_year", field_width=5),
            Field.textarea("source", rows=2),
        )


class IndicatorValueForm(forms.Form):
    financial_year = Indicator._meta.get_field("baseline_year").formfield(required=True)
    target = forms.DecimalField(max_digits=12, decimal_places=2, required=False)
    actual = forms.DecimalField(max_digits=12, decimal_places=2, required=False)
    note = forms.CharField(widget=forms.Textarea, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["financial_year"].help_text = "For example, 2008/09. A year already recorded is replaced."
        self.helper = _helper(
            Field.text("financial_year", field_width=5),
            Field.text("target", field_width=10),
            Field.text("actual", field_width=10),
            Field.textarea("note", rows=3),
        )


class BudgetForm(forms.ModelForm):
    class Meta:
        model = Budget
        fields = ["financial_year", "title", "controllable_total", "source"]
        labels = {"controllable_total": "Controllable budget total (£)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["controllable_total"].widget.attrs["inputmode"] = "decimal"
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.text("financial_year", field_width=5),
            Field.text("title"),
            Field.text("controllable_total", field_width=10),
            Field.textarea("source", rows=2),
        )


class BudgetLineForm(forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["name", "allocation", "counts_toward_overseas_assistance_limit", "source"]
        labels = {"allocation": "Allocation (£)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["allocation"].widget.attrs["inputmode"] = "decimal"
        self.fields["source"].widget = forms.TextInput()
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.text("name"),
            Field.text("allocation", field_width=10),
            Field.checkbox("counts_toward_overseas_assistance_limit"),
            Field.text("source"),
        )


BudgetLineFormSet = forms.inlineformset_factory(
    Budget, BudgetLine, form=BudgetLineForm, extra=2, can_delete=True, min_num=1, validate_min=True
)
