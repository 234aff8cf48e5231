"""Writes to the corporate themes, the columns of every strategy's synopsis matrix."""

from django.db import transaction

from strategy.models import CorporateTheme
from strategy.services.common import validated_save


@transaction.atomic
def corporate_theme_save(*, corporate_theme: CorporateTheme) -> CorporateTheme:
    """Validate and save a corporate theme: a column of every strategy's synopsis matrix."""
    return validated_save(corporate_theme)
