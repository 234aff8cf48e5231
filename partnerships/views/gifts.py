"""The register of gifts and hospitality: the list and its CSV, recording and editing an entry."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import CreateView, UpdateView

from intlinks.editing import ServiceFormMixin
from intlinks.exports import download
from partnerships import exports, selectors, services
from partnerships.filters import GiftFilter
from partnerships.forms import GiftForm
from partnerships.models import Activity, Gift
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


def safe_return_path(request) -> str | None:
    """The `next` path the page was opened with (a link from an activity), only if it is a path on this
    site: an address elsewhere is ignored, so the form can never send anyone off-site."""
    path = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        path, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return path if allowed and path.startswith("/") else None


class GiftFormView(ServiceFormMixin):
    form_class = GiftForm
    success_message = "Entry saved"

    def crumbs(self):
        return [activities_crumb(), gifts_crumb(), (self.title, None)]

    def save(self, form):
        return services.gift_save(gift=form.instance, by=self.request.user)

    def get_success_url(self):
        return safe_return_path(self.request) or reverse("partnerships:gifts")


class GiftCreateView(GiftFormView, CreateView):
    """Record an entry; opened from an activity (`?activity=`), with the activity and its link chosen,
    it returns to the activity (`?next=`) once saved."""

    permission_required = "partnerships.add_gift"
    title = "Record a gift or hospitality"

    def get_initial(self):
        activity = self.activity_from_address()
        if activity is None:
            return super().get_initial()
        return {**super().get_initial(), "activity": activity.pk, "partnership": activity.partnership_id}

    def activity_from_address(self) -> Activity | None:
        try:
            pk = int(self.request.GET.get("activity", ""))
        except ValueError:
            return None
        return Activity.objects.current().filter(pk=pk).first()


class GiftUpdateView(GiftFormView, UpdateView):
    permission_required = "partnerships.change_gift"
    model = Gift
    title = "Edit the entry"
