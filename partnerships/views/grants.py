"""Grant applications from local organisations: the list with totals, one application and its steps,
the draft form, and the exports of awarded grants (360Giving and the Transparency Code)."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, FormView, UpdateView
from openpyxl import Workbook

from intlinks.csv_export import csv_stream, spreadsheet_safe
from intlinks.editing import ServiceFormMixin, service_action
from intlinks.exports import download
from intlinks.money import json_with_exact_money
from partnerships import exports, selectors, services, threesixtygiving
from partnerships.filters import GrantFilter
from partnerships.forms import GrantForm, MonitoringForm, PaymentForm
from partnerships.models import GrantApplication
from partnerships.views.common import filtered_page

VIEW = "partnerships.view_grantapplication"
OFFICER = "partnerships.change_grantapplication"


def grants_crumb() -> tuple[str, str]:
    return ("Grant applications", reverse("partnerships:grants"))


def grant_crumbs(application: GrantApplication, *current: str) -> list[tuple[str, str | None]]:
    return [
        grants_crumb(),
        (application.title, application.get_absolute_url()),
        *[(c, None) for c in current],
    ]


@permission_required(VIEW, raise_exception=True)
def grant_list(request):
    """Applications filtered by state, organisation and financial year, with the totals of what is shown."""
    grants = GrantFilter(request.GET, queryset=selectors.grant_list())
    context = {
        **filtered_page(request, grants),
        "totals": selectors.grant_totals(grants.qs),
        "crumbs": [("Grant applications", None)],
    }
    return render(request, "partnerships/grant_list.html", context)


@permission_required(VIEW, raise_exception=True)
def grant_export(request, file_format):
    """The filtered applications as CSV or XLSX."""
    grants = GrantFilter(request.GET, queryset=selectors.grant_list()).qs
    return download(exports.GRANTS, grants, file_format)


@permission_required(VIEW, raise_exception=True)
def grant_detail(request, pk):
    """An application's facts, its state history, and the steps the person may take now."""
    try:
        application = selectors.grant_detail(pk)
    except GrantApplication.DoesNotExist as error:
        raise Http404("No such grant application") from error
    officer = request.user.has_perm(OFFICER)
    context = {
        "application": application,
        "may": {
            step: officer and application.can(step) for step in ("edit", "submit", "pay", "monitor", "close")
        },
        "crumbs": [grants_crumb(), (application.title, None)],
    }
    return render(request, "partnerships/grant_detail.html", context)


class GrantFormView(ServiceFormMixin):
    form_class = GrantForm
    success_message = "Grant application saved"

    def save(self, form):
        return services.grant_save(
            application=form.instance, objectives=form.cleaned_data["objectives"], by=self.request.user
        )

    def get_success_url(self):
        return self.object.get_absolute_url()


class GrantCreateView(GrantFormView, CreateView):
    permission_required = "partnerships.add_grantapplication"
    title = "Record a grant application"
    intro = "A draft until the organisation's application is submitted; it is then decided at a meeting."

    def crumbs(self):
        return [grants_crumb(), (self.title, None)]


class GrantUpdateView(GrantFormView, UpdateView):
    permission_required = OFFICER
    model = GrantApplication
    title = "Edit the draft application"

    def dispatch(self, request, *args, **kwargs):
        application = get_object_or_404(GrantApplication, pk=kwargs["pk"])
        if self.has_permission() and not application.can("edit"):
            messages.error(request, application.step_refusal("edit"))
            return redirect(application)
        return super().dispatch(request, *args, **kwargs)

    def crumbs(self):
        return grant_crumbs(self.object, self.title)


@require_POST
@permission_required(OFFICER, raise_exception=True)
def grant_submit(request, pk):
    application = get_object_or_404(GrantApplication, pk=pk)
    service_action(
        request,
        lambda: services.grant_submit(application=application, by=request.user),
        success="Submission recorded: the application can now go on a meeting's agenda",
        guard=application,
    )
    return redirect(application)


@require_POST
@permission_required(OFFICER, raise_exception=True)
def grant_close(request, pk):
    application = get_object_or_404(GrantApplication, pk=pk)
    service_action(
        request,
        lambda: services.grant_close(application=application, by=request.user),
        success="Grant closed",
        guard=application,
    )
    return redirect(application)


class GrantStepView(ServiceFormMixin, FormView):
    """A step of an application that asks for details (payment, monitoring report)."""

    permission_required = OFFICER
    step = ""

    def dispatch(self, request, *args, **kwargs):
        self.application = get_object_or_404(GrantApplication, pk=kwargs["pk"])
        if self.has_permission() and not self.application.can(self.step):
            messages.error(request, self.application.step_refusal(self.step))
            return redirect(self.application)
        return super().dispatch(request, *args, **kwargs)

    def crumbs(self):
        return grant_crumbs(self.application, self.title)

    def get_success_url(self):
        return self.application.get_absolute_url()


class GrantPayView(GrantStepView):
    form_class = PaymentForm
    step = "pay"
    title = "Record the payment"
    success_message = "Payment recorded"

    def get_initial(self):
        return {"amount": self.application.amount_approved, "paid_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        approved = self.application.amount_approved
        return super().get_context_data(**kwargs) | {
            "intro": f"The working party approved £{approved:,.2f}; a payment cannot be more than that."
        }

    def save(self, form):
        return services.grant_pay(
            application=self.application,
            by=self.request.user,
            amount=form.cleaned_data["amount"],
            paid_on=form.cleaned_data["paid_on"],
        )


class GrantMonitoringView(GrantStepView):
    form_class = MonitoringForm
    step = "monitor"
    title = "Record the monitoring report"
    success_message = "Monitoring report recorded"

    def save(self, form):
        return services.grant_record_monitoring(
            application=self.application,
            by=self.request.user,
            received_on=form.cleaned_data["received_on"],
            notes=form.cleaned_data["notes"],
        )


def _stamp() -> str:
    return f"{timezone.localdate():%Y-%m-%d}"


@permission_required(VIEW, raise_exception=True)
def grants_360giving_json(request):
    """Awarded grants as a 360Giving data package (JSON)."""
    package = threesixtygiving.grants_package(selectors.awarded_grants())
    response = HttpResponse(json_with_exact_money(package, indent=2), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="grants-360giving-{_stamp()}.json"'
    return response


@permission_required(VIEW, raise_exception=True)
def grants_360giving_csv(request):
    """Awarded grants in the 360Giving flattened spreadsheet form, as CSV."""
    return csv_stream(
        filename=f"grants-360giving-{_stamp()}.csv",
        header=threesixtygiving.SPREADSHEET_COLUMNS,
        rows=map(threesixtygiving.spreadsheet_row, selectors.awarded_grants()),
    )


@permission_required(VIEW, raise_exception=True)
def grants_360giving_xlsx(request):
    """Awarded grants in the 360Giving flattened spreadsheet form, as XLSX (one sheet, "grants")."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "grants"
    sheet.append(threesixtygiving.SPREADSHEET_COLUMNS)
    for application in selectors.awarded_grants():
        sheet.append([spreadsheet_safe(value) for value in threesixtygiving.spreadsheet_row(application)])
    stream = io.BytesIO()
    workbook.save(stream)
    response = HttpResponse(
        stream.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="grants-360giving-{_stamp()}.xlsx"'
    return response


@permission_required(VIEW, raise_exception=True)
def grants_transparency_csv(request):
    """Awarded grants with the Local Government Transparency Code's fields, as CSV."""
    return csv_stream(
        filename=f"grants-transparency-code-{_stamp()}.csv",
        header=threesixtygiving.TRANSPARENCY_COLUMNS,
        rows=map(threesixtygiving.transparency_row, selectors.awarded_grants()),
    )
