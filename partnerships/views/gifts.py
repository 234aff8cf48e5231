"""The register of gifts and hospitality: the list and its CSV, recording and editing an entry."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.urls import reverse
from django.views.generic import CreateView, UpdateView

from intlinks.editing import ServiceFormMixin
from intlinks.exports import download
from partnerships import exports, selectors, services
from partnerships.filters import GiftFilter
from partnerships.forms import GiftForm
from partnerships.models import Gift
from partnerships.views.activities import activities_crumb
from partnerships.views.common import filtered_page


def gifts_crumb() -> tuple[str, str]:
    return ("Gifts and hospitality", reverse("partnerships:gifts"))


@permission_required("partnerships.view_gift", raise_exception=True)
def gift_list(request):
    """The register, searchable, with late entries and sources past the threshold flagged."""
    gifts = GiftFilter(GiftFilter.with_defaults(request.GET), queryset=selectors.gift_register())
    listing = filtered_page(request, gifts)
    context = {
        **listing,
        "gifts": selectors.with_gift_flags(listing["page"].object_list),
        "total_value": selectors.total_value_of(gifts.qs),
        "crumbs": [activities_crumb(), ("Gifts and hospitality", None)],
    }
    return render(request, "partnerships/gift_list.html", context)


@permission_required("partnerships.view_gift", raise_exception=True)
def gift_export(request, file_format):
    """The register as CSV or XLSX, the way councils publish it, streamed with each entry's flags."""
    gifts = GiftFilter(request.GET, queryset=selectors.gift_register()).qs
    return download(exports.GIFTS, gifts, file_format)


class GiftFormView(ServiceFormMixin):
    form_class = GiftForm
    success_message = "Entry saved"

    def crumbs(self):
        return [activities_crumb(), gifts_crumb(), (self.title, None)]

    def save(self, form):
        return services.gift_save(gift=form.instance, by=self.request.user)

    def get_success_url(self):
        return reverse("partnerships:gifts")


class GiftCreateView(GiftFormView, CreateView):
    permission_required = "partnerships.add_gift"
    title = "Record a gift or hospitality"


class GiftUpdateView(GiftFormView, UpdateView):
    permission_required = "partnerships.change_gift"
    model = Gift
    title = "Edit the entry"
