"""The presentation layer every template shares: money, people, choice labels, tags and tables.

A template says *what* to show (`{{ cost.amount_gbp|money }}`, `{% person action.lead_officer %}`);
how it looks is decided here once.
"""

import html

from django import template
from django.contrib.auth.models import AbstractBaseUser
from django.urls import reverse
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import SafeData

from intlinks.date_input import HINT, PARTS, date_parts_of, error_anchors, error_parts, is_date_input
from intlinks.exports import xlsx_url_name
from intlinks.money import format_money
from intlinks.versions import action_version_fields, read_version

register = template.Library()


@register.filter
def money(amount, pence=True):
    """`{{ amount|money }}` gives "£1,234.50"; `{{ amount|money:False }}` gives "£1,235"."""
    return format_money(amount, pence=pence)


@register.filter
def number(value):
    """`{{ place.population|number }}` gives "12,000,000": a count or population, grouped for people.
    Anything that is not a whole number (None, "not known") is shown as it is."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return value


@register.filter
def person_name(user: AbstractBaseUser | None, missing: str = "") -> str:
    """A person's full name, or their user name when they have none."""
    if user is None:
        return missing
    return user.get_full_name() or user.get_username()


@register.filter
def choice_label(value, choices) -> str:
    """The label of a stored choice, e.g. `{{ row.status|choice_label:Status }}` for a values() row."""
    return str(dict(getattr(choices, "choices", choices)).get(value, value))


# GOV.UK tag colours by meaning, so that "red" means the same on every page.
TAG_COLOURS = {
    "good": "govuk-tag--green",
    "warning": "govuk-tag--yellow",
    "attention": "govuk-tag--orange",
    "bad": "govuk-tag--red",
    "neutral": "govuk-tag--grey",
    "info": "govuk-tag--blue",
    "new": "govuk-tag--light-blue",
    "ended": "govuk-tag--grey",
}


@register.inclusion_tag("includes/tag.html")
def tag(text, meaning="info"):
    """A GOV.UK tag whose colour comes from its meaning: `{% tag "Drifting" "warning" %}`."""
    return {"text": text, "css_class": TAG_COLOURS.get(meaning, TAG_COLOURS["info"])}


@register.inclusion_tag("includes/summary_row.html")
def summary_row(key, value, missing="Not recorded"):
    """One row of a GOV.UK summary list; an empty value says so instead of leaving a gap."""
    return {"key": key, "value": value, "missing": missing}


TABLE_SCROLL_HINT = "Scroll the table sideways to see more"


class TableWrapperNode(template.Node):
    def __init__(self, nodelist, label):
        self.nodelist, self.label = nodelist, label

    def render(self, context):
        label = conditional_escape(self.label.resolve(context))
        # A focusable, labelled region, so that keyboard users can scroll a wide table on a phone; the
        # hint above it shows only when the table is wider than the screen (static/js/table-scroll.js,
        # or at phone widths when scripts do not run).
        return (
            '<div class="app-table-scroll" data-module="app-table-scroll">'
            f'<p class="govuk-body-s app-table-scroll__hint">{TABLE_SCROLL_HINT}</p>'
            f'<div class="app-table-wrapper" tabindex="0" role="region" aria-label="{label}">'
            f"{self.nodelist.render(context)}</div></div>"
        )


@register.tag
def table_wrapper(parser, token):
    """`{% table_wrapper "Annual reviews" %}<table>…</table>{% endtable_wrapper %}`."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("table_wrapper takes one argument: the table's label")
    nodelist = parser.parse(("endtable_wrapper",))
    parser.delete_first_token()
    return TableWrapperNode(nodelist, parser.compile_filter(bits[1]))


@register.simple_tag
def version_input(record) -> str:
    """`{% version_input cost %}` in a small action's form: the version of the record as shown, so that
    the action is refused if someone changed it in between (`intlinks.editing.service_action`)."""
    digest = read_version(record, action_version_fields(record)).digest()
    return format_html('<input type="hidden" name="form_version" value="{}">', digest)


@register.inclusion_tag("includes/downloads.html")
def downloads(csv_url_name, query="", *args, what="this list"):
    """`{% downloads "partnerships:export" query %}`: "Download this list as CSV or XLSX", each link
    carrying the filters in effect (the page's `query`), so a download holds what the page shows."""
    suffix = f"?{query}" if query else ""
    return {
        "what": what,
        "csv_url": reverse(csv_url_name, args=args) + suffix,
        "xlsx_url": reverse(xlsx_url_name(csv_url_name), args=args) + suffix,
    }


# The widths of the day, month and year boxes, in characters (GOV.UK's date input).
DATE_BOX_WIDTHS = (2, 2, 4)


@register.filter
def date_boxes(bound_field) -> list[dict]:
    """The day, month and year boxes of a GOV.UK date input (templates/gds/layout/multifield.html):
    name, id, label, width, value as typed or saved, and whether an error is about that box."""
    values = date_parts_of(bound_field.value())
    wrong = error_parts(bound_field)
    return [
        {
            "name": f"{bound_field.html_name}_{index}",
            "id": f"{bound_field.auto_id}_{index}",
            "label": part.capitalize(),
            "width": DATE_BOX_WIDTHS[index],
            "value": values[index],
            "error": index in wrong,
        }
        for index, part in enumerate(PARTS)
    ]


@register.simple_tag
def date_hint() -> str:
    return HINT


@register.filter
def error_links(bound_field) -> list[tuple[str, str]]:
    """Each error of a field with the id its link in the error summary goes to: the first box with a
    problem for a date, the field itself otherwise."""
    if is_date_input(bound_field):
        return error_anchors(bound_field)
    return [(bound_field.auto_id, error) for error in bound_field.errors]


@register.filter
def words_only(message):
    """An error message without the link it may carry beside its field (`format_html`, so safe): an
    entry of the error summary is itself a link, to the field, and a link holds no other link."""
    if isinstance(message, SafeData):
        return html.unescape(strip_tags(message))
    return message
