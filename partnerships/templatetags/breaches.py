"""What the activity log's templates ask about breaches of the conduct rules.

A template cannot pass an argument to a method, so these filters hand the model's own predicates the
person looking at the page; they decide nothing themselves.
"""

from django import template

register = template.Library()


@register.filter
def can_be_approved_by(item, user) -> bool:
    """`{% if cost|can_be_approved_by:request.user %}`: `BreachApproval.can_be_approved_by`."""
    return item.can_be_approved_by(user)


@register.filter
def breach_count(count: int) -> str:
    """The words for a number of breaches: "1 breach", "3 breaches"."""
    return f"{count} breach{'' if count == 1 else 'es'}"
