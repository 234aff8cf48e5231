"""The GOV.UK form kit: the date input and its messages, "(optional)", select prompts, stacked radios."""

from datetime import date

import pytest
from crispy_forms.utils import render_crispy_form
from django import forms

from intlinks.bounds import DATE_BOUNDS
from intlinks.date_input import GovukDateField
from intlinks.forms import gds_layout, govuk_fields


class VisitForm(forms.Form):
    """A form as the pages write them: a required and an optional date, laid out by the kit."""

    starts_on = forms.DateField(label="Start date", validators=DATE_BOUNDS)
    ends_on = forms.DateField(label="End date", required=False, validators=DATE_BOUNDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_fields(self)
        self.helper = gds_layout(self, "Save")


def boxes(day="", month="", year="", name="starts_on") -> dict:
    return {f"{name}_0": day, f"{name}_1": month, f"{name}_2": year}


def errors_of(data: dict, name="starts_on") -> list[str]:
    form = VisitForm(data)
    assert not form.is_valid()
    return form.errors[name]


def rendered(form) -> str:
    return render_crispy_form(form)


# ---- the date input's messages (GOV.UK's "Error messages") -----------------------------------------------


def test_every_date_field_of_a_kit_form_is_a_govuk_date_input():
    assert isinstance(VisitForm().fields["starts_on"], GovukDateField)


def test_reads_the_day_month_and_year_boxes():
    form = VisitForm(boxes("1", "10", "2026"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["starts_on"] == date(2026, 10, 1)


def test_nothing_entered_asks_for_the_date():
    assert errors_of(boxes()) == ["Enter the start date"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (boxes("", "10", "2026"), "Start date must include a day"),
        (boxes("1", "", "2026"), "Start date must include a month"),
        (boxes("1", "10", ""), "Start date must include a year"),
        (boxes("", "", "2026"), "Start date must include a day and month"),
    ],
)
def test_a_missing_part_is_named(data, message):
    assert errors_of(data) == [message]


@pytest.mark.parametrize(
    "data",
    [
        boxes("31", "2", "2026"),
        boxes("1", "13", "2026"),
        boxes("x", "1", "2026"),
        boxes("99999999999999999999", "1", "2026"),  # no overflow: a day has at most two numbers
        boxes("²", "1", "2026"),  # a superscript two is a digit to Python, not to a date
    ],
)
def test_an_impossible_date_must_be_a_real_date(data):
    assert errors_of(data) == ["Start date must be a real date"]


@pytest.mark.parametrize("year", ["26", "1", "20266", "9" * 5000])
def test_a_year_without_4_numbers_says_so(year):
    assert errors_of(boxes("1", "10", year)) == ["Year must include 4 numbers"]


@pytest.mark.parametrize(
    ("data", "valid"),
    [
        (boxes("31", "12", "1899"), False),
        (boxes("1", "1", "1900"), True),
        (boxes("31", "12", "2100"), True),
        (boxes("1", "1", "2101"), False),
        (boxes("31", "12", "9999"), False),
    ],
)
def test_the_council_s_date_bounds_still_apply_at_below_and_above_them(data, valid):
    form = VisitForm(data)
    assert form.is_valid() is valid
    if not valid:
        assert form.errors["starts_on"] == ["Enter a date between 1 January 1900 and 31 December 2100"]


def test_an_optional_date_may_be_left_empty_but_not_half_filled():
    assert VisitForm({**boxes("1", "10", "2026"), **boxes(name="ends_on")}).is_valid()
    assert errors_of({**boxes("1", "10", "2026"), **boxes("", "3", "", name="ends_on")}, "ends_on") == [
        "End date must include a day and year"
    ]


# ---- one value under the field's own name: scripts and tests that post without a browser ----------------


@pytest.mark.parametrize("value", ["2026-10-01", "01/10/2026", "1/10/2026"])
def test_one_iso_or_uk_value_under_the_field_s_name_is_still_accepted(value):
    form = VisitForm({"starts_on": value})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["starts_on"] == date(2026, 10, 1)


def test_one_value_that_is_not_a_date_must_be_a_real_date():
    assert errors_of({"starts_on": "next Tuesday"}) == ["Start date must be a real date"]


def test_the_boxes_win_over_a_single_value():
    form = VisitForm({"starts_on": "2020-01-01", **boxes("1", "10", "2026")})
    assert form.is_valid()
    assert form.cleaned_data["starts_on"] == date(2026, 10, 1)


# ---- how it looks ---------------------------------------------------------------------------------------


def test_renders_a_fieldset_with_the_label_as_legend_the_hint_and_three_named_boxes():
    page = rendered(VisitForm())
    assert '<legend class="govuk-fieldset__legend">Start date</legend>' in page
    assert "For example, 27 3 2026" in page
    for index, label in enumerate(["Day", "Month", "Year"]):
        assert f'for="id_starts_on_{index}">{label}</label>' in page
        assert f'name="starts_on_{index}"' in page
    assert 'type="date"' not in page


def test_an_initial_date_and_typed_boxes_are_shown_again():
    page = rendered(VisitForm(initial={"starts_on": date(2026, 3, 27)}))
    assert 'name="starts_on_0"\n                 type="text"\n                 inputmode="numeric"\n' in page
    for value in ("27", "3", "2026"):
        assert f'value="{value}"' in page
    typed = rendered(VisitForm(boxes("31", "2", "2026")))
    for value in ("31", "2"):
        assert f'value="{value}"' in typed


def test_only_the_boxes_with_a_problem_are_outlined():
    form = VisitForm(boxes("1", "", "2026"))
    form.is_valid()
    page = rendered(form)
    assert page.count("govuk-input--error") == 1
    assert 'govuk-input--width-2 govuk-input--error"\n                 id="id_starts_on_1"' in page


def test_an_error_about_the_whole_date_outlines_every_box():
    form = VisitForm(boxes("31", "12", "2101"))
    form.is_valid()
    assert rendered(form).count("govuk-input--error") == 3


def test_a_disabled_date_shows_its_value_and_keeps_it():
    form = VisitForm({"starts_on_0": "2"}, initial={"starts_on": date(2026, 10, 1)})
    form.fields["starts_on"].disabled = True
    assert form.is_valid(), form.errors
    assert form.cleaned_data["starts_on"] == date(2026, 10, 1)
    assert rendered(form).count("disabled") == 3


# ---- "(optional)", prompts and radios --------------------------------------------------------------------


class ChoicesForm(forms.Form):
    budget_line = forms.ModelChoiceField(label="Budget line", queryset=None)
    region = forms.ChoiceField(label="Region", choices=[("", "---------"), ("europe", "Europe")])
    notes = forms.CharField(label="Notes", required=False)
    confirmed = forms.BooleanField(label="Insurance confirmed", required=False)
    kind = forms.ChoiceField(
        label="Kind",
        widget=forms.RadioSelect,
        choices=[("", "---------"), ("a", "A"), ("b", "B"), ("c", "C")],
    )
    answer = forms.ChoiceField(
        label="Answer", widget=forms.RadioSelect, choices=[("yes", "Yes"), ("no", "No")]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth.models import Group

        self.fields["budget_line"].queryset = Group.objects.none()
        govuk_fields(self)
        self.helper = gds_layout(self, "Save")


@pytest.mark.django_db
def test_selects_start_with_a_choose_prompt_never_dashes():
    page = rendered(ChoicesForm())
    assert '<option value="" selected>Choose a budget line</option>' in page
    assert '<option value="">Choose a region</option>' in page or "Choose a region</option>" in page
    assert "---------" not in page


@pytest.mark.django_db
def test_optional_fields_say_so_but_a_single_checkbox_does_not():
    form = ChoicesForm()
    assert form["notes"].label == "Notes (optional)"
    assert form["confirmed"].label == "Insurance confirmed"
    assert form["budget_line"].label == "Budget line"
    assert "Notes (optional)" in rendered(form)


def test_a_form_without_the_kit_s_layout_is_not_marked():
    """A list's filters are all optional; their form has no crispy helper, so no field is marked."""

    class FilterForm(forms.Form):
        q = forms.CharField(label="Search", required=False)

    assert FilterForm()["q"].label == "Search"


@pytest.mark.django_db
def test_radios_of_three_choices_are_stacked_and_yes_or_no_side_by_side():
    page = rendered(ChoicesForm())
    kind = page[page.index('id="div_id_kind"') :]
    kind = kind[: kind.index("</fieldset>")]
    answer = page[page.index('id="div_id_answer"') :]
    assert "govuk-radios--inline" not in kind
    assert "govuk-radios--inline" in answer[: answer.index("</fieldset>")]
    assert ">---------<" not in kind  # a required choice has no blank radio
