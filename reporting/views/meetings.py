"""Working party meetings: the list, recording a meeting and its agenda, the meeting with a decision
form for each grant on its agenda, and its papers on one printable page built from live data.

The records and their rules are in `partnerships` (models, services, selectors); these pages call them.
"""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.generic import CreateView, FormView, UpdateView

from intlinks.editing import ServiceFormMixin
from partnerships import selectors, services
from partnerships.forms import AgendaItemFormSet, DecisionForm, MeetingForm
from partnerships.models import GrantApplication, Meeting
from reporting.selectors import meetings as meeting_selectors

VIEW = "partnerships.view_meeting"


def meetings_crumb() -> tuple[str, str]:
    return ("Working party meetings", reverse("reporting:meetings"))


def meeting_crumbs(meeting: Meeting, *current: str) -> list[tuple[str, str | None]]:
    return [meetings_crumb(), (str(meeting), meeting_url(meeting)), *[(c, None) for c in current]]


def meeting_url(meeting: Meeting) -> str:
    return reverse("reporting:meeting", args=[meeting.pk])


def _meeting(pk: int) -> Meeting:
    try:
        return selectors.meeting_detail(pk)
    except Meeting.DoesNotExist as error:
        raise Http404("No such meeting") from error


@permission_required(VIEW, raise_exception=True)
def meeting_list(request):
    context = {"meetings": selectors.meeting_list(), "crumbs": [("Working party meetings", None)]}
    return render(request, "reporting/meeting_list.html", context)


@permission_required(VIEW, raise_exception=True)
def meeting_detail(request, pk):
    """The meeting, its agenda, and for each grant on it the decision or, for a member present, the form."""
    meeting = _meeting(pk)
    rows = []
    for item in meeting.items.all():
        application = item.grant_application
        refusal = (
            services.decision_refusal(application=application, meeting=meeting, by=request.user)
            if application is not None
            else ""
        )
        rows.append({"item": item, "may_decide": application is not None and not refusal, "refusal": refusal})
    context = {
        "meeting": meeting,
        "rows": rows,
        "decision_form": DecisionForm(),
        "crumbs": [meetings_crumb(), (str(meeting), None)],
    }
    return render(request, "reporting/meeting_detail.html", context)


@permission_required(VIEW, raise_exception=True)
def meeting_papers(request, pk):
    """The meeting's papers: every agenda item with its live figures, on one printable page."""
    try:
        papers = meeting_selectors.meeting_papers(pk)
    except Meeting.DoesNotExist as error:
        raise Http404("No such meeting") from error
    context = {
        "papers": papers,
        "meeting": papers.meeting,
        "crumbs": meeting_crumbs(papers.meeting, "Papers"),
    }
    return render(request, "reporting/meeting_papers.html", context)


class MeetingFormView(ServiceFormMixin):
    """A meeting, its members present and its agenda on one page, saved together by `meeting_save`."""

    form_class = MeetingForm
    formset_class = AgendaItemFormSet
    formset_prefix = "items"
    success_message = "Meeting saved"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            submit_label="Save the meeting",
            formset_heading="Agenda",
            formset_intro=(
                "In order. A grant application must have been submitted; a link's review names the link, "
                "the dashboard a financial year such as 2025/26. Leave unused items empty."
            ),
            **kwargs,
        )

    def save(self, form):
        return services.meeting_save(
            meeting=form.instance,
            members_present=form.cleaned_data["members_present"],
            items=[row.instance for row in self.kept_rows],
            removed_items=self.removed_rows,
            by=self.request.user,
        )

    def get_success_url(self):
        return meeting_url(self.object)


class MeetingCreateView(MeetingFormView, CreateView):
    permission_required = "partnerships.add_meeting"
    title = "Record a meeting"

    def crumbs(self):
        return [meetings_crumb(), (self.title, None)]


class MeetingUpdateView(MeetingFormView, UpdateView):
    permission_required = "partnerships.change_meeting"
    model = Meeting
    title = "Edit the meeting"

    def crumbs(self):
        return meeting_crumbs(self.object, self.title)


class GrantDecisionView(ServiceFormMixin, FormView):
    """A member present records the working party's decision on one grant on the meeting's agenda."""

    permission_required = "partnerships.decide_grantapplication"
    form_class = DecisionForm
    template_name = "reporting/meeting_decision.html"
    title = "Record the decision"
    success_message = "Decision recorded"

    def dispatch(self, request, *args, **kwargs):
        self.meeting = _meeting(kwargs["pk"])
        self.application = get_object_or_404(
            GrantApplication.objects.select_related("organisation", "budget_line__budget"), pk=kwargs["grant"]
        )
        if self.has_permission():
            refusal = services.decision_refusal(
                application=self.application, meeting=self.meeting, by=request.user
            )
            if refusal:
                messages.error(request, refusal)
                return redirect(meeting_url(self.meeting))
        return super().dispatch(request, *args, **kwargs)

    def crumbs(self):
        return meeting_crumbs(self.meeting, self.title)

    def get_context_data(self, **kwargs):
        return super().get_context_data(application=self.application, meeting=self.meeting, **kwargs)

    def save(self, form):
        data = form.cleaned_data
        return services.grant_decide(
            application=self.application,
            meeting=self.meeting,
            by=self.request.user,
            approve=data["decision"] == "approve",
            amount=data["amount"],
            conditions=data["conditions"],
            reasons=data["reasons"],
            override_reason=data["override_reason"],
        )

    def get_success_url(self):
        return meeting_url(self.meeting)
