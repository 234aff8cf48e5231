"""The register of gifts and hospitality, and the list of external funding with leverage."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.generic import CreateView, UpdateView

from intlinks.csv_export import csv_download
from intlinks.editing import apply_validation_error
from partnerships import selectors, services
from partnerships.conduct import check_gift, check_source_total
from partnerships.filters import GiftFilter
from partnerships.forms import DeadlineFormSet, FundingForm, GiftForm, JustificationForm
from partnerships.models import ExternalFunding, Gift
from partnerships.views.common import filtered_page
from partnerships.views.editing import ServiceFormView


def activities_crumb() -> tuple[str, str]:
    return ("Activities", reverse("partnerships:activities"))


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
    listing = filtered_page(request, GiftFilter(request.GET, queryset=gifts))
    context = {
        **listing,
        "gifts": list(_flagged(listing["page"].object_list, policies)),
        "can_approve": request.user.has_perm("partnerships.approve_breach"),
        "justification_form": JustificationForm(),
        "crumbs": [activities_crumb(), ("Gifts and hospitality", None)],
    }
    return render(request, "partnerships/gift_list.html", context)


@permission_required("partnerships.view_gift", raise_exception=True)
def gift_export(request):
    """The register as CSV, the way councils publish it."""
    gifts, policies = selectors.gift_register()
    response, writer = csv_download(filename=f"gifts-and-hospitality-{timezone.localdate():%Y-%m-%d}.csv")
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
        writer.writerow(row)
    return response


class GiftFormView(ServiceFormView):
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


@permission_required("partnerships.view_externalfunding", raise_exception=True)
def funding_list(request):
    context = {
        "funding": selectors.funding_list(),
        "leverage": selectors.leverage_by_year(),
        "crumbs": [activities_crumb(), ("External funding", None)],
    }
    return render(request, "partnerships/funding_list.html", context)


def _funding_form_page(request, *, funding: ExternalFunding, title: str):
    form = FundingForm(request.POST or None, instance=funding)
    formset = DeadlineFormSet(request.POST or None, instance=funding, prefix="deadlines")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        kept = [
            f
            for f in formset.forms
            if (f.has_changed() or f.instance.pk) and not formset._should_delete_form(f)
        ]
        try:
            services.funding_save(
                funding=form.instance,
                activities=form.cleaned_data["activities"],
                deadlines=[f.save(commit=False) for f in kept],
                removed_deadlines=[f.instance for f in formset.deleted_forms if f.instance.pk],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Funding saved")
            return redirect("partnerships:funding")
    context = {
        "form": form,
        "formset": formset,
        "title": title,
        "crumbs": [activities_crumb(), funding_crumb(), (title, None)],
    }
    return render(request, "partnerships/funding_form.html", context)


@permission_required("partnerships.add_externalfunding", raise_exception=True)
def funding_create(request):
    return _funding_form_page(request, funding=ExternalFunding(), title="Record a bid or grant")


@permission_required("partnerships.change_externalfunding", raise_exception=True)
def funding_edit(request, pk):
    funding = get_object_or_404(ExternalFunding, pk=pk)
    return _funding_form_page(request, funding=funding, title="Edit the bid or grant")
