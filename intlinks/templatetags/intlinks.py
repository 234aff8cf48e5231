"""The presentation layer every template shares: money, people, choice labels, tags and tables.

A template says *what* to show (`{{ cost.amount_gbp|money }}`, `{% person action.lead_officer %}`);
how it looks is decided here once.
"""

import html

from django import template
from django.contrib.auth.models import AbstractBaseUser
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import SafeData

from intlinks.money import format_money
from intlinks.versions import action_version_fields, read_version

register = template.Library()


@register.filter
def money(amount, pence=True):
    """`{{ amount|money }}` gives "£1,234.50"; `{{ amount|money:False }}` gives "£1,235"."""
    return format_money(amount, pence=pence)


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


class TableWrapperNode(template.Node):
    def __init__(self, nodelist, label):
        self.nodelist, self.label = nodelist, label

    def render(self, context):
        label = conditional_escape(self.label.resolve(context))
        # A focusable, labelled region, so that keyboard users can scroll a wide table on a phone.
        return (
            f'<div class="app-table-wrapper" tabindex="0" role="region" aria-label="{label}">'
            f"{self.nodelist.render(context)}</div>"
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


@register.filter
def words_only(message):
    """An error message without the link it may carry beside its field (`format_html`, so safe): an
    entry of the error summary is itself a link, to the field, and a link holds no other link."""
    if isinstance(message, SafeData):
        return html.unescape(strip_tags(message))
    return message
