"""Forms for an action plan, its actions, and the quick progress update."""

from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.contrib.auth import get_user_model

from intlinks.forms import GovukModelForm
from strategy.models import Action, ActionPlan, ProgressUpdate, Strategy, WayForward


class ActionPlanForm(GovukModelForm):
    class Meta:
        model = ActionPlan
        fields = ["financial_year", "title", "source"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("financial_year", field_width=5),
            Field.text("title"),
            Field.textarea("source", rows=2),
            Submit("submit", self.submit_label),
        )


class ActionForm(GovukModelForm):
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
        self.helper.layout = Layout(
            Field.text("reference", field_width=10),
            Field.textarea("description", rows=3),
            Field.select("objective"),
            Field.select("way_forward"),
            Field.select("lead_officer"),
            Field.text("start_date", field_width=10),
            Field.text("due_date", field_width=10),
            Field.text("planned_cost", field_width=10),
            Submit("submit", self.submit_label),
        )


class ProgressUpdateForm(GovukModelForm):
    """The quick update: status, RAG and a note; under a minute."""

    submit_label = "Add update"

    class Meta:
        model = ProgressUpdate
        fields = ["status", "rag", "note"]
        widgets = {"status": forms.RadioSelect, "rag": forms.RadioSelect}
        labels = {"rag": "RAG rating", "note": "What has happened"}
        help_texts = {"note": "Needed when the action is red: say why, and what will be done."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.radios("status", legend_size=Size.SMALL),
            Field.radios("rag", legend_size=Size.SMALL, inline=True),
            Field.textarea("note", rows=4),
            Submit("submit", self.submit_label),
        )
