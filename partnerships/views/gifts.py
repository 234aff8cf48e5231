"""The register of gifts and hospitality, and the list of external funding with leverage."""

import csv

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.generic import CreateView, UpdateView

from partnerships import selectors, services
from partnerships.conduct import check_gift, check_source_total
from partnerships.filters import GiftFilter
from partnerships.forms import FundingForm, GiftForm, JustificationForm
from partnerships.models import ExternalFunding, Gift
from partnerships.views.editing import ServiceFormView
from partnerships.views.reading import PAGE_SIZE, spreadsheet_safe


def gifts_crumb() -> tuple[str, str]:
    return ("Gifts and hospitality", reverse("partnerships:gifts"))


def funding_crumb() -> tuple[str, str]:
    return ("External funding", reverse("partnerships:funding"))


def _flagged(gifts, policies):
    """Each gift with its flags under the policy in force on its date (the policies loaded once)."""
    for gift in gifts:
        policy = selectors.policy_among(policies, gift.given_on)
        gift.flags = check_gift(gift, policy)
        source_flag = check_source_total(gift.source_total, policy)
        if source_flag and gift.direction == Gift.Direction.RECEIVED:
            gift.flags.append(source_flag)
        yield gift


@permission_required("partnerships.view_gift", raise_exception=True)
def gift_list(request):
    """The register, searchable, with late entries and sources past the threshold flagged."""
    gifts, policies = selectors.gift_register()
    register = GiftFilter(request.GET, queryset=gifts)
    page = Paginator(register.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": register,
        "page": page,
        "gifts": list(_flagged(page.object_list, policies)),
        "query": query.urlencode(),
        "can_approve": request.user.has_perm("partnerships.approve_breach"),
        "justification_form": JustificationForm(),
        "crumbs": [("Gifts and hospitality", None)],
    }
    return render(request, "partnerships/gift_list.html", context)


@permission_required("partnerships.view_gift", raise_exception=True)
def gift_export(request):
    """The register as CSV, the way councils publish it."""
    gifts, policies = selectors.gift_register()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="gifts-and-hospitality-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(
        [
            "Date",
            "Registered",
            "Given, received or refused",
            "Gift or hospitality",
            "From or to",
            "Who they are",
            "Description",
            "Estimated value (£)",
            "Declared",
            "Handed to the council",
            "Partnership",
            "Activity",
            "Flags",
        ]
    )
    for gift in _flagged(GiftFilter(request.GET, queryset=gifts).qs, policies):
        row = [
            gift.given_on,
            gift.registered_on,
            gift.get_direction_display(),
            gift.get_kind_display(),
            gift.counterparty,
            gift.get_counterparty_kind_display(),
            gift.description,
            gift.value,
            "yes" if gift.declared else "no",
            "yes" if gift.handed_to_council else "no",
            str(gift.partnership.place) if gift.partnership else "",
            gift.activity.title if gift.activity else "",
            "; ".join(flag.message for flag in gift.flags),
        ]
        writer.writerow([spreadsheet_safe(value) for value in row])
    return response


class GiftFormView(ServiceFormView):
    form_class = GiftForm
    success_message = "Entry saved"

    def crumbs(self):
        return [gifts_crumb(), (self.title, None)]

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


@permission_required("partnerships.view_externalfunding", raise_exception=True)
def funding_list(request):
    context = {
        "funding": selectors.funding_list(),
        "leverage": selectors.leverage_by_year(),
        "crumbs": [("External funding", None)],
    }
    return render(request, "partnerships/funding_list.html", context)


class FundingFormView(ServiceFormView):
    form_class = FundingForm
    success_message = "Funding saved"

    def crumbs(self):
        return [funding_crumb(), (self.title, None)]

    def save(self, form):
        return services.funding_save(funding=form.instance, activities=form.cleaned_data["activities"])

    def get_success_url(self):
        return reverse("partnerships:funding")


class FundingCreateView(FundingFormView, CreateView):
    permission_required = "partnerships.add_externalfunding"
    title = "Record a bid or grant"


class FundingUpdateView(FundingFormView, UpdateView):
    permission_required = "partnerships.change_externalfunding"
    model = ExternalFunding
    title = "Edit the bid or grant"
