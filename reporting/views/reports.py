"""Cabinet reports: the list, a report's page, creating a draft (front matter drafted from the data)
and editing its front matter and rows. A final report's front matter is locked.

Beside these, a report's versions (issue 12's pipeline): "Generate PDF" keeps a request and queues it,
the versions table (polled every 2 seconds with htmx while a version is being made), downloads through
a role check, finalising a done version, superseding a final one, and the HTML preview."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.generic import FormView, UpdateView

from intlinks.content_security import allow_own_inline_styles
from intlinks.editing import FormsetGroup, ServiceFormMixin
from intlinks.files import stored_file_download
from reporting import cabinet
from reporting.forms import (
    ROW_FORMSETS,
    FinaliseForm,
    GenerateForm,
    ReportCreateForm,
    ReportForm,
    SupersedeForm,
)
from reporting.models import CabinetReport, ReportVersion
from reporting.selectors import reports as selectors
from reporting.selectors import versions as version_selectors
from reporting.services import reports as services
from reporting.services import versions as version_services

VIEW = "reporting.view_cabinetreport"


def reports_crumb() -> tuple[str, str]:
    return ("Cabinet reports", reverse("reporting:reports"))


def _report(pk: int) -> CabinetReport:
    try:
        return selectors.report_detail(pk)
    except CabinetReport.DoesNotExist as error:
        raise Http404("No such report") from error


@permission_required(VIEW, raise_exception=True)
def report_list(request):
    context = {"reports": selectors.report_list(), "crumbs": [("Cabinet reports", None)]}
    return render(request, "reporting/report_list.html", context)


@permission_required(VIEW, raise_exception=True)
def report_detail(request, pk):
    """The report's front matter as the clerk set it, what its subject lacks, and its versions."""
    report = _report(pk)
    facts = selectors.report_facts(
        kind=report.kind,
        financial_year=report.financial_year,
        strategy=report.strategy,
        partnership=report.partnership,
    )
    context = {
        "report": report,
        "missing": facts.missing,
        "crumbs": [reports_crumb(), (report.title, None)],
        **versions_context(report, list(report.versions.all())),
        # The "Generate PDF" button's one-time token: a double click keeps one request.
        "generate_token": secrets.token_urlsafe(32),
    }
    return render(request, "reporting/report_detail.html", context)


class ReportCreate(ServiceFormMixin, FormView):
    permission_required = "reporting.add_cabinetreport"
    form_class = ReportCreateForm
    template_name = "reporting/report_form.html"
    title = "Prepare a Cabinet report"
    intro = (
        "Choose the kind of report and what it covers. The title, front matter and financial implications "
        "are drafted from the data; you can change every word before generating the PDF."
    )
    submit_label = "Prepare the draft"

    def crumbs(self):
        return [reports_crumb(), (self.title, None)]

    def get_context_data(self, **kwargs):
        return super().get_context_data(submit_label=self.submit_label, hide_form=True, **kwargs)

    def save(self, form):
        return services.report_create(by=self.request.user, **form.cleaned_data)

    def get_success_message(self):
        return f"Draft prepared: {self.object.title}"

    def get_success_url(self):
        return self.object.get_absolute_url()


class ReportEdit(ServiceFormMixin, UpdateView):
    permission_required = "reporting.change_cabinetreport"
    model = CabinetReport
    form_class = ReportForm
    template_name = "reporting/report_form.html"
    title = "Edit the front matter"
    success_message = "Front matter saved"

    def get_queryset(self):
        return CabinetReport.objects.select_related("strategy", "partnership__place")

    def dispatch(self, request, *args, **kwargs):
        if request.user.has_perm(self.permission_required):
            report = self.get_object()
            if report.is_locked:
                messages.error(request, services.LOCKED_MESSAGE)
                return redirect(report.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def crumbs(self):
        return [reports_crumb(), (self.object.title, self.object.get_absolute_url()), (self.title, None)]

    def get_formset(self, form):
        data = self.request.POST if self.request.method == "POST" else None
        report = form.instance
        choices = selectors.exempt_paragraph_choices(report, kept=report.exempt_keys)
        self.row_formsets = [
            (
                heading,
                formset_class(
                    data,
                    instance=report,
                    prefix=prefix,
                    form_kwargs={"paragraph_choices": choices} if prefix == "exempt" else {},
                ),
            )
            for prefix, heading, formset_class in ROW_FORMSETS
        ]
        return FormsetGroup([formset for _, formset in self.row_formsets])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["row_formsets"] = self.row_formsets
        context["hide_form"] = True
        return context

    def save(self, form):
        return services.report_save(
            report=form.instance,
            rows=[row.instance for row in self.kept_rows],
            removed=self.removed_rows,
        )

    def get_success_url(self):
        return self.object.get_absolute_url()


# The report's versions (issue 12's pipeline)

GENERATE = "reporting.add_reportversion"
FINALISE = "reporting.finalise_reportversion"
# The exempt appendix (Schedule 12A) goes to those who prepare the report, not to every reader.
EXEMPT = "reporting.change_cabinetreport"


def versions_context(report: CabinetReport, versions: list[ReportVersion]) -> dict:
    return {
        "report": report,
        "versions": versions,
        "polling": version_selectors.in_progress(versions),
        "queue_down_message": version_services.QUEUE_DOWN_MESSAGE,
    }


@permission_required(VIEW, raise_exception=True)
def report_versions(request, pk):
    """The versions table alone, which the report page asks for every 2 seconds while one is being made."""
    try:
        report, versions = version_selectors.report_versions(pk)
    except CabinetReport.DoesNotExist as error:
        raise Http404("No such report") from error
    return render(request, "reporting/_report_version_table.html", versions_context(report, versions))


def _version(pk: int, number: int) -> ReportVersion:
    try:
        return version_selectors.report_version(pk, number)
    except ReportVersion.DoesNotExist as error:
        raise Http404("No such version") from error


def _file_response(request, version: ReportVersion, field_file, name: str):
    if not field_file:
        raise Http404("This version has no such file")
    back = ("the report", reverse("reporting:report", args=[version.report_id]))
    return stored_file_download(request, field_file, describe=lambda _: (name, "application/pdf"), back=back)


# A version's draft PDF can be downloaded once made, also while it is being finalised.
DRAFT_READY = (ReportVersion.Status.DONE, ReportVersion.Status.FINALISING)


def _ready(version: ReportVersion) -> ReportVersion:
    if version.status not in DRAFT_READY:
        raise Http404("This version's PDF is not ready")
    return version


@permission_required("reporting.view_reportversion", raise_exception=True)
def version_download(request, pk, number):
    """The public PDF of a version, named for what it is: the final document (no DRAFT mark) once the
    version is finalised, else the draft."""
    version = _ready(_version(pk, number))
    if version.has_final_file:
        name = version_services.version_file_name(version, draft=False)
        return _file_response(request, version, version.final_pdf, name)
    name = version_services.version_file_name(version, draft=True)
    return _file_response(request, version, version.pdf, name)


@permission_required("reporting.view_reportversion", raise_exception=True)
def version_download_draft(request, pk, number):
    """The draft PDF a version was reviewed as (kept beside the final document), with the DRAFT mark."""
    version = _ready(_version(pk, number))
    name = version_services.version_file_name(version, draft=True)
    return _file_response(request, version, version.pdf, name)


@permission_required(EXEMPT, raise_exception=True)
def version_download_exempt(request, pk, number):
    """The exempt appendix (Local Government Act 1972, Schedule 12A) of a version: final once it is."""
    version = _ready(_version(pk, number))
    if version.has_final_file:
        name = version_services.version_file_name(version, exempt=True, draft=False)
        return _file_response(request, version, version.final_exempt_pdf, name)
    name = version_services.version_file_name(version, exempt=True, draft=True)
    return _file_response(request, version, version.exempt_pdf, name)


@permission_required(VIEW, raise_exception=True)
def report_preview(request, pk):
    """The report as HTML in the browser, from the same templates as the PDF; the figures as of now."""
    report = _report(pk)
    html = cabinet.report_html(report, cabinet.report_content(report), draft=not report.is_locked)
    return allow_own_inline_styles(HttpResponse(html), html)


class VersionActionView(ServiceFormMixin, FormView):
    """A report's page for one action on its versions: the form, its service, back to the report."""

    def dispatch(self, request, *args, **kwargs):
        try:
            self.report = CabinetReport.objects.get(pk=kwargs["pk"])
        except CabinetReport.DoesNotExist as error:
            raise Http404("No such report") from error
        return super().dispatch(request, *args, **kwargs)

    def crumbs(self):
        return [reports_crumb(), (self.report.title, self.report.get_absolute_url()), (self.title, None)]

    def get_success_url(self):
        return self.report.get_absolute_url()


class ReportGenerate(VersionActionView):
    """Keep a request for the next version and queue it; the report's page then shows its progress."""

    permission_required = GENERATE
    form_class = GenerateForm
    title = "Generate the PDF"
    intro = (
        "The PDF is made in the background from the data as it is now; the report's page shows its progress."
    )

    def save(self, form):
        return version_services.report_request_generation(report=self.report, by=self.request.user)

    def get_success_message(self):
        self.object.refresh_from_db(fields=["status"])  # the queue was asked once the request was kept
        if self.object.status == ReportVersion.Status.WAITING:
            return f"Version {self.object.number} is kept. {version_services.QUEUE_DOWN_MESSAGE}"
        return f"Version {self.object.number} is queued: this page shows when its PDF is ready"


class VersionFinalise(VersionActionView):
    """Confirm, then lock a done version as the one Cabinet receives; the report becomes final."""

    permission_required = FINALISE
    form_class = FinaliseForm
    title = "Finalise this version"
    template_name = "reporting/version_finalise.html"

    def dispatch(self, request, *args, **kwargs):
        self.version = _version(kwargs["pk"], kwargs["number"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(version=self.version, report=self.report, **kwargs)

    def save(self, form):
        return version_services.report_finalise(version=self.version, by=self.request.user)

    def get_success_message(self):
        return (
            f"Version {self.version.number} is being finalised: the report is locked, and its final PDF "
            "(without the DRAFT mark) is being made from the same data; this page shows when it is ready"
        )


class ReportSupersede(VersionActionView):
    """A final report reopened: a new version supersedes the final one, with the reason."""

    permission_required = FINALISE
    form_class = SupersedeForm
    title = "Supersede the final version"
    intro = (
        "The final version and its PDF stay as Cabinet received them, with your reason. The report becomes "
        "a draft again and a new version is generated; edit the front matter and generate again as needed."
    )

    def get(self, request, *args, **kwargs):
        if not self.report.is_locked:
            messages.error(request, "Only a final report can be superseded")
            return redirect(self.report.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def save(self, form):
        return version_services.report_supersede(
            report=self.report, by=self.request.user, reason=form.cleaned_data["reason"]
        )

    def get_success_message(self):
        return f"The final version is superseded by version {self.object.number}, now being generated"
