"""Reads of the corporate themes: the columns of the synopsis matrix, and the managed list."""

from django.conf import settings
from django.db.models import Q

from strategy.models import CorporateTheme


def corporate_themes() -> list[CorporateTheme]:
    """This council's active themes, in column order (blank council means this council)."""
    return list(
        CorporateTheme.objects.filter(Q(council="") | Q(council=settings.COUNCIL_NAME), is_active=True)
    )


def all_corporate_themes():
    """Every theme, of any council, the active ones first in their column order (one query)."""
    return CorporateTheme.objects.order_by("-is_active", "position", "name")
