"""The activity log's pages: the list and its CSV, an activity, the log form, actions, needs attention."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, FormView, UpdateView

from intlinks.editing import ServiceFormMixin, service_action
from intlinks.exports import download
from intlinks.files import stored_file_download
from intlinks.money import format_money
from partnerships import exports, selectors, services
from partnerships.filters import ActivityFilter
from partnerships.forms import (
    ActivityForm,
    CostFormSet,
    EvidenceForm,
    JustificationForm,
    RepaymentForm,
    SafeguardingForm,
    StateReasonForm,
)
from partnerships.models import Activity, Cost, Evidence, Gift
from partnerships.uploads import download_name_and_type
from partnerships.views.common import PartnershipChildMixin, filtered_page
from strategy.selectors import budget_line_groups

VIEW = "partnerships.view_activity"


def activities_crumb() -> tuple[str, str]:
    return ("Activities", reverse("partnerships:activities"))


def activity_crumbs(activity: Activity, *current: str) -> list[tuple[str, str | None]]:
    return [activities_crumb(), (activity.title, activity.get_absolute_url()), *[(c, None) for c in current]]


def tell_if_gate_reopened(request, saved) -> None:
    """A write that sent a ready activity back to planned says so (`gate_reopened`, set by the service)."""
    if getattr(saved, "gate_reopened", ""):
        messages.warning(request, saved.gate_reopened)


class OpenActivityMixin:
    """A page that changes an activity: a closed one (`Activity.is_locked`) sends the person back to
    the activity with the reason, before any form is shown. The service refuses as well."""

    def activity_to_change(self) -> Activity:
        return self.get_object()

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission():
            return self.handle_no_permission()
        activity = self.activity_to_change()
        if activity.is_locked:
            messages.error(request, activity.lock_refusal())
            return redirect(activity)
        return super().dispatch(request, *args, **kwargs)


@permission_required(VIEW, raise_exception=True)
def activity_list(request):
    """Activities with filters (link, kind, financial year, objective, flagged) and the same list as CSV."""
    activities = ActivityFilter(ActivityFilter.with_defaults(request.GET), queryset=selectors.activity_list())
    context = {
        **filtered_page(request, activities),
        "council_spend": selectors.council_spend_of(activities.qs),
        "crumbs": [("Activities", None)],
    }
    return render(request, "partnerships/activity_list.html", context)


@permission_required(VIEW, raise_exception=True)
def activity_export(request, file_format):
    """The filtered list as CSV or XLSX, streamed in chunks however long the log."""
    activities = ActivityFilter(request.GET, queryset=selectors.activity_list()).qs
    return download(exports.ACTIVITIES, activities, file_format)


@permission_required(VIEW, raise_exception=True)
def activity_detail(request, pk):
    """An activity, its costs and gifts with their breaches, and the steps it may take next."""
    try:
        activity = selectors.activity_detail(pk)
    except Activity.DoesNotExist as error:
        raise Http404("No such activity") from error
    context = {
        "activity": activity,
        "history": selectors.activity_history(activity),
        "can_edit": request.user.has_perm("partnerships.change_activity"),
        "crumbs": [activities_crumb(), (activity.title, None)],
    }
    return render(request, "partnerships/activity_detail.html", context)


COSTS_INTRO = (
    "Add each cost one at a time. Each is checked against the conduct rules in force on its date; a "
    "breach is flagged and then needs a justification and a second person's approval."
)


class ActivityFormView(ServiceFormMixin):
    """An activity and its costs on one page, saved together by `services.activity_log`; every error
    of the activity, its costs and the rules across them in one round."""

    form_class = ActivityForm
    formset_class = CostFormSet
    formset_prefix = "costs"
    add_row_name = "add_cost"
    template_name = "partnerships/activity_form.html"
    success_message = "Activity saved"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            submit_label="Save the activity",
            formset_heading="Costs",
            formset_intro=COSTS_INTRO,
            add_row_label="Add another cost",
            hide_form=True,  # the page places the form's sections around the costs itself
            **kwargs,
        )

    def formset_form_kwargs(self) -> dict:
        # The budget lines are read once for every cost of the page (a fixed number of queries).
        activity = getattr(self, "object", None)
        keep = Cost.objects.filter(activity=activity).values("budget_line") if activity is not None else []
        return {"line_groups": budget_line_groups(keep=keep), "user": self.request.user}

    def check_together(self, form, rows):
        errors = form.instance.funding_errors(council_pays=Cost.council_pays_any(rows))
        if errors:
            raise ValidationError(errors)

    def save(self, form):
        activity = services.activity_log(
            activity=form.instance,
            costs=[row.instance for row in self.kept_rows],
            removed_costs=self.removed_rows,
            objectives=form.cleaned_data["objectives"],
            ways_forward=form.cleaned_data["ways_forward"],
            by=self.request.user,
        )
        tell_if_gate_reopened(self.request, activity)
        return activity


class ActivityCreateView(PartnershipChildMixin, ActivityFormView, CreateView):
    """Log an activity on a link, with its costs, in one form."""

    permission_required = "partnerships.add_activity"
    title = "Log an activity"

    def get_success_url(self):
        return self.object.get_absolute_url()  # the new activity, not the link


class ActivityUpdateView(OpenActivityMixin, ActivityFormView, UpdateView):
    """Edit an activity and its costs; outcomes are recorded here afterwards."""

    permission_required = "partnerships.change_activity"
    queryset = Activity.objects.select_related("partnership__place")
    title = "Edit the activity"

    def crumbs(self):
        return activity_crumbs(self.object, self.title)


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


def _breach_crumbs(item, current: str) -> list[tuple[str, str | None]]:
    if isinstance(item, Cost):
        return activity_crumbs(item.activity, current)
    return [activities_crumb(), ("Gifts and hospitality", reverse("partnerships:gifts")), (current, None)]


@require_POST
@permission_required("partnerships.change_cost", raise_exception=True)
def breach_justify(request, kind, pk):
    """Record the written justification of a flagged cost or gift."""
    item = _breach_item(kind, pk)
    form = JustificationForm(request.POST)
    if not form.is_valid():
        # The kit's form page, with its error summary and the field's error, not a banner elsewhere.
        title = "Justify the breach"
        context = {"form": form, "title": title, "intro": item.breach, "crumbs": _breach_crumbs(item, title)}
        return render(request, "form_page.html", context)
    service_action(
        request,
        lambda: services.breach_justify(
            item=item, justification=form.cleaned_data["justification"], by=request.user
        ),
        success="Justification saved: a second person must now approve it",
    )
    return redirect(_back_to(item))


@require_POST
@permission_required("partnerships.approve_breach", raise_exception=True)
def breach_approve(request, kind, pk):
    """A second person approves a justified breach."""
    item = _breach_item(kind, pk)
    service_action(
        request,
        lambda: services.breach_approve(item=item, by=request.user),
        success="Breach approved",
        guard=item,  # the amount and justification the approver saw
    )
    return redirect(_back_to(item))


class RepaymentView(ServiceFormMixin, FormView):
    """Record what the traveller repaid of a breaching cost's excess: offered only while the cost may
    take one (`Cost.repayment_refusal`); repaid in full, the breach is settled without an approval."""

    permission_required = "partnerships.change_cost"
    form_class = RepaymentForm
    title = "Record a repayment of the excess"
    success_message = "Repayment recorded"
    # What the person saw: the cost's amount and breach, and any repayment already recorded.
    version_fields = ["amount_gbp", "breach", "excess_gbp", "repaid_amount", "repaid_on"]

    def dispatch(self, request, *args, **kwargs):
        self.cost = get_object_or_404(Cost.objects.select_related("activity"), pk=kwargs["pk"])
        refusal = self.cost.repayment_refusal()
        if self.has_permission() and refusal:
            messages.error(request, refusal)
            return redirect(self.cost.activity)
        return super().dispatch(request, *args, **kwargs)

    def versioned_record(self, form):
        return self.cost

    def crumbs(self):
        return activity_crumbs(self.cost.activity, self.title)

    def get_initial(self):
        if self.cost.repaid_amount is not None:
            return {"repaid_amount": self.cost.repaid_amount, "repaid_on": self.cost.repaid_on}
        return {"repaid_amount": self.cost.excess_gbp, "repaid_on": timezone.localdate()}

    @property
    def intro(self) -> str:
        return repayment_intro(self.cost)

    def save(self, form):
        return services.cost_record_repayment(
            cost=self.cost,
            amount=form.cleaned_data["repaid_amount"],
            repaid_on=form.cleaned_data["repaid_on"],
            by=self.request.user,
        )

    def get_success_url(self):
        return self.cost.activity.get_absolute_url()


def repayment_intro(cost: Cost) -> str:
    """What the page says of the cost and its excess before asking what was repaid."""
    intro = f"{cost}: {cost.breach.replace(chr(10), '; ')}."
    if cost.excess_gbp is None:
        return f"{intro} The rules cannot put this excess in pounds, so it still needs an approval."
    return (
        f"{intro} The excess over the rules is {format_money(cost.excess_gbp)}: repaid in full, the breach "
        "is settled without an approval."
    )


@require_POST
@permission_required("partnerships.change_activity", raise_exception=True)
def activity_change_state(request, pk, to):
    """Mark an activity ready to travel (the safeguarding gate) or complete (no unresolved breach)."""
    activity = get_object_or_404(Activity, pk=pk)
    action = {"ready": services.activity_mark_ready, "complete": services.activity_mark_complete}.get(to)
    if action is None:
        raise Http404("No such step")
    success = f"Marked {Activity.State(to).label.lower()}"
    service_action(request, lambda: action(activity=activity, by=request.user), success=success)
    return redirect(activity)


class ActivityStateReasonView(ServiceFormMixin, FormView):
    """Reopen or cancel an activity: a required reason, kept with who and when in its state history.
    Offered only when the activity's predicate (`offered_when`) allows the step."""

    permission_required = "partnerships.change_activity"
    form_class = StateReasonForm
    offered_when = ""

    def dispatch(self, request, *args, **kwargs):
        self.activity = get_object_or_404(Activity, pk=kwargs["pk"])
        if self.has_permission() and not getattr(self.activity, self.offered_when):
            messages.error(request, self.not_offered)
            return redirect(self.activity)
        return super().dispatch(request, *args, **kwargs)

    def crumbs(self):
        return activity_crumbs(self.activity, self.title)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "label": self.reason_label, "submit_label": self.title}

    def get_success_url(self):
        return self.activity.get_absolute_url()


class ActivityReopenView(ActivityStateReasonView):
    title = "Reopen the activity"
    reason_label = "Why is the activity reopened?"
    intro = "A reopened activity goes back to planned and can be changed again; the reason is kept."
    success_message = "Activity reopened"
    offered_when, not_offered = "can_reopen", "Only a complete or cancelled activity can be reopened"

    def save(self, form):
        return services.activity_reopen(
            activity=self.activity, by=self.request.user, reason=form.cleaned_data["reason"]
        )


class ActivityCancelView(ActivityStateReasonView):
    title = "Cancel the activity"
    reason_label = "Why is the activity cancelled?"
    intro = "A cancelled activity is closed: it cannot be changed unless it is reopened."
    success_message = "Activity cancelled"
    offered_when, not_offered = "can_cancel", "The activity is already closed"

    def save(self, form):
        return services.activity_cancel(
            activity=self.activity, by=self.request.user, reason=form.cleaned_data["reason"]
        )


class SafeguardingUpdateView(OpenActivityMixin, ServiceFormMixin, UpdateView):
    permission_required = "partnerships.change_activity"
    model = Activity
    form_class = SafeguardingForm
    title = "Checklist before travel"
    success_message = "Checklist saved"

    def crumbs(self):
        return activity_crumbs(self.object, self.title)

    intro = (
        "An activity whose party travels cannot be marked ready to travel until its risk assessment is "
        "uploaded as evidence and insurance is confirmed. With young people, parental consent for every "
        "young participant, the code of behaviour and named coordinators with contact details are needed too."
    )

    def save(self, form):
        activity = services.activity_update_safeguarding(activity=form.instance, by=self.request.user)
        tell_if_gate_reopened(self.request, activity)
        return activity

    def get_success_url(self):
        return self.object.get_absolute_url()


class EvidenceCreateView(OpenActivityMixin, ServiceFormMixin, CreateView):
    permission_required = "partnerships.add_evidence"
    form_class = EvidenceForm
    title = "Add evidence"
    success_message = "Evidence uploaded"

    def dispatch(self, request, *args, **kwargs):
        self.activity = get_object_or_404(Activity, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def activity_to_change(self):
        return self.activity

    def crumbs(self):
        return activity_crumbs(self.activity, self.title)

    intro = "A photo or a document (PDF, Word, PNG or JPEG), such as a youth exchange's risk assessment."

    def fill_instance(self, evidence):
        evidence.activity = self.activity

    def save(self, form):
        return services.evidence_add(evidence=form.instance, by=self.request.user)

    def get_success_url(self):
        return self.activity.get_absolute_url()


@permission_required("partnerships.view_evidence", raise_exception=True)
def evidence_download(request, pk):
    """A file of evidence, only to people who may read the log; never served as a static file."""
    evidence = get_object_or_404(Evidence, pk=pk)
    back = ("the activity", evidence.activity.get_absolute_url())
    return stored_file_download(request, evidence.file, describe=download_name_and_type, back=back)


@permission_required(VIEW, raise_exception=True)
def needs_attention(request):
    """Unresolved breaches, youth activities not ready to travel, funders' deadlines coming up."""
    context = {
        "attention": selectors.needs_attention(),
        "crumbs": [activities_crumb(), ("Needs attention", None)],
    }
    return render(request, "partnerships/needs_attention.html", context)
