"""The budget form: a budget and its lines on one page, saved together by the budget service."""

from crispy_forms_gds.layout import Field, Layout
from django import forms

from intlinks.forms import GovukModelForm
from strategy.models import Budget, BudgetLine


class BudgetForm(GovukModelForm):
    submit_label = None  # the page's one button follows the lines

    class Meta:
        model = Budget
        fields = ["financial_year", "title", "controllable_total", "source"]
        labels = {"controllable_total": "Controllable budget total (£)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["controllable_total"].widget.attrs["inputmode"] = "decimal"
        self.helper.layout = Layout(
            Field.text("financial_year", field_width=5),
            Field.text("title"),
            Field.text("controllable_total", field_width=10),
            Field.textarea("source", rows=2),
        )


class BudgetLineForm(GovukModelForm):
    submit_label = None

    class Meta:
        model = BudgetLine
        fields = ["name", "allocation", "counts_toward_overseas_assistance_limit", "source"]
        labels = {"allocation": "Allocation (£)"}
        widgets = {"source": forms.TextInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["allocation"].widget.attrs["inputmode"] = "decimal"
        self.helper.disable_csrf = True  # the page's <form> has the one token
        self.helper.layout = Layout(
            Field.text("name"),
            Field.text("allocation", field_width=10),
            Field.checkbox("counts_toward_overseas_assistance_limit"),
            Field.text("source"),
        )


BudgetLineFormSet = forms.inlineformset_factory(
    Budget, BudgetLine, form=BudgetLineForm, extra=2, can_delete=True, min_num=1, validate_min=True
)
BudgetLineFormSet.row_label = "Line"
