"""What every partnerships page shares: breadcrumbs."""

from django.urls import reverse

from partnerships.models import Partnership


def list_crumb() -> tuple[str, str]:
    return ("Partnerships", reverse("partnerships:list"))


def link_crumbs(partnership: Partnership, *current: str) -> list[tuple[str, str | None]]:
    """Breadcrumbs for a page under one link: Partnerships › the place › this page."""
    return [
        list_crumb(),
        (str(partnership.place), partnership.get_absolute_url()),
        *[(c, None) for c in current],
    ]
