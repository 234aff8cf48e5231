"""What every partnerships page shares: breadcrumbs and filtered, paginated lists."""

from django.core.paginator import Paginator
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


PAGE_SIZE = 25


def filtered_page(request, filterset) -> dict:
    """A filtered list's context: the filter, the requested page, and the filters as a query string
    for the pagination links (without the page number, which each link sets itself)."""
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter": filterset,
        "page": Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page")),
        "query": query.urlencode(),
    }
