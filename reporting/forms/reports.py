"""Forms of the Cabinet report pages: choosing what a new report is about, and its front matter with
the rows (decision timetable, recommendations, other implications, consultations, exempt paragraphs)."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms

from intlinks.forms import GovukModelForm, govuk_fields
from partnerships.models import Partnership
from reporting.models import (
    CabinetReport,
    Consultation,
    ExemptParagraph,
    Recommendation,
    ReportImplication,
    ReportMeeting,
)
from strategy.fields import FinancialYearFormField
from strategy.models import Strategy


class ReportCreateForm(forms.Form):
    """The kind of report and what it is about; the front matter is drafted from the data after."""

    # Each is required by the kind of report chosen (`clean`), so none is marked "(optional)".
    conditionally_required = ("financial_year", "strategy", "partnership")

    kind = forms.ChoiceField(
        choices=CabinetReport.Kind.choices, widget=forms.RadioSelect, label="Kind of report"
    )
    financial_year = FinancialYearFormField(
        required=False,
        label="Financial year",
        help_text="For an annual evaluation or a link's review, like 2016/17",
    )
    strategy = forms.ModelChoiceField(
        queryset=Strategy.objects.none(), required=False, help_text="For the full evaluation of a strategy"
    )
    partnership = forms.ModelChoiceField(
        queryset=Partnership.objects.none(),
        required=False,
        label="Link",
        help_text="For a link's annual review",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strategy"].queryset = Strategy.objects.current()
        self.fields["partnership"].queryset = Partnership.objects.current().select_related("place")
        govuk_fields(self)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.radios("kind", legend_size=Size.SMALL),
            Field.text("financial_year", field_width=10),
            Field.select("strategy"),
            Field.select("partnership"),
        )

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind in (CabinetReport.Kind.ANNUAL, CabinetReport.Kind.PARTNERSHIP) and not data.get(
            "financial_year"
        ):
            self.add_error("financial_year", "Enter the financial year the report covers, like 2016/17")
        if kind == CabinetReport.Kind.STRATEGY and not data.get("strategy"):
            self.add_error("strategy", "Select the strategy to evaluate")
        if kind == CabinetReport.Kind.PARTNERSHIP and not data.get("partnership"):
            self.add_error("partnership", "Select the link to review")
        return data


FRONT_MATTER_FIELDS = [
    "layout",
    "council",
    "title",
    "wards_affected",
    "report_of",
    "purpose",
    "summary",
    "reasons",
    "other_options",
    "financial_implications",
    "legal_implications",
    "background_papers",
    "author_name",
    "author_post",
    "author_telephone",
    "key_decision",
    "key_decision_reason",
    "in_forward_plan",
    "decision_type",
]


class ReportForm(GovukModelForm):
    submit_label = None  # the page's one button sits after the rows

    class Meta:
        model = CabinetReport
        fields = FRONT_MATTER_FIELDS
        widgets = {
            "layout": forms.RadioSelect,
            "decision_type": forms.RadioSelect,
            **{
                name: forms.Textarea
                for name in (
                    "purpose",
                    "summary",
                    "reasons",
                    "other_options",
                    "financial_implications",
                    "legal_implications",
                    "background_papers",
                    "key_decision_reason",
                )
            },
        }


class RowForm(forms.ModelForm):
    """A row of the front matter, laid out without its own <form> or button."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_fields(self)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        layout = []
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.Textarea):
                layout.append(Field.textarea(name, rows=2))
            elif isinstance(field.widget, forms.CheckboxInput):
                layout.append(Field(name))
            elif isinstance(field.widget, forms.Select):
                layout.append(Field.select(name))
            else:
                layout.append(Field.text(name))
        self.helper.layout = Layout(*layout)


def _formset(model, fields, *, label, extra=1, widgets=None):
    form = forms.modelform_factory(model, form=RowForm, fields=fields, widgets=widgets)
    formset = forms.inlineformset_factory(
        CabinetReport, model, form=form, fields=fields, extra=extra, can_delete=True
    )
    formset.row_label = label
    return formset


MeetingFormSet = _formset(ReportMeeting, ["body", "meets_on"], label="Meeting")
RecommendationFormSet = _formset(
    Recommendation, ["text"], label="Recommendation", widgets={"text": forms.Textarea}
)
ImplicationFormSet = _formset(
    ReportImplication, ["subject", "applies", "paragraphs"], label="Implication", extra=0
)
ConsultationFormSet = _formset(Consultation, ["body", "consulted_on"], label="Consultation")


class ExemptParagraphForm(RowForm):
    """An exempt paragraph chosen by its number and heading from the report's body, not typed as a key;
    the edit page passes the choices (`paragraph_choices`, from `exempt_paragraph_choices`)."""

    paragraph_key = forms.ChoiceField(
        label="Paragraph",
        help_text="The paragraph of the report's body to leave out of the public version",
        choices=[],
    )

    def __init__(self, *args, paragraph_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["paragraph_key"]
        field.choices = [("", "Choose a paragraph"), *paragraph_choices]
        field.error_messages["required"] = "Choose the paragraph to mark exempt"
        field.error_messages["invalid_choice"] = "Choose a paragraph of this report"


ExemptParagraphFormSet = forms.inlineformset_factory(
    CabinetReport,
    ExemptParagraph,
    form=ExemptParagraphForm,
    fields=["paragraph_key", "category", "reason"],
    widgets={"reason": forms.Textarea},
    extra=1,
    can_delete=True,
)
ExemptParagraphFormSet.row_label = "Exempt paragraph"

# The rows of the edit page, in the order the page shows them: (prefix, heading, formset class).
ROW_FORMSETS = [
    ("meetings", "Decision timetable", MeetingFormSet),
    ("recommendations", "Recommendations", RecommendationFormSet),
    ("implications", "Other implications", ImplicationFormSet),
    ("consultations", "Consultations", ConsultationFormSet),
    ("exempt", "Exempt paragraphs (Local Government Act 1972, Schedule 12A)", ExemptParagraphFormSet),
]
