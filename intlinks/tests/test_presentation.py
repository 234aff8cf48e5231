"""The shared presentation layer: money, names, labels, tags, summary rows and table wrappers."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db import models
from django.template import Context, Template

from intlinks.money import format_money, to_pennies


def render(source: str, **context) -> str:
    return Template("{% load intlinks %}" + source).render(Context(context)).strip()


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("1234.5"), "£1,234.50"),
        (Decimal("0"), "£0.00"),
        (Decimal("-1"), "\u2212£1.00"),
        (Decimal("73400"), "£73,400.00"),
        (Decimal("0.005"), "£0.01"),
        (Decimal("9999999999.99"), "£9,999,999,999.99"),
    ],
)
def test_money_is_shown_with_pounds_commas_and_pence(amount, shown):
    assert format_money(amount) == shown
    assert render("{{ amount|money }}", amount=amount) == shown


def test_money_without_pence_rounds_half_up():
    assert render("{{ amount|money:False }}", amount=Decimal("20000.50")) == "£20,001"


def test_no_money_shows_nothing():
    assert render("{{ amount|money }}", amount=None) == ""


def test_to_pennies_refuses_floats():
    with pytest.raises(TypeError):
        to_pennies(0.1)


def test_a_person_is_named_by_full_name_or_user_name():
    user_model = get_user_model()
    named = user_model(username="jb", first_name="Jane", last_name="Bloggs")
    assert render("{{ person|person_name }}", person=named) == "Jane Bloggs"
    assert render("{{ person|person_name }}", person=user_model(username="jb")) == "jb"
    assert render('{{ person|person_name:"Not recorded" }}', person=None) == "Not recorded"


class Colour(models.TextChoices):
    RED = "red", "Red: off track"


def test_choice_label_reads_a_stored_code():
    assert render("{{ code|choice_label:choices }}", code="red", choices=Colour) == "Red: off track"
    assert render("{{ code|choice_label:choices }}", code="other", choices=Colour) == "other"


def test_a_tag_takes_its_colour_from_its_meaning():
    html = render('{% tag "Drifting" "warning" %}')
    assert html == '<strong class="govuk-tag govuk-tag--yellow">Drifting</strong>'


def test_a_summary_row_says_when_nothing_is_recorded():
    assert "Not recorded" in render('{% summary_row "Lead officer" "" %}')
    assert ">0<" in render('{% summary_row "Population" 0 %}')


def test_the_table_wrapper_is_a_labelled_focusable_region():
    html = render("{% table_wrapper label %}<table></table>{% endtable_wrapper %}", label="Links & <places>")
    assert (
        '<div class="app-table-wrapper" tabindex="0" role="region" aria-label="Links &amp; &lt;places&gt;">'
        "<table></table></div>"
    ) in html


def test_the_table_wrapper_carries_a_scroll_hint_outside_the_scrolling_region():
    html = render('{% table_wrapper "Links" %}<table></table>{% endtable_wrapper %}')

    hint_at = html.index("Scroll the table sideways to see more")
    assert 'data-module="app-table-scroll"' in html
    assert hint_at < html.index('role="region"')  # it stays in view while the table scrolls
