"""The drift rule in words, for every page that explains "Drifting" (partnerships.models.links)."""

from django import template

from partnerships.models import DRIFT_RULE

register = template.Library()


@register.simple_tag
def drift_rule() -> str:
    """`{% drift_rule %}`: the one sentence that says when a link is drifting."""
    return DRIFT_RULE
