"""The annual matrix's cells, written in Python: a large council's matrix has a thousand of them, and a
template included for each cost more than the rest of the page."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from intlinks.money import format_money

register = template.Library()

CELL = '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'


@register.simple_tag
def matrix_cell(cell, activities_url: str):
    """`{% matrix_cell cell activities_url %}`: the cell's activities (a link to exactly them in the
    activity list) and council spend, or a zero that reads "0 activities" to a screen reader."""
    if not cell.count:
        return format_html(CELL, mark_safe('0<span class="govuk-visually-hidden"> activities</span>'))  # noqa: S308 (a constant)
    label = f"{cell.count:,} activit{'y' if cell.count == 1 else 'ies'}"
    link = format_html('<a class="govuk-link" href="{}?{}">{}</a>', activities_url, cell.query, label)
    return format_html(CELL, format_html("{}<br>{}", link, format_money(cell.spend)))
