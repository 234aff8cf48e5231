"""How the plan's statuses look: RAG ratings, action statuses and a strategy's status, as GOV.UK tags.

`{% load strategy %}` beside `{% load intlinks %}`; the colours are intlinks' tag meanings, so that
red means the same on every page.
"""

from django import template

from intlinks.templatetags.intlinks import TAG_COLOURS, choice_label, tag
from strategy.models import NOT_RATED, ActionStatus, Rag, Strategy

register = template.Library()

RAG_LABELS = {**dict(Rag.choices), NOT_RATED: "Not rated"}
RAG_MEANINGS = {Rag.RED: "bad", Rag.AMBER: "warning", Rag.GREEN: "good", NOT_RATED: "neutral"}
STRATEGY_STATUS_MEANINGS = {
    Strategy.Status.ADOPTED: "good",
    Strategy.Status.DRAFT: "warning",
    Strategy.Status.SUPERSEDED: "neutral",
}


@register.filter
def rag_label(rag: str) -> str:
    """ "Red", "Amber", "Green", or "Not rated" for an action with no update yet."""
    return RAG_LABELS.get(rag, RAG_LABELS[NOT_RATED])


@register.filter
def rag_colour(rag: str) -> str:
    """The GOV.UK tag class of a RAG rating, for a tag that says more than the rating."""
    return TAG_COLOURS[RAG_MEANINGS.get(rag, "neutral")]


@register.inclusion_tag("includes/tag.html")
def rag(value: str):
    """`{% rag action.current_rag %}`: the rating as a tag in its colour."""
    return tag(rag_label(value), RAG_MEANINGS.get(value, "neutral"))


@register.filter
def action_status(value: str) -> str:
    """An action's status by its label ("On track"), also for an annotated `current_status`."""
    return choice_label(value, ActionStatus)


@register.inclusion_tag("includes/tag.html")
def strategy_status(strategy: Strategy):
    """`{% strategy_status strategy %}`: adopted in green, draft in yellow, superseded in grey."""
    return tag(strategy.get_status_display(), STRATEGY_STATUS_MEANINGS.get(strategy.status, "neutral"))
