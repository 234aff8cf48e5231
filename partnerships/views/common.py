"""What every partnerships page shares: breadcrumbs, filtered and paginated lists, pages under a link."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.urls import reverse

from partnerships.models import Partnership

# Reading the register, and changing a link: who may record, edit, move along the life cycle or accept.
VIEW_LINKS = "partnerships.view_partnership"
CHANGE_LINKS = "partnerships.change_partnership"


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
    """A filtered list's context: the filter, the requested page, and the filters in effect (defaults
    included) as a query string for the pagination and CSV links (without the page number, which each
    link sets itself). A list that opened on its default filters says so, with a link that removes them."""
    query = filterset.data.copy()
    query.pop("page", None)
    defaults = getattr(filterset, "DEFAULTS", {})
    widened = query.copy()
    for name in defaults:
        widened[name] = ""
    return {
        "filter": filterset,
        "page": Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page")),
        "query": query.urlencode(),
        "default_filter": filterset.default_description()
        if defaults and all(query.get(name) == value for name, value in defaults.items())
        else "",
        "widened_query": widened.urlencode(),
        # "Clear filters" shows everything: a defaulted filter must be named, empty, to stay off.
        "cleared_query": "&".join(f"{name}=" for name in defaults),
    }


class RegisterPageMixin:
    """A form page directly under the register: Partnerships › this page."""

    def crumbs(self):
        return [list_crumb(), (self.title, None)]


class PartnershipChildMixin:
    """A form page for something new belonging to one link: the link comes from the URL, is set on the
    record before validation, and is where the page goes back to."""

    def dispatch(self, request, *args, **kwargs):
        self.partnership = get_object_or_404(Partnership.objects.select_related("place"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def fill_instance(self, instance) -> None:
        instance.partnership = self.partnership

    def crumbs(self):
        return link_crumbs(self.partnership, self.title)

    def get_success_url(self):
        return self.partnership.get_absolute_url()


class PartnershipPartEditMixin:
    """Editing something that already belongs to one link: crumbs and the way back go to that link."""

    def crumbs(self):
        return link_crumbs(self.object.partnership, self.title)

    def get_success_url(self):
        return self.object.partnership.get_absolute_url()
