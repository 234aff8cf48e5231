"""Cabinet reports: the list, a report's page, creating a draft (front matter drafted from the data)
and editing its front matter and rows. A final report's front matter is locked.

Generation, versions and downloads are added beside these (issue 12's pipeline)."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.generic import FormView, UpdateView

from intlinks.editing import ServiceFormMixin
from reporting.forms import ROW_FORMSETS, ReportCreateForm, ReportForm
from reporting.models import CabinetReport
from reporting.selectors import reports as selectors
from reporting.services import reports as services

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
        "versions": list(report.versions.all()),
        "crumbs": [reports_crumb(), (report.title, None)],
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


class FormsetGroup:
    """The several row formsets of the edit page, seen by the kit as one: validated together, their
    rows kept or removed together (the service tells the kinds of row apart)."""

    can_delete = True
    row_label = "Row"

    def __init__(self, formsets):
        self.formsets = formsets

    def is_valid(self) -> bool:
        return all([formset.is_valid() for formset in self.formsets])

    @property
    def forms(self):
        return [row for formset in self.formsets for row in formset.forms]

    def total_error_count(self) -> int:
        return sum(formset.total_error_count() for formset in self.formsets)

    def non_form_errors(self):
        return [error for formset in self.formsets for error in formset.non_form_errors()]

    def __iter__(self):
        return iter(self.forms)

    def is_multipart(self) -> bool:
        return False


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
        self.row_formsets = [
            (heading, formset_class(data, instance=form.instance, prefix=prefix))
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
