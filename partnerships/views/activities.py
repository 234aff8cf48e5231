"""The activity log's pages: the list and its CSV, an activity, the log form, actions, needs attention."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, UpdateView

from intlinks.csv_export import csv_download
from intlinks.editing import apply_validation_error
from partnerships import selectors, services
from partnerships.filters import ActivityFilter
from partnerships.forms import (
    ActivityForm,
    CostFormSet,
    EvidenceForm,
    JustificationForm,
    SafeguardingForm,
)
from partnerships.models import Activity, Cost, Evidence, Gift, Partnership
from partnerships.uploads import sniff_content_type
from partnerships.views.common import filtered_page, link_crumbs
from partnerships.views.editing import ServiceFormView

VIEW = "partnerships.view_activity"


def activities_crumb() -> tuple[str, str]:
    return ("Activities", reverse("partnerships:activities"))


def activity_crumbs(activity: Activity, *current: str) -> list[tuple[str, str | None]]:
    return [activities_crumb(), (activity.title, activity.get_absolute_url()), *[(c, None) for c in current]]


@permission_required(VIEW, raise_exception=True)
def activity_list(request):
    """Activities with filters (link, kind, financial year, objective, flagged) and the same list as CSV."""
    activities = ActivityFilter(request.GET, queryset=selectors.activity_list())
    context = {**filtered_page(request, activities), "crumbs": [("Activities", None)]}
    return render(request, "partnerships/activity_list.html", context)


@permission_required(VIEW, raise_exception=True)
def activity_export(request):
    activities = ActivityFilter(request.GET, queryset=selectors.activity_list()).qs
    response, writer = csv_download(filename=f"activities-{timezone.localdate():%Y-%m-%d}.csv")
    writer.writerow(
        [
            "Title",
            "Kind",
            "Partnership",
            "Start",
            "End",
            "Financial year",
            "Status",
            "Participants",
            "Objectives",
            "Total cost (£)",
            "Breaches needing attention",
        ]
    )
    for activity in activities:
        row = [
            activity.title,
            activity.get_kind_display(),
            str(activity.partnership.place),
            activity.starts_on,
            activity.ends_on,
            activity.financial_year.label,
            activity.get_state_display(),
            activity.participant_count,
            "; ".join(str(objective.number) for objective in activity.objectives.all()),
            activity.total_gbp,
            activity.unresolved_breaches,
        ]
        writer.writerow(row)
    return response


@permission_required(VIEW, raise_exception=True)
def activity_detail(request, pk):
    try:
        activity = selectors.activity_detail(pk)
    except Activity.DoesNotExist as error:
        raise Http404("No such activity") from error
    context = {
        "activity": activity,
        "missing": services.safeguarding_missing(activity),
        "can_edit": request.user.has_perm("partnerships.change_activity"),
        "can_approve": request.user.has_perm("partnerships.approve_breach"),
        "justification_form": JustificationForm(),
        "crumbs": [activities_crumb(), (activity.title, None)],
    }
    return render(request, "partnerships/activity_detail.html", context)


def _cost_forms_to_save(formset) -> tuple[list, list[Cost]]:
    """The forms holding a cost to save (filled or existing, not removed) and the costs to remove."""
    kept = [
        form
        for form in formset.forms
        if (form.has_changed() or form.instance.pk) and not formset._should_delete_form(form)
    ]
    removed = [form.instance for form in formset.deleted_forms if form.instance.pk]
    return kept, removed


def _activity_form_page(request, *, activity: Activity, title: str, crumbs):
    form = ActivityForm(request.POST or None, instance=activity)
    formset = CostFormSet(request.POST or None, instance=activity, prefix="costs")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        kept, removed = _cost_forms_to_save(formset)
        try:
            activity = services.activity_log(
                activity=form.instance,
                costs=[cost_form.instance for cost_form in kept],
                removed_costs=removed,
                objectives=form.cleaned_data["objectives"],
                ways_forward=form.cleaned_data["ways_forward"],
                by=request.user,
            )
        except services.CostErrors as error:
            for index, cost_error in error.by_index.items():
                apply_validation_error(kept[index], cost_error)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Activity saved")
            return redirect(activity)
    cost_errors = [
        (number, cost_form) for number, cost_form in enumerate(formset.forms, start=1) if cost_form.errors
    ]
    context = {"form": form, "formset": formset, "title": title, "crumbs": crumbs, "cost_errors": cost_errors}
    return render(request, "partnerships/activity_form.html", context)


@permission_required("partnerships.add_activity", raise_exception=True)
def activity_create(request, pk):
    """Log an activity on a link, with its costs, in one form."""
    partnership = get_object_or_404(Partnership.objects.select_related("place"), pk=pk)
    activity = Activity(partnership=partnership)
    title = "Log an activity"
    return _activity_form_page(
        request, activity=activity, title=title, crumbs=link_crumbs(partnership, title)
    )


@permission_required("partnerships.change_activity", raise_exception=True)
def activity_edit(request, pk):
    """Edit an activity and its costs; outcomes are recorded here afterwards."""
    activity = get_object_or_404(Activity.objects.select_related("partnership__place"), pk=pk)
    title = "Edit the activity"
    return _activity_form_page(
        request, activity=activity, title=title, crumbs=activity_crumbs(activity, title)
    )


BREACH_MODELS = {"cost": Cost, "gift": Gift}


def _breach_item(kind: str, pk: int):
    model = BREACH_MODELS.get(kind)
    if model is None:
        raise Http404("No such kind of record")
    return get_object_or_404(model, pk=pk)


def _back_to(item) -> str:
    if isinstance(item, Cost):
        return item.activity.get_absolute_url()
    return reverse("partnerships:gifts")


@require_POST
@permission_required("partnerships.change_cost", raise_exception=True)
def breach_justify(request, kind, pk):
    """Record the written justification of a flagged cost or gift."""
    item = _breach_item(kind, pk)
    form = JustificationForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["justification"][0])
        return redirect(_back_to(item))
    try:
        services.breach_justify(item=item, justification=form.cleaned_data["justification"], by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Justification saved: a second person must now approve it")
    return redirect(_back_to(item))


@require_POST
@permission_required("partnerships.approve_breach", raise_exception=True)
def breach_approve(request, kind, pk):
    """A second person approves a justified breach."""
    item = _breach_item(kind, pk)
    try:
        services.breach_approve(item=item, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Breach approved")
    return redirect(_back_to(item))


@require_POST
@permission_required("partnerships.change_activity", raise_exception=True)
def activity_change_state(request, pk, to):
    """Mark an activity ready to travel (the safeguarding gate) or complete (no unresolved breach)."""
    activity = get_object_or_404(Activity, pk=pk)
    action = {"ready": services.activity_mark_ready, "complete": services.activity_mark_complete}.get(to)
    if action is None:
        raise Http404("No such step")
    try:
        activity = action(activity=activity)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Marked {activity.get_state_display().lower()}")
    return redirect(activity)


class SafeguardingUpdateView(ServiceFormView, UpdateView):
    permission_required = "partnerships.change_activity"
    model = Activity
    form_class = SafeguardingForm
    title = "Safeguarding checklist"
    success_message = "Checklist saved"

    def crumbs(self):
        return activity_crumbs(self.object, self.title)

    def get_context_data(self, **kwargs):
        intro = (
            "A youth exchange cannot be marked ready to travel until the risk assessment is uploaded, "
            "insurance is confirmed, parental consent is received for every young participant, the code "
            "of behaviour is agreed and coordinators are named with their contact details."
        )
        return super().get_context_data(intro=intro, **kwargs)

    def save(self, form):
        return services.activity_update_safeguarding(activity=form.instance)

    def get_success_url(self):
        return self.object.get_absolute_url()


class EvidenceCreateView(ServiceFormView, CreateView):
    permission_required = "partnerships.add_evidence"
    form_class = EvidenceForm
    title = "Add evidence"
    success_message = "Evidence uploaded"

    def dispatch(self, request, *args, **kwargs):
        self.activity = get_object_or_404(Activity, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def crumbs(self):
        return activity_crumbs(self.activity, self.title)

    def get_context_data(self, **kwargs):
        intro = "A photo or a document (PDF, Word, PNG or JPEG), such as a youth exchange's risk assessment."
        return super().get_context_data(intro=intro, **kwargs)

    def save(self, form):
        form.instance.activity = self.activity
        return services.evidence_add(evidence=form.instance, by=self.request.user)

    def get_success_url(self):
        return self.activity.get_absolute_url()


@permission_required("partnerships.view_evidence", raise_exception=True)
def evidence_download(request, pk):
    """A file of evidence, only to people who may read the log; never served as a static file."""
    evidence = get_object_or_404(Evidence, pk=pk)
    document = evidence.file.open("rb")
    return FileResponse(
        document,
        as_attachment=True,
        filename=evidence.file.name.rsplit("/", 1)[-1],
        content_type=sniff_content_type(document) or "application/octet-stream",
    )


@permission_required(VIEW, raise_exception=True)
def needs_attention(request):
    context = {
        "attention": selectors.needs_attention(),
        "crumbs": [activities_crumb(), ("Needs attention", None)],
    }
    return render(request, "partnerships/needs_attention.html", context)
