"""The form-to-service kit: any ValidationError lands beside its field, rows are kept or removed."""

from decimal import Decimal

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

from intlinks.editing import RowErrors, apply_validation_error, formset_rows, validate_rows


class LineForm(forms.Form):
    name = forms.CharField()
    amount = forms.DecimalField(required=False)


LineFormSet = forms.formset_factory(LineForm, extra=0, can_delete=True)
LineFormSet.row_label = "Line"


def bound_form(**data):
    form = LineForm({"name": "Visits", **data})
    assert form.is_valid()
    return form


def test_it_puts_a_field_error_beside_the_field():
    form = bound_form()
    apply_validation_error(form, ValidationError({"amount": "Enter an amount of at most £1,000,000"}))
    assert form.errors["amount"] == ["Enter an amount of at most £1,000,000"]


def test_it_puts_an_error_for_a_field_the_form_does_not_show_at_the_top():
    form = bound_form()
    apply_validation_error(form, ValidationError({"budget": "There is no budget for 2026/27"}))
    assert form.non_field_errors() == ["There is no budget for 2026/27"]


def test_it_accepts_an_error_with_no_field_at_all():
    form = bound_form()
    apply_validation_error(form, ValidationError("An ended link cannot move again"))
    apply_validation_error(form, ValidationError(["First", "Second"]))
    assert form.non_field_errors() == ["An ended link cannot move again", "First", "Second"]


def test_it_puts_row_errors_on_the_rows_the_service_names():
    form = bound_form()
    rows = [bound_form(), bound_form()]
    error = RowErrors({1: ValidationError({"amount": "The meal is over the limit"})})
    apply_validation_error(form, error, rows=rows)
    assert not form.errors
    assert not rows[0].errors
    assert rows[1].errors["amount"] == ["The meal is over the limit"]
    assert error.messages == ["The meal is over the limit"]


def formset(rows):
    data = {"form-TOTAL_FORMS": str(len(rows)), "form-INITIAL_FORMS": "0"}
    for index, row in enumerate(rows):
        data.update({f"form-{index}-{key}": value for key, value in row.items()})
    return LineFormSet(data)


def test_formset_rows_ignores_blank_rows_and_keeps_filled_ones():
    lines = formset([{"name": "Visits", "amount": "10.00"}, {}])
    lines.forms[1].empty_permitted = True
    assert lines.is_valid(), lines.errors
    kept, removed = formset_rows(lines)
    assert [row.cleaned_data["amount"] for row in kept] == [Decimal("10.00")]
    assert removed == []


def test_formset_rows_drops_a_row_marked_for_removal():
    lines = formset([{"name": "Visits", "DELETE": "on"}])
    assert lines.is_valid(), lines.errors
    assert formset_rows(lines) == ([], [])


def test_the_error_summary_lists_the_form_and_every_row_with_the_row_label():
    form = LineForm({"name": ""})
    lines = formset([{"name": "", "amount": "5"}, {"name": "Gifts", "amount": "x"}])
    html = render_to_string("includes/error_summary.html", {"form": form, "formset": lines})
    assert "There is a problem" in html
    assert 'href="#id_name"' in html
    assert "Line 1: This field is required." in html
    assert 'href="#id_form-1-amount"' in html
    assert "Line 2: Enter a number." in html


def test_the_error_summary_is_absent_when_all_is_well():
    assert render_to_string("includes/error_summary.html", {"form": bound_form()}).strip() == ""


@pytest.mark.parametrize("value", ["", None])
def test_the_error_summary_tolerates_no_formset(value):
    html = render_to_string("includes/error_summary.html", {"form": LineForm({}), "formset": value})
    assert "There is a problem" in html


@pytest.mark.django_db
def test_a_page_with_rows_shows_its_empty_rows_on_the_first_visit(officer_client):
    # The formset is built with the form; a first GET must have it in the page, not only a POST.
    page = officer_client.get("/strategy/budgets/new/").content.decode()

    assert 'name="lines-TOTAL_FORMS"' in page
    assert 'id="id_lines-0-name"' in page


def test_validate_rows_names_every_row_it_refuses_in_one_error():
    def validate(amount):
        if amount < 0:
            raise ValidationError({"amount": "The amount cannot be negative"})

    with pytest.raises(RowErrors) as error:
        validate_rows([Decimal("1"), Decimal("-1"), Decimal("-2")], validate)

    assert {index: e.message_dict for index, e in error.value.by_row.items()} == {
        1: {"amount": ["The amount cannot be negative"]},
        2: {"amount": ["The amount cannot be negative"]},
    }
    validate_rows([Decimal("1")], validate)  # nothing refused: no error


def form_page_classes():
    """Every view class of the domain apps that handles a form (create, edit or plain form page)."""
    from django.urls import get_resolver
    from django.views.generic.edit import ProcessFormView

    found = set()
    for pattern in get_resolver().url_patterns:
        for sub in getattr(pattern, "url_patterns", []):
            view_class = getattr(sub.callback, "view_class", None)
            if view_class is not None and issubclass(view_class, ProcessFormView):
                found.add(view_class)
    return sorted(found, key=lambda view_class: view_class.__qualname__)


@pytest.mark.parametrize("view_class", form_page_classes(), ids=lambda view_class: view_class.__qualname__)
def test_every_form_page_is_on_the_kit_so_it_carries_a_token_and_its_version(view_class):
    from intlinks.editing import ServiceFormMixin

    assert issubclass(view_class, ServiceFormMixin), (
        f"{view_class.__qualname__} handles a form outside intlinks.editing.ServiceFormMixin: it would "
        "save twice on a double-click and overwrite a colleague's save silently"
    )
