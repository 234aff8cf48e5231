"""External funding: the list of bids and grants with leverage, and the form for one with its deadlines."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.urls import reverse
from django.views.generic import CreateView, UpdateView

from intlinks.editing import ServiceFormMixin
from intlinks.exports import download
from partnerships import exports, selectors, services
from partnerships.filters import FundingFilter
from partnerships.forms import DeadlineFormSet, FundingForm
from partnerships.models import ExternalFunding
from partnerships.views.activities import activities_crumb
from partnerships.views.common import filtered_page


def funding_crumb() -> tuple[str, str]:
    return ("External funding", reverse("partnerships:funding"))


@permission_required("partnerships.view_externalfunding", raise_exception=True)
def funding_list(request):
    """Bids and grants, a page at a time (newest bid first), and leverage (external £ per council £) per
    financial year."""
    funding = FundingFilter(request.GET, queryset=selectors.funding_list())
    context = {
        **filtered_page(request, funding),
        "leverage": selectors.leverage_by_year(),
        "crumbs": [activities_crumb(), ("External funding", None)],
    }
    return render(request, "partnerships/funding_list.html", context)


@permission_required("partnerships.view_externalfunding", raise_exception=True)
def funding_export(request, file_format):
    """The filtered bids and grants as CSV or XLSX."""
    funding = FundingFilter(request.GET, queryset=selectors.funding_list()).qs
    return download(exports.FUNDING, funding, file_format)


class FundingFormView(ServiceFormMixin):
    """A bid or grant and its reporting deadlines on one page, saved together by `services.funding_save`."""

    form_class = FundingForm
    formset_class = DeadlineFormSet
    formset_prefix = "deadlines"
    success_message = "Funding saved"

    def crumbs(self):
        return [activities_crumb(), funding_crumb(), (self.title, None)]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            formset_heading="Reporting deadlines",
            formset_intro="Reports the funder asks for. Leave unused rows empty.",
            **kwargs,
        )

    def save(self, form):
        return services.funding_save(
            funding=form.instance,
            activities=form.cleaned_data["activities"],
            deadlines=[row.instance for row in self.kept_rows],
            removed_deadlines=self.removed_rows,
        )

    def get_success_url(self):
        return reverse("partnerships:funding")


class FundingCreateView(FundingFormView, CreateView):
    permission_required = "partnerships.add_externalfunding"
    title = "Record a bid or grant"


class FundingUpdateView(FundingFormView, UpdateView):
    permission_required = "partnerships.change_externalfunding"
    model = ExternalFunding
    title = "Edit the bid or grant"
